"""The event store: an embedded DuckDB database of articles, events and rejections.

Each event is kept twice: as flat columns that queries filter and sort on, and as the
full ``event_to_dict`` object (``record``) from which ``Event``s are rebuilt exactly.
Every article keeps the places it was read from (``article_sources``: its own source and
those of its duplicates) and its MinHash signature (``article_signatures``), from which
a later run rebuilds its near-duplicate index.

Concurrency: DuckDB lets one process hold a database file for writing (any number of
read-only processes may share a file nobody writes). The CLI therefore writes from a single
process; a second process that opens a file in use gets a ``StoreError`` saying so. One
``Store`` wraps one DuckDB connection, which is not meant to be shared between threads
without a lock.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypedDict, Unpack

import duckdb

from strife.dedupe.bands import Probe
from strife.dedupe.copies import Copy
from strife.dedupe.minhash import signature_bytes
from strife.errors import StoreError
from strife.records import Article, Event, Rejection
from strife.store import parts
from strife.store.bands import candidates, signatures_of, write_bands
from strife.store.rows import (
    ARTICLE_FIELDS,
    Batch,
    article_from_row,
    copy_from_row,
    event_from_record,
    insert_rows,
    utc_now,
)
from strife.store.schema import OutdatedSchema, connect, prepare_schema, rollback
from strife.store.stats import StoreStats, store_stats
from strife.store.tables import (
    EVENT_FILTERS,
    EVENT_ORDER,
    GROUPED_EVENTS,
    INSERT_COPIES,
    INSERT_EVENTS,
    UPSERT_ARTICLES,
    UPSERT_REJECTION,
    UPSERT_SIGNATURES,
    event_where,
)
from strife.store.truces import (
    count_truces,
    read_truce,
    read_truces,
    refresh_saved,
    refresh_truces,
)
from strife.truces.model import Truce

DEFAULT_PATH = "strife.duckdb"
MEMORY = ":memory:"
FETCH_ROWS = 1000


class EventCriteria(TypedDict, total=False):
    """Which stored events to read: the filters ``strife events`` and ``strife export`` take
    (checked by :mod:`strife.criteria`)."""

    event: str | None
    country: str | None
    since: date | None
    until: date | None


class EventQuery(EventCriteria, total=False):
    """The arguments of :meth:`Store.events` and :meth:`Store.iter_events`."""

    article_id: str | None
    limit: int | None
    groups: bool


class Store:
    """An open event store. Use ``Store.open`` (a context manager) rather than the init."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str) -> None:
        self._conn: duckdb.DuckDBPyConnection | None = conn
        self.path = path

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, *, read_only: bool = False) -> Store:
        """Open (creating if needed) the store at ``path``; ``":memory:"`` for a scratch one.

        A store of an older schema version is upgraded (first, when opened read-only).
        Raises ``StoreError`` when the file is not a DuckDB database, is a DuckDB database
        of something else, was written by a newer strife, or is in use by another process.
        """
        try:
            return cls._open(str(path), read_only=read_only)
        except OutdatedSchema:
            cls._open(str(path), read_only=False).close()
            return cls._open(str(path), read_only=True)

    @classmethod
    def _open(cls, name: str, *, read_only: bool) -> Store:
        conn = connect(name, read_only=read_only)
        try:
            prepare_schema(conn, name, read_only=read_only)
        except BaseException:
            # Release the file lock before reporting, so the caller can retry or move on.
            conn.close()
            raise
        return cls(conn, name)

    def close(self) -> None:
        """Close the database (idempotent); later calls raise ``StoreError``."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with self._errors("close"):
                conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else "open"
        return f"Store({self.path!r}, {state})"

    # --- writing ---------------------------------------------------------------------------

    def save(self, article: Article, events: Sequence[Event]) -> bool:
        """Store ``article`` with exactly ``events``, replacing any earlier coding of it.

        One transaction: on any failure the store keeps its previous state. Returns True
        when the article was not stored before.
        """
        return self.save_many([(article, events)]) == 1

    def save_many(
        self,
        items: Iterable[tuple[Article, Sequence[Event]]],
        *,
        copies: Iterable[Copy] = (),
        signatures: Mapping[str, bytes] | None = None,
    ) -> int:
        """Save many articles with their events in one transaction; return how many were new.

        Same semantics as ``save`` for each item; if one item fails, none is saved. Each
        article's own source is kept as one of its copies; ``copies`` adds the copies of
        any article (an article and source already kept are not added twice).
        ``signatures`` gives the articles' MinHash signatures when the caller has them;
        the others are computed.
        """
        batch = self._batch(items, copies, signatures or {})
        if batch.is_empty():
            return 0
        ids = list(batch.articles)
        with self._transaction("save articles") as conn:
            n_existing = _count_articles(conn, ids)
            if n_existing:
                conn.execute(
                    "DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
                )
            insert_rows(conn, UPSERT_ARTICLES, list(batch.articles.values()))
            insert_rows(conn, INSERT_EVENTS, batch.event_rows())
            insert_rows(conn, UPSERT_SIGNATURES, batch.signature_rows())
            write_bands(
                conn,
                [article for article, _ in batch.coded.values()],
                batch.signatures,
                replace=n_existing > 0,
            )
            insert_rows(conn, INSERT_COPIES, list(batch.copies.values()))
            refresh_truces(conn, list(batch.coded.values()))
        return len(ids) - n_existing

    def load_partition(
        self,
        folder: Path,
        *,
        copies: Iterable[Copy] = (),
        signatures: Mapping[str, bytes] | None = None,
    ) -> int:
        """Load a partition ``parts.write_partition`` wrote, like ``save_many`` does (one
        transaction, an article loaded twice replaces its events); return how many were new.
        """
        given = signatures or {}
        batch = Batch()
        with self._transaction("load a partition") as conn:
            articles = parts.partition_articles(conn, folder)
            for article in articles:
                batch.add_copy(Copy.of(article, article.id))
                batch.signatures[article.id] = given.get(article.id) or signature_bytes(
                    article.text
                )
            for copy in copies:
                batch.add_copy(copy)
            ids = [article.id for article in articles]
            n_existing = _count_articles(conn, ids)
            parts.load_partition(conn, folder)
            insert_rows(conn, UPSERT_SIGNATURES, batch.signature_rows())
            write_bands(conn, articles, batch.signatures, replace=n_existing > 0)
            insert_rows(conn, INSERT_COPIES, list(batch.copies.values()))
            refresh_saved(conn, ids)
        return len(ids) - n_existing

    def record_rejection(self, rej: Rejection) -> None:
        """Remember an input that could not be coded; seeing it again bumps its count."""
        now = utc_now()
        with self._transaction("record a rejection") as conn:
            conn.execute(UPSERT_REJECTION, [rej.source, rej.reason, rej.article_id, now, now])

    # --- reading ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._fetch("SELECT 1 FROM articles WHERE id = ?", [article_id]))

    def article(self, article_id: str) -> Article | None:
        """Return the stored article with that id, or None."""
        rows = self._fetch(f"SELECT {ARTICLE_FIELDS} FROM articles WHERE id = ?", [article_id])
        return article_from_row(rows[0]) if rows else None

    def copies(self, article_id: str) -> list[Copy]:
        """Every place the article was read from (itself first, then by source)."""
        rows = self._fetch(
            "SELECT article_id, source, url, title, publication, published, published_offset_s,"
            " similarity FROM article_sources WHERE article_id = ?"
            " ORDER BY similarity DESC, source",
            [article_id],
        )
        return [copy_from_row(row) for row in rows]

    def band_candidates(self, asked: Sequence[Probe]) -> dict[int, set[str]]:
        """The stored articles that share an LSH band with each probed article, within its
        days (``strife.store.bands.probes``), by the probe's position."""
        conn = self._connection()
        with self._errors("read near-duplicate candidates"):
            return candidates(conn, asked)

    def signatures_of(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        """The stored signatures of these articles (those the store holds)."""
        conn = self._connection()
        with self._errors("read signatures"):
            return signatures_of(conn, article_ids)

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """The MinHash signature of every stored article, in the order they were stored."""
        yield from self._stream("SELECT article_id, minhash FROM article_signatures", [])

    def events(self, **query: Unpack[EventQuery]) -> list[Event]:
        """Return stored events ordered by (date, article_id, sequence, id).

        ``event`` and ``country`` (ISO alpha-3) are matched case-insensitively; ``country``
        matches the event's location or any actor or recipient code. ``since``/``until``
        are inclusive and leave out events with no date. Events with no date sort last.
        With ``groups`` each event carries its ``group_id``, ``n_articles`` and
        ``n_sources``; without, it is exactly the event that was saved.
        """
        return list(self.iter_events(**query))

    def iter_events(
        self,
        *,
        article_id: str | None = None,
        event: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        groups: bool = False,
    ) -> Iterator[Event]:
        """``events`` as a stream, read a thousand rows at a time (for exports)."""
        filters = {
            "article_id": article_id,
            "event": None if event is None else event.upper(),
            "country": None if country is None else country.upper(),
            "since": since,
            "until": until,
        }
        sql, params = _event_query(filters, limit, groups)
        for row in self._stream(sql, params):
            yield _event_from_row(row, groups)

    def truces(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Truce]:
        """The truce records (``strife.truces``), in the order they were agreed.

        ``country`` matches a party, a mediator or where the truce applies; ``since`` and
        ``until`` (inclusive) keep the truces that held some day of the range, from the day
        agreed (or started) to the day they collapsed or were superseded (a truce still on
        reaches every later range), and leave out undated ones.
        """
        if (limit is not None and limit < 0) or offset < 0:
            raise StoreError(f"limit and offset must be zero or more, got {limit}, {offset}")
        conn = self._connection()
        code = None if country is None else country.upper()
        with self._errors("read truces"):
            return read_truces(
                conn, country=code, since=since, until=until, limit=limit, offset=offset
            )

    def count_truces(
        self, *, country: str | None = None, since: date | None = None, until: date | None = None
    ) -> int:
        """How many truces ``truces`` would return with these filters and no limit."""
        conn = self._connection()
        code = None if country is None else country.upper()
        with self._errors("count truces"):
            return count_truces(conn, country=code, since=since, until=until)

    def truce(self, truce_id: str) -> Truce | None:
        """The truce with that id, or None."""
        conn = self._connection()
        with self._errors("read a truce"):
            return read_truce(conn, truce_id)

    def rejections(self) -> list[Rejection]:
        """Return the recorded rejections, oldest first."""
        rows = self._fetch(
            "SELECT source, reason, article_id FROM rejections ORDER BY first_seen, source, reason"
        )
        return [Rejection(source=s, reason=r, article_id=a) for s, r, a in rows]

    def counts(self) -> dict[str, int]:
        """Return the number of stored articles, events and distinct rejections."""
        rows = self._fetch(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM rejections)"
        )
        articles, events, rejections = rows[0]
        return {"articles": int(articles), "events": int(events), "rejections": int(rejections)}

    def stats(self) -> StoreStats:
        """What the store holds: articles, copies, outlets, events, groups, rejections."""
        conn = self._connection()
        with self._errors("read"):
            return store_stats(conn, self.path)

    def export_parquet(self, out: Path, **filters: Unpack[EventCriteria]) -> int:
        """Write the events the filters pick (as ``events``) to one Parquet file."""
        conn = self._connection()
        with self._errors("export"):
            return parts.export_events(conn, out, _filter_values(dict(filters)))

    # --- plumbing --------------------------------------------------------------------------

    def _batch(
        self,
        items: Iterable[tuple[Article, Sequence[Event]]],
        copies: Iterable[Copy],
        signatures: Mapping[str, bytes],
    ) -> Batch:
        batch = Batch()
        coded_at = utc_now()
        for article, events in items:
            batch.add(article, events, coded_at)
            batch.signatures[article.id] = signatures.get(article.id) or signature_bytes(
                article.text
            )
        for copy in copies:
            batch.add_copy(copy)
        return batch

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    def _fetch(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        conn = self._connection()
        with self._errors("read"):
            return conn.execute(sql, list(params)).fetchall()

    def _stream(self, sql: str, params: Sequence[object]) -> Iterator[Any]:
        # A cursor of its own, so that the caller may use the store while it reads. A new
        # cursor starts in the default catalog: move it to this store's, which is another
        # when the file is attached under a name (the server's ``store``).
        [(catalog,)] = self._fetch("SELECT current_database()")
        cursor = self._connection().cursor()
        try:
            with self._errors("read"):
                cursor.execute("USE " + _quoted(catalog))
                cursor.execute(sql, list(params))
            while True:
                with self._errors("read"):
                    rows = cursor.fetchmany(FETCH_ROWS)
                if not rows:
                    return
                yield from rows
        finally:
            cursor.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot {action}: {exc}") from exc

    @contextmanager
    def _transaction(self, action: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run the block in one transaction: commit on success, roll back on anything else."""
        conn = self._connection()
        committed = False
        with self._errors(action):
            conn.begin()
            try:
                yield conn
                conn.commit()
                committed = True
            finally:
                if not committed:
                    rollback(conn)


def _count_articles(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> int:
    if not ids:
        return 0
    rows = conn.execute(
        "SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    ).fetchall()
    return int(rows[0][0])


def _filter_values(filters: Mapping[str, Any]) -> dict[str, object]:
    unknown = set(filters) - set(EVENT_FILTERS) - {"limit"}
    if unknown:
        raise StoreError(f"unknown event filters: {', '.join(sorted(unknown))}")
    values: dict[str, object] = {name: filters.get(name) for name in EVENT_FILTERS}
    for name in ("event", "country"):
        value = values[name]
        values[name] = value.upper() if isinstance(value, str) else value
    return values


def _event_query(
    filters: Mapping[str, object], limit: int | None, groups: bool
) -> tuple[str, list[object]]:
    if limit is not None and limit < 0:
        raise StoreError(f"limit must be zero or more, got {limit}")
    where, params = event_where(filters)
    columns = "id, record, group_id, date, article_id, sequence" if groups else "id, record"
    sql = f"SELECT {columns} FROM events{where} ORDER BY {EVENT_ORDER}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return (GROUPED_EVENTS.format(picked=sql) if groups else sql), params


def _event_from_row(row: tuple[Any, ...], groups: bool) -> Event:
    event = event_from_record(row[0], row[1])
    if not groups:
        return event
    _, _, group, n_articles, n_sources = row
    return dataclasses.replace(
        event, group_id=group, n_articles=int(n_articles or 0), n_sources=int(n_sources or 0)
    )


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
