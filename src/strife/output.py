"""Output formats of events: JSON lines of the contract (:mod:`strife.contract`), CSV with
spreadsheet-safe cells, and a terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from strife.contract import event_to_dict
from strife.records import ActorRef, Casualties, Count, Event, Place

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
