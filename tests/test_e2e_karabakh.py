"""End to end on the raw article the project began from: the real model, gazetteer and CLI.

Skips when ``../shared`` (the reference material beside the repository) is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
KARABAKH = SHARED / "examples" / "karabakh-2020-10-31.txt"

pytestmark = pytest.mark.slow

Event = dict[str, Any]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[Event]:
    if not KARABAKH.exists():
        pytest.skip(f"{KARABAKH} is absent (shared reference material not checked out)")
    db = tmp_path_factory.mktemp("karabakh") / "k.duckdb"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "strife",
            "code",
            str(KARABAKH),
            "--db",
            str(db),
            "--format",
            "jsonl",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r["code"]}


def find(events: list[Event], pred: Callable[[Event], bool]) -> list[Event]:
    return [e for e in events if pred(e)]


def claimed(event: Event, stance: str, code: str) -> bool:
    return any(c["stance"] == stance and c["code"] == code for c in event["claims"])


def test_request_for_military_assistance(events: list[Event]) -> None:
    found = find(
        events,
        lambda e: (
            e["event"] == "REQUEST"
            and e["mode"] == "assist"
            and codes(e["actor"]) == {"ARM"}
            and codes(e["recipient"]) == {"RUS"}
            and e["date"] == "2020-10-31"
            and claimed(e, "asserts", "ARM")
        ),
    )
    assert found, "REQUEST ARM -> RUS asserted by Armenia's foreign ministry"
    assert any(r["sector"] == "GOV" for e in found for r in e["actor"] + e["recipient"])


def test_assault_on_civilians_at_shushi_is_contested(events: list[Event]) -> None:
    (event,) = find(
        events,
        lambda e: (
            e["event"] == "ASSAULT"
            and e["event_loc"]
            and e["event_loc"]["extracted_place"] == "Shushi"
        ),
    )
    assert event["event_loc"]["country_code"] == "AZE"
    assert any(r["sector"] == "CVL" for r in event["recipient"])
    assert claimed(event, "asserts", "ARM") and claimed(event, "denies", "AZE")
    assert event["contested"] is True
    assert event["size"]["injured"]["min"] >= 2


def test_artillery_fire_at_three_towns(events: list[Event]) -> None:
    found = find(
        events,
        lambda e: (
            e["event"] == "ASSAULT" and e["mode"] == "heavy-weapons" and e["event_loc"] is not None
        ),
    )
    places = {e["event_loc"]["extracted_place"] for e in found}
    assert {"Terter", "Aghdam", "Aghjabedi"} <= places
    for event in found:
        assert event["event_loc"]["country_code"] == "AZE"
        assert claimed(event, "asserts", "AZE")
    assert len({e["text_info"]["start"] for e in found}) == 1


def test_accusations_in_both_directions(events: list[Event]) -> None:
    pairs = {
        (a, r)
        for e in events
        if e["event"] == "ACCUSE"
        for a in codes(e["actor"])
        for r in codes(e["recipient"])
    }
    assert {("ARM", "AZE"), ("AZE", "ARM"), ("ARM", "TUR")} <= pairs


def test_agreement_in_geneva_on_friday(events: list[Event]) -> None:
    found = find(
        events,
        lambda e: (
            e["event"] == "AGREE"
            and codes(e["actor"]) >= {"ARM", "AZE"}
            and e["date"] == "2020-10-30"
            and e["event_loc"]
            and e["event_loc"]["extracted_place"] == "Geneva"
        ),
    )
    assert found
    assert found[0]["event_loc"]["country_code"] == "CHE"


def test_third_party_consultation_with_osce(events: list[Event]) -> None:
    found = find(
        events,
        lambda e: (
            e["event"] == "CONSULT"
            and e["mode"] == "third-party"
            and "IGO" in codes(e["actor"]) | codes(e["recipient"])
            and e["event_loc"]
            and e["event_loc"]["extracted_place"] == "Geneva"
        ),
    )
    assert found


def test_russian_promise_of_assistance(events: list[Event]) -> None:
    found = find(
        events,
        lambda e: (
            e["event"] == "AGREE"
            and codes(e["actor"]) == {"RUS"}
            and codes(e["recipient"]) == {"ARM"}
        ),
    )
    assert found and found[0]["aux"] is None


def test_history_is_never_coded_as_todays_news(events: list[Event]) -> None:
    # Background ("held by separatists backed by Yerevan since 1992, when they broke from
    # Azerbaijan in a war that killed some 30,000 people") is either turned down by the
    # event detector, which learns background as no event, or marked historical; this test
    # once asked for a 1992 event, an artefact of the rules that coded every trigger.
    for year in ("1992", "2007"):
        assert all(e["aux"] == "historical" for e in events if year in e["text"]), year
    # The 1997 pact, where it is coded, is historical and not placed where the article's
    # talks are (Geneva): a historical event has no place unless its own sentence names
    # one. Its signing is a SUPPORT (PLOVER 2.0 codes signing an agreement so); the noun
    # "pact" as an AGREE of its own, which this test once asked for, is a second event for
    # the same act. Like the background above, the event detector may turn the signing down
    # (it does since it was trained on the 489 sentences of strife's own gold).
    pact = find(events, lambda e: "1997" in e["text"] and e["event"] in ("AGREE", "SUPPORT"))
    assert all(e["aux"] == "historical" and e["event_loc"] is None for e in pact)
    assert not find(events, lambda e: "1997" in e["text"] and e["aux"] != "historical")


def test_a_running_total_is_not_an_event(events: list[Event]) -> None:
    # "The monthlong conflict has so far claimed more than 1,200 lives": a tally over a
    # month of war, like the totals of strife's own no-event gold, not an act of that day.
    # This test once asked for an ASSAULT with that death toll; how "more than 1,200" is
    # counted is tested on a hand-built parse (tests/test_casualties.py).
    assert not find(events, lambda e: "1,200 lives" in e["text"])


def test_no_evidence_from_boilerplate_and_citation(events: list[Event]) -> None:
    assert events
    for event in events:
        assert "JOIN NOW" not in event["text"] and "mailing list" not in event["text"]
        assert event["cite_info"]["publication"] == "Iran Press TV"
        assert event["cite_info"]["published"].startswith("2020-10-31")


def test_offsets_point_into_the_stored_text(events: list[Event], tmp_path: Path) -> None:
    from strife.ingest import read_inputs
    from strife.records import Article

    (article,) = [a for a in read_inputs([str(KARABAKH)]) if isinstance(a, Article)]
    for event in events:
        info = event["text_info"]
        assert article.text[info["start"] : info["end"]] == event["text"]
        assert article.text[event["event_start"] : event["event_end"]] == event["event_text"]
        for ref in event["actor"] + event["recipient"]:
            assert article.text[ref["start"] : ref["end"]] == ref["entity_text"]
        for claim in event["claims"]:
            assert article.text[claim["start"] : claim["end"]] == claim["text"]
