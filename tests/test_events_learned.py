"""Participants no dictionary knows, and events at verbs the training data taught.

Hand-built parses (tests/parsed.py); the shipped model only where the typer is under test.
"""

from __future__ import annotations

from datetime import datetime

from predicates import governing_verb
from spacy.tokens import Doc

from parsed import actor, code_events, parse, place
from strife.classify.model import EventTyper
from strife.events import EventCoder, Mentions
from strife.events.arguments import Arguments
from strife.events.lexicon import EventLexicon
from strife.events.places import dateline_tokens
from strife.events.triggers import find_triggers
from strife.events.typer import Candidate, ModelTyping, RuleTyping
from strife.records import ActorRef, Article

SUED = """
The DET DT det 1 the
ACLU PROPN NNP nsubj 2 ACLU
sued VERB VBD ROOT 2 sue
the DET DT det 4 the
carmaker NOUN NN dobj 2 carmaker
. PUNCT . punct 2 .
"""

KILLED = """
The DET DT det 1 the
attack NOUN NN nsubj 2 attack
killed VERB VBD ROOT 2 kill
five NUM CD nummod 4 five
soldiers NOUN NNS dobj 2 soldier
. PUNCT . punct 2 .
"""

REFUSED = """
Bucharest PROPN NNP nsubj 1 Bucharest
refused VERB VBD ROOT 1 refuse
a DET DT det 3 a
request NOUN NN dobj 1 request
from ADP IN prep 3 from
Siemens PROPN NNP pobj 4 Siemens
. PUNCT . punct 1 .
"""

QUASHED = """
The DET DT det 1 the
court NOUN NN nsubj 2 court
quashed VERB VBD ROOT 2 quash
the DET DT det 4 the
orders NOUN NNS dobj 2 order
of ADP IN prep 4 of
Ankara PROPN NNP pobj 5 Ankara
. PUNCT . punct 2 .
"""

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


def test_unknown_names_and_things_fill_the_roles_uncoded(rule_coder: EventCoder) -> None:
    doc = parse(SUED)
    (event,) = code_events(rule_coder, doc, [])
    assert event.event == "ACCUSE"
    assert [(a.entity_text, a.code, a.sector) for a in event.actor] == [("The ACLU", None, None)]
    assert [r.entity_text for r in event.recipient] == ["the carmaker"]
    for ref in (*event.actor, *event.recipient):
        assert doc.text[ref.start : ref.end] == ref.entity_text


def test_an_actor_must_be_a_name(rule_coder: EventCoder) -> None:
    (event,) = code_events(rule_coder, parse(KILLED), [])
    assert event.actor == ()
    assert [r.entity_text for r in event.recipient] == ["five soldiers"]


def test_a_thing_received_points_at_whose_it_is(rule_coder: EventCoder) -> None:
    doc = parse(REFUSED)
    bucharest = actor(doc, 0, 1, "ROU", "GOV")
    (event,) = code_events(rule_coder, doc, [bucharest])
    assert [a.code for a in event.actor] == ["ROU"]
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Siemens", None)]
    siemens = actor(doc, 5, 6, "DEU", "BUS", kind="group")
    (event,) = code_events(rule_coder, doc, [bucharest, siemens])
    assert [r.code for r in event.recipient] == ["DEU"]


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


def _untyped(
    doc: Doc,
    lexicon: EventLexicon,
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...],
) -> Candidate:
    (trigger,) = find_triggers(doc[:], lexicon, learned=frozenset({"quash"}))
    return Candidate(trigger, Arguments(actors, recipients))


def test_the_model_types_a_learned_trigger_or_turns_it_down(
    typer_model: EventTyper, event_lexicon: EventLexicon
) -> None:
    doc = parse(QUASHED)
    court = actor(doc, 0, 2, None, "JUD", kind="agent").ref
    ankara = actor(doc, 6, 7, "TUR", "GOV").ref
    candidate = _untyped(doc, event_lexicon, (court,), (ankara,))
    (typed,) = ModelTyping(typer_model, learned_threshold=0.0).choose(doc[:], [candidate])
    assert typed is not None and typed.event in typer_model.types
    assert typed.probability is not None and 0.0 < typed.probability <= 1.0
    (refused,) = ModelTyping(typer_model, learned_threshold=1.01).choose(doc[:], [candidate])
    assert refused is None
    # Without a recipient there is no pair to read: no event.
    (alone,) = ModelTyping(typer_model, learned_threshold=0.0).choose(
        doc[:], [_untyped(doc, event_lexicon, (court,), ())]
    )
    assert alone is None
    assert RuleTyping().choose(doc[:], [candidate]) == [None]


def test_the_coder_gives_a_learned_trigger_the_models_type(
    typer_model: EventTyper, event_lexicon: EventLexicon
) -> None:
    doc = parse(QUASHED)
    chooser = ModelTyping(typer_model, learned_threshold=0.0)
    chooser.learned = frozenset({"quash"})
    coder = EventCoder(event_lexicon, chooser=chooser)
    court = actor(doc, 0, 2, "TUR", "JUD", kind="agent")
    (event,) = code_events(coder, doc, [court, actor(doc, 6, 7, "TUR", "GOV")])
    assert event.event in typer_model.types
    assert (event.event_text, doc.text[event.event_start : event.event_end]) == ("quashed",) * 2
    assert [a.code for a in event.actor] == ["TUR"]


def test_the_shipped_model_has_learned_verbs(typer_model: EventTyper) -> None:
    assert len(typer_model.predicates) >= 50
    assert not typer_model.predicates & {"say", "be", "have", "tell"}


def test_the_governing_verb_of_a_pair_is_read_off_the_parse() -> None:
    doc = parse(QUASHED)
    court, ankara = (doc[0:2].start_char, doc[0:2].end_char), (doc[6].idx, doc[6].idx + 6)
    verb = governing_verb(doc, court, ankara)
    assert verb is not None and verb.lemma_ == "quash"
    assert governing_verb(doc, None, None) is None


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

MARCH = """
Talks PROPN NNP nsubj 1 talk
resume VERB VBP ROOT 1 resume
in ADP IN prep 1 in
March PROPN NNP pobj 2 March
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


DEMANDED = """
Lawmakers NOUN NNS nsubj 1 lawmaker
demanded VERB VBD ROOT 1 demand
that SCONJ IN mark 4 that
Yediyurappa PROPN NNP nsubj 4 Yediyurappa
resign VERB VB ccomp 1 resign
. PUNCT . punct 1 .
"""

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

CONDEMNED_THREATS = """
Leaders NOUN NNS nsubj 1 leader
condemned VERB VBD ROOT 1 condemn
threats NOUN NNS dobj 1 threat
made VERB VBN acl 2 make
by ADP IN agent 3 by
Washington PROPN NNP pobj 4 Washington
. PUNCT . punct 1 .
"""


def test_whom_a_demand_addresses_is_its_contents_subject(rule_coder: EventCoder) -> None:
    doc = parse(DEMANDED)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "IND", "LEG", kind="agent")])
    assert event.event == "REQUEST"
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Yediyurappa", None)]


def test_an_investigation_of_someone_targets_them(rule_coder: EventCoder) -> None:
    doc = parse(PROBE)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 2, "USA", "COP", kind="igo")])
    assert event.event == "ACCUSE"
    assert [a.code for a in event.actor] == ["USA"]
    assert [r.entity_text for r in event.recipient] == ["Flynn"]


def test_a_thing_made_by_someone_points_at_them(rule_coder: EventCoder) -> None:
    doc = parse(CONDEMNED_THREATS)
    mentions = [actor(doc, 0, 1, None, "GOV", kind="agent"), actor(doc, 5, 6, "USA", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, [r.code for r in event.recipient]) == ("ACCUSE", ["USA"])


DATELINED = """
BERLIN PROPN NNP nsubj 4 Berlin
-- PUNCT : punct 4 --
a DET DT det 3 a
court NOUN NN appos 0 court
convicted VERB VBD ROOT 4 convict
three NUM CD nummod 6 three
men NOUN NNS dobj 4 man
. PUNCT . punct 4 .
"""


def test_the_datelines_city_is_never_a_participant(rule_coder: EventCoder) -> None:
    doc = parse(DATELINED)
    events = code_events(rule_coder, doc, [actor(doc, 0, 1, "DEU", "GOV")])
    assert events and all(a.code != "DEU" for e in events for a in (*e.actor, *e.recipient))


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


def test_a_concession_at_a_foreign_place_is_aimed_at_its_country(rule_coder: EventCoder) -> None:
    doc = parse(CEASEFIRE_IN_YEMEN)
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    mentions = Mentions([actor(doc, 0, 1, "SAU", "GOV")], [place(doc, 5, 6, 69543, "YEM")], [])
    (event,) = rule_coder.code(doc, article, mentions)
    assert event.event == "CONCEDE"
    assert [(r.entity_text, r.code) for r in event.recipient] == [("Yemen", "YEM")]


ARRESTED_IN_RWANDA = """
Activists NOUN NNS nsubjpass 2 activist
were AUX VBD auxpass 2 be
arrested VERB VBN ROOT 2 arrest
in ADP IN prep 2 in
Rwanda PROPN NNP pobj 3 Rwanda
. PUNCT . punct 2 .
"""

HYPHENATED_OPENING = """
ISIS PROPN NNP nsubj 1 ISIS
claimed VERB VBD ROOT 1 claim
a DET DT det 5 a
multi ADJ JJ amod 5 multi
- PUNCT HYPH punct 3 -
pronged ADJ JJ amod 6 pronged
attack NOUN NN dobj 1 attack
. PUNCT . punct 1 .
"""


def test_an_arrest_by_no_one_named_is_the_states_doing(rule_coder: EventCoder) -> None:
    doc = parse(ARRESTED_IN_RWANDA)
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    mentions = Mentions([], [place(doc, 4, 5, 49518, "RWA")], [])
    (event,) = rule_coder.code(doc, article, mentions)
    assert (event.event, event.mode) == ("COERCE", "arrest")
    assert [(a.entity_text, a.code, a.sector) for a in event.actor] == [("Rwanda", "RWA", "GOV")]
    assert [r.entity_text for r in event.recipient] == ["Activists"]


def test_a_hyphen_in_the_first_sentence_is_no_dateline() -> None:
    assert dateline_tokens(parse(HYPHENATED_OPENING)) == frozenset()
    assert dateline_tokens(parse(DATELINED)) == frozenset({0, 1})


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

SIGNED = """
Kyiv PROPN NNP nsubj 1 Kyiv
signed VERB VBD ROOT 1 sign
a DET DT det 3 a
treaty NOUN NN dobj 1 treaty
with ADP IN prep 1 with
Warsaw PROPN NNP pobj 4 Warsaw
. PUNCT . punct 1 .
"""


def test_a_meeting_ahead_is_an_agreement_to_meet(rule_coder: EventCoder) -> None:
    doc = parse(WILL_MEET)
    mentions = [actor(doc, 0, 1, "RUS", "GOV", kind="person"), actor(doc, 3, 4, "TUR", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert (event.event, event.aux) == ("AGREE", None)


def test_signing_a_treaty_is_support(rule_coder: EventCoder) -> None:
    doc = parse(SIGNED)
    mentions = [actor(doc, 0, 1, "UKR", "GOV"), actor(doc, 5, 6, "POL", "GOV")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "SUPPORT"
    assert {a.code for a in (*event.actor, *event.recipient)} == {"UKR", "POL"}


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


def test_he_who_said_it_is_the_speaker_even_unknown(rule_coder: EventCoder) -> None:
    doc = parse(SAID_HE_WOULD_NOT)
    (event,) = code_events(rule_coder, doc, [])
    # "will not lift": a refusal to yield (tests/test_events_roles.py).
    assert (event.event, event.mode, event.aux) == ("REJECT", "yield", None)
    assert [a.entity_text for a in event.actor] == ["Obama"]


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


ON_ALERT = """
Troops NOUN NNS nsubj 1 troop
remained VERB VBD ROOT 1 remain
on ADP IN prep 1 on
alert NOUN NN pobj 2 alert
. PUNCT . punct 1 .
"""

SENT_SOLDIERS = """
Brasilia PROPN NNP nsubj 1 Brasilia
sent VERB VBD ROOT 1 send
60 NUM CD nummod 3 60
soldiers NOUN NNS dobj 1 soldier
. PUNCT . punct 1 .
"""


def test_troops_on_alert_are_mobilised(rule_coder: EventCoder) -> None:
    doc = parse(ON_ALERT)
    (event,) = code_events(rule_coder, doc, [actor(doc, 0, 1, "PHL", "MIL", kind="agent")])
    assert (event.event, [(a.code, a.sector) for a in event.actor]) == (
        "MOBILIZE",
        [("PHL", "MIL")],
    )


def test_who_sends_troops_mobilises_through_them(rule_coder: EventCoder) -> None:
    doc = parse(SENT_SOLDIERS)
    mentions = [actor(doc, 0, 1, "BRA", "GOV"), actor(doc, 2, 4, None, "MIL", kind="agent")]
    (event,) = code_events(rule_coder, doc, mentions)
    assert event.event == "MOBILIZE"
    assert [(a.entity_text, a.code, a.sector) for a in event.actor] == [("Brasilia", "BRA", "MIL")]
    assert event.recipient == ()


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
