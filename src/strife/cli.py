"""The ``strife`` command line: checks arguments, calls the library, prints.

Exit status: 0 when every input was coded, 1 when any input was rejected, 2 on usage errors
(including a store that cannot be opened or an output that cannot be written), 141 when
standard output is closed before strife is done (``strife events | head -1``), the status a
shell gives ``cat`` or ``grep`` killed by SIGPIPE there. Every message on standard error is
one line.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Final, Protocol, TextIO, cast

import typer
from rich.console import Console
from typer.core import TyperGroup

from strife import __version__
from strife.api.commands import serve_command
from strife.classify.command import classify_command
from strife.dedupe.bands import DEFAULT_WINDOW_DAYS
from strife.display import (
    ProgressDisplay,
    one_line,
    stderr_console,
    stdout_console,
    summary_line,
    tell,
)
from strife.errors import ClusterError, ModelError, StoreError, StrifeError
from strife.evaluate.commands import eval_app
from strife.ingest import MAPPABLE_FIELDS
from strife.ingest.fetch_policy import FetchPolicy
from strife.output import render_table, write_csv, write_jsonl
from strife.pipeline import CodedArticle
from strife.places.commands import geoparse_command
from strife.records import Event, Rejection
from strife.runner import CodeOptions, Summary, run
from strife.store import Store
from strife.store_commands import (
    CountryOption,
    EventOption,
    Format,
    SinceOption,
    UntilOption,
    date_options,
    export_command,
    stats_command,
    truces_command,
)

# 128 + SIGPIPE: what a shell reports for a command that a closed pipe stopped.
CLOSED_PIPE: Final = 141
# Click's UsageError (typer.BadParameter's base): typer 0.24 and later run on a copy of
# Click of their own, so ``import click`` may name another one.
_USAGE_ERROR: Final = cast("type[Exception]", typer.BadParameter.__mro__[1])


class _UsageError(Protocol):
    exit_code: int
    ctx: Any

    def format_message(self) -> str: ...


class _Commands(TyperGroup):
    """strife's commands, with the edge every one of them shares.

    A closed standard output ends the command quietly with ``CLOSED_PIPE`` (Click would
    exit 1, which strife uses for rejected inputs), and a usage error is one line.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a reader that left shows here, not at interpreter exit
        except BrokenPipeError as exc:
            _discard_stdout()
            raise typer.Exit(CLOSED_PIPE) from exc
        except _USAGE_ERROR as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":
                raise  # its message is the help page: Click prints it as such
            error = cast(_UsageError, exc)
            tell(stderr_console(), _usage_line(error))
            raise typer.Exit(error.exit_code) from exc


def _usage_line(error: _UsageError) -> str:
    hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
    return f"strife: {error.format_message()}{hint}"


def _discard_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered must not fail again."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # not a file (a test's capture): nothing is flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


app = typer.Typer(
    name="strife",
    cls=_Commands,
    help="Code conflict news into PLOVER 2.0 events, with the evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
)


DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB file the events are stored in.", dir_okay=False)
]
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


class _StderrWarnings(logging.Handler):
    """The library's warnings, one line each on standard error: ``strife: warning: ...``.
    Errors are not repeated here: the commands report them themselves."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno != logging.WARNING:
            return
        try:
            message = one_line(record.getMessage())
            sys.stderr.write(f"strife: warning: {message}\n")  # the stream of this moment
        except (OSError, ValueError, TypeError):
            self.handleError(record)


_WARNINGS: Final = _StderrWarnings()


def _show_warnings() -> None:
    logger = logging.getLogger("strife")
    if _WARNINGS not in logger.handlers:
        logger.addHandler(_WARNINGS)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"strife {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """strife: who did what to whom, where and when, and who says so."""
    _show_warnings()


@app.command("code")
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
    db: DbOption = Path("strife.duckdb"),
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
    printer = _EventPrinter(output_format, sys.stdout)
    try:
        summary = _code_with_progress(options, printer, err, show=not quiet and err.is_terminal)
    except (StoreError, ClusterError, ModelError) as exc:
        tell(err, f"strife: {exc}")
        raise typer.Exit(2) from exc
    printer.close()
    if not quiet:
        tell(err, summary_line(summary, options.db))
    raise typer.Exit(1 if summary.rejected else 0)


def _code_with_progress(
    options: CodeOptions, printer: _EventPrinter, err: Console, *, show: bool
) -> Summary:
    """Run the coder: print events and rejections as they come, update the progress bar."""
    with ProgressDisplay(err, enabled=show) as display:

        def on_result(result: CodedArticle | Rejection, summary: Summary) -> None:
            if isinstance(result, Rejection):
                tell(err, f"strife: rejected {result.source}: {result.reason}")
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


@app.command("events")
def events_command(
    db: DbOption = Path("strife.duckdb"),
    output_format: FormatOption = Format.table,
    event: EventOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
) -> None:
    """Print events the store holds."""
    if not db.exists():
        raise typer.BadParameter(
            f"{db} does not exist; code some articles first", param_hint="--db"
        )
    first, last = date_options(since, until)
    try:
        with Store.open(db, read_only=True) as store:
            found = store.events(
                event=event,
                country=country,
                since=first,
                until=last,
                limit=limit,
                groups=True,
            )
    except StrifeError as exc:
        tell(stderr_console(), f"strife: {exc}")
        raise typer.Exit(2) from exc
    printer = _EventPrinter(output_format or Format.table, sys.stdout)
    printer.add(found)
    printer.close()


class _EventPrinter:
    """Streams JSON lines as they come; gathers rows for CSV and the table."""

    def __init__(self, output_format: Format | None, out: TextIO) -> None:
        self.format, self.out = output_format, out
        self.rows: list[Event] = []

    def add(self, events: tuple[Event, ...] | list[Event]) -> None:
        if self.format is Format.jsonl:
            write_jsonl(events, self.out)
            self.out.flush()
        elif self.format is not None:
            self.rows.extend(events)

    def close(self) -> None:
        if self.format is Format.csv:
            write_csv(self.rows, self.out)
        elif self.format is Format.table:
            render_table(self.rows, stdout_console(self.out, width=_width(self.out)))


def _width(out: TextIO) -> int | None:
    return None if out.isatty() else 160


# Commands of the other stages are registered here, one line each.
app.add_typer(eval_app, name="eval")
app.command("classify")(classify_command)
app.command("stats")(stats_command)
app.command("export")(export_command)
app.command("truces")(truces_command)
app.command("serve")(serve_command)
app.command("geoparse")(geoparse_command)


def main() -> None:
    """Entry point of the ``strife`` script."""
    app()
