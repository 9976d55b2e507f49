"""How far reading has gone through the inputs, in bytes (for a progress bar's ETA)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from strife.ingest.sources import InputSource


@dataclass(slots=True)
class ReadProgress:
    """Bytes of the named files read so far, out of their total size.

    ``total_bytes`` is None when some input has no size known in advance (standard input,
    a feed URL). Compressed inputs count their compressed bytes.
    """

    total_bytes: int | None = None
    _finished: int = 0
    _current: BinaryIO | None = None

    def start(self, sources: Sequence[InputSource]) -> None:
        sizes = [_size(source) for source in sources]
        self.total_bytes = None if None in sizes else sum(size or 0 for size in sizes)

    def follow(self, stream: BinaryIO) -> None:
        """Count the position in ``stream`` (the file now being read) as read."""
        self._current = stream

    def finish(self, source: InputSource) -> None:
        self._current = None
        self._finished += _size(source) or 0

    @property
    def done_bytes(self) -> int:
        current = 0
        if self._current is not None:
            try:
                current = self._current.tell()
            except (OSError, ValueError):  # closed, or not a file: count it when finished
                current = 0
        return self._finished + current


def _size(source: InputSource) -> int | None:
    if source.path is None:
        return None
    try:
        return source.path.stat().st_size
    except OSError:
        return 0
