"""Who fills an event's roles (``strife.events.arguments``): the nearest participant,
bodies acting through their people and documents, what the actor owns, places aimed at,
whom a verb of giving gives to, partners in an event done together, who made the proposal
an event answers, whom support is for, nouns joined under one verb, named people the actor
calls its own, participants no dictionary knows.

Hand-built parses (tests/parsed.py); the trigger lexicon types the events, no model.
Which words are events at all: tests/test_events_triggers.py.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from parsed import actor, code_events, parse, place, roles
from strife.events import EventCoder, Mentions
from strife.events.arguments import extract_arguments
from strife.events.lexicon import EventLexicon
from strife.events.references import MentionIndex
from strife.events.triggers import find_triggers
from strife.records import Article

SUED = """
The DET DT det 1 the
ACLU PROPN NNP nsubj 2 ACLU
sued VERB VBD ROOT 2 sue
the DET DT det 4 the
carmaker NOUN NN dobj 2 carmaker
. PUNCT . punct 2 .
"""


def test_unknown_names_and_things_fill_the_roles_uncoded(rule_coder: EventCoder) -> None:
    doc = parse(SUED)
    (event,) = code_events(rule_coder, doc, [])
    assert event.event == "ACCUSE"
    assert [(a.entity_text, a.code, a.sector) for a in event.actor] == [("The ACLU", None, None)]
    assert [r.entity_text for r in event.recipient] == ["the carmaker"]
    for ref in (*event.actor, *event.recipient):
        assert doc.text[ref.start : ref.end] == ref.entity_text


KILLED = """
The DET DT det 1 the
attack NOUN NN nsubj 2 attack
killed VERB VBD ROOT 2 kill
five NUM CD nummod 4 five
soldiers NOUN NNS dobj 2 soldier
. PUNCT . punct 2 .
"""


def test_an_actor_must_be_a_name(rule_coder: EventCoder) -> None:
    (event,) = code_events(rule_coder, parse(KILLED), [])
    assert event.actor == ()
    assert [r.entity_text for r in event.recipient] == ["five soldiers"]


KURDS_PROTESTED = """
Thousands NOUN NNS nsubj 4 thousand
of ADP IN prep 0 of
Iraqi ADJ JJ amod 3 iraqi
Kurds PROPN NNPS pobj 1 Kurds
demonstrated VERB VBD ROOT 4 demonstrate
against ADP IN prep 4 against
the DET DT det 7 the
government NOUN NN pobj 5 government
. PUNCT . punct 4 .
"""

ELDERS_DEMANDED = """
Ibo PROPN NNP nmod 2 Ibo
traditional ADJ JJ amod 2 traditional
elders NOUN NNS nsubj 3 elder
demanded VERB VBD ROOT 3 demand
the DET DT det 5 the
resignation NOUN NN dobj 3 resignation
of ADP IN prep 5 of
the DET DT det 8 the
governor NOUN NN pobj 6 governor
. PUNCT . punct 3 .
"""


def test_a_count_of_people_and_a_people_named_before_a_noun_are_actors(
    rule_coder: EventCoder,
) -> None:
    # "Thousands of Iraqi Kurds": the people counted, not the number; "Ibo traditional
    # elders": a name the parse hangs on the noun as its modifier makes the noun a name.
    (event,) = code_events(rule_coder, parse(KURDS_PROTESTED), [])
    assert (event.event, [a.entity_text for a in event.actor]) == ("PROTEST", ["Iraqi Kurds"])
    (event,) = code_events(rule_coder, parse(ELDERS_DEMANDED), [])
    assert [a.entity_text for a in event.actor] == ["Ibo traditional elders"]


REFUSED = """
Bucharest PROPN NNP nsubj 1 Bucharest
refused VERB VBD ROOT 1 refuse
a DET DT det 3 a
request NOUN NN dobj 1 request
from ADP IN prep 3 from
Siemens PROPN NNP pobj 4 Siemens
. PUNCT . punct 1 .
"""


def test_a_thing_received_points_at_whose_it_is(rule_coder: EventCoder) -> None:
    doc = parse(REFUSED)
    bucharest = actor(doc, 0, 1, "ROU", "GOV")
    (event,) = code_events(rule_coder, doc, [bucharest])
    assert [a.code for a in event.actor] == ["ROU"]
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Siemens", None)]
    siemens = actor(doc, 5, 6, "DEU", "BUS", kind="group")
    (event,) = code_events(rule_coder, doc, [bucharest, siemens])
    assert [r.code for r in event.recipient] == ["DEU"]


PROVIDED = """
Wellington PROPN NNP nsubj 1 Wellington
provided VERB VBD ROOT 1 provide
$ SYM $ nmod 4 $
2 NUM CD compound 4 2
million NUM CD dobj 1 million
in ADP IN prep 4 in
assistance NOUN NN pobj 5 assistance
to ADP IN dative 1 to
Fiji PROPN NNP pobj 7 Fiji
. PUNCT . punct 1 .
"""


def test_a_noun_trigger_deep_in_a_carrying_verbs_object_takes_itsroles(
    rule_coder: EventCoder,
) -> None:
    doc = parse(PROVIDED)
    mentions = [actor(doc, 0, 1, "NZL", "GOV"), actor(doc, 8, 9, "FJI", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, [a.code for a in event.actor], [r.code for r in event.recipient]) == (
        "AID",
        ["NZL"],
        ["FJI"],
    )
    assert event.event_text.startswith("provided") and event.event_text.endswith("assistance")


DEMANDED = """
Lawmakers NOUN NNS nsubj 1 lawmaker
demanded VERB VBD ROOT 1 demand
that SCONJ IN mark 4 that
Yediyurappa PROPN NNP nsubj 4 Yediyurappa
resign VERB VB ccomp 1 resign
. PUNCT . punct 1 .
"""


def test_whom_a_demand_addresses_is_its_contents_subject(rule_coder: EventCoder) -> None:
    doc = parse(DEMANDED)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "IND", "LEG", kind="agent")])
    assert event.event == "REQUEST"
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Yediyurappa", None)]


PROBE = """
The DET DT det 1 the
FBI PROPN NNP nsubj 2 FBI
opened VERB VBD ROOT 2 open
an DET DT det 4 an
investigation NOUN NN dobj 2 investigation
of ADP IN prep 4 of
Flynn PROPN NNP pobj 5 Flynn
. PUNCT . punct 2 .
"""


def test_an_investigation_of_someone_targets_them(rule_coder: EventCoder) -> None:
    doc = parse(PROBE)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 2, "USA", "COP", kind="igo")])
    assert event.event == "ACCUSE"
    assert [a.code for a in event.actor] == ["USA"]
    assert [r.entity_text for r in event.recipient] == ["Flynn"]


EXPULSION_BY_PRAGUE = """
The DET DT det 1 the
expulsion NOUN NN nsubj 7 expulsion
of ADP IN prep 1 of
18 NUM CD nummod 4 18
diplomats NOUN NNS pobj 2 diplomat
by ADP IN prep 4 by
Prague PROPN NNP pobj 5 Prague
angered VERB VBD ROOT 7 anger
Moscow PROPN NNP dobj 7 Moscow
. PUNCT . punct 7 .
"""


def test_a_doer_hung_on_what_a_noun_act_is_done_to_is_its_actor(rule_coder: EventCoder) -> None:
    """The parse hangs "by Prague" on the nearest noun, the diplomats."""
    doc = parse(EXPULSION_BY_PRAGUE)
    diplomats = actor(doc, 3, 5, None, "GOV", kind="agent")
    mentions = [diplomats, actor(doc, 6, 7, "CZE", "GOV"), actor(doc, 8, 9, "RUS", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SANCTION"
    assert roles(event) == (["CZE"], ["18 diplomats"])


CONDEMNED_THREATS = """
Leaders NOUN NNS nsubj 1 leader
condemned VERB VBD ROOT 1 condemn
threats NOUN NNS dobj 1 threat
made VERB VBN acl 2 make
by ADP IN agent 3 by
Washington PROPN NNP pobj 4 Washington
. PUNCT . punct 1 .
"""


def test_a_thing_made_by_someone_points_at_them(rule_coder: EventCoder) -> None:
    doc = parse(CONDEMNED_THREATS)
    mentions = [actor(doc, 0, 1, None, "GOV", kind="agent"), actor(doc, 5, 6, "USA", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, [r.code for r in event.recipient]) == ("ACCUSE", ["USA"])


DECLARED_SIEGE = """
Authorities NOUN NNS nsubj 1 authority
declared VERB VBD ROOT 1 declare
a DET DT det 3 a
state NOUN NN dobj 1 state
of ADP IN prep 3 of
siege NOUN NN pobj 4 siege
. PUNCT . punct 1 .
"""


def test_the_object_that_names_the_event_is_not_its_recipient(rule_coder: EventCoder) -> None:
    doc = parse(DECLARED_SIEGE)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "BOL", "GOV", kind="agent")])
    assert (event.event, event.mode, event.recipient) == ("COERCE", "martial-law", ())


CEASEFIRE_IN_YEMEN = """
Riyadh PROPN NNP nsubj 1 Riyadh
declared VERB VBD ROOT 1 declare
a DET DT det 3 a
ceasefire NOUN NN dobj 1 ceasefire
in ADP IN prep 1 in
Yemen PROPN NNP pobj 4 Yemen
. PUNCT . punct 1 .
"""


AID_IN_CHAD = """
Japan PROPN NNP nsubj 1 Japan
provided VERB VBD ROOT 1 provide
food NOUN NN dobj 1 food
in ADP IN prep 1 in
Chad PROPN NNP pobj 3 Chad
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("sentence", "code", "place_at", "geonameid", "country", "event", "where"),
    [
        (CEASEFIRE_IN_YEMEN, "SAU", 5, 69543, "YEM", "CONCEDE", "Yemen"),
        (AID_IN_CHAD, "JPN", 4, 2434508, "TCD", "AID", "Chad"),
    ],
    ids=["a-concession", "aid-delivered"],
)
def test_an_act_at_a_foreign_place_is_aimed_at_its_country(
    rule_coder: EventCoder,
    sentence: str,
    code: str,
    place_at: int,
    geonameid: int,
    country: str,
    event: str,
    where: str,
) -> None:
    doc = parse(sentence)
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    at = place(doc, place_at, place_at + 1, geonameid, country)
    mentions = Mentions([actor(doc, 0, 1, code, "GOV")], [at], [])
    (coded,) = rule_coder.code(doc, article, mentions)
    assert coded.event == event
    assert [(r.entity_text, r.code) for r in coded.recipient] == [(where, country)]


ARRESTED_IN_RWANDA = """
Activists NOUN NNS nsubjpass 2 activist
were AUX VBD auxpass 2 be
arrested VERB VBN ROOT 2 arrest
in ADP IN prep 2 in
Rwanda PROPN NNP pobj 3 Rwanda
. PUNCT . punct 2 .
"""


def test_an_arrest_by_no_one_named_is_the_states_doing(rule_coder: EventCoder) -> None:
    doc = parse(ARRESTED_IN_RWANDA)
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    mentions = Mentions([], [place(doc, 4, 5, 49518, "RWA")], [])
    (event,) = rule_coder.code(doc, article, mentions)
    assert (event.event, event.mode) == ("COERCE", "arrest")
    assert [(a.entity_text, a.code, a.sector) for a in event.actor] == [("Rwanda", "RWA", "GOV")]
    assert [r.entity_text for r in event.recipient] == ["Activists"]


SAID_HE_WOULD_NOT = """
Obama PROPN NNP nsubj 1 Obama
said VERB VBD ROOT 1 say
he PRON PRP nsubj 5 he
will AUX MD aux 5 will
not PART RB neg 5 not
lift VERB VB ccomp 1 lift
the DET DT det 7 the
embargo NOUN NN dobj 5 embargo
. PUNCT . punct 1 .
"""


def test_he_who_said_it_is_the_speaker_even_unknown(rule_coder: EventCoder) -> None:
    doc = parse(SAID_HE_WOULD_NOT)
    (event,) = code_events(rule_coder, doc, [])
    # "will not lift": a refusal to yield (tests/test_events_triggers.py).
    assert (event.event, event.mode, event.aux) == ("REJECT", "yield", None)
    assert [a.entity_text for a in event.actor] == ["Obama"]


OFFICE_REFUSED = """
Japan PROPN NNP compound 1 Japan
PM PROPN NNP poss 3 PM
's PART POS case 1 's
office NOUN NN nsubj 4 office
refused VERB VBD ROOT 4 refuse
to PART TO aux 6 to
meet VERB VB xcomp 4 meet
scientists NOUN NNS dobj 6 scientist
. PUNCT . punct 4 .
"""


def test_an_office_acts_for_its_owner(rule_coder: EventCoder) -> None:
    doc = parse(OFFICE_REFUSED)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 2, "JPN", "GOV", kind="agent")])
    assert (event.event, [a.code for a in event.actor]) == ("REJECT", ["JPN"])


URGED_RESTRAINT = """
Moscow PROPN NNP nsubj 1 Moscow
urged VERB VBD ROOT 1 urge
restraint NOUN NN dobj 1 restraint
. PUNCT . punct 1 .
"""


def test_a_bare_mass_noun_is_no_participant(rule_coder: EventCoder) -> None:
    doc = parse(URGED_RESTRAINT)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "RUS", "GOV")])
    assert (event.event, event.recipient) == ("REQUEST", ())


SENT_SOLDIERS = """
Brasilia PROPN NNP nsubj 1 Brasilia
sent VERB VBD ROOT 1 send
60 NUM CD nummod 3 60
soldiers NOUN NNS dobj 1 soldier
. PUNCT . punct 1 .
"""


def test_who_sends_troops_mobilises_through_them(rule_coder: EventCoder) -> None:
    doc = parse(SENT_SOLDIERS)
    mentions = [actor(doc, 0, 1, "BRA", "GOV"), actor(doc, 2, 4, None, "MIL", kind="agent")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "MOBILIZE"
    assert [(a.entity_text, a.code, a.sector) for a in event.actor] == [("Brasilia", "BRA", "MIL")]
    assert event.recipient == ()


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


def test_a_recipient_deeper_in_the_clause_is_found(rule_coder: EventCoder) -> None:
    doc = parse(IMPOSED_INCLUDING)
    mentions = [actor(doc, 1, 3, "USA", "GOV"), actor(doc, 11, 13, "RUS", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SANCTION"
    assert roles(event) == (["USA"], ["Russian officials"])
    assert [r.code for r in event.recipient] == ["RUS"]


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


def test_things_inside_what_is_pledged_are_not_recipients(rule_coder: EventCoder) -> None:
    doc = parse(PLEDGED_NOT_TO)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "ARM", "GOV")])
    assert (event.event, *roles(event)) == ("AGREE", ["ARM"], [])
    # A named party inside it still is: whom the pledge is for.
    doc = parse(PLEDGED_TO_AID)
    mentions = [actor(doc, 0, 1, "JPN", "GOV"), actor(doc, 4, 5, "UKR", "GOV")]
    events = code_events(rule_coder, doc, mentions)
    assert ("AGREE", ["JPN"], ["Ukraine"]) in [(e.event, *roles(e)) for e in events]


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


LEADERS_OF_TWO_MET = """
The DET DT det 1 the
leaders NOUN NNS nsubj 6 leader
of ADP IN prep 1 of
Armenia PROPN NNP pobj 2 Armenia
and CCONJ CC cc 3 and
Azerbaijan PROPN NNP conj 3 Azerbaijan
met VERB VBD ROOT 6 meet
in ADP IN prep 6 in
Prague PROPN NNP pobj 7 Prague
. PUNCT . punct 6 .
"""


def test_people_in_a_plural_role_of_several_parties_stand_for_each(
    rule_coder: EventCoder,
) -> None:
    """ "The leaders of Armenia and Azerbaijan met": both countries met; the leaders are
    neither's alone, nor a party of their own."""
    doc = parse(LEADERS_OF_TWO_MET)
    mentions = [actor(doc, 1, 2, None, "GOV"), actor(doc, 3, 4, "ARM", None, kind="country"),
                actor(doc, 5, 6, "AZE", None, kind="country")]  # fmt: skip
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "CONSULT"
    assert sorted(a.code for a in event.actor) == ["ARM", "AZE"]


PLEDGED_HIS_SUPPORT = """
The DET DT det 1 the
president NOUN NN nsubj 2 president
pledged VERB VBD ROOT 2 pledge
his PRON PRP$ poss 4 his
support NOUN NN dobj 2 support
. PUNCT . punct 2 .
"""


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


def test_the_author_of_a_document_acts_through_it(rule_coder: EventCoder) -> None:
    doc = parse(REPORT_ACCUSING)
    mentions = [actor(doc, 0, 1, "IGO", "NGO", kind="group"), actor(doc, 6, 7, "NGA", "MIL")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert roles(event) == (["IGO"], ["army"])


CRITICISM_FROM = """
Iran PROPN NNP nsubj 1 Iran
faces VERB VBZ ROOT 1 face
criticism NOUN NN dobj 1 criticism
from ADP IN prep 2 from
the DET DT det 5 the
UN PROPN NNP pobj 3 UN
. PUNCT . punct 1 .
"""


def test_criticism_from_someone_is_theirs(rule_coder: EventCoder) -> None:
    doc = parse(CRITICISM_FROM)
    mentions = [actor(doc, 0, 1, "IRN", "GOV"), actor(doc, 5, 6, "UNO", None, kind="igo")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert ([a.code for a in event.actor], [r.code for r in event.recipient]) == (["UNO"], ["IRN"])


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


def test_a_coordinated_verb_is_another_event_not_a_recipient(rule_coder: EventCoder) -> None:
    doc = parse(CURFEW_AND_TROOPS)
    mentions = [actor(doc, 1, 2, "BOL", "GOV", kind="agent"), actor(doc, 10, 11, None, "MIL")]
    curfews = [e for e in code_events(rule_coder, doc, mentions) if e.event == "COERCE"]
    assert [roles(e) for e in curfews] == [(["BOL"], ["the town"])]


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


STRAY_HYPHEN = """
Rebels NOUN NNS nsubj 1 rebel
attacked VERB VBD ROOT 1 attack
- NOUN NN dobj 1 -
. PUNCT . punct 1 .
"""


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


def test_whom_a_demand_is_made_of_may_be_an_unknown_name(rule_coder: EventCoder) -> None:
    doc = parse(DEMANDED_THAT_NAMED)
    mentions = [
        actor(doc, 0, 2, "LBY", "LEG", kind="agent"),
        actor(doc, 7, 8, "LBY", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "REQUEST"
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Dbeibeh", None)]


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


DONATED_TO_ITS_OWNER = """
Japan PROPN NNP nsubj 1 Japan
donated VERB VBD ROOT 1 donate
the DET DT det 3 the
painting NOUN NN dobj 1 painting
to ADP IN prep 1 to
its PRON PRP$ poss 6 its
owner NOUN NN pobj 4 owner
. PUNCT . punct 1 .
"""

DONATED_PORTRAIT_OF = """
Japan PROPN NNP nsubj 1 Japan
donated VERB VBD ROOT 1 donate
a DET DT det 3 a
portrait NOUN NN dobj 1 portrait
of ADP IN prep 3 of
a DET DT det 7 a
Korean ADJ JJ amod 7 korean
girl NOUN NN pobj 4 girl
to ADP IN prep 1 to
its PRON PRP$ poss 10 its
owner NOUN NN pobj 8 owner
. PUNCT . punct 1 .
"""


def test_a_verb_of_giving_gives_to_its_goal(rule_coder: EventCoder) -> None:
    doc = parse(DONATED_TO_ITS_OWNER)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "JPN", "GOV")])
    # The painting is what is given; "its" is the painting's, not Japan's.
    assert (event.event, *roles(event)) == ("AID", ["JPN"], ["its owner"])
    # Nor is whoever the thing given shows.
    doc = parse(DONATED_PORTRAIT_OF)
    mentions = [actor(doc, 0, 1, "JPN", "GOV"), actor(doc, 6, 8, "KOR", "CVL", kind="agent")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, *roles(event)) == ("AID", ["JPN"], ["its owner"])


CALLED_DISCUSSING = """
Trump PROPN NNP nsubj 1 Trump
called VERB VBD ROOT 1 call
King PROPN NNP compound 3 King
Salman PROPN NNP dobj 1 Salman
, PUNCT , punct 1 ,
discussing VERB VBG advcl 1 discuss
oil NOUN NN compound 7 oil
supplies NOUN NNS dobj 5 supply
. PUNCT . punct 1 .
"""


def test_talks_during_a_call_are_with_whom_was_called(rule_coder: EventCoder) -> None:
    doc = parse(CALLED_DISCUSSING)
    mentions = [
        actor(doc, 0, 1, "USA", "GOV", kind="person"),
        actor(doc, 2, 4, "SAU", "GOV", kind="person"),
    ]
    consults = [e for e in code_events(rule_coder, doc, mentions) if e.event == "CONSULT"]
    assert [roles(e) for e in consults] == [(["USA"], ["King Salman"])]


KUWAIT_AND_ALLIES = """
Kuwait PROPN NNP nsubj 4 Kuwait
and CCONJ CC cc 0 and
its PRON PRP$ poss 3 its
allies NOUN NNS conj 0 ally
agreed VERB VBD ROOT 4 agree
to PART TO aux 6 to
stage VERB VB xcomp 4 stage
an DET DT det 8 an
exercise NOUN NN dobj 6 exercise
. PUNCT . punct 4 .
"""

INDIA_AND_BRAZIL = """
India PROPN NNP nsubj 3 India
and CCONJ CC cc 0 and
Brazil PROPN NNP conj 0 Brazil
agreed VERB VBD ROOT 3 agree
to PART TO aux 5 to
cut VERB VB xcomp 3 cut
tariffs NOUN NNS dobj 5 tariff
. PUNCT . punct 3 .
"""

UK_AND_EU_AGREED = """
UK PROPN NNP nmod 3 UK
and CCONJ CC cc 0 and
EU PROPN NNP compound 3 EU
negotiators NOUN NNS nsubj 5 negotiator
have AUX VBP aux 5 have
agreed VERB VBN ROOT 5 agree
a DET DT det 8 a
trade NOUN NN compound 8 trade
agreement NOUN NN dobj 5 agreement
. PUNCT . punct 5 .
"""


def test_an_agreement_made_together_has_all_its_parties_as_actors(rule_coder: EventCoder) -> None:
    # PLOVER: one event, the actor a list of the parties, no recipient.
    doc = parse(KUWAIT_AND_ALLIES)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "KWT", "GOV")])
    assert (event.event, *roles(event)) == ("AGREE", ["KWT", None], [])
    assert event.actor[1].entity_text == "its allies"
    doc = parse(INDIA_AND_BRAZIL)
    mentions = [actor(doc, 0, 1, "IND", "GOV"), actor(doc, 2, 3, "BRA", "GOV")]
    agreements = [e for e in code_events(rule_coder, doc, mentions) if e.event == "AGREE"]
    assert [roles(e) for e in agreements] == [(["IND", "BRA"], [])]
    # Countries joined in the subject's qualifier are parties too; what is agreed is not.
    doc = parse(UK_AND_EU_AGREED)
    mentions = [actor(doc, 0, 1, "GBR", "GOV"), actor(doc, 2, 4, "EUR", "GOV", kind="agent")]
    (event,) = code_events(rule_coder, doc, mentions)
    # In the order the text names them: "UK" hangs on the head of "EU negotiators".
    assert (event.event, *roles(event)) == ("AGREE", ["GBR", "EUR"], [])


REJECTED_CALL_FROM = """
Hezbollah PROPN NNP nsubj 1 Hezbollah
rejected VERB VBD ROOT 1 reject
a DET DT det 3 a
call NOUN NN dobj 1 call
from ADP IN prep 3 from
President PROPN NNP compound 6 President
Bush PROPN NNP pobj 4 Bush
for ADP IN prep 3 for
his PRON PRP$ poss 9 his
movement NOUN NN pobj 7 movement
to PART TO aux 11 to
disarm VERB VB acl 9 disarm
. PUNCT . punct 1 .
"""


def test_refusing_a_proposal_answers_whoever_made_it(rule_coder: EventCoder) -> None:
    doc = parse(REJECTED_CALL_FROM)
    mentions = [
        actor(doc, 0, 1, "LBN", "REB", kind="group"),
        actor(doc, 5, 7, "USA", "GOV", kind="person"),
        actor(doc, 8, 9, "USA", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    # Not "his movement", which the call is about.
    assert (event.event, *roles(event)) == ("REJECT", ["LBN"], ["President Bush"])


APPROVED_REQUEST = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
approved VERB VBD ROOT 2 approve
a DET DT det 4 a
request NOUN NN dobj 2 request
from ADP IN prep 4 from
the DET DT det 7 the
ministry NOUN NN pobj 5 ministry
. PUNCT . punct 2 .
"""


def test_granting_a_request_concedes_to_whoever_made_it(rule_coder: EventCoder) -> None:
    doc = parse(APPROVED_REQUEST)
    mentions = [actor(doc, 1, 2, None, "GOV", kind="agent"), actor(doc, 7, 8, "ISR", "GOV")]
    # One event: the minister made no request.
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, [r.code for r in event.recipient]) == ("CONCEDE", ["ISR"])


SUPPORT_FOR = """
Erdogan PROPN NNP nsubj 1 Erdogan
reiterated VERB VBD ROOT 1 reiterate
Turkey PROPN NNP poss 4 Turkey
's PART POS case 2 's
support NOUN NN dobj 1 support
for ADP IN prep 4 for
the DET DT det 7 the
government NOUN NN pobj 5 government
. PUNCT . punct 1 .
"""


def test_support_is_for_whom_its_for_phrase_names(rule_coder: EventCoder) -> None:
    doc = parse(SUPPORT_FOR)
    mentions = [
        actor(doc, 0, 1, "TUR", "GOV", kind="person"),
        actor(doc, 2, 3, "TUR", "GOV"),
        actor(doc, 7, 8, "LBY", "GOV", kind="agent"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SUPPORT"
    assert {a.code for a in event.actor} == {"TUR"}
    assert [r.code for r in event.recipient] == ["LBY"]


ATTACK_ON_CALLING = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
launched VERB VBD ROOT 2 launch
a DET DT det 5 a
scathing ADJ JJ amod 5 scathing
attack NOUN NN dobj 2 attack
on ADP IN prep 5 on
the DET DT det 8 the
government NOUN NN nsubj 9 government
calling VERB VBG pcomp 6 call
it PRON PRP dobj 9 it
corrupt ADJ JJ oprd 9 corrupt
. PUNCT . punct 2 .
"""


def test_a_clause_after_a_preposition_names_its_subject(rule_coder: EventCoder) -> None:
    # The parser read "on [the government calling it corrupt]" as one clause.
    doc = parse(ATTACK_ON_CALLING)
    mentions = [
        actor(doc, 1, 2, "IND", "GOV", kind="agent"),
        actor(doc, 8, 9, "IND", "GOV", kind="agent"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert [(r.entity_text, r.start) for r in event.recipient] == [("government", doc[8].idx)]


RELEASED_DEPUTY = """
Mbeki PROPN NNP nsubj 1 Mbeki
released VERB VBD ROOT 1 release
his PRON PRP$ poss 3 his
deputy NOUN NN dobj 1 deputy
Jacob PROPN NNP compound 5 Jacob
Zuma PROPN NNP appos 3 Zuma
of ADP IN prep 3 of
his PRON PRP$ poss 8 his
duties NOUN NNS pobj 6 duty
. PUNCT . punct 1 .
"""


def test_a_named_person_is_someone_else_whoevers_deputy(rule_coder: EventCoder) -> None:
    doc = parse(RELEASED_DEPUTY)
    mentions = [
        actor(doc, 0, 1, "ZAF", "GOV", kind="person"),
        actor(doc, 2, 3, "ZAF", "GOV", kind="pronoun"),
        actor(doc, 7, 8, "ZAF", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    # Neither "his" (Mbeki himself) nor "his duties": the deputy, with his name.
    assert (event.event, *roles(event)) == ("RETREAT", ["ZAF"], ["his deputy Jacob Zuma"])


REJECTION_AND_CONDEMNATION = """
The DET DT det 1 the
OIC PROPN NNP nsubj 2 OIC
expressed VERB VBD ROOT 2 express
its PRON PRP$ poss 4 its
rejection NOUN NN dobj 2 rejection
and CCONJ CC cc 4 and
condemnation NOUN NN conj 4 condemnation
of ADP IN prep 6 of
the DET DT det 9 the
plan NOUN NN pobj 7 plan
. PUNCT . punct 2 .
"""


def test_nouns_joined_under_one_verb_share_its_subject(rule_coder: EventCoder) -> None:
    doc = parse(REJECTION_AND_CONDEMNATION)
    events = code_events(rule_coder, doc, [actor(doc, 1, 2, "IGO", None, kind="igo")])
    assert {(e.event, tuple(a.code for a in e.actor)) for e in events} == {
        ("REJECT", ("IGO",)),
        ("ACCUSE", ("IGO",)),
    }


KILLED_WHEN_ATTACK = """
Two NUM CD nummod 1 two
people NOUN NNS nsubjpass 3 people
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
when SCONJ WRB advmod 6 when
ISIL PROPN NNP nsubj 6 ISIL
launched VERB VBD advcl 3 launch
an DET DT det 8 an
attack NOUN NN dobj 6 attack
on ADP IN prep 8 on
the DET DT det 11 the
embassy NOUN NN pobj 9 embassy
. PUNCT . punct 3 .
"""


def test_an_attack_inside_a_killing_gives_it_its_actor(rule_coder: EventCoder) -> None:
    doc = parse(KILLED_WHEN_ATTACK)
    (event,) = code_events(rule_coder, doc, [actor(doc, 5, 6, "IMG", "REB", kind="group")])
    assert (event.event, *roles(event)) == ("ASSAULT", ["IMG"], ["Two people"])


CALLED_TO_CONVEY = """
Khan PROPN NNP nsubj 1 Khan
called VERB VBD ROOT 1 call
Erdogan PROPN NNP dobj 1 Erdogan
to PART TO aux 4 to
convey VERB VB advcl 1 convey
Pakistan PROPN NNP poss 7 Pakistan
's PART POS case 5 's
support NOUN NN dobj 4 support
. PUNCT . punct 1 .
"""


def test_support_conveyed_in_a_call_is_for_whom_was_called(rule_coder: EventCoder) -> None:
    doc = parse(CALLED_TO_CONVEY)
    mentions = [
        actor(doc, 0, 1, "PAK", "GOV", kind="person"),
        actor(doc, 2, 3, "TUR", "GOV", kind="person"),
        actor(doc, 5, 6, "PAK", "GOV"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SUPPORT"
    assert [r.code for r in event.recipient] == ["TUR"]


SENT_LETTER_THREATENING = """
Trump PROPN NNP nsubj 1 Trump
sent VERB VBD ROOT 1 send
a DET DT det 3 a
letter NOUN NN dobj 1 letter
to ADP IN dative 1 to
Tedros PROPN NNP pobj 4 Tedros
threatening VERB VBG advcl 1 threaten
to PART TO aux 8 to
cut VERB VB xcomp 6 cut
US PROPN NNP compound 10 US
funding NOUN NN dobj 8 funding
. PUNCT . punct 1 .
"""


def test_a_threat_sent_in_a_letter_is_aimed_at_its_addressee(rule_coder: EventCoder) -> None:
    doc = parse(SENT_LETTER_THREATENING)
    mentions = [
        actor(doc, 0, 1, "USA", "GOV", kind="person"),
        actor(doc, 5, 6, "IGO", "MED", kind="person"),
        actor(doc, 9, 10, "USA", "GOV"),
    ]
    threats = [e for e in code_events(rule_coder, doc, mentions) if e.event == "THREATEN"]
    assert [roles(e) for e in threats] == [(["USA"], ["Tedros"])]


THREATENED_TO_CUT_OWN = """
Trump PROPN NNP nsubj 1 Trump
threatened VERB VBD ROOT 1 threaten
to PART TO aux 3 to
cut VERB VB xcomp 1 cut
US PROPN NNP compound 5 US
funding NOUN NN dobj 3 funding
. PUNCT . punct 1 .
"""


def test_a_states_own_country_is_not_the_nearest_participant(rule_coder: EventCoder) -> None:
    doc = parse(THREATENED_TO_CUT_OWN)
    mentions = [actor(doc, 0, 1, "USA", "GOV", kind="person"), actor(doc, 4, 5, "USA", "GOV")]
    threats = [e for e in code_events(rule_coder, doc, mentions) if e.event == "THREATEN"]
    assert [roles(e) for e in threats] == [(["USA"], [])]
    # A rebel group's country is another party: whom it acts against.
    mentions = [actor(doc, 0, 1, "USA", "REB", kind="group"), actor(doc, 4, 5, "USA", "GOV")]
    threats = [e for e in code_events(rule_coder, doc, mentions) if e.event == "THREATEN"]
    assert [roles(e) for e in threats] == [(["USA"], ["US"])]


SANCTIONS_OVER = """
The DET DT det 1 the
EU PROPN NNP nsubj 2 EU
imposed VERB VBD ROOT 2 impose
sanctions NOUN NNS dobj 2 sanction
over ADP IN prep 2 over
the DET DT det 6 the
crackdown NOUN NN pobj 4 crackdown
. PUNCT . punct 2 .
"""


def test_what_an_event_is_over_is_its_reason_not_its_target(rule_coder: EventCoder) -> None:
    doc = parse(SANCTIONS_OVER)
    (event,) = code_events(rule_coder, doc, [actor(doc, 1, 2, "EUR", None, kind="igo")])
    assert (event.event, *roles(event)) == ("SANCTION", ["EUR"], [])


SAID_HE_REJECTED = """
Klaus PROPN NNP nsubj 1 Klaus
said VERB VBD ROOT 1 say
he PRON PRP nsubj 4 he
had AUX VBD aux 4 have
rejected VERB VBN ccomp 1 reject
the DET DT det 6 the
proposal NOUN NN dobj 4 proposal
. PUNCT . punct 1 .
"""


def test_he_after_a_verb_of_saying_is_the_speaker(rule_coder: EventCoder) -> None:
    doc = parse(SAID_HE_REJECTED)
    mentions = [
        actor(doc, 0, 1, "CZE", "GOV", kind="person"),
        # The article's memory took "he" for someone mentioned before.
        actor(doc, 2, 3, "SVK", "GOV", kind="pronoun"),
    ]
    rejections = [e for e in code_events(rule_coder, doc, mentions) if e.event == "REJECT"]
    assert [[(a.entity_text, a.code) for a in e.actor] for e in rejections] == [[("Klaus", "CZE")]]


SAID_HIS_COUNTRY_WILL_NOT = """
Putin PROPN NNP nsubj 1 Putin
said VERB VBD ROOT 1 say
his PRON PRP$ poss 3 his
country NOUN NN nsubj 6 country
will AUX MD aux 6 will
not PART RB neg 6 not
lift VERB VB ccomp 1 lift
the DET DT det 8 the
ban NOUN NN dobj 6 ban
. PUNCT . punct 1 .
"""


def test_his_country_after_a_verb_of_saying_is_the_speakers(rule_coder: EventCoder) -> None:
    doc = parse(SAID_HIS_COUNTRY_WILL_NOT)
    mentions = [
        actor(doc, 0, 1, "RUS", "GOV", kind="person"),
        actor(doc, 2, 3, "BLR", "GOV", kind="pronoun"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "REJECT"
    assert [(a.entity_text, a.code) for a in event.actor] == [("Putin", "RUS")]


REFUSED_TO_ALLOW_TO_LAND = """
Officials NOUN NNS nsubj 1 official
refused VERB VBD ROOT 1 refuse
to PART TO aux 3 to
allow VERB VB xcomp 1 allow
an DET DT det 6 an
Ethiopian ADJ JJ amod 6 ethiopian
plane NOUN NN nsubj 8 plane
to PART TO aux 8 to
land VERB VB ccomp 3 land
. PUNCT . punct 1 .
"""

WILL_NOT_ACCEPT_FLEEING = """
Bangladesh PROPN NNP nsubj 3 Bangladesh
will AUX MD aux 3 will
not PART RB neg 3 not
accept VERB VB ROOT 3 accept
refugees NOUN NNS nsubj 5 refugee
fleeing VERB VBG ccomp 3 flee
the DET DT det 7 the
violence NOUN NN dobj 5 violence
in ADP IN prep 5 in
Myanmar PROPN NNP pobj 8 Myanmar
. PUNCT . punct 3 .
"""


def test_who_is_refused_may_be_the_subject_of_a_clause_below(
    rule_coder: EventCoder, event_lexicon: EventLexicon
) -> None:
    doc = parse(REFUSED_TO_ALLOW_TO_LAND)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "SOM", "GOV", kind="agent")])
    assert (event.event, *roles(event)) == ("REJECT", ["SOM"], ["an Ethiopian plane"])
    # A verb the model types reads the same way: the refugees, not where they flee from.
    doc = parse(WILL_NOT_ACCEPT_FLEEING)
    mentions = [
        actor(doc, 0, 1, "BGD", "GOV"),
        actor(doc, 4, 5, None, "REF", kind="agent"),
        actor(doc, 9, 10, "MMR", "GOV"),
    ]
    (trigger,) = find_triggers(doc[:], event_lexicon, learned=frozenset({"accept"}))
    args = extract_arguments(trigger, doc, MentionIndex(mentions), ())
    assert [r.entity_text for r in args.recipients] == ["refugees"]


ACCUSED_AFTER = """
Nigeria PROPN NNP nsubj 1 Nigeria
expelled VERB VBD ROOT 1 expel
the DET DT det 3 the
envoy NOUN NN dobj 1 envoy
after ADP IN prep 1 after
accusing VERB VBG pcomp 4 accuse
Ghana PROPN NNP dobj 5 Ghana
of ADP IN prep 5 of
spying NOUN NN pobj 7 spying
. PUNCT . punct 1 .
"""

KEPT_FROM = """
Ghana PROPN NNP nsubj 1 Ghana
stopped VERB VBD ROOT 1 stop
Nigeria PROPN NNP dobj 1 Nigeria
from ADP IN prep 1 from
accusing VERB VBG pcomp 3 accuse
Togo PROPN NNP dobj 4 Togo
. PUNCT . punct 1 .
"""


def test_a_gerund_after_a_verbs_preposition_is_done_by_its_subject(
    rule_coder: EventCoder,
) -> None:
    # "expelled the envoy after accusing Ghana": Nigeria accuses; "stopped Nigeria from
    # accusing Togo": the object, not Ghana, would accuse, so no actor is inherited.
    doc = parse(ACCUSED_AFTER)
    mentions = [actor(doc, 0, 1, "NGA", "GOV"), actor(doc, 6, 7, "GHA", "GOV")]
    events = code_events(rule_coder, doc, mentions)
    accusation = next(e for e in events if e.event == "ACCUSE")
    assert roles(accusation) == (["NGA"], ["Ghana"])
    doc = parse(KEPT_FROM)
    mentions = [
        actor(doc, i, i + 1, code, "GOV") for i, code in ((0, "GHA"), (2, "NGA"), (5, "TGO"))
    ]
    events = code_events(rule_coder, doc, mentions)
    accusation = next(e for e in events if e.event == "ACCUSE")
    assert "GHA" not in roles(accusation)[0]


# "Police fired at protesters who blocked a road."
RELATIVE_CLAUSE = """
Police NOUN NNS nsubj 1 police
fired VERB VBD ROOT 1 fire
at ADP IN prep 1 at
protesters NOUN NNS pobj 2 protester
who PRON WP nsubj 5 who
blocked VERB VBD relcl 3 block
a DET DT det 7 a
road NOUN NN dobj 5 road
. PUNCT . punct 1 .
"""


def test_a_relative_pronoun_stands_for_the_noun_it_describes(rule_coder: EventCoder) -> None:
    doc = parse(RELATIVE_CLAUSE)
    mentions = [
        actor(doc, 0, 1, None, "COP", kind="agent"),
        actor(doc, 3, 4, None, "CVL", kind="agent"),
    ]
    parties = {
        e.event_text: ([a.entity_text for a in e.actor], [r.entity_text for r in e.recipient])
        for e in code_events(rule_coder, doc, mentions)
    }
    assert parties == {"fired": (["Police"], ["protesters"]), "blocked": (["protesters"], [])}


# "Rebels attacked U.N. peacekeepers."
REBELS_AND_PEACEKEEPERS = """
Rebels NOUN NNS nsubj 1 rebel
attacked VERB VBD ROOT 1 attack
U.N. PROPN NNP compound 3 U.N.
peacekeepers NOUN NNS dobj 1 peacekeeper
. PUNCT . punct 1 .
"""


def test_a_body_such_as_the_un_is_no_partys_home_country(rule_coder: EventCoder) -> None:
    doc = parse(REBELS_AND_PEACEKEEPERS)
    mentions = [
        actor(doc, 0, 1, None, "REB", kind="agent"),
        actor(doc, 2, 4, "UNO", "MIL", kind="igo"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert roles(event) == ([None], ["U.N. peacekeepers"])


# "Protest leaders demanded the release of riot police."
QUALIFYING_NOUNS = """
Protest NOUN NN compound 1 protest
leaders NOUN NNS nsubj 2 leader
demanded VERB VBD ROOT 2 demand
the DET DT det 4 the
resignation NOUN NN dobj 2 resignation
of ADP IN prep 4 of
riot NOUN NN compound 7 riot
police NOUN NNS pobj 5 police
chiefs NOUN NNS appos 7 chief
. PUNCT . punct 2 .
"""


def test_a_noun_that_only_qualifies_an_agent_is_no_event(shipped_coder: EventCoder) -> None:
    doc = parse(QUALIFYING_NOUNS)
    mentions = [
        actor(doc, 0, 2, None, "OPP", kind="agent"),
        actor(doc, 6, 8, None, "COP", kind="agent"),
    ]
    events = code_events(shipped_coder, doc, mentions)
    assert [e.event_text for e in events] == ["demanded"]


TURKISH_OFFENSIVE = """
A DET DT det 2 a
Turkish ADJ JJ amod 2 Turkish
offensive NOUN NN nsubj 6 offensive
against ADP IN prep 2 against
Kurdish ADJ JJ amod 5 Kurdish
fighters NOUN NNS pobj 3 fighter
began VERB VBD ROOT 6 begin
. PUNCT . punct 6 .
"""

KILLED_IN_A_STRIKE = """
The DET DT det 1 the
commander NOUN NN nsubjpass 3 commander
was AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
in ADP IN prep 3 in
an DET DT det 7 an
Israeli ADJ JJ amod 7 Israeli
strike NOUN NN pobj 4 strike
. PUNCT . punct 3 .
"""


def test_a_nationality_on_an_act_named_by_a_noun_is_its_doer() -> None:
    """ "a Turkish offensive", "killed in an Israeli strike": the nationality says whose act
    it is, read on the noun itself and on the noun that tells the act of a passive verb. A
    nationality of no one country ("Kurdish") makes no actor."""
    countries = {"turkish": "TUR", "israeli": "ISR"}
    coder = EventCoder.from_data(typing="rules", country_of=lambda w: countries.get(w.lower()))
    doc = parse(TURKISH_OFFENSIVE)
    offensives = [e for e in code_events(coder, doc, []) if e.event == "ASSAULT"]
    assert [(a.entity_text, a.code) for e in offensives for a in e.actor] == [("Turkish", "TUR")]
    assert [r.entity_text for e in offensives for r in e.recipient] == ["Kurdish fighters"]
    doc = parse(KILLED_IN_A_STRIKE)
    (killed,) = [e for e in code_events(coder, doc, []) if e.event_text == "killed"]
    assert [(a.entity_text, a.code) for a in killed.actor] == [("Israeli", "ISR")]
    assert [r.entity_text for r in killed.recipient] == ["The commander"]
    countries.pop("turkish")
    doc = parse(TURKISH_OFFENSIVE)
    offensives = [e for e in code_events(coder, doc, []) if e.event == "ASSAULT"]
    assert offensives and all(not e.actor for e in offensives)


LISTED = """
Iran PROPN NNP nsubj 7 Iran
, PUNCT , punct 0 ,
Iraq PROPN NNP appos 0 Iraq
, PUNCT , punct 2 ,
Syria PROPN NNP conj 2 Syria
and CCONJ CC cc 4 and
Oman PROPN NNP conj 4 Oman
condemned VERB VBD ROOT 7 condemn
Israel PROPN NNP dobj 7 Israel
. PUNCT . punct 7 .
"""

BRACKETED = """
Iran PROPN NNP nsubj 8 Iran
( PUNCT -LRB- punct 0 (
Iraq PROPN NNP appos 0 Iraq
, PUNCT , punct 2 ,
Syria PROPN NNP conj 2 Syria
and CCONJ CC cc 4 and
Oman PROPN NNP conj 4 Oman
) PUNCT -RRB- punct 0 )
condemned VERB VBD ROOT 8 condemn
Israel PROPN NNP dobj 8 Israel
. PUNCT . punct 8 .
"""


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [(LISTED, ["IRN", "IRQ", "SYR", "OMN"]), (BRACKETED, ["IRN"])],
    ids=["list-as-apposition", "apposition-in-parentheses"],
)
def test_a_list_the_parse_hangs_on_its_first_name_acts_whole(
    rule_coder: EventCoder, sentence: str, actors: list[str]
) -> None:
    doc = parse(sentence)
    codes = {"Iran": "IRN", "Iraq": "IRQ", "Syria": "SYR", "Oman": "OMN", "Israel": "ISR"}
    mentions = [actor(doc, t.i, t.i + 1, codes[t.text], "GOV") for t in doc if t.text in codes]
    (event,) = code_events(rule_coder, doc, mentions)
    assert roles(event) == (actors, ["Israel"])
