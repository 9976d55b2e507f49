"""Expanding the paths a user names into the inputs to read, each with its format."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

InputFormat = Literal["text", "html", "jsonl", "csv", "warc", "feed", "urls", "gzip", "zip", "tar"]

STDIN: Final = "-"
URL_SCHEMES: Final = ("http://", "https://")
GLOB_CHARACTERS: Final = frozenset("*?[")
# Formats that hold other inputs (read member by member).
CONTAINERS: Final[frozenset[InputFormat]] = frozenset({"gzip", "zip", "tar"})

FORMAT_BY_EXTENSION: Final[dict[str, InputFormat]] = {
    "": "text",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".urls": "urls",
    ".gz": "gzip",
    ".zip": "zip",
    ".tar": "tar",
    ".tgz": "tar",
}
# Double extensions that name one format, checked before the last extension alone.
FORMAT_BY_DOUBLE_EXTENSION: Final[dict[str, InputFormat]] = {
    ".warc.gz": "warc",
    ".tar.gz": "tar",
    ".tar.bz2": "tar",
    ".tar.xz": "tar",
}
_FEED_MARKERS: Final = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True, slots=True)
class InputSource:
    """One input to read: a file, standard input, or a feed URL.

    ``name`` is what records cite as their source (the path as found, ``-``, the URL).
    ``format`` is None when only the content can tell (stdin, an unknown extension).
    """

    name: str
    path: Path | None
    format: InputFormat | None

    @property
    def is_url(self) -> bool:
        return self.path is None and self.name.startswith(URL_SCHEMES)


def expand_paths(paths: Iterable[str]) -> Iterator[InputSource]:
    """Yield the inputs named by ``paths``: files, directories (recursively), globs, feed
    URLs or ``-``.

    A file named explicitly is read whatever its extension (its content decides the
    format when the extension does not); a directory contributes only files with a
    known extension, in sorted order, skipping hidden files and folders; a glob pattern
    (``data/*.warc.gz``, ``feeds/**/*.rss``) the files and directories it matches, in
    sorted order. A path that does not exist is still yielded, so that reading it
    reports the problem in order.
    """
    for raw in paths:
        if raw == STDIN:
            yield InputSource(name=STDIN, path=None, format=None)
        elif raw.startswith(URL_SCHEMES):
            yield InputSource(name=raw, path=None, format="urls")
        elif _is_glob(raw):
            yield from _glob_sources(raw)
        else:
            yield from _path_sources(raw)


def format_for_path(path: Path | str) -> InputFormat | None:
    """The format a file name announces, or None when it announces none we read."""
    name = Path(path).name.lower()
    for extension, input_format in FORMAT_BY_DOUBLE_EXTENSION.items():
        if name.endswith(extension):
            return input_format
    return FORMAT_BY_EXTENSION.get(Path(name).suffix)


def inner_format(name: str) -> InputFormat | None:
    """The format of what a ``.gz`` file holds, from the name without ``.gz``."""
    inner = name[:-3] if name.lower().endswith(".gz") else name
    return format_for_path(inner) if Path(inner).suffix else None


def sniff_format(head: bytes) -> InputFormat:
    """Guess the format of content without a name: an archive, a WARC, a feed, JSON
    lines, HTML, or plain text."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        lowered = stripped[:2000].lower()
        return "feed" if any(marker in lowered for marker in _FEED_MARKERS) else "html"
    return "text"


def _is_glob(raw: str) -> bool:
    return bool(GLOB_CHARACTERS & set(raw)) and not Path(raw).exists()


def _glob_sources(pattern: str) -> Iterator[InputSource]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputSource(name=pattern, path=Path(pattern), format=None)
    for match in matches:
        yield from _path_sources(match)


def _path_sources(raw: str) -> Iterator[InputSource]:
    path = Path(raw)
    if raw and path.is_dir():
        yield from _directory_sources(path)
    else:
        yield InputSource(name=raw, path=path, format=format_for_path(path))


def _directory_sources(root: Path) -> Iterator[InputSource]:
    for path in sorted(_visible_files(root)):
        input_format = format_for_path(path)
        if input_format is not None:
            yield InputSource(name=str(path), path=path, format=input_format)


def _visible_files(root: Path) -> Iterator[Path]:
    for folder, subfolders, files in os.walk(root):
        # Pruning in place stops os.walk from descending into hidden folders (.git, .cache).
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if not name.startswith("."):
                yield Path(folder) / name
