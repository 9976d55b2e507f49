"""The ingest stage: inputs in, cleaned :class:`~strife.records.Article` records out.

Each reader turns one format into Articles; anything that cannot be coded becomes a
:class:`~strife.records.Rejection` naming the input and the reason, and the batch goes on.
"""

from __future__ import annotations

from strife.ingest.article import article_id
from strife.ingest.html import article_from_html
from strife.ingest.inputs import DEFAULT_MAX_BYTES, read_inputs
from strife.ingest.language import detect_language
from strife.ingest.options import MAPPABLE_FIELDS, ReadOptions
from strife.ingest.progress import ReadProgress
from strife.ingest.text import article_from_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAPPABLE_FIELDS",
    "ReadOptions",
    "ReadProgress",
    "article_from_html",
    "article_from_text",
    "article_id",
    "detect_language",
    "read_inputs",
]
