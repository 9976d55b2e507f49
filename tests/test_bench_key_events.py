"""bench/key_events.py and strife.evaluate.expected: key events of an article, matched
field by field against the coded ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from key_events import coded_by_id, score
from strife.evaluate.expected import failed_checks, load_expected, matches


def expected(**overrides: Any) -> dict[str, Any]:
    event = {
        "event": "ASSAULT", "mode": None, "actor": ["RUS"], "actor_sector": None,
        "recipient": ["UKR"], "date": "2024-05-02", "place": "Kharkiv",
        "asserted_by": None, "denied_by": None, "aux": None,
        "sentence_contains": "shelled Kharkiv", "hard": False,
    }  # fmt: skip
    return {**event, **overrides}


def coded(**overrides: Any) -> dict[str, Any]:
    event = {
        "event": "ASSAULT", "mode": "heavy-weapons", "aux": None, "date": "2024-05-02",
        "text": "Russian troops shelled Kharkiv on Thursday.",
        "actor": [{"code": "RUS", "sector": "MIL"}], "recipient": [{"code": "UKR"}],
        "event_loc": {"extracted_place": "Kharkiv", "resolved_place": "Kharkiv"},
        "claims": [], "size": {"dead": None, "injured": None, "arrested": None},
    }  # fmt: skip
    return {**event, **overrides}


def test_an_event_matches_on_every_field_the_expectation_sets() -> None:
    assert matches(expected(), coded())
    assert failed_checks(expected(), coded(date="2024-05-01")) == ["date"]
    assert failed_checks(expected(place="Kyiv"), coded()) == ["place"]
    assert failed_checks(expected(actor_sector="GOV"), coded()) == ["actor_sector"]
    assert failed_checks(expected(size={"dead": 3}), coded()) == ["size.dead"]
    claims = [{"stance": "asserts", "code": "UKR"}]
    assert matches(expected(asserted_by="UKR"), coded(claims=claims))
    assert failed_checks(expected(denied_by="RUS"), coded(claims=claims)) == ["denied_by"]
    assert failed_checks(expected(), coded(event="COERCE", recipient=[])) == [
        "event",
        "recipient",
    ]


def test_the_report_counts_found_events_and_names_what_a_miss_gets_wrong() -> None:
    keys = [
        ("a", expected()),
        ("a", expected(event="PROTEST", sentence_contains="marched", hard=True)),
        ("b", expected(date="2024-05-01")),
    ]
    report = score(keys, {"a": [coded()], "b": [coded()]})
    assert (report["found"], report["key_events"], report["share"]) == (1, 3, 0.333)
    assert (report["not_hard_found"], report["not_hard"]) == (1, 2)
    assert report["fails_only_on"] == {"sentence": 1, "date": 1}
    miss = report["misses"][1]
    assert (miss["article"], miss["failed"]) == ("b", ["date"])
    assert miss["nearest"]["date"] == "2024-05-02"


def test_expectations_load_from_one_article_or_many_by_id(tmp_path: Path) -> None:
    one = tmp_path / "kharkiv.json"
    one.write_text(json.dumps({"published": "2024-05-02", "events": [expected()]}))
    assert [key for key, _ in load_expected(one)] == ["kharkiv"]
    many = tmp_path / "batch.json"
    batch = {"x": {"published": "2024-05-02", "events": [expected(), expected()]}}
    many.write_text(json.dumps(batch))
    assert [key for key, _ in load_expected(many)] == ["x", "x"]


@pytest.mark.slow
def test_articles_are_coded_and_keyed_by_their_id(tmp_path: Path) -> None:
    """The real pipeline: a written wire lede, its key event found by its id."""
    text = (
        "KHARKIV, May 2 (Test Wire) - Russian troops shelled Kharkiv on Thursday, "
        "killing three civilians, Ukrainian officials said."
    )
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "k1", "published": "2024-05-02", "text": text}) + "\n")
    key = expected(size={"dead": 3}, sentence_contains="troops shelled Kharkiv")
    report = score([("k1", key)], coded_by_id(articles))
    assert report["found"] == 1, report["misses"]
