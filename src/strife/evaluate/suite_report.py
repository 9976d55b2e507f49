"""``strife eval events --suite``: run the suite once and report it as JSON or a table.

The JSON report is one object with stable keys: ``part``, ``data``, ``typing``,
``skipped`` (corpus -> reason), ``corpora`` (name -> ``items`` and, for every measure of
:data:`strife.evaluate.suite.MEASURES`, its value or null, with ``counts``: measure ->
``[hits, items]``, and ``coded_on_none_types``: event type -> no-event sentences given
one of that type) and ``macro`` (measure -> mean over the corpora it applies to, or null).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from strife.errors import InputError
from strife.evaluate.splits import Part
from strife.evaluate.suite import (
    MEASURES,
    CorpusScores,
    coded_sentences,
    load_corpora,
    macro,
    score_corpus,
    select,
    type_given_pairs,
)

if TYPE_CHECKING:
    from strife.classify.pairs import PairClassifier
    from strife.pipeline import Coder

HEADINGS = {
    "type_accuracy": "type given pair",
    "pair_found": "pair found",
    "pair_typed": "pair + type",
    "type_source": "type + source",
    "quad_event": "event of quad",
    "precision": "precision",
    "coded_on_none": "coded on none",
}


def run_suite(
    data: Path,
    own: Path | None,
    part: Part,
    coder: Coder,
    typing: tuple[PairClassifier, bool],
) -> tuple[list[CorpusScores], dict[str, str]]:
    """Score every corpus found on one part; all sentences coded in one pass. ``typing``:
    the classifier for the given pairs, and whether to type them by the lexicon alone."""
    corpora, skipped = load_corpora(data, own)
    if not corpora:
        raise InputError(str(data), "no gold corpus found (" + "; ".join(skipped.values()) + ")")
    chosen = [select(corpus, part) for corpus in corpora]
    items = [item for corpus in chosen for item in corpus.items]
    coded = coded_sentences([item.text for item in items], coder)
    typed = type_given_pairs(items, *typing)
    return [score_corpus(c, coded, typed) for c in chosen], skipped


def suite_dict(
    scores: Sequence[CorpusScores], skipped: dict[str, str], part: Part, data: Path, typing: str
) -> dict[str, Any]:
    return {
        "part": part,
        "data": str(data),
        "typing": typing,
        "skipped": skipped,
        "corpora": {s.name: _corpus_dict(s) for s in scores},
        "macro": macro(scores),
    }


def _corpus_dict(scores: CorpusScores) -> dict[str, Any]:
    out: dict[str, Any] = {"items": scores.items}
    # Unrounded: a table rounds once, from these (rounding twice printed 0.1475 as 0.147).
    out.update({m: scores.value(m) for m in MEASURES})
    out["counts"] = {m: list(scores.counts[m]) for m in MEASURES}
    out["coded_on_none_types"] = dict(scores.none_types)
    return out


def print_suite(console: Console, report: dict[str, Any]) -> None:
    console.print(
        f"[bold]evaluation suite[/bold], part {report['part']}, data {report['data']}, "
        f"typing {report['typing']}",
        highlight=False,
    )
    table = Table("corpus", "items", *(HEADINGS[m] for m in MEASURES))
    for name, row in report["corpora"].items():
        cells = [_cell(row[m], row["counts"][m]) for m in MEASURES]
        table.add_row(name, str(row["items"]), *cells)
    table.add_row("macro", "", *(_cell(report["macro"][m], None) for m in MEASURES))
    console.print(table)
    for name, reason in report["skipped"].items():
        console.print(f"skipped {name}: {reason}", markup=False, highlight=False)


def _cell(value: float | None, counts: list[int] | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" + (f" ({counts[0]}/{counts[1]})" if counts else "")
