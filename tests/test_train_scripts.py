"""The training scripts' command lines (they need torch, which only `make train` installs)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

TRAIN = Path(__file__).resolve().parent.parent / "train"


@pytest.mark.parametrize("script", ["train_typer", "cross_validate"])
def test_default_epochs_are_a_number(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch", reason="torch is installed by `make train` only")
    monkeypatch.syspath_prepend(str(TRAIN))
    monkeypatch.setattr(sys, "argv", [script])
    module = importlib.import_module(script)
    assert module._arguments().epochs == 4


def _detector_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    pytest.importorskip("sklearn", reason="scikit-learn comes with the dev and train extras")
    monkeypatch.syspath_prepend(str(TRAIN))
    return importlib.import_module("train_detector")


def test_the_detector_written_is_the_regression_fitted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import numpy as np

    from strife.events.detect import EventDetector

    script = _detector_script(monkeypatch)
    rows = [("bias", "verb=express"), ("bias", "verb=bomb"), ("bias", "verb=express", "quoted")]
    samples = [
        script.Sample("cameo", f"s{i}", rows[i % 3], 0 if "verb=express" in rows[i % 3] else 1)
        for i in range(30)
    ]
    names = script.vocabulary([s.features for s in samples], min_count=3)
    assert names == ["bias", "quoted", "verb=bomb", "verb=express"]
    x = script.matrix([s.features for s in samples], names)
    weights, bias = script.fit(x, np.array([s.label for s in samples]), 1.0)
    script.write_model(weights, bias, names, tmp_path, "detector.onnx", {"threshold": 0.5})
    detector = EventDetector.load(tmp_path)
    expected = 1 / (1 + np.exp(-(x[:3] @ weights + bias)))
    assert detector.probabilities([list(r) for r in rows]) == pytest.approx(expected, abs=1e-6)
    assert detector.probabilities([["bias", "verb=bomb"]])[0] > 0.5 > expected[0]


def test_detector_rates_count_sentences_by_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    script = _detector_script(monkeypatch)
    samples = [
        script.Sample("plv", "a", ("bias",), 1),  # an event sentence: kept at 0.6
        script.Sample("plv", "b", ("bias",), 1),  # an event sentence: lost at 0.6
        script.Sample("cameo", "c", ("bias",), 0),  # a statement given an event at 0.6
        script.Sample("cameo", "d", ("bias",), 0),  # a statement coded nothing
        script.Sample("ngec", "e", ("bias",), 1),  # training material only: not counted
    ]
    probs = np.array([0.9, 0.2, 0.7, 0.1, 0.0])
    kept, alarms = script.rates(samples, probs, 0.6)
    assert (kept, alarms) == (pytest.approx(0.5), pytest.approx(0.5))
