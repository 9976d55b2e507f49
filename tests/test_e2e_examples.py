"""End to end on the project's own example articles (``examples/``): real model, gazetteer.

Each article has a file of expected events in ``tests/expected/``, written by a careful
human reading. Every expected event not marked ``hard`` must be coded; the hard ones are
counted, and their recall may not fall below the floor in ``tests/expected/floors.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strife.contract import event_to_dict
from strife.evaluate.expected import load_expected, matches
from strife.ingest import read_inputs
from strife.pipeline import CodedArticle, code_articles
from strife.records import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXPECTED = ROOT / "tests" / "expected"

pytestmark = pytest.mark.slow

Coded = dict[str, Any]


@pytest.fixture(scope="module")
def coded() -> dict[str, list[Coded]]:
    """Events of every example, keyed by the expected file's stem (or batch id)."""
    by_key: dict[str, list[Coded]] = {}
    for result in code_articles(read_inputs([str(EXAMPLES)])):
        assert isinstance(result, CodedArticle), f"example rejected: {result}"
        by_key[_key(result.article)] = [event_to_dict(e) for e in result.events]
    return by_key


def _key(article: Article) -> str:
    path = Path(article.source.split(":")[0])
    if path.suffix == ".jsonl":
        line = int(article.source.rsplit(":", 1)[1])
        record = json.loads(path.read_text(encoding="utf-8").splitlines()[line - 1])
        return f"batch:{record['id']}"
    return path.stem


def _expectations() -> list[tuple[str, dict[str, Any]]]:
    cases: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(EXPECTED.glob("*.json")):
        if path.stem == "floors":
            continue
        prefix = "batch:" if path.stem == "batch" else ""
        cases += [(prefix + key, event) for key, event in load_expected(path)]
    return cases


CASES = _expectations()


@pytest.mark.parametrize(
    ("key", "expected"),
    [case for case in CASES if not case[1].get("hard")],
    ids=lambda v: v if isinstance(v, str) else f"{v['event']}:{v['sentence_contains'][:30]}",
)
def test_expected_event_is_coded(
    coded: dict[str, list[Coded]], key: str, expected: dict[str, Any]
) -> None:
    events = coded[key]
    near = [e for e in events if expected["sentence_contains"] in e["text"]]
    assert any(matches(expected, e) for e in events), json.dumps(
        {"expected": expected, "coded in that sentence": near}, indent=1, default=str
    )


def test_hard_events_recall_floor(coded: dict[str, list[Coded]]) -> None:
    hard = [(key, e) for key, e in CASES if e.get("hard")]
    found = sum(any(matches(e, c) for c in coded[key]) for key, e in hard)
    floors = json.loads((EXPECTED / "floors.json").read_text(encoding="utf-8"))
    assert found / len(hard) >= floors["hard_recall"], f"{found}/{len(hard)} hard events coded"
