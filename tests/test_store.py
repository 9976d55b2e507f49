"""The DuckDB event store: round trips, idempotent saves, rollback, filters and rejections."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from factories import ARTICLE_TEXT, make_actor, make_article, make_event, make_place
from strife.errors import StoreError
from strife.records import Article, Event, Rejection
from strife.store import SCHEMA_VERSION, Store


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s


def _other_article(n: int) -> Article:
    return make_article(text=f"{ARTICLE_TEXT} Update {n}.", source=f"tests/other-{n}.txt")


def _events_of(article: Article, count: int, **overrides: object) -> list[Event]:
    return [
        make_event(
            id=f"{article.id}-{i}",
            article_id=article.id,
            text_info=dataclasses.replace(make_event().text_info, sequence=i),
            **overrides,
        )
        for i in range(count)
    ]


# --- round trip and idempotence ------------------------------------------------------------


def test_new_store_is_empty(store: Store) -> None:
    assert store.counts() == {"articles": 0, "events": 0, "rejections": 0}
    assert store.events() == []
    assert store.rejections() == []


def test_save_and_read_back_equal_the_records(store: Store) -> None:
    article = make_article()
    events = _events_of(article, 3)

    assert store.save(article, events) is True

    assert store.has_article(article.id)
    assert store.article(article.id) == article
    assert store.events() == events
    assert store.counts() == {"articles": 1, "events": 3, "rejections": 0}


def test_published_time_zone_survives(store: Store) -> None:
    aware = make_article()
    naive = make_article(id="naive", published=datetime(2024, 3, 5, 13, 30))
    bare = make_article(id="bare", published=None, url=None, title=None, publication=None)

    for article in (aware, naive, bare):
        store.save(article, [])

    stored = store.article(aware.id)
    assert stored is not None and stored.published is not None and aware.published is not None
    assert stored.published.utcoffset() == aware.published.utcoffset()
    assert stored.published == aware.published
    assert store.article("naive") == naive
    assert store.article("bare") == bare


def test_unknown_article_is_none(store: Store) -> None:
    assert store.article("nope") is None
    assert not store.has_article("nope")


def test_saving_the_same_article_twice_keeps_one(store: Store) -> None:
    article = make_article()
    events = _events_of(article, 2)

    assert store.save(article, events) is True
    assert store.save(article, events) is False

    assert store.counts() == {"articles": 1, "events": 2, "rejections": 0}
    assert store.events() == events


def test_recoding_replaces_the_events(store: Store) -> None:
    article = make_article()
    store.save(article, _events_of(article, 3))
    recoded = [
        make_event(id=f"{article.id}-0", event="PROTEST", mode="demo", quad_code=4),
        make_event(id=f"{article.id}-9", confidence=0.1),
    ]

    store.save(article, recoded)

    assert sorted(store.events(), key=lambda e: e.id) == recoded
    assert store.counts()["events"] == 2


def test_recoding_with_no_events_empties_the_article(store: Store) -> None:
    article = make_article()
    store.save(article, _events_of(article, 2))

    store.save(article, [])

    assert store.events() == []
    assert store.has_article(article.id)


def test_save_leaves_other_articles_alone(store: Store) -> None:
    first, second = make_article(), _other_article(1)
    store.save(first, _events_of(first, 2))
    store.save(second, _events_of(second, 1))

    store.save(first, _events_of(first, 1))

    assert store.events(article_id=second.id) == _events_of(second, 1)
    assert store.counts()["events"] == 2


# --- failures roll back --------------------------------------------------------------------


def test_failed_recoding_keeps_the_previous_state(store: Store) -> None:
    article = make_article()
    before = _events_of(article, 2)
    store.save(article, before)
    clash = [make_event(id="dup"), make_event(id="dup", confidence=0.5)]

    with pytest.raises(StoreError, match="dup"):
        store.save(article, clash)

    assert store.events() == before
    assert store.counts() == {"articles": 1, "events": 2, "rejections": 0}


def test_failed_first_save_stores_nothing(store: Store) -> None:
    article = make_article()

    with pytest.raises(StoreError):
        store.save(article, [make_event(id="dup"), make_event(id="dup")])

    assert not store.has_article(article.id)
    assert store.counts() == {"articles": 0, "events": 0, "rejections": 0}


def test_event_of_another_article_is_refused(store: Store) -> None:
    article = make_article()

    with pytest.raises(StoreError, match="belongs to article 'elsewhere'"):
        store.save(article, [make_event(article_id="elsewhere")])

    assert store.counts()["articles"] == 0


def test_non_finite_number_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="cannot be stored"):
        store.save(make_article(), [make_event(confidence=float("nan"))])

    assert store.counts()["articles"] == 0


def test_store_stays_usable_after_a_failure(store: Store) -> None:
    article = make_article()
    with pytest.raises(StoreError):
        store.save(article, [make_event(id="dup"), make_event(id="dup")])

    assert store.save(article, _events_of(article, 1)) is True
    assert store.events() == _events_of(article, 1)


# --- save_many -----------------------------------------------------------------------------


def test_save_many_counts_new_articles(store: Store) -> None:
    old = make_article()
    store.save(old, _events_of(old, 1))
    items = [(old, _events_of(old, 2))] + [
        (a, _events_of(a, 2)) for a in (_other_article(n) for n in range(3))
    ]

    assert store.save_many(items) == 3

    assert store.counts() == {"articles": 4, "events": 8, "rejections": 0}
    assert store.events(article_id=old.id) == _events_of(old, 2)


def test_save_many_keeps_the_last_coding_of_a_repeated_article(store: Store) -> None:
    article = make_article()

    new = store.save_many([(article, _events_of(article, 3)), (article, _events_of(article, 1))])

    assert new == 1
    assert store.events() == _events_of(article, 1)


def test_save_many_is_all_or_nothing(store: Store) -> None:
    good, bad = _other_article(1), _other_article(2)
    clash = [make_event(id="dup", article_id=bad.id), make_event(id="dup", article_id=bad.id)]

    with pytest.raises(StoreError):
        store.save_many([(good, _events_of(good, 2)), (bad, clash)])

    assert store.counts() == {"articles": 0, "events": 0, "rejections": 0}


def test_save_many_of_nothing(store: Store) -> None:
    assert store.save_many([]) == 0


def test_event_ids_are_unique_across_articles(store: Store) -> None:
    first, second = make_article(), _other_article(1)
    store.save(first, [make_event(id="shared")])

    with pytest.raises(StoreError):
        store.save(second, [make_event(id="shared", article_id=second.id)])

    assert not store.has_article(second.id)


# --- rejections ----------------------------------------------------------------------------


def test_rejections_upsert(tmp_path: Path) -> None:
    path = tmp_path / "strife.duckdb"
    with Store.open(path) as store:
        store.record_rejection(Rejection("feed.jsonl:3", "empty text"))
        store.record_rejection(Rejection("feed.jsonl:3", "empty text", article_id="abc"))
        store.record_rejection(Rejection("feed.jsonl:3", "empty text"))
        store.record_rejection(Rejection("scan.pdf", "not text"))

        assert store.rejections() == [
            Rejection("feed.jsonl:3", "empty text", article_id="abc"),
            Rejection("scan.pdf", "not text"),
        ]
        assert store.counts()["rejections"] == 2

    conn = duckdb.connect(str(path), read_only=True)
    try:
        rows = conn.execute(
            'SELECT source, "count", first_seen <= last_seen FROM rejections ORDER BY source'
        ).fetchall()
    finally:
        conn.close()
    assert rows == [("feed.jsonl:3", 3, True), ("scan.pdf", 1, True)]


def test_stats_count_each_rejected_input_once(store: Store) -> None:
    for _ in range(2):  # a run, then the same run resumed
        store.record_rejection(Rejection("a.txt", "empty text"))
        store.record_rejection(Rejection("b.txt", "empty text"))
    store.record_rejection(Rejection("a.txt", "not English (detected: fr)"))

    stats = store.stats()

    assert (stats.rejections, stats.rejections_seen) == (2, 5)
    assert stats.rejections_by_reason == [("empty text", 2), ("not English (detected: fr)", 1)]


# --- filters -------------------------------------------------------------------------------


@pytest.fixture
def filled(store: Store) -> Store:
    a, b = make_article(), _other_article(1)
    store.save(
        a,
        [
            make_event(id="a2", date=date(2024, 3, 2)),
            make_event(id="a-nodate", date=None, date_source=None),
            make_event(id="a1", date=date(2024, 3, 1), event="PROTEST", quad_code=4, mode=None),
        ],
    )
    in_ukraine = make_place(country_code="UKR", resolved_place="Kharkiv")
    store.save(
        b,
        [
            make_event(id="b3", article_id=b.id, date=date(2024, 3, 3), event_loc=in_ukraine),
            make_event(
                id="b2",
                article_id=b.id,
                date=date(2024, 3, 2),
                event_loc=None,
                actor=(make_actor(code="RUS"),),
            ),
        ],
    )
    return store


def _ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_events_are_ordered_by_date_then_article(filled: Store) -> None:
    a = make_article().id
    b = _other_article(1).id
    same_day = ["a2", "b2"] if a < b else ["b2", "a2"]

    assert _ids(filled.events()) == ["a1", *same_day, "b3", "a-nodate"]


def test_filter_by_article_and_event(filled: Store) -> None:
    assert _ids(filled.events(article_id=make_article().id, event="protest")) == ["a1"]
    assert filled.events(event="AID") == []


def test_filter_by_country_matches_place_or_actor(filled: Store) -> None:
    assert _ids(filled.events(country="ukr")) == ["b3"]
    assert _ids(filled.events(country="RUS")) == ["b2"]
    # Every event has an Armenian recipient, so all match, wherever they happened.
    assert len(filled.events(country="ARM")) == 5


def test_filter_by_dates_is_inclusive(filled: Store) -> None:
    assert _ids(filled.events(since=date(2024, 3, 2), until=date(2024, 3, 2))) in (
        ["a2", "b2"],
        ["b2", "a2"],
    )
    assert _ids(filled.events(since=date(2024, 3, 3))) == ["b3"]
    assert _ids(filled.events(until=date(2024, 3, 1))) == ["a1"]


def test_limit(filled: Store) -> None:
    assert _ids(filled.events(limit=1)) == ["a1"]
    assert filled.events(limit=0) == []
    with pytest.raises(StoreError, match="limit"):
        filled.events(limit=-1)


def test_filter_values_are_not_sql(filled: Store) -> None:
    assert filled.events(article_id="x' OR '1'='1") == []
    assert filled.counts()["events"] == 5


# --- files, schema and lifecycle -----------------------------------------------------------


def test_store_persists_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "strife.duckdb"
    article = make_article()
    with Store.open(path) as store:
        store.save(article, _events_of(article, 2))

    with Store.open(str(path)) as store:
        assert store.article(article.id) == article
        assert store.events() == _events_of(article, 2)


def test_read_only_store_reads(tmp_path: Path) -> None:
    path = tmp_path / "strife.duckdb"
    article = make_article()
    with Store.open(path) as store:
        store.save(article, _events_of(article, 1))

    with Store.open(path, read_only=True) as store:
        assert store.events() == _events_of(article, 1)
        with pytest.raises(StoreError):
            store.save(article, [])


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "strife.duckdb"
    Store.open(path).close()

    conn = duckdb.connect(str(path))
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    finally:
        conn.close()
    assert row == (str(SCHEMA_VERSION),)


def _set_version(path: Path, version: str) -> None:
    Store.open(path).close()
    conn = duckdb.connect(str(path))
    try:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    finally:
        conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "strife.duckdb"
    _set_version(path, str(SCHEMA_VERSION + 1))

    with pytest.raises(StoreError, match="newer strife"):
        Store.open(path)
    # The refused open released the file.
    duckdb.connect(str(path)).close()


def test_unknown_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "strife.duckdb"
    _set_version(path, "banana")

    with pytest.raises(StoreError, match="unknown schema version"):
        Store.open(path)


def test_not_a_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("Troops shelled Tegh on Monday.\n")

    with pytest.raises(StoreError, match=r"notes\.duckdb is not a DuckDB database"):
        Store.open(path)


def test_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE sales (amount INTEGER)")
    conn.close()

    with pytest.raises(StoreError, match="not a strife store"):
        Store.open(path)


def test_missing_directory_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="nowhere"):
        Store.open(tmp_path / "nowhere" / "strife.duckdb")


def test_closed_store_refuses_work() -> None:
    store = Store.open(":memory:")
    store.close()
    store.close()

    with pytest.raises(StoreError, match="closed"):
        store.events()
    assert "closed" in repr(store)


def test_duckdb_memory_is_capped_and_the_cap_can_be_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strife.store.schema import DB_MEMORY_VARIABLE, connect

    def limit() -> str:
        conn = connect(str(tmp_path / "m.duckdb"), read_only=False)
        try:
            row = conn.execute("SELECT current_setting('memory_limit')").fetchone()
        finally:
            conn.close()
        assert row is not None
        return str(row[0])

    monkeypatch.delenv(DB_MEMORY_VARIABLE, raising=False)
    assert limit() == "488.2 MiB"  # 512MB, not DuckDB's 80% of the machine
    monkeypatch.setenv(DB_MEMORY_VARIABLE, "2GB")
    assert limit() == "1.8 GiB"
    monkeypatch.setenv(DB_MEMORY_VARIABLE, "plenty")
    with pytest.raises(StoreError, match="STRIFE_DB_MEMORY='plenty' is not a memory size"):
        Store.open(tmp_path / "m.duckdb")
