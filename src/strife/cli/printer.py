"""Events printed as a command finds them: JSON lines at once, CSV and the table at the end."""

from __future__ import annotations

from typing import TextIO

from strife.cli.options import Format
from strife.display import stdout_console
from strife.output import render_table, write_csv, write_jsonl
from strife.records import Event


class EventPrinter:
    """Streams JSON lines as they come; gathers rows for CSV and the table (None: prints
    nothing)."""

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
