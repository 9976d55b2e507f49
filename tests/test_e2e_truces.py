"""Truce records end to end: the real model, store and command on written reports.

``tests/truces/`` holds seven dated reports of the October 2020 Karabakh truces, written for
strife from public facts (``README.md`` there, ``expected.json`` the facts). The seed
article (``../shared/examples``) is added when present.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SERIES = sorted((HERE / "truces").glob("2020-*.txt"))
EXPECTED = json.loads((HERE / "truces" / "expected.json").read_text(encoding="utf-8"))
SEED = HERE.parents[1] / "shared" / "examples" / "karabakh-2020-10-31.txt"

pytestmark = pytest.mark.slow

Truce = dict[str, Any]


def _truces(db: Path, paths: list[Path]) -> list[Truce]:
    done = subprocess.run(
        [sys.executable, "-m", "strife", "code", *map(str, paths), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "strife", "truces", "--db", str(db), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    return [json.loads(line) for line in listed.stdout.splitlines()]


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> list[Truce]:
    return _truces(tmp_path_factory.mktemp("series") / "s.duckdb", SERIES)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> list[Truce]:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (shared reference material not checked out)")
    return _truces(tmp_path_factory.mktemp("seed") / "k.duckdb", [SEED])


def codes(parties: list[dict[str, Any]]) -> set[str]:
    return {p["code"] for p in parties}


def test_each_truce_of_the_series_is_found_once(series: list[Truce]) -> None:
    dated = [t for t in series if t["agreed_on"]]
    assert [t["agreed_on"] for t in dated] == [e["agreed_on"] for e in EXPECTED]
    assert len(series) <= 6
    for truce, expected in zip(dated, EXPECTED, strict=True):
        assert codes(truce["parties"]) == set(expected["parties"])
        if expected["starts"]:
            assert truce["starts"] == expected["starts"]
        if expected["key"] != "geneva":
            assert codes(truce["mediators"]) & set(expected["mediators"]), expected["key"]


def test_each_truce_is_superseded_by_the_next(series: list[Truce]) -> None:
    dated = [t for t in series if t["agreed_on"]]
    for truce, following in itertools.pairwise(dated):
        assert truce["superseded_by"] == following["id"]
        assert truce["status"] == "superseded"
    assert dated[-1]["superseded_by"] is None


def test_violations_are_linked_to_the_truce_in_force(series: list[Truce]) -> None:
    dated = [t for t in series if t["agreed_on"]]
    accusers: set[str] = set()
    for truce, expected in zip(dated, EXPECTED, strict=True):
        if expected["violations"]:
            assert truce["violations"], expected["key"]
        first = truce["starts"] or truce["agreed_on"]
        for violation in truce["violations"]:
            assert violation["date"] >= first[:10]
            accusers.add(violation["accuser"])
            assert {violation["accuser"], violation["accused"]} <= {"ARM", "AZE", None}
    assert {"ARM", "AZE"} <= accusers
    assert any(v["contested"] for t in dated for v in t["violations"])


def test_every_field_points_at_its_words(series: list[Truce]) -> None:
    texts = {}
    for path in SERIES:
        texts[path.name] = path.read_text(encoding="utf-8")
    for truce in series:
        for evidence in truce["evidence"]["mentions"]:
            assert evidence["text"] and evidence["end"] > evidence["start"]
        for term in truce["terms"]:
            assert term["evidence"]["text"] == term["text"] or term["text"] in " ".join(
                term["evidence"]["text"].split()
            )


def test_the_seed_article_gives_the_geneva_agreement(seed: list[Truce]) -> None:
    [geneva] = [t for t in seed if t["agreed_on"]]
    assert geneva["agreed_on"] == "2020-10-30"
    assert geneva["place"]["name"] == "Geneva"
    assert codes(geneva["parties"]) == {"ARM", "AZE"}
    assert {"IGO", "FRA", "RUS", "USA"} <= codes(geneva["mediators"])
    assert "not to target civilians" in [t["text"] for t in geneva["terms"]]
    assert geneva["status"] == "collapsed"
    assert [c["status"] for c in geneva["status_history"]][:2] == ["announced", "violated"]
    by_place = {
        v["place"]["name"]: v
        for v in geneva["violations"]
        if v["place"] and v["event"] == "ASSAULT"
    }
    assert by_place["Shusha"]["accuser"] == "ARM"
    assert by_place["Shusha"]["accused"] == "AZE"
    assert by_place["Shusha"]["contested"] is True
    for place in ("Tartar", "Aghdam", "Aghjabadi"):
        assert by_place[place]["accuser"] == "AZE"


def test_the_seed_article_gives_two_earlier_russian_truces(seed: list[Truce]) -> None:
    undated = [t for t in seed if not t["agreed_on"]]
    assert len(undated) == 2
    for truce in undated:
        assert codes(truce["mediators"]) == {"RUS"}
        assert codes(truce["parties"]) == {"ARM", "AZE"}
        assert truce["status"] == "superseded"
