"""What a filter on stored events may name, checked the same way by the CLI and the API.

An event type is one of PLOVER's 16 (``strife.plover.EVENT_TYPES``); a country is three
letters (an ISO 3166 alpha-3 code or a PLOVER pseudo-country: IGO, UNO, EUR, NGO ...); a
date range does not end before it starts. A value that is none of these is refused, so
that a typo never reads as "no events".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from strife.plover import EVENT_TYPES

# The API passes this to FastAPI as the query pattern; the CLI matches it here.
COUNTRY_CODE_PATTERN: Final = "^[A-Za-z]{3}$"
_COUNTRY_CODE: Final = re.compile(COUNTRY_CODE_PATTERN)


def event_type(value: str) -> str:
    """The PLOVER type ``value`` names (any case), upper case; ``ValueError`` otherwise."""
    name = value.strip().upper()
    if name not in EVENT_TYPES:
        raise ValueError(f"{value!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
    return name


def country_code(value: str) -> str:
    """The three-letter code ``value`` is (any case), upper case; ``ValueError`` otherwise."""
    if _COUNTRY_CODE.fullmatch(value) is None:
        raise ValueError(
            f"{value!r} is not a country code (three letters A-Z: ISO 3166 alpha-3,"
            " or IGO, UNO, EUR, NGO ...)"
        )
    return value.upper()


def date_range(since: date | None, until: date | None) -> None:
    """``ValueError`` when ``since`` is after ``until`` (a range that holds no day)."""
    if since is not None and until is not None and since > until:
        raise ValueError(f"since {since.isoformat()} is after until {until.isoformat()}")
