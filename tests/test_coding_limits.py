"""Hostile lengths and dates cost one article at most (issue 14, items 2 and 3).

A publication date outside 1800-2100 is dropped with one warning line, in every reader, and
the store can never fail on one; an article over the length limit is rejected alone before
parsing, a long one is parsed in pieces whose joined Doc keeps the article's offsets, and a
parser error fails one article, not its batch. The tests that code load the real model.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from strife.api import ApiSettings, create_app
from strife.api.database import Database
from strife.ingest import article_from_text
from strife.ingest.article import article_id
from strife.ingest.meta import publication_date
from strife.pipeline import CodedArticle, Coder, TextLimits
from strife.plausible_dates import is_plausible_moment, utc_day
from strife.records import Article, Rejection
from strife.runner import CodeOptions, run
from strife.store import Store
from strife.store.rows import to_utc

OVERFLOWING = "9999-12-31T23:59:59-14:00"
# Each of these tells of an event the coder finds: Armenia, Azerbaijan, a shelling, a day.
STORIES = (
    "Azerbaijani forces shelled the Armenian town of Goris on Monday, the Armenian defence "
    "ministry said.\n\nBaku denied the report.",
    "Russian forces shelled Kharkiv on Tuesday, killing three civilians, Ukraine's defence "
    "ministry said.\n\nMoscow denied the report.",
    "Police in Tbilisi detained dozens of protesters outside parliament on Wednesday, the "
    "Georgian interior ministry said.\n\nThe protesters said they would return.",
)
TOKEN = "correct-horse-battery-staple"


def _zone(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


# --- the date range: pure functions ----------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "plausible"),
    [
        (datetime(9999, 12, 31, 23, 59, 59, tzinfo=_zone(-14)), False),  # year 10000 in UTC
        (datetime(1, 1, 1, tzinfo=_zone(14)), False),  # year 0 in UTC
        (datetime(2100, 12, 31, 20, tzinfo=_zone(-5)), False),  # 2101 in UTC
        (datetime(1800, 1, 1, 0, 30, tzinfo=_zone(1)), False),  # 1799 in UTC
        (datetime(9999, 12, 31), False),
        (datetime(2100, 12, 31, 20, tzinfo=_zone(5)), True),
        (datetime(2023, 5, 14, 18, 5, tzinfo=_zone(2)), True),
        (datetime(1800, 1, 1), True),
    ],
)
def test_plausible_moments_are_judged_in_utc(moment: datetime, plausible: bool) -> None:
    assert is_plausible_moment(moment) is plausible


def test_the_utc_day_of_an_overflowing_moment_is_none() -> None:
    assert utc_day(datetime.fromisoformat(OVERFLOWING)) is None
    assert utc_day(datetime(2023, 1, 1, 1, tzinfo=_zone(2))) == date(2022, 12, 31)


def test_the_store_row_of_an_overflowing_date_is_no_date() -> None:
    assert to_utc(datetime.fromisoformat(OVERFLOWING)) == (None, None)
    assert to_utc(datetime(2023, 1, 1, 12, tzinfo=_zone(2))) == (datetime(2023, 1, 1, 10), 7200)


def test_the_first_plausible_date_wins_and_the_one_passed_over_is_named(
    caplog: pytest.LogCaptureFixture,
) -> None:
    good = datetime(2023, 5, 14, tzinfo=UTC)
    with caplog.at_level(logging.WARNING):
        chosen = publication_date("feed.xml#3", None, datetime.fromisoformat(OVERFLOWING), good)
    assert chosen is good
    assert [r.getMessage() for r in caplog.records] == [
        f"feed.xml#3: ignored the publication date {OVERFLOWING} (outside 1800-2100)"
    ]
    caplog.clear()
    assert publication_date("a.txt", good, datetime(9999, 1, 1)) is good
    assert caplog.records == []  # never reached, never named


def test_a_text_article_keeps_no_implausible_date(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        article = article_from_text(
            STORIES[0], "a.txt", published=datetime.fromisoformat(OVERFLOWING)
        )
    assert article.published is None
    assert len(caplog.records) == 1 and "a.txt" in caplog.records[0].getMessage()


# --- through the runner, the store and the API (real model) ----------------------------


@pytest.mark.slow
def test_a_bad_date_between_good_articles_loses_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lines = [
        {"text": STORIES[0], "published": "2023-05-15T08:00:00+04:00"},
        {"text": STORIES[1], "published": OVERFLOWING},
        {"text": STORIES[2], "published": "2023-03-08T12:00:00Z"},
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    with caplog.at_level(logging.WARNING):
        first = run(CodeOptions(paths=[str(batch)], db=db))
    assert (first.coded, first.rejected) == (3, 0)
    assert [r.getMessage() for r in caplog.records if "ignored" in r.getMessage()] == [
        f"{batch}:2: ignored the publication date {OVERFLOWING} (outside 1800-2100)"
    ]
    again = run(CodeOptions(paths=[str(batch)], db=db))
    assert (again.coded, again.rejected, again.already_stored) == (0, 0, 3)
    with Store.open(db, read_only=True) as store:
        stored = [store.article(article_id(story)) for story in STORIES]
        assert store.counts()["articles"] == 3
        events = store.events()
    assert [a is not None for a in stored] == [True, True, True]
    assert stored[1] is not None and stored[1].published is None
    assert stored[0] is not None and stored[0].published == datetime(
        2023, 5, 15, 8, tzinfo=_zone(4)
    )
    assert {e.article_id for e in events} == {article_id(story) for story in STORIES}


@pytest.mark.slow
def test_the_api_codes_the_good_article_of_a_post_with_a_bad_date(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "api.duckdb", writable=True)
    settings = ApiSettings(db=database.path, token=TOKEN)
    submission = {
        "articles": [
            {"text": STORIES[0], "published": OVERFLOWING},
            {"text": STORIES[1], "published": "2023-02-20T09:00:00+02:00"},
        ]
    }
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(settings, database)) as client:
        response = client.post("/api/articles", json=submission, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["stored"] == 2 and body["rejected"] == []
        shown = [client.get(f"/api/articles/{c['article_id']}").json() for c in body["coded"]]
    assert [article["published"] for article in shown] == [None, "2023-02-20T09:00:00+02:00"]


# --- lengths (real model) ---------------------------------------------------------------


@pytest.fixture(scope="module")
def coder() -> Coder:
    # Low limits keep the texts short: the same code paths as a 2-million-character article.
    return Coder.load(TextLimits(max_chars=5_000, piece_chars=1_000))


def _article(text: str, source: str) -> Article:
    return Article(id=article_id(text), text=text, source=source)


@pytest.mark.slow
def test_an_article_over_the_limit_is_rejected_alone_before_parsing(coder: Coder) -> None:
    too_long = " ".join([STORIES[0]] * 60)
    articles = [
        _article(STORIES[1], "one"),
        _article(too_long, "long"),
        _article(STORIES[2], "two"),
    ]
    results = list(coder.code(articles, batch_size=4))
    assert [type(result).__name__ for result in results] == [
        "CodedArticle",
        "Rejection",
        "CodedArticle",
    ]
    assert results[1] == Rejection(
        "long", f"too long: {len(too_long)} characters, the limit is 5000", articles[1].id
    )
    assert all(r.events for r in results if isinstance(r, CodedArticle))


@pytest.mark.slow
def test_a_parser_error_fails_its_article_not_its_batch(coder: Coder) -> None:
    # Longer than spaCy's max_length and parsed whole (pieces this large): spaCy raises.
    limits = TextLimits(max_chars=3_000_000, piece_chars=3_000_000)
    whole = Coder(coder.nlp, coder.actors, coder.geoparser, coder.events, limits)
    huge = "a" * (coder.nlp.max_length + 1)
    articles = [_article(STORIES[0], "one"), _article(huge, "huge"), _article(STORIES[1], "two")]
    results = list(whole.code(articles, batch_size=3))
    assert [type(result).__name__ for result in results] == [
        "CodedArticle",
        "Rejection",
        "CodedArticle",
    ]
    assert isinstance(results[1], Rejection) and results[1].source == "huge"
    assert results[1].reason.startswith("internal error while parsing (ValueError:")


def _long_text() -> str:
    """About 3,300 characters: the three stories again and again, in paragraphs and in one
    run-on line with no line break, so that pieces end at both kinds of boundary."""
    paragraphs = "\n\n".join(STORIES * 5)
    one_line = " ".join(" ".join(STORIES * 3).split())
    return paragraphs + "\n\n" + one_line


@pytest.mark.slow
def test_a_long_article_is_coded_in_pieces_with_its_offsets(coder: Coder) -> None:
    from strife.nlp import parse_text, split_pieces

    text = _long_text()
    assert len(split_pieces(text, coder.limits.piece_chars)) >= 4
    assert parse_text(coder.nlp, text, coder.limits.piece_chars).text == text
    article = _article(text, "long")
    (result,) = coder.code([article])
    assert isinstance(result, CodedArticle)
    events = result.events
    assert len(events) >= 3 * 8  # the stories of every piece, not just the first
    assert max(event.event_start for event in events) > len(text) * 3 // 4
    for event in events:
        assert text[event.event_start : event.event_end] == event.event_text
        assert text[event.text_info.start : event.text_info.end] == event.text
        for actor in (*event.actor, *event.recipient):
            assert text[actor.start : actor.end] == actor.entity_text
        if event.event_loc is not None:
            place = event.event_loc
            assert text[place.start : place.end] == place.extracted_place


def _pieces_cases() -> Iterator[tuple[str, int]]:
    yield _long_text(), 300
    yield "x" * 1_000, 64  # no whitespace at all: cut at the size
    yield "Short text.", 100
    yield "A.\n\n" * 200, 50


@pytest.mark.parametrize(("text", "size"), list(_pieces_cases()))
def test_pieces_join_back_into_the_text_and_end_at_boundaries(text: str, size: int) -> None:
    from strife.nlp import split_pieces

    pieces = split_pieces(text, size)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= size for piece in pieces)
    if any(c.isspace() for c in text):
        assert all(piece[-1].isspace() for piece in pieces[:-1])


def test_a_piece_ends_at_a_paragraph_before_a_sentence_and_a_sentence_before_a_word() -> None:
    from strife.nlp import split_pieces

    text = "One two three. Four five six.\n\nSeven eight nine. Ten eleven twelve thirteen."
    assert split_pieces(text, 40)[0] == "One two three. Four five six.\n\n"
    assert split_pieces(text[:30], 25)[0] == "One two three. "
    assert split_pieces("one two three four five", 12)[0] == "one two "


@pytest.mark.slow
def test_a_near_copy_of_a_too_long_article_is_coded_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The length limit is checked as the article is read, before deduplication: a refused
    # article never becomes the original that a shorter copy of it would be kept under.
    story = " ".join(STORIES)
    monkeypatch.setattr("strife.ingest.article.MAX_ARTICLE_CHARS", len(story) - 1)
    (tmp_path / "1-whole.txt").write_text(story, encoding="utf-8")
    (tmp_path / "2-cut.txt").write_text(story[: story.rindex(" ", 0, len(story) - 40)])
    summary = run(CodeOptions(paths=[str(tmp_path)], db=tmp_path / "store.duckdb"))
    assert [(r.source.endswith("1-whole.txt"), r.reason) for r in summary.rejections] == [
        (True, f"too long: {len(story)} characters, the limit is {len(story) - 1}")
    ]
    assert (summary.coded, summary.near_duplicates) == (1, 0)
