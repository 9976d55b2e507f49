"""``strife events``, ``strife stats``, ``strife export`` and ``strife truces``: the commands
that read the store."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from strife.cli.options import (
    DEFAULT_DB,
    DbOption,
    Format,
    SinceOption,
    UntilOption,
    country_option,
    date_options,
    existing_store,
    fail,
    filter_options,
)
from strife.cli.printer import EventPrinter
from strife.display import stderr_console, stdout_console, tell
from strife.errors import StrifeError
from strife.export import ExportFormat, export_events
from strife.store import EventCriteria, Store, StoreStats
from strife.truces.output import render_truces, write_truces_csv, write_truces_jsonl


@filter_options
def events_command(
    where: EventCriteria,
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="jsonl, csv or table.")
    ] = Format.table,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
) -> None:
    """Print events the store holds."""
    existing_store(db)
    try:
        with Store.open(db, read_only=True) as store:
            found = store.events(**where, limit=limit, groups=True)
    except StrifeError as exc:
        fail(exc)
    printer = EventPrinter(output_format, sys.stdout)
    printer.add(found)
    printer.close()


class StatsFormat(StrEnum):
    text = "text"
    json = "json"


def stats_command(
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="text (a table) or json.")
    ] = StatsFormat.text,
) -> None:
    """Show what the store holds: articles, copies, outlets, events, groups, rejections."""
    existing_store(db)
    try:
        with Store.open(db, read_only=True) as store:
            stats = store.stats()
    except StrifeError as exc:
        fail(exc)
    if output_format is StatsFormat.json:
        typer.echo(json.dumps(stats.as_dict(), indent=2))
    else:
        stdout_console(width=100).print(_stats_table(stats))


@filter_options
def export_command(
    where: EventCriteria,
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="parquet, csv or jsonl.")
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (csv/jsonl: stdout if omitted).", dir_okay=False
        ),
    ] = None,
) -> None:
    """Export stored events with their group counts, as Parquet, CSV or JSON lines."""
    existing_store(db)
    if output_format is ExportFormat.parquet and output is None:
        raise typer.BadParameter("a Parquet export needs --output FILE", param_hint="--output")
    try:
        with Store.open(db, read_only=True) as store:
            stream = sys.stdout if output is None else None
            n = export_events(store, output_format, path=output, stream=stream, where=where)
    except StrifeError as exc:
        fail(exc)
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


def truces_command(
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="jsonl, csv or table.")
    ] = Format.table,
    country: Annotated[
        str | None,
        typer.Option(
            callback=country_option,
            help="Only truces with this code as a party, a mediator or where they apply.",
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Print the truces the store's articles tell of: parties, mediators, dates, status and
    alleged violations."""
    existing_store(db)
    first, last = date_options(since, until)
    try:
        with Store.open(db, read_only=True) as store:
            found = store.truces(country=country, since=first, until=last)
    except StrifeError as exc:
        fail(exc)
    if output_format is Format.jsonl:
        write_truces_jsonl(found, sys.stdout)
    elif output_format is Format.csv:
        write_truces_csv(found, sys.stdout)
    else:
        render_truces(found, stdout_console(width=None if sys.stdout.isatty() else 160))
