"""Parquet partitions: coded batches written by workers, loaded into the store once.

A worker (``strife code --dask``) encodes the articles and events of one batch as two
Parquet files, with the very columns of the store's tables, and sends their bytes back
with its result; the client writes them in a folder of the run and renames the folder into
place when both are complete, so that a partition folder is either whole or absent. No
path is shared between the workers and the client. Loading one into the store replaces
the events of its articles (loading twice changes nothing). Exports use the same machinery.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

import duckdb

from strife.errors import OutputError
from strife.records import Article, Event
from strife.store.rows import ARTICLE_FIELDS, Batch, article_from_row, insert_rows, utc_now
from strife.store.tables import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    EVENT_ORDER,
    create_table_sql,
    event_where,
    insert_sql,
    names,
)

ARTICLES_FILE: Final = "articles.parquet"
EVENTS_FILE: Final = "events.parquet"

# One row per event: its flat columns, its group's counts, its article's citation and
# the full JSON record.
_EXPORT: Final = """
WITH picked AS (SELECT * FROM events{where}),
members AS (SELECT DISTINCT group_id, article_id FROM picked),
counts AS (
    SELECT m.group_id, count(DISTINCT e.article_id) AS n_articles,
           count(DISTINCT s.outlet) AS n_sources
    FROM (SELECT DISTINCT group_id FROM members) m
    JOIN events e ON e.group_id = m.group_id
    LEFT JOIN article_sources s ON s.article_id = e.article_id
    GROUP BY m.group_id
)
SELECT p.id, p.article_id, p.group_id, c.n_articles, c.n_sources, p.date, p.date_source,
       p.event, p.mode, p.quad_code, p.contested, p.aux, p.confidence, p.actor_codes,
       p.recipient_codes, p.country_code, p.geonameid, p.lat, p.lon, p.dead, p.injured,
       p.arrested, a.url, a.publication, a.published, p.record
FROM picked p
LEFT JOIN counts c ON c.group_id = p.group_id
LEFT JOIN articles a ON a.id = p.article_id
ORDER BY p.{order}
"""


PARTITION_FILES: Final = (ARTICLES_FILE, EVENTS_FILE)


def write_partition(folder: Path, items: Sequence[tuple[Article, Sequence[Event]]]) -> Path:
    """Write the articles and events of ``items`` as a partition folder; return it."""
    return place_partition(folder, partition_bytes(items))


def partition_bytes(items: Sequence[tuple[Article, Sequence[Event]]]) -> dict[str, bytes]:
    """The Parquet files of a partition of ``items``, as bytes (what a Dask worker sends
    back: the client writes them where it keeps the run's partitions)."""
    batch = Batch()
    coded_at = utc_now()
    for article, events in items:
        batch.add(article, events, coded_at)
    conn = duckdb.connect(":memory:")
    try:
        with tempfile.TemporaryDirectory(prefix="strife-part-") as scratch:
            for table, columns, rows in (
                ("articles", ARTICLE_COLUMNS, list(batch.articles.values())),
                ("events", EVENT_COLUMNS, batch.event_rows()),
            ):
                conn.execute(create_table_sql(table, columns))
                insert_rows(conn, insert_sql(table, columns, "INSERT"), rows)
                conn.table(table).write_parquet(str(Path(scratch) / f"{table}.parquet"))
            return {name: (Path(scratch) / name).read_bytes() for name in PARTITION_FILES}
    finally:
        conn.close()


def place_partition(folder: Path, files: Mapping[str, bytes]) -> Path:
    """Write a partition's files into ``folder``, whole or not at all (renamed into place)."""
    if set(files) != set(PARTITION_FILES):
        raise OutputError(
            f"a partition has the files {sorted(PARTITION_FILES)}, not {sorted(files)}"
        )
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name, data in files.items():
        (partial / name).write_bytes(data)
    os.replace(partial, folder)
    return folder


def partition_articles(conn: duckdb.DuckDBPyConnection, folder: Path) -> list[Article]:
    """The articles of a partition, as they will be stored."""
    rows = conn.execute(
        f"SELECT {ARTICLE_FIELDS} FROM read_parquet(?)", [str(folder / ARTICLES_FILE)]
    ).fetchall()
    return [article_from_row(row) for row in rows]


def load_partition(conn: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Insert a partition's rows, replacing its articles' earlier events (in the caller's
    transaction)."""
    articles, events = str(folder / ARTICLES_FILE), str(folder / EVENTS_FILE)
    conn.execute(
        "DELETE FROM events WHERE article_id IN (SELECT id FROM read_parquet(?))", [articles]
    )
    article_names, event_names = names(ARTICLE_COLUMNS), names(EVENT_COLUMNS)
    conn.execute(
        f"INSERT OR REPLACE INTO articles ({article_names})"
        f" SELECT {article_names} FROM read_parquet(?)",
        [articles],
    )
    conn.execute(
        f"INSERT INTO events ({event_names}) SELECT {event_names} FROM read_parquet(?)", [events]
    )


def export_events(conn: duckdb.DuckDBPyConnection, out: Path, filters: Mapping[str, object]) -> int:
    """Write the events the filters pick, with their group counts, to a Parquet file."""
    where, params = event_where({k: v for k, v in filters.items() if k != "limit"})
    sql = _EXPORT.format(where=where, order=EVENT_ORDER.replace(", ", ", p."))
    if filters.get("limit") is not None:
        sql += " LIMIT ?"
        params.append(filters["limit"])
    cursor = conn.cursor()  # a connection of its own: no other result may be pending on it
    try:
        try:
            cursor.sql(sql, params=params).write_parquet(str(out))
        except duckdb.IOException as exc:  # the file's fault (folder, disk), not the store's
            raise OutputError(str(exc)) from exc
        rows = cursor.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall()
    finally:
        cursor.close()
    return int(rows[0][0])
