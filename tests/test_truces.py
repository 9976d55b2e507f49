"""Truce records from hand-built articles and events: mentions, merging, links, violations,
status, the store's upkeep and the command."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from factories import make_article, make_event, make_place
from strife.cli import app
from strife.records import ActorRef, Article, Claim, Event, TextInfo
from strife.store import Store
from strife.truces.build import build_truces
from strife.truces.codec import mention_from_dict, mention_to_dict, truce_from_dict, truce_to_dict
from strife.truces.mentions import find_mentions, sentences
from strife.truces.model import Truce, TruceMention
from strife.truces.moments import clock, when_after

runner = CliRunner()


def _article(text: str, day: date) -> Article:
    return make_article(text=text, published=datetime(day.year, day.month, day.day, 12))


def _ref(text: str, words: str, code: str, name: str | None = None) -> ActorRef:
    start = text.index(words)
    return ActorRef(words, code, "GOV", name or words, start, start + len(words))


def _event(
    article: Article,
    kind: str,
    trigger: str,
    actors: list[tuple[str, str]],
    recipients: list[tuple[str, str]] = (),  # type: ignore[assignment]
    *,
    day: date | None = None,
    seq: int = 0,
    claims: tuple[Claim, ...] = (),
    place: Any = None,
) -> Event:
    text = article.text
    start = text.index(trigger)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1 or len(text)
    return make_event(
        id=f"{article.id}-{seq}",
        article_id=article.id,
        event=kind,
        date=day or (article.published.date() if article.published else None),
        date_source="published",
        actor=tuple(_ref(text, words, code) for words, code in actors),
        recipient=tuple(_ref(text, words, code) for words, code in recipients),
        event_text=trigger,
        event_start=start,
        event_end=start + len(trigger),
        text=text[sentence_start:sentence_end],
        text_info=TextInfo(seq, sentence_start, sentence_end),
        claims=claims,
        contested=any(c.stance == "denies" for c in claims),
        event_loc=place,
        aux=None,
    )


MOSCOW = (
    "Armenia and Azerbaijan agreed on Saturday to a humanitarian ceasefire after talks "
    "brokered by Russia. The truce will take effect at noon on Saturday, the ministers said."
)
SHELLING = "Azerbaijani forces shelled Martuni on Sunday in violation of the ceasefire."
GENEVA = (
    "Armenia and Azerbaijan agreed in Geneva on Friday not to target civilians. "
    "Russia brokered two ceasefires earlier this month, but both collapsed."
)


def _moscow() -> tuple[Article, list[Event]]:
    article = _article(MOSCOW, date(2020, 10, 10))
    agree = _event(article, "AGREE", "agreed", [("Armenia", "ARM"), ("Azerbaijan", "AZE")], seq=0)
    return article, [agree]


def _shelling(claims: tuple[Claim, ...] = ()) -> tuple[Article, list[Event]]:
    article = _article(SHELLING, date(2020, 10, 11))
    assault = _event(
        article,
        "ASSAULT",
        "shelled",
        [("Azerbaijani forces", "AZE")],
        [("Martuni", "ARM")],
        day=date(2020, 10, 11),
        claims=claims,
    )
    return article, [assault]


def _geneva() -> tuple[Article, list[Event]]:
    article = _article(GENEVA, date(2020, 10, 30))
    agree = _event(article, "AGREE", "agreed", [("Armenia", "ARM"), ("Azerbaijan", "AZE")])
    return article, [agree]


def _mentions(*coded: tuple[Article, list[Event]]) -> list[TruceMention]:
    return [m for article, events in coded for m in find_mentions(article, events)]


# --- moments -------------------------------------------------------------------------------


def test_clock_reads_the_usual_ways_of_saying_a_time() -> None:
    assert clock("midnight") == "00:00"
    assert clock("noon") == "12:00"
    assert clock("8 a.m.") == "08:00"
    assert clock("6 pm") == "18:00"
    assert clock("12:00") == "12:00"
    assert clock("0800 GMT") == "08:00"
    assert clock("25:00") is None


@pytest.mark.parametrize(
    ("lead", "rest", "expected"),
    [
        ("will take effect at", " 8 a.m. local time on Monday", (date(2020, 10, 26), "08:00")),
        ("from", " midnight on 18 October", (date(2020, 10, 18), "00:00")),
        ("from", " midnight", (date(2020, 10, 26), "00:00")),
        ("took effect", " on Saturday", (date(2020, 10, 24), None)),
        ("began at", " midnight", (date(2020, 10, 25), "00:00")),
    ],
)
def test_when_after_a_start_word(lead: str, rest: str, expected: tuple[date, str | None]) -> None:
    sunday = date(2020, 10, 25)
    when = when_after(lead + rest, len(lead), sunday, sunday)
    assert when is not None
    assert (when.day, when.time) == expected


def test_sentences_do_not_break_after_initials() -> None:
    text = "The U.S. State Department said so. It was the third truce."
    assert [text[s:e] for s, e in sentences(text)] == [
        "The U.S. State Department said so.",
        "It was the third truce.",
    ]


# --- mentions --------------------------------------------------------------------------------


def test_an_announced_truce_with_its_day_start_mediator_and_parties() -> None:
    [first, second] = _mentions(_moscow())
    assert first.kind == "humanitarian ceasefire"
    assert first.agreed_on is not None and first.agreed_on.date == date(2020, 10, 10)
    assert first.agreed_on.evidence.text == "on Saturday"
    assert {p.code for p in first.parties} == {"ARM", "AZE"}
    assert [(p.code, p.name) for p in first.mediators] == [("RUS", "Russia")]
    assert first.fresh and not first.reference
    assert second.starts is not None
    assert (second.starts.date, second.starts.time) == (date(2020, 10, 10), "12:00")
    assert MOSCOW[second.starts.evidence.start : second.starts.evidence.end].startswith(
        "take effect at noon"
    )


def test_a_call_for_a_truce_is_not_a_truce() -> None:
    text = "The United Nations called for a ceasefire between Armenia and Azerbaijan."
    article = _article(text, date(2020, 10, 5))
    events = [
        _event(article, "REQUEST", "called", [("United Nations", "UNO")], [("Armenia", "ARM")]),
    ]
    assert find_mentions(article, events) == []


def test_earlier_truces_counted_with_their_mediator_and_collapse() -> None:
    mentions = _mentions(_geneva())
    geneva = next(m for m in mentions if m.kind == "other")
    earlier = next(m for m in mentions if m.earlier)
    assert geneva.agreed_on is not None and geneva.agreed_on.date == date(2020, 10, 30)
    assert earlier.count == 2
    assert [p.code for p in earlier.mediators] == ["RUS"]
    assert earlier.collapse is not None and earlier.collapse.text == "collapsed"
    assert {p.code for p in earlier.parties} == {"ARM", "AZE"}


def test_terms_are_quoted_with_their_offsets() -> None:
    text = (
        "Armenia and Azerbaijan agreed a ceasefire on Friday. The two sides pledged not to "
        "target civilians and to exchange prisoners and bodies."
    )
    article = _article(text, date(2020, 10, 30))
    events = [_event(article, "AGREE", "agreed", [("Armenia", "ARM"), ("Azerbaijan", "AZE")])]
    terms = [t for mention in find_mentions(article, events) for t in mention.terms]
    assert [t.text for t in terms] == [
        "not to target civilians",
        "to exchange prisoners and bodies",
    ]
    for term in terms:
        assert text[term.evidence.start : term.evidence.end] == term.text


def test_mention_and_truce_records_survive_json() -> None:
    mentions = _mentions(_moscow(), _shelling(), _geneva())
    for mention in mentions:
        assert mention_from_dict(json.loads(json.dumps(mention_to_dict(mention)))) == mention
    events = [e for _, evs in (_moscow(), _shelling(), _geneva()) for e in evs]
    for truce in build_truces(mentions, events):
        assert truce_from_dict(json.loads(json.dumps(truce_to_dict(truce)))) == truce


# --- building ---------------------------------------------------------------------------------


def _build(*coded: tuple[Article, list[Event]]) -> list[Truce]:
    events = [e for _, evs in coded for e in evs]
    return build_truces(_mentions(*coded), events)


def test_one_truce_per_agreement_with_violations_and_status() -> None:
    truces = _build(_moscow(), _shelling())
    assert len(truces) == 1
    [truce] = truces
    assert truce.agreed_on is not None and truce.agreed_on.date == date(2020, 10, 10)
    assert [(v.accused, v.explicit) for v in truce.violations] == [("AZE", True)]
    assert [c.status for c in truce.status_history] == ["announced", "in force", "violated"]
    assert truce.status == "violated"
    assert len(truce.articles) == 2


def test_counted_earlier_truces_link_to_known_ones_or_become_undated_records() -> None:
    alone = _build(_geneva())
    undated = [t for t in alone if t.agreed_on is None]
    assert len(undated) == 2
    assert all(t.status == "superseded" for t in undated)
    geneva = next(t for t in alone if t.agreed_on is not None)
    assert geneva.superseded_by is None
    assert {t.superseded_by for t in undated} <= {geneva.id} | {t.id for t in undated}
    # With the Moscow report in, one of the two is that truce, dated.
    together = _build(_moscow(), _shelling(), _geneva())
    assert len(together) == 3
    moscow = next(t for t in together if t.agreed_on and t.agreed_on.date == date(2020, 10, 10))
    assert moscow.status == "superseded"
    assert any(e.text == "ceasefires" for e in moscow.evidence)


def test_fighting_before_a_truce_or_by_outsiders_is_no_violation() -> None:
    article = _article(
        "Turkish drones struck Martuni on Friday. Azerbaijani forces shelled Hadrut on Friday.",
        date(2020, 10, 9),
    )
    events = [
        _event(article, "ASSAULT", "struck", [("Turkish drones", "TUR")], [("Martuni", "ARM")]),
        _event(
            article,
            "ASSAULT",
            "shelled",
            [("Azerbaijani forces", "AZE")],
            [("Hadrut", "ARM")],
            seq=1,
        ),
    ]
    [truce] = _build(_moscow(), (article, events))
    assert truce.violations == ()


def test_a_new_truce_between_the_same_parties_supersedes_the_last() -> None:
    text = "Armenia and Azerbaijan agreed on 17 October to a new humanitarian truce."
    article = _article(text, date(2020, 10, 17))
    events = [_event(article, "AGREE", "agreed", [("Armenia", "ARM"), ("Azerbaijan", "AZE")])]
    first, second = _build(_moscow(), (article, events))
    assert first.superseded_by == second.id
    assert first.status_history[-1].status == "superseded"
    assert first.status_history[-1].date == date(2020, 10, 17)
    assert second.status == "announced"


# --- the store --------------------------------------------------------------------------------


def _save(store: Store, *coded: tuple[Article, list[Event]]) -> None:
    store.save_many([(article, events) for article, events in coded])


def test_the_store_keeps_truces_in_step_with_its_articles() -> None:
    with Store.open(":memory:") as store:
        _save(store, _moscow())
        [truce] = store.truces()
        assert truce.violations == ()
        _save(store, _shelling())
        [truce] = store.truces()
        assert len(truce.violations) == 1
        assert store.truce(truce.id) == truce
        # Coding an article again replaces its mentions: nothing doubles.
        _save(store, _moscow(), _shelling())
        assert [t.id for t in store.truces()] == [truce.id]
        assert store.truce("nope") is None


def test_an_unrelated_war_is_not_rebuilt() -> None:
    with Store.open(":memory:") as store:
        _save(store, _moscow())
        [before] = store.truces()
        text = "Sudan and South Sudan agreed on Monday to a ceasefire in Abyei."
        article = _article(text, date(2020, 11, 2))
        events = [_event(article, "AGREE", "agreed", [("Sudan", "SDN"), ("South Sudan", "SSD")])]
        _save(store, (article, events))
        truces = store.truces()
        assert len(truces) == 2
        assert before in truces
        assert [t.id for t in store.truces(country="SSD")] == [
            t.id for t in truces if "SSD" in t.conflict
        ]
        assert store.truces(since=date(2020, 11, 1)) == truces  # the first is still on
        assert store.truces(until=date(2020, 10, 31)) == [before]


def test_a_version_2_store_gets_its_truces_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        _save(store, _moscow(), _shelling())
    conn = duckdb.connect(str(path))
    for table in ("truces", "truce_mentions", "article_bands"):  # what version 3 added
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    with Store.open(path, read_only=True) as store:
        [truce] = store.truces()
        assert len(truce.violations) == 1


def test_the_truces_command_prints_each_format(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store.open(db) as store:
        _save(store, _moscow(), _shelling())
    done = runner.invoke(app, ["truces", "--db", str(db), "--format", "jsonl"])
    assert done.exit_code == 0, done.output
    [record] = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["agreed_on"] == "2020-10-10"
    assert record["starts"] == "2020-10-10T12:00"
    assert [p["code"] for p in record["parties"]] == ["ARM", "AZE"]
    assert [v["accused"] for v in record["violations"]] == ["AZE"]
    done = runner.invoke(app, ["truces", "--db", str(db), "--format", "csv"])
    assert done.exit_code == 0
    header, row = done.stdout.splitlines()
    assert header.startswith("id,kind,agreed_on,starts")
    assert ",violated," in row and "AZE:1" in row
    done = runner.invoke(app, ["truces", "--db", str(db)])
    assert "Russia" in done.stdout and "AZE: 1" in done.stdout
    done = runner.invoke(app, ["truces", "--db", str(db), "--country", "FRA", "-f", "jsonl"])
    assert done.stdout == ""
    done = runner.invoke(app, ["truces", "--db", str(db), "--since", "yesterday"])
    assert done.exit_code == 2


def test_place_of_violation_is_kept() -> None:
    article, [assault] = _shelling()
    placed = dataclasses.replace(assault, event_loc=make_place(country_code="ARM"))
    [truce] = _build(_moscow(), (article, [placed]))
    [violation] = truce.violations
    assert violation.place is not None and violation.place.country_code == "ARM"


def test_a_side_is_not_taken_to_allege_its_own_attack() -> None:
    claim = Claim("the ministry", "asserts", "the ministry said", 0, 5, code="AZE")
    [truce] = _build(_moscow(), _shelling((claim,)))
    [violation] = truce.violations
    assert (violation.accuser, violation.accused) == ("ARM", "AZE")


def test_a_historical_truce_is_kept_apart_with_its_year() -> None:
    text = "Armenia and Azerbaijan have fought on and off since the 1994 ceasefire."
    article = _article(text, date(2020, 10, 20))
    events = [
        _event(article, "ASSAULT", "fought", [("Armenia", "ARM"), ("Azerbaijan", "AZE")]),
    ]
    [truce] = _build((article, events))
    assert truce.historical and truce.year == 1994
    assert truce.violations == ()


def test_kind_and_end_of_a_unilateral_truce() -> None:
    text = (
        "Azerbaijan declared a unilateral ceasefire on Monday against Armenia for 72 hours "
        "from noon on Monday."
    )
    article = _article(text, date(2020, 10, 19))
    events = [
        _event(article, "AGREE", "declared", [("Azerbaijan", "AZE")], [("Armenia", "ARM")]),
    ]
    [mention] = find_mentions(article, events)
    assert mention.kind == "unilateral ceasefire"
    assert mention.starts is not None and (mention.starts.date, mention.starts.time) == (
        date(2020, 10, 19),
        "12:00",
    )
    assert mention.ends is not None and (mention.ends.date, mention.ends.time) == (
        date(2020, 10, 22),
        "12:00",
    )


def test_sides_named_with_between_and_a_one_sided_report_of_the_same_war() -> None:
    text = "The ceasefire between Armenia and Azerbaijan collapsed on Monday."
    article = _article(text, date(2020, 10, 12))
    # The only event names one side: the words still give both.
    events = [_event(article, "ASSAULT", "collapsed", [("Azerbaijan", "AZE")])]
    [mention] = find_mentions(article, events)
    assert {p.code for p in mention.parties} == {"ARM", "AZE"}
    one_sided = TruceMention(
        article_id=article.id,
        kind="ceasefire",
        cue=mention.cue,
        published=date(2020, 10, 12),
        parties=(mention.parties[1],),
        reference=True,
        collapse=mention.collapse,
        window=mention.window,
    )
    truces = build_truces([*_mentions(_moscow()), one_sided], [])
    assert len(truces) == 1
    assert truces[0].status == "collapsed"


def test_a_truce_still_on_is_in_any_later_range() -> None:
    with Store.open(":memory:") as store:
        _save(store, _moscow())
        [truce] = store.truces()
        assert store.truces(since=date(2021, 1, 1)) == [truce]
        assert store.truces(until=date(2020, 10, 9)) == []
        text = "Armenia and Azerbaijan agreed on 17 October to a new humanitarian truce."
        article = _article(text, date(2020, 10, 17))
        events = [_event(article, "AGREE", "agreed", [("Armenia", "ARM"), ("Azerbaijan", "AZE")])]
        _save(store, (article, events))
        first, second = store.truces()
        assert store.truces(since=date(2020, 10, 18)) == [second]
        assert store.truces(since=date(2020, 10, 17)) == [first, second]


def test_fighting_resumed_at_scale_collapses_a_truce() -> None:
    text = (
        "Azerbaijani forces shelled Martuni on Sunday. Armenian forces shelled Terter. "
        "Azerbaijani forces shelled Hadrut."
    )
    article = _article(text, date(2020, 10, 11))
    sides = [
        ("Azerbaijani forces", "AZE", "Martuni", "ARM"),
        ("Armenian forces", "ARM", "Terter", "AZE"),
        ("Azerbaijani forces", "AZE", "Hadrut", "ARM"),
    ]
    events = []
    for seq, (actor, code, target, target_code) in enumerate(sides):
        start = text.index(actor, sum(len(a) for a, *_ in sides[:seq]))
        event = _event(
            article, "ASSAULT", "shelled", [(actor, code)], [(target, target_code)], seq=seq
        )
        events.append(dataclasses.replace(event, event_start=text.index("shelled", start)))
    [truce] = _build(_moscow(), (article, events))
    assert len(truce.violations) == 3
    collapsed = [c for c in truce.status_history if c.status == "collapsed"]
    assert [c.date for c in collapsed] == [date(2020, 10, 11)]
    assert truce.status == "collapsed"
    # Two attacks are violations, not yet a collapse.
    [truce] = _build(_moscow(), (article, events[:2]))
    assert truce.status == "violated"


def test_truces_are_paged_and_counted_by_the_store() -> None:
    with Store.open(":memory:") as store:
        _save(store, _moscow())
        text = "Sudan and South Sudan agreed on Monday to a ceasefire in Abyei."
        article = _article(text, date(2020, 11, 2))
        events = [_event(article, "AGREE", "agreed", [("Sudan", "SDN"), ("South Sudan", "SSD")])]
        _save(store, (article, events))
        every = store.truces()
        assert store.count_truces() == 2
        assert store.count_truces(country="ssd") == 1
        assert store.truces(limit=1) + store.truces(limit=1, offset=1) == every
        assert store.truces(offset=2) == []
