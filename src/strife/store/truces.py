"""The truce tables: each article's truce mentions, and the truce records built from them.

``truce_mentions`` holds what each stored article says about truces (``strife.truces.
mentions``, read from its text and events); ``truces`` holds the records
``strife.truces.build`` makes of them. Both are kept in step with the articles inside the
transaction that saves them: the saved articles' mentions are replaced, and the truces of
the wars they touch (the wars of their mentions, and of any truce their fighting events
could violate) are rebuilt from every stored mention of those wars, nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Final

import duckdb

from strife.records import Article, Event
from strife.store.rows import ARTICLE_FIELDS, Row, article_from_row, event_from_record, insert_rows
from strife.store.tables import create_table_sql, insert_sql
from strife.truces.build import build_truces
from strife.truces.codec import mention_from_dict, mention_to_dict, truce_from_dict, truce_to_dict
from strife.truces.mentions import find_mentions
from strife.truces.model import Truce, TruceMention
from strife.truces.violations import VIOLATION_EVENTS

MENTION_COLUMNS: Final = (
    ("article_id", "VARCHAR", "NOT NULL"),
    ("codes", "VARCHAR[]", "NOT NULL"),
    ("record", "JSON", "NOT NULL"),
)
TRUCE_COLUMNS: Final = (
    ("id", "VARCHAR", "PRIMARY KEY"),
    ("conflict", "VARCHAR[]", "NOT NULL"),
    # Parties, mediators, the war and where it applies: what --country matches.
    ("codes", "VARCHAR[]", "NOT NULL"),
    ("first_day", "DATE", ""),
    # The last day it is known to hold: the day it collapsed or was superseded (the last
    # day anything about it happened, when that day is unknown); NULL while it is on.
    ("held_until", "DATE", ""),
    # Where the truce sorts: its first day, else the day of the truce that superseded it.
    ("sort_day", "DATE", ""),
    ("record", "JSON", "NOT NULL"),
)
TRUCE_DDL: Final = (
    create_table_sql("truce_mentions", MENTION_COLUMNS),
    create_table_sql("truces", TRUCE_COLUMNS),
)
INSERT_MENTIONS: Final = insert_sql("truce_mentions", MENTION_COLUMNS, "INSERT")
INSERT_TRUCES: Final = insert_sql("truces", TRUCE_COLUMNS, "INSERT OR REPLACE")
TRUCE_FILTERS: Final = {
    "country": "list_contains(codes, ?)",
    # A truce still on reaches into any range after its start.
    "since": "first_day IS NOT NULL AND (held_until IS NULL OR held_until >= ?)",
    "until": "first_day <= ?",
}
TRUCE_ORDER: Final = "sort_day NULLS LAST, first_day NULLS FIRST, id"
MAX_WIDENING = 5
_CONFLICTS_SHARING: Final = (
    "SELECT DISTINCT unnest(conflict) FROM truces WHERE list_has_any(conflict, ?::VARCHAR[])"
)
EVENT_CHUNK = 2000


def refresh_truces(
    conn: duckdb.DuckDBPyConnection, items: Sequence[tuple[Article, Sequence[Event]]]
) -> None:
    """Replace the mentions of the saved articles and rebuild the truces they touch (in
    the caller's transaction)."""
    if not items:
        return
    ids = [article.id for article, _ in items]
    stale = _codes_of(
        conn,
        "SELECT DISTINCT unnest(codes) FROM truce_mentions"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids],
    )
    conn.execute(
        "DELETE FROM truce_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    )
    mentions = [m for article, events in items for m in find_mentions(article, events)]
    insert_rows(conn, INSERT_MENTIONS, [_mention_row(m) for m in mentions])
    touched = stale | {p.code for m in mentions for p in m.parties}
    fighting = {
        ref.code
        for _, events in items
        for event in events
        if event.event in VIOLATION_EVENTS
        for ref in event.actor + event.recipient
        if ref.code
    }
    if fighting:
        touched |= _codes_of(
            conn,
            _CONFLICTS_SHARING,
            [sorted(fighting)],
        )
    if touched:
        rebuild_wars(conn, touched)


def refresh_saved(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """``refresh_truces`` for articles already written (a loaded partition)."""
    rows = conn.execute(
        f"SELECT {ARTICLE_FIELDS} FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [list(article_ids)],
    ).fetchall()
    articles = [article_from_row(row) for row in rows]
    events: dict[str, list[Event]] = {a.id: [] for a in articles}
    cursor = conn.execute(
        "SELECT id, record, article_id FROM events"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, sequence, id",
        [list(article_ids)],
    )
    while chunk := cursor.fetchmany(EVENT_CHUNK):
        for event_id, record, article_id in chunk:
            events[article_id].append(event_from_record(event_id, record))
    refresh_truces(conn, [(a, events[a.id]) for a in articles])


def rebuild_all(conn: duckdb.DuckDBPyConnection) -> None:
    """Derive every article's mentions and every truce afresh (a store upgrade)."""
    conn.execute("DELETE FROM truce_mentions")
    conn.execute("DELETE FROM truces")
    ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for start in range(0, len(ids), EVENT_CHUNK // 10):
        refresh_saved(conn, ids[start : start + EVENT_CHUNK // 10])


def rebuild_wars(conn: duckdb.DuckDBPyConnection, codes: set[str]) -> None:
    """Rebuild every truce of the wars that involve ``codes``, from all their mentions."""
    mentions: list[TruceMention] = []
    for _ in range(MAX_WIDENING):
        rows = conn.execute(
            "SELECT record, codes FROM truce_mentions WHERE list_has_any(codes, ?::VARCHAR[])",
            [sorted(codes)],
        ).fetchall()
        mentions = [mention_from_dict(json.loads(record)) for record, _ in rows]
        wider = codes | {code for _, row_codes in rows for code in row_codes}
        wider |= _codes_of(
            conn,
            _CONFLICTS_SHARING,
            [sorted(codes)],
        )
        if wider == codes:
            break
        codes = wider
    conn.execute("DELETE FROM truces WHERE list_has_any(conflict, ?::VARCHAR[])", [sorted(codes)])
    if not mentions:
        return
    days = [d for m in mentions for d in _days(m)]
    events = _fighting_events(conn, codes, min(days) if days else None)
    outlets = _outlets(conn, {m.article_id for m in mentions})
    truces = build_truces(mentions, events, outlets)
    insert_rows(conn, INSERT_TRUCES, _truce_rows(truces))


def read_truces(
    conn: duckdb.DuckDBPyConnection,
    *,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Truce]:
    where, params = _truce_where(country, since, until)
    sql = f"SELECT id, record FROM truces{where} ORDER BY {TRUCE_ORDER}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return [_truce(record) for _, record in conn.execute(sql, params).fetchall()]


def count_truces(
    conn: duckdb.DuckDBPyConnection,
    *,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> int:
    where, params = _truce_where(country, since, until)
    [(n,)] = conn.execute(f"SELECT count(*) FROM truces{where}", params).fetchall()
    return int(n)


def _truce_where(
    country: str | None, since: date | None, until: date | None
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for name, value in (("country", country), ("since", since), ("until", until)):
        if value is not None:
            clauses.append(TRUCE_FILTERS[name])
            params.append(value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def read_truce(conn: duckdb.DuckDBPyConnection, truce_id: str) -> Truce | None:
    rows = conn.execute("SELECT record FROM truces WHERE id = ?", [truce_id]).fetchall()
    return _truce(rows[0][0]) if rows else None


def _truce(record: str) -> Truce:
    return truce_from_dict(json.loads(record))


def _codes_of(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> set[str]:
    return {row[0] for row in conn.execute(sql, params).fetchall() if row[0] is not None}


def _days(mention: TruceMention) -> list[date]:
    moments = (mention.agreed_on, mention.starts)
    return [m.date for m in moments if m is not None and m.date is not None]


def _fighting_events(
    conn: duckdb.DuckDBPyConnection, codes: set[str], since: date | None
) -> list[Event]:
    """Fighting events of the parties; from the first truce day on, or those of the
    articles that tell of a truce with no day (their explicit breaches)."""
    cursor = conn.execute(
        "SELECT id, record FROM events WHERE event IN (SELECT unnest(?::VARCHAR[]))"
        " AND (list_has_any(actor_codes, ?::VARCHAR[])"
        " OR list_has_any(recipient_codes, ?::VARCHAR[])"
        " OR country_code IN (SELECT unnest(?::VARCHAR[])))"
        " AND (?::DATE IS NULL OR date >= ?::DATE"
        " OR article_id IN (SELECT article_id FROM truce_mentions))"
        " ORDER BY date, article_id, sequence, id",
        [sorted(VIOLATION_EVENTS), *([sorted(codes)] * 3), since, since],
    )
    events: list[Event] = []
    while chunk := cursor.fetchmany(EVENT_CHUNK):
        events.extend(event_from_record(event_id, record) for event_id, record in chunk)
    return events


def _outlets(
    conn: duckdb.DuckDBPyConnection, article_ids: Iterable[str]
) -> dict[str, frozenset[str]]:
    rows = conn.execute(
        "SELECT article_id, list(DISTINCT outlet) FROM article_sources"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY article_id",
        [sorted(article_ids)],
    ).fetchall()
    return {article_id: frozenset(outlets) for article_id, outlets in rows}


def _mention_row(mention: TruceMention) -> Row:
    codes = sorted({p.code for p in mention.parties})
    return (mention.article_id, codes, json.dumps(mention_to_dict(mention), ensure_ascii=False))


def _truce_rows(truces: Sequence[Truce]) -> list[Row]:
    by_id = {t.id: t for t in truces}
    rows: list[Row] = []
    for truce in truces:
        codes = set(truce.conflict) | {p.code for p in truce.parties + truce.mediators}
        if truce.scope is not None and truce.scope.country_code:
            codes.add(truce.scope.country_code)
        sort_day = truce.first_day or _superseding_day(truce, by_id) or truce.last_day
        record = json.dumps(truce_to_dict(truce), ensure_ascii=False)
        rows.append(
            (
                truce.id,
                list(truce.conflict),
                sorted(codes),
                truce.first_day,
                _held_until(truce),
                sort_day,
                record,
            )
        )
    return rows


def _held_until(truce: Truce) -> date | None:
    if truce.status not in ("collapsed", "superseded"):
        return None
    return truce.ended_day or truce.last_day


def _superseding_day(truce: Truce, by_id: dict[str, Truce]) -> date | None:
    seen: set[str] = set()
    nxt = truce.superseded_by
    while nxt is not None and nxt in by_id and nxt not in seen:
        seen.add(nxt)
        if by_id[nxt].first_day is not None:
            return by_id[nxt].first_day
        nxt = by_id[nxt].superseded_by
    return None
