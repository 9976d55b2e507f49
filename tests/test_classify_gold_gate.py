"""The accuracy gate: the shipped models on the project's own gold set, against stored floors.

``tests/gold/plover_gold.jsonl`` holds wire-style sentences written by the project, over
all 16 PLOVER types, with actor and recipient spans, codes, type and mode. The typer, the
event detector and the role ranker are trained on its development part (the suite's split),
so the gate scores its held-out part only (``strife.evaluate.splits``): 148 sentences none of
the models saw. ``tests/gold/floors.json`` stores the floors: ``make test`` fails when
accuracy drops below one.

The evaluation suite's gate: its held-out macro averages (``strife eval events --suite``,
docs/evaluation.md) against the ``suite`` floors; skipped where ../shared/data is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strife.classify.pairs import PairClassifier
from strife.evaluate.event_gold import GoldItem, read_gold_jsonl
from strife.evaluate.events import evaluate_classify, evaluate_code
from strife.evaluate.splits import is_heldout

GOLD = Path(__file__).resolve().parent / "gold"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def items() -> list[GoldItem]:
    held_out = [i for i in read_gold_jsonl(GOLD / "plover_gold.jsonl") if is_heldout(i.text)]
    assert len(held_out) == 148
    return held_out


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


def test_the_suites_held_out_macro_averages_hold_their_floors() -> None:
    from strife.classify.pairs import PairClassifier
    from strife.evaluate.suite import macro
    from strife.evaluate.suite_report import run_suite
    from strife.pipeline import Coder

    if not (DATA / "plv" / "PLV_train.tsv").is_file():
        pytest.skip(f"the suite's corpora are not under {DATA}")
    typing = (PairClassifier.load(), False)
    scores, skipped = run_suite(DATA, GOLD, "heldout", Coder.load(), typing)
    assert not skipped, skipped
    averages = macro(scores)
    floors = FLOORS["suite"]
    for measure, floor in floors["at_least"].items():
        assert (averages[measure] or 0.0) >= floor, (measure, averages)
    for measure, ceiling in floors["at_most"].items():
        assert (averages[measure] or 0.0) <= ceiling, (measure, averages)
