"""The API's reads on a small hand-built store: filters, pages, stats, evidence, writes.

``sample_store`` (used by the other ``test_api*`` modules too) writes three articles and six
events that differ in every field a filter looks at.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest

from factories import ARTICLE_TEXT, make_article, make_event, make_place, span
from strife.api.database import Database
from strife.api.evidence import evidence_spans, excerpts
from strife.api.filters import BBox, EventFilter
from strife.api.queries import SORTS, SortKey, article, event_page, event_record
from strife.api.stats import stats
from strife.contract import event_to_dict
from strife.errors import StoreError
from strife.records import ActorRef, Article, Casualties, CiteInfo, Claim, Count, Event, TextInfo
from strife.store import Store

KHARKIV_TEXT = (
    "Russian forces shelled Kharkiv on Friday, killing five people. "
    "Ukraine and Poland agreed to hold talks on Saturday."
)
TBILISI_TEXT = (
    "Thousands of protesters rallied in Tbilisi on Wednesday. "
    "Georgia's government accused Moscow of backing the bill, officials said. "
    "Russia denied it. The EU imposed sanctions on Belarus."
)


def _actor(text: str, needle: str, code: str, sector: str | None) -> ActorRef:
    start, end = span(needle, text)
    return ActorRef(needle, code, sector, None, start, end)


def _event(article: Article, seq: int, **fields: object) -> Event:
    """An event of ``article`` whose sentence is the ``seq``-th one of its text."""
    sentences = article.text.split(". ")
    sentence = sentences[seq] if sentences[seq].endswith(".") else sentences[seq] + "."
    start = article.text.index(sentence)
    base = make_event(
        id=f"{article.id}-{seq}",
        article_id=article.id,
        text=sentence,
        text_info=TextInfo(seq, start, start + len(sentence)),
        claims=(),
        contested=False,
        date_text=None,
        cite_info=CiteInfo(article.url, article.title, article.publication, None),
    )
    return dataclasses.replace(base, **fields)


def sample_items() -> list[tuple[Article, list[Event]]]:
    """Three articles, six events: every filter of the API selects a different subset."""
    tegh = make_article()
    kharkiv = make_article(text=KHARKIV_TEXT, url="https://news.example/kharkiv", title="Kharkiv")
    tbilisi = make_article(text=TBILISI_TEXT, url=None, title="Tbilisi", source="tbilisi.txt")
    k, t = KHARKIV_TEXT, TBILISI_TEXT
    kharkiv_place = make_place(
        extracted_place="Kharkiv", resolved_place="Kharkiv", geonameid=706483, lat=49.98,
        lon=36.25, country_code="UKR", start=k.index("Kharkiv"), end=k.index("Kharkiv") + 7,
    )  # fmt: skip
    tbilisi_place = make_place(
        extracted_place="Tbilisi", resolved_place="Tbilisi", geonameid=611717, lat=41.69,
        lon=44.83, country_code="GEO", start=t.index("Tbilisi"), end=t.index("Tbilisi") + 7,
    )  # fmt: skip
    denial = Claim("Russia", "denies", "Russia denied", *span("Russia denied", t), "RUS", "GOV")
    assertion = Claim("officials", "asserts", "officials said", *span("officials said", t))
    events = {
        tegh.id: [make_event()],
        kharkiv.id: [
            _event(kharkiv, 0, event="ASSAULT", date=date(2023, 2, 17), confidence=0.9,
                   actor=(_actor(k, "Russian forces", "RUS", "MIL"),), recipient=(),
                   event_loc=kharkiv_place, size=Casualties(dead=Count(5, "killing five people"))),
            _event(kharkiv, 1, event="AGREE", quad_code=1, mode=None, date=date(2023, 2, 18),
                   actor=(_actor(k, "Ukraine", "UKR", "GOV"),),
                   recipient=(_actor(k, "Poland", "POL", "GOV"),), event_loc=None,
                   size=Casualties(), confidence=0.7),
        ],
        tbilisi.id: [
            _event(tbilisi, 0, event="PROTEST", mode="demo", date=date(2023, 3, 8),
                   actor=(_actor(t, "protesters", "GEO", "CVL"),), recipient=(),
                   event_loc=tbilisi_place, size=Casualties(), confidence=0.6),
            _event(tbilisi, 1, event="ACCUSE", quad_code=3, mode="allege", date=date(2023, 3, 8),
                   actor=(_actor(t, "Georgia's government", "GEO", "GOV"),),
                   recipient=(_actor(t, "Moscow", "RUS", "GOV"),), event_loc=tbilisi_place,
                   size=Casualties(), claims=(assertion, denial), contested=True,
                   confidence=0.8),
            _event(tbilisi, 3, event="SANCTION", quad_code=4, mode=None, date=None,
                   date_source=None, actor=(_actor(t, "EU", "EUR", "IGO"),),
                   recipient=(_actor(t, "Belarus", "BLR", "GOV"),), event_loc=None,
                   size=Casualties(), confidence=0.5),
        ],
    }  # fmt: skip
    return [(a, events[a.id]) for a in (tegh, kharkiv, tbilisi)]


def sample_store(path: Path) -> Path:
    """Write the sample articles and events to a new store at ``path``."""
    with Store.open(path) as store:
        store.save_many(sample_items())
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = sample_store(tmp_path_factory.mktemp("api") / "sample.duckdb")
    database = Database.open(path, writable=False)
    yield database
    database.close()


def _ids(db: Database, condition: EventFilter, sort: str = "date") -> list[str]:
    with db.reader() as cur:
        page = event_page(cur, condition, sort, 100, 0)
    return [json.loads(record)["id"] for record in page.records]


def _types(db: Database, condition: EventFilter) -> set[str]:
    with db.reader() as cur:
        page = event_page(cur, condition, "date", 100, 0)
    return {json.loads(record)["event"] for record in page.records}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (EventFilter(), {"ASSAULT", "AGREE", "PROTEST", "ACCUSE", "SANCTION"}),
        (EventFilter(types=("AGREE", "PROTEST")), {"AGREE", "PROTEST"}),
        (EventFilter(quads=(1, 3)), {"AGREE", "ACCUSE"}),
        (EventFilter(since=date(2023, 3, 1)), {"ASSAULT", "PROTEST", "ACCUSE"}),
        (EventFilter(until=date(2023, 2, 17)), {"ASSAULT"}),
        (EventFilter(country="RUS"), {"ASSAULT", "ACCUSE"}),
        (EventFilter(actor_country="GEO"), {"PROTEST", "ACCUSE"}),
        (EventFilter(recipient_country="POL"), {"AGREE"}),
        (EventFilter(actor_sector="MIL"), {"ASSAULT"}),
        (EventFilter(recipient_sector="GOV"), {"AGREE", "ACCUSE", "SANCTION"}),
        (EventFilter(place="tbilisi"), {"PROTEST", "ACCUSE"}),
        (EventFilter(place_id=706483), {"ASSAULT"}),
        (EventFilter(bbox=BBox(40, 35, 50, 45)), {"PROTEST", "ACCUSE", "ASSAULT"}),
        (EventFilter(bbox=BBox(170, -10, -170, 10)), set()),
        (EventFilter(contested=True), {"ASSAULT", "ACCUSE"}),
        (EventFilter(text="belarus"), {"SANCTION"}),
        (EventFilter(text="kharkiv", types=("ASSAULT",)), {"ASSAULT"}),
    ],
)
def test_each_filter_selects_its_events(
    db: Database, condition: EventFilter, expected: set[str]
) -> None:
    assert _types(db, condition) == expected


def test_filters_combine_with_and(db: Database) -> None:
    both = EventFilter(country="ARM", contested=True, since=date(2024, 1, 1))
    assert len(_ids(db, both)) == 1
    assert _types(db, both) == {"ASSAULT"}


def test_values_that_look_like_sql_are_only_data(db: Database) -> None:
    for hostile in ("' OR 1=1 --", "%", "_", "\\", '"; DROP TABLE events; --'):
        assert _ids(db, EventFilter(text=hostile.lower(), place=hostile)) == []
    assert len(_ids(db, EventFilter())) == 6  # the table is still there


def test_pages_follow_the_sort_and_never_overlap(db: Database) -> None:
    everything = _ids(db, EventFilter(), "-date")
    with db.reader() as cur:
        first = event_page(cur, EventFilter(), "-date", 4, 0)
        second = event_page(cur, EventFilter(), "-date", 4, 4)
    ids = [json.loads(r)["id"] for r in first.records + second.records]
    assert ids == everything
    assert first.total == second.total == 6
    dated = [json.loads(r)["date"] for r in first.records]
    assert dated == sorted(dated, reverse=True)


@pytest.mark.parametrize("sort", list(SORTS))
def test_every_sort_orders_all_events(db: Database, sort: str) -> None:
    assert sorted(_ids(db, EventFilter(), sort)) == sorted(_ids(db, EventFilter()))


def test_sort_keys_and_sql_orders_agree() -> None:
    assert set(get_args(SortKey)) == set(SORTS)


def test_records_are_the_stored_contract_objects(db: Database) -> None:
    event = make_event()
    with db.reader() as cur:
        record = event_record(cur, event.id)
        missing = event_record(cur, "no-such-id")
    assert record is not None and missing is None
    assert json.loads(record)["claims"][1]["stance"] == "denies"


def test_article_keeps_its_publication_zone(db: Database) -> None:
    with db.reader() as cur:
        found = article(cur, make_article().id)
    assert found is not None
    assert found.published == "2024-03-05T13:30:00+04:00"
    assert found.text == ARTICLE_TEXT
    assert "text" not in found.summary()


def test_stats_count_what_the_filter_selects(db: Database) -> None:
    with db.reader() as cur:
        everything = stats(cur, EventFilter())
        georgia = stats(cur, EventFilter(country="GEO"))
    assert everything["total"] == 6
    assert everything["contested"] == 2
    assert everything["fatalities"] == {"dead": 7, "injured": 0, "arrested": 0}
    assert everything["first_date"] == "2023-02-17" and everything["last_date"] == "2024-03-04"
    assert {b["key"]: b["count"] for b in everything["by_quad"]} == {"1": 1, "3": 1, "4": 4}
    assert sum(b["count"] for b in everything["by_day"]) == 5  # one event has no date
    assert [b["key"] for b in everything["by_week"]] == ["2023-02-13", "2023-03-06", "2024-03-04"]
    places = {p["name"]: p for p in everything["by_place"]}
    assert set(places) == {"Tegh", "Kharkiv", "Tbilisi"}
    assert places["Tbilisi"]["count"] == 2 and places["Tbilisi"]["contested"] == 1
    assert places["Kharkiv"]["dead"] == 5 and places["Kharkiv"]["quad"] == 4
    dyads = {(d["actor"], d["recipient"]): d["count"] for d in everything["by_dyad"]}
    assert dyads == {("AZE", "ARM"): 1, ("UKR", "POL"): 1, ("GEO", "RUS"): 1, ("EUR", "BLR"): 1}
    assert georgia["total"] == 2 and [p["name"] for p in georgia["by_place"]] == ["Tbilisi"]


def test_evidence_spans_quote_the_article() -> None:
    event_dict = json.loads(json.dumps(_contract(make_event())))
    spans = evidence_spans(event_dict, ARTICLE_TEXT)
    quoted = {span["role"]: span["text"] for span in spans}
    assert quoted == {
        "trigger": "shelled",
        "actor": "Azerbaijani forces",
        "recipient": "civilians",
        "place": "Tegh",
        "date": "on Monday",
        "dead": "killing two civilians",
        "asserts": "Armenia's defense ministry said",
        "denies": "Baku denied",
    }
    (shown,) = excerpts(event_dict, spans, ARTICLE_TEXT)
    assert shown["text"] == ARTICLE_TEXT  # the denial is in the next sentence
    assert ARTICLE_TEXT[shown["start"] : shown["end"]] == shown["text"]


def test_excerpts_are_the_sentences_holding_evidence() -> None:
    text = (
        "Armenian Prime Minister Nikol Pashinyan arrived in Brussels. "
        "The weather was cold. Talks lasted hours.\n\n"
        "He met Aliyev on Sunday. Baku denied it."
    )
    start, end = span("He met Aliyev on Sunday.", text)
    record = {"text_info": {"sequence": 3, "start": start, "end": end}}
    actor, denial = span("Nikol Pashinyan", text), span("Baku denied", text)
    spans = [
        {"role": "actor", "start": actor[0], "end": actor[1]},
        {"role": "denies", "start": denial[0], "end": denial[1]},
    ]
    assert [excerpt["text"] for excerpt in excerpts(record, spans, text)] == [
        "Armenian Prime Minister Nikol Pashinyan arrived in Brussels.",
        "He met Aliyev on Sunday. Baku denied it.",
    ]


def test_evidence_leaves_out_spans_outside_the_text() -> None:
    event_dict = _contract(make_event())
    event_dict["actor"][0]["end"] = len(ARTICLE_TEXT) + 10
    roles = [span["role"] for span in evidence_spans(event_dict, ARTICLE_TEXT)]
    assert "actor" not in roles and "trigger" in roles


def test_writes_are_visible_to_reads_and_text_search(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "new.duckdb", writable=True)
    try:
        assert database.save(sample_items()[:1], []) == 1
        assert database.save(sample_items()[:1], []) == 0  # the same article again
        with database.reader() as cur:
            found = event_page(cur, EventFilter(text="tegh"), "date", 10, 0)
        assert found.total == 1
    finally:
        database.close()


def test_a_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Database.open(tmp_path / "absent.duckdb", writable=False)
    (tmp_path / "junk.duckdb").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        Database.open(tmp_path / "junk.duckdb", writable=False)


def _contract(event: Event) -> dict[str, Any]:
    return event_to_dict(event)
