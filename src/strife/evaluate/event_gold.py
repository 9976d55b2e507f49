"""Readers of the gold sets strife is trained and measured on, into one record type.

* the PLV sentence pairs (``PLV_train.tsv``): one marked actor ``<s>..</s>`` and recipient
  ``<t>..</t>`` per sentence, and the PLOVER root, where YIELD stands for CONCEDE or RETREAT;
* the PLOVER gold records (``PLOVER_GSR_CAMEO.json``, PLOVER 0.5b1): old type names are
  mapped to PLOVER 2.0 (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE with
  mode investigate, FIGHT -> ASSAULT); actors are located by their words in the sentence;
* strife's own gold JSONL (``tests/gold/``): one sentence a line with ``event``, ``mode``
  and ``actor`` / ``recipient`` lists of ``{text, start, end, code, sector}``; a line with no
  ``event`` and a ``kind`` (``no_events.jsonl``: statement, opinion, background, forecast,
  report, hypothetical, disaster) is a sentence that reports no event.

The ConfliBERT CAMEO sentences are read by :mod:`strife.evaluate.cameo`.

Readers raise :class:`strife.errors.InputError` subclasses naming the file and the line.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife.errors import MalformedRecord, UnreadableInput
from strife.plover import MODES, QUAD

YIELD = "YIELD"
# PLV's roots put CONCEDE and RETREAT together.
ROOT_OF = {"CONCEDE": YIELD, "RETREAT": YIELD}
OLD_NAMES = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}
_MARK = re.compile(r"</?[st]>")
# The quad of a sentence that reports no event (ConfliBERT's class 0: public statements and
# appeals, see strife.evaluate.cameo.CLASS_TYPES; strife's own no-event sentences).
NO_EVENT = 0
NO_EVENT_KINDS = frozenset(
    {"statement", "opinion", "background", "forecast", "report", "hypothetical", "disaster"}
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A gold actor or recipient: character span into the item's text, and its coding."""

    start: int
    end: int
    code: str | None = None
    sector: str | None = None

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold sentence: its event type (a PLOVER 2.0 type, or YIELD), mode and roles.

    ``event`` is "" where the gold gives no type: then ``quad`` says what it gives instead,
    the PLOVER quad code (1-4) of a CAMEO sentence, or ``NO_EVENT`` (0) for a sentence that
    reports no event; ``quad`` None and ``event`` "" is an event of unknown type.
    """

    id: str
    text: str
    event: str
    mode: str | None = None
    actors: tuple[Mention, ...] = ()
    recipients: tuple[Mention, ...] = ()
    corpus: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    quad: int | None = None

    @property
    def no_event(self) -> bool:
        return not self.event and self.quad == NO_EVENT

    @property
    def typed(self) -> bool:
        """The gold names a type or a quad for the sentence's event."""
        return bool(self.event) or (self.quad or NO_EVENT) > NO_EVENT

    @property
    def has_pair(self) -> bool:
        """An event sentence with at least one gold role to find."""
        return not self.no_event and bool(self.actors or self.recipients)

    @property
    def actor(self) -> tuple[int, int] | None:
        return (self.actors[0].start, self.actors[0].end) if self.actors else None

    @property
    def recipient(self) -> tuple[int, int] | None:
        first = self.recipients[0] if self.recipients else None
        return (first.start, first.end) if first is not None else None


def root(event: str) -> str:
    """The PLV root of a type: CONCEDE and RETREAT are YIELD, the others themselves."""
    return ROOT_OF.get(event, event)


def read_corpus(path: Path) -> list[GoldItem]:
    """Any of the three formats, told apart by the file name's ending."""
    name = path.name.lower()
    if name.endswith(".tsv"):
        return list(read_plv(path))
    if name.endswith(".jsonl"):
        return list(read_gold_jsonl(path))
    if name.endswith(".json"):
        return list(read_plover_gold(path))
    raise UnreadableInput(str(path), "not a gold set (.tsv PLV pairs, .json PLOVER, .jsonl)")


def read_plv(path: Path) -> Iterator[GoldItem]:
    """PLV pairs: the marked sentence gives the text and the spans."""
    for number, row in enumerate(_tsv_rows(path), start=2):
        label = row.get("gold_root", "").strip()
        marked = row.get("marked_sentence", "")
        if label not in QUAD and label != YIELD:
            raise MalformedRecord(f"{path}:{number}", f"unknown PLV root {label!r}")
        text, spans = unmark(marked)
        yield GoldItem(
            id=f"plv-{row.get('sentence_id', number)}",
            text=text,
            event=label,
            actors=tuple(Mention(s, e) for s, e in spans["s"]),
            recipients=tuple(Mention(s, e) for s, e in spans["t"]),
            corpus="plv",
        )


def unmark(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Remove ``<s>``/``<t>`` marks; return the text and the spans they enclosed."""
    out: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {"s": [], "t": []}
    opened: dict[str, int] = {}
    length, last = 0, 0
    for match in _MARK.finditer(marked):
        piece = marked[last : match.start()]
        out.append(piece)
        length += len(piece)
        last = match.end()
        tag = match.group()
        kind = tag.strip("</>")
        if tag.startswith("</") and kind in opened:
            spans[kind].append(_trimmed(out, opened.pop(kind), length))
        else:
            opened[kind] = length
    out.append(marked[last:])
    return "".join(out), spans


def _trimmed(pieces: list[str], start: int, end: int) -> tuple[int, int]:
    text = "".join(pieces)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_plover_gold(path: Path) -> Iterator[GoldItem]:
    """PLOVER GSR records with text; the DOCUMENT record is skipped."""
    for number, record in enumerate(_json(path)):
        old = str(record.get("event", ""))
        event, mode = OLD_NAMES.get(old, (old, None))
        text = record.get("text")
        if event not in QUAD or not isinstance(text, str):
            continue
        given = str(record.get("mode") or "").lower() or None
        mode = mode or (given if given in MODES[event] else None)
        yield GoldItem(
            id=str(record.get("id", f"gsr-{number}")),
            text=text,
            event=event,
            mode=mode,
            actors=_located(text, record.get("source")),
            recipients=_located(text, record.get("target")),
            corpus="plover",
        )


# Country codes of the older CAMEO dictionaries that some PLOVER records still carry, and
# the ISO 3166 codes strife (and the rest of the records) use for the same countries.
_CAMEO_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _located(text: str, actors: Any) -> tuple[Mention, ...]:
    if not isinstance(actors, list):
        return ()
    found: list[Mention] = []
    for actor in actors:
        words = str(actor.get("actorText", "")) if isinstance(actor, dict) else ""
        start = text.find(words) if words else -1
        if start >= 0:
            code = actor.get("code")
            code = _CAMEO_COUNTRY_CODES.get(code, code)
            found.append(Mention(start, start + len(words), code, actor.get("sector")))
    return tuple(found)


def read_gold_jsonl(path: Path) -> Iterator[GoldItem]:
    """strife's own gold: offsets are checked against the text."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or "cannot read") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(f"{path}:{number}", f"not JSON ({exc.msg})") from exc
        yield _gold_item(record, f"{path}:{number}")


def _gold_item(record: dict[str, Any], where: str) -> GoldItem:
    text, event = record.get("text"), record.get("event")
    if isinstance(text, str) and event is None and record.get("kind") in NO_EVENT_KINDS:
        return GoldItem(
            id=str(record.get("id", where)),
            text=text,
            event="",
            corpus="gold",
            extra={"kind": record["kind"]},
            quad=NO_EVENT,
        )
    if not isinstance(text, str) or not isinstance(event, str) or event not in QUAD:
        raise MalformedRecord(
            where,
            "needs text and a PLOVER 2.0 event, or no event and a kind: "
            + ", ".join(sorted(NO_EVENT_KINDS)),
        )
    mode = record.get("mode")
    if mode is not None and mode not in MODES[event]:
        raise MalformedRecord(where, f"{mode!r} is not a mode of {event}")
    return GoldItem(
        id=str(record.get("id", where)),
        text=text,
        event=event,
        mode=mode,
        actors=tuple(_mention(text, m, where) for m in record.get("actor") or []),
        recipients=tuple(_mention(text, m, where) for m in record.get("recipient") or []),
        corpus="gold",
    )


def _mention(text: str, record: dict[str, Any], where: str) -> Mention:
    start, end = int(record["start"]), int(record["end"])
    if text[start:end] != record.get("text"):
        raise MalformedRecord(where, f"offsets {start}:{end} do not give {record.get('text')!r}")
    return Mention(start, end, record.get("code"), record.get("sector"))


def _tsv_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="\t"))
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or "cannot read") from exc


def _json(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or "cannot read") from exc
    except json.JSONDecodeError as exc:
        raise MalformedRecord(str(path), f"not JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, list):
        raise MalformedRecord(str(path), "expected a list of records")
    return [r for r in data if isinstance(r, dict)]
