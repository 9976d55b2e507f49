"""``strife stats``, ``strife export`` and ``strife truces``: commands that read the store,
and the filter options they share with ``strife events`` (checked as the API checks its
parameters)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.table import Table
from rich.text import Text

from strife.criteria import country_code, date_range, event_type
from strife.display import stderr_console, stdout_console, tell
from strife.errors import StrifeError
from strife.export import EventFilter, ExportFormat, export_events
from strife.store import Store, StoreStats
from strife.truces.output import render_truces, write_truces_csv, write_truces_jsonl

DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB file the events are stored in.", dir_okay=False)
]


def _event_type(value: str | None) -> str | None:
    return None if value is None else _checked(event_type, value)


def _country_code(value: str | None) -> str | None:
    return None if value is None else _checked(country_code, value)


def _checked(check: Callable[[str], str], value: str) -> str:
    try:
        return check(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


EventOption = Annotated[
    str | None,
    typer.Option(callback=_event_type, help="Only this PLOVER type, e.g. ASSAULT."),
]
CountryOption = Annotated[
    str | None,
    typer.Option(
        callback=_country_code,
        help="Only events involving this code: ISO alpha-3 (UKR) or IGO, UNO, EUR ...",
    ),
]
SinceOption = Annotated[str | None, typer.Option(help="Earliest date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Latest date, YYYY-MM-DD.")]


class StatsFormat(StrEnum):
    text = "text"
    json = "json"


def stats_command(
    db: DbOption = Path("strife.duckdb"),
    output_format: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="text (a table) or json.")
    ] = StatsFormat.text,
) -> None:
    """Show what the store holds: articles, copies, outlets, events, groups, rejections."""
    _check_exists(db)
    try:
        with Store.open(db, read_only=True) as store:
            stats = store.stats()
    except StrifeError as exc:
        _fail(exc)
    if output_format is StatsFormat.json:
        typer.echo(json.dumps(stats.as_dict(), indent=2))
    else:
        stdout_console(width=100).print(_stats_table(stats))


def export_command(
    db: DbOption = Path("strife.duckdb"),
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="parquet, csv or jsonl.")
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (csv/jsonl: stdout if omitted).", dir_okay=False
        ),
    ] = None,
    event: EventOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Export stored events with their group counts, as Parquet, CSV or JSON lines."""
    _check_exists(db)
    if output_format is ExportFormat.parquet and output is None:
        raise typer.BadParameter("a Parquet export needs --output FILE", param_hint="--output")
    first, last = date_options(since, until)
    where = EventFilter(event=event, country=country, since=first, until=last)
    try:
        with Store.open(db, read_only=True) as store:
            stream = sys.stdout if output is None else None
            n = export_events(store, output_format, path=output, stream=stream, where=where)
    except StrifeError as exc:
        _fail(exc)
    if output is not None:
        tell(stderr_console(), f"strife: exported {n} events -> {output}")


def _stats_table(stats: StoreStats) -> Table:
    heading = Text(f"{stats.path} (schema {stats.schema_version})")
    table = Table(title=heading, show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("articles coded", stats.articles),
        ("copies (sources, duplicates included)", stats.copies),
        ("duplicates (not coded again)", stats.duplicates),
        ("outlets", stats.outlets),
        ("events", stats.events),
        ("event groups", stats.groups),
        ("groups told by several articles", stats.multi_article_groups),
        ("rejected inputs", stats.rejections),
        ("rejections seen (all runs)", stats.rejections_seen),
    ]
    for name, value in rows:
        table.add_row(name, f"{value:,}")
    first, last = stats.first_date, stats.last_date
    table.add_row("event dates", f"{first or '-'} to {last or '-'}")
    # Outlets, reasons and the path come from input: Text, so that "[/]" is not markup.
    for title, pairs in (
        ("events", stats.events_by_type),
        ("outlet", stats.top_outlets),
        ("rejected inputs", stats.rejections_by_reason),
    ):
        for label, count in pairs:
            table.add_row(Text(f"  {title}: {label}"), f"{count:,}")
    return table


def _check_exists(db: Path) -> None:
    if not db.exists():
        raise typer.BadParameter(
            f"{db} does not exist; code some articles first", param_hint="--db"
        )


def date_options(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """The ``--since`` and ``--until`` dates, or a usage error when they hold no day."""
    first, last = date_option(since, "--since"), date_option(until, "--until")
    try:
        date_range(first, last)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--since") from exc
    return first, last


def date_option(value: str | None, name: str) -> date | None:
    """A ``YYYY-MM-DD`` option's date (None when not given), or a usage error naming it."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from exc


def _fail(exc: StrifeError) -> NoReturn:
    tell(stderr_console(), f"strife: {exc}")
    raise typer.Exit(2) from exc


class Format(StrEnum):
    """How events or truces are printed."""

    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def truces_command(
    db: DbOption = Path("strife.duckdb"),
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="jsonl, csv or table.")
    ] = Format.table,
    country: Annotated[
        str | None,
        typer.Option(
            callback=_country_code,
            help="Only truces with this code as a party, a mediator or where they apply.",
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Print the truces the store's articles tell of: parties, mediators, dates, status and
    alleged violations."""
    _check_exists(db)
    first, last = date_options(since, until)
    try:
        with Store.open(db, read_only=True) as store:
            found = store.truces(country=country, since=first, until=last)
    except StrifeError as exc:
        _fail(exc)
    if output_format is Format.jsonl:
        write_truces_jsonl(found, sys.stdout)
    elif output_format is Format.csv:
        write_truces_csv(found, sys.stdout)
    else:
        render_truces(found, stdout_console(width=None if sys.stdout.isatty() else 160))
