"""The evidence of an event as highlight spans over its article, and the excerpts to show.

Every span is a character range of the article's cleaned text with the role it plays:
``trigger``, ``actor``, ``recipient``, ``place``, ``date``, ``dead``/``injured``/``arrested``
and the claims (``asserts``/``denies``). Dates and casualty figures carry only their words in
the record; they are located in the event's sentence. A span whose offsets do not fit the
text is left out rather than shown at the wrong place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

_SENTENCE_END: Final = ".!?\n"


def evidence_spans(record: Mapping[str, Any], text: str) -> list[dict[str, Any]]:
    """The highlight spans of an event (``event_to_dict`` object) in ``text``, by position."""
    spans = [span for span in _candidates(record, text) if _fits(span, text)]
    return sorted(spans, key=lambda span: (span["start"], -span["end"], span["role"]))


def excerpts(
    record: Mapping[str, Any], spans: list[dict[str, Any]], text: str
) -> list[dict[str, Any]]:
    """The sentences to show: the event's, and each sentence holding a span outside it.

    Overlapping sentences, and those with only space between them, are merged; a claim in
    the next sentence or an actor named paragraphs earlier ("Pashinyan" resolved from the
    first paragraph) each bring their own sentence, not everything in between.
    """
    info = record["text_info"]
    own = (int(info["start"]), int(info["end"]))
    outside = [span for span in spans if span["start"] < own[0] or span["end"] > own[1]]
    sentences = sorted(
        [_trimmed(text, *own), *(_whole_sentences(text, s["start"], s["end"]) for s in outside)]
    )
    merged: list[list[int]] = []
    for start, end in sentences:
        if merged and not text[merged[-1][1] : start].strip():  # nothing but space between
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [{"start": start, "end": end, "text": text[start:end]} for start, end in merged]


def _whole_sentences(text: str, start: int, end: int) -> tuple[int, int]:
    return _trimmed(text, _sentence_start(text, start), _sentence_stop(text, end))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _candidates(record: Mapping[str, Any], text: str) -> Iterator[dict[str, Any]]:
    yield _span("trigger", record["event_start"], record["event_end"], record["event"])
    for role in ("actor", "recipient"):
        for ref in record[role]:
            label = " ".join(part for part in (ref["code"], ref["sector"]) if part)
            yield _span(role, ref["start"], ref["end"], label or ref["entity_text"])
    place = record["event_loc"]
    if place is not None:
        yield _span("place", place["start"], place["end"], place["resolved_place"])
    for claim in record["claims"]:
        yield _span(claim["stance"], claim["start"], claim["end"], claim["by"])
    info = record["text_info"]
    sentence = (int(info["start"]), int(info["end"]))
    if record["date_text"]:
        yield from _located("date", record["date_text"], record["date"] or "", text, sentence)
    for kind, count in record["size"].items():
        if count is not None:
            yield from _located(kind, count["text"], str(count["min"]), text, sentence)


def _span(role: str, start: int, end: int, label: str) -> dict[str, Any]:
    return {"role": role, "start": start, "end": end, "label": label}


def _located(
    role: str, words: str, label: str, text: str, sentence: tuple[int, int]
) -> Iterator[dict[str, Any]]:
    found = text.find(words, sentence[0], sentence[1]) if words else -1
    if found >= 0:
        yield _span(role, found, found + len(words), label)


def _fits(span: dict[str, Any], text: str) -> bool:
    start, end = span["start"], span["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return False
    span["text"] = text[start:end]
    return True


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(mark, 0, pos) for mark in _SENTENCE_END) + 1


def _sentence_stop(text: str, pos: int) -> int:
    if pos > 0 and text[pos - 1] in _SENTENCE_END:
        return pos
    stops = [found for mark in _SENTENCE_END if (found := text.find(mark, pos)) >= 0]
    return min(stops) + 1 if stops else len(text)
