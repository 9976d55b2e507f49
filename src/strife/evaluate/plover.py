"""Event type accuracy on gold sentences, given pairs and end to end, as report dicts.

Reads PLV pairs (``.tsv``), PLOVER gold records (``.json``) and strife's own gold
(``.jsonl``); reports accuracy, macro-F1 and a per-type table for the classification mode
and for ``strife code`` end to end (see :mod:`strife.evaluate.events`). ``strife eval
events`` prints them (:mod:`strife.cli.eval_events`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from strife.evaluate.event_gold import read_corpus
from strife.evaluate.events import ClassifyReport, CodeReport, evaluate_classify, evaluate_code
from strife.evaluate.scoring import TypeScore


def report_for(
    path: Path, *, classify: bool, code: bool, model: Path | None, rules: bool
) -> dict[str, Any]:
    """The report of one gold file: given pairs, end to end, or both."""
    from strife.classify.model import EventTyper
    from strife.classify.pairs import PairClassifier

    items = read_corpus(path)
    out: dict[str, Any] = {"gold": str(path), "items": len(items)}
    out["typing"] = "rules" if rules else "model"
    if classify:
        classifier = PairClassifier.load(EventTyper.load(model))
        out["classify"] = classify_dict(evaluate_classify(items, classifier, rules))
    if code:
        out["code"] = code_dict(evaluate_code(items, coder_for(model, rules)))
    return out


def coder_for(model: Path | None, rules: bool) -> Any:
    """The pipeline's coder with a typer's folder (None: the shipped one), or with the
    coder before its models when ``rules``."""
    from strife.events import EventCoder
    from strife.pipeline import Coder

    coder = Coder.load()
    country_of = coder.actors.lookup_country
    typing: Literal["model", "rules"] = "rules" if rules else "model"
    coder.events = EventCoder.from_data(country_of=country_of, typing=typing, model_dir=model)
    return coder


def classify_dict(report: ClassifyReport) -> dict[str, Any]:
    return {
        "accuracy": round(report.scores.accuracy, 4),
        "macro_f1": round(report.scores.macro_f1, 4),
        "mode_accuracy": None if report.mode_accuracy is None else round(report.mode_accuracy, 4),
        "mode_items": report.mode_items,
        "per_type": _types(report.scores.per_type),
    }


def code_dict(report: CodeReport) -> dict[str, Any]:
    return {
        "recall": round(report.recall, 4),
        "precision": round(report.precision, 4),
        "gold_pairs": report.gold,
        "found": report.found,
        "events": report.events,
        "matching_events": report.matching_events,
        "per_type": _types(report.per_type),
    }


def _types(rows: tuple[TypeScore, ...]) -> dict[str, dict[str, float | int]]:
    return {
        t.label: {
            "precision": round(t.precision, 4),
            "recall": round(t.recall, 4),
            "f1": round(t.f1, 4),
            "support": t.support,
            "predicted": t.predicted,
        }
        for t in rows
    }
