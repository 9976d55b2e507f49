"""The output contract and its formats: JSON objects, JSONL, CSV and the terminal table."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from rich.console import Console

from factories import (
    events_strategy,
    make_actor,
    make_claim,
    make_event,
    make_place,
    make_recipient,
)
from strife.contract import event_from_dict, event_to_dict
from strife.errors import MalformedRecord
from strife.output import (
    CSV_COLUMNS,
    NUMERIC_COLUMNS,
    render_table,
    write_csv,
    write_jsonl,
)
from strife.records import Casualties, CiteInfo, Count

CONTRACT_KEYS = {
    "id",
    "article_id",
    "date",
    "date_source",
    "event",
    "mode",
    "context",
    "quad_code",
    "actor",
    "recipient",
    "event_loc",
    "size",
    "event_text",
    "text",
    "text_info",
    "claims",
    "contested",
    "aux",
    "cite_info",
    "confidence",
    "event_start",
    "event_end",
    "date_text",
    "group_id",
    "n_articles",
    "n_sources",
}
ACTOR_KEYS = {"entity_text", "code", "sector", "name", "start", "end", "other_sectors"}
PLACE_KEYS = {
    "extracted_place",
    "resolved_place",
    "geonameid",
    "lat",
    "lon",
    "country_code",
    "feature_code",
    "admin1",
    "start",
    "end",
    "level",
    "resolved_by",
}
CLAIM_KEYS = {"by", "stance", "text", "start", "end", "code", "sector"}


def test_event_dict_follows_the_contract() -> None:
    d = event_to_dict(make_event())

    assert set(d) == CONTRACT_KEYS
    assert d["date"] == "2024-03-04"
    assert d["date_source"] == "text"
    assert d["context"] == ["military"]
    assert [set(a) for a in d["actor"] + d["recipient"]] == [ACTOR_KEYS, ACTOR_KEYS]
    assert d["actor"][0]["code"] == "AZE"
    assert set(d["event_loc"]) == PLACE_KEYS
    assert d["size"] == {
        "dead": {"min": 2, "text": "killing two civilians"},
        "injured": None,
        "arrested": None,
    }
    assert d["text_info"] == {"sequence": 0, "start": 0, "end": len(d["text"])}
    assert [set(c) for c in d["claims"]] == [CLAIM_KEYS, CLAIM_KEYS]
    assert [c["stance"] for c in d["claims"]] == ["asserts", "denies"]
    assert set(d["cite_info"]) == {"url", "title", "publication", "published"}
    assert d["contested"] is True
    assert d["aux"] is None


def test_event_dict_of_a_sparse_event_uses_nulls() -> None:
    event = make_event(
        date=None, date_source=None, event_loc=None, size=Casualties(), claims=(), mode=None
    )

    d = event_to_dict(event)

    assert d["date"] is None and d["date_source"] is None
    assert d["event_loc"] is None
    assert d["size"] == {"dead": None, "injured": None, "arrested": None}
    assert d["claims"] == []
    assert event_from_dict(d) == event


def test_event_round_trips_through_json() -> None:
    event = make_event(aux="historical", actor=(make_actor(other_sectors=("PRE", "ELI")),))

    assert event_from_dict(json.loads(json.dumps(event_to_dict(event)))) == event


@settings(max_examples=150, deadline=None)
@given(events_strategy())
def test_any_event_round_trips_through_json(event: Any) -> None:
    line = json.dumps(event_to_dict(event), ensure_ascii=False)

    assert event_from_dict(json.loads(line)) == event


def test_integer_confidence_reads_back_as_float() -> None:
    d = event_to_dict(make_event())
    d["confidence"] = 1

    event = event_from_dict(d)

    assert event.confidence == 1.0 and isinstance(event.confidence, float)


def _broken(**changes: Any) -> dict[str, Any]:
    d = event_to_dict(make_event(id="ev-1"))
    d.update(changes)
    return d


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_broken(quad_code="4"), "'quad_code' must be an integer"),
        (_broken(event_start=True), "'event_start' must be an integer"),
        (_broken(date="04/03/2024"), "'date' is not YYYY-MM-DD"),
        (_broken(date_source="wire"), "'date_source' must be one of"),
        (_broken(aux="maybe"), "'aux' must be one of"),
        (_broken(contested="yes"), "'contested' must be true or false"),
        (_broken(context="military"), "'context' must be a list"),
        (_broken(actor=[{"code": "ARM"}]), "missing key 'entity_text'"),
        (
            _broken(claims=[dict(event_to_dict(make_event())["claims"][0], stance="hints")]),
            "'stance' must be one of",
        ),
        (_broken(size=None), "expected an object"),
    ],
)
def test_malformed_dict_names_the_event_and_the_field(data: Any, expected: str) -> None:
    with pytest.raises(MalformedRecord, match=expected) as info:
        event_from_dict(data)

    assert "ev-1" in info.value.source


def test_missing_key_is_reported() -> None:
    d = event_to_dict(make_event())
    del d["confidence"]

    with pytest.raises(MalformedRecord, match="missing key 'confidence'"):
        event_from_dict(d)


def test_non_object_is_rejected() -> None:
    with pytest.raises(MalformedRecord, match="expected an object, got list"):
        event_from_dict([1, 2])


# --- JSONL ---------------------------------------------------------------------------------


def test_jsonl_writes_one_parseable_object_per_line() -> None:
    events = [make_event(), make_event(id="e2", text='He said "no"\nthen left — ½ «ok»')]
    out = io.StringIO()

    n = write_jsonl(events, out)

    lines = out.getvalue().splitlines()
    assert n == 2 and len(lines) == 2
    parsed = [json.loads(line) for line in lines]
    assert all(set(p) == CONTRACT_KEYS for p in parsed)
    assert [event_from_dict(p) for p in parsed] == events
    assert "— ½ «ok»" in lines[1]


def test_jsonl_of_nothing_is_empty() -> None:
    out = io.StringIO()

    assert write_jsonl([], out) == 0
    assert out.getvalue() == ""


# --- CSV -----------------------------------------------------------------------------------


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_header_is_written_without_events() -> None:
    out = io.StringIO()

    assert write_csv([], out) == 0
    assert out.getvalue() == ",".join(CSV_COLUMNS) + "\n"


def test_csv_flattens_an_event() -> None:
    event = make_event(
        actor=(make_actor(), make_actor(entity_text="Baku", code=None, sector="GOV")),
        context=("military", "territory"),
    )
    out = io.StringIO()

    write_csv([event], out)

    [row] = _csv_rows(out.getvalue())
    assert list(row) == list(CSV_COLUMNS)
    assert row["date"] == "2024-03-04"
    assert row["context"] == "military; territory"
    assert row["actor_codes"] == "AZE; "
    assert row["actor_sectors"] == "MIL; GOV"
    assert row["actor_text"] == "Azerbaijani forces; Baku"
    assert row["recipient_codes"] == "ARM"
    assert (row["place"], row["geonameid"], row["country_code"]) == ("Tegh", "616177", "ARM")
    assert event.event_loc is not None and float(row["lat"]) == event.event_loc.lat
    assert (row["dead"], row["injured"], row["arrested"]) == ("2", "", "")
    assert row["contested"] == "true"
    assert row["asserted_by"] == "Armenia's defense ministry"
    assert row["denied_by"] == "Baku"
    assert row["aux"] == ""
    assert float(row["confidence"]) == event.confidence
    assert row["url"] == "https://news.example/tegh"


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    awkward = 'Troops, "allegedly", fired;\nresidents fled'
    out = io.StringIO()

    write_csv([make_event(text=awkward, date=None, date_source=None, event_loc=None)], out)

    assert '"Troops, ""allegedly"", fired;\nresidents fled"' in out.getvalue()
    [row] = _csv_rows(out.getvalue())
    assert row["text"] == awkward
    assert row["date"] == row["date_source"] == row["place"] == row["lat"] == ""


# --- table ---------------------------------------------------------------------------------


def test_csv_defuses_text_cells_a_spreadsheet_would_run_as_formulas() -> None:
    formula = '=HYPERLINK("http://evil.example/","open")'
    event = make_event(
        text=formula,
        mode="+cmd|' /C calc'!A0",
        actor=(make_actor(entity_text="-2+3"),),
        recipient=(make_recipient(entity_text="@SUM(1+1)"),),
        event_loc=make_place(resolved_place="\tTab", lat=-33.2, lon=-70.65),
        cite_info=CiteInfo(url="\rhttp://x", title=None, publication=formula, published=None),
    )
    out = io.StringIO()

    write_csv([event], out)

    [row] = _csv_rows(out.getvalue())
    assert row["text"] == row["publication"] == "'" + formula
    assert row["mode"] == "'+cmd|' /C calc'!A0"
    assert row["actor_text"] == "'-2+3" and row["recipient_text"] == "'@SUM(1+1)"
    assert row["place"] == "'\tTab" and row["url"] == "'\rhttp://x"
    # Numeric columns are numbers, written as such: a negative latitude stays a number.
    assert (row["lat"], row["lon"]) == ("-33.2", "-70.65")
    assert row["actor_codes"] == "AZE" and row["event"] == "ASSAULT"
    assert NUMERIC_COLUMNS.issubset(CSV_COLUMNS)


def test_csv_quotes_a_lone_carriage_return() -> None:
    # Unquoted, a "\r" ends the row for most readers and starts a forged one.
    event = make_event(text="calm\r=1+1", event_loc=None)
    out = io.StringIO()

    write_csv([event], out)

    assert ',"calm\r=1+1",' in out.getvalue() and out.getvalue().endswith(",,\n")
    [row] = _csv_rows(out.getvalue())
    assert row["text"] == "calm\r=1+1"


def _render(events: list[Any], width: int = 120) -> str:
    out = io.StringIO()
    render_table(events, Console(file=out, width=width, color_system=None))
    return out.getvalue()


def test_table_shows_what_an_analyst_scans() -> None:
    text = _render([make_event(aux="future")])

    for expected in (
        "2024-03-04",
        "ASSAULT",
        "heavy-weapons",
        "AZE MIL",
        "ARM CVL",
        "Tegh",
        "2 dead",
        "asserts",
        "denies",
        "CONTESTED",
        "future",
        "1 event",
    ):
        assert expected in text, expected
    assert max(len(line) for line in text.splitlines()) <= 120


def test_table_shows_markup_like_text_literally() -> None:
    actor = make_actor(entity_text="[bold]rebels[/bold]", code=None)

    text = _render([make_event(actor=(actor,), recipient=(make_recipient(),))])

    assert "[bold]rebels" in text
    assert "? MIL" in text


def test_table_of_many_events_stays_within_width() -> None:
    long_name = "the Armed Forces of the Republic of Azerbaijan and allied militias"
    events = [
        make_event(
            id=f"e{i}",
            date=date(2024, 3, i + 1),
            actor=(make_actor(entity_text=long_name),) * 3,
            claims=(make_claim(by=long_name),),
            size=Casualties(dead=Count(3, "three"), injured=Count(12, "a dozen")),
        )
        for i in range(5)
    ]

    text = _render(events)

    assert text.count("AZE MIL") == 15
    assert "5 events" in text
    assert max(len(line) for line in text.splitlines()) <= 120


def test_table_of_nothing_says_so() -> None:
    assert "0 events" in _render([])


def test_event_dataclass_fields_are_all_in_the_contract() -> None:
    # A field added to Event without a place in the contract would be silently dropped.
    fields = {f.name for f in dataclasses.fields(make_event())}

    assert fields == CONTRACT_KEYS
