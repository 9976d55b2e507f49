"""Hand-built Docs, so each stage's logic is tested without the parser. Every test that
builds a spaCy Doc by hand builds it here, on the one blank English ``VOCAB``.

- ``parse``: full parses. A sentence is written one token per line:
  ``word POS TAG dep head lemma``, where ``head`` is the index of the head token within the
  sentence (its own index for the root). Sentences are joined into one Doc with their
  offsets shifted.
- ``annotated_doc``: words with only the annotations a rule needs (``word/POS/dep``).
- ``tokens`` and ``tagged``: space-separated tokens with named entities; ``tagged`` also
  gives each word a part of speech guessed from its shape.
- ``placed``: what a geoparser places in such a Doc.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

import spacy
from spacy.tokens import Doc

from strife.events import EventCoder, Mentions
from strife.places import Geoparser
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

# A blank English vocab gives the lexical attributes (lower_, like_num) the stages read.
VOCAB = spacy.blank("en").vocab


def _spaces(
    words: Sequence[str], attached: set[str], *, trailing: bool, glue_hyphens: bool = True
) -> list[bool]:
    """Whether a space follows each word: none before an ``attached`` word, none after a
    hyphen (``glue_hyphens``), ``trailing`` after the last word."""
    return [
        (words[i + 1] not in attached if i + 1 < len(words) else trailing)
        and not (glue_hyphens and word == "-")
        for i, word in enumerate(words)
    ]


def _entity_labels(words: Sequence[str], ents: Sequence[tuple[str, str]]) -> list[str]:
    """BIO labels: each (phrase, label) of ``ents`` at the phrase's first occurrence."""
    labels = ["O"] * len(words)
    for phrase, label in ents:
        parts = ["\n" if part == LINE_BREAK else part for part in phrase.split()]
        start = next(
            (i for i in range(len(words)) if list(words[i : i + len(parts)]) == parts), None
        )
        if start is None:
            raise ValueError(f"{parts} not in the doc")
        labels[start : start + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
    return labels


def parse(*sentences: str, hyphens: bool = False) -> Doc:
    """Build a Doc from sentences written as token lines (see the module docstring); with
    ``hyphens``, a hyphen token is written joined to the words around it ("counter-attack")."""
    words: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    lemmas: list[str] = []
    starts: list[bool | int | None] = []
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
    attached = {".", ",", "'s", "-"} if hyphens else {".", ",", "'s"}
    spaces = _spaces(words, attached, trailing=True, glue_hyphens=hyphens)
    doc = Doc(
        VOCAB,
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


_NO_SPACE_BEFORE = {".", ",", "'s", "'", "-", ")"}


def annotated_doc(text: str) -> Doc:
    """A Doc from space-separated words, each ``word``, ``word/POS`` or ``word/POS/dep``.

    A "." ends a sentence. Words get no POS ("X") unless given, so only the annotations a
    rule needs are written out.
    """
    words, pos, deps = [], [], []
    for item in text.split():
        word, *marks = item.split("/")
        words.append(word)
        pos.append(marks[0] if marks else "X")
        deps.append(marks[1] if len(marks) > 1 else "")
    spaces = _spaces(words, _NO_SPACE_BEFORE, trailing=True)
    starts: list[bool | int | None] = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, pos=pos, sent_starts=starts)
    for token, dep in zip(doc, deps, strict=True):
        if dep:
            token.dep_ = dep
    return doc


_ATTACHED = {",", ".", "'s", "-", ":"}


def tokens(text: str, ents: Sequence[tuple[str, str]] = ()) -> Doc:
    """A Doc from space-separated tokens, with no part of speech; ``ents`` are
    (phrase, label) pairs placed at the phrase's first occurrence."""
    words = text.split()
    spaces = _spaces(words, _ATTACHED, trailing=False)
    return Doc(VOCAB, words=words, spaces=spaces, ents=_entity_labels(words, ents))


_TAGS = {
    "PROPN": "NNP",
    "ADJ": "JJ",
    "VERB": "VBD",
    "NOUN": "NN",
    "ADP": "IN",
    "DET": "DT",
    "PUNCT": ",",
    "CCONJ": "CC",
    "PART": "POS",
    "NUM": "CD",
    "ADV": "RB",
    "SPACE": "_SP",
}
LINE_BREAK = "¶"
_FUNCTION_WORDS = {
    "the": "DET",
    "a": "DET",
    "and": "CCONJ",
    "or": "CCONJ",
    "'s": "PART",
    **dict.fromkeys(["in", "of", "to", "from", "near", "at", "on", "by", "via", "since"], "ADP"),
}


def tagged(
    text: str,
    ents: Sequence[tuple[str, str]] = (),
    pos: Mapping[str, str] | None = None,
    spaced_dashes: bool = False,
) -> Doc:
    """``tokens`` with a part of speech for each word: capitalised words are PROPN unless
    ``pos`` says otherwise, function words, punctuation and numbers their own class. A
    ``¶`` is a line break (a whitespace token, as the parser makes of one); with
    ``spaced_dashes`` a "-" stands between spaces ("Trump - Wisconsin") instead of joining
    its neighbours ("Nagorno-Karabakh")."""
    words = ["\n" if word == LINE_BREAK else word for word in text.split()]
    tags = [_pos_of(word, pos or {}) for word in words]
    attached = _ATTACHED - {"-"} if spaced_dashes else _ATTACHED
    spaces = _spaces(words, attached, trailing=False, glue_hyphens=not spaced_dashes)
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=tags,
        tags=[_TAGS[t] for t in tags],
        ents=_entity_labels(words, ents),
    )


def _pos_of(word: str, overrides: Mapping[str, str]) -> str:
    if word in overrides:
        return overrides[word]
    if word.isspace():
        return "SPACE"
    if word in _FUNCTION_WORDS:
        return _FUNCTION_WORDS[word]
    if not word[0].isalnum():
        return "PUNCT"
    if word[0].isdigit():
        return "NUM"
    return "PROPN" if word[0].isupper() else "NOUN"


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


def placed(geoparser: Geoparser, doc: Doc) -> list[tuple[str, int, str | None]]:
    """The words, GeoNames id and ``resolved_by`` of each place ``geoparser`` finds in
    ``doc``."""
    return [
        (m.place.extracted_place, m.place.geonameid, m.place.resolved_by)
        for m in geoparser.find(doc)
    ]
