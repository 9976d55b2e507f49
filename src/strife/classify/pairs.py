"""Relation classification: the type and mode of given (sentence, actor, recipient) pairs.

This is what ``strife classify`` runs: each text is parsed for the trigger-lexicon cues, and
the event typer reads the pair. The governing trigger of a pair is the one on the dependency
path between actor and recipient, else the one nearest the actor. ``strife code`` uses the
same typer on the pairs it finds itself (:mod:`strife.events.typer`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

from strife.classify.cues import N_CUES, FloatArray, cue_vector
from strife.classify.encode import Pair, focus
from strife.classify.model import EventTyper, Typing
from strife.events.lexicon import EventLexicon
from strife.events.markers import refine_mode
from strife.events.triggers import Trigger, find_triggers
from strife.plover import EVENT_TYPES

PARSE_BATCH = 64


def parse(nlp: Any, pairs: Sequence[Pair]) -> list[Doc]:
    """Each pair's text parsed (named entities are not needed)."""
    return list(nlp.pipe((p.text for p in pairs), batch_size=PARSE_BATCH, disable=["ner"]))


def cue_matrix(nlp: Any, lexicon: EventLexicon, pairs: Sequence[Pair]) -> FloatArray:
    """One cue row per pair, read in the text around its roles (``encode.focus``)."""
    focused = [focus(pair) for pair in pairs]
    return _cue_rows(focused, _governed_all(lexicon, focused, parse(nlp, focused)))


Governed = tuple[list[Trigger], Trigger | None]


def _governed_all(
    lexicon: EventLexicon, pairs: Sequence[Pair], docs: Sequence[Doc]
) -> list[Governed]:
    """Each pair's triggers and the one that governs it."""
    return [
        _governed(doc[:], lexicon, pair.actor, pair.recipient)
        for pair, doc in zip(pairs, docs, strict=True)
    ]


def _cue_rows(pairs: Sequence[Pair], governed: Sequence[Governed]) -> FloatArray:
    rows = np.zeros((len(pairs), N_CUES), dtype=np.float32)
    for i, (pair, (triggers, trigger)) in enumerate(zip(pairs, governed, strict=True)):
        rows[i] = cue_vector(
            trigger.event if trigger else None,
            (t.event for t in triggers),
            pair.actor is not None,
            pair.recipient is not None,
        )
    return rows


class PairClassifier:
    """The spaCy pipeline, the trigger lexicon and the event typer, loaded once."""

    def __init__(self, nlp: Any, lexicon: EventLexicon, typer: EventTyper) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self.typer = typer

    @classmethod
    def load(cls, typer: EventTyper | None = None) -> PairClassifier:
        from strife.nlp import load_nlp

        return cls(load_nlp(), EventLexicon.from_data(), typer or EventTyper.load())

    def classify(self, pairs: Sequence[Pair]) -> list[Typing]:
        """Type and mode of each pair, in order (a long text read around the pair's
        roles: ``encode.focus``). As in ``strife code``, the governing
        trigger's own mode (when its type is the one chosen) and then the mode cue words of
        the lexicon (``data/events/modes.tsv``) win over the model's mode."""
        if not pairs:
            return []
        # A long text is read around the pair's roles only: parsed whole as one sentence,
        # its trigger search would take time quadratic in its length.
        pairs = [focus(pair) for pair in pairs]
        docs = parse(self.nlp, pairs)
        governed = _governed_all(self.lexicon, pairs, docs)
        typings = self.typer.type_pairs(pairs, _cue_rows(pairs, governed))
        return [
            self._lexicon_mode(typing, doc, trigger)
            for typing, doc, (_, trigger) in zip(typings, docs, governed, strict=True)
        ]

    def _lexicon_mode(self, typing: Typing, doc: Doc, trigger: Trigger | None) -> Typing:
        own = trigger.spec.mode if trigger is not None and trigger.event == typing.event else None
        mode = refine_mode(typing.event, own, list(doc), self.lexicon)
        return replace(typing, mode=mode) if mode is not None else typing

    def lexicon_types(self, pairs: Sequence[Pair]) -> list[str | None]:
        """The governing trigger's lexicon type of each pair (None without a trigger): the
        coder before the model, as a baseline."""
        cues = cue_matrix(self.nlp, self.lexicon, pairs)[:, : len(EVENT_TYPES)]
        return [EVENT_TYPES[int(row.argmax())] if row.any() else None for row in cues]


def _governed(
    sent: Span,
    lexicon: EventLexicon,
    actor: tuple[int, int] | None,
    recipient: tuple[int, int] | None,
) -> Governed:
    """The triggers of ``sent`` and the one governing the pair given by character spans."""
    triggers = find_triggers(sent, lexicon)
    governing = governing_trigger(triggers, _root(sent, actor), _root(sent, recipient), sent)
    return triggers, governing


def governing_trigger(
    triggers: Sequence[Trigger], actor: int | None, recipient: int | None, sent: Span
) -> Trigger | None:
    """The trigger on the path between the roles' head tokens, else the nearest one."""
    if not triggers:
        return None
    path = _path(sent, actor, recipient)
    anchor = actor if actor is not None else recipient
    if anchor is None:
        anchor = sent.root.i

    def rank(trigger: Trigger) -> tuple[bool, int]:
        on_path = trigger.token in path or trigger.light_verb in path
        return (not on_path, abs(trigger.token - anchor))

    return min(triggers, key=rank)


def _root(sent: Span, span: tuple[int, int] | None) -> int | None:
    if span is None:
        return None
    tokens = sent.doc.char_span(span[0], span[1], alignment_mode="expand")
    return tokens.root.i if tokens is not None and len(tokens) else None


def _path(sent: Span, first: int | None, second: int | None) -> set[int]:
    """Tokens from each role's head up to their lowest common ancestor (both included)."""
    doc = sent.doc
    chains = [[doc[i], *doc[i].ancestors] for i in (first, second) if i is not None]
    if not chains:
        return set()
    if len(chains) == 1:
        return {t.i for t in chains[0]}
    shared = {t.i for t in chains[0]} & {t.i for t in chains[1]}
    path: set[int] = set()
    for chain in chains:
        for token in chain:
            path.add(token.i)
            if token.i in shared:
                break
    return path
