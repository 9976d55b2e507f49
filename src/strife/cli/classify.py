"""``strife classify FILE.jsonl``: PLOVER type and mode of given actor/recipient pairs.

One JSON object a line in, ``{"id", "text", "actor": [start, end], "recipient": [start,
end] | null}``; one a line out, ``{"id", "event", "mode", "quad_code", "confidence"}``. A
malformed line (roles further apart than a sentence is long included) is named on standard
error and skipped; the exit status is then 1. A text longer than a sentence is read around
its roles (``encode.focus``), in the same time however long it is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console

from strife.classify.encode import MAX_ROLE_SPREAD, Pair, role_spread
from strife.cli.options import fail
from strife.display import stderr_console, tell
from strife.errors import MalformedRecord, StrifeError

BATCH = 64


@dataclass(frozen=True, slots=True)
class Request:
    id: Any
    pair: Pair


def classify_command(
    path: Annotated[
        str,
        typer.Argument(help="JSONL file of pairs, or - for standard input.", show_default=False),
    ],
    model: Annotated[
        Path | None,
        typer.Option("--model", help="A trained typer's folder instead of the shipped one."),
    ] = None,
) -> None:
    """Type given actor/recipient pairs (relation classification), one JSON line each."""
    from strife.classify.model import EventTyper
    from strife.classify.pairs import PairClassifier

    err = stderr_console()
    try:
        classifier = PairClassifier.load(EventTyper.load(model))
        with _open(path) as lines:
            bad = _run(classifier, _requests(lines, path), sys.stdout, err)
    except (OSError, StrifeError) as exc:
        fail(exc)
    raise typer.Exit(1 if bad else 0)


def _open(path: str) -> TextIO:
    if path == "-":
        return open(sys.stdin.fileno(), encoding="utf-8", closefd=False)
    return Path(path).open(encoding="utf-8")


def _run(
    classifier: Any, requests: Iterator[Request | MalformedRecord], out: TextIO, err: Console
) -> int:
    """Classify in batches, writing each result line as its batch is done."""
    bad = 0
    while chunk := list(islice(requests, BATCH)):
        good = [r for r in chunk if isinstance(r, Request)]
        for problem in (r for r in chunk if isinstance(r, MalformedRecord)):
            tell(err, f"strife: skipped {problem}")
            bad += 1
        for request, typing in zip(good, classifier.classify([r.pair for r in good]), strict=True):
            record = {
                "id": request.id,
                "event": typing.event,
                "mode": typing.mode,
                "quad_code": typing.quad_code,
                "confidence": round(typing.confidence, 4),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return bad


def _requests(lines: TextIO, path_name: str) -> Iterator[Request | MalformedRecord]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield parse_request(line)
        except MalformedRecord as exc:
            yield MalformedRecord(f"{path_name}:{number}", exc.reason)


def parse_request(line: str) -> Request:
    """One input line; raises MalformedRecord naming what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord("-", f"not JSON ({exc.msg})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise MalformedRecord("-", "needs a text")
    text = record["text"]
    pair = Pair(text, _span(record.get("actor"), text, "actor"),
                _span(record.get("recipient"), text, "recipient"))  # fmt: skip
    if (spread := role_spread(pair)) > MAX_ROLE_SPREAD:
        raise MalformedRecord(
            "-",
            f"actor and recipient are {spread:,} characters apart (at most {MAX_ROLE_SPREAD:,})",
        )
    return Request(record.get("id"), pair)


def _span(value: Any, text: str, role: str) -> tuple[int, int] | None:
    if value is None:
        return None
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
        and 0 <= value[0] < value[1] <= len(text)
    )
    if not ok:
        raise MalformedRecord("-", f"{role} must be [start, end] inside the text or null")
    return value[0], value[1]
