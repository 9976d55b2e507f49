"""The profile benchmark finds every stage it names in a real run (a renamed entry function
would show as a stage that took no time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]

# Written for this test.
STORIES = [
    "Azerbaijani forces shelled the town of Terter on Friday, killing two civilians, the "
    "Armenian defence ministry said. Baku denied the claim and accused Yerevan of attacks.",
    "Police in Lagos arrested 40 protesters on Monday after clashes near the state assembly, "
    "officials said. Three officers were injured.",
]


def _bench(script: str, *args: str) -> str:
    """Run ``bench/<script>`` with ``args`` in a process of its own; its standard output."""
    command = [sys.executable, str(ROOT / "bench" / script), *args]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout


def test_profile_reports_time_for_every_stage(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(
        "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(STORIES)),
        encoding="utf-8",
    )
    stdout = _bench("stage_profile.py", "--input", str(path), "--format", "json")
    result = json.loads(stdout.strip().splitlines()[-1])
    assert result["articles"] == 2
    seconds = {row["stage"]: row["seconds"] for row in result["stages"]}
    timed = {"ingest", "dedupe", "spaCy", "actors", "places", "dates", "events", "triggers"}
    timed |= {"arguments", "typer", "claims", "store writes"}
    assert all(seconds[stage] > 0 for stage in timed), seconds
    assert all(0 <= row["share"] <= 1 for row in result["stages"])
    assert {"tok2vec", "parser", "ner"} <= set(result["spacy_components"])
    triggers = result["triggers"]
    assert triggers["sentences"] >= 2
    assert 0 < triggers["share_with_trigger"] <= 1
    assert 0 < triggers["token_share_with_trigger"] <= 1
    ceiling = result["ceiling"]
    assert ceiling["bare_spacy_seconds"] > 0
    assert 0 < ceiling["least_spacy_seconds"] <= ceiling["strife_spacy_seconds"]


def test_ceiling_leaves_bare_spacy_less_the_least_parse() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from stage_profile import ceiling

    components = {"tok2vec": 3.0, "parser": 2.0, "ner": 5.0}
    result = ceiling(unprofiled=14.0, components=components, bare=11.0, token_share=0.75)
    # The parser runs on three quarters of the tokens: 10 - 2 * 0.25 = 9.5 s at least.
    assert result["least_spacy_seconds"] == 9.5
    assert result["own_budget_seconds"] == 1.5
    assert result["own_seconds"] == 4.0


DATA = ROOT.parent / "shared" / "data"
GUARDIAN = DATA / "articles" / "Guardian_SDF_sample.csv.zip"


@pytest.mark.skipif(not GUARDIAN.exists(), reason="the Guardian sample (../shared/data) is absent")
def test_throughput_times_the_first_articles_and_profiles_them() -> None:
    args = ("--data", str(DATA), "--repeat", "1", "--articles", "3", "--profile", "2")
    lines = _bench("throughput.py", *args).splitlines()
    assert lines[0].startswith("3 articles,")
    assert any(line.lstrip().startswith("throughput ratio strife/spacy") for line in lines)
    assert any(line.startswith("2 articles coded in") for line in lines)
    assert any(line.startswith("spaCy ") and "%" in line for line in lines)


@pytest.mark.skipif(not GUARDIAN.exists(), reason="the Guardian sample (../shared/data) is absent")
def test_speed_ab_times_both_sides_in_turn() -> None:
    args = ("--base", "HEAD", "--data", str(DATA), "--articles", "2", "--rounds", "1")
    lines = _bench("speed_ab.py", *args).splitlines()
    assert lines[0].startswith("round 1 base:") and "coded 2 articles" in lines[0]
    assert lines[1].startswith("round 1 head:") and "coded 2 articles" in lines[1]
    assert lines[-1].startswith("time head/base: median of the 1 rounds")
