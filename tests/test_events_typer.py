"""How ``strife code`` types its candidates: the trained model weighed against the lexicon."""

from __future__ import annotations

from spacy.tokens import Doc

from parsed import actor, parse
from strife.classify.model import EventTyper
from strife.events import EventCoder
from strife.events.arguments import Arguments
from strife.events.lexicon import TriggerSpec
from strife.events.triggers import Trigger
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


def test_the_coder_can_run_without_the_model() -> None:
    assert isinstance(EventCoder.from_data(typing="rules").chooser, RuleTyping)
    assert isinstance(EventCoder.from_data().chooser, ModelTyping)
