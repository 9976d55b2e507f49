"""Reading raw bytes within a size limit and turning them into text, or saying why not."""

from __future__ import annotations

import codecs
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from strife.errors import BinaryInput, EncodingError, InputTooLarge, UnreadableInput

log = logging.getLogger(__name__)

# Control bytes text never holds (tab, newline, vertical tab, form feed and CR it does).
_CONTROL_BYTES: Final = bytes(b for b in (*range(0x20), 0x7F) if b not in b"\t\n\x0b\x0c\r")
# Deleting every other byte leaves the control bytes, counted in one fast pass.
_ALL_BUT_CONTROLS: Final = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
# Above this share of control bytes the input is a binary format, not text.
MAX_CONTROL_SHARE: Final = 0.05
# Latin-1 decodes any bytes, so it is only believed when the result looks like Western text.
MAX_NON_ASCII_SHARE: Final = 0.3
MAX_SYMBOL_SHARE: Final = 0.15
WESTERN_SAMPLE_CHARS: Final = 100_000
# An over-long line is skipped in pieces of this size, so that it is never held whole.
SKIP_CHUNK: Final = 1 << 16
# Bytes that are not UTF-8, one lone surrogate each after decoding with surrogateescape.
_ESCAPED_RUN: Final = re.compile("[\udc80-\udcff]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a stream (1-based ``number``): its bytes, or None when it was longer
    than the limit, in which case only its ``size`` was counted."""

    number: int
    data: bytes | None
    size: int


def human_size(size: int) -> str:
    """``20000000`` -> ``"20 MB"``, ``34200000`` -> ``"34.2 MB"``, ``512`` -> ``"512 bytes"``."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def too_large(
    source: str, max_bytes: int, size: int | None = None, *, decompressed: bool = False
) -> InputTooLarge:
    """The refusal of an input over ``max_bytes`` (its ``size`` when known)."""
    shown = f" ({human_size(size)})" if size is not None else ""
    after = " once decompressed" if decompressed else ""
    return InputTooLarge(source, f"larger than {human_size(max_bytes)}{shown}{after}")


def check_file_size(path: Path, max_bytes: int, source: str) -> None:
    """Refuse a file over the limit before reading any of it."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise UnreadableInput(source, f"cannot read: {err.strerror or err}") from err
    if size > max_bytes:
        raise too_large(source, max_bytes, size)


def read_bounded(stream: BinaryIO, max_bytes: int, source: str, *, head: bytes = b"") -> bytes:
    """Read the rest of a stream after ``head``, but never more than a byte past the limit."""
    remaining = max_bytes + 1 - len(head)
    try:
        data = head + (stream.read(remaining) if remaining > 0 else b"")
    except OSError as err:
        raise UnreadableInput(source, f"cannot read: {err.strerror or err}") from err
    if len(data) > max_bytes:
        raise too_large(source, max_bytes)
    return data


def read_lines(stream: BinaryIO, max_bytes: int) -> Iterator[Line]:
    """The lines of a stream, none held longer than ``max_bytes``: a longer line is read
    past in pieces, so that a line of hundreds of megabytes (a decompression bomb) costs
    no more memory than the limit."""
    for number in itertools.count(start=1):
        data = stream.readline(max_bytes + 1)
        if not data:
            return
        if len(data) <= max_bytes:
            yield Line(number, data, len(data))
        else:
            size = len(data) if data.endswith(b"\n") else len(data) + _skip_line(stream)
            yield Line(number, None, size)


def _skip_line(stream: BinaryIO) -> int:
    skipped = 0
    while piece := stream.readline(SKIP_CHUNK):
        skipped += len(piece)
        if piece.endswith(b"\n"):
            break
    return skipped


def open_binary(path: Path, source: str) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as err:
        raise UnreadableInput(source, f"cannot read: {err.strerror or err}") from err


def check_not_binary(data: bytes, source: str) -> None:
    """Refuse bytes that are a binary format rather than text in some encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in data:
        raise BinaryInput(source, "binary file (NUL bytes), not text")
    controls = len(data.translate(None, _ALL_BUT_CONTROLS))
    if data and controls / len(data) > MAX_CONTROL_SHARE:
        raise BinaryInput(source, "binary file (many control characters), not text")


def decode_text(data: bytes, source: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252.

    UTF-8 with a few stray bytes stays UTF-8, the bad bytes replaced (and a warning
    logged); the legacy fallback is for text that is not UTF-8 at all, and is accepted
    only when the result reads like Western text, so that Shift-JIS, GBK or random bytes
    are refused instead of turned into mojibake.
    """
    check_not_binary(data, source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, source)
    text = _decode_utf8(data, source)
    if text is not None:
        return text
    text = decode_legacy(data)
    if not _looks_western(text):
        raise EncodingError(source, "not valid UTF-8 or Latin-1 text")
    return text


def decode_declared(data: bytes, charset: str | None, source: str) -> str:
    """Decode bytes in the charset their server named; when it names none, or one that
    does not fit them, as a file is decoded (:func:`decode_text`)."""
    if charset:
        check_not_binary(data, source)
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset: guess as for a file
    return decode_text(data, source)


def decode_legacy(data: bytes) -> str:
    """cp1252 where it applies (it maps the curly quotes Windows writes), else Latin-1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_line(data: bytes, source: str | None = None) -> str:
    """Decode one line of a table without refusing it: UTF-8 (a few stray bytes replaced,
    with a warning naming ``source`` when given), else cp1252/Latin-1."""
    text = _decode_utf8(data, source)
    return decode_legacy(data) if text is None else text


def _decode_utf8(data: bytes, source: str | None) -> str | None:
    """``data`` as UTF-8, or None when it is not UTF-8 at all.

    Text in a legacy encoding fails UTF-8 at nearly every non-ASCII character; UTF-8 with
    a few damaged bytes still holds more well-formed multi-byte characters than runs of
    bad bytes. The bad bytes become U+FFFD.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    body = data.removeprefix(codecs.BOM_UTF8)
    escaped = body.decode("utf-8", "surrogateescape")
    runs = _ESCAPED_RUN.findall(escaped)
    invalid = sum(len(run) for run in runs)
    ascii_chars = len(escaped.encode("ascii", "ignore"))
    if len(escaped) - ascii_chars - invalid < len(runs):
        return None
    if source is not None:
        log.warning("%s: %d invalid UTF-8 bytes replaced", source, invalid)
    return body.decode("utf-8", "replace")


def _decode_utf16(data: bytes, source: str) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as err:
        raise EncodingError(source, "not valid UTF-8 or Latin-1 text") from err
    if "\x00" in text:
        raise BinaryInput(source, "binary file (NUL bytes), not text")
    return text


def _looks_western(text: str) -> bool:
    sample = text[:WESTERN_SAMPLE_CHARS]
    if not sample:
        return True
    non_ascii = [char for char in sample if ord(char) > 0x7F]
    symbols = sum(1 for char in non_ascii if not char.isalpha())
    return (
        len(non_ascii) / len(sample) <= MAX_NON_ASCII_SHARE
        and symbols / len(sample) <= MAX_SYMBOL_SHARE
    )
