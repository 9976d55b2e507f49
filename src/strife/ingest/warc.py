"""Reading WARC and WARC.gz files (web archives, as Common Crawl and news crawlers write).

Only HTTP responses with status 2xx and an HTML content type are articles; requests,
metadata, redirects, images and the rest are skipped without a word. Each page is read
like an HTML file, with the record's target URL, and the record's date (the crawl
time) when the page itself carries no publication date. Its source is ``file@OFFSET``,
the byte offset of its record, as CDX indexes address records.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO, Final

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from strife.errors import InputTooLarge, MalformedRecord
from strife.ingest.decode import check_not_binary, decode_text, human_size
from strife.ingest.html import article_from_html
from strife.ingest.tabular import PendingArticle
from strife.records import Article

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})


def warc_entries(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[PendingArticle]:
    """One pending article per HTML response in a WARC stream (gzip or not)."""
    records = ArchiveIterator(
        stream,
        record_types=WarcRecordType.response,
        parse_http=True,
        auto_decode="all",
    )
    try:
        for record in records:
            pending = _page(record, name, max_bytes)
            if pending is not None:
                yield pending
    except OSError as err:
        raise MalformedRecord(name, f"broken WARC file: {err}") from err


def _page(record: WarcRecord, name: str, max_bytes: int) -> PendingArticle | None:
    if not _is_html_page(record):
        return None
    source = f"{name}@{record.stream_pos}"
    url = record.headers.get("WARC-Target-URI")
    if record.content_length > max_bytes:
        size = f"{human_size(max_bytes)} ({human_size(record.content_length)})"
        error = InputTooLarge(source, f"larger than {size}")
        return functools.partial(_refuse, error)
    payload = record.reader.read()
    return functools.partial(
        _article, payload, record.http_charset, source, url or None, record.record_date
    )


def _is_html_page(record: WarcRecord) -> bool:
    headers = record.http_headers
    if headers is None or not 200 <= (headers.status_code or 0) < 300:
        return False
    return (record.http_content_type or "").lower() in HTML_TYPES


def _article(
    payload: bytes, charset: str | None, source: str, url: str | None, crawled: datetime | None
) -> Article:
    return article_from_html(
        _decode(payload, charset, source), source, url=url, fallback_published=crawled
    )


def _decode(payload: bytes, charset: str | None, source: str) -> str:
    """The page's text in the charset its server named, else as a file is decoded."""
    if charset:
        check_not_binary(payload, source)
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(payload, source)


def _refuse(error: Exception) -> Article:
    raise error
