"""Near duplicates (MinHash LSH), the run's deduplication, event groups and outlets."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from factories import make_article, make_event, make_place
from strife.dedupe import (
    THRESHOLD,
    Copy,
    Deduplicator,
    NearDuplicateIndex,
    group_id,
    outlet_of,
    signature,
    similarity,
)
from strife.ingest import article_id
from strife.records import Article, Rejection
from strife.store import Store

STORY = (
    "Sudanese army aircraft bombed a market in the city of Nyala on Tuesday, killing at least"
    " 27 people, residents and a local rights group said. The paramilitary Rapid Support"
    " Forces, which control most of the city, accused the army of targeting civilians and said"
    " it would respond. The army denied hitting the market and said its aircraft struck"
    " weapons depots on the edge of the city. Doctors at the main hospital said they had"
    " treated more than 60 wounded people, many of them women and children, and appealed for"
    " blood donations. Aid agencies said thousands of families had fled Nyala since the"
    " fighting began in April."
)
OTHER = (
    "Thousands of people marched through the centre of Tbilisi on Saturday to protest against"
    " a draft law on foreign agents, which critics say mirrors legislation used in Russia to"
    " silence dissent. Police said the rally was peaceful. Opposition leaders vowed to keep"
    " protesting until the bill is withdrawn, and the European Union said the law would harm"
    " Georgia's hopes of joining the bloc."
)


def _article(text: str, source: str, **fields: object) -> Article:
    return make_article(id=article_id(text), text=text, source=source, **fields)


def _wire_copy(text: str) -> str:
    # Another outlet's copy: a sentence added, one word changed.
    return text.replace(" said. ", " told reporters. ", 1) + " The report could not be verified."


def test_a_wire_copy_is_similar_and_another_story_is_not() -> None:
    original = signature(STORY)

    assert similarity(original, signature(_wire_copy(STORY))) >= THRESHOLD
    assert similarity(original, signature(OTHER)) < 0.2
    assert similarity(original, signature(STORY)) == 1.0


def test_the_index_finds_the_first_original_and_can_exclude_one() -> None:
    index = NearDuplicateIndex()
    index.add("a", signature(STORY))
    index.add("b", signature(STORY))
    index.add("c", signature(OTHER))

    match = index.match(signature(_wire_copy(STORY)))

    assert match is not None and match.article_id == "a" and match.similarity >= THRESHOLD
    excluded = index.match(signature(STORY), exclude="a")
    assert excluded is not None and excluded.article_id == "b"
    assert index.match(signature("Completely unrelated words about the weather in spring.")) is None
    assert len(index) == 3 and "c" in index


def test_deduplication_keeps_originals_and_records_copies() -> None:
    original = _article(STORY, "wire/1.html", publication="Nyala Wire", url="https://a.example/1")
    exact = _article(STORY, "wire/2.html", publication="Harbour Gazette", url=None)
    near = _article(_wire_copy(STORY), "wire/3.html", publication="Delta Observer")
    other = _article(OTHER, "wire/4.html")
    rejected = Rejection("wire/5.html", "empty")
    dedupe = Deduplicator(NearDuplicateIndex())

    kept = list(dedupe.filter([original, exact, near, rejected, other]))

    assert kept == [original, rejected, other]
    assert (dedupe.counts.exact, dedupe.counts.near, dedupe.counts.stored) == (1, 1, 0)
    settled = dedupe.settle(original.id)
    assert settled is not None
    signature_bytes, copies = settled
    assert len(signature_bytes) == 128 * 4
    assert [(c.source, c.article_id) for c in copies] == [
        ("wire/1.html", original.id),
        ("wire/2.html", original.id),
        ("wire/3.html", original.id),
    ]
    assert copies[2].similarity >= THRESHOLD and copies[1].similarity == 1.0
    assert dedupe.settle(original.id) is None


def test_copies_of_an_article_already_written_are_loose() -> None:
    original = _article(STORY, "wire/1.html")
    later = _article(_wire_copy(STORY), "wire/9.html")
    dedupe = Deduplicator(NearDuplicateIndex())

    list(dedupe.filter([original]))
    dedupe.settle(original.id)
    list(dedupe.filter([later]))

    assert [(c.source, c.article_id) for c in dedupe.take_loose()] == [("wire/9.html", original.id)]
    assert dedupe.take_loose() == []


def test_copies_of_an_article_that_failed_are_dropped() -> None:
    original = _article(STORY, "wire/1.html")
    dedupe = Deduplicator(NearDuplicateIndex())

    list(dedupe.filter([original]))
    dedupe.fail(original.id)
    list(dedupe.filter([_article(_wire_copy(STORY), "wire/2.html")]))

    assert dedupe.take_loose() == []


def test_decisions_depend_only_on_input_order() -> None:
    articles = [
        _article(text, f"in/{n}.txt")
        for n, text in enumerate([STORY, OTHER, _wire_copy(STORY), _wire_copy(OTHER), STORY])
    ]
    runs = []
    for _ in range(2):
        dedupe = Deduplicator(NearDuplicateIndex())
        kept = [a.id for a in dedupe.filter(articles) if isinstance(a, Article)]
        runs.append((kept, dataclasses.astuple(dedupe.counts)))
    assert runs[0] == runs[1] == ([articles[0].id, articles[1].id], (1, 2, 0))


def test_events_of_one_story_from_two_articles_share_a_group() -> None:
    event = make_event()
    retold = make_event(id="other-0", article_id="other", mode=None, context=())

    assert group_id(event) == group_id(retold)
    assert group_id(event) != group_id(dataclasses.replace(event, date=date(2024, 3, 5)))
    assert group_id(event) != group_id(dataclasses.replace(event, aux="negation"))
    moved = dataclasses.replace(event, event_loc=make_place(geonameid=1))
    assert group_id(event) != group_id(moved)


def test_vague_events_are_grouped_within_their_article_only() -> None:
    undated = make_event(date=None, date_source=None)
    retold = dataclasses.replace(undated, id="other-0", article_id="other")

    assert group_id(undated) != group_id(retold)
    anonymous = make_event(actor=(), recipient=(), event_loc=None)
    assert group_id(anonymous) != group_id(dataclasses.replace(anonymous, article_id="other"))


def test_outlets_are_publications_else_hosts_else_sources() -> None:
    assert outlet_of(" The  Guardian ", "https://x.example", "a.txt") == "the guardian"
    assert outlet_of(None, "https://www.Reuters.com/world/1", "a.txt") == "reuters.com"
    assert outlet_of(None, None, "in/a.txt") == "source:in/a.txt"
    copy = Copy("id", "a.txt", "https://news.example/1", None, None, None)
    assert copy.outlet == "news.example"


def test_an_original_that_fails_coding_leaves_the_index() -> None:
    # Its copies seen so far go with it; a copy that comes later is coded in its place.
    original = _article(STORY, "wire/1.html")
    later = _article(_wire_copy(STORY), "wire/2.html")
    dedupe = Deduplicator(NearDuplicateIndex())

    assert dedupe.decide(original).kind == "new"
    dedupe.fail(original.id)

    assert original.id not in dedupe.index
    assert dedupe.decide(later).kind == "new"


def _on(day: int, text: str, source: str) -> Article:
    published = datetime(2024, 3, day, 9, tzinfo=UTC)
    return _article(text, source, published=published)


def test_near_duplicates_are_looked_for_within_the_window() -> None:
    first = _on(1, STORY, "wire/1.html")
    within = _on(8, _wire_copy(STORY), "wire/2.html")
    beyond = _on(20, _wire_copy(STORY) + " More to follow.", "wire/3.html")
    kept = list(Deduplicator(window=7).filter([first, within, beyond]))
    assert kept == [first, beyond]
    everything = Deduplicator(window=0)
    assert list(everything.filter([first, within, beyond])) == [first]


def _stored(*articles: Article) -> Store:
    store = Store.open(":memory:")
    store.save_many([(article, []) for article in articles])
    return store


def test_stored_originals_are_found_without_an_index_in_memory() -> None:
    store = _stored(_on(1, STORY, "wire/1.html"), _on(2, OTHER, "wire/4.html"))
    dedupe = Deduplicator.for_store(store)
    assert len(dedupe.index) == 0  # nothing read at start-up
    copy = _on(3, _wire_copy(STORY), "wire/2.html")
    late = _on(30, _wire_copy(STORY) + " Later.", "wire/3.html")
    assert list(dedupe.filter([copy, late])) == [late]
    [loose] = dedupe.take_loose()
    assert (loose.source, loose.article_id) == ("wire/2.html", article_id(STORY))
    assert len(dedupe.index) == 1  # only the article taken in this run
    # Once the store holds it, it leaves memory at the next question, and is still found.
    store.save_many([(late, [])], signatures={late.id: dedupe.settle(late.id)[0]})  # type: ignore[index]
    dedupe.written([late.id])
    again = _on(31, _wire_copy(STORY) + " Updated.", "wire/5.html")
    assert list(dedupe.filter([again])) == []
    assert len(dedupe.index) == 0
    assert dedupe.take_loose()[0].article_id == late.id
    store.close()


def test_a_store_upgraded_from_version_2_gets_its_band_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        store.save_many([(_on(1, STORY, "wire/1.html"), [])])
    conn = duckdb.connect(str(path))
    for table in ("article_bands", "truces", "truce_mentions"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    with Store.open(path) as store:
        dedupe = Deduplicator.for_store(store)
        assert list(dedupe.filter([_on(2, _wire_copy(STORY), "wire/2.html")])) == []


def test_an_article_saved_again_keeps_one_set_of_band_rows() -> None:
    article = _on(1, STORY, "wire/1.html")
    store = _stored(article, _on(2, OTHER, "wire/4.html"))
    store.save_many([(article, [])])
    assert store._fetch(
        "SELECT article_id, count(*) FROM article_bands GROUP BY 1 ORDER BY 1"
    ) == sorted([(article.id, 16), (article_id(OTHER), 16)])
    store.close()
