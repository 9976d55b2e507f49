"""Output formats: the JSON event contract, JSONL, CSV and a terminal table.

``event_to_dict`` defines the output contract (one JSON object per event) and
``event_from_dict`` is its exact inverse; the store keeps that object and rebuilds events
from it, so every format and the database agree on one shape.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TextIO, get_args

from rich.console import Console
from rich.table import Table
from rich.text import Text

from strife.errors import MalformedRecord
from strife.records import (
    ActorRef,
    Aux,
    Casualties,
    CiteInfo,
    Claim,
    Count,
    DateSource,
    Event,
    Place,
    Stance,
    TextInfo,
)

FORMATS = ("jsonl", "csv", "table")

CSV_COLUMNS = (
    "id",
    "article_id",
    "date",
    "date_source",
    "event",
    "mode",
    "quad_code",
    "context",
    "actor_codes",
    "actor_sectors",
    "actor_text",
    "recipient_codes",
    "recipient_sectors",
    "recipient_text",
    "place",
    "geonameid",
    "lat",
    "lon",
    "country_code",
    "dead",
    "injured",
    "arrested",
    "contested",
    "asserted_by",
    "denied_by",
    "aux",
    "confidence",
    "text",
    "url",
    "publication",
    "group_id",
    "n_articles",
    "n_sources",
)

# Columns strife writes from numbers: never escaped, so a spreadsheet reads "-33.2" as a number.
NUMERIC_COLUMNS = frozenset(
    {
        "quad_code",
        "geonameid",
        "lat",
        "lon",
        "dead",
        "injured",
        "arrested",
        "confidence",
        "n_articles",
        "n_sources",
    }
)
# A text cell starting with one of these is read as a formula by spreadsheets (OWASP's list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_JOIN = "; "
_TEXT_CELLS = tuple(name not in NUMERIC_COLUMNS for name in CSV_COLUMNS)
_DATE_SOURCES: tuple[str, ...] = get_args(DateSource)
_STANCES: tuple[str, ...] = get_args(Stance)
_AUXES: tuple[str, ...] = get_args(Aux)


# --- Event -> dict -------------------------------------------------------------------------


def event_to_dict(event: Event) -> dict[str, Any]:
    """Return the output-contract object of ``event`` (JSON-serialisable, key order fixed)."""
    return {
        "id": event.id,
        "article_id": event.article_id,
        "date": None if event.date is None else event.date.isoformat(),
        "date_source": event.date_source,
        "date_text": event.date_text,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "quad_code": event.quad_code,
        "actor": [_actor_to_dict(ref) for ref in event.actor],
        "recipient": [_actor_to_dict(ref) for ref in event.recipient],
        "event_loc": None if event.event_loc is None else _place_to_dict(event.event_loc),
        "size": {
            "dead": _count_to_dict(event.size.dead),
            "injured": _count_to_dict(event.size.injured),
            "arrested": _count_to_dict(event.size.arrested),
        },
        "event_text": event.event_text,
        "event_start": event.event_start,
        "event_end": event.event_end,
        "text": event.text,
        "text_info": {
            "sequence": event.text_info.sequence,
            "start": event.text_info.start,
            "end": event.text_info.end,
        },
        "claims": [_claim_to_dict(claim) for claim in event.claims],
        "contested": event.contested,
        "aux": event.aux,
        "cite_info": {
            "url": event.cite_info.url,
            "title": event.cite_info.title,
            "publication": event.cite_info.publication,
            "published": event.cite_info.published,
        },
        "confidence": event.confidence,
        "group_id": event.group_id,
        "n_articles": event.n_articles,
        "n_sources": event.n_sources,
    }


def _actor_to_dict(ref: ActorRef) -> dict[str, Any]:
    return {
        "entity_text": ref.entity_text,
        "code": ref.code,
        "sector": ref.sector,
        "name": ref.name,
        "start": ref.start,
        "end": ref.end,
        "other_sectors": list(ref.other_sectors),
    }


def _place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "extracted_place": place.extracted_place,
        "resolved_place": place.resolved_place,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "feature_code": place.feature_code,
        "admin1": place.admin1,
        "start": place.start,
        "end": place.end,
        "level": place.level,
    }


def _count_to_dict(count: Count | None) -> dict[str, Any] | None:
    return None if count is None else {"min": count.min, "text": count.text}


def _claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "by": claim.by,
        "stance": claim.stance,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "code": claim.code,
        "sector": claim.sector,
    }


# --- dict -> Event -------------------------------------------------------------------------


class _Reader:
    """Typed access to one JSON object; every mismatch becomes a ``MalformedRecord``.

    ``where`` names the object ("event X", "event X actor 0") so that the error points at
    the field that is wrong, not only at the record.
    """

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, Mapping):
            raise MalformedRecord(where, f"expected an object, got {type(data).__name__}")
        self._data: Mapping[str, Any] = data
        self.where = where

    def _get(self, key: str) -> Any:
        if key not in self._data:
            raise MalformedRecord(self.where, f"missing key {key!r}")
        return self._data[key]

    def _fail(self, key: str, expected: str) -> MalformedRecord:
        value = self._data.get(key)
        return MalformedRecord(
            self.where, f"{key!r} must be {expected}, got {type(value).__name__}"
        )

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def opt_text(self, key: str) -> str | None:
        return None if self._data.get(key) is None else self.text(key)

    def integer(self, key: str) -> int:
        value = self._get(key)
        # bool is an int subclass; a JSON true in an offset is a bug, not the number 1.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._fail(key, "an integer")
        return value

    def opt_integer(self, key: str) -> int | None:
        return None if self._data.get(key) is None else self.integer(key)

    def number(self, key: str) -> float:
        value = self._get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self._fail(key, "a number")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise MalformedRecord(self.where, f"{key!r} must be one of {allowed}, got {value!r}")
        return value

    def items(self, key: str) -> list[Any]:
        value = self._get(key)
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        items = self.items(key)
        if not all(isinstance(item, str) for item in items):
            raise self._fail(key, "a list of strings")
        return tuple(items)

    def sub(self, key: str) -> _Reader:
        return _Reader(self._get(key), f"{self.where} {key}")

    def opt_sub(self, key: str) -> _Reader | None:
        return None if self._data.get(key) is None else self.sub(key)


def event_from_dict(data: object) -> Event:
    """Rebuild the ``Event`` that ``event_to_dict`` produced (exact inverse).

    ``data`` is typically fresh from ``json.loads``, so it is checked, not trusted: raises
    ``MalformedRecord`` naming the event and the field when it does not follow the contract
    (missing key, wrong type, unknown ``date_source``/``stance``/``aux``).
    """
    where = f"event {data.get('id')!r}" if isinstance(data, Mapping) else "event"
    r = _Reader(data, where)
    loc = r.opt_sub("event_loc")
    info = r.sub("text_info")
    return Event(
        id=r.text("id"),
        article_id=r.text("article_id"),
        date=_read_date(r),
        date_source=_read_date_source(r),
        event=r.text("event"),
        mode=r.opt_text("mode"),
        context=r.texts("context"),
        quad_code=r.integer("quad_code"),
        actor=_read_actors(r, "actor"),
        recipient=_read_actors(r, "recipient"),
        event_loc=None if loc is None else _read_place(loc),
        size=_read_size(r.sub("size")),
        event_text=r.text("event_text"),
        event_start=r.integer("event_start"),
        event_end=r.integer("event_end"),
        text=r.text("text"),
        text_info=TextInfo(info.integer("sequence"), info.integer("start"), info.integer("end")),
        claims=tuple(_read_claim(c) for c in _sub_list(r, "claims")),
        contested=r.flag("contested"),
        aux=_read_aux(r),
        cite_info=_read_cite(r.sub("cite_info")),
        confidence=r.number("confidence"),
        date_text=r.opt_text("date_text"),
        group_id=r.opt_text("group_id"),
        n_articles=r.opt_integer("n_articles"),
        n_sources=r.opt_integer("n_sources"),
    )


def _sub_list(r: _Reader, key: str) -> list[_Reader]:
    return [_Reader(item, f"{r.where} {key}[{i}]") for i, item in enumerate(r.items(key))]


def _read_date(r: _Reader) -> date | None:
    value = r.opt_text("date")
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise MalformedRecord(r.where, f"'date' is not YYYY-MM-DD: {exc}") from exc


def _read_date_source(r: _Reader) -> DateSource | None:
    if r.opt_text("date_source") is None:
        return None
    return "text" if r.choice("date_source", _DATE_SOURCES) == "text" else "published"


def _read_aux(r: _Reader) -> Aux | None:
    if r.opt_text("aux") is None:
        return None
    value = r.choice("aux", _AUXES)
    # Spelled out so that mypy narrows the checked string to the Literal type.
    if value == "negation":
        return "negation"
    if value == "future":
        return "future"
    return "hypothetical" if value == "hypothetical" else "historical"


def _read_actors(r: _Reader, key: str) -> tuple[ActorRef, ...]:
    return tuple(
        ActorRef(
            entity_text=a.text("entity_text"),
            code=a.opt_text("code"),
            sector=a.opt_text("sector"),
            name=a.opt_text("name"),
            start=a.integer("start"),
            end=a.integer("end"),
            other_sectors=a.texts("other_sectors"),
        )
        for a in _sub_list(r, key)
    )


def _read_place(p: _Reader) -> Place:
    return Place(
        extracted_place=p.text("extracted_place"),
        resolved_place=p.text("resolved_place"),
        geonameid=p.integer("geonameid"),
        lat=p.number("lat"),
        lon=p.number("lon"),
        country_code=p.text("country_code"),
        feature_code=p.text("feature_code"),
        admin1=p.opt_text("admin1"),
        start=p.integer("start"),
        end=p.integer("end"),
        level=p.opt_text("level"),
    )


def _read_size(s: _Reader) -> Casualties:
    def count(key: str) -> Count | None:
        c = s.opt_sub(key)
        return None if c is None else Count(min=c.integer("min"), text=c.text("text"))

    return Casualties(dead=count("dead"), injured=count("injured"), arrested=count("arrested"))


def _read_claim(c: _Reader) -> Claim:
    return Claim(
        by=c.text("by"),
        stance="asserts" if c.choice("stance", _STANCES) == "asserts" else "denies",
        text=c.text("text"),
        start=c.integer("start"),
        end=c.integer("end"),
        code=c.opt_text("code"),
        sector=c.opt_text("sector"),
    )


def _read_cite(c: _Reader) -> CiteInfo:
    return CiteInfo(
        url=c.opt_text("url"),
        title=c.opt_text("title"),
        publication=c.opt_text("publication"),
        published=c.opt_text("published"),
    )


# --- JSONL and CSV -------------------------------------------------------------------------


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write one contract object per line; return the number of events written.

    Non-ASCII text is written as is (the stream must accept UTF-8).
    """
    return write_json_lines((event_to_dict(event) for event in events), out)


def write_json_lines(objects: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object per line (UTF-8 text as is); return how many were written."""
    n = 0
    for obj in objects:
        out.write(json.dumps(obj, ensure_ascii=False, allow_nan=False))
        out.write("\n")
        n += 1
    return n


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write a header and one flat row per event; return the number of events written.

    Compound values are joined with "; ". Actor codes, sectors and texts keep one slot per
    actor (an unknown code is an empty slot) so that the three columns line up. Every CSV
    strife writes goes through here: text cells that a spreadsheet would run as a formula
    are defused (``defuse_cell``); numeric columns are numbers and stay as they are.
    """
    writer = csv.writer(_LineFeeds(out), lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for event in events:
        cells = csv_row(event)
        writer.writerow(
            [defuse_cell(c) if text else c for c, text in zip(cells, _TEXT_CELLS, strict=True)]
        )
        n += 1
    return n


class _LineFeeds:
    """Rows end in "\n", yet a cell holding a lone "\r" is quoted: Python's writer quotes only
    the characters of its line terminator, so it writes "\r\n" and this turns it into "\n"."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, row: str) -> int:
        return self.out.write(row[:-2] + "\n" if row.endswith("\r\n") else row)


def defuse_cell(value: str) -> str:
    """``value`` with a leading ``'`` when it starts like a spreadsheet formula."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def csv_row(event: Event) -> list[str]:
    """Return the CSV cells of ``event`` in ``CSV_COLUMNS`` order, as stored (not defused)."""
    loc = event.event_loc
    return [
        event.id,
        event.article_id,
        _iso(event.date),
        _cell(event.date_source),
        event.event,
        _cell(event.mode),
        str(event.quad_code),
        _JOIN.join(event.context),
        *_actor_cells(event.actor),
        *_actor_cells(event.recipient),
        "" if loc is None else loc.resolved_place,
        "" if loc is None else str(loc.geonameid),
        "" if loc is None else repr(loc.lat),
        "" if loc is None else repr(loc.lon),
        "" if loc is None else loc.country_code,
        _count_cell(event.size.dead),
        _count_cell(event.size.injured),
        _count_cell(event.size.arrested),
        "true" if event.contested else "false",
        _JOIN.join(c.by for c in event.claims if c.stance == "asserts"),
        _JOIN.join(c.by for c in event.claims if c.stance == "denies"),
        _cell(event.aux),
        repr(event.confidence),
        event.text,
        _cell(event.cite_info.url),
        _cell(event.cite_info.publication),
        _cell(event.group_id),
        _number_cell(event.n_articles),
        _number_cell(event.n_sources),
    ]


def _cell(value: str | None) -> str:
    return "" if value is None else value


def _number_cell(value: int | None) -> str:
    return "" if value is None else str(value)


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _actor_cells(refs: tuple[ActorRef, ...]) -> tuple[str, str, str]:
    return (
        _JOIN.join(_cell(r.code) for r in refs),
        _JOIN.join(_cell(r.sector) for r in refs),
        _JOIN.join(r.entity_text for r in refs),
    )


def _count_cell(count: Count | None) -> str:
    return "" if count is None else str(count.min)


# --- Terminal table ------------------------------------------------------------------------


def render_table(events: Iterable[Event], console: Console) -> None:
    """Print the events as a table an analyst can scan at 120 columns.

    Cells are ``rich.text.Text`` objects, never markup strings: article text may contain
    square brackets that rich would otherwise read as style tags.
    """
    table = _new_table()
    n = 0
    for event in events:
        table.add_row(
            Text(_iso(event.date) or "?"),
            _event_cell(event),
            _actors_cell(event.actor),
            _actors_cell(event.recipient),
            _place_cell(event.event_loc),
            _size_cell(event.size),
            _claims_cell(event),
            Text(_cell(event.aux), style="yellow"),
        )
        n += 1
    table.caption = f"{n} event{'' if n == 1 else 's'}"
    console.print(table)


def _new_table() -> Table:
    table = Table(show_lines=True, expand=False, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("event", overflow="fold", max_width=16)
    table.add_column("actor", overflow="fold", max_width=20)
    table.add_column("recipient", overflow="fold", max_width=20)
    table.add_column("place", overflow="fold", max_width=16)
    table.add_column("size", overflow="fold", max_width=12)
    table.add_column("claims", overflow="fold", max_width=20)
    table.add_column("aux", overflow="fold", max_width=12)
    return table


def _event_cell(event: Event) -> Text:
    text = Text(event.event, style="bold")
    if event.mode:
        text.append(f"\n{event.mode}", style="dim")
    return text


def _actors_cell(refs: tuple[ActorRef, ...]) -> Text:
    text = Text()
    for i, ref in enumerate(refs):
        if i:
            text.append("\n")
        code = " ".join(part for part in (ref.code or "?", ref.sector) if part)
        text.append(code, style="cyan")
        text.append(f" {ref.entity_text}", style="dim")
    return text


def _place_cell(place: Place | None) -> Text:
    if place is None:
        return Text()
    return Text(f"{place.resolved_place} ({place.country_code})")


def _size_cell(size: Casualties) -> Text:
    parts = [
        f"{count.min} {label}"
        for label, count in (
            ("dead", size.dead),
            ("injured", size.injured),
            ("arrested", size.arrested),
        )
        if count is not None
    ]
    return Text("\n".join(parts))


def _claims_cell(event: Event) -> Text:
    text = Text()
    for claim in event.claims:
        if text:
            text.append("\n")
        style = "green" if claim.stance == "asserts" else "red"
        text.append(f"{claim.stance} ", style=style)
        text.append(claim.by)
    if event.contested:
        text.append("\nCONTESTED" if text else "CONTESTED", style="bold red")
    return text
