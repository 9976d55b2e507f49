"""The bench's synthetic WARC generator, for tests: small WARCs and pages built from the
templates in ``bench/synthetic_warc.py`` (text written by the project)."""

from __future__ import annotations

from synthetic_warc import (
    Page,
    make_pages,
    page_html,
    response_record,
    store_snapshot,
    warc_record,
    write_warc,
)

__all__ = [
    "Page",
    "make_pages",
    "page_html",
    "response_record",
    "store_snapshot",
    "warc_record",
    "write_warc",
]
