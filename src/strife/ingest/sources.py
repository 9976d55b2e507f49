"""Expanding the paths a user names into the inputs to read, each with its format."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

InputFormat = Literal["text", "html", "jsonl", "csv"]

STDIN: Final = "-"

FORMAT_BY_EXTENSION: Final[dict[str, InputFormat]] = {
    "": "text",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}


@dataclass(frozen=True, slots=True)
class InputSource:
    """One input to read: a file or standard input.

    ``name`` is what records cite as their source (the path as found, or ``-``).
    ``format`` is None when only the content can tell (stdin, an unknown extension).
    """

    name: str
    path: Path | None
    format: InputFormat | None

    @property
    def is_stdin(self) -> bool:
        return self.path is None


def expand_paths(paths: Iterable[str]) -> Iterator[InputSource]:
    """Yield the inputs named by ``paths``: files, directories (recursively) or ``-``.

    A file named explicitly is read whatever its extension (its content decides the
    format when the extension does not); a directory contributes only files with a
    known extension, in sorted order, skipping hidden files and folders. A path that
    does not exist is still yielded, so that reading it reports the problem in order.
    """
    for raw in paths:
        if raw == STDIN:
            yield InputSource(name=STDIN, path=None, format=None)
            continue
        path = Path(raw)
        if raw and path.is_dir():
            yield from _directory_sources(path)
        else:
            yield InputSource(name=raw, path=path, format=format_for_path(path))


def format_for_path(path: Path) -> InputFormat | None:
    """The format an extension announces, or None when it announces none we read."""
    return FORMAT_BY_EXTENSION.get(path.suffix.lower())


def sniff_format(head: bytes) -> InputFormat:
    """Guess the format of content without a name: JSON lines, HTML, or plain text."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "html"
    return "text"


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
