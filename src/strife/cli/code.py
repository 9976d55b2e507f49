"""``strife code``: code articles into PLOVER events and store them.

Exit status: 0 when every input was coded, 1 when any input was rejected, 2 when the store,
the cluster or a model cannot be used.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from strife.cli.options import DEFAULT_DB, DbOption, Format, fail, reject
from strife.cli.printer import EventPrinter
from strife.dedupe.bands import DEFAULT_WINDOW_DAYS
from strife.display import ProgressDisplay, stderr_console, summary_line, tell
from strife.errors import ClusterError, ModelError, StoreError
from strife.ingest import MAPPABLE_FIELDS
from strife.ingest.fetch_policy import FetchPolicy
from strife.pipeline import CodedArticle
from strife.records import Rejection
from strife.runner import CodeOptions, Summary, run

FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Also print the events to stdout in this format."),
]

DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        help="Code on a Dask cluster: tcp://HOST:PORT, or 'local' for --jobs workers here.",
    ),
]
ColumnOption = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        metavar="FIELD=NAME",
        help="JSONL key or CSV column holding a field, e.g. text=body (repeatable).",
    ),
]
FetchOption = Annotated[
    bool, typer.Option("--fetch", help="Fetch feed URLs and the pages feed entries link to.")
]
AllowPrivateFetchOption = Annotated[
    bool,
    typer.Option(
        "--allow-private-fetch",
        help="Let --fetch reach private, loopback and link-local addresses (an intranet).",
    ),
]


def code_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help=(
                "Files, directories (recursive), globs, feed URLs or - for stdin: .txt, .html,"
                " .jsonl, .csv, .warc(.gz), .rss/.atom, .urls, in .gz/.zip/.tar.gz archives."
            ),
            show_default=False,
        ),
    ],
    db: DbOption = DEFAULT_DB,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Do not write to the database.")
    ] = False,
    output_format: FormatOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Worker processes.")] = 1,
    recode: Annotated[
        bool, typer.Option("--recode", help="Code again articles the store already holds.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
    ] = False,
    dask: DaskOption = None,
    dedupe_window: Annotated[
        int,
        typer.Option(
            "--dedupe-window",
            min=0,
            metavar="DAYS",
            help="Look for near duplicates among articles published this many days apart"
            " (0: among all).",
        ),
    ] = DEFAULT_WINDOW_DAYS,
    column: ColumnOption = None,
    fetch: FetchOption = False,
    allow_private_fetch: AllowPrivateFetchOption = False,
) -> None:
    """Code articles into PLOVER events and store them (and print them with --format)."""
    options = CodeOptions(
        paths=paths,
        db=None if no_store else db,
        jobs=jobs,
        recode=recode,
        columns=_column_option(column or []),
        fetch=_fetch_policy(fetch, allow_private_fetch),
        dask=dask,
        dedupe_window=dedupe_window,
    )
    err = stderr_console()
    printer = EventPrinter(output_format, sys.stdout)
    try:
        summary = _code_with_progress(options, printer, err, show=not quiet and err.is_terminal)
    except (StoreError, ClusterError, ModelError) as exc:
        fail(exc)
    printer.close()
    if not quiet:
        tell(err, summary_line(summary, options.db))
    raise typer.Exit(1 if summary.rejected else 0)


def _code_with_progress(
    options: CodeOptions, printer: EventPrinter, err: Console, *, show: bool
) -> Summary:
    """Run the coder: print events and rejections as they come, update the progress bar."""
    with ProgressDisplay(err, enabled=show) as display:

        def on_result(result: CodedArticle | Rejection, summary: Summary) -> None:
            if isinstance(result, Rejection):
                reject(result.source, result.reason)
            else:
                printer.add(result.events)
            display.update(summary)

        return run(options, stdin=sys.stdin.buffer, on_result=on_result)


def _column_option(values: list[str]) -> dict[str, str]:
    columns: dict[str, str] = {}
    for value in values:
        field, _, name = value.partition("=")
        if field.strip().lower() not in MAPPABLE_FIELDS or not name.strip():
            raise typer.BadParameter(
                f"{value!r} is not FIELD=NAME with FIELD one of {', '.join(MAPPABLE_FIELDS)}",
                param_hint="--column",
            )
        columns[field.strip().lower()] = name.strip()
    return columns


def _fetch_policy(fetch: bool, allow_private: bool) -> FetchPolicy | None:
    if allow_private and not fetch:
        raise typer.BadParameter("needs --fetch", param_hint="--allow-private-fetch")
    return FetchPolicy(allow_private=allow_private) if fetch else None
