"""What strife's commands share: the store option, the event filters, the report formats,
and the one way a command reports a failure.

The filters are declared once: :func:`filter_options` gives a command the ``--event``,
``--country``, ``--since`` and ``--until`` options (checked as the API checks its
parameters) and hands it one :class:`strife.store.EventCriteria`, as sqlite-utils'
``output_options`` gives its commands their output flags.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Final, NoReturn

import typer

from strife.criteria import country_code, date_range, event_type
from strife.display import stderr_console, tell
from strife.store import DEFAULT_PATH, EventCriteria

# Status of a usage error, a store that cannot be opened or an output that cannot be written.
USAGE: Final = 2
DEFAULT_DB: Final = Path(DEFAULT_PATH)

DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB file the events are stored in.", dir_okay=False)
]


class Format(StrEnum):
    """How events or truces are printed."""

    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class ReportFormat(StrEnum):
    """How an evaluation's report is printed."""

    table = "table"
    json = "json"


ReportFormatOption = Annotated[
    ReportFormat, typer.Option("--format", "-f", help="Report as a table or as JSON.")
]


class SuitePart(StrEnum):
    """The part of each gold set's split an evaluation suite scores."""

    heldout = "heldout"
    dev = "dev"


SuitePartOption = Annotated[
    SuitePart, typer.Option("--part", help="The part of the split the suite scores.")
]


def fail(error: Exception | str) -> NoReturn:
    """Say what went wrong on one line of standard error and exit with status 2."""
    tell(stderr_console(), f"strife: {error}")
    raise typer.Exit(USAGE) from (error if isinstance(error, Exception) else None)


def reject(source: str, reason: str) -> None:
    """One input could not be used: name it and the reason; the command goes on."""
    tell(stderr_console(), f"strife: rejected {source}: {reason}")


def existing_store(db: Path) -> Path:
    """``db``, or a usage error when there is no store there to read."""
    if not db.exists():
        raise typer.BadParameter(
            f"{db} does not exist; code some articles first", param_hint="--db"
        )
    return db


def _checked(check: Callable[[str], str], value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _event_type(value: str | None) -> str | None:
    return _checked(event_type, value)


def country_option(value: str | None) -> str | None:
    """The ``--country`` callback: a three-letter code, upper case."""
    return _checked(country_code, value)


EventOption = Annotated[
    str | None,
    typer.Option(callback=_event_type, help="Only this PLOVER type, e.g. ASSAULT."),
]
CountryOption = Annotated[
    str | None,
    typer.Option(
        callback=country_option,
        help="Only events involving this code: ISO alpha-3 (UKR) or IGO, UNO, EUR ...",
    ),
]
SinceOption = Annotated[str | None, typer.Option(help="Earliest date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Latest date, YYYY-MM-DD.")]

_FILTERS: Final = tuple(
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=option)
    for name, option in (
        ("event", EventOption),
        ("country", CountryOption),
        ("since", SinceOption),
        ("until", UntilOption),
    )
)


def filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` the event filter options in place of its ``where`` parameter.

    ``command`` takes ``where: EventCriteria``; the wrapped command takes ``--event``,
    ``--country``, ``--since`` and ``--until`` and passes them on as one filter (a usage
    error when a date holds no day or the range is empty).
    """
    signature = inspect.signature(command, eval_str=True)
    kept = [p for name, p in signature.parameters.items() if name != "where"]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        first, last = date_options(kwargs.pop("since"), kwargs.pop("until"))
        where = EventCriteria(
            event=kwargs.pop("event"), country=kwargs.pop("country"), since=first, until=last
        )
        command(where=where, **kwargs)

    params = [*(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in kept), *_FILTERS]
    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


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
