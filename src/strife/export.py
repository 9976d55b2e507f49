"""Exporting stored events: Parquet, CSV or JSON lines, filtered like ``strife events``.

Every format carries each event's group (``group_id``) and the group's counts
(``n_articles``, ``n_sources``). JSONL holds the output contract's objects; CSV its flat
columns; Parquet the store's flat columns, the article's URL, outlet and publication
time, and the full JSON object as ``record``. Events are streamed, never all in memory
(Parquet is written by DuckDB itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from strife.errors import StoreError
from strife.output import write_csv, write_jsonl
from strife.store import Store


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to export (None: no filter)."""

    event: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int | None = None


def export_events(
    store: Store,
    export_format: ExportFormat,
    *,
    path: Path | None = None,
    stream: TextIO | None = None,
    where: EventFilter = EventFilter(),
) -> int:
    """Write the events ``where`` picks to ``path`` (or, for CSV and JSONL, to ``stream``);
    return how many were written."""
    if export_format is ExportFormat.parquet:
        if path is None:
            raise StoreError("a Parquet export needs a file to write to")
        return store.export_parquet(
            path,
            event=where.event,
            country=where.country,
            since=where.since,
            until=where.until,
            limit=where.limit,
        )
    events = store.iter_events(
        groups=True,
        event=where.event,
        country=where.country,
        since=where.since,
        until=where.until,
        limit=where.limit,
    )
    write = write_csv if export_format is ExportFormat.csv else write_jsonl
    if stream is not None:
        return write(events, stream)
    if path is None:
        raise StoreError("an export needs a file or a stream to write to")
    with path.open("w", encoding="utf-8", newline="") as out:
        return write(events, out)
