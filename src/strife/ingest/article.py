"""The last step of every reader: checking the cleaned text and building the Article."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Final

from strife.errors import EmptyInput, InputTooLarge, NotEnglish
from strife.ingest.language import UNDETERMINED, default_detector
from strife.ingest.meta import publication_date
from strife.records import Article

ID_HEX_CHARS: Final = 16
# A longer article is refused here, before deduplication and parsing. Coding 484,000
# characters of news took 47 s (97 s on a busy 2-core machine) and 463 MB at peak, the
# model included; 968,000 took over three minutes. No news article comes near the limit.
MAX_ARTICLE_CHARS: Final = 500_000


def too_long(text: str, limit: int | None = None) -> str | None:
    """Why ``text`` is too long to code (over ``limit``, else ``MAX_ARTICLE_CHARS``), or None."""
    limit = MAX_ARTICLE_CHARS if limit is None else limit
    if len(text) <= limit:
        return None
    return f"too long: {len(text)} characters, the limit is {limit}"


def article_id(text: str) -> str:
    """The content hash that identifies an article: the same story scraped twice, or with
    different spacing and line breaks, gets the same id."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def finish_article(
    text: str,
    source: str,
    *,
    url: str | None = None,
    title: str | None = None,
    publication: str | None = None,
    published: datetime | None = None,
) -> Article:
    """Build the Article for cleaned ``text``, refusing it if it is empty, too long to code
    or not English. Refused here, a long article never becomes the original that a near
    copy of it is kept as (its copies would be lost with it).

    A publication date outside the plausible range is dropped with a warning line.
    """
    if not text.strip():
        raise EmptyInput(source, "empty after removing site boilerplate")
    if (reason := too_long(text)) is not None:
        raise InputTooLarge(source, reason)
    language = default_detector().detect(text)
    if language == UNDETERMINED:
        raise NotEnglish(source, "not English (language not recognised)")
    if language != "en":
        raise NotEnglish(source, f"not English (detected: {language})")
    return Article(
        id=article_id(text),
        text=text,
        source=source,
        url=url,
        title=title,
        publication=publication,
        published=publication_date(source, published),
        lang=language,
    )
