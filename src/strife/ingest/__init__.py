"""The ingest stage: inputs in, cleaned :class:`~strife.records.Article` records out.

Each reader turns one format into Articles; anything that cannot be coded becomes a
:class:`~strife.records.Rejection` naming the input and the reason, and the batch goes on.

The names below are imported on first use: a coding worker process imports
``strife.ingest.article`` (through :mod:`strife.nlp`) and nothing else of this package, and
the readers' libraries (trafilatura, httpx, the feed and archive parsers) take a fifth of a
second to import, once per worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strife.lazy import lazy_names

if TYPE_CHECKING:
    from strife.ingest.article import article_id
    from strife.ingest.html import article_from_html
    from strife.ingest.inputs import DEFAULT_MAX_BYTES, read_inputs
    from strife.ingest.language import detect_language
    from strife.ingest.options import MAPPABLE_FIELDS, ReadOptions
    from strife.ingest.progress import ReadProgress
    from strife.ingest.text import article_from_text

_HOMES = {
    "DEFAULT_MAX_BYTES": "inputs",
    "MAPPABLE_FIELDS": "options",
    "ReadOptions": "options",
    "ReadProgress": "progress",
    "article_from_html": "html",
    "article_from_text": "text",
    "article_id": "article",
    "detect_language": "language",
    "read_inputs": "inputs",
}

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

__getattr__ = lazy_names(__name__, _HOMES)
