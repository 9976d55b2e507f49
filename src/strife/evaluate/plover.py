"""``strife eval events``: event type accuracy on gold sentences, given pairs and end to end.

Reads PLV pairs (``.tsv``), PLOVER gold records (``.json``) and strife's own gold
(``.jsonl``); prints accuracy, macro-F1 and a per-type table for the classification mode
and for ``strife code`` end to end (see :mod:`strife.classify.evaluation`). With ``--suite``
it runs the evaluation suite instead (:mod:`strife.evaluate.suite`): every corpus under
``--data`` and strife's own gold, on one part of the split.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table

from strife.classify.corpora import read_corpus
from strife.classify.evaluation import ClassifyReport, CodeReport, evaluate_classify, evaluate_code
from strife.classify.scoring import TypeScore
from strife.display import stderr_console, tell
from strife.errors import StrifeError
from strife.evaluate.commands import eval_app
from strife.evaluate.splits import Part


class Task(StrEnum):
    classify = "classify"
    code = "code"
    both = "both"


class SuitePart(StrEnum):
    heldout = "heldout"
    dev = "dev"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


@eval_app.command("events")
def events_command(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(help="Gold sets: PLV .tsv, PLOVER .json, strife .jsonl.", exists=True),
    ] = None,
    task: Annotated[
        Task, typer.Option("--task", help="Given pairs, end to end, or both.")
    ] = Task.both,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Table or JSON report.")
    ] = ReportFormat.table,
    model: Annotated[
        Path | None,
        typer.Option("--model", help="A trained typer's folder instead of the shipped one."),
    ] = None,
    rules: Annotated[
        bool,
        typer.Option(
            "--rules",
            help="The coder before its models: types by the trigger lexicon, roles by "
            "the rules, no event detector.",
        ),
    ] = False,
    suite: Annotated[
        bool, typer.Option("--suite", help="Run the evaluation suite (docs/evaluation.md).")
    ] = False,
    data: Annotated[
        Path, typer.Option("--data", help="The suite's data folder.", file_okay=False)
    ] = Path("..") / "shared" / "data",
    own: Annotated[
        Path | None,
        typer.Option(
            "--own", help="strife's own gold folder (default tests/gold).", file_okay=False
        ),
    ] = None,
    part: Annotated[
        SuitePart, typer.Option("--part", help="The part of the split the suite scores.")
    ] = SuitePart.heldout,
) -> None:
    """Event type accuracy, macro-F1 and a per-type table on gold sentences; or, with
    --suite, the evaluation suite over every gold corpus."""
    if suite == bool(gold):
        tell(stderr_console(), "strife: give gold files or --suite (not both)")
        raise typer.Exit(2)
    if suite:
        _suite(data, own, part, output_format, (model, rules))
        return
    try:
        reports = [_report(path, task, model, rules) for path in gold or []]
    except StrifeError as exc:
        tell(stderr_console(), f"strife: {exc}")
        raise typer.Exit(2) from exc
    if output_format is ReportFormat.json:
        json.dump(reports if len(reports) > 1 else reports[0], sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    console = Console(width=120)
    for report in reports:
        _print(console, report)


def _suite(
    data: Path,
    own: Path | None,
    part: SuitePart,
    output_format: ReportFormat,
    typing: tuple[Path | None, bool],
) -> None:
    from strife.classify.model import EventTyper
    from strife.classify.pairs import PairClassifier
    from strife.evaluate.suite_report import print_suite, run_suite, suite_dict

    model, rules = typing
    try:
        coder = coder_for(model, rules)
        classifier = PairClassifier(coder.nlp, coder.events.lexicon, EventTyper.load(model))
        chosen: Part = "dev" if part is SuitePart.dev else "heldout"
        scores, skipped = run_suite(data, own, chosen, coder, (classifier, rules))
    except StrifeError as exc:
        tell(stderr_console(), f"strife: {exc}")
        raise typer.Exit(2) from exc
    report = suite_dict(scores, skipped, chosen, data, "rules" if rules else "model")
    if output_format is ReportFormat.json:
        json.dump(report, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    print_suite(Console(width=160), report)


def _report(path: Path, task: Task, model: Path | None, rules: bool) -> dict[str, Any]:
    from strife.classify.model import EventTyper
    from strife.classify.pairs import PairClassifier

    items = read_corpus(path)
    out: dict[str, Any] = {"gold": str(path), "items": len(items)}
    out["typing"] = "rules" if rules else "model"
    if task in (Task.classify, Task.both):
        classifier = PairClassifier.load(EventTyper.load(model))
        out["classify"] = classify_dict(evaluate_classify(items, classifier, rules))
    if task in (Task.code, Task.both):
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


def _print(console: Console, report: dict[str, Any]) -> None:
    console.print(f"[bold]{report['gold']}[/bold]: {report['items']} items, {report['typing']}")
    if "classify" in report:
        c = report["classify"]
        line = f"classification (given pairs): accuracy {c['accuracy']:.3f}"
        line += f", macro-F1 {c['macro_f1']:.3f}"
        if c["mode_accuracy"] is not None:
            line += f", mode accuracy {c['mode_accuracy']:.3f} (of {c['mode_items']})"
        console.print(line)
        console.print(_table(c["per_type"], "predicted"))
    if "code" in report:
        e = report["code"]
        console.print(
            f"end to end (strife code): recall {e['recall']:.3f} ({e['found']}/{e['gold_pairs']})"
            f", precision {e['precision']:.3f} ({e['matching_events']}/{e['events']} events)"
        )
        console.print(_table(e["per_type"], "events"))


def _table(rows: dict[str, dict[str, float | int]], coded: str) -> Table:
    table = Table("type", "precision", "recall", "F1", "gold", coded)
    for label, row in rows.items():
        table.add_row(
            label,
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
            str(row["support"]),
            str(row["predicted"]),
        )
    return table
