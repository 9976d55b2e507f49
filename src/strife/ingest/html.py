"""Reading HTML pages: trafilatura finds the article, its title, site name and date."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Final

import trafilatura
from trafilatura.utils import load_html

from strife.errors import EmptyInput
from strife.ingest.article import finish_article
from strife.ingest.meta import parse_published_value, publication_date
from strife.ingest.text import clean_article_text
from strife.plausible_dates import is_plausible_moment
from strife.records import Article

_log = logging.getLogger(__name__)

# The meta tags that carry the full publication time; trafilatura keeps only the day.
_PUBLISHED_META: Final = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@name="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="pubdate"]/@content',
    '//meta[@name="date"]/@content',
    "//time[@datetime][1]/@datetime",
)


def article_from_html(
    html: str,
    source: str,
    *,
    url: str | None = None,
    title: str | None = None,
    publication: str | None = None,
    published: datetime | None = None,
    fallback_published: datetime | None = None,
) -> Article:
    """The Article in an HTML page. What the caller gives wins over the page's metadata;
    ``fallback_published`` (a crawl time) is used only when the page gives no date.

    Raises EmptyInput when no article text is found, NotEnglish when it is not English.
    """
    tree = load_html(html) if html.strip() else None
    if tree is None:
        raise EmptyInput(source, "empty (no HTML content)")
    meta_published = _published_from_meta(tree)
    document = _extract(tree, url)
    if document is None or not (document.text or "").strip():
        raise EmptyInput(source, "empty after removing site boilerplate")
    # trafilatura puts one paragraph per line; blank lines keep them from being taken
    # for a hard-wrapped paragraph.
    cleaned = clean_article_text(document.text.replace("\n", "\n\n"))
    return finish_article(
        cleaned.text,
        source,
        url=url or document.url,
        title=title or document.title or cleaned.title,
        publication=publication or document.sitename or cleaned.publication,
        published=publication_date(
            source,
            published,
            meta_published,
            parse_published_value(document.date),
            cleaned.published,
            fallback_published,
        ),
    )


def _published_from_meta(tree: Any) -> datetime | None:
    """The first plausible date of the meta tags, else the first date they give (which
    :func:`publication_date` names and drops)."""
    implausible: datetime | None = None
    for query in _PUBLISHED_META:
        for value in tree.xpath(query):
            moment = parse_published_value(str(value))
            if moment is not None and is_plausible_moment(moment):
                return moment
            implausible = implausible or moment
    return implausible


def _extract(tree: Any, url: str | None) -> Any:
    # trafilatura and htmldate run untrusted markup through lxml, which fails on broken
    # trees with unrelated exception types (even AssertionError from lxml's drop_tree);
    # any of them means "no article here", and the batch must go on.
    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Fast, reproducible date search: no guessing from the page's free text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:
        _log.debug("trafilatura could not extract %s", url or "a page", exc_info=True)
        return None
