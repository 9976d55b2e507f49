"""RSS/Atom feeds and URL lists: entries' text offline, their pages with fetch.

The fetching tests serve pages from a local HTTP server (127.0.0.1 only), which the fetch
policy allows by name (``LOCAL``); the default policy refuses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from loopback import Site, serving, static
from strife.ingest import ReadOptions, read_inputs
from strife.ingest.fetch_policy import FetchPolicy
from strife.records import Article, Rejection

SUMMARY = (
    "Police arrested twelve protesters in Tbilisi on Tuesday after clashes outside parliament,"
    " witnesses said. Officers used tear gas to clear the square."
)
PAGE_TEXT = (
    "Police arrested twelve protesters in Tbilisi on Tuesday after clashes outside parliament,"
    " witnesses said. Officers used tear gas and water cannon to clear the square, and the"
    " interior ministry said four officers were injured in the clashes."
)


LOCAL = ReadOptions(fetch=FetchPolicy(allowed=frozenset({"127.0.0.1"})))


def _rss(link: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Caucasus Wire</title><link>https://wire.example</link>
<item><title>Protesters arrested</title><link>{link}</link>
<pubDate>Tue, 07 Mar 2023 18:00:00 GMT</pubDate>
<description>&lt;p&gt;{SUMMARY}&lt;/p&gt;</description></item>
<item><title>Empty entry</title><link>{link}/none</link></item>
</channel></rss>"""


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Protesters arrested</title><link href="https://wire.example/atom/1"/>
<updated>2023-03-07T18:00:00Z</updated>
<content type="html">&lt;p&gt;{SUMMARY}&lt;/p&gt;</content></entry></feed>"""


@pytest.fixture
def server() -> Iterator[Site]:
    with serving() as site:
        page = f"<html><body><article><p>{PAGE_TEXT}</p></article></body></html>"
        site.routes["/feed.rss"] = static(
            "application/rss+xml", _rss(f"{site.base}/story").encode()
        )
        site.routes["/story"] = static("text/html; charset=utf-8", page.encode())
        yield site


def test_feed_entries_are_coded_from_their_text_offline(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_rss("https://wire.example/story"), encoding="utf-8")

    first, second = read_inputs([str(feed)])

    assert isinstance(first, Article)
    assert first.text == SUMMARY
    assert (first.source, first.url, first.title) == (
        f"{feed}#1",
        "https://wire.example/story",
        "Protesters arrested",
    )
    assert first.publication == "Caucasus Wire"
    assert first.published == datetime(2023, 3, 7, 18, 0, tzinfo=UTC)
    assert isinstance(second, Rejection) and second.reason == "feed entry has no text"


def test_atom_feed_is_sniffed_from_an_xml_file(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(ATOM, encoding="utf-8")

    [entry] = read_inputs([str(feed)])

    assert isinstance(entry, Article) and entry.publication == "Atom Wire"
    assert entry.published == datetime(2023, 3, 7, 18, 0, tzinfo=UTC)


def test_a_file_that_is_no_feed_is_rejected(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text("<rss><channel><title>broken", encoding="utf-8")

    [result] = read_inputs([str(feed)])

    assert isinstance(result, Rejection) and result.source == str(feed)


def test_with_fetch_entries_are_followed_to_their_pages(server: Site, tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_rss(f"{server.base}/story"), encoding="utf-8")

    first, _ = read_inputs([str(feed)], options=LOCAL)

    assert isinstance(first, Article) and first.text == PAGE_TEXT
    assert first.url == f"{server.base}/story" and first.title == "Protesters arrested"


def test_a_page_that_cannot_be_fetched_falls_back_to_the_entry(
    server: Site, tmp_path: Path
) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_rss(f"{server.base}/missing"), encoding="utf-8")

    first, _ = read_inputs([str(feed)], options=LOCAL)

    assert isinstance(first, Article) and first.text == SUMMARY


def test_url_lists_and_urls_name_feeds_to_fetch(server: Site, tmp_path: Path) -> None:
    urls = tmp_path / "feeds.urls"
    urls.write_text(f"# wires\n{server.base}/feed.rss\n{server.base}/gone.rss\n", encoding="utf-8")

    results = list(read_inputs([str(urls), f"{server.base}/feed.rss"], options=LOCAL))

    kinds = [(r.source, type(r).__name__) for r in results]
    assert kinds == [
        (f"{server.base}/feed.rss#1", "Article"),
        (f"{server.base}/feed.rss#2", "Rejection"),
        (f"{server.base}/gone.rss", "Rejection"),
        (f"{server.base}/feed.rss#1", "Article"),
        (f"{server.base}/feed.rss#2", "Rejection"),
    ]
    assert isinstance(results[2], Rejection) and results[2].reason == "cannot be fetched"


def test_feed_urls_need_fetch(tmp_path: Path) -> None:
    urls = tmp_path / "feeds.urls"
    urls.write_text("https://wire.example/feed.rss\n", encoding="utf-8")

    [result] = read_inputs([str(urls)])

    assert isinstance(result, Rejection) and "--fetch" in result.reason


def test_by_default_entries_linking_to_internal_addresses_are_not_followed(
    server: Site, tmp_path: Path
) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_rss(f"{server.base}/story"), encoding="utf-8")
    urls = tmp_path / "feeds.urls"
    urls.write_text(f"{server.base}/feed.rss\n", encoding="utf-8")

    first, _, listed = read_inputs([str(feed), str(urls)], options=ReadOptions(fetch=FetchPolicy()))

    assert isinstance(first, Article) and first.text == SUMMARY  # the entry's own text
    assert isinstance(listed, Rejection) and listed.reason == "cannot be fetched"
    assert server.seen == []


def test_allow_private_follows_them(server: Site, tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_rss(f"{server.base}/story"), encoding="utf-8")

    first, _ = read_inputs([str(feed)], options=ReadOptions(fetch=FetchPolicy(allow_private=True)))

    assert isinstance(first, Article) and first.text == PAGE_TEXT
    assert server.seen == ["/story", "/story/none"]
