"""Who fills the roles a trigger's direct dependents leave open: the nearest participant,
bodies acting through their people and documents, what the actor owns, places aimed at.

Hand-built parses (tests/parsed.py); the trigger lexicon types the events, no model.
Which words are events at all: tests/test_events_found.py.
"""

from __future__ import annotations

from datetime import datetime

from parsed import actor, code_events, parse, place, roles
from strife.events import EventCoder, Mentions
from strife.records import Article

# "on Russian officials" hangs on "bans", two steps below the verb.
IMPOSED_INCLUDING = """
The DET DT det 2 the
United PROPN NNP compound 2 United
States PROPN NNP nsubj 3 States
imposed VERB VBD ROOT 3 impose
new ADJ JJ amod 5 new
sanctions NOUN NNS dobj 3 sanction
, PUNCT , punct 5 ,
including VERB VBG prep 5 include
travel NOUN NN compound 9 travel
bans NOUN NNS pobj 7 ban
on ADP IN prep 9 on
Russian ADJ JJ amod 12 russian
officials NOUN NNS pobj 10 official
. PUNCT . punct 3 .
"""


PLEDGED_NOT_TO = """
Armenia PROPN NNP nsubj 1 Armenia
pledged VERB VBD ROOT 1 pledge
not PART RB neg 4 not
to PART TO aux 4 to
target VERB VB xcomp 1 target
civilians NOUN NNS dobj 4 civilian
. PUNCT . punct 1 .
"""


PLEDGED_TO_AID = """
Japan PROPN NNP nsubj 1 Japan
pledged VERB VBD ROOT 1 pledge
to PART TO aux 3 to
help VERB VB xcomp 1 help
Ukraine PROPN NNP dobj 3 Ukraine
. PUNCT . punct 1 .
"""


CHIEF_REJECTED = """
The DET DT det 3 the
EU PROPN NNP poss 3 EU
's PART POS case 1 's
chief NOUN NN nsubj 4 chief
rejected VERB VBD ROOT 4 reject
the DET DT det 6 the
proposal NOUN NN dobj 4 proposal
. PUNCT . punct 4 .
"""


CHAIRMAN_CONDEMNED = """
The DET DT det 1 the
chairman NOUN NN nsubj 5 chairman
of ADP IN prep 1 of
the DET DT det 4 the
Commission PROPN NNP pobj 2 Commission
condemned VERB VBD ROOT 5 condemn
the DET DT det 7 the
attacks NOUN NNS dobj 5 attack
. PUNCT . punct 5 .
"""


PLEDGED_HIS_SUPPORT = """
The DET DT det 1 the
president NOUN NN nsubj 2 president
pledged VERB VBD ROOT 2 pledge
his PRON PRP$ poss 4 his
support NOUN NN dobj 2 support
. PUNCT . punct 2 .
"""


def test_a_recipient_deeper_in_the_clause_is_found(rule_coder: EventCoder) -> None:
    doc = parse(IMPOSED_INCLUDING)
    mentions = [actor(doc, 1, 3, "USA", "GOV"), actor(doc, 11, 13, "RUS", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SANCTION"
    assert roles(event) == (["USA"], ["Russian officials"])
    assert [r.code for r in event.recipient] == ["RUS"]


def test_things_inside_what_is_pledged_are_not_recipients(rule_coder: EventCoder) -> None:
    doc = parse(PLEDGED_NOT_TO)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "ARM", "GOV")])
    assert (event.event, *roles(event)) == ("AGREE", ["ARM"], [])
    # A named party inside it still is: whom the pledge is for.
    doc = parse(PLEDGED_TO_AID)
    mentions = [actor(doc, 0, 1, "JPN", "GOV"), actor(doc, 4, 5, "UKR", "GOV")]
    events = code_events(rule_coder, doc, mentions)
    assert ("AGREE", ["JPN"], ["Ukraine"]) in [(e.event, *roles(e)) for e in events]


def test_a_role_held_for_a_body_is_that_bodys_doing(rule_coder: EventCoder) -> None:
    doc = parse(CHIEF_REJECTED)
    (event,) = code_events(rule_coder, doc, [actor(doc, 1, 2, "EUR", None, kind="igo")])
    assert event.event == "REJECT"
    assert [a.code for a in event.actor] == ["EUR"]
    doc = parse(CHAIRMAN_CONDEMNED)
    (event,) = code_events(rule_coder, doc, [actor(doc, 4, 5, "AFR", None, kind="igo")])
    assert event.event == "ACCUSE"
    assert [a.code for a in event.actor] == ["AFR"]
    assert [r.entity_text for r in event.recipient] == ["the attacks"]


def test_the_actors_own_pronoun_is_not_a_recipient(rule_coder: EventCoder) -> None:
    doc = parse(PLEDGED_HIS_SUPPORT)
    president = actor(doc, 0, 2, "FRA", "GOV")
    his = actor(doc, 3, 4, "FRA", "GOV", kind="pronoun")
    events = code_events(rule_coder, doc, [president, his])
    assert events
    assert all(e.recipient == () for e in events)
    assert all([a.code for a in e.actor] == ["FRA"] for e in events)


REPORT_ACCUSING = """
Amnesty PROPN NNP nsubj 1 Amnesty
published VERB VBD ROOT 1 publish
a DET DT det 3 a
report NOUN NN dobj 1 report
accusing VERB VBG acl 3 accuse
the DET DT det 6 the
army NOUN NN dobj 4 army
. PUNCT . punct 1 .
"""


CRITICISM_FROM = """
Iran PROPN NNP nsubj 1 Iran
faces VERB VBZ ROOT 1 face
criticism NOUN NN dobj 1 criticism
from ADP IN prep 2 from
the DET DT det 5 the
UN PROPN NNP pobj 3 UN
. PUNCT . punct 1 .
"""


BOMBING_BY = """
A DET DT det 1 a
bombing NOUN NN nsubj 5 bombing
by ADP IN prep 1 by
the DET DT det 4 the
rebels NOUN NNS pobj 2 rebel
killed VERB VBD ROOT 5 kill
ten NUM CD nummod 7 ten
soldiers NOUN NNS dobj 5 soldier
. PUNCT . punct 5 .
"""


def test_the_author_of_a_document_acts_through_it(rule_coder: EventCoder) -> None:
    doc = parse(REPORT_ACCUSING)
    mentions = [actor(doc, 0, 1, "IGO", "NGO", kind="group"), actor(doc, 6, 7, "NGA", "MIL")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert roles(event) == (["IGO"], ["army"])


def test_criticism_from_someone_is_theirs(rule_coder: EventCoder) -> None:
    doc = parse(CRITICISM_FROM)
    mentions = [actor(doc, 0, 1, "IRN", "GOV"), actor(doc, 5, 6, "UNO", None, kind="igo")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert ([a.code for a in event.actor], [r.code for r in event.recipient]) == (["UNO"], ["IRN"])


def test_what_the_subject_names_was_done_by_its_agent(rule_coder: EventCoder) -> None:
    doc = parse(BOMBING_BY)
    mentions = [actor(doc, 4, 5, "SOM", "REB", kind="agent"), actor(doc, 7, 8, "SOM", "MIL")]
    events = code_events(rule_coder, doc, mentions)
    killed = [e for e in events if e.event_text == "killed"]
    assert [(e.event, *roles(e)) for e in killed] == [("ASSAULT", ["SOM"], ["soldiers"])]
    assert [a.sector for a in killed[0].actor] == ["REB"]


CURFEW_AND_TROOPS = """
The DET DT det 1 the
president NOUN NN nsubj 2 president
declared VERB VBD ROOT 2 declare
a DET DT det 4 a
curfew NOUN NN dobj 2 curfew
in ADP IN prep 2 in
the DET DT det 7 the
town NOUN NN pobj 5 town
and CCONJ CC cc 2 and
sent VERB VBD conj 2 send
troops NOUN NNS dobj 9 troop
. PUNCT . punct 2 .
"""


TALKS_AT_HIS_OFFICE = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
held VERB VBD ROOT 2 hold
talks NOUN NNS dobj 2 talk
at ADP IN prep 2 at
his PRON PRP$ poss 6 his
office NOUN NN pobj 4 office
in ADP IN prep 6 in
Hanoi PROPN NNP pobj 7 Hanoi
. PUNCT . punct 2 .
"""


STRAY_HYPHEN = """
Rebels NOUN NNS nsubj 1 rebel
attacked VERB VBD ROOT 1 attack
- NOUN NN dobj 1 -
. PUNCT . punct 1 .
"""


def test_a_coordinated_verb_is_another_event_not_a_recipient(rule_coder: EventCoder) -> None:
    doc = parse(CURFEW_AND_TROOPS)
    mentions = [actor(doc, 1, 2, "BOL", "GOV", kind="agent"), actor(doc, 10, 11, None, "MIL")]
    curfews = [e for e in code_events(rule_coder, doc, mentions) if e.event == "COERCE"]
    assert [roles(e) for e in curfews] == [(["BOL"], ["the town"])]


def test_the_nearest_participant_is_never_the_actors_own(rule_coder: EventCoder) -> None:
    doc = parse(TALKS_AT_HIS_OFFICE)
    mentions = [
        actor(doc, 1, 2, "KOR", "GOV", kind="agent"),
        actor(doc, 5, 6, "KOR", "GOV", kind="pronoun"),
        actor(doc, 8, 9, "VNM", "GOV", kind="capital"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "CONSULT"
    assert roles(event) == (["KOR"], ["Hanoi"])


def test_punctuation_is_never_a_participant(rule_coder: EventCoder) -> None:
    doc = parse(STRAY_HYPHEN)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "SYR", "REB", kind="agent")])
    assert event.recipient == ()


DEMANDED_THAT_NAMED = """
The DET DT det 1 the
speaker NOUN NN nsubj 2 speaker
demanded VERB VBD ROOT 2 demand
that SCONJ IN mark 5 that
Dbeibeh PROPN NNP nsubj 5 Dbeibeh
appear VERB VB ccomp 2 appear
before ADP IN prep 5 before
his PRON PRP$ poss 8 his
government NOUN NN pobj 6 government
. PUNCT . punct 2 .
"""


CALLED_TO_DISCUSS = """
Blinken PROPN NNP nsubj 1 Blinken
called VERB VBD ROOT 1 call
Lavrov PROPN NNP dobj 1 Lavrov
to PART TO aux 4 to
discuss VERB VB xcomp 1 discuss
the DET DT det 6 the
talks NOUN NNS dobj 4 talk
. PUNCT . punct 1 .
"""


def test_whom_a_demand_is_made_of_may_be_an_unknown_name(rule_coder: EventCoder) -> None:
    doc = parse(DEMANDED_THAT_NAMED)
    mentions = [
        actor(doc, 0, 2, "LBY", "LEG", kind="agent"),
        actor(doc, 7, 8, "LBY", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "REQUEST"
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Dbeibeh", None)]


def test_a_completing_verb_takes_the_object_of_the_verb_it_completes(
    rule_coder: EventCoder,
) -> None:
    doc = parse(CALLED_TO_DISCUSS)
    mentions = [actor(doc, 0, 1, "USA", "GOV", kind="person"), actor(doc, 2, 3, "RUS", "GOV")]
    consults = [e for e in code_events(rule_coder, doc, mentions) if e.event == "CONSULT"]
    assert [roles(e) for e in consults] == [(["USA"], ["Lavrov"])]


AIRPORT_REFUSED = """
Kismayo PROPN NNP compound 1 Kismayo
airport NOUN NN nsubj 2 airport
refused VERB VBD ROOT 2 refuse
to PART TO aux 4 to
allow VERB VB xcomp 2 allow
the DET DT det 6 the
plane NOUN NN dobj 4 plane
. PUNCT . punct 2 .
"""


def test_a_noun_a_proper_name_qualifies_is_a_name(rule_coder: EventCoder) -> None:
    doc = parse(AIRPORT_REFUSED)
    (event,) = code_events(rule_coder, doc, [])
    assert event.event == "REJECT"
    assert [(a.entity_text, a.code) for a in event.actor] == [("Kismayo airport", None)]


WITHDRAW_ITS_TROOPS = """
Honduras PROPN NNP nsubj 1 Honduras
withdrew VERB VBD ROOT 1 withdraw
its PRON PRP$ poss 3 its
troops NOUN NNS dobj 1 troop
from ADP IN prep 1 from
the DET DT det 6 the
zone NOUN NN pobj 4 zone
. PUNCT . punct 1 .
"""


def test_what_a_state_moves_of_its_own_is_not_its_recipient(rule_coder: EventCoder) -> None:
    doc = parse(WITHDRAW_ITS_TROOPS)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "HND", "GOV")])
    assert event.event == "RETREAT"
    assert roles(event) == (["HND"], ["the zone"])


CONDEMNED_ATTACK_ON = """
The DET DT det 1 the
UN PROPN NNP nsubj 2 UN
condemned VERB VBD ROOT 2 condemn
the DET DT det 4 the
attack NOUN NN dobj 2 attack
on ADP IN prep 4 on
a DET DT det 7 a
church NOUN NN pobj 5 church
. PUNCT . punct 2 .
"""


def test_who_suffered_a_condemned_attack_is_not_accused(rule_coder: EventCoder) -> None:
    doc = parse(CONDEMNED_ATTACK_ON)
    mentions = [actor(doc, 1, 2, "UNO", None, kind="igo"), actor(doc, 7, 8, None, "REL")]
    accusations = [e for e in code_events(rule_coder, doc, mentions) if e.event == "ACCUSE"]
    assert [roles(e) for e in accusations] == [(["UNO"], ["the attack"])]


AID_IN_CHAD = """
Japan PROPN NNP nsubj 1 Japan
provided VERB VBD ROOT 1 provide
food NOUN NN dobj 1 food
in ADP IN prep 1 in
Chad PROPN NNP pobj 3 Chad
. PUNCT . punct 1 .
"""


def test_aid_delivered_at_a_foreign_place_is_aimed_at_its_country(rule_coder: EventCoder) -> None:
    doc = parse(AID_IN_CHAD)
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    mentions = Mentions([actor(doc, 0, 1, "JPN", "GOV")], [place(doc, 4, 5, 2434508, "TCD")], [])
    (event,) = rule_coder.code(doc, article, mentions)
    assert event.event == "AID"
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Chad", "TCD")]


CALLED_FOR_SANCTIONS = """
France PROPN NNP nsubj 1 France
called VERB VBD ROOT 1 call
for ADP IN prep 1 for
sanctions NOUN NNS pobj 2 sanction
against ADP IN prep 3 against
Moscow PROPN NNP pobj 4 Moscow
over ADP IN prep 1 over
the DET DT det 9 the
Navalny PROPN NNP compound 9 Navalny
case NOUN NN pobj 6 case
. PUNCT . punct 1 .
"""


def test_a_call_for_sanctions_is_aimed_at_whom_they_target(rule_coder: EventCoder) -> None:
    doc = parse(CALLED_FOR_SANCTIONS)
    mentions = [actor(doc, 0, 1, "FRA", "GOV"), actor(doc, 5, 6, "RUS", "GOV", kind="capital")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "REQUEST"
    assert [r.code for r in event.recipient] == ["RUS"]


PROLONGING_SANCTIONS = """
The DET DT det 1 the
EU PROPN NNP nsubj 3 EU
is AUX VBZ aux 3 be
prolonging VERB VBG ROOT 3 prolong
sanctions NOUN NNS dobj 3 sanction
against ADP IN prep 4 against
Syria PROPN NNP pobj 5 Syria
. PUNCT . punct 3 .
"""


def test_prolonged_sanctions_are_the_prolongers(rule_coder: EventCoder) -> None:
    doc = parse(PROLONGING_SANCTIONS)
    mentions = [actor(doc, 1, 2, "EUR", None, kind="igo"), actor(doc, 6, 7, "SYR", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, [a.code for a in event.actor], [r.code for r in event.recipient]) == (
        "SANCTION",
        ["EUR"],
        ["SYR"],
    )
