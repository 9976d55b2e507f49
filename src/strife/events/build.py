"""Event records: what one coded event is made of, built from its trigger's sentence.

The coder (:mod:`strife.events.coder`) decides an event's type, parties, places and dates;
this module turns them into :class:`strife.records.Event` records: a stable id, the evidence
offsets, the citation, the confidence, and for a conviction to a prison term the arrest
PLOVER codes beside it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span, Token

from strife.claims import Attribution
from strife.events.lexicon import WORDS
from strife.events.triggers import Trigger
from strife.events.when import resolve_date
from strife.nlp import doc_text
from strife.plover import QUAD, EventType
from strife.records import (
    ActorRef,
    Article,
    Aux,
    Casualties,
    CiteInfo,
    Claim,
    DateMention,
    Event,
    Place,
    TextInfo,
)

IMPRISONMENT_WORDS = WORDS["imprisonment_words"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """The per-sentence facts every event of the sentence shares."""

    span: Span
    sequence: int
    attributions: list[Attribution]
    contexts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventBase:
    """Everything of an event but its participants and place."""

    article: Article
    sentence: Sentence
    trigger: Trigger
    event: EventType
    mode: str | None
    aux: Aux | None
    claims: tuple[Claim, ...]
    dates: list[DateMention]
    size: Casualties
    probability: float | None = None

    def build(
        self,
        actors: tuple[ActorRef, ...],
        recipients: tuple[ActorRef, ...],
        claims: tuple[Claim, ...],
        place: Place | None,
        direction: int,
        counted: bool = True,
    ) -> Event:
        doc = self.sentence.span.doc
        evidence = doc[self.trigger.token_start : self.trigger.token_end]
        span = self.sentence.span
        text = doc_text(doc)  # span.text would rebuild it from the tokens
        date_value, date_source, date_text = resolve_date(self.dates, self.article)
        return Event(
            id=event_id(self.article.id, self.sentence.sequence, evidence.start_char,
                         self.event, direction, place),
            article_id=self.article.id,
            date=date_value,
            date_source=date_source,
            event=self.event,
            mode=self.mode,
            context=self.sentence.contexts,
            quad_code=QUAD[self.event],
            actor=actors,
            recipient=recipients,
            event_loc=place,
            size=self.size if counted else Casualties(),
            event_text=text[evidence.start_char : evidence.end_char],
            event_start=evidence.start_char,
            event_end=evidence.end_char,
            text=text[span.start_char : span.end_char],
            text_info=TextInfo(self.sentence.sequence, span.start_char, span.end_char),
            claims=claims,
            contested=any(c.stance == "denies" for c in claims),
            aux=self.aux,
            cite_info=cite(self.article),
            confidence=confidence(self.trigger, actors, recipients, place, self.dates)
            if self.probability is None
            else round(self.probability, 2),
            date_text=date_text,
        )  # fmt: skip


def imprisons(clause: Sequence[Token]) -> bool:
    """ "sentenced him to seven years in prison": the conviction sends someone to prison."""
    return any(t.lemma_.lower() in IMPRISONMENT_WORDS for t in clause)


def derived(event: Event, kind: EventType, mode: str | None, salt: str, **fields: Any) -> Event:
    """An event read off another (an arrest beside a conviction, an accusation in a claim):
    its own type, mode and id (from the source's id, its type and ``salt``), and
    ``fields`` changed."""
    key = f"{event.id}|{kind}|{salt}"
    return replace(
        event,
        id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        event=kind,
        mode=mode,
        quad_code=QUAD[kind],
        **fields,
    )


def as_arrest(conviction: Event) -> Event:
    """PLOVER: a conviction that results in imprisonment is also COERCE 'arrest'; the
    figures stay with the conviction, so that a sum over events counts them once."""
    return derived(conviction, "COERCE", "arrest", "arrest", size=Casualties())


def event_id(
    article_id: str,
    sequence: int,
    start: int,
    event: EventType,
    direction: int,
    place: Place | None,
) -> str:
    key = f"{article_id}|{sequence}|{start}|{event}|{direction}|{place.geonameid if place else ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def cite(article: Article) -> CiteInfo:
    published = article.published.isoformat() if article.published else None
    return CiteInfo(article.url, article.title, article.publication, published)


def confidence(
    trigger: Trigger,
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...],
    place: Place | None,
    dates: list[DateMention],
) -> float:
    """How complete the evidence is (0-1): not a calibrated probability.

    The weights are set by hand, not fitted: a coded actor says the most about whether the
    event is usable (0.25), then a coded recipient (0.15), a verb trigger rather than a noun
    (0.1), a resolved place (0.1) and a date read from the text (0.05), on a base of 0.35
    for the trigger itself. Used only where the typer did not choose the type.
    """
    score = 0.35
    score += 0.25 if any(a.code for a in actors) else 0.0
    score += 0.15 if any(r.code for r in recipients) else 0.0
    score += 0.1 if trigger.spec.pos == "VERB" else 0.0
    score += 0.1 if place is not None else 0.0
    score += 0.05 if dates else 0.0
    return round(min(score, 1.0), 2)
