"""The store's copies, signatures, event groups, partitions, exports, stats and upgrade."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from factories import ARTICLE_TEXT, make_article, make_event
from strife.dedupe import Copy, Deduplicator, group_id
from strife.export import ExportFormat, export_events
from strife.ingest import article_id
from strife.records import Article, Event
from strife.store import SCHEMA_VERSION, EventCriteria, Store
from strife.store.parts import write_partition
from strife.store.rows import article_row, event_row, utc_now
from strife.store.tables import ARTICLE_COLUMNS, EVENT_COLUMNS, REJECTIONS_DDL, create_table_sql


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s


def _article(n: int, publication: str = "Example News") -> Article:
    text = f"{ARTICLE_TEXT} Report {n}."
    return make_article(
        id=article_id(text), text=text, source=f"in/{n}.txt", publication=publication
    )


def _events(article: Article, **overrides: object) -> list[Event]:
    event = make_event(id=f"{article.id}-0", article_id=article.id, **overrides)
    return [dataclasses.replace(event, group_id=group_id(event))]


def _copy(article: Article, source: str, publication: str) -> Copy:
    return Copy(article.id, source, None, None, publication, None, 0.9)


def test_an_article_keeps_its_own_source_and_its_copies(store: Store) -> None:
    article = _article(1)
    copies = [_copy(article, "wire/2.html", "Delta Observer"), _copy(article, "wire/3.html", "X")]

    store.save_many([(article, _events(article))], copies=copies)
    store.save_many([(article, _events(article))], copies=copies[:1])

    found = store.copies(article.id)
    assert [c.source for c in found] == ["in/1.txt", "wire/2.html", "wire/3.html"]
    assert found[0].similarity == 1.0 and found[0].publication == "Example News"
    assert [article_id for article_id, _ in store.signatures()] == [article.id]


def test_copies_alone_can_be_added_to_a_stored_article(store: Store) -> None:
    article = _article(1)
    store.save(article, [])

    assert store.save_many([], copies=[_copy(article, "late.html", "Late News")]) == 0

    assert [c.source for c in store.copies(article.id)] == ["in/1.txt", "late.html"]


def test_group_counts_articles_and_distinct_outlets(store: Store) -> None:
    first, second, alone = _article(1), _article(2, "Other Post"), _article(3)
    store.save_many(
        [
            (first, _events(first)),
            (second, _events(second)),
            (alone, _events(alone, date=date(2024, 1, 1))),
        ],
        copies=[_copy(first, "w/1.html", "Delta"), _copy(first, "w/2.html", "delta ")],
    )

    grouped = {e.article_id: e for e in store.events(groups=True)}

    assert grouped[first.id].group_id == grouped[second.id].group_id
    assert (grouped[first.id].n_articles, grouped[first.id].n_sources) == (2, 3)
    assert (grouped[alone.id].n_articles, grouped[alone.id].n_sources) == (1, 1)
    # Without groups, events read back exactly as saved.
    assert store.events(article_id=first.id) == _events(first)


def test_a_saved_event_without_a_group_gets_one_in_the_store(store: Store) -> None:
    article = _article(1)
    bare = make_event(id=f"{article.id}-0", article_id=article.id)
    store.save(article, [bare])

    [grouped] = store.events(groups=True)

    assert grouped.group_id == group_id(bare)
    assert store.events() == [bare]


def test_the_deduplicator_sees_what_the_store_holds(store: Store) -> None:
    article = _article(1)
    store.save(article, [])
    again = dataclasses.replace(_article(1), source="elsewhere.txt")
    retold = _article(2)

    dedupe = Deduplicator.for_store(store)
    kept = list(dedupe.filter([again, retold]))

    assert kept == []
    assert (dedupe.counts.stored, dedupe.counts.near) == (1, 1)
    assert {c.source for c in dedupe.take_loose()} == {"elsewhere.txt", "in/2.txt"}


def test_a_partition_loads_like_a_save_and_twice_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    items = [(a, _events(a)) for a in (_article(1), _article(2))]
    folder = write_partition(tmp_path / "part-000000", items)
    assert sorted(p.name for p in folder.iterdir()) == ["articles.parquet", "events.parquet"]

    assert store.load_partition(folder, copies=[_copy(items[0][0], "w.html", "W")]) == 2
    assert store.load_partition(folder) == 0

    with Store.open(":memory:") as saved:
        saved.save_many(items)
        assert store.events() == saved.events()
        assert store.article(items[1][0].id) == saved.article(items[1][0].id)
    assert store.counts()["events"] == 2
    assert len(store.copies(items[0][0].id)) == 1 + 1
    assert len(list(store.signatures())) == 2


def _filled_store(path: Path) -> Store:
    store = Store.open(path)
    for n, (kind, day) in enumerate([("ASSAULT", 4), ("PROTEST", 5), ("ASSAULT", 6)]):
        article = _article(n)
        store.save(article, _events(article, event=kind, date=date(2024, 3, day)))
    return store


def test_exports_carry_the_groups_and_follow_the_filters(tmp_path: Path) -> None:
    with _filled_store(tmp_path / "s.duckdb") as store:
        jsonl, table = io.StringIO(), io.StringIO()
        where = EventCriteria(event="assault", since=date(2024, 3, 5))
        assert export_events(store, ExportFormat.jsonl, stream=jsonl, where=where) == 1
        assert export_events(store, ExportFormat.csv, stream=table) == 3
        parquet = tmp_path / "events.parquet"
        assert export_events(store, ExportFormat.parquet, path=parquet) == 3

    [record] = [json.loads(line) for line in jsonl.getvalue().splitlines()]
    assert record["event"] == "ASSAULT" and record["date"] == "2024-03-06"
    assert record["n_articles"] == 1 and record["n_sources"] == 1 and record["group_id"]
    rows = list(csv.DictReader(io.StringIO(table.getvalue())))
    assert [r["event"] for r in rows] == ["ASSAULT", "PROTEST", "ASSAULT"]
    assert all(r["n_sources"] == "1" for r in rows)
    conn = duckdb.connect()
    exported = conn.execute(
        "SELECT event, n_articles, n_sources, publication, json_extract_string(record, '$.id')"
        " FROM read_parquet(?)",
        [str(parquet)],
    ).fetchall()
    assert [row[0] for row in exported] == ["ASSAULT", "PROTEST", "ASSAULT"]
    assert all(row[1:4] == (1, 1, "Example News") and row[4] for row in exported)


def test_stats_count_what_the_store_holds(tmp_path: Path) -> None:
    with _filled_store(tmp_path / "s.duckdb") as store:
        first = _article(0)
        store.save_many([], copies=[_copy(first, "w/1.html", "Delta")])
        stats = store.stats()

    assert (stats.articles, stats.copies, stats.duplicates, stats.outlets) == (3, 4, 1, 2)
    assert (stats.events, stats.groups, stats.multi_article_groups) == (3, 3, 0)
    assert dict(stats.events_by_type) == {"ASSAULT": 2, "PROTEST": 1}
    assert (stats.first_date, stats.last_date) == (date(2024, 3, 4), date(2024, 3, 6))
    assert stats.as_dict()["schema_version"] == SCHEMA_VERSION


def _version_1_store(path: Path, article: Article, events: list[Event]) -> None:
    """A store as strife 0.1 wrote it (schema version 1)."""
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute(create_table_sql("articles", ARTICLE_COLUMNS))
    conn.execute(create_table_sql("events", EVENT_COLUMNS[:-1]))
    conn.execute(REJECTIONS_DDL)
    conn.execute(
        f"INSERT INTO articles VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
        list(article_row(article, len(events), utc_now())),
    )
    for event in events:
        row = event_row(event)[:-1]
        conn.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(row))})", list(row))
    conn.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_a_version_1_store_is_upgraded(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "old.duckdb"
    article = _article(1)
    events = [make_event(id=f"{article.id}-0", article_id=article.id)]
    _version_1_store(path, article, events)

    with Store.open(path, read_only=read_only) as store:
        assert store.events() == events
        [grouped] = store.events(groups=True)
        assert grouped.group_id == group_id(events[0]) and grouped.n_sources == 1
        assert [c.source for c in store.copies(article.id)] == [article.source]
        assert [aid for aid, _ in store.signatures()] == [article.id]
        assert store.stats().schema_version == SCHEMA_VERSION
