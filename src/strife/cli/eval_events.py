"""``strife eval events``: event type accuracy on gold sentences, or the evaluation suite.

With gold files, accuracy, macro-F1 and a per-type table for the classification mode and
for ``strife code`` end to end (:mod:`strife.evaluate.plover`); with ``--suite``, every
corpus under ``--data`` and strife's own gold, on one part of the split
(:mod:`strife.evaluate.suite`).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from strife.cli.options import ReportFormat, ReportFormatOption, SuitePart, SuitePartOption, fail
from strife.errors import StrifeError


class Task(StrEnum):
    classify = "classify"
    code = "code"
    both = "both"


def eval_events_command(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(help="Gold sets: PLV .tsv, PLOVER .json, strife .jsonl.", exists=True),
    ] = None,
    task: Annotated[
        Task, typer.Option("--task", help="Given pairs, end to end, or both.")
    ] = Task.both,
    output_format: ReportFormatOption = ReportFormat.table,
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
    part: SuitePartOption = SuitePart.heldout,
) -> None:
    """Event type accuracy, macro-F1 and a per-type table on gold sentences; or, with
    --suite, the evaluation suite over every gold corpus."""
    if suite == bool(gold):
        fail("give gold files or --suite (not both)")
    if suite:
        _suite(data, own, part, output_format, (model, rules))
        return
    from strife.evaluate.plover import report_for

    try:
        reports = [
            report_for(
                path,
                classify=task is not Task.code,
                code=task is not Task.classify,
                model=model,
                rules=rules,
            )
            for path in gold or []
        ]
    except StrifeError as exc:
        fail(exc)
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
    from strife.evaluate.plover import coder_for
    from strife.evaluate.splits import Part
    from strife.evaluate.suite_report import print_suite, run_suite, suite_dict

    model, rules = typing
    try:
        coder = coder_for(model, rules)
        classifier = PairClassifier(coder.nlp, coder.events.lexicon, EventTyper.load(model))
        chosen: Part = "dev" if part is SuitePart.dev else "heldout"
        scores, skipped = run_suite(data, own, chosen, coder, (classifier, rules))
    except StrifeError as exc:
        fail(exc)
    report = suite_dict(scores, skipped, chosen, data, "rules" if rules else "model")
    if output_format is ReportFormat.json:
        json.dump(report, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    print_suite(Console(width=160), report)


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
