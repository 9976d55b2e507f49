"""The server's hold on the event store: cursors for concurrent reads, one lock for writes.

The store file is attached to an in-memory DuckDB database (as ``store``), which also holds
the derived ``facets`` table. Every read gets its own cursor (DuckDB connections are not
shared between threads); reads see committed data and never wait for a write. Writes go
through ``strife.store.Store`` on one dedicated cursor, one at a time under a lock, so the
server is the store's single writer, as DuckDB requires.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from strife.api import facets
from strife.errors import StoreError
from strife.records import Article, Event, Rejection
from strife.store import Store


@dataclass(frozen=True, slots=True)
class Writer:
    """The store opened for writing by ``Database.writer``."""

    store: Store
    cursor: duckdb.DuckDBPyConnection

    def refresh(self, article_ids: Sequence[str]) -> None:
        """Bring the search columns of these articles, just written, up to date."""
        facets.refresh(self.cursor, article_ids)


class Database:
    """An open store. Build with ``Database.open``; ``close`` when the server stops."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, writable: bool) -> None:
        self._conn: duckdb.DuckDBPyConnection | None = conn
        self.path = path
        self.writable = writable
        self._cursor_lock = threading.Lock()
        self._write_lock = threading.Lock()

    @classmethod
    def open(cls, path: Path, *, writable: bool) -> Database:
        """Open ``path`` (creating a store there if ``writable`` and none exists).

        Raises ``StoreError`` when the file is missing (read-only), is not a strife store,
        or is in use by another process.
        """
        if not writable and not path.exists():
            raise StoreError(f"{path} does not exist; code some articles first")
        # Store.open checks the file (and creates the schema) with its precise messages.
        Store.open(path, read_only=not writable).close()
        conn = duckdb.connect(":memory:")
        try:
            attach = "ATTACH ? AS store" + ("" if writable else " (READ_ONLY)")
            conn.execute(attach, [str(path)])
            facets.build(conn)
        except duckdb.Error as exc:
            conn.close()
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
        return cls(conn, path, writable)

    def close(self) -> None:
        """Close the store (idempotent)."""
        with self._write_lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of this thread's own, its default catalog the store."""
        cursor = self._new_cursor()
        try:
            yield cursor
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {exc}") from exc
        finally:
            cursor.close()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store's own reads (``Store.truces``, ``Store.truce``) on a reader's cursor."""
        with self.reader() as cursor:
            yield Store(cursor, str(self.path))

    def save(
        self, coded: Sequence[tuple[Article, Sequence[Event]]], rejected: Sequence[Rejection]
    ) -> int:
        """Store articles with their events and record rejections; return how many were new."""
        with self.writer() as writer:
            new = writer.store.save_many(coded)
            for rejection in rejected:
                writer.store.record_rejection(rejection)
            writer.refresh([article.id for article, _ in coded])
        return new

    @contextmanager
    def writer(self) -> Iterator[Writer]:
        """The store to write, one writer at a time, on a cursor of this thread's own."""
        if not self.writable:
            raise StoreError(f"{self.path} is open read-only")
        with self._write_lock:
            cursor = self._new_cursor()
            try:
                yield Writer(Store(cursor, str(self.path)), cursor)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot write: {exc}") from exc
            finally:
                cursor.close()

    def _new_cursor(self) -> duckdb.DuckDBPyConnection:
        with self._cursor_lock:
            if self._conn is None:
                raise StoreError(f"{self.path}: the store is closed")
            try:
                cursor = self._conn.cursor()
                cursor.execute("USE store")
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot read: {exc}") from exc
        return cursor
