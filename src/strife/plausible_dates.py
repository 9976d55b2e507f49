"""The one range of dates strife accepts, for publication dates and dates read from text.

News about today's conflicts is published between 1800 and 2100. A date outside that range
is a typo, a placeholder ("9999-12-31") or an attack, and some of them cannot even be
converted to UTC (year 10000), which used to fail the store write of a whole batch. Every
path that takes a date asks here, so that all of them agree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Final

EARLIEST: Final = date(1800, 1, 1)
LATEST: Final = date(2100, 12, 31)
RANGE_TEXT: Final = f"{EARLIEST.year}-{LATEST.year}"


def is_plausible_day(day: date) -> bool:
    """Whether ``day`` lies within :data:`EARLIEST` and :data:`LATEST`."""
    return EARLIEST <= day <= LATEST


def utc_day(moment: datetime) -> date | None:
    """The UTC calendar day of ``moment`` (its own day when it is naive), or None when the
    conversion would leave what ``datetime`` can hold."""
    try:
        if moment.utcoffset() is None:
            return moment.date()
        return moment.astimezone(UTC).date()
    except (OverflowError, ValueError):
        return None


def is_plausible_moment(moment: datetime) -> bool:
    """Whether ``moment``, converted to UTC, falls on a day within the range."""
    day = utc_day(moment)
    return day is not None and is_plausible_day(day)
