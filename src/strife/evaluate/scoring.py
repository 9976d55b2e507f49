"""Accuracy, macro-F1 and per-type precision/recall/F1 of labelled predictions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TypeScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(frozen=True, slots=True)
class Scores:
    """Accuracy over items; macro-F1 averages the types that occur in the gold labels."""

    n: int
    accuracy: float
    macro_f1: float
    per_type: tuple[TypeScore, ...]


def score(gold: Sequence[str], predicted: Sequence[str | None]) -> Scores:
    """Compare gold labels with predictions (None: nothing predicted)."""
    pairs = list(zip(gold, predicted, strict=True))
    right = Counter(g for g, p in pairs if g == p)
    support = Counter(gold)
    guessed = Counter(p for _, p in pairs if p is not None)
    per_type = tuple(
        _type_score(label, right[label], support[label], guessed[label])
        for label in sorted(set(support) | set(guessed))
    )
    in_gold = [t.f1 for t in per_type if t.support]
    return Scores(
        n=len(pairs),
        accuracy=sum(right.values()) / len(pairs) if pairs else 0.0,
        macro_f1=sum(in_gold) / len(in_gold) if in_gold else 0.0,
        per_type=per_type,
    )


def _type_score(label: str, right: int, support: int, predicted: int) -> TypeScore:
    precision = right / predicted if predicted else 0.0
    recall = right / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return TypeScore(label, precision, recall, f1, support, predicted)


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
