"""Reading WARC and WARC.gz files (web archives, as Common Crawl and news crawlers write).

Only HTTP responses with status 2xx and an HTML content type are articles; requests,
metadata, redirects, images and the rest are skipped without a word. Each page is read
like an HTML file, with the record's target URL, and the record's date (the crawl
time) when the page itself carries no publication date. Its source is ``file@OFFSET``,
the byte offset of its record, as CDX indexes address records.

A record is read within the size limit, and so is its payload once its HTTP transfer
and content encodings (chunked, gzip, deflate, br) are undone here, never more than a
byte past the limit: a compressed page that would inflate to gigabytes is refused
alone. A record shorter than its ``Content-Length`` (a file cut short) is refused as
truncated, and a damaged record ends the file with what came before it kept.
"""

from __future__ import annotations

import functools
import io
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import BinaryIO, Final

from fastwarc.stream_io import BrotliReader, ChunkedReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from strife.errors import InputError, MalformedRecord
from strife.ingest.decode import decode_declared, too_large
from strife.ingest.html import article_from_html
from strife.ingest.tabular import PendingArticle, refusal
from strife.records import Article

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
# zlib window bits: a gzip or zlib header, told apart by zlib; a bare deflate stream.
_GZIP_OR_ZLIB: Final = 32 + zlib.MAX_WBITS
_RAW_DEFLATE: Final = -zlib.MAX_WBITS
_IDENTITY: Final = frozenset({"", "identity", "none"})


def warc_entries(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[PendingArticle]:
    """One pending article per HTML response in a WARC stream (gzip or not)."""
    try:
        # Encodings are undone here, within the limit: fastwarc's own decoders read a
        # payload whole, and lose their place in the file when a record is read in part.
        records = ArchiveIterator(
            _Positioned(stream),
            record_types=WarcRecordType.response,
            parse_http=True,
            auto_decode="none",
        )
        for record in records:
            pending = _entry(record, name, max_bytes)
            if pending is not None:
                yield pending
    except (OSError, ValueError, UnicodeError) as err:
        raise MalformedRecord(name, f"broken WARC file: {err}") from err
    except BaseException as err:
        # A Rust panic in fastwarc derives from BaseException: it ends this file, not the run.
        if type(err).__name__ != "PanicException":
            raise
        raise MalformedRecord(name, "broken WARC file: the WARC reader failed on it") from err


class _Positioned:
    """A stream that tells how far it was read without seeking: fastwarc asks where a
    stream is before it reads it, and a pipe (standard input, an archive member) could
    not say."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._position += len(data)
        return data

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if (offset, whence) in ((0, io.SEEK_CUR), (self._position, io.SEEK_SET)):
            return self._position
        raise io.UnsupportedOperation("a WARC stream is read from start to end")

    def close(self) -> None:
        # The stream belongs to whoever opened it (it may be standard input).
        pass


def _entry(record: WarcRecord, name: str, max_bytes: int) -> PendingArticle | None:
    """The pending article of one response record, a refusal, or None when not a page."""
    source = f"{name}@{record.stream_pos}"
    page = _is_html_page(record)
    if page and record.content_length > max_bytes:
        return refusal(too_large(source, max_bytes, record.content_length))
    if not page:
        # Read past, only to learn whether the file was cut inside it.
        complete = record.reader.consume() >= record.content_length and _has_length(record)
        return None if complete else refusal(MalformedRecord(source, "truncated record"))
    raw = _read_upto(record.reader.read, record.content_length)
    if len(raw) < record.content_length or not _has_length(record):
        return refusal(MalformedRecord(source, "truncated record"))
    try:
        payload = _decoded(raw, record, source, max_bytes)
    except InputError as err:
        return refusal(err)
    url = record.headers.get("WARC-Target-URI") or None
    return functools.partial(
        _article, payload, record.http_charset, source, url, record.record_date
    )


def _has_length(record: WarcRecord) -> bool:
    # A record cut inside its own WARC headers comes out with no Content-Length at all.
    return record.headers.get("Content-Length") is not None


def _is_html_page(record: WarcRecord) -> bool:
    headers = record.http_headers
    if headers is None or not 200 <= (headers.status_code or 0) < 300:
        return False
    return (record.http_content_type or "").lower() in HTML_TYPES


def _decoded(raw: bytes, record: WarcRecord, source: str, max_bytes: int) -> bytes:
    """The payload with its transfer and content encodings undone, within the limit."""
    headers = record.http_headers
    transfer = (headers.get("Transfer-Encoding") or "").lower()
    data = raw
    if "chunked" in transfer:
        data = _bounded(ChunkedReader(io.BytesIO(raw)).read, max_bytes, source, "chunked")
    named = headers.get("Content-Encoding") or ""
    encodings = [part.strip().lower() for part in named.split(",")]
    # Encodings are listed in the order they were applied: undo the last first.
    for encoding in reversed(encodings):
        data = _undo_encoding(data, encoding, source, max_bytes)
    return data


def _undo_encoding(data: bytes, encoding: str, source: str, max_bytes: int) -> bytes:
    if encoding in _IDENTITY:
        return data
    if encoding in ("gzip", "x-gzip"):
        return _inflate(data, _GZIP_OR_ZLIB, source, max_bytes)
    if encoding == "deflate":
        # Servers send "deflate" both with the zlib header the standard asks for and bare.
        try:
            return _inflate(data, _GZIP_OR_ZLIB, source, max_bytes)
        except MalformedRecord:
            return _inflate(data, _RAW_DEFLATE, source, max_bytes)
    if encoding == "br":
        return _bounded(BrotliReader(io.BytesIO(data)).read, max_bytes, source, "br")
    raise MalformedRecord(source, f"unsupported Content-Encoding: {encoding}")


def _inflate(data: bytes, wbits: int, source: str, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as err:
        raise MalformedRecord(source, f"broken compressed payload: {err}") from err
    if len(out) > max_bytes:
        raise too_large(source, max_bytes, decompressed=True)
    if not inflater.eof:
        raise MalformedRecord(source, "truncated compressed payload")
    return out


def _bounded(read: Callable[[int], bytes], max_bytes: int, source: str, encoding: str) -> bytes:
    """What a decoding reader gives, but never more than a byte past the limit."""
    try:
        out = _read_upto(read, max_bytes + 1)
    except OSError as err:
        raise MalformedRecord(source, f"broken {encoding} payload: {err}") from err
    if len(out) > max_bytes:
        raise too_large(source, max_bytes, decompressed=True)
    return out


def _read_upto(read: Callable[[int], bytes], size: int) -> bytes:
    """Up to ``size`` bytes from ``read``, which may return fewer than asked before the end."""
    pieces: list[bytes] = []
    left = size
    while left > 0:
        piece = read(left)
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


def _article(
    payload: bytes, charset: str | None, source: str, url: str | None, crawled: datetime | None
) -> Article:
    return article_from_html(
        decode_declared(payload, charset, source), source, url=url, fallback_published=crawled
    )
