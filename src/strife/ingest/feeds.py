"""Reading RSS and Atom feeds, and lists of feed URLs.

A feed file (``.rss``, ``.atom``, or XML that is a feed) gives one article per entry, with
the entry's link, title and date and the feed's title as the outlet. The text is the
entry's own (its content, else its summary) unless ``fetch`` (a fetch policy) is set: then
the entry's page is fetched within that policy and read like an HTML file, and the entry's
text is used only when the page cannot be fetched or holds no article. A URL list
(``.urls``: one feed URL a line, ``#`` comments) or a URL on the command line names feeds
to fetch, which needs ``fetch``.
An entry's source is ``FEED#N``, its position in the feed.
"""

from __future__ import annotations

import calendar
import functools
import html
import logging
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Final

import feedparser

from strife.errors import EmptyInput, InputError, MalformedRecord, UnreadableInput
from strife.ingest.decode import decode_line
from strife.ingest.fetch import fetch, fetch_page
from strife.ingest.fetch_policy import FetchPolicy
from strife.ingest.html import article_from_html
from strife.ingest.options import ReadOptions
from strife.ingest.tabular import PendingArticle, refusal
from strife.ingest.text import article_from_text
from strife.records import Article

log = logging.getLogger(__name__)

# Block tags after which a paragraph ends, so that entry HTML keeps its paragraphs.
_BLOCK_END: Final = re.compile(r"(?i)(</(?:p|div|li|h[1-6]|blockquote)>|<br\s*/?>)")
_TAG: Final = re.compile(r"<[^>]*>")


def feed_entries(data: bytes, name: str, options: ReadOptions) -> Iterator[PendingArticle]:
    """One pending article per entry of the feed in ``data``."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise MalformedRecord(name, f"not a readable feed: {parsed.get('bozo_exception')}")
        raise EmptyInput(name, "empty feed (no entries)")
    publication = _text(parsed.feed, "title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield functools.partial(_entry_article, entry, f"{name}#{number}", publication, options)


def url_list_entries(data: bytes, name: str, options: ReadOptions) -> Iterator[PendingArticle]:
    """The entries of every feed a URL list names (one URL a line)."""
    urls = [line for line in (decode_line(raw).strip() for raw in data.splitlines()) if line]
    yield from feed_url_entries([url for url in urls if not url.startswith("#")], name, options)


def feed_url_entries(urls: list[str], name: str, options: ReadOptions) -> Iterator[PendingArticle]:
    """The entries of the feeds at ``urls``; a feed that cannot be fetched is rejected."""
    if options.fetch is None:
        raise UnreadableInput(name, "feed URLs are read only with --fetch (network access)")
    for url in urls:
        try:
            data = fetch(url, url, options.fetch)
            yield from feed_entries(data, url, options)
        except InputError as err:
            yield refusal(err)


def _entry_article(
    entry: Mapping[str, Any], source: str, publication: str | None, options: ReadOptions
) -> Article:
    link, title, published = _text(entry, "link"), _text(entry, "title"), _entry_date(entry)
    if options.fetch is not None and link:
        page = _page(link, source, options.fetch)
        if page is not None:
            try:
                return article_from_html(
                    page,
                    source,
                    url=link,
                    title=title,
                    publication=publication,
                    published=published,
                )
            except EmptyInput:
                log.debug("no article in %s; using the feed entry's text", link)
    body = _entry_text(entry)
    if not body:
        raise EmptyInput(source, "feed entry has no text")
    return article_from_text(
        body, source, url=link, title=title, publication=publication, published=published
    )


def _page(link: str, source: str, policy: FetchPolicy) -> str | None:
    try:
        return fetch_page(link, source, policy).text
    except InputError as err:
        log.debug("%s; using the feed entry's text", err)
        return None


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's content (else summary) as plain text, one paragraph a block."""
    contents = entry.get("content") or []
    value = contents[0].get("value") if contents else entry.get("summary")
    if not isinstance(value, str) or not value.strip():
        return ""
    with_breaks = _BLOCK_END.sub(r"\1\n\n", value)
    return html.unescape(_TAG.sub("", with_breaks))


def _entry_date(entry: Mapping[str, Any]) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed is not None:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return None


def _text(mapping: Mapping[str, Any], key: str) -> str | None:
    value = mapping.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None
