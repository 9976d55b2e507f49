"""Exporting stored events: Parquet, CSV or JSON lines, filtered like ``strife events``.

Every format carries each event's group (``group_id``) and the group's counts
(``n_articles``, ``n_sources``). JSONL holds the output contract's objects; CSV its flat
columns; Parquet the store's flat columns, the article's URL, outlet and publication
time, and the full JSON object as ``record``. Events are streamed, never all in memory
(Parquet is written by DuckDB itself).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Literal, TextIO

from strife.errors import OutputError, StoreError
from strife.output import write_csv, write_jsonl
from strife.store import EventCriteria, Store

# "x" for a fresh temporary file, "w" for a device or a named pipe written in place.
OpenMode = Literal["x", "w"]


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


def export_events(
    store: Store,
    export_format: ExportFormat,
    *,
    path: Path | None = None,
    stream: TextIO | None = None,
    where: EventCriteria | None = None,
) -> int:
    """Write the events ``where`` picks (all by default) to ``path`` (or, for CSV and JSONL,
    to ``stream``); return how many were written.

    A file is written under a temporary name in its folder and renamed when complete, so
    that a failed export (a full disk) leaves no half-written file; raises ``OutputError``
    naming the file or stream when it cannot be written.
    """
    where = where or EventCriteria()
    if export_format is ExportFormat.parquet:
        if path is None:
            raise StoreError("a Parquet export needs a file to write to")
        return write_file(path, lambda temp, _: _parquet(store, temp, where), regular=True)
    if stream is not None:
        return _to_stream(store, export_format, stream, where)
    if path is None:
        raise StoreError("an export needs a file or a stream to write to")
    return write_file(path, lambda out, mode: _to_file(store, export_format, out, mode, where))


def _parquet(store: Store, path: Path, where: EventCriteria) -> int:
    return store.export_parquet(path, **where)


def _rows(store: Store, export_format: ExportFormat, out: TextIO, where: EventCriteria) -> int:
    events = store.iter_events(**where, groups=True)
    write = write_csv if export_format is ExportFormat.csv else write_jsonl
    return write(events, out)


def _to_file(
    store: Store, export_format: ExportFormat, path: Path, mode: OpenMode, where: EventCriteria
) -> int:
    with path.open(mode, encoding="utf-8", newline="") as out:
        return _rows(store, export_format, out, where)


def _to_stream(store: Store, export_format: ExportFormat, out: TextIO, where: EventCriteria) -> int:
    try:
        n = _rows(store, export_format, out, where)
        out.flush()  # a full disk shows here, not when the interpreter exits
    except BrokenPipeError:
        raise  # the reader left (``| head``): the command line's edge handles it
    except OSError as exc:
        name = getattr(out, "name", None)
        stream = "standard output" if name in (None, "<stdout>") else name
        raise OutputError(f"cannot write {stream}: {_reason(exc)}") from exc
    return n


Writer = Callable[[Path, OpenMode], int]


def write_file(path: Path, write: Writer, *, regular: bool = False) -> int:
    """Call ``write(temp, "x")`` on a fresh path next to ``path``, then rename it to ``path``.

    A path that exists and is not a regular file (a device, a named pipe) is written in
    place (``write(path, "w")``), unless ``regular`` says the writer needs a real file.
    The temporary file is removed when anything fails; ``OSError`` becomes ``OutputError``
    naming ``path``.
    """
    target = Path(os.path.realpath(path))  # a symlink's target is replaced, not the link
    if _special(target):
        if regular:
            raise OutputError(f"cannot write {path}: not a regular file")
        return _guarded(path, lambda: write(target, "w"))
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        return _guarded(path, lambda: _write_then_rename(write, temp, target))
    finally:
        with contextlib.suppress(OSError):  # the write's own error is the one to report
            temp.unlink(missing_ok=True)


def _write_then_rename(write: Writer, temp: Path, target: Path) -> int:
    n = write(temp, "x")  # "x": a name nobody else uses, with the umask's permissions
    os.replace(temp, target)
    return n


def _guarded(path: Path, action: Callable[[], int]) -> int:
    try:
        return action()
    except OutputError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc


def _special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # missing (or unreadable): written as a new file, which says why not
    return not stat.S_ISREG(mode)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
