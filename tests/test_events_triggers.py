"""Which words are events (``strife.events.triggers``): verbs carrying event nouns,
statements, refusals, convictions, agreements reached, withdrawals and cancellations, verbs
the training data taught, and what is no event (a date, a participle, a clause the parse
mislabels).

Hand-built parses (tests/parsed.py); the trigger lexicon types the events, no model.
Who fills an event's roles: tests/test_events_arguments.py.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parsed import actor, code_events, parse, roles
from strife.claims import find_attributions
from strife.events import EventCoder
from strife.events.arguments import extract_arguments
from strife.events.lexicon import EventLexicon
from strife.events.references import MentionIndex
from strife.events.triggers import find_triggers
from strife.nlp import fix_lemmas
from test_events_typer import QUASHED


def worded(doc: Doc, lexicon: EventLexicon) -> list[tuple[str, str | None]]:
    """Each trigger of the hand-parsed ``doc``, as its word and its type."""
    return [(doc[t.token].text, t.event) for t in find_triggers(doc[:], lexicon)]


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


def test_an_unknown_verb_carrying_an_event_noun_is_proposed(event_lexicon: EventLexicon) -> None:
    doc = parse(POSTPONED_VISIT)
    typed = worded(doc, event_lexicon)
    assert typed == [("visit", "CONSULT")]
    learned = find_triggers(doc[:], event_lexicon, learned=frozenset({"postpone"}))
    assert [(doc[t.token].text, t.event) for t in learned] == [
        ("postponed", None),
        ("visit", "CONSULT"),
    ]


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


def test_a_statement_about_another_party_is_an_untyped_trigger(event_lexicon: EventLexicon) -> None:
    doc = parse(SAID_RESPONSIBLE)
    government = actor(doc, 0, 2, "AFG", "GOV")
    taliban = actor(doc, 3, 5, "AFG", "REB", kind="group")
    # Only where a model can type it, as rules cannot.
    assert find_triggers(doc[:], event_lexicon) == []
    (trigger,) = find_triggers(doc[:], event_lexicon, statements=True)
    assert (trigger.token, trigger.event, "speech" in trigger.spec.flags) == (2, None, True)
    args = extract_arguments(trigger, doc, MentionIndex([government, taliban]), ())
    assert [a.code for a in args.actors] == ["AFG"]
    assert [(r.entity_text, r.sector) for r in args.recipients] == [("Taliban militants", "REB")]
    # A statement that reports an event is that event's claim, not an event of its own.
    reported = parse(SAID_ATTACKED)
    triggers = find_triggers(reported[:], event_lexicon, statements=True)
    assert [(reported[t.token].text, t.event) for t in triggers] == [("attacked", "ASSAULT")]


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


def test_finding_someone_guilty_is_a_conviction_of_them(
    rule_coder: EventCoder, event_lexicon: EventLexicon
) -> None:
    doc = parse(FOUND_GUILTY)
    mentions = [actor(doc, 1, 2, "USA", "JUD", kind="agent"), actor(doc, 4, 6, "SYR", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, event.mode) == ("SANCTION", "convict")
    assert roles(event) == (["USA"], ["Syrian regime"])
    # Finding a thing is no event.
    assert find_triggers(parse(FOUND_WEAPONS)[:], event_lexicon) == []


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


def test_a_time_does_not_make_a_call_a_demand(event_lexicon: EventLexicon) -> None:
    doc = parse(CALLED_ON_SATURDAY)
    doc[4].ent_type_ = "DATE"
    assert find_triggers(doc[:], event_lexicon) == []
    asked = parse(CALLED_ON_TO)
    assert [t.event for t in find_triggers(asked[:], event_lexicon)] == ["REQUEST"]


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


def test_a_verbal_attack_is_an_accusation(event_lexicon: EventLexicon) -> None:
    doc = parse(SCATHING_ATTACK)
    assert [t.event for t in find_triggers(doc[:], event_lexicon)] == ["ACCUSE"]
    doc[4].lemma_ = "heavy"  # "a heavy attack": the military sense
    assert [t.event for t in find_triggers(doc[:], event_lexicon)] == ["ASSAULT"]


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


def test_refusing_to_yield_is_a_rejection(rule_coder: EventCoder) -> None:
    doc = parse(WILL_NOT_LIFT)
    mentions = [actor(doc, 0, 1, "FRA", "GOV"), actor(doc, 7, 8, "GBR", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, event.mode, event.aux) == ("REJECT", "yield", None)
    assert [r.code for r in event.recipient] == ["GBR"]
    # Not having done it is a negated concession, not a refusal.
    doc = parse(DID_NOT_LIFT)
    mentions = [actor(doc, 0, 1, "FRA", "GOV"), actor(doc, 7, 8, "GBR", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, event.aux) == ("CONCEDE", "negation")


FAILED_TO_REACH = """
Armenia PROPN NNP nsubj 1 Armenia
failed VERB VBD ROOT 1 fail
to PART TO aux 3 to
reach VERB VB xcomp 1 reach
an DET DT det 5 an
agreement NOUN NN dobj 3 agreement
with ADP IN prep 3 with
Azerbaijan PROPN NNP pobj 6 Azerbaijan
. PUNCT . punct 1 .
"""


def test_failing_to_reach_an_agreement_is_a_rejection(rule_coder: EventCoder) -> None:
    doc = parse(FAILED_TO_REACH)
    mentions = [actor(doc, 0, 1, "ARM", "GOV"), actor(doc, 7, 8, "AZE", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, event.aux, *roles(event)) == ("REJECT", None, ["ARM"], ["Azerbaijan"])


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


@pytest.mark.parametrize("sentence", [REJECTED_REQUEST, REJECTED_TO_DELAY])
def test_rejecting_someone_or_their_request_is_an_event_not_a_denial(
    rule_coder: EventCoder, sentence: str
) -> None:
    # "rejected Netanyahu's request to delay", "rejected Netanyahu to delay the trial".
    doc = parse(sentence)
    netanyahu = actor(doc, 3, 4, "ISR", "GOV", kind="person")
    assert find_attributions(doc[:], MentionIndex([netanyahu])) == []
    (event,) = code_events(rule_coder, doc, [netanyahu])
    assert event.event == "REJECT"
    assert [r.code for r in event.recipient] == ["ISR"]


DENIED_CLAIMS = """
Moscow PROPN NNP nsubj 1 Moscow
denied VERB VBD ROOT 1 deny
the DET DT det 3 the
claims NOUN NNS dobj 1 claim
. PUNCT . punct 1 .
"""

DENIED_THAT = """
Moscow PROPN NNP nsubj 1 Moscow
denied VERB VBD ROOT 1 deny
that SCONJ IN mark 4 that
troops NOUN NNS nsubj 4 troop
attacked VERB VBD ccomp 1 attack
. PUNCT . punct 1 .
"""


def test_denials_deny_what_they_name_or_the_clause_they_take(rule_coder: EventCoder) -> None:
    denied = parse(DENIED_CLAIMS)
    moscow = actor(denied, 0, 1, "RUS", "GOV")
    (attribution,) = find_attributions(denied[:], MentionIndex([moscow]))
    assert attribution.claim.stance == "denies" and attribution.refers_back
    assert code_events(rule_coder, denied, [moscow]) == []
    denial = parse(DENIED_THAT)
    (attribution,) = find_attributions(denial[:], MentionIndex([]))
    assert attribution.claim.stance == "denies" and not attribution.refers_back


# "Rebels said they captured the palace , a claim the army denied ."
A_CLAIM_DENIED = """
Rebels NOUN NNS nsubj 1 rebel
said VERB VBD ROOT 1 say
they PRON PRP nsubj 3 they
captured VERB VBD ccomp 1 capture
the DET DT det 5 the
palace NOUN NN dobj 3 palace
, PUNCT , punct 1 ,
a DET DT det 8 a
claim NOUN NN npadvmod 1 claim
the DET DT det 10 the
army NOUN NN nsubj 11 army
denied VERB VBD relcl 8 deny
. PUNCT . punct 1 .
"""


def test_a_claim_summed_up_after_a_comma_is_denied_in_its_own_sentence(
    rule_coder: EventCoder,
) -> None:
    """ "..., a claim the army denied": the army denies what the sentence told before the
    noun, not an earlier sentence; the denial is no event of its own."""
    doc = parse(A_CLAIM_DENIED)
    rebels = actor(doc, 0, 1, None, "REB", kind="agent")
    army = actor(doc, 9, 11, None, "MIL", kind="agent")
    attributions = find_attributions(doc[:], MentionIndex([rebels, army]))
    denial = next(a for a in attributions if a.claim.stance == "denies")
    assert not denial.refers_back and denial.scope == frozenset(range(0, 7))
    (event,) = code_events(rule_coder, doc, [rebels, army])
    assert event.event == "ASSAULT" and event.contested
    assert [(c.by, c.stance) for c in event.claims] == [
        ("Rebels", "asserts"),
        ("the army", "denies"),
    ]


# "Britain said Sudan must withdraw its troops ."
MUST_WITHDRAW = """
Britain PROPN NNP nsubj 1 Britain
said VERB VBD ROOT 1 say
Sudan PROPN NNP nsubj 4 Sudan
must AUX MD aux 4 must
withdraw VERB VB ccomp 1 withdraw
its PRON PRP$ poss 6 its
troops NOUN NNS dobj 4 troop
. PUNCT . punct 1 .
"""


def test_what_a_speaker_says_another_must_do_is_its_demand(rule_coder: EventCoder) -> None:
    """ "Britain said Sudan must withdraw its troops": Britain's REQUEST of Sudan, not a
    withdrawal by Sudan; what the speaker says it must do itself stays its own act."""
    doc = parse(MUST_WITHDRAW)
    britain = actor(doc, 0, 1, "GBR", "GOV")
    sudan = actor(doc, 2, 3, "SDN", "GOV")
    (event,) = code_events(rule_coder, doc, [britain, sudan])
    assert event.event == "REQUEST"
    assert roles(event) == (["GBR"], ["Sudan"])
    own = parse(MUST_WITHDRAW.replace("Sudan PROPN NNP", "Britain PROPN NNP"))
    speaker, subject = actor(own, 0, 1, "GBR", "GOV"), actor(own, 2, 3, "GBR", "GOV")
    (event,) = code_events(rule_coder, own, [speaker, subject])
    assert event.event == "RETREAT"


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


def test_a_declared_state_of_siege_parsed_as_a_subject_still_fires(
    event_lexicon: EventLexicon,
) -> None:
    doc = parse(SIEGE_TO_BEGIN)
    (trigger,) = find_triggers(doc[:], event_lexicon)
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


def test_an_event_counted_in_waves_or_rounds_is_carried_by_the_verb(rule_coder: EventCoder) -> None:
    doc = parse(WAVE_OF_AIRSTRIKES)
    mentions = [actor(doc, 0, 1, "ISR", "GOV"), actor(doc, 8, 9, "PSE", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, *roles(event)) == ("ASSAULT", ["ISR"], ["Gaza"])
    doc = parse(ROUND_OF_EXERCISES)
    mentions = [actor(doc, 0, 1, "JOR", "GOV"), actor(doc, 2, 3, "EGY", "GOV")]
    events = code_events(rule_coder, doc, mentions)
    assert events and all(e.event == "COOPERATE" for e in events)
    # The round that carries the exercises is no participant.
    assert all(r.entity_text != "a round" for e in events for r in e.recipient)
    assert {a.code for e in events for a in (*e.actor, *e.recipient)} == {"JOR", "EGY"}


STAGED_PROTEST = """
Students NOUN NNS nsubj 1 student
staged VERB VBD ROOT 1 stag
a DET DT det 3 a
protest NOUN NN dobj 1 protest
. PUNCT . punct 1 .
"""


def test_a_protest_staged_keeps_its_actor_despite_the_lemmatizer(
    event_lexicon: EventLexicon,
) -> None:
    doc = parse(STAGED_PROTEST)  # the model's lemmatizer reads "staged" as "stag"
    (before,) = find_triggers(doc[:], event_lexicon)
    assert before.light_verb is None
    (trigger,) = find_triggers(fix_lemmas(doc)[:], event_lexicon)
    assert (trigger.event, trigger.light_verb) == ("PROTEST", 1)


REACHED_DEAL = """
Armenia PROPN NNP nsubj 3 Armenia
and CCONJ CC cc 0 and
Azerbaijan PROPN NNP conj 0 Azerbaijan
reached VERB VBD ROOT 3 reach
a DET DT det 5 a
deal NOUN NN dobj 3 deal
. PUNCT . punct 3 .
"""


def test_reaching_an_agreement_finalizes_it(rule_coder: EventCoder) -> None:
    doc = parse(REACHED_DEAL)
    mentions = [actor(doc, 0, 1, "ARM", "GOV"), actor(doc, 2, 3, "AZE", "GOV")]
    events = code_events(rule_coder, doc, mentions)
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


def test_withdrawing_peacekeepers_reduces_relations_troops_retreat(rule_coder: EventCoder) -> None:
    doc = parse(WITHDREW_PEACEKEEPERS)
    mentions = [
        actor(doc, 1, 2, "UNO", None, kind="igo"),
        actor(doc, 3, 4, None, "MIL", kind="agent"),
        actor(doc, 5, 6, "EGY", "GOV"),
    ]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, event.mode) == ("SANCTION", "withdraw")
    assert [r.code for r in event.recipient] == ["EGY"]  # not the UN's own peacekeepers
    doc = parse(WITHDREW_FROM_TOWN)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 2, "RUS", "MIL", kind="agent")])
    assert event.event == "RETREAT"


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


def test_cancelling_a_visit_is_a_rejection(rule_coder: EventCoder) -> None:
    doc = parse(CANCELLED_TRIP)
    mentions = [actor(doc, 1, 2, "GBR", "GOV", kind="agent"), actor(doc, 6, 7, "USA", "GOV")]
    events = code_events(rule_coder, doc, mentions)
    rejections = [e for e in events if e.event == "REJECT"]
    assert [(e.mode, *roles(e)) for e in rejections] == [("meet", ["GBR"], ["Washington"])]


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


def test_an_amount_given_for_assistance_is_aid(event_lexicon: EventLexicon) -> None:
    doc = parse(MILLION_FOR_ASSISTANCE)
    doc[4].ent_type_ = "MONEY"
    assert [(t.token, t.event) for t in find_triggers(doc[:], event_lexicon)] == [(1, "AID")]


CONFISCATED_BIRDS = """
Rangers NOUN NNS nsubj 1 ranger
returned VERB VBD ROOT 1 return
the DET DT det 4 the
confiscated VERB VBN amod 4 confiscate
birds NOUN NNS dobj 1 bird
. PUNCT . punct 1 .
"""


def test_a_participle_describing_a_noun_is_no_event(event_lexicon: EventLexicon) -> None:
    doc = parse(CONFISCATED_BIRDS)
    assert find_triggers(doc[:], event_lexicon) == []
    # ... and does not hide the verb it hangs on from the model.
    (trigger,) = find_triggers(doc[:], event_lexicon, learned=frozenset({"return"}))
    assert (trigger.token, trigger.event) == (1, None)


RETURNED_THAT_WERE_SEIZED = """
Agents NOUN NNS nsubj 1 agent
returned VERB VBD ROOT 1 return
antiquities NOUN NNS dobj 1 antiquity
to ADP IN prep 1 to
Iraq PROPN NNP pobj 3 Iraq
that PRON WDT nsubjpass 7 that
were AUX VBD auxpass 7 be
seized VERB VBN relcl 2 seize
. PUNCT . punct 1 .
"""


def test_an_event_in_a_relative_clause_does_not_hide_the_verb_above(
    event_lexicon: EventLexicon,
) -> None:
    # "seized" only describes the antiquities: the return is this sentence's event.
    doc = parse(RETURNED_THAT_WERE_SEIZED)
    triggers = find_triggers(doc[:], event_lexicon, learned=frozenset({"return"}))
    assert [(doc[t.token].text, t.event) for t in triggers] == [
        ("returned", None),
        ("seized", "COERCE"),
    ]


TAKEN_A_DAY_AFTER = """
Jalalabad PROPN NNP nsubjpass 2 Jalalabad
was AUX VBD auxpass 2 be
taken VERB VBN ROOT 2 take
by ADP IN agent 2 by
rebels NOUN NNS pobj 3 rebel
, PUNCT , punct 2 ,
a DET DT det 7 a
day NOUN NN npadvmod 10 day
{mark} SCONJ IN mark 10 {mark}
they PRON PRP nsubj 10 they
captured VERB VBD advcl 2 capture
the DET DT det 12 the
city NOUN NN dobj 10 city
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(("mark", "apart"), [("after", True), ("when", False)])
def test_an_act_told_days_apart_does_not_hide_the_verb_above(
    event_lexicon: EventLexicon, mark: str, apart: bool
) -> None:
    """ "Jalalabad was taken by rebels, a day after they captured the city": the capture
    tells another act, so the verb the training data taught stays a trigger beside it."""
    doc = parse(TAKEN_A_DAY_AFTER.format(mark=mark))
    triggers = find_triggers(doc[:], event_lexicon, learned=frozenset({"take"}))
    found = [(doc[t.token].text, t.event) for t in triggers]
    assert found == ([("taken", None)] if apart else []) + [("captured", "ASSAULT")]


def _verb_and_object(verb: str, lemma: str, obj: str, particle: str | None = None) -> str:
    """ "Officials <verb> [<particle>] the <object> ." as parse lines."""
    rows = ["Officials NOUN NNS nsubj 1 official", f"{verb} VERB VBD ROOT 1 {lemma}"]
    if particle:
        rows.append(f"{particle} ADP RP prt 1 {particle}")
    n = len(rows)
    rows += [f"the DET DT det {n + 1} the", f"{obj} NOUN NNS dobj 1 {obj}", ". PUNCT . punct 1 ."]
    return "\n".join(rows)


@pytest.mark.parametrize(
    ("verb", "lemma", "obj", "particle", "event"),
    [
        ("ended", "end", "mediation", None, "SANCTION"),  # halting talks reduces relations
        ("reduced", "reduce", "tariffs", None, "CONCEDE"),  # easing economic pressure
        ("laid", "lay", "weapons", "down", "RETREAT"),  # disarming
        ("handed", "hand", "medicines", "over", "AID"),
        ("flew", "fly", "supplies", None, "AID"),
        ("approved", "approve", "request", None, "CONCEDE"),  # acceding to a request
        ("heeded", "heed", "calls", None, "CONCEDE"),
        ("shared", "share", "evidence", None, "COOPERATE"),
        ("awarded", "award", "medal", None, "SUPPORT"),
        ("pledged", "pledge", "support", None, "SUPPORT"),  # expressed, not promised
        ("pledged", "pledge", "loans", None, "AGREE"),
        ("spurned", "spurn", "offers", None, "REJECT"),
        ("faulted", "fault", "decision", None, "ACCUSE"),
        ("searched", "search", "residence", None, "COERCE"),  # PLOVER COERCE 'seize'
        ("gave", "give", "information", None, "COOPERATE"),
        ("burned", "burn", "flag", None, "PROTEST"),
        ("defended", "defend", "decision", None, "SUPPORT"),
        ("reversed", "reverse", "ban", None, "CONCEDE"),
        ("broke", "break", "relations", "off", "SANCTION"),  # PLOVER 'discontinue'
        ("blocked", "block", "intersection", None, "PROTEST"),
        ("redeployed", "redeploy", "forces", None, "MOBILIZE"),
        ("rushed", "rush", "reinforcements", None, "MOBILIZE"),
    ],
)
def test_verbs_their_objects_make_events(
    event_lexicon: EventLexicon, verb: str, lemma: str, obj: str, particle: str | None, event: str
) -> None:
    doc = parse(_verb_and_object(verb, lemma, obj, particle))
    assert [t.event for t in find_triggers(doc[:], event_lexicon)] == [event]


CONDEMNED_QUASHING = """
Paris PROPN NNP nsubj 1 Paris
condemned VERB VBD ROOT 1 condemn
Ankara PROPN NNP dobj 1 Ankara
for ADP IN prep 1 for
quashing VERB VBG pcomp 3 quash
the DET DT det 6 the
orders NOUN NNS dobj 4 order
. PUNCT . punct 1 .
"""


def test_learned_verbs_are_untyped_triggers_only_where_the_lexicon_is_silent(
    event_lexicon: EventLexicon,
) -> None:
    doc = parse(QUASHED)
    assert find_triggers(doc[:], event_lexicon) == []
    (trigger,) = find_triggers(doc[:], event_lexicon, learned=frozenset({"quash"}))
    assert (trigger.token, trigger.event) == (2, None)
    # Under a typed trigger ("condemned ... for quashing") the learned verb says nothing more.
    nested = parse(CONDEMNED_QUASHING)
    events = [
        t.event for t in find_triggers(nested[:], event_lexicon, learned=frozenset({"quash"}))
    ]
    assert None not in events and events


MARCH = """
Talks PROPN NNP nsubj 1 talk
resume VERB VBP ROOT 1 resume
in ADP IN prep 1 in
March PROPN NNP pobj 2 March
. PUNCT . punct 1 .
"""


def test_a_month_is_not_a_march(event_lexicon: EventLexicon) -> None:
    doc = parse(MARCH)
    doc.ents = [doc.char_span(doc[3].idx, doc[3].idx + 5, label="DATE")]
    assert [doc[t.token].text for t in find_triggers(doc[:], event_lexicon)] == ["Talks"]
    doc.ents = []
    assert "March" in [doc[t.token].text for t in find_triggers(doc[:], event_lexicon)]


WILLING = """
Egypt PROPN NNP nsubj 1 Egypt
is AUX VBZ ROOT 1 be
willing ADJ JJ acomp 1 willing
to PART TO aux 4 to
withdraw VERB VB xcomp 2 withdraw
its PRON PRP$ poss 6 its
troops NOUN NNS dobj 4 troop
. PUNCT . punct 1 .
"""


def test_willing_to_withdraw_is_an_offer_by_the_subject(rule_coder: EventCoder) -> None:
    doc = parse(WILLING)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "EGY", "GOV")])
    assert (event.event, event.aux, [a.code for a in event.actor]) == ("AGREE", None, ["EGY"])


LIFTED_SANCTIONS = """
Brussels PROPN NNP nsubj 1 Brussels
lifted VERB VBD ROOT 1 lift
sanctions NOUN NNS dobj 1 sanction
on ADP IN prep 2 on
Minsk PROPN NNP pobj 3 Minsk
. PUNCT . punct 1 .
"""


def test_what_a_concession_lifts_is_not_an_event_of_its_own(rule_coder: EventCoder) -> None:
    doc = parse(LIFTED_SANCTIONS)
    mentions = [actor(doc, 0, 1, "EUR", "GOV", kind="igo"), actor(doc, 4, 5, "BLR", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, [a.code for a in event.actor], [r.code for r in event.recipient]) == (
        "CONCEDE",
        ["EUR"],
        ["BLR"],
    )


WILL_MEET = """
Putin PROPN NNP nsubj 2 Putin
will AUX MD aux 2 will
meet VERB VB ROOT 2 meet
Erdogan PROPN NNP dobj 2 Erdogan
. PUNCT . punct 2 .
"""


def test_a_meeting_ahead_is_an_agreement_to_meet(rule_coder: EventCoder) -> None:
    doc = parse(WILL_MEET)
    mentions = [actor(doc, 0, 1, "RUS", "GOV", kind="person"), actor(doc, 3, 4, "TUR", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, event.aux) == ("AGREE", None)


SIGNED = """
Kyiv PROPN NNP nsubj 1 Kyiv
signed VERB VBD ROOT 1 sign
a DET DT det 3 a
treaty NOUN NN dobj 1 treaty
with ADP IN prep 1 with
Warsaw PROPN NNP pobj 4 Warsaw
. PUNCT . punct 1 .
"""


def test_signing_a_treaty_is_support(rule_coder: EventCoder) -> None:
    doc = parse(SIGNED)
    mentions = [actor(doc, 0, 1, "UKR", "GOV"), actor(doc, 5, 6, "POL", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SUPPORT"
    assert {a.code for a in (*event.actor, *event.recipient)} == {"UKR", "POL"}


ON_ALERT = """
Troops NOUN NNS nsubj 1 troop
remained VERB VBD ROOT 1 remain
on ADP IN prep 1 on
alert NOUN NN pobj 2 alert
. PUNCT . punct 1 .
"""


def test_troops_on_alert_are_mobilised(rule_coder: EventCoder) -> None:
    doc = parse(ON_ALERT)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "PHL", "MIL", kind="agent")])
    assert (event.event, [(a.code, a.sector) for a in event.actor]) == (
        "MOBILIZE",
        [("PHL", "MIL")],
    )


ORDERED_IN_RESPONSE = """
Trump PROPN NNP nsubj 1 Trump
ordered VERB VBD ROOT 1 order
a DET DT det 3 a
strike NOUN NN dobj 1 strike
in ADP IN prep 1 in
response NOUN NN pobj 4 response
to ADP IN prep 5 to
the DET DT det 8 the
attack NOUN NN pobj 6 attack
. PUNCT . punct 1 .
"""


def test_one_verb_carrying_two_triggers_of_a_type_codes_one_event(rule_coder: EventCoder) -> None:
    doc = parse(ORDERED_IN_RESPONSE)
    events = code_events(rule_coder, doc, [actor(doc, 0, 1, "USA", "GOV", kind="person")])
    assert [e.event for e in events] == ["ASSAULT"]
    assert len({e.id for e in events}) == len(events)


SHOT_DURING = """
Police NOUN NNS nsubj 1 police
shot VERB VBD ROOT 1 shoot
protesters NOUN NNS dobj 1 protester
during ADP IN prep 1 during
demonstrations NOUN NNS pobj 3 demonstration
over ADP IN prep 4 over
the DET DT det 7 the
killings NOUN NNS pobj 5 killing
. PUNCT . punct 1 .
"""

PROTESTS_DURING = """
Protests NOUN NNS nsubj 1 protest
continued VERB VBD ROOT 1 continue
during ADP IN prep 1 during
the DET DT det 4 the
attacks NOUN NNS pobj 2 attack
. PUNCT . punct 1 .
"""


def test_a_noun_saying_why_or_when_another_act_was_done_is_its_circumstance(
    event_lexicon: EventLexicon,
) -> None:
    """ "Police shot protesters during demonstrations": the demonstrations are when the
    shooting happened, not an event whose doer the shooters are; under a verb that is no
    trigger ("continued during the attacks") the noun stays."""
    doc = parse(SHOT_DURING)
    assert [doc[t.token].text for t in find_triggers(doc[:], event_lexicon)] == ["shot"]
    doc = parse(PROTESTS_DURING)
    found = [doc[t.token].text for t in find_triggers(doc[:], event_lexicon)]
    assert "attacks" in found


VOWED = """
The DET DT det 1 the
Houthis PROPN NNPS nsubj 2 Houthis
vowed VERB VBD ROOT 2 vow
to PART TO aux 4 to
{verb} VERB VB xcomp 2 {lemma}
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("verb", "lemma", "event"),
    [("retaliate", "retaliate", "THREATEN"), ("avenge", "avenge", "THREATEN"),
     ("rebuild", "rebuild", "AGREE")],
)  # fmt: skip
def test_a_vow_to_harm_is_a_threat_and_any_other_vow_a_promise(
    event_lexicon: EventLexicon, verb: str, lemma: str, event: str
) -> None:
    doc = parse(VOWED.format(verb=verb, lemma=lemma))
    typed = worded(doc, event_lexicon)
    assert typed == [("vowed", event)]


GATHERED = """
Thousands NOUN NNS nsubj 3 thousand
of ADP IN prep 0 of
{doers} NOUN NNS pobj 1 {lemma}
gathered VERB VBD ROOT 3 gather
outside ADV RB advmod 3 outside
. PUNCT . punct 3 .
"""
STORMED = """
Police NOUN NNS nsubj 1 police
fired VERB VBD ROOT 1 fire
on ADP IN prep 1 on
protesters NOUN NNS pobj 2 protester
who PRON WP nsubj 5 who
stormed VERB VBD relcl 3 storm
parliament NOUN NN dobj 5 parliament
. PUNCT . punct 1 .
"""


def test_protesters_gathering_or_storming_protest(event_lexicon: EventLexicon) -> None:
    doc = parse(GATHERED.format(doers="protesters", lemma="protester"))
    typed = [
        (doc[t.token].text, t.event, t.spec.mode) for t in find_triggers(doc[:], event_lexicon)
    ]
    assert typed == [("gathered", "PROTEST", "demo")]
    doc = parse(STORMED)
    typed = [
        (doc[t.token].text, t.event, t.spec.mode) for t in find_triggers(doc[:], event_lexicon)
    ]
    assert typed == [("fired", "ASSAULT", None), ("stormed", "PROTEST", "riot")]


def test_others_gathering_do_not_protest(event_lexicon: EventLexicon) -> None:
    doc = parse(GATHERED.format(doers="mourners", lemma="mourner"))
    assert find_triggers(doc[:], event_lexicon) == []


EXCHANGED = """
Troops NOUN NNS nsubj 1 troop
exchanged VERB VBD ROOT 1 exchange
{object} NOUN NN dobj 1 {object}
. PUNCT . punct 1 .
"""


def test_an_exchange_of_fire_is_an_assault_by_both_sides(event_lexicon: EventLexicon) -> None:
    doc = parse(EXCHANGED.format(object="fire"))
    (trigger,) = find_triggers(doc[:], event_lexicon)
    assert (trigger.event, trigger.spec.mode) == ("ASSAULT", "firearms")
    assert "reciprocal" in trigger.spec.flags
    assert find_triggers(parse(EXCHANGED.format(object="prisoners"))[:], event_lexicon) == []


BACKED_BY_SUPPORT = """
Kurdish ADJ JJ amod 1 Kurdish
forces NOUN NNS nsubj 8 force
, PUNCT , punct 1 ,
backed VERB VBN acl 1 back
by ADP IN agent 3 by
US PROPN NNP compound 6 US
support NOUN NN pobj 4 support
, PUNCT , punct 1 ,
fought VERB VBD ROOT 8 fight
. PUNCT . punct 8 .
"""


def test_who_backs_a_party_tells_who_it_is_and_reports_no_event(
    event_lexicon: EventLexicon,
) -> None:
    """ "forces, backed by US support, fought": neither the backing nor the support it names
    is an event of the sentence, even for a verb the typer learned."""
    doc = parse(BACKED_BY_SUPPORT)
    found = find_triggers(doc[:], event_lexicon, learned=frozenset({"back"}))
    assert [doc[t.token].text for t in found] == ["fought"]


ENTERED = """
{doers} NOUN NNS nsubj 1 {lemma}
entered VERB VBD ROOT 1 enter
{object} PROPN NNP dobj 1 {object}
on ADP IN prep 1 on
Monday PROPN NNP pobj 3 Monday
. PUNCT . punct 1 .
"""
CROSSED_INTO = """
Troops NOUN NNS nsubj 1 troop
crossed VERB VBD ROOT 1 cross
into ADP IN prep 1 into
the DET DT det 4 the
{object} NOUN NN pobj 2 {object}
. PUNCT . punct 1 .
"""


def test_armed_men_entering_a_place_assault_it(event_lexicon: EventLexicon) -> None:
    """ "Rebels entered Goma", "troops crossed into the region": an armed advance. The
    object is a place when the geoparser found one there (``places``) or a place noun."""
    doc = parse(ENTERED.format(doers="Rebels", lemma="rebel", object="Goma"))
    typed = find_triggers(doc[:], event_lexicon, places=frozenset({2}))
    assert [(doc[t.token].text, t.event) for t in typed] == [("entered", "ASSAULT")]
    doc = parse(CROSSED_INTO.format(object="region"))
    typed = find_triggers(doc[:], event_lexicon)
    assert [(doc[t.token].text, t.event) for t in typed] == [("crossed", "ASSAULT")]


def test_entering_is_no_assault_for_others_or_into_no_place(event_lexicon: EventLexicon) -> None:
    doc = parse(ENTERED.format(doers="Ministers", lemma="minister", object="Goma"))
    assert find_triggers(doc[:], event_lexicon, places=frozenset({2})) == []
    doc = parse(ENTERED.format(doers="Rebels", lemma="rebel", object="Goma"))
    assert find_triggers(doc[:], event_lexicon) == []  # the geoparser found no place there
    assert find_triggers(parse(CROSSED_INTO.format(object="river"))[:], event_lexicon) == []


RETOOK = """
The DET DT det 1 the
army NOUN NN nsubj 2 army
retook VERB VBD ROOT 2 retake
{object} PROPN NNP dobj 2 {object}
. PUNCT . punct 2 .
"""


def test_retaking_a_place_is_an_assault(event_lexicon: EventLexicon) -> None:
    doc = parse(RETOOK.format(object="Raqqa"))
    typed = find_triggers(doc[:], event_lexicon, places=frozenset({3}))
    assert [(doc[t.token].text, t.event) for t in typed] == [("retook", "ASSAULT")]
    doc = parse(RETOOK.format(object="Smith"))  # a person: the lead, a hostage
    assert find_triggers(doc[:], event_lexicon) == []


VOWED_TO_GO_ON = """
The DET DT det 1 the
general NOUN NN nsubj 2 general
vowed VERB VBD ROOT 2 vow
to PART TO aux 4 to
{aspect} VERB VB xcomp 2 {aspect}
{verb} VERB VBG xcomp 4 {lemma}
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("aspect", "verb", "lemma", "event"),
    [("keep", "fighting", "fight", "THREATEN"), ("continue", "striking", "strike", "THREATEN"),
     ("keep", "rebuilding", "rebuild", "AGREE")],
)  # fmt: skip
def test_a_vow_to_go_on_harming_is_a_threat(
    event_lexicon: EventLexicon, aspect: str, verb: str, lemma: str, event: str
) -> None:
    doc = parse(VOWED_TO_GO_ON.format(aspect=aspect, verb=verb, lemma=lemma))
    typed = worded(doc, event_lexicon)
    assert typed[0] == ("vowed", event)


CALLED = """
The DET DT det 1 the
opposition NOUN NN nsubj 2 opposition
called VERB VBD ROOT 2 call
the DET DT det 4 the
{object} NOUN NN dobj 2 {object}
a DET DT det 6 a
{label} NOUN NN oprd 2 {label}
. PUNCT . punct 2 .
"""
CALLED_OFF = """
Rebels NOUN NNS nsubj 1 rebel
called VERB VBD ROOT 1 call
off ADP RP prt 1 off
the DET DT det 4 the
attack NOUN NN dobj 1 attack
. PUNCT . punct 1 .
"""


def test_calling_something_a_wrong_condemns_it(event_lexicon: EventLexicon) -> None:
    """ "called the detention a coup" condemns it; "called the attack a victory" and "called
    off the attack" do not (only what the verb calls its object is read)."""
    doc = parse(CALLED.format(object="detention", label="coup"))
    typed = [
        (doc[t.token].text, t.event, t.spec.mode) for t in find_triggers(doc[:], event_lexicon)
    ]
    assert typed == [("called", "ACCUSE", "disapprove")]
    doc = parse(CALLED.format(object="attack", label="victory"))
    assert [doc[t.token].text for t in find_triggers(doc[:], event_lexicon)] == ["attack"]
    doc = parse(CALLED_OFF)
    assert [doc[t.token].text for t in find_triggers(doc[:], event_lexicon)] != ["called"]


SEIZED = """
{doers} NOUN NNS nsubj 1 {lemma}
seized VERB VBD ROOT 1 seize
the DET DT det 3 the
{object} NOUN NN dobj 1 {object}
. PUNCT . punct 1 .
"""


def typed(
    lexicon: EventLexicon, template: str, **words: str
) -> list[tuple[str | None, str | None]]:
    """The type and mode of each trigger of the hand-parsed ``template`` filled with ``words``."""
    doc = parse(template.format(**words))
    return [(t.event, t.spec.mode) for t in find_triggers(doc[:], lexicon)]


def test_armed_men_seizing_a_place_assault_it_others_seize_property(
    event_lexicon: EventLexicon,
) -> None:
    def seized(doers: str, lemma: str, obj: str) -> list[tuple[str | None, str | None]]:
        return typed(event_lexicon, SEIZED, doers=doers, lemma=lemma, object=obj)

    assert seized("Fighters", "fighter", "headquarters") == [("ASSAULT", None)]
    assert seized("Customs", "customs", "headquarters") == [("COERCE", "seize")]
    assert seized("Fighters", "fighter", "cargo") == [("COERCE", "seize")]


USED_GAS = """
Police NOUN NNS nsubj 1 police
{verb} VERB VBD ROOT 1 {lemma}
{object} NOUN NNS dobj 1 {object}
with ADP IN prep 1 with
{weapon} NOUN NN pobj 3 {weapon}
. PUNCT . punct 1 .
"""


def test_an_act_with_a_crowd_control_weapon_is_an_assault(event_lexicon: EventLexicon) -> None:
    """PLOVER: ASSAULT 'crowd-control' where the text names the weapon ("dispersed them
    with tear gas", "used water cannon"); dispersing a crowd with none named is no assault."""

    def used(verb: str, lemma: str, obj: str, weapon: str) -> list[tuple[str | None, str | None]]:
        return typed(event_lexicon, USED_GAS, verb=verb, lemma=lemma, object=obj, weapon=weapon)

    assert used("dispersed", "disperse", "crowds", "gas") == [("ASSAULT", "crowd-control")]
    assert used("used", "use", "cannons", "force") == [("ASSAULT", "crowd-control")]
    assert used("dispersed", "disperse", "crowds", "loudspeakers") == []


TOOK_HOSTAGE = """
Gunmen NOUN NNS nsubj 1 gunman
took VERB VBD ROOT 1 take
three NUM CD nummod 3 three
journalists NOUN NNS dobj 1 journalist
{word} NOUN NN oprd 1 {word}
. PUNCT . punct 1 .
"""


def test_taking_people_hostage_is_an_abduction(event_lexicon: EventLexicon) -> None:
    """PLOVER ASSAULT 'abduct': "took three journalists hostage", "were taken hostage";
    taking anything else names no event."""

    assert typed(event_lexicon, TOOK_HOSTAGE, word="hostage") == [("ASSAULT", "abduct")]
    assert typed(event_lexicon, TOOK_HOSTAGE, word="captive") == [("ASSAULT", "abduct")]
    assert typed(event_lexicon, TOOK_HOSTAGE, word="home") == []


RUSHED_THOUSANDS_OF = """
India PROPN NNP nsubj 1 India
rushed VERB VBD ROOT 1 rush
thousands NOUN NNS dobj 1 thousand
of ADP IN prep 2 of
{word} NOUN NNS pobj 3 {lemma}
to ADP IN prep 1 to
Manipur PROPN NNP pobj 5 Manipur
. PUNCT . punct 1 .
"""


def test_what_an_amount_is_of_is_read_in_the_form_the_lexicon_lists(
    event_lexicon: EventLexicon,
) -> None:
    """The lexicon lists plurals ("soldiers"), the lemmatizer gives "soldier": "rushed
    thousands of soldiers", "sent hundreds of troops" are deployments all the same."""
    rushed = typed(event_lexicon, RUSHED_THOUSANDS_OF, word="soldiers", lemma="soldier")
    assert rushed == [("MOBILIZE", "troops")]
    assert typed(event_lexicon, RUSHED_THOUSANDS_OF, word="parcels", lemma="parcel") == []


CROWD_SET_FIRE = """
A DET DT det 1 a
{doer} NOUN NN nsubj 2 {doer}
set VERB VBD ROOT 2 set
fire NOUN NN dobj 2 fire
to ADP IN prep 2 to
the DET DT det 6 the
residence NOUN NN pobj 4 residence
. PUNCT . punct 2 .
"""

BROKE_THROUGH = """
Protesters NOUN NNS nsubj 1 protester
broke VERB VBD ROOT 1 break
through ADP IN prep 1 through
a DET DT det 4 a
gate NOUN NN pobj 2 gate
. PUNCT . punct 1 .
"""


def test_a_crowd_setting_fire_or_breaking_through_riots(event_lexicon: EventLexicon) -> None:
    """PLOVER PROTEST 'riot' when a crowd does it ("a mob set fire to the residence",
    "protesters broke through a gate"); anyone else setting fire is no riot."""
    assert typed(event_lexicon, CROWD_SET_FIRE, doer="mob") == [("PROTEST", "riot")]
    assert typed(event_lexicon, CROWD_SET_FIRE, doer="candle") == []
    doc = parse(BROKE_THROUGH)
    (trigger,) = find_triggers(doc[:], event_lexicon)
    assert (trigger.event, trigger.spec.mode) == ("PROTEST", "riot")
    # The particle, parsed as a preposition, ends the trigger: not "through a gate".
    assert doc[trigger.token_start : trigger.token_end].text == "broke through"


CROWD_VERB_OBJECT = """
{doer} NOUN NNS nsubj 1 {lemma}
{verb} VERB VBD ROOT 1 {verb_lemma}
the DET DT det 3 the
{thing} NOUN NN dobj 1 {thing}
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("verb", "verb_lemma", "thing", "mode"),
    [
        ("overran", "overrun", "residence", "riot"),
        ("attacked", "attack", "embassy", "riot"),
        ("barricaded", "barricade", "streets", "obstruct"),
    ],
)
def test_a_crowds_violence_is_a_riot_and_its_barricade_an_obstruction(
    event_lexicon: EventLexicon, verb: str, verb_lemma: str, thing: str, mode: str
) -> None:
    """Protesters, and a leader's supporters or followers, overrunning a residence or
    attacking an embassy riot (PLOVER PROTEST 'riot'); barricading streets obstructs.
    Soldiers overrunning a base or attacking a town assault it."""
    for doer, lemma in (("Protesters", "protester"), ("Supporters", "supporter")):
        words = {"doer": doer, "lemma": lemma, "verb": verb, "verb_lemma": verb_lemma}
        assert typed(event_lexicon, CROWD_VERB_OBJECT, thing=thing, **words) == [("PROTEST", mode)]
    soldiers = {"doer": "Soldiers", "lemma": "soldier", "verb": verb, "verb_lemma": verb_lemma}
    assert ("PROTEST", mode) not in typed(event_lexicon, CROWD_VERB_OBJECT, thing=thing, **soldiers)


BLEW_UP = """
Gunmen NOUN NNS nsubj 1 gunman
blew VERB VBD ROOT 1 blow
{object} {pos} {tag} dobj 1 {lemma}
up ADP RP prt 1 up
. PUNCT . punct 1 .
"""


def test_blowing_up_is_a_bombing_and_blowing_oneself_up_a_suicide_attack(
    event_lexicon: EventLexicon,
) -> None:
    """ "blew up the track" is an attack with explosives, "blew himself up" a suicide attack;
    "blew" alone is no event."""
    track = {"object": "track", "pos": "NOUN", "tag": "NN", "lemma": "track"}
    himself = {"object": "himself", "pos": "PRON", "tag": "PRP", "lemma": "himself"}
    assert typed(event_lexicon, BLEW_UP, **track) == [("ASSAULT", "explosives")]
    assert typed(event_lexicon, BLEW_UP, **himself) == [("ASSAULT", "suicide-attack")]
    blew = BLEW_UP.replace("up ADP RP prt 1 up\n", "")
    assert typed(event_lexicon, blew, **track) == []


LODGED_A_PROTEST = """
Japan PROPN NNP nsubj 1 Japan
{verb} VERB VBD ROOT 1 {lemma}
a DET DT det 4 a
diplomatic ADJ JJ amod 4 diplomatic
protest NOUN NN dobj 1 protest
with ADP IN prep 1 with
Beijing PROPN NNP pobj 5 Beijing
. PUNCT . punct 1 .
"""


def test_a_protest_lodged_with_a_government_is_a_complaint(event_lexicon: EventLexicon) -> None:
    """ "lodged a diplomatic protest with Beijing" is a government's complaint (ACCUSE
    disapprove), not a street protest; "staged a protest" is one."""
    lodged = typed(event_lexicon, LODGED_A_PROTEST, verb="lodged", lemma="lodge")
    assert lodged == [("ACCUSE", "disapprove")]
    staged = typed(event_lexicon, LODGED_A_PROTEST, verb="staged", lemma="stage")
    assert staged == [("PROTEST", "demo")]


LAUNCHED_COUNTER_OFFENSIVE = """
Isis PROPN NNP nsubj 1 Isis
launched VERB VBD ROOT 1 launch
a DET DT det 3 a
counter NOUN NN dobj 1 counter
- PUNCT HYPH punct 5 -
offensive ADJ JJ dobj 1 offensive
. PUNCT . punct 1 .
"""


def test_an_adjective_in_a_nouns_place_is_the_noun(rule_coder: EventCoder) -> None:
    """ "launched a counter-offensive": the parse tags 'offensive' JJ after the hyphen, and
    makes 'counter' another object, which is no one the offensive is aimed at."""
    doc = parse(LAUNCHED_COUNTER_OFFENSIVE, hyphens=True)
    assert doc.text.startswith("Isis launched a counter-offensive")
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "IMG", "REB", kind="group")])
    assert event.event == "ASSAULT"
    assert roles(event) == (["IMG"], [])


ORDERED_TO_CONFRONT = """
Abiy PROPN NNP nsubj 1 Abiy
ordered VERB VBD ROOT 1 order
the DET DT det 3 the
army NOUN NN dobj 1 army
to PART TO aux 5 to
confront VERB VB xcomp 1 confront
the DET DT det 7 the
party NOUN NN dobj 5 party
. PUNCT . punct 1 .
"""

ORDERED_TO_WITHDRAW = """
Abiy PROPN NNP nsubj 1 Abiy
ordered VERB VBD ROOT 1 order
the DET DT det 3 the
army NOUN NN dobj 1 army
to PART TO aux 5 to
withdraw VERB VB xcomp 1 withdraw
. PUNCT . punct 1 .
"""

ORDERED_THE_ARREST = """
Abiy PROPN NNP nsubj 1 Abiy
ordered VERB VBD ROOT 1 order
the DET DT det 3 the
arrest NOUN NN dobj 1 arrest
of ADP IN prep 3 of
soldiers NOUN NNS pobj 4 soldier
. PUNCT . punct 1 .
"""


def test_an_order_to_forces_is_their_deployment_unless_it_orders_an_act(
    rule_coder: EventCoder,
) -> None:
    """ "ordered the army to confront the party": a deployment by the one who orders it, the
    army its means, no recipient; "to withdraw" is the withdrawal; "the arrest of soldiers"
    sends no forces."""
    doc = parse(ORDERED_TO_CONFRONT)
    abiy = actor(doc, 0, 1, "ETH", "GOV", kind="person")
    army = actor(doc, 2, 4, None, "MIL", kind="agent")
    (event,) = code_events(rule_coder, doc, [abiy, army])
    assert (event.event, event.mode) == ("MOBILIZE", "troops")
    assert [a.code for a in event.actor] == ["ETH"]
    assert "army" not in [r.entity_text for r in event.recipient]
    doc = parse(ORDERED_TO_WITHDRAW)
    mentions = [actor(doc, 0, 1, "ETH", "GOV", kind="person")]
    assert [e.event for e in code_events(rule_coder, doc, mentions)] == ["RETREAT"]
    doc = parse(ORDERED_THE_ARREST)
    mentions = [actor(doc, 0, 1, "ETH", "GOV", kind="person")]
    assert [e.event for e in code_events(rule_coder, doc, mentions)] == ["COERCE"]


STOOD_WITH_ALLY = """
Washington PROPN NNP nsubj 1 Washington
stood VERB VBD ROOT 1 stand
with ADP IN prep 1 with
Prague PROPN NNP pobj 2 Prague
. PUNCT . punct 1 .
"""

STOOD_UP = """
Washington PROPN NNP nsubj 1 Washington
stood VERB VBD ROOT 1 stand
up ADP RP prt 1 up
. PUNCT . punct 1 .
"""


def test_standing_with_someone_supports_them(rule_coder: EventCoder) -> None:
    doc = parse(STOOD_WITH_ALLY)
    mentions = [actor(doc, 0, 1, "USA", "GOV"), actor(doc, 3, 4, "CZE", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, roles(event)) == ("SUPPORT", (["USA"], ["Prague"]))
    doc = parse(STOOD_UP)
    assert code_events(rule_coder, doc, [actor(doc, 0, 1, "USA", "GOV")]) == []


RELEASED = """
The DET DT det 1 the
army NOUN NN nsubj 2 army
released VERB VBD ROOT 2 release
a DET DT det 5 a
new ADJ JJ amod 5 new
{thing}
. PUNCT . punct 2 .
"""

REPORT_RELEASED = """
A DET DT det 1 a
report NOUN NN nsubj 6 report
released VERB VBN acl 1 release
on ADP IN prep 2 on
Tuesday PROPN NNP pobj 3 Tuesday
has AUX VBZ aux 6 have
angered VERB VBN ROOT 6 anger
Kyiv PROPN NNP dobj 6 Kyiv
. PUNCT . punct 6 .
"""

RELEASE_OF = """
They PRON PRP nsubj 1 they
announced VERB VBD ROOT 1 announce
the DET DT det 3 the
release NOUN NN dobj 1 release
of ADP IN prep 3 of
the DET DT det 6 the
{thing}
. PUNCT . punct 1 .
"""


def test_releasing_what_is_published_sets_no_one_free(event_lexicon: EventLexicon) -> None:
    """ "released a new statement", "a report released on Tuesday", "the release of the
    footage": published, no release, and no event the typer learned either; "released a new
    group of prisoners", "the release of the hostages": set free."""

    def events(text: str) -> list[tuple[str, str | None]]:
        doc = parse(text)
        found = find_triggers(doc[:], event_lexicon, learned=frozenset({"release"}))
        return [(doc[t.token].text, t.event) for t in found]

    assert events(RELEASED.format(thing="statement NOUN NN dobj 2 statement")) == []
    assert events(RELEASED.format(thing="video NOUN NN dobj 2 video")) == []
    assert events(RELEASED.format(thing="prisoner NOUN NN dobj 2 prisoner")) == [
        ("released", "RETREAT")
    ]
    assert events(REPORT_RELEASED) == []
    assert events(RELEASE_OF.format(thing="footage NOUN NN pobj 4 footage")) == []
    assert events(RELEASE_OF.format(thing="hostages NOUN NNS pobj 4 hostage")) == [
        ("release", "RETREAT")
    ]


VOWED_WITH_OBJECT = """
The DET DT det 1 the
junta NOUN NN nsubj 2 junta
vowed VERB VBD ROOT 2 vow
to PART TO aux 4 to
{verb} VERB VB xcomp 2 {verb}
the DET DT det 6 the
{object} NOUN NNS dobj 4 {lemma}
. PUNCT . punct 2 .
"""
VOWED_NOT_TO = """
The DET DT det 1 the
junta NOUN NN nsubj 2 junta
vowed VERB VBD ROOT 2 vow
not PART RB neg 5 not
to PART TO aux 5 to
arrest VERB VB xcomp 2 arrest
the DET DT det 7 the
leaders NOUN NNS dobj 5 leader
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("verb", "object", "event"),
    [("arrest", "leaders", "THREATEN"), ("expel", "diplomats", "THREATEN"),
     ("launch", "attacks", "THREATEN"), ("free", "leaders", "AGREE"), ("hold", "talks", "AGREE")],
)  # fmt: skip
def test_a_vow_of_any_act_of_force_or_coercion_is_a_threat(
    event_lexicon: EventLexicon, verb: str, object: str, event: str
) -> None:
    """ "vowed to arrest the leaders", "to expel the diplomats", "to launch the attacks": the
    lexicon reads the complement (a verb, or the event noun it carries) as force or coercion,
    so the vow is a threat, whatever verb says it; "vowed to free the leaders", "to hold
    talks" and "not to arrest the leaders" promise."""
    doc = parse(VOWED_WITH_OBJECT.format(verb=verb, object=object, lemma=object[:-1]))
    typed = worded(doc, event_lexicon)
    assert typed[0] == ("vowed", event)
    if event == "THREATEN" and verb == "arrest":
        doc = parse(VOWED_NOT_TO)
        typed = worded(doc, event_lexicon)
        assert typed[0] == ("vowed", "AGREE")


INCREASED_SUPPORT = """
Washington PROPN NNP nsubj 1 Washington
increased VERB VBD ROOT 1 increase
its PRON PRP$ poss 4 its
{modifier} ADJ JJ amod 4 {modifier}
support NOUN NN dobj 1 support
for ADP IN prep 4 for
Kyiv PROPN NNP pobj 5 Kyiv
. PUNCT . punct 1 .
"""
OFFERED = """
Egypt PROPN NNP nsubj 1 Egypt
offered VERB VBD ROOT 1 offer
{thing} NOUN NN dobj 1 {thing}
to ADP IN prep 1 to
the DET DT det 5 the
rebels NOUN NNS pobj 3 rebel
. PUNCT . punct 1 .
"""


def test_material_support_is_aid_and_offering_help_or_talks_agrees(
    event_lexicon: EventLexicon,
) -> None:
    """PLOVER: SUPPORT is political, diplomatic, non-material support; military, logistical
    or financial support is material, AID. Offering aid, troops or talks commits to them
    (AGREE); offering condolences does not."""

    def typed(text: str) -> list[tuple[str, str | None]]:
        doc = parse(text)
        return worded(doc, event_lexicon)

    assert typed(INCREASED_SUPPORT.format(modifier="military")) == [("support", "AID")]
    assert typed(INCREASED_SUPPORT.format(modifier="logistical")) == [("support", "AID")]
    assert typed(INCREASED_SUPPORT.format(modifier="political")) == [("support", "SUPPORT")]
    assert typed(OFFERED.format(thing="aid"))[0] == ("offered", "AGREE")
    assert typed(OFFERED.format(thing="talks"))[0] == ("offered", "AGREE")
    assert ("offered", "AGREE") not in typed(OFFERED.format(thing="condolences"))


AGREED_WITH = """
The DET DT det 1 the
government NOUN NN nsubj 2 government
agreed VERB VBD ROOT 2 agree
with ADP IN prep 2 with
Turkey PROPN NNP pobj 3 Turkey
{rest}
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("rest", "accord"),
    [("", False), ("on ADP IN prep 2 on\\nceasefire NOUN NN pobj 5 ceasefire", True),
     ("to PART TO aux 6 to\\nreopen VERB VB xcomp 2 reopen", True)],
)  # fmt: skip
def test_agreeing_with_someone_on_nothing_shares_a_view(
    event_lexicon: EventLexicon, rest: str, accord: bool
) -> None:
    """ "agreed with Turkey" shares a view, and is no event, learned or not; "agreed with
    Turkey on a ceasefire" and "to reopen" reach an accord (AGREE)."""
    doc = parse(AGREED_WITH.format(rest=rest.replace("\\n", "\n")))
    found = find_triggers(doc[:], event_lexicon, learned=frozenset({"agree"}))
    agreed = [t.event for t in found if doc[t.token].text == "agreed"]
    assert agreed == (["AGREE"] if accord else [])


SOUGHT = """
Kenya PROPN NNP nsubj 1 Kenya
sought VERB VBD ROOT 1 seek
{rest}
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("rest", "asked"),
    [("help NOUN NN dobj 1 help", True),
     ("to PART TO aux 3 to\nlimit VERB VB xcomp 1 limit\nits PRON PRP$ poss 5 its\n"
      "aims NOUN NNS dobj 3 aim", False)],
)  # fmt: skip
def test_seeking_a_thing_asks_for_it_and_seeking_to_act_tries_it(
    event_lexicon: EventLexicon, rest: str, asked: bool
) -> None:
    """ "Kenya sought help" asks for it (REQUEST); "Kenya sought to limit its aims" tries an
    act (flag "attempt"), which is no request, learned or not."""
    doc = parse(SOUGHT.format(rest=rest.replace("\\n", "\n")))
    found = find_triggers(doc[:], event_lexicon, learned=frozenset({"seek"}))
    sought = [t.event for t in found if doc[t.token].text == "sought"]
    assert sought == (["REQUEST"] if asked else [])


TRUCE_TOOK_EFFECT = """
The DET DT det 1 the
ceasefire NOUN NN nsubj 2 ceasefire
took VERB VBD ROOT 2 take
effect NOUN NN dobj 2 effect
. PUNCT . punct 2 .
"""

TRUCE_THAT_BEGAN = """
A DET DT det 1 a
truce NOUN NN nsubj 5 truce
that PRON WDT nsubj 3 that
began VERB VBD relcl 1 begin
on ADP IN prep 3 on
Friday PROPN NNP pobj 4 Friday
appeared VERB VBD ROOT 5 appear
to PART TO aux 8 to
hold VERB VB xcomp 5 hold
. PUNCT . punct 5 .
"""

TRUCE_IN_FORCE = """
The DET DT det 1 the
truce NOUN NN nsubj 4 truce
, PUNCT , punct 1 ,
in ADP IN prep 1 in
force NOUN NN pobj 3 force
collapsed VERB VBD ROOT 4 collapse
. PUNCT . punct 4 .
"""

TRUCE_DECLARED = """
The DET DT det 1 the
army NOUN NN nsubj 2 army
declared VERB VBD ROOT 2 declare
a DET DT det 4 a
ceasefire NOUN NN dobj 2 ceasefire
. PUNCT . punct 2 .
"""

TRUCE_COLLAPSED = """
The DET DT det 1 the
ceasefire NOUN NN nsubj 2 ceasefire
collapsed VERB VBD ROOT 2 collapse
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("table", "event"),
    [(TRUCE_TOOK_EFFECT, ("RETREAT", "ceasefire")), (TRUCE_THAT_BEGAN, ("RETREAT", "ceasefire")),
     (TRUCE_IN_FORCE, ("RETREAT", "ceasefire")), (TRUCE_COLLAPSED, ("CONCEDE", None))],
)  # fmt: skip
def test_a_truce_carried_out_retreats_and_one_only_named_concedes(
    event_lexicon: EventLexicon, table: str, event: tuple[str, str | None]
) -> None:
    """PLOVER 2.0: a ceasefire carried out ("took effect", "a truce that began ... appeared to
    hold", "the truce, in force, ...") is RETREAT (ceasefire); otherwise the noun keeps its
    declared sense, CONCEDE."""
    doc = parse(table)
    nouns = [t for t in find_triggers(doc[:], event_lexicon) if doc[t.token].pos_ == "NOUN"]
    assert [(t.event, t.spec.mode) for t in nouns] == [event]


def test_a_truce_declared_is_conceded(event_lexicon: EventLexicon) -> None:
    doc = parse(TRUCE_DECLARED)
    found = worded(doc, event_lexicon)
    assert ("declared", "CONCEDE") in found
    assert all(event != "RETREAT" for _, event in found)


CALLED_UP = """
Kyrgyzstan PROPN NNP nsubj 1 Kyrgyzstan
called VERB VBD ROOT 1 call
up ADP RP prt 1 up
{object}
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("obj", "mobilizes"),
    [("reservists NOUN NNS dobj 1 reservist", True), ("frigates NOUN NNS dobj 1 frigate", True),
     ("volunteers NOUN NNS dobj 1 volunteer", False)],
)  # fmt: skip
def test_forces_are_one_list_of_what_a_state_sends_or_calls_up(
    event_lexicon: EventLexicon, obj: str, mobilizes: bool
) -> None:
    """@forces in a row's objects spells out words.json's "forces": the rows of send,
    dispatch, rush and order share it, and calling up reservists or frigates mobilises."""
    send = next(s for s in event_lexicon.lookup("send", "VERB") if s.event == "MOBILIZE")
    order = next(s for s in event_lexicon.lookup("order", "VERB") if s.event == "MOBILIZE")
    assert {"battalions", "frigate", "reservists"} <= send.objects
    assert send.objects < order.objects and not any(w.startswith("@") for w in order.objects)
    (capture,) = event_lexicon.lookup("capture", "VERB")
    assert {"airfield", "outpost", "@place"} <= capture.objects  # @sites, and any place
    (recall,) = event_lexicon.lookup("recall", "VERB")
    (summon,) = event_lexicon.lookup("summon", "VERB")
    assert recall.objects == summon.objects >= {"ambassadors", "charge", "consul"}  # @envoys
    doc = parse(CALLED_UP.format(object=obj))
    found = worded(doc, event_lexicon)
    assert (("called", "MOBILIZE") in found) == mobilizes


ACCEPTED = """
Hamas PROPN NNP nsubj 1 Hamas
accepted VERB VBD ROOT 1 accept
the DET DT det 3 the
{object}
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("obj", "event"),
    [("proposal NOUN NN dobj 1 proposal", "AGREE"),
     ("invitation NOUN NN dobj 1 invitation", "AGREE"),
     ("demands NOUN NNS dobj 1 demand", "CONCEDE")],
)  # fmt: skip
def test_accepting_a_proposal_agrees_and_accepting_demands_concedes(
    event_lexicon: EventLexicon, obj: str, event: str
) -> None:
    doc = parse(ACCEPTED.format(object=obj))
    found = worded(doc, event_lexicon)
    assert ("accepted", event) in found


SUSPENDED = """
The DET DT det 1 the
bloc NOUN NN nsubj 2 bloc
suspended VERB VBD ROOT 2 suspend
{object}
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("obj", "mode"),
    [("Mali PROPN NNP dobj 2 Mali\nfrom ADP IN prep 2 from\nits PRON PRP$ poss 6 its\n"
      "bodies NOUN NNS pobj 4 body", "expel"),
     ("contacts NOUN NNS dobj 2 contact\nwith ADP IN prep 3 with\n"
      "Israel PROPN NNP pobj 4 Israel", "discontinue")],
)  # fmt: skip
def test_suspending_a_member_expels_it_and_suspending_contacts_discontinues_them(
    event_lexicon: EventLexicon, obj: str, mode: str
) -> None:
    """PLOVER 2.0 SANCTION: "expel" an entity from a group or organisation; "discontinue"
    diplomatic exchanges, of which contacts are one."""
    doc = parse(SUSPENDED.format(object=obj))
    (trigger,) = find_triggers(doc[:], event_lexicon)
    assert (doc[trigger.token].text, trigger.event, trigger.spec.mode) == (
        "suspended",
        "SANCTION",
        mode,
    )


def test_a_palace_is_among_the_sites_taken_by_force(event_lexicon: EventLexicon) -> None:
    doc = parse(
        """
Rebels NOUN NNS nsubj 1 rebel
captured VERB VBD ROOT 1 capture
the DET DT det 4 the
presidential ADJ JJ amod 4 presidential
palace NOUN NN dobj 1 palace
. PUNCT . punct 1 .
"""
    )
    assert worded(doc, event_lexicon) == [("captured", "ASSAULT")]


PRESSED_TO_SHOW = """
Qatar PROPN NNP nsubj 2 Qatar
had AUX VBD aux 2 have
pressed VERB VBN ROOT 2 press
Hamas PROPN NNP dobj 2 Hamas
to PART TO aux 5 to
show VERB VB xcomp 2 show
flexibility NOUN NN dobj 5 flexibility
. PUNCT . punct 2 .
"""

PUSHED_FOR_REFORMS = """
Abe PROPN NNP nsubj 2 Abe
has AUX VBZ aux 2 have
pushed VERB VBN ROOT 2 push
parliament NOUN NN dobj 2 parliament
for ADP IN prep 2 for
reforms NOUN NNS pobj 4 reform
. PUNCT . punct 2 .
"""

PRESSED_CHARGES = """
Prosecutors NOUN NNS nsubj 1 prosecutor
pressed VERB VBD ROOT 1 press
charges NOUN NNS dobj 1 charge
. PUNCT . punct 1 .
"""

PUSHED_TO_RETAKE = """
Troops NOUN NNS nsubj 1 troop
pushed VERB VBD ROOT 1 push
to PART TO aux 3 to
retake VERB VB xcomp 1 retake
Marawi PROPN NNP dobj 3 Marawi
. PUNCT . punct 1 .
"""


def test_pressing_or_pushing_a_party_for_an_act_is_a_request(event_lexicon: EventLexicon) -> None:
    """'pressed Hamas to show flexibility', 'pushed parliament for reforms'; not 'pressed
    charges', nor 'pushed to retake Marawi', a push of the troops' own."""
    assert ("pressed", "REQUEST") in worded(parse(PRESSED_TO_SHOW), event_lexicon)
    assert ("pushed", "REQUEST") in worded(parse(PUSHED_FOR_REFORMS), event_lexicon)
    assert ("pressed", "REQUEST") not in worded(parse(PRESSED_CHARGES), event_lexicon)
    assert ("pushed", "REQUEST") not in worded(parse(PUSHED_TO_RETAKE), event_lexicon)


# "Unions called a general strike" and "Kyiv charged a general with ordering strikes": a
# labour strike by its own modifier only, not by a word elsewhere in the sentence.
GENERAL_STRIKE = """
Unions NOUN NNS nsubj 1 union
called VERB VBD ROOT 1 call
a DET DT det 4 a
general ADJ JJ amod 4 general
strike NOUN NN dobj 1 strike
. PUNCT . punct 1 .
"""

ORDERING_STRIKES = """
Kyiv PROPN NNP nsubj 1 Kyiv
charged VERB VBD ROOT 1 charge
a DET DT det 3 a
general NOUN NN dobj 1 general
with ADP IN prep 1 with
ordering VERB VBG pcomp 4 order
strikes NOUN NNS dobj 5 strike
on ADP IN prep 6 on
bridges NOUN NNS pobj 7 bridge
. PUNCT . punct 1 .
"""

# "Teachers stopped work, staging a strike": who strikes may be named anywhere in it.
STAGING_A_STRIKE = """
Teachers NOUN NNS nsubj 1 teacher
stopped VERB VBD ROOT 1 stop
work NOUN NN dobj 1 work
, PUNCT , punct 1 ,
staging VERB VBG advcl 1 stage
a DET DT det 6 a
strike NOUN NN dobj 4 strike
. PUNCT . punct 1 .
"""


def test_a_strike_is_a_labour_strike_by_its_own_modifier_or_by_who_strikes(
    event_lexicon: EventLexicon,
) -> None:
    def strike(text: str) -> str | None:
        doc = parse(text)
        events = [e for word, e in worded(doc, event_lexicon) if word.startswith("strike")]
        return events[0] if events else None

    assert strike(GENERAL_STRIKE) == "PROTEST"
    assert strike(ORDERING_STRIKES) == "ASSAULT"
    assert strike(STAGING_A_STRIKE) == "PROTEST"
