"""How ``strife code`` types its candidates: the trained model weighed against the lexicon."""

from __future__ import annotations

from spacy.tokens import Doc

from parsed import actor, code_events, parse
from strife.classify.model import EventTyper
from strife.events import EventCoder
from strife.events.arguments import Arguments
from strife.events.lexicon import EventLexicon, TriggerSpec
from strife.events.triggers import Trigger, find_triggers
from strife.events.typer import Candidate, ModelTyping, RuleTyping
from strife.records import ActorRef

BOMBED = """
Russian ADJ JJ amod 1 russian
warplanes NOUN NNS nsubj 2 warplane
bombed VERB VBD ROOT 2 bomb
rebel NOUN NN compound 4 rebel
positions NOUN NNS dobj 2 position
in ADP IN prep 2 in
Idlib PROPN NNP pobj 5 Idlib
on ADP IN prep 2 on
Tuesday PROPN NNP pobj 7 Tuesday
. PUNCT . punct 2 .
"""


Refs = tuple[ActorRef, ...]


def _candidate(event: str, token: int, actors: Refs, recipients: Refs) -> Candidate:
    spec = TriggerSpec("bomb", None, "VERB", event, None, frozenset(), frozenset())
    return Candidate(Trigger(token, spec, token, token + 1), Arguments(actors, recipients))


def _roles() -> tuple[Doc, Refs, Refs]:
    doc = parse(BOMBED)
    warplanes = actor(doc, 0, 2, "RUS", "MIL", kind="agent").ref
    positions = actor(doc, 3, 5, "SYR", "REB", kind="agent").ref
    return doc, (warplanes,), (positions,)


def test_rules_keep_the_lexicon_type() -> None:
    doc, actors, recipients = _roles()
    (choice,) = RuleTyping().choose(doc[:], [_candidate("AGREE", 2, actors, recipients)])
    assert (choice.event, choice.probability) == ("AGREE", None)


def test_the_model_overrules_a_wrong_lexicon_type_only_when_far_surer(
    typer_model: EventTyper,
) -> None:
    doc, actors, recipients = _roles()
    wrong = [_candidate("AGREE", 2, actors, recipients)]
    (trusting,) = ModelTyping(typer_model, lexicon_weight=1.0).choose(doc[:], wrong)
    assert trusting.event == "ASSAULT"
    assert trusting.probability is not None and trusting.probability > 0.5
    (stubborn,) = ModelTyping(typer_model, lexicon_weight=1e9).choose(doc[:], wrong)
    assert stubborn.event == "AGREE"


def test_without_an_actor_in_the_sentence_the_lexicon_type_stands(
    typer_model: EventTyper,
) -> None:
    doc, _, recipients = _roles()
    (choice,) = ModelTyping(typer_model, lexicon_weight=1.0).choose(
        doc[:], [_candidate("AGREE", 2, (), recipients)]
    )
    assert choice.event == "AGREE"


def test_triggers_of_different_types_sharing_an_actor_keep_their_types(
    typer_model: EventTyper,
) -> None:
    doc, actors, recipients = _roles()
    candidates = [
        _candidate("AGREE", 2, actors, recipients),
        _candidate("ACCUSE", 4, actors, ()),
    ]
    choices = ModelTyping(typer_model, lexicon_weight=1.0).choose(doc[:], candidates)
    assert [c.event for c in choices] == ["AGREE", "ACCUSE"]


def test_the_coder_can_run_without_the_model(
    rule_coder: EventCoder, shipped_coder: EventCoder
) -> None:
    assert isinstance(rule_coder.chooser, RuleTyping)
    assert isinstance(shipped_coder.chooser, ModelTyping)


# --- verbs the training data taught (learned triggers) --------------------------------------

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
