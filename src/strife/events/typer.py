"""Typing the events ``strife code`` finds: the trained model reads each trigger's pair.

The trigger lexicon proposes candidates (a trigger word with its actor and recipient); the
event typer (:mod:`strife.classify.model`) then reads the sentence with that actor and
recipient marked, and the trigger's own type as one of its cues, and gives the PLOVER type,
a mode and its probability. Each pair is read on its own, so its type never depends
on the other candidates of the article.

``RuleTyping`` keeps the coder of the first issue (the trigger's lexicon type, no model), so
that the two can be compared side by side (``bench/typing_overhead.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from spacy.tokens import Span

from strife.classify.cues import cue_vector
from strife.classify.encode import Pair
from strife.classify.model import EventTyper, Typing, mode_of
from strife.events.arguments import Arguments
from strife.events.triggers import Trigger
from strife.nlp import doc_text
from strife.plover import EventType
from strife.records import ActorRef
from strife.syntax import own_clause_span

# How many times its probability the lexicon's own type counts: the smallest of 300, 1,000,
# 1,500 and 3,000 with which every hand-written event of the example articles and of the
# unit tests stays coded (README "Event types: the trained model").
LEXICON_WEIGHT = 1500.0
# How sure the model must be of a learned trigger's type for it to be an event (chosen by
# cross-validation on the PLV pairs, see README "Event types: the trained model").
LEARNED_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger and the roles the parse gave it, waiting for its type."""

    trigger: Trigger
    args: Arguments


@dataclass(frozen=True, slots=True)
class TypeChoice:
    """The type a candidate is coded with, the model's mode (if any) and its probability."""

    event: EventType
    mode: str | None
    probability: float | None


class TypeChooser(Protocol):
    """Chooses the types of the candidates of one sentence (None: not an event).

    ``learned`` are the verb lemmas the chooser can type without the lexicon (learned
    triggers, :func:`strife.events.triggers.find_triggers`); ``statements`` whether it
    can type statements about another party (verbs of saying) the same way.
    """

    learned: frozenset[str]
    statements: bool

    def choose(self, sent: Span, candidates: Sequence[Candidate]) -> list[TypeChoice | None]: ...


class RuleTyping:
    """The trigger lexicon alone: a trigger's type is its lexicon entry's."""

    learned: frozenset[str] = frozenset()
    statements = False

    def choose(self, sent: Span, candidates: Sequence[Candidate]) -> list[TypeChoice | None]:
        return [
            TypeChoice(c.trigger.event, None, None) if c.trigger.event is not None else None
            for c in candidates
        ]


class ModelTyping:
    """The trained typer, weighed against the trigger lexicon.

    The model types a (sentence, actor, recipient) pair, not a word, so the lexicon's type
    stands when the model has no pair to read (no actor or no recipient named in the
    sentence) or when triggers of different lexicon types share the actor ("the ministry
    rejected the sanctions and accused the EU"). Otherwise the type with the highest
    probability wins, the lexicon's own type counting ``lexicon_weight`` times its
    probability: the model overrules the lexicon only when it is that much surer of another
    type. Where the lexicon's type stands, the model is not run (the choice has no
    probability).

    A learned trigger (a verb that heads events in the training data, unknown to the
    lexicon) is an event only when it has both an actor and a recipient and the model
    gives its best type at least ``learned_threshold``.
    """

    def __init__(
        self,
        typer: EventTyper,
        lexicon_weight: float = LEXICON_WEIGHT,
        learned_threshold: float = LEARNED_THRESHOLD,
    ) -> None:
        self.typer = typer
        self.lexicon_weight = lexicon_weight
        self.learned_threshold = learned_threshold
        self.learned = typer.predicates
        self.statements = True

    def choose(self, sent: Span, candidates: Sequence[Candidate]) -> list[TypeChoice | None]:
        events = [c.trigger.event for c in candidates]
        # Each candidate is read in its own clause where the sentence joins clauses with
        # doers of their own ("X destroyed a tower, and Hamas fired rockets").
        clauses = [own_clause_span(sent, sent.doc[c.trigger.token]) for c in candidates]
        pairs = [_pair(clause, c.args) for clause, c in zip(clauses, candidates, strict=True)]
        shared = _shared_pairs(pairs, events)
        choices: list[TypeChoice | None] = [
            TypeChoice(event, None, None) if event is not None else None for event in events
        ]
        # The model is asked only where its reading can change the type.
        asked = [i for i, p in enumerate(pairs) if _askable(p, events[i], shared)]
        if not asked:
            return choices
        cues = np.stack(
            [
                cue_vector(
                    events[i] or None,
                    [e for e, c in zip(events, clauses, strict=True) if e and c == clauses[i]],
                    True,
                    pairs[i].recipient is not None,
                )
                for i in asked
            ]
        )
        typings = self.typer.type_pairs([pairs[i] for i in asked], cues)
        for i, typing in zip(asked, typings, strict=True):
            choices[i] = self._decide_pair(events[i], typing)
        return choices

    def _decide_pair(self, event: EventType | None, typing: Typing) -> TypeChoice | None:
        if event is not None:
            return self._decide(event, typing)
        if typing.confidence >= self.learned_threshold:
            return TypeChoice(typing.event, typing.mode, typing.confidence)
        return None

    def _decide(self, lexicon: EventType, typing: Typing) -> TypeChoice:
        probabilities = typing.probabilities
        weight = {lexicon: self.lexicon_weight}
        event = max(probabilities, key=lambda t: probabilities[t] * weight.get(t, 1.0))
        mode = mode_of(event, typing.mode_probabilities)
        return TypeChoice(event, mode, probabilities[event])


def _askable(pair: Pair, event: EventType | None, shared: set[Pair]) -> bool:
    """A pair the model reads: an actor and a recipient (with the actor alone it changed
    the lexicon's type of 20 of 562 such Guardian candidates and of no PLV sentence, for a
    fifth of its time), not shared by triggers of other lexicon types."""
    if pair.actor is None or pair.recipient is None:
        return False
    return event is None or pair not in shared


def _shared_pairs(pairs: Sequence[Pair], events: Sequence[EventType | None]) -> set[Pair]:
    """Pairs whose actor triggers of more than one lexicon type share."""
    types: dict[tuple[int, int] | None, set[EventType]] = {}
    for pair, event in zip(pairs, events, strict=True):
        if pair.actor is not None and event is not None:
            types.setdefault(pair.actor, set()).add(event)
    return {pair for pair in pairs if len(types.get(pair.actor, ())) > 1}


def _pair(sent: Span, args: Arguments) -> Pair:
    """The sentence with the first actor and recipient named inside it, as offsets in it."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # sent.text rebuilds it
    return Pair(text, _inside(sent, args.actors), _inside(sent, args.recipients))


def _inside(sent: Span, refs: tuple[ActorRef, ...]) -> tuple[int, int] | None:
    for ref in refs:
        if sent.start_char <= ref.start and ref.end <= sent.end_char and ref.start < ref.end:
            return ref.start - sent.start_char, ref.end - sent.start_char
    return None
