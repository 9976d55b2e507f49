"""Roles the direct dependents of a trigger do not fill, statements as events, refusals.

Hand-built parses (tests/parsed.py); the trigger lexicon types the events, no model.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from spacy.tokens import Doc

from parsed import actor, parse, place
from strife.claims import find_attributions
from strife.events import EventCoder, Mentions
from strife.events.arguments import extract_arguments
from strife.events.lexicon import EventLexicon
from strife.events.references import MentionIndex
from strife.events.triggers import UNTYPED, find_triggers
from strife.nlp import fix_lemmas
from strife.records import ActorMention, Article, Event

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

REJECTED_REQUEST = """
The DET DT det 1 the
court NOUN NN nsubj 2 court
rejected VERB VBD ROOT 2 reject
Netanyahu PROPN NNP poss 5 Netanyahu
's PART POS case 3 's
request NOUN NN dobj 2 request
to PART TO aux 7 to
delay VERB VB acl 5 delay
the DET DT det 9 the
trial NOUN NN dobj 7 trial
. PUNCT . punct 2 .
"""

DENIED_CLAIMS = """
Moscow PROPN NNP nsubj 1 Moscow
denied VERB VBD ROOT 1 deny
the DET DT det 3 the
claims NOUN NNS dobj 1 claim
. PUNCT . punct 1 .
"""

POSTPONED_VISIT = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
postponed VERB VBD ROOT 2 postpone
a DET DT det 5 a
planned VERB VBN amod 5 plan
visit NOUN NN dobj 2 visit
to ADP IN prep 5 to
Washington PROPN NNP pobj 6 Washington
. PUNCT . punct 2 .
"""

SAID_RESPONSIBLE = """
The DET DT det 1 the
government NOUN NN nsubj 2 government
said VERB VBD ROOT 2 say
Taliban PROPN NNP compound 4 Taliban
militants NOUN NNS nsubj 5 militant
were AUX VBD ccomp 2 be
responsible ADJ JJ acomp 5 responsible
. PUNCT . punct 2 .
"""

SAID_ATTACKED = """
The DET DT det 1 the
government NOUN NN nsubj 2 government
said VERB VBD ROOT 2 say
Russia PROPN NNP nsubj 4 Russia
attacked VERB VBD ccomp 2 attack
Kyiv PROPN NNP dobj 4 Kyiv
. PUNCT . punct 2 .
"""

PLEDGED_HIS_SUPPORT = """
The DET DT det 1 the
president NOUN NN nsubj 2 president
pledged VERB VBD ROOT 2 pledge
his PRON PRP$ poss 4 his
support NOUN NN dobj 2 support
. PUNCT . punct 2 .
"""


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder.from_data(typing="rules")


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.from_data()


def _code(coder: EventCoder, doc: Doc, actors: list[ActorMention]) -> list[Event]:
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    return coder.code(doc, article, Mentions(actors, [], []))


def _roles(event: Event) -> tuple[list[str | None], list[str]]:
    return [a.code for a in event.actor], [r.entity_text for r in event.recipient]


def test_a_recipient_deeper_in_the_clause_is_found(coder: EventCoder) -> None:
    doc = parse(IMPOSED_INCLUDING)
    mentions = [actor(doc, 1, 3, "USA", "GOV"), actor(doc, 11, 13, "RUS", "GOV")]
    (event,) = _code(coder, doc, mentions)
    assert event.event == "SANCTION"
    assert _roles(event) == (["USA"], ["Russian officials"])
    assert [r.code for r in event.recipient] == ["RUS"]


def test_things_inside_what_is_pledged_are_not_recipients(coder: EventCoder) -> None:
    doc = parse(PLEDGED_NOT_TO)
    (event,) = _code(coder, doc, [actor(doc, 0, 1, "ARM", "GOV")])
    assert (event.event, *_roles(event)) == ("AGREE", ["ARM"], [])
    # A named party inside it still is: whom the pledge is for.
    doc = parse(PLEDGED_TO_AID)
    mentions = [actor(doc, 0, 1, "JPN", "GOV"), actor(doc, 4, 5, "UKR", "GOV")]
    events = _code(coder, doc, mentions)
    assert ("AGREE", ["JPN"], ["Ukraine"]) in [(e.event, *_roles(e)) for e in events]


def test_a_role_held_for_a_body_is_that_bodys_doing(coder: EventCoder) -> None:
    doc = parse(CHIEF_REJECTED)
    (event,) = _code(coder, doc, [actor(doc, 1, 2, "EUR", None, kind="igo")])
    assert event.event == "REJECT"
    assert [a.code for a in event.actor] == ["EUR"]
    doc = parse(CHAIRMAN_CONDEMNED)
    (event,) = _code(coder, doc, [actor(doc, 4, 5, "AFR", None, kind="igo")])
    assert event.event == "ACCUSE"
    assert [a.code for a in event.actor] == ["AFR"]
    assert [r.entity_text for r in event.recipient] == ["the attacks"]


def test_rejecting_a_request_is_an_event_denying_claims_is_not(coder: EventCoder) -> None:
    doc = parse(REJECTED_REQUEST)
    netanyahu = actor(doc, 3, 4, "ISR", "GOV", kind="person")
    assert find_attributions(doc[:], MentionIndex([netanyahu])) == []
    (event,) = _code(coder, doc, [netanyahu])
    assert event.event == "REJECT"
    assert [r.code for r in event.recipient] == ["ISR"]
    denied = parse(DENIED_CLAIMS)
    moscow = actor(denied, 0, 1, "RUS", "GOV")
    (attribution,) = find_attributions(denied[:], MentionIndex([moscow]))
    assert attribution.claim.stance == "denies" and attribution.refers_back
    assert _code(coder, denied, [moscow]) == []


def test_an_unknown_verb_carrying_an_event_noun_is_proposed(lexicon: EventLexicon) -> None:
    doc = parse(POSTPONED_VISIT)
    typed = [(doc[t.token].text, t.event) for t in find_triggers(doc[:], lexicon)]
    assert typed == [("visit", "CONSULT")]
    learned = find_triggers(doc[:], lexicon, learned=frozenset({"postpone"}))
    assert [(doc[t.token].text, t.event) for t in learned] == [
        ("postponed", UNTYPED),
        ("visit", "CONSULT"),
    ]


def test_a_statement_about_another_party_is_an_untyped_trigger(lexicon: EventLexicon) -> None:
    doc = parse(SAID_RESPONSIBLE)
    government = actor(doc, 0, 2, "AFG", "GOV")
    taliban = actor(doc, 3, 5, "AFG", "REB", kind="group")
    # Only where a model can type it, as rules cannot.
    assert find_triggers(doc[:], lexicon) == []
    (trigger,) = find_triggers(doc[:], lexicon, statements=True)
    assert (trigger.token, trigger.event, "speech" in trigger.spec.flags) == (2, UNTYPED, True)
    args = extract_arguments(trigger, doc, MentionIndex([government, taliban]), ())
    assert [a.code for a in args.actors] == ["AFG"]
    assert [(r.entity_text, r.sector) for r in args.recipients] == [("Taliban militants", "REB")]
    # A statement that reports an event is that event's claim, not an event of its own.
    reported = parse(SAID_ATTACKED)
    triggers = find_triggers(reported[:], lexicon, statements=True)
    assert [(reported[t.token].text, t.event) for t in triggers] == [("attacked", "ASSAULT")]


def test_the_actors_own_pronoun_is_not_a_recipient(coder: EventCoder) -> None:
    doc = parse(PLEDGED_HIS_SUPPORT)
    president = actor(doc, 0, 2, "FRA", "GOV")
    his = actor(doc, 3, 4, "FRA", "GOV", kind="pronoun")
    events = _code(coder, doc, [president, his])
    assert events
    assert all(e.recipient == () for e in events)
    assert all([a.code for a in e.actor] == ["FRA"] for e in events)


FOUND_GUILTY = """
A DET DT det 1 a
court NOUN NN nsubj 2 court
found VERB VBD ROOT 2 find
the DET DT det 5 the
Syrian ADJ JJ amod 5 syrian
regime NOUN NN nsubj 6 regime
guilty ADJ JJ ccomp 2 guilty
. PUNCT . punct 2 .
"""

FOUND_WEAPONS = """
Police NOUN NNS nsubj 1 police
found VERB VBD ROOT 1 find
weapons NOUN NNS dobj 1 weapon
. PUNCT . punct 1 .
"""

CALLED_ON_SATURDAY = """
Erdogan PROPN NNP nsubj 1 Erdogan
called VERB VBD ROOT 1 call
Putin PROPN NNP dobj 1 Putin
on ADP IN prep 1 on
Saturday PROPN NNP pobj 3 Saturday
. PUNCT . punct 1 .
"""

CALLED_ON_TO = """
Erdogan PROPN NNP nsubj 1 Erdogan
called VERB VBD ROOT 1 call
on ADP IN prep 1 on
Putin PROPN NNP pobj 2 Putin
to PART TO aux 5 to
withdraw VERB VB xcomp 1 withdraw
. PUNCT . punct 1 .
"""


def test_finding_someone_guilty_is_a_conviction_of_them(coder: EventCoder) -> None:
    doc = parse(FOUND_GUILTY)
    mentions = [actor(doc, 1, 2, "USA", "JUD", kind="agent"), actor(doc, 4, 6, "SYR", "GOV")]
    (event,) = _code(coder, doc, mentions)
    assert (event.event, event.mode) == ("SANCTION", "convict")
    assert _roles(event) == (["USA"], ["Syrian regime"])
    # Finding a thing is no event.
    assert find_triggers(parse(FOUND_WEAPONS)[:], EventLexicon.from_data()) == []


def test_a_time_does_not_make_a_call_a_demand(lexicon: EventLexicon) -> None:
    doc = parse(CALLED_ON_SATURDAY)
    doc[4].ent_type_ = "DATE"
    assert find_triggers(doc[:], lexicon) == []
    asked = parse(CALLED_ON_TO)
    assert [t.event for t in find_triggers(asked[:], lexicon)] == ["REQUEST"]


SCATHING_ATTACK = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
launched VERB VBD ROOT 2 launch
a DET DT det 5 a
scathing ADJ JJ amod 5 scathing
attack NOUN NN dobj 2 attack
on ADP IN prep 5 on
Kyiv PROPN NNP pobj 6 Kyiv
. PUNCT . punct 2 .
"""

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


def test_a_verbal_attack_is_an_accusation(lexicon: EventLexicon) -> None:
    doc = parse(SCATHING_ATTACK)
    assert [t.event for t in find_triggers(doc[:], lexicon)] == ["ACCUSE"]
    doc[4].lemma_ = "heavy"  # "a heavy attack": the military sense
    assert [t.event for t in find_triggers(doc[:], lexicon)] == ["ASSAULT"]


def test_the_author_of_a_document_acts_through_it(coder: EventCoder) -> None:
    doc = parse(REPORT_ACCUSING)
    mentions = [actor(doc, 0, 1, "IGO", "NGO", kind="group"), actor(doc, 6, 7, "NGA", "MIL")]
    (event,) = _code(coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert _roles(event) == (["IGO"], ["army"])


def test_criticism_from_someone_is_theirs(coder: EventCoder) -> None:
    doc = parse(CRITICISM_FROM)
    mentions = [actor(doc, 0, 1, "IRN", "GOV"), actor(doc, 5, 6, "UNO", None, kind="igo")]
    (event,) = _code(coder, doc, mentions)
    assert event.event == "ACCUSE"
    assert ([a.code for a in event.actor], [r.code for r in event.recipient]) == (["UNO"], ["IRN"])


def test_what_the_subject_names_was_done_by_its_agent(coder: EventCoder) -> None:
    doc = parse(BOMBING_BY)
    mentions = [actor(doc, 4, 5, "SOM", "REB", kind="agent"), actor(doc, 7, 8, "SOM", "MIL")]
    events = _code(coder, doc, mentions)
    killed = [e for e in events if e.event_text == "killed"]
    assert [(e.event, *_roles(e)) for e in killed] == [("ASSAULT", ["SOM"], ["soldiers"])]
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


def test_a_coordinated_verb_is_another_event_not_a_recipient(coder: EventCoder) -> None:
    doc = parse(CURFEW_AND_TROOPS)
    mentions = [actor(doc, 1, 2, "BOL", "GOV", kind="agent"), actor(doc, 10, 11, None, "MIL")]
    curfews = [e for e in _code(coder, doc, mentions) if e.event == "COERCE"]
    assert [_roles(e) for e in curfews] == [(["BOL"], ["the town"])]


def test_the_nearest_participant_is_never_the_actors_own(coder: EventCoder) -> None:
    doc = parse(TALKS_AT_HIS_OFFICE)
    mentions = [
        actor(doc, 1, 2, "KOR", "GOV", kind="agent"),
        actor(doc, 5, 6, "KOR", "GOV", kind="pronoun"),
        actor(doc, 8, 9, "VNM", "GOV", kind="capital"),
    ]
    (event,) = _code(coder, doc, mentions)
    assert event.event == "CONSULT"
    assert _roles(event) == (["KOR"], ["Hanoi"])


def test_punctuation_is_never_a_participant(coder: EventCoder) -> None:
    doc = parse(STRAY_HYPHEN)
    (event,) = _code(coder, doc, [actor(doc, 0, 1, "SYR", "REB", kind="agent")])
    assert event.recipient == ()


WILL_NOT_LIFT = """
France PROPN NNP nsubj 3 France
will AUX MD aux 3 will
not PART RB neg 3 not
lift VERB VB ROOT 3 lift
the DET DT det 5 the
ban NOUN NN dobj 3 ban
on ADP IN prep 5 on
Britain PROPN NNP pobj 6 Britain
. PUNCT . punct 3 .
"""

DID_NOT_LIFT = """
France PROPN NNP nsubj 3 France
did AUX VBD aux 3 do
not PART RB neg 3 not
lift VERB VB ROOT 3 lift
the DET DT det 5 the
ban NOUN NN dobj 3 ban
on ADP IN prep 5 on
Britain PROPN NNP pobj 6 Britain
. PUNCT . punct 3 .
"""


def test_refusing_to_yield_is_a_rejection(coder: EventCoder) -> None:
    doc = parse(WILL_NOT_LIFT)
    mentions = [actor(doc, 0, 1, "FRA", "GOV"), actor(doc, 7, 8, "GBR", "GOV")]
    (event,) = _code(coder, doc, mentions)
    assert (event.event, event.mode, event.aux) == ("REJECT", "yield", None)
    assert [r.code for r in event.recipient] == ["GBR"]
    # Not having done it is a negated concession, not a refusal.
    doc = parse(DID_NOT_LIFT)
    mentions = [actor(doc, 0, 1, "FRA", "GOV"), actor(doc, 7, 8, "GBR", "GOV")]
    (event,) = _code(coder, doc, mentions)
    assert (event.event, event.aux) == ("CONCEDE", "negation")


REJECTED_TO_DELAY = """
The DET DT det 1 the
court NOUN NN nsubj 2 court
rejected VERB VBD ROOT 2 reject
Netanyahu PROPN NNP nsubj 5 Netanyahu
to PART TO aux 5 to
delay VERB VB ccomp 2 delay
the DET DT det 7 the
trial NOUN NN dobj 5 trial
. PUNCT . punct 2 .
"""

DENIED_THAT = """
Moscow PROPN NNP nsubj 1 Moscow
denied VERB VBD ROOT 1 deny
that SCONJ IN mark 4 that
troops NOUN NNS nsubj 4 troop
attacked VERB VBD ccomp 1 attack
. PUNCT . punct 1 .
"""

SIEGE_TO_BEGIN = """
Authorities NOUN NNS nsubj 1 authority
declared VERB VBD ROOT 1 declare
a DET DT det 3 a
state NOUN NN nsubj 7 state
of ADP IN prep 3 of
siege NOUN NN pobj 4 siege
to PART TO aux 7 to
begin VERB VB ccomp 1 begin
at ADP IN prep 7 at
midnight NOUN NN pobj 8 midnight
. PUNCT . punct 1 .
"""


def test_rejecting_someone_to_do_something_is_no_denial(coder: EventCoder) -> None:
    doc = parse(REJECTED_TO_DELAY)
    netanyahu = actor(doc, 3, 4, "ISR", "GOV", kind="person")
    assert find_attributions(doc[:], MentionIndex([netanyahu])) == []
    (event,) = _code(coder, doc, [netanyahu])
    assert event.event == "REJECT"
    denial = parse(DENIED_THAT)
    (attribution,) = find_attributions(denial[:], MentionIndex([]))
    assert attribution.claim.stance == "denies" and not attribution.refers_back


def test_a_declared_state_of_siege_parsed_as_a_subject_still_fires(
    lexicon: EventLexicon,
) -> None:
    doc = parse(SIEGE_TO_BEGIN)
    (trigger,) = find_triggers(doc[:], lexicon)
    assert (doc[trigger.token].text, trigger.event) == ("declared", "COERCE")


WAVE_OF_AIRSTRIKES = """
Israel PROPN NNP nsubj 1 Israel
launched VERB VBD ROOT 1 launch
a DET DT det 4 a
new ADJ JJ amod 4 new
wave NOUN NN dobj 1 wave
of ADP IN prep 4 of
airstrikes NOUN NNS pobj 5 airstrike
on ADP IN prep 6 on
Gaza PROPN NNP pobj 7 Gaza
. PUNCT . punct 1 .
"""

ROUND_OF_EXERCISES = """
Jordan PROPN NNP nsubj 3 Jordan
and CCONJ CC cc 0 and
Egypt PROPN NNP conj 0 Egypt
began VERB VBD ROOT 3 begin
a DET DT det 5 a
round NOUN NN dobj 3 round
of ADP IN prep 5 of
joint ADJ JJ amod 8 joint
exercises NOUN NNS pobj 6 exercise
. PUNCT . punct 3 .
"""


def test_an_event_counted_in_waves_or_rounds_is_carried_by_the_verb(coder: EventCoder) -> None:
    doc = parse(WAVE_OF_AIRSTRIKES)
    mentions = [actor(doc, 0, 1, "ISR", "GOV"), actor(doc, 8, 9, "PSE", "GOV")]
    (event,) = _code(coder, doc, mentions)
    assert (event.event, *_roles(event)) == ("ASSAULT", ["ISR"], ["Gaza"])
    doc = parse(ROUND_OF_EXERCISES)
    mentions = [actor(doc, 0, 1, "JOR", "GOV"), actor(doc, 2, 3, "EGY", "GOV")]
    events = _code(coder, doc, mentions)
    assert events and all(e.event == "COOPERATE" for e in events)
    # The round that carries the exercises is no participant.
    assert all(r.entity_text != "a round" for e in events for r in e.recipient)
    assert {a.code for e in events for a in (*e.actor, *e.recipient)} == {"JOR", "EGY"}


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


def test_whom_a_demand_is_made_of_may_be_an_unknown_name(coder: EventCoder) -> None:
    doc = parse(DEMANDED_THAT_NAMED)
    mentions = [
        actor(doc, 0, 2, "LBY", "LEG", kind="agent"),
        actor(doc, 7, 8, "LBY", "GOV", kind="pronoun"),
    ]
    (event,) = _code(coder, doc, mentions)
    assert event.event == "REQUEST"
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Dbeibeh", None)]


def test_a_completing_verb_takes_the_object_of_the_verb_it_completes(
    coder: EventCoder,
) -> None:
    doc = parse(CALLED_TO_DISCUSS)
    mentions = [actor(doc, 0, 1, "USA", "GOV", kind="person"), actor(doc, 2, 3, "RUS", "GOV")]
    consults = [e for e in _code(coder, doc, mentions) if e.event == "CONSULT"]
    assert [_roles(e) for e in consults] == [(["USA"], ["Lavrov"])]


STAGED_PROTEST = """
Students NOUN NNS nsubj 1 student
staged VERB VBD ROOT 1 stag
a DET DT det 3 a
protest NOUN NN dobj 1 protest
. PUNCT . punct 1 .
"""


def test_a_protest_staged_keeps_its_actor_despite_the_lemmatizer(lexicon: EventLexicon) -> None:
    doc = parse(STAGED_PROTEST)  # the model's lemmatizer reads "staged" as "stag"
    (before,) = find_triggers(doc[:], lexicon)
    assert before.light_verb is None
    (trigger,) = find_triggers(fix_lemmas(doc)[:], lexicon)
    assert (trigger.event, trigger.light_verb) == ("PROTEST", 1)


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


def test_a_noun_a_proper_name_qualifies_is_a_name(coder: EventCoder) -> None:
    doc = parse(AIRPORT_REFUSED)
    (event,) = _code(coder, doc, [])
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


def test_what_a_state_moves_of_its_own_is_not_its_recipient(coder: EventCoder) -> None:
    doc = parse(WITHDRAW_ITS_TROOPS)
    (event,) = _code(coder, doc, [actor(doc, 0, 1, "HND", "GOV")])
    assert event.event == "RETREAT"
    assert _roles(event) == (["HND"], ["the zone"])


REACHED_DEAL = """
Armenia PROPN NNP nsubj 3 Armenia
and CCONJ CC cc 0 and
Azerbaijan PROPN NNP conj 0 Azerbaijan
reached VERB VBD ROOT 3 reach
a DET DT det 5 a
deal NOUN NN dobj 3 deal
. PUNCT . punct 3 .
"""


def test_reaching_an_agreement_finalizes_it(coder: EventCoder) -> None:
    doc = parse(REACHED_DEAL)
    mentions = [actor(doc, 0, 1, "ARM", "GOV"), actor(doc, 2, 3, "AZE", "GOV")]
    events = _code(coder, doc, mentions)
    assert {e.event for e in events} == {"SUPPORT"}  # PLOVER: "finalize an agreement"
    assert {a.code for e in events for a in e.actor} == {"ARM", "AZE"}


WITHDREW_PEACEKEEPERS = """
The DET DT det 1 the
UN PROPN NNP nsubj 2 UN
withdrew VERB VBD ROOT 2 withdraw
peacekeepers NOUN NNS dobj 2 peacekeeper
from ADP IN prep 2 from
Egypt PROPN NNP pobj 4 Egypt
. PUNCT . punct 2 .
"""

WITHDREW_FROM_TOWN = """
Russian ADJ JJ amod 1 russian
forces NOUN NNS nsubj 2 force
withdrew VERB VBD ROOT 2 withdraw
from ADP IN prep 2 from
Kherson PROPN NNP pobj 3 Kherson
. PUNCT . punct 2 .
"""

CANCELLED_TRIP = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
cancelled VERB VBD ROOT 2 cancel
a DET DT det 4 a
visit NOUN NN dobj 2 visit
to ADP IN prep 4 to
Washington PROPN NNP pobj 5 Washington
. PUNCT . punct 2 .
"""


def test_withdrawing_peacekeepers_reduces_relations_troops_retreat(coder: EventCoder) -> None:
    doc = parse(WITHDREW_PEACEKEEPERS)
    mentions = [
        actor(doc, 1, 2, "UNO", None, kind="igo"),
        actor(doc, 3, 4, None, "MIL", kind="agent"),
        actor(doc, 5, 6, "EGY", "GOV"),
    ]
    (event,) = _code(coder, doc, mentions)
    assert (event.event, event.mode) == ("SANCTION", "withdraw")
    assert [r.code for r in event.recipient] == ["EGY"]  # not the UN's own peacekeepers
    doc = parse(WITHDREW_FROM_TOWN)
    (event,) = _code(coder, doc, [actor(doc, 0, 2, "RUS", "MIL", kind="agent")])
    assert event.event == "RETREAT"


def test_cancelling_a_visit_is_a_rejection(coder: EventCoder) -> None:
    doc = parse(CANCELLED_TRIP)
    mentions = [actor(doc, 1, 2, "GBR", "GOV", kind="agent"), actor(doc, 6, 7, "USA", "GOV")]
    events = _code(coder, doc, mentions)
    rejections = [e for e in events if e.event == "REJECT"]
    assert [(e.mode, *_roles(e)) for e in rejections] == [("meet", ["GBR"], ["Washington"])]


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


def test_who_suffered_a_condemned_attack_is_not_accused(coder: EventCoder) -> None:
    doc = parse(CONDEMNED_ATTACK_ON)
    mentions = [actor(doc, 1, 2, "UNO", None, kind="igo"), actor(doc, 7, 8, None, "REL")]
    accusations = [e for e in _code(coder, doc, mentions) if e.event == "ACCUSE"]
    assert [_roles(e) for e in accusations] == [(["UNO"], ["the attack"])]


AID_IN_CHAD = """
Japan PROPN NNP nsubj 1 Japan
provided VERB VBD ROOT 1 provide
food NOUN NN dobj 1 food
in ADP IN prep 1 in
Chad PROPN NNP pobj 3 Chad
. PUNCT . punct 1 .
"""


def test_aid_delivered_at_a_foreign_place_is_aimed_at_its_country(coder: EventCoder) -> None:
    doc = parse(AID_IN_CHAD)
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    mentions = Mentions([actor(doc, 0, 1, "JPN", "GOV")], [place(doc, 4, 5, 2434508, "TCD")], [])
    (event,) = coder.code(doc, article, mentions)
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


def test_a_call_for_sanctions_is_aimed_at_whom_they_target(coder: EventCoder) -> None:
    doc = parse(CALLED_FOR_SANCTIONS)
    mentions = [actor(doc, 0, 1, "FRA", "GOV"), actor(doc, 5, 6, "RUS", "GOV", kind="capital")]
    (event,) = _code(coder, doc, mentions)
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

MILLION_FOR_ASSISTANCE = """
Japan PROPN NNP nsubj 1 Japan
provided VERB VBD ROOT 1 provide
$ SYM $ nmod 3 $
40 NUM CD compound 4 40
million NUM CD dobj 1 million
for ADP IN prep 4 for
assistance NOUN NN pobj 5 assistance
. PUNCT . punct 1 .
"""


def test_prolonged_sanctions_are_the_prolongers(coder: EventCoder) -> None:
    doc = parse(PROLONGING_SANCTIONS)
    mentions = [actor(doc, 1, 2, "EUR", None, kind="igo"), actor(doc, 6, 7, "SYR", "GOV")]
    (event,) = _code(coder, doc, mentions)
    assert (event.event, [a.code for a in event.actor], [r.code for r in event.recipient]) == (
        "SANCTION",
        ["EUR"],
        ["SYR"],
    )


def test_an_amount_given_for_assistance_is_aid(lexicon: EventLexicon) -> None:
    doc = parse(MILLION_FOR_ASSISTANCE)
    doc[4].ent_type_ = "MONEY"
    assert [(t.token, t.event) for t in find_triggers(doc[:], lexicon)] == [(1, "AID")]


CONFISCATED_BIRDS = """
Rangers NOUN NNS nsubj 1 ranger
returned VERB VBD ROOT 1 return
the DET DT det 4 the
confiscated VERB VBN amod 4 confiscate
birds NOUN NNS dobj 1 bird
. PUNCT . punct 1 .
"""


def test_a_participle_describing_a_noun_is_no_event(lexicon: EventLexicon) -> None:
    doc = parse(CONFISCATED_BIRDS)
    assert find_triggers(doc[:], lexicon) == []
    # ... and does not hide the verb it hangs on from the model.
    (trigger,) = find_triggers(doc[:], lexicon, learned=frozenset({"return"}))
    assert (trigger.token, trigger.event) == (1, UNTYPED)
