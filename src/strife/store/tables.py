"""The store's tables: columns, DDL and the statements generated from them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

Columns = tuple[tuple[str, str, str], ...]

# (name, type, constraint) of each column written from Python; the DDL and the insert
# statements are both generated from these, so they cannot drift apart.
ARTICLE_COLUMNS: Final[Columns] = (
    ("id", "VARCHAR", "PRIMARY KEY"),
    ("source", "VARCHAR", "NOT NULL"),
    ("url", "VARCHAR", ""),
    ("title", "VARCHAR", ""),
    ("publication", "VARCHAR", ""),
    # Naive UTC; the offset (seconds) lets an aware datetime read back in its own zone.
    ("published", "TIMESTAMP", ""),
    ("published_offset_s", "INTEGER", ""),
    ("text", "VARCHAR", "NOT NULL"),
    ("lang", "VARCHAR", "NOT NULL"),
    ("n_events", "INTEGER", "NOT NULL"),
    ("coded_at", "TIMESTAMP", "NOT NULL"),
)
EVENT_COLUMNS: Final[Columns] = (
    ("id", "VARCHAR", "PRIMARY KEY"),
    ("article_id", "VARCHAR", "NOT NULL"),
    ("date", "DATE", ""),
    ("date_source", "VARCHAR", ""),
    ("event", "VARCHAR", "NOT NULL"),
    ("mode", "VARCHAR", ""),
    ("quad_code", "INTEGER", "NOT NULL"),
    ("contested", "BOOLEAN", "NOT NULL"),
    ("aux", "VARCHAR", ""),
    ("confidence", "DOUBLE", "NOT NULL"),
    ("actor_codes", "VARCHAR[]", "NOT NULL"),
    ("recipient_codes", "VARCHAR[]", "NOT NULL"),
    ("country_code", "VARCHAR", ""),
    ("geonameid", "BIGINT", ""),
    ("lat", "DOUBLE", ""),
    ("lon", "DOUBLE", ""),
    ("dead", "BIGINT", ""),
    ("injured", "BIGINT", ""),
    ("arrested", "BIGINT", ""),
    ("sequence", "INTEGER", "NOT NULL"),
    ("record", "JSON", "NOT NULL"),
    # Added in schema version 2 (hence last): the event's group, strife.dedupe.groups.
    ("group_id", "VARCHAR", ""),
)
# Every place an article was read from: the article's own source and its duplicates'.
COPY_COLUMNS: Final[Columns] = (
    ("article_id", "VARCHAR", "NOT NULL"),
    ("source", "VARCHAR", "NOT NULL"),
    ("url", "VARCHAR", ""),
    ("title", "VARCHAR", ""),
    ("publication", "VARCHAR", ""),
    ("outlet", "VARCHAR", "NOT NULL"),
    ("published", "TIMESTAMP", ""),
    ("published_offset_s", "INTEGER", ""),
    ("similarity", "DOUBLE", "NOT NULL"),
)
SIGNATURE_COLUMNS: Final[Columns] = (
    ("article_id", "VARCHAR", "PRIMARY KEY"),
    ("minhash", "BLOB", "NOT NULL"),
)


def create_table_sql(table: str, columns: Columns, extra: str = "") -> str:
    body = ", ".join(
        f"{name} {sqltype} {constraint}".rstrip() for name, sqltype, constraint in columns
    )
    return f"CREATE TABLE {table} ({body}{extra})"


def insert_sql(table: str, columns: Columns, verb: str) -> str:
    """An insert of whole columns: one list parameter per column, zipped by ``unnest``.

    DuckDB's ``executemany`` runs the statement once per row (about 0.7 ms an event);
    binding each column as one list inserts a batch in a single statement, 20-70 times
    faster, and still passes every value as a parameter.
    """
    values = ", ".join(f"unnest(?::{sqltype}[])" for _, sqltype, _ in columns)
    return f"{verb} INTO {table} ({names(columns)}) SELECT {values}"


def names(columns: Columns) -> str:
    return ", ".join(name for name, _, _ in columns)


REJECTIONS_DDL: Final = """CREATE TABLE rejections (
    source VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    article_id VARCHAR,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    "count" INTEGER NOT NULL,
    PRIMARY KEY (source, reason)
)"""
COPIES_DDL: Final = create_table_sql(
    "article_sources", COPY_COLUMNS, ", PRIMARY KEY (article_id, source)"
)
SIGNATURES_DDL: Final = create_table_sql("article_signatures", SIGNATURE_COLUMNS)
SCHEMA: Final = (
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    create_table_sql("articles", ARTICLE_COLUMNS),
    create_table_sql("events", EVENT_COLUMNS),
    REJECTIONS_DDL,
    COPIES_DDL,
    SIGNATURES_DDL,
)
UPSERT_ARTICLES: Final = insert_sql("articles", ARTICLE_COLUMNS, "INSERT OR REPLACE")
INSERT_EVENTS: Final = insert_sql("events", EVENT_COLUMNS, "INSERT")
INSERT_COPIES: Final = insert_sql("article_sources", COPY_COLUMNS, "INSERT OR IGNORE")
UPSERT_SIGNATURES: Final = insert_sql("article_signatures", SIGNATURE_COLUMNS, "INSERT OR REPLACE")
UPSERT_REJECTION: Final = (
    'INSERT INTO rejections (source, reason, article_id, first_seen, last_seen, "count")'
    " VALUES (?, ?, ?, ?, ?, 1)"
    ' ON CONFLICT (source, reason) DO UPDATE SET "count" = rejections."count" + 1,'
    " last_seen = excluded.last_seen,"
    " article_id = coalesce(excluded.article_id, rejections.article_id)"
)
EVENT_FILTERS: Final = {
    "article_id": "article_id = ?",
    "event": "event = ?",
    # A country matches where the event happened or whom it involves: many events name
    # no place, and an analyst asking for "ARM" wants Armenia's actors in those too.
    "country": (
        "(country_code = ? OR list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))"
    ),
    "since": "date >= ?",
    "until": "date <= ?",
}
EVENT_ORDER: Final = "date NULLS LAST, article_id, sequence, id"
# The events picked by a query, with their group's counts: articles, and distinct outlets
# over every copy of those articles (near duplicates included).
GROUPED_EVENTS: Final = """
WITH picked AS ({picked}),
members AS (
    SELECT DISTINCT group_id, article_id FROM events
    WHERE group_id IN (SELECT group_id FROM picked)
),
counts AS (
    SELECT m.group_id, count(DISTINCT m.article_id) AS n_articles,
           count(DISTINCT s.outlet) AS n_sources
    FROM members m LEFT JOIN article_sources s ON s.article_id = m.article_id
    GROUP BY m.group_id
)
SELECT p.id, p.record, p.group_id, c.n_articles, c.n_sources
FROM picked p LEFT JOIN counts c ON c.group_id = p.group_id
ORDER BY p.date NULLS LAST, p.article_id, p.sequence, p.id
"""


def event_where(filters: Mapping[str, object]) -> tuple[str, list[object]]:
    """The WHERE clause (or "") and parameters of the event filters that are set."""
    where: list[str] = []
    params: list[object] = []
    for name, value in filters.items():
        if value is not None:
            clause = EVENT_FILTERS[name]
            where.append(clause)
            params.extend([value] * clause.count("?"))
    return (" WHERE " + " AND ".join(where) if where else ""), params
