"""Logistic regressions over named binary features, for the models of
:mod:`strife.events.linear` (the event detector, the role ranker): the vocabulary, the
design matrix, the fit (scikit-learn, L2, classes balanced) and the ONNX export
(``MatMul``, ``Add``, ``Sigmoid``) with ``features.json`` beside it."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from strife.events.linear import FEATURES_FILE

SEED = 13


Row = TypeVar("Row")


def subsample(rows: list[Row], drop: float, seed: int) -> list[Row]:
    """``rows`` without a random ``drop`` share of them (``seed`` picks which); all of them
    when ``drop`` is 0, as ``make train`` trains."""
    if drop <= 0:
        return rows
    keep = np.random.default_rng(seed).random(len(rows)) >= drop
    return [row for row, kept in zip(rows, keep, strict=True) if kept]


def add_subsample_arguments(parser: argparse.ArgumentParser, rows: str) -> None:
    """``--drop`` and ``--seed``, for :func:`subsample` (``bench/retrain_spread.py``)."""
    parser.add_argument(
        "--drop",
        type=float,
        default=0.0,
        help=f"Leave out this share of the training {rows} at random.",
    )
    parser.add_argument("--seed", type=int, default=0, help="Which share --drop leaves out.")


def fold_draws(texts: Sequence[str], folds: int, repeats: int) -> list[np.ndarray]:
    """``repeats`` assignments of items to ``folds`` folds by their sentence (``texts``, one
    per item: a sentence's items share a fold), drawn from seeds SEED, SEED + 1, ..."""
    distinct = sorted(set(texts))
    draws = []
    for repeat in range(repeats):
        rng = np.random.default_rng(SEED + repeat)
        fold_of = dict(zip(distinct, rng.integers(0, folds, len(distinct)), strict=True))
        draws.append(np.array([fold_of[text] for text in texts]))
    return draws


def vocabulary(rows: Iterable[Sequence[str]], min_count: int) -> list[str]:
    """The feature names seen in at least ``min_count`` rows, sorted."""
    counts = Counter(f for row in rows for f in set(row))
    return sorted(f for f, n in counts.items() if n >= min_count)


def matrix(rows: Sequence[Sequence[str]], names: Sequence[str]) -> np.ndarray:
    column = {n: i for i, n in enumerate(names)}
    out = np.zeros((len(rows), len(names)), dtype=np.float32)
    for i, row in enumerate(rows):
        for f in row:
            if f in column:
                out[i, column[f]] = 1.0
    return out


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=SEED)
    model.fit(x, y)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def sigmoid(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ weights + bias)))


def write_model(
    weights: np.ndarray,
    bias: float,
    names: Sequence[str],
    out: Path,
    model_file: str,
    card: dict[str, Any],
    shown: int = 12,
) -> None:
    """Write ``out/model_file`` and ``out/features.json`` (``card`` and the names), then
    print the ``shown`` most negative and most positive features."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["features", "weights"], ["score"]),
            helper.make_node("Add", ["score", "bias"], ["logit"]),
            helper.make_node("Sigmoid", ["logit"], ["probability"]),
        ],
        "strife_linear_model",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, len(names)])],
        [helper.make_tensor_value_info("probability", TensorProto.FLOAT, [None, 1])],
        [
            numpy_helper.from_array(weights.reshape(-1, 1).astype(np.float32), "weights"),
            numpy_helper.from_array(np.array([bias], dtype=np.float32), "bias"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    out.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(out / model_file))
    (out / FEATURES_FILE).write_text(
        json.dumps({**card, "features": list(names)}, indent=1) + "\n", encoding="utf-8"
    )
    top = sorted(zip(weights, names, strict=True))
    print("most negative:", [n for _, n in top[:shown]])
    print("most positive:", [n for _, n in top[-shown:]])
    print(f"{len(names)} features, threshold {card['threshold']}, written to {out}")
