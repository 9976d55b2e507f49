"""The resolver's model: a conditional logit over a toponym's candidate readings.

Each reading's score is a weighted sum of its features (:mod:`strife.places.features`); the
probability of a reading is the softmax of the scores of the toponym's readings. Two weight
vectors: ``local`` scores readings on local features alone (the first pass, whose readings
vote for each other), ``full`` on local and context features (the choice).

Fitted by :func:`fit` on gold toponyms, where every reading within the gold's tolerance (or
with the gold's GeoNames id) is right: the likelihood is the probability of the right set.
Stored as plain weights in ``strife/data/models/resolver/weights.json`` with what it was
trained on; ``train/train_geo.py`` writes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from strife.datafiles import data_file
from strife.errors import ModelError
from strife.places.features import FEATURES, LOCAL_FEATURES, Matrix

Vector = NDArray[np.float64]

L2 = 1e-3
STEPS = 600
LEARNING_RATE = 0.05


@dataclass(frozen=True, slots=True)
class Group:
    """One gold toponym's readings: their features and which are right."""

    features: Matrix
    right: NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class ResolverModel:
    """Weights of the two passes, by feature name order of :data:`FEATURES`."""

    local: Vector
    full: Vector
    trained_on: dict[str, Any]

    def full_scores(self, features: Matrix) -> Vector:
        return features @ self.full

    @classmethod
    def load(cls, path: Path | None = None) -> ResolverModel:
        """The shipped model (or the one at ``path``)."""
        target = path if path is not None else default_path()
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
            local = _vector(data["local"], LOCAL_FEATURES)
            full = _vector(data["full"], FEATURES)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot read the place resolver model {target}: {exc}") from exc
        return cls(local, full, dict(data.get("trained_on", {})))

    def save(self, path: Path) -> None:
        data = {
            "model": "conditional logit over a toponym's candidate readings",
            "local": dict(zip(LOCAL_FEATURES, map(_round, self.local), strict=True)),
            "full": dict(zip(FEATURES, map(_round, self.full), strict=True)),
            "trained_on": self.trained_on,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def default_path() -> Path:
    return data_file("models", "resolver", "weights.json")


def _vector(weights: dict[str, float], names: Sequence[str]) -> Vector:
    missing = [name for name in names if name not in weights]
    if missing:
        raise ValueError(f"no weight for {', '.join(missing)}")
    return np.array([float(weights[name]) for name in names], dtype=np.float64)


def _round(value: float) -> float:
    return round(float(value), 5)


def fit(groups: Sequence[Group], l2: float = L2, steps: int = STEPS) -> Vector:
    """Weights maximising the probability of the right readings (Adam, full batch, L2)."""
    usable = [g for g in groups if g.right.any() and not g.right.all()]
    if not usable:
        raise ValueError("no gold toponym with both a right and a wrong reading to learn from")
    features = np.concatenate([g.features for g in usable])
    right = np.concatenate([g.right for g in usable]).astype(np.float64)
    sizes = np.array([len(g.right) for g in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group_of = np.repeat(np.arange(len(usable)), sizes)
    weights = np.zeros(features.shape[1])
    moment, second = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        gradient = _gradient(features, right, starts, group_of, weights) + l2 * weights
        moment = 0.9 * moment + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        corrected = moment / (1 - 0.9**step)
        scale = np.sqrt(second / (1 - 0.999**step)) + 1e-8
        weights -= LEARNING_RATE * corrected / scale
    return weights


def _gradient(
    features: Matrix,
    right: Vector,
    starts: NDArray[np.int64],
    group_of: NDArray[np.int64],
    weights: Vector,
) -> Vector:
    """Mean gradient of -log P(right set) over groups: E_all[x] - E_right[x]."""
    scores = features @ weights
    scores = scores - np.maximum.reduceat(scores, starts)[group_of]
    exp = np.exp(scores)
    every = exp / np.add.reduceat(exp, starts)[group_of]
    right_exp = exp * right
    among_right = right_exp / np.add.reduceat(right_exp, starts)[group_of]
    return ((every - among_right) @ features) / len(starts)


def log_likelihood(groups: Sequence[Group], weights: Vector) -> float:
    """Mean log probability of the right readings (groups without one are skipped)."""
    total, counted = 0.0, 0
    for group in groups:
        if not group.right.any():
            continue
        scores = group.features @ weights
        top = scores.max()
        log_all = top + np.log(np.exp(scores - top).sum())
        log_right = top + np.log(np.exp(scores[group.right] - top).sum())
        total += float(log_right - log_all)
        counted += 1
    return total / max(counted, 1)


__all__ = ["Group", "ResolverModel", "fit", "log_likelihood"]
