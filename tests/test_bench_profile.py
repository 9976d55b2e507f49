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
