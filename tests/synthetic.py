"""The bench's synthetic WARC generator, for tests: small WARCs and pages built from the
templates in ``bench/synthetic_warc.py`` (text written by the project)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from synthetic_warc import (  # noqa: E402
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
