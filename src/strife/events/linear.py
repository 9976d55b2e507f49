"""A logistic regression over named binary features, run by onnxruntime.

The event detector (:mod:`strife.events.detect`) and the role ranker
(:mod:`strife.events.roles`) are such models: a candidate is described by the names of the
features it has ("verb=express", "actor:path=nsubj>"), each name is a column, and the model
(``MatMul``, ``Add``, ``Sigmoid`` in ONNX, written by ``train/linear.py``) gives a
probability. ``features.json`` beside the ONNX file lists the names in column order and the
decision threshold chosen in training.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from strife.errors import ModelError

FEATURES_FILE = "features.json"


class LinearModel:
    """Feature names to probabilities; ``threshold`` is the training's decision point."""

    def __init__(self, session: Any, features: dict[str, int], threshold: float) -> None:
        self._session = session
        self._features = features
        self.threshold = threshold

    @classmethod
    def load(cls, folder: Path, model_file: str, what: str) -> LinearModel:
        """Read ``model_file`` and ``features.json`` from ``folder``; :class:`ModelError`
        naming ``what`` (e.g. "the event detector") when either is unusable."""
        import onnxruntime

        names, threshold = _read_features(folder / FEATURES_FILE, what)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        try:
            session = onnxruntime.InferenceSession(
                str(folder / model_file), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ModelError(f"cannot load {what} {folder / model_file}: {exc}") from exc
        return cls(session, {name: i for i, name in enumerate(names)}, threshold)

    def has_feature(self, name: str) -> bool:
        return name in self._features

    def probabilities(
        self,
        rows: Sequence[Sequence[str]],
        values: Sequence[Mapping[str, float]] | None = None,
    ) -> npt.NDArray[np.float32]:
        """The probability of each row, given its feature names (unknown names count 0) and,
        in ``values``, the real-valued features of each row (a score, not a 0/1 flag)."""
        if not rows:
            return np.zeros(0, dtype=np.float32)
        matrix = np.zeros((len(rows), len(self._features)), dtype=np.float32)
        for i, row in enumerate(rows):
            for name in row:
                column = self._features.get(name)
                if column is not None:
                    matrix[i, column] = 1.0
        for i, valued in enumerate(values or ()):
            for name, value in valued.items():
                column = self._features.get(name)
                if column is not None:
                    matrix[i, column] = value
        (out,) = self._session.run(["probability"], {"features": matrix})
        return np.asarray(out, dtype=np.float32).reshape(-1)


def _read_features(path: Path, what: str) -> tuple[list[str], float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = [str(n) for n in data["features"]]
        threshold = float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"cannot read the features of {what} {path}: {exc}") from exc
    if not names or not 0.0 <= threshold <= 1.0:
        raise ModelError(f"{path}: {what} has no features, or a threshold outside 0-1")
    return names, threshold
