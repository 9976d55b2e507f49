"""Truce records written out: JSON lines (``truce_to_dict``), CSV rows and a table."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from typing import Final, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from strife.output import defuse_cell, write_json_lines
from strife.truces.codec import truce_to_dict
from strife.truces.model import Moment, Party, Truce

CSV_COLUMNS: Final = (
    "id",
    "kind",
    "agreed_on",
    "starts",
    "ends",
    "parties",
    "mediators",
    "place",
    "scope",
    "status",
    "superseded_by",
    "violations",
    "violations_by_accused",
    "contested_violations",
    "terms",
    "articles",
    "n_sources",
)
_NUMBER_COLUMNS: Final = frozenset({"violations", "contested_violations", "articles", "n_sources"})


def write_truces_jsonl(truces: Iterable[Truce], out: TextIO) -> int:
    return write_json_lines((truce_to_dict(truce) for truce in truces), out)


def write_truces_csv(truces: Iterable[Truce], out: TextIO) -> int:
    """A header and one row per truce; lists joined with "; ", text cells defused."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for truce in truces:
        cells = truce_row(truce)
        writer.writerow(
            [
                c if name in _NUMBER_COLUMNS else defuse_cell(c)
                for name, c in zip(CSV_COLUMNS, cells, strict=True)
            ]
        )
        n += 1
    return n


def truce_row(truce: Truce) -> list[str]:
    data = truce_to_dict(truce)
    return [
        truce.id,
        truce.kind,
        data["agreed_on"] or "",
        data["starts"] or "",
        data["ends"] or "",
        "; ".join(_party(p) for p in truce.parties),
        "; ".join(_party(p) for p in truce.mediators),
        truce.place.name if truce.place else "",
        truce.scope.name if truce.scope else "",
        truce.status,
        truce.superseded_by or "",
        str(len(truce.violations)),
        "; ".join(f"{code}:{n}" for code, n in violations_by(truce)),
        str(sum(v.contested for v in truce.violations)),
        "; ".join(t.text for t in truce.terms),
        str(len(truce.articles)),
        str(truce.n_sources),
    ]


def violations_by(truce: Truce) -> list[tuple[str, int]]:
    """Alleged violations per accused side ("?" when nobody is named), most first."""
    counts = Counter(v.accused or "?" for v in truce.violations)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def render_truces(truces: Iterable[Truce], console: Console) -> None:
    """Parties, mediators, dates, status and the alleged violations by each side."""
    table = Table(show_lines=True, header_style="bold")
    for name, width in (
        ("agreed", 12),
        ("kind", 14),
        ("parties", 18),
        ("mediators", 24),
        ("starts", 17),
        ("status", 22),
        ("violations by accused", 20),
    ):
        table.add_column(name, overflow="fold", max_width=width)
    n = 0
    for truce in truces:
        status = Text(truce.status, style="bold")
        last = truce.status_history[-1] if truce.status_history else None
        if last is not None and last.date is not None:
            status.append(f"\n{last.date.isoformat()}", style="dim")
        accused = "\n".join(f"{code}: {count}" for code, count in violations_by(truce))
        contested = sum(v.contested for v in truce.violations)
        if contested:
            accused += f"\n({contested} contested)"
        table.add_row(
            Text(
                _day(truce.agreed_on)
                or ("historical " + str(truce.year) if truce.year else "undated")
            ),
            Text(truce.kind + (f"\n#{truce.ordinal}" if truce.ordinal else "")),
            Text("\n".join(_party(p) for p in truce.parties)),
            Text("\n".join(_party(p) for p in truce.mediators)),
            Text(_moment(truce.starts)),
            status,
            Text(accused or "-"),
        )
        n += 1
    table.caption = f"{n} truce{'' if n == 1 else 's'}"
    console.print(table)


def _party(party: Party) -> str:
    return (
        party.code if not party.name or party.name == party.code else f"{party.code} {party.name}"
    )


def _day(moment: Moment | None) -> str | None:
    return None if moment is None or moment.date is None else moment.date.isoformat()


def _moment(moment: Moment | None) -> str:
    day = _day(moment)
    if moment is None or day is None:
        return "-"
    return day if moment.time is None else f"{day} {moment.time}"
