"""Reads of events and articles for the API: parameterised SQL on a store cursor.

Event records come back as the JSON text the store keeps (``contract.event_to_dict``), so a
page of events is sent without parsing and re-serialising each one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final, Literal

import duckdb

from strife.api.filters import EventFilter, where

SortKey = Literal[
    "date",
    "-date",
    "confidence",
    "-confidence",
    "dead",
    "-dead",
    "event",
    "-event",
    "country",
    "-country",
]
# The SQL order of each SortKey (a test keeps the two in step). Every order ends with the
# event id, so that pages never overlap or skip.
SORTS: Final[dict[str, str]] = {
    "date": "date NULLS LAST, article_id, sequence, id",
    "-date": "date DESC NULLS LAST, article_id, sequence, id",
    "confidence": "confidence, id",
    "-confidence": "confidence DESC, id",
    "dead": "dead NULLS FIRST, id",
    "-dead": "dead DESC NULLS LAST, id",
    "event": "event, date NULLS LAST, id",
    "-event": "event DESC, date NULLS LAST, id",
    "country": "country_code NULLS LAST, date NULLS LAST, id",
    "-country": "country_code DESC NULLS LAST, date NULLS LAST, id",
}

_ARTICLE_COLUMNS: Final = (
    "id, source, url, title, publication, published, published_offset_s, n_events, coded_at"
)


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    records: list[str]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article as the API shows it; ``published`` keeps the zone it was published in."""

    id: str
    source: str
    url: str | None
    title: str | None
    publication: str | None
    published: str | None
    n_events: int
    coded_at: str
    text: str

    def summary(self) -> dict[str, Any]:
        """Every field but the text."""
        fields = asdict(self)
        del fields["text"]
        return fields


def event_page(
    cur: duckdb.DuckDBPyConnection, condition: EventFilter, sort: str, limit: int, offset: int
) -> EventPage:
    """The total number of matching events and the records of one page of them.

    The page's ids are found first and their records fetched after, so that the sort moves
    small columns only, not rows carrying the JSON record (it matters most for deep pages:
    see "page 51 of 100" in bench/api_latency.py).
    """
    clause, params = where(condition)
    order = SORTS[sort]
    total = _scalar(cur, f"SELECT count(*) FROM events {clause}", params)
    ids = [
        str(row[0])
        for row in cur.execute(
            f"SELECT id FROM events {clause} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
    ]
    rows = cur.execute(
        "SELECT id, record FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    ).fetchall()
    records = {str(event_id): str(record) for event_id, record in rows}
    return EventPage(total, [records[event_id] for event_id in ids])


def event_record(cur: duckdb.DuckDBPyConnection, event_id: str) -> str | None:
    row = cur.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchone()
    return None if row is None else str(row[0])


def article_events(cur: duckdb.DuckDBPyConnection, article_id: str) -> list[str]:
    rows = cur.execute(
        f"SELECT record FROM events WHERE article_id = ? ORDER BY {SORTS['date']}", [article_id]
    ).fetchall()
    return [str(row[0]) for row in rows]


def article(cur: duckdb.DuckDBPyConnection, article_id: str) -> ArticleRow | None:
    row = cur.execute(
        f"SELECT {_ARTICLE_COLUMNS}, text FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    aid, source, url, title, publication, published, offset_s, n_events, coded_at, text = row
    return ArticleRow(
        id=aid,
        source=source,
        url=url,
        title=title,
        publication=publication,
        published=_published(published, offset_s),
        n_events=int(n_events),
        coded_at=coded_at.isoformat(),
        text=text,
    )


def _published(stored: datetime | None, offset_s: int | None) -> str | None:
    if stored is None:
        return None
    if offset_s is None:
        return stored.isoformat()
    # The store keeps naive UTC and the offset of the zone the article was published in.
    zone = timezone(timedelta(seconds=offset_s))
    return stored.replace(tzinfo=UTC).astimezone(zone).isoformat()


def _scalar(cur: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> int:
    row = cur.execute(sql, params).fetchone()
    return 0 if row is None else int(row[0])
