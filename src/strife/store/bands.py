"""The band table: each stored article's LSH band hashes with its day (``article_bands``).

A run asks it for the stored articles that share a band with the articles it is about to
code, within the near-duplicate window (``strife.dedupe.bands``), instead of rebuilding an
index of the whole store in memory. Rows are written with the article's signature, in the
same transaction; a batch of queries is one join, which scans only the row groups of the
days asked for when articles arrive roughly in date order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import duckdb

from strife.dedupe.bands import Probe, band_hashes, dedupe_day
from strife.dedupe.minhash import from_bytes
from strife.records import Article
from strife.store.rows import Row, insert_rows
from strife.store.tables import create_table_sql, insert_sql

BAND_COLUMNS: Final = (
    ("article_id", "VARCHAR", "NOT NULL"),
    ("band", "UTINYINT", "NOT NULL"),
    ("hash", "UBIGINT", "NOT NULL"),
    ("day", "DATE", "NOT NULL"),
)
BANDS_DDL: Final = create_table_sql("article_bands", BAND_COLUMNS)
INSERT_BANDS: Final = insert_sql("article_bands", BAND_COLUMNS, "INSERT")


def write_bands(
    conn: duckdb.DuckDBPyConnection,
    articles: Iterable[Article],
    signatures: dict[str, bytes],
    *,
    replace: bool,
) -> None:
    """Write the band rows of ``articles`` (their signatures given by id), in the caller's
    transaction; an article's day is its publication day, else today. ``replace``: some
    were stored before, and their rows go first (a scan of the table, which new articles
    alone do not pay)."""
    rows: list[Row] = []
    ids: list[str] = []
    for article in articles:
        data = signatures.get(article.id)
        if data is None:
            continue
        ids.append(article.id)
        day = dedupe_day(article.published)
        hashes = band_hashes(from_bytes(data))
        rows.extend((article.id, band, value, day) for band, value in enumerate(hashes))
    if ids and replace:
        conn.execute(
            "DELETE FROM article_bands WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        )
    insert_rows(conn, INSERT_BANDS, rows)


def fill_bands(conn: duckdb.DuckDBPyConnection, chunk: int = 2000) -> None:
    """Band rows for every stored signature (a store upgrade), a chunk at a time."""
    last = ""
    while rows := conn.execute(
        "SELECT s.article_id, s.minhash,"
        " coalesce(CAST(a.published AS DATE), CAST(a.coded_at AS DATE))"
        " FROM article_signatures s JOIN articles a ON a.id = s.article_id"
        " WHERE s.article_id > ? ORDER BY s.article_id LIMIT ?",
        [last, chunk],
    ).fetchall():
        insert_rows(
            conn,
            INSERT_BANDS,
            [
                (article_id, band, value, day)
                for article_id, data, day in rows
                for band, value in enumerate(band_hashes(from_bytes(data)))
            ],
        )
        last = rows[-1][0]


def candidates(conn: duckdb.DuckDBPyConnection, asked: Sequence[Probe]) -> dict[int, set[str]]:
    """The stored articles sharing a band with each probed article, within its days."""
    if not asked:
        return {}
    columns = list(zip(*asked, strict=True))
    days = [d for d in (*columns[3], *columns[4]) if d is not None]
    bounded = len(days) == 2 * len(asked)
    first, last = (min(days), max(days)) if bounded else (None, None)
    rows = conn.execute(
        "WITH probe AS (SELECT unnest(?::INTEGER[]) AS pos, unnest(?::UTINYINT[]) AS band,"
        " unnest(?::UBIGINT[]) AS hash, unnest(?::DATE[]) AS lo, unnest(?::DATE[]) AS hi)"
        " SELECT DISTINCT p.pos, b.article_id FROM probe p JOIN article_bands b"
        " ON b.band = p.band AND b.hash = p.hash"
        " WHERE (?::DATE IS NULL OR b.day BETWEEN ?::DATE AND ?::DATE)"
        " AND (p.lo IS NULL OR b.day BETWEEN p.lo AND p.hi)",
        [*(list(c) for c in columns), first, first, last],
    ).fetchall()
    found: dict[int, set[str]] = {}
    for pos, article_id in rows:
        found.setdefault(int(pos), set()).add(article_id)
    return found


def signatures_of(conn: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, bytes]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(
        "SELECT article_id, minhash FROM article_signatures"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [wanted],
    ).fetchall()
    return {article_id: bytes(data) for article_id, data in rows}
