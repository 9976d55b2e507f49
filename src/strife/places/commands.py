"""``strife geoparse FILE...``: the toponyms of texts, resolved to GeoNames, as JSON lines.

Input: ``.jsonl``/``.ndjson`` files of ``{"id", "text"}`` objects, or any other file read
whole as one plain UTF-8 text (its id is its path). Output: one line per text,
``{"id", "places": [{"start", "end", "text", "geonameid", "lat", "lon", "country_code",
"feature_code", "resolved_place", "level"}]}``, offsets into the text as given.

Every toponym is reported, as a geoparser does: countries named as actors ("Russia said")
and demonyms ("Turkish troops") too; ``--places-only`` keeps only names used as places,
which is what ``strife code`` codes events at.

Exit status: 0 when every text was geoparsed, 1 when an input or a line was rejected (the
others are still geoparsed), 2 on usage errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from strife.display import stderr_console
from strife.errors import MalformedRecord, UnreadableInput
from strife.nlp import load_nlp
from strife.places.geoparser import Geoparser
from strife.records import Place

JSON_LINES = frozenset({".jsonl", ".ndjson"})
BATCH_SIZE = 16


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
    }


def geoparse_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help='Files: .jsonl/.ndjson of {"id", "text"}, or plain UTF-8 text files.',
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ],
    places_only: Annotated[
        bool,
        typer.Option(
            "--places-only",
            help="Only names used as places (not countries named as actors, nor demonyms).",
        ),
    ] = False,
) -> None:
    """Find and resolve the toponyms of texts; print one JSON line per text."""
    err = stderr_console()
    rejected = 0

    def texts() -> Iterator[tuple[str, str]]:
        nonlocal rejected
        for path in paths:
            try:
                for item in read_texts(path):
                    if isinstance(item, Text):
                        yield item.text, item.id
                    else:
                        rejected += 1
                        _reject(err, item.source, item.reason)
            except UnreadableInput as exc:
                rejected += 1
                _reject(err, exc.source, exc.reason)

    nlp, geoparser = load_nlp(), Geoparser.load()
    for doc, identifier in nlp.pipe(texts(), as_tuples=True, batch_size=BATCH_SIZE):
        mentions = geoparser.find(doc, every_toponym=not places_only)
        places = [place_to_dict(m.place) for m in mentions]
        sys.stdout.write(json.dumps({"id": identifier, "places": places}, ensure_ascii=False))
        sys.stdout.write("\n")
    raise typer.Exit(1 if rejected else 0)


def _reject(err: Console, source: str, reason: str) -> None:
    err.print(f"strife: rejected {source}: {reason}", markup=False, highlight=False, soft_wrap=True)
