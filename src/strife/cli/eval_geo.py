"""``strife eval geo FILE...``: the geoparser scored on geoparsing gold sets (TR-News, LGL,
GeoVirus, GeoWebNews, TUD-Loc2013), per development half, held-out half and whole file.

``strife eval geo --suite --data DIR``: the resolver judged across corpora
(:mod:`strife.evaluate.geo_suite`): fitted on the development parts of every corpus, and
fitted without the corpus it is scored on, each scored on the held-out parts (``--part
dev``: on the development parts, which the first of the two was fitted on).

Exit status: 0 when every file was scored, 1 when a file could not be read as a gold set
(the others are still scored), 2 on usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from strife.cli.options import (
    ReportFormat,
    ReportFormatOption,
    SuitePart,
    SuitePartOption,
    fail,
    reject,
)

if TYPE_CHECKING:
    from strife.places import Geoparser

# Row label of each reported figure, and what its denominator is.
_ROWS = (
    ("articles", "articles"),
    ("gold_toponyms", "gold toponyms with coordinates"),
    ("accuracy_161", "accuracy within 161 km (misses count as errors)"),
    ("exact", "exact GeoNames id (misses count as errors)"),
    ("missed", "missed (no overlapping prediction)"),
    ("accuracy_161_found", "accuracy within 161 km, found toponyms only"),
    ("exact_found", "exact GeoNames id, found toponyms only"),
    ("mean_error_km", "mean error km, found toponyms only"),
    ("median_error_km", "median error km, found toponyms only"),
    ("precision", "precision (predictions overlapping a gold toponym)"),
    ("found_by_context", "found as sites the gazetteer lacks (placed by context)"),
    ("accuracy_161_by_context", "accuracy within 161 km, sites placed by context"),
)
_PART_TITLES = {"dev": "dev (even articles)", "test": "test (odd, held out)", "all": "all"}


def eval_geo_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Gold files (.xml or .xml.gz): TR-News, LGL, GeoVirus or GeoWebNews; "
            "TUD-Loc2013 as its .zip or folder.",
            exists=True,
            show_default=False,
        ),
    ] = None,
    report_format: ReportFormatOption = ReportFormat.table,
    suite: Annotated[
        bool,
        typer.Option(
            "--suite",
            help="Score the resolver across TR-News, GeoVirus and TUD-Loc2013 (under --data): "
            "fitted on every corpus's development part, and on the other corpora only.",
        ),
    ] = False,
    data: Annotated[
        Path,
        typer.Option("--data", help="Folder holding geo/ with the suite's gold sets."),
    ] = Path("../shared/data"),
    part: SuitePartOption = SuitePart.heldout,
) -> None:
    """Score the geoparser on gold toponyms: exact id, accuracy within 161 km, error, misses."""
    if suite == bool(paths):
        fail("give gold files, or --suite (with --data), not both")
    from strife.errors import InputError
    from strife.evaluate.geo import evaluate_geoparser
    from strife.evaluate.geo_gold import read_gold
    from strife.nlp import load_nlp
    from strife.places import Geoparser

    nlp, geoparser = load_nlp(), Geoparser.load()
    if suite:
        _suite(data, nlp, geoparser, report_format, part)
        return
    assert paths is not None
    reports: list[dict[str, Any]] = []
    rejected = 0
    for path in paths:
        try:
            articles = read_gold(path)
        except InputError as exc:
            reject(exc.source, exc.reason)
            rejected += 1
            continue
        report = evaluate_geoparser(articles, nlp, geoparser).as_dict()
        reports.append({"file": str(path), **report})
    for report in reports:
        if report_format is ReportFormat.json:
            sys.stdout.write(json.dumps(report) + "\n")
        else:
            Console(file=sys.stdout, width=120).print(_table(report))
    raise typer.Exit(1 if rejected else 0)


def _suite(
    data: Path, nlp: Any, geoparser: Geoparser, report_format: ReportFormat, part: SuitePart
) -> None:
    from strife.errors import InputError
    from strife.evaluate.geo_suite import MODES, parse_corpora, read_corpora, run_suite

    try:
        corpora = read_corpora(data)
    except InputError as exc:
        fail(f"rejected {exc.source}: {exc.reason}")
    scored = "dev" if part is SuitePart.dev else "test"
    report = run_suite(parse_corpora(corpora, nlp, geoparser), geoparser, scored)
    if report_format is ReportFormat.json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    console = Console(file=sys.stdout, width=120)
    for mode in MODES:
        console.print(_suite_table(mode, report[mode], part))


_SUITE_TITLES = {
    "within": "resolver fitted on every corpus's development part",
    "leave_one_out": "resolver fitted on the other corpora only",
}
_PART_NAMES = {SuitePart.heldout: "held-out parts", SuitePart.dev: "development parts"}
_SUITE_ROWS = (
    ("accuracy_161", "within 161 km"),
    ("exact", "exact id"),
    ("missed", "missed"),
    ("precision", "precision"),
    ("accuracy_161_found", "within 161 km, found"),
    ("accuracy_161_by_context", "within 161 km, sites placed by context"),
)


def _suite_table(mode: str, report: dict[str, Any], part: SuitePart) -> Table:
    title = f"geoparsing suite: {_PART_NAMES[part]}, {_SUITE_TITLES[mode]}"
    table = Table(title=title, title_justify="left")
    table.add_column("figure")
    corpora = report["corpora"]
    for name in corpora:
        table.add_column(name, justify="right")
    table.add_column("macro", justify="right")
    for key, label in _SUITE_ROWS:
        cells = [_cell(key, corpora[name][key]) for name in corpora]
        table.add_row(label, *cells, _cell(key, report["macro"][key]))
    return table


def _table(report: dict[str, Any]) -> Table:
    table = Table(title=f"{report['file']}: geoparsing", title_justify="left")
    table.add_column("figure")
    for part in report["parts"]:
        table.add_column(_PART_TITLES[part], justify="right")
    for key, label in _ROWS:
        table.add_row(label, *(_cell(key, report["parts"][part][key]) for part in report["parts"]))
    timing = (
        f"geoparser {report['geoparse_ms_per_article_median']} ms per article (median), "
        f"spaCy {report['spacy_ms_per_article_mean']} ms (mean)"
    )
    table.caption = timing
    return table


def _cell(key: str, value: object) -> str:
    if value is None:
        return "-"
    if key.endswith("_km") and isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
