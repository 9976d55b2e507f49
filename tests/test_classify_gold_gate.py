"""The accuracy gate: the shipped model on the project's own gold set, against stored floors.

``tests/gold/plover_gold.jsonl`` holds wire-style sentences written by the project, over
all 16 PLOVER types, with actor and recipient spans, codes, type and mode; the model never
saw them (the training script refuses them). ``tests/gold/floors.json`` stores the floors:
``make test`` fails when accuracy drops below one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strife.classify.corpora import GoldItem, read_gold_jsonl
from strife.classify.evaluation import evaluate_classify, evaluate_code
from strife.classify.pairs import PairClassifier

GOLD = Path(__file__).resolve().parent / "gold"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def items() -> list[GoldItem]:
    return list(read_gold_jsonl(GOLD / "plover_gold.jsonl"))


def test_classification_mode_holds_its_floors(items: list[GoldItem]) -> None:
    report = evaluate_classify(items, PairClassifier.load())
    scores = report.scores
    assert scores.accuracy >= FLOORS["classify"]["accuracy"], scores
    assert scores.macro_f1 >= FLOORS["classify"]["macro_f1"], scores
    assert report.mode_accuracy is not None
    assert report.mode_accuracy >= FLOORS["classify"]["mode_accuracy"], report.mode_accuracy


def test_end_to_end_holds_its_floors(items: list[GoldItem]) -> None:
    from strife.pipeline import Coder

    report = evaluate_code(items, Coder.load())
    assert report.recall >= FLOORS["code"]["recall"], report
    assert report.precision >= FLOORS["code"]["precision"], report
