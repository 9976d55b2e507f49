"""Texts to geoparse, as ``strife geoparse`` reads them, and their toponyms as JSON objects.

Input: ``.jsonl``/``.ndjson`` files of ``{"id", "text"}`` objects, or any other file read
whole as one plain UTF-8 text (its id is its path). Each text becomes ``{"id", "places":
[{"start", "end", "text", "geonameid", "lat", "lon", "country_code", "feature_code",
"resolved_place", "level", "resolved_by"}]}``, offsets into the text as given, or an
``InputError`` naming it and the reason (a missing or unreadable file, a bad JSON line, a
text longer than the coder's limit).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strife.errors import CodingError, InputError, MalformedRecord, UnreadableInput
from strife.ingest.article import MAX_ARTICLE_CHARS
from strife.nlp import Unparsed, parse_texts
from strife.pipeline import PIECE_CHARS
from strife.places.geoparser import Geoparser
from strife.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

JSON_LINES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class Text:
    """One text to geoparse and its id."""

    id: str
    text: str


def read_texts(path: Path) -> Iterator[Text | MalformedRecord]:
    """The texts of one input file; a bad JSON line becomes a MalformedRecord, in order."""
    try:
        content = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise UnreadableInput(str(path), f"not UTF-8 ({exc.reason})") from exc
    if path.suffix.lower() not in JSON_LINES:
        yield Text(str(path), content)
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip():
            yield _text_of_line(f"{path}:{number}", line)


def _text_of_line(where: str, line: str) -> Text | MalformedRecord:
    try:
        record = json.loads(line)
    except ValueError as exc:
        return MalformedRecord(where, f"not JSON ({exc})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return MalformedRecord(where, "no 'text' string")
    identifier = record.get("id")
    return Text(where if identifier is None else str(identifier), record["text"])


def place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "start": place.start,
        "end": place.end,
        "text": place.extracted_place,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code or None,
        "feature_code": place.feature_code,
        "resolved_place": place.resolved_place,
        "level": place.level,
        "resolved_by": place.resolved_by,
    }


def every_text(paths: Iterable[Path]) -> Iterator[Text | InputError]:
    """The texts of every file in order; a file that cannot be read is one InputError."""
    for path in paths:
        try:
            yield from read_texts(path)
        except UnreadableInput as exc:
            yield exc


def geoparse_batch(
    nlp: Any, geoparser: Geoparser, batch: list[Text | InputError], *, every_toponym: bool
) -> Iterator[dict[str, Any] | InputError]:
    """One JSON object or one rejection per item of ``batch``, in order."""
    texts = [item.text for item in batch if isinstance(item, Text)]
    docs = parse_texts(nlp, texts, PIECE_CHARS, MAX_ARTICLE_CHARS)
    for item in batch:
        if isinstance(item, InputError):
            yield item
        else:
            yield _places(geoparser, item, next(docs), every_toponym)


def _places(
    geoparser: Geoparser, item: Text, doc: Doc | Unparsed, every_toponym: bool
) -> dict[str, Any] | InputError:
    if isinstance(doc, Unparsed):
        return InputError(item.id, doc.reason)
    try:
        mentions = geoparser.find(doc, every_toponym=every_toponym)
    except Exception as exc:  # one text fails, not the run
        return CodingError(
            item.id, f"internal error while geoparsing ({type(exc).__name__}: {exc})"
        )
    return {"id": item.id, "places": [place_to_dict(m.place) for m in mentions]}
