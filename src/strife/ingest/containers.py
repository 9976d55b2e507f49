"""Archives: ``.gz`` files, ``.zip`` and ``.tar`` (``.tar.gz``, ``.tgz``) archives.

Each member is read like a file of its own; its source is ``archive!member``. Inside
``.zip`` and ``.tar`` archives only members with a known extension are read (as in a
directory); a ``.gz`` file holds one input, named by the file name without ``.gz``.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Final, cast

from strife.errors import UnreadableInput
from strife.ingest.sources import InputFormat, format_for_path, inner_format

MAX_DEPTH: Final = 2


@dataclass(frozen=True, slots=True)
class Member:
    """One input inside an archive, open for reading."""

    name: str
    stream: BinaryIO
    format: InputFormat | None
    size: int | None


class Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read: gives them back, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def rewound(head: bytes, stream: BinaryIO) -> BinaryIO:
    """``stream`` from its start, after ``head`` was read from it."""
    # A gzip stream says it can seek, but seeks back by reading its source again from the
    # start, which a pipe cannot do: it is given its head back instead.
    if stream.seekable() and not isinstance(stream, gzip.GzipFile):
        stream.seek(0)
        return stream
    return io.BufferedReader(Prefixed(head, stream))


def members(name: str, stream: BinaryIO, kind: InputFormat) -> Iterator[Member]:
    """The inputs an archive holds, in archive order."""
    if kind == "gzip":
        gz = cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb"))
        yield Member(name, gz, inner_format(name), None)
    elif kind == "zip":
        yield from _zip_members(name, stream)
    else:
        yield from _tar_members(name, stream)


def _zip_members(name: str, stream: BinaryIO) -> Iterator[Member]:
    if not stream.seekable():
        raise UnreadableInput(name, "a zip archive must be a file (it cannot be streamed)")
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise UnreadableInput(name, f"not a readable zip archive: {err}") from err
    with archive:
        for info in archive.infolist():
            member_format = format_for_path(info.filename)
            if info.is_dir() or _hidden(info.filename) or member_format is None:
                continue
            with archive.open(info) as member:
                stream_of = cast(BinaryIO, member)
                yield Member(f"{name}!{info.filename}", stream_of, member_format, info.file_size)


def _tar_members(name: str, stream: BinaryIO) -> Iterator[Member]:
    try:
        archive = tarfile.open(fileobj=stream, mode="r|*")  # noqa: SIM115 (closed below)
    except (tarfile.TarError, OSError) as err:
        raise UnreadableInput(name, f"not a readable tar archive: {err}") from err
    with archive:
        try:
            for info in archive:
                member_format = format_for_path(info.name)
                if not info.isfile() or _hidden(info.name) or member_format is None:
                    continue
                member = archive.extractfile(info)
                if member is not None:
                    # A streamed tar member cannot seek (and asking raises AttributeError):
                    # wrapped, it says so, and is read from the start like any stream.
                    stream_of = io.BufferedReader(Prefixed(b"", cast(BinaryIO, member)))
                    yield Member(f"{name}!{info.name}", stream_of, member_format, info.size)
        except (tarfile.TarError, EOFError, OSError) as err:
            raise UnreadableInput(name, f"broken tar archive: {err}") from err


def _hidden(member_name: str) -> bool:
    return any(part.startswith(".") for part in member_name.split("/") if part)
