"""HTML ingest through trafilatura, on pages written for these tests."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from strife.errors import EmptyInput, NotEnglish
from strife.ingest import article_from_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Clashes near the river leave two soldiers wounded - Northern Gazette</title>
<meta property="og:site_name" content="Northern Gazette">
<meta property="article:published_time" content="2021-03-04T09:15:00+02:00">
<link rel="canonical" href="https://gazette.example/world/clashes-river">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="banner">Subscribe now and get unlimited access</div>
<article>
<h1>Clashes near the river leave two soldiers wounded</h1>
<p>Two soldiers were wounded on Wednesday when rival forces exchanged fire near the river
crossing, the regional defence office said in a statement.</p>
<p>The office said the shooting lasted about an hour and that the crossing had been closed
to traffic while engineers checked the bridge for damage.</p>
<h2>Talks postponed</h2>
<p>Negotiators from both sides had been due to meet in the capital on Thursday, but the
meeting was postponed after the clashes, officials said.</p>
<p>Share this article</p>
<p>Advertisement</p>
</article>
<footer>© 2021 Northern Gazette. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_article_and_metadata_from_page() -> None:
    article = article_from_html(PAGE, "page.html")
    assert article.title == "Clashes near the river leave two soldiers wounded"
    assert article.publication == "Northern Gazette"
    assert article.published == datetime(2021, 3, 4, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    assert article.url == "https://gazette.example/world/clashes-river"
    assert article.source == "page.html"


def test_body_is_paragraphs_without_furniture() -> None:
    text = article_from_html(PAGE, "page.html").text
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("Two soldiers were wounded on Wednesday")
    # Line breaks inside a <p> are layout, not paragraph breaks.
    assert paragraphs[0].endswith("said in a statement.")
    assert "Talks postponed" in paragraphs
    assert paragraphs[-1].endswith("officials said.")
    for furniture in ("Share this", "Advertisement", "All rights reserved", "Subscribe", "Home"):
        assert furniture not in text


def test_caller_metadata_wins_over_page_metadata() -> None:
    article = article_from_html(
        PAGE, "page.html", url="https://mirror.example/a", title="Given", publication="Wire"
    )
    assert (article.url, article.title, article.publication) == (
        "https://mirror.example/a",
        "Given",
        "Wire",
    )


def test_same_story_with_another_menu_gets_the_same_id() -> None:
    first = article_from_html(PAGE, "a.html")
    second = article_from_html(PAGE.replace("<nav>", "<nav><a href='/x'>Extra</a> | "), "b.html")
    assert first.id == second.id


def test_page_without_article_text_is_empty() -> None:
    with pytest.raises(EmptyInput):
        article_from_html("<html><head><title>x</title></head><body></body></html>", "e.html")
    with pytest.raises(EmptyInput):
        article_from_html("   ", "blank.html")


def test_french_page_is_refused() -> None:
    page = (
        "<html><body><article><p>Le gouvernement a annoncé samedi que les négociations avec "
        "les rebelles seraient suspendues jusqu'à nouvel ordre, selon un communiqué publié par "
        "le ministère de la défense dans la capitale du pays.</p><p>Les deux camps se sont "
        "accusés mutuellement d'avoir violé le cessez-le-feu pendant la nuit.</p></article>"
        "</body></html>"
    )
    with pytest.raises(NotEnglish, match="fr"):
        article_from_html(page, "fr.html")


def test_an_overflowing_meta_date_is_dropped_with_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Year 10000 once converted to UTC: it used to fail the store write of the whole batch.
    page = PAGE.replace("2021-03-04T09:15:00+02:00", "9999-12-31T23:59:59-14:00")
    with caplog.at_level(logging.WARNING):
        article = article_from_html(page, "page.html")
    assert article.published is None
    assert article.title == "Clashes near the river leave two soldiers wounded"
    assert [record.getMessage() for record in caplog.records] == [
        "page.html: ignored the publication date 9999-12-31T23:59:59-14:00 (outside 1800-2100)"
    ]


def test_a_plausible_date_after_an_implausible_meta_is_used() -> None:
    page = PAGE.replace(
        '<meta property="article:published_time" content="2021-03-04T09:15:00+02:00">',
        '<meta property="article:published_time" content="2150-01-01T00:00:00Z">'
        '<meta itemprop="datePublished" content="2021-03-04T09:15:00+02:00">',
    )
    article = article_from_html(page, "page.html")
    assert article.published == datetime(2021, 3, 4, 9, 15, tzinfo=timezone(timedelta(hours=2)))
