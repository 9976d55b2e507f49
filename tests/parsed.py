"""Hand-built parsed sentences, so the coder's logic is tested without the parser.

A sentence is written one token per line: ``word POS TAG dep head lemma``, where ``head`` is
the index of the head token within the sentence (its own index for the root). Sentences are
joined into one Doc with their offsets shifted.
"""

from __future__ import annotations

from datetime import date, datetime

import spacy
from spacy.tokens import Doc

from strife.events import EventCoder, Mentions
from strife.records import (
    ActorMention,
    ActorRef,
    Article,
    DateMention,
    Event,
    MentionKind,
    Place,
    PlaceMention,
)

# A blank English vocab gives the lexical attributes (lower_, like_num) the coder reads.
_VOCAB = spacy.blank("en").vocab


def parse(*sentences: str) -> Doc:
    """Build a Doc from sentences written as token lines (see the module docstring)."""
    words: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    lemmas: list[str] = []
    starts: list[bool] = []
    for sentence in sentences:
        offset = len(words)
        rows = [line.split() for line in sentence.strip().splitlines() if line.strip()]
        for i, (word, p, tag, dep, head, lemma) in enumerate(rows):
            words.append(word)
            pos.append(p)
            tags.append(tag)
            deps.append(dep)
            heads.append(int(head) + offset)
            lemmas.append(lemma)
            starts.append(i == 0)
    spaces = [
        not (i + 1 < len(words) and words[i + 1] in {".", ",", "'s"}) for i in range(len(words))
    ]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        sent_starts=starts,
    )
    return doc


def actor(
    doc: Doc,
    start: int,
    end: int,
    code: str | None,
    sector: str | None,
    kind: MentionKind = "country",
    name: str | None = None,
) -> ActorMention:
    span = doc[start:end]
    ref = ActorRef(span.text, code, sector, name or span.text, span.start_char, span.end_char)
    return ActorMention(start, end, ref, kind)


def place(
    doc: Doc, start: int, end: int, geonameid: int, country: str, feature: str = "PPL"
) -> PlaceMention:
    span = doc[start:end]
    resolved = Place(
        span.text,
        span.text,
        geonameid,
        40.0,
        47.0,
        country,
        feature,
        None,
        span.start_char,
        span.end_char,
    )
    return PlaceMention(start, end, resolved)


def when(doc: Doc, start: int, end: int, value: date, historical: bool = False) -> DateMention:
    span = doc[start:end]
    return DateMention(start, end, span.text, value, span.start_char, span.end_char, historical)


def code_events(coder: EventCoder, doc: Doc, actors: list[ActorMention]) -> list[Event]:
    """The events ``coder`` codes in ``doc`` as one article with these actor mentions (no
    places or dates; published 2 May 2024)."""
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    return coder.code(doc, article, Mentions(actors, [], []))


def roles(event: Event) -> tuple[list[str | None], list[str]]:
    """The actor codes and the recipients' words of an event."""
    return [a.code for a in event.actor], [r.entity_text for r in event.recipient]
