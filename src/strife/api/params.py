"""Query-string parameters of the event and truce routes, parsed into an ``EventFilter``
or a ``TruceFilter``.

FastAPI checks types and ranges from the annotations (and documents them in the OpenAPI
schema); what needs more than one parameter (a date range, a bounding box) is checked here
and refused with the same 422 error shape.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Final

from fastapi import Query
from pydantic import Field

from strife.api.errors import InvalidParameter
from strife.api.filters import BBox, EventFilter, TruceFilter
from strife.api.settings import MAX_QUERY_CHARS
from strife.criteria import COUNTRY_CODE_PATTERN, date_range
from strife.plover import EventType

Quad = Annotated[int, Field(ge=1, le=4)]
_SECTOR: Final = "^[A-Za-z]{3}$"
_NUMBER: Final = r"-?\d+(\.\d+)?"
_BBOX: Final = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"

Code = Annotated[
    str | None,
    Query(pattern=COUNTRY_CODE_PATTERN, description="ISO 3166 alpha-3 code or IGO/UNO/EUR/NGO/..."),
]
Sector = Annotated[str | None, Query(pattern=_SECTOR, description="PLOVER sector: GOV, MIL ...")]
TruceCode = Annotated[
    str | None,
    Query(
        pattern=COUNTRY_CODE_PATTERN,
        description="a party, a mediator or where the truce applies: ISO 3166 alpha-3 code "
        "or IGO/UNO/EUR/NGO/...",
    ),
]


def event_filter(
    since: Annotated[date | None, Query(description="earliest event date (inclusive)")] = None,
    until: Annotated[date | None, Query(description="latest event date (inclusive)")] = None,
    event: Annotated[
        list[EventType] | None, Query(description="PLOVER type; repeat for several")
    ] = None,
    quad: Annotated[list[Quad] | None, Query(description="quad code 1-4; repeat")] = None,
    country: Code = None,
    actor_country: Code = None,
    recipient_country: Code = None,
    actor_sector: Sector = None,
    recipient_sector: Sector = None,
    place: Annotated[
        str | None,
        Query(min_length=1, max_length=MAX_QUERY_CHARS, description="place name, any case"),
    ] = None,
    place_id: Annotated[int | None, Query(ge=1, le=2**53, description="GeoNames id")] = None,
    bbox: Annotated[
        str | None, Query(pattern=_BBOX, description="west,south,east,north in degrees")
    ] = None,
    contested: Annotated[
        bool | None, Query(description="true: only contested events; false: only others")
    ] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=MAX_QUERY_CHARS, description="words in the sentence"),
    ] = None,
) -> EventFilter:
    """The filter of ``/api/events`` and ``/api/stats`` (all conditions must hold)."""
    check_dates(since, until)
    return EventFilter(
        since=since,
        until=until,
        types=tuple(dict.fromkeys(event or ())),
        quads=tuple(dict.fromkeys(quad or ())),
        country=_upper(country),
        actor_country=_upper(actor_country),
        recipient_country=_upper(recipient_country),
        actor_sector=_upper(actor_sector),
        recipient_sector=_upper(recipient_sector),
        place=None if place is None else place.strip().lower(),
        place_id=place_id,
        bbox=None if bbox is None else parse_bbox(bbox),
        contested=contested,
        text=None if q is None else q.lower(),
    )


def truce_filter(
    since: Annotated[
        date | None, Query(description="truces still known of on or after this day")
    ] = None,
    until: Annotated[
        date | None, Query(description="truces agreed or started on or before this day")
    ] = None,
    country: TruceCode = None,
) -> TruceFilter:
    """The filter of ``/api/truces``: the conditions of ``/api/events`` that apply to truces,
    checked the same way (undated truces are left out by either day)."""
    check_dates(since, until)
    return TruceFilter(since=since, until=until, country=_upper(country))


def check_dates(since: date | None, until: date | None) -> None:
    """Refuse a range that ends before it starts."""
    try:
        date_range(since, until)
    except ValueError as exc:
        detail = [_detail("since", "after until")]
        raise InvalidParameter("'since' is after 'until'", detail) from exc


def parse_bbox(value: str) -> BBox:
    """``west,south,east,north`` in degrees; raises ``InvalidParameter`` when out of range."""
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise InvalidParameter("'bbox' needs four numbers", [_detail("bbox", str(exc))]) from exc
    finite = all(math.isfinite(x) for x in (west, south, east, north))
    if not finite or not (-180 <= west <= 180 and -180 <= east <= 180):
        raise InvalidParameter("'bbox' longitudes must be within -180..180", [_bbox_detail()])
    if not (-90 <= south <= north <= 90):
        raise InvalidParameter("'bbox' needs -90 <= south <= north <= 90", [_bbox_detail()])
    return BBox(west, south, east, north)


def _upper(value: str | None) -> str | None:
    return None if value is None else value.upper()


def _bbox_detail() -> dict[str, str]:
    return _detail("bbox", "west,south,east,north in degrees")


def _detail(name: str, message: str) -> dict[str, str]:
    return {"where": f"query.{name}", "message": message}
