"""Opening a store file: creating the schema, checking its version, upgrading older ones.

Version 1 (strife 0.1) had articles, events and rejections. Version 2 adds the places
each article was read from (``article_sources``), the MinHash signature of each article
(``article_signatures``) and the events' ``group_id``. A version-1 file opened for writing
is upgraded in one transaction; opened read-only, it is upgraded first if nobody else
holds it. Version 3 adds the truce tables (``store.truces``) and the near-duplicate band
table (``store.bands``), filled on upgrade from the stored articles, signatures and events.
"""

from __future__ import annotations

import logging
import os
from typing import Final

import duckdb

from strife.dedupe.copies import outlet_of
from strife.dedupe.groups import group_id
from strife.dedupe.minhash import signature_bytes
from strife.errors import StoreError
from strife.store.bands import BANDS_DDL, fill_bands
from strife.store.rows import event_from_record, insert_rows
from strife.store.tables import (
    COPIES_DDL,
    SCHEMA,
    SIGNATURES_DDL,
    UPSERT_SIGNATURES,
)
from strife.store.truces import TRUCE_DDL, rebuild_all

logger = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 3
MIGRATION_CHUNK: Final = 2000
# DuckDB's own cap on the memory it caches table blocks and runs queries in (it spills to a
# temporary folder beyond it). Its default, 80% of the machine, let a store of a million
# articles grow the writing process past 1.7 GB (bench/scale_sim.py); STRIFE_DB_MEMORY
# (a DuckDB size: "2GB", "800MB") sets another cap.
DEFAULT_DB_MEMORY: Final = "512MB"
DB_MEMORY_VARIABLE: Final = "STRIFE_DB_MEMORY"


class OutdatedSchema(StoreError):
    """The file holds an older schema this version can upgrade (opened read-only)."""


def connect(name: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    limit = os.environ.get(DB_MEMORY_VARIABLE, "").strip() or DEFAULT_DB_MEMORY
    try:
        return duckdb.connect(name, read_only=read_only, config={"memory_limit": limit})
    except duckdb.Error as exc:
        message = str(exc)
        if "memory" in message.lower():
            raise StoreError(
                f"{DB_MEMORY_VARIABLE}={limit!r} is not a memory size DuckDB reads"
                f" (for example 512MB or 2GB): {message}"
            ) from exc
        if "Could not set lock" in message or "Conflicting lock" in message:
            raise StoreError(
                f"{name} is in use by another process (a DuckDB store has one writer at a "
                f"time); wait for it to finish or use another file. Details: {message}"
            ) from exc
        if "not a valid DuckDB database" in message:
            raise StoreError(f"{name} is not a DuckDB database (not a strife store)") from exc
        raise StoreError(f"cannot open the store {name}: {message}") from exc


def prepare_schema(conn: duckdb.DuckDBPyConnection, name: str, *, read_only: bool) -> None:
    """Create the schema in an empty database; check (and upgrade) an existing one."""
    try:
        rows = conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()
        tables = {row[0] for row in rows}
        if "meta" in tables:
            _check_version(conn, name, read_only=read_only)
        elif tables:
            raise StoreError(
                f"{name} is a DuckDB database but not a strife store "
                f"(it has tables {', '.join(sorted(tables))} and no 'meta' table)"
            )
        elif read_only:
            raise StoreError(f"{name} holds no strife store yet (opened read-only)")
        else:
            _create_schema(conn)
    except duckdb.Error as exc:
        raise StoreError(f"cannot prepare the store {name}: {exc}") from exc


def rollback(conn: duckdb.DuckDBPyConnection) -> None:
    try:
        conn.rollback()
    except duckdb.Error as exc:
        # The original failure is the one worth reporting; DuckDB may already have
        # ended the transaction itself.
        logger.debug("rollback failed: %s", exc)


def _create_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.begin()
    try:
        for statement in (*SCHEMA, BANDS_DDL, *TRUCE_DDL):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )
        conn.commit()
    except duckdb.Error:
        rollback(conn)
        raise


def _check_version(conn: duckdb.DuckDBPyConnection, name: str, *, read_only: bool) -> None:
    rows = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    found = str(rows[0][0]) if rows else None
    if found == str(SCHEMA_VERSION):
        return
    if found in ("1", "2"):
        if read_only:
            raise OutdatedSchema(
                f"{name} has schema version {found}; open it for writing to upgrade"
            )
        _upgrade(conn, name, int(found))
        return
    if found is not None and found.isdigit() and int(found) > SCHEMA_VERSION:
        raise StoreError(
            f"{name} was written by a newer strife (schema version {found}; this version "
            f"reads version {SCHEMA_VERSION}); upgrade strife to open it"
        )
    raise StoreError(
        f"{name} has an unknown schema version ({found!r}; this version reads "
        f"{SCHEMA_VERSION}); it was not written by a compatible strife"
    )


def _upgrade(conn: duckdb.DuckDBPyConnection, name: str, found: int) -> None:
    """Version 1 -> 2: group ids, one source row per article, signatures. 2 -> 3: the
    truce tables, filled. One transaction."""
    logger.info("upgrading %s from schema version %d to %d", name, found, SCHEMA_VERSION)
    conn.begin()
    try:
        if found == 1:
            conn.execute("ALTER TABLE events ADD COLUMN group_id VARCHAR")
            conn.execute(COPIES_DDL)
            conn.execute(SIGNATURES_DDL)
            _fill_group_ids(conn)
            _fill_copies_and_signatures(conn)
        conn.execute(BANDS_DDL)
        fill_bands(conn)
        for statement in TRUCE_DDL:
            conn.execute(statement)
        rebuild_all(conn)
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)]
        )
        conn.commit()
    except (duckdb.Error, StoreError):
        rollback(conn)
        raise


def _fill_group_ids(conn: duckdb.DuckDBPyConnection) -> None:
    cursor = conn.execute("SELECT id, record FROM events")
    groups: list[tuple[str, str]] = []
    while chunk := cursor.fetchmany(MIGRATION_CHUNK):
        groups.extend((eid, group_id(event_from_record(eid, record))) for eid, record in chunk)
    conn.execute("CREATE TEMP TABLE strife_groups (id VARCHAR, group_id VARCHAR)")
    insert_rows(
        conn,
        "INSERT INTO strife_groups SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
        groups,
    )
    conn.execute(
        "UPDATE events SET group_id = g.group_id FROM strife_groups g WHERE events.id = g.id"
    )
    conn.execute("DROP TABLE strife_groups")


def _fill_copies_and_signatures(conn: duckdb.DuckDBPyConnection) -> None:
    articles = conn.execute("SELECT id, text, publication, url, source FROM articles").fetchall()
    conn.execute("CREATE TEMP TABLE strife_outlets (id VARCHAR, outlet VARCHAR)")
    insert_rows(
        conn,
        "INSERT INTO strife_outlets SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
        [(aid, outlet_of(pub, url, source)) for aid, _, pub, url, source in articles],
    )
    conn.execute(
        "INSERT INTO article_sources SELECT a.id, a.source, a.url, a.title, a.publication,"
        " o.outlet, a.published, a.published_offset_s, 1.0"
        " FROM articles a JOIN strife_outlets o ON o.id = a.id"
    )
    conn.execute("DROP TABLE strife_outlets")
    signatures = [(aid, signature_bytes(text)) for aid, text, _, _, _ in articles]
    insert_rows(conn, UPSERT_SIGNATURES, signatures)
