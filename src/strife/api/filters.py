"""Which events a request asks for, and the parameterised SQL ``WHERE`` clause that says so;
which truces (``TruceFilter``, read through ``Store.truces``).

Every clause is a constant of this module; request values only ever travel as parameters.
Filters on derived fields (sectors, place name, text) go through the in-memory ``facets``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from strife.api.facets import TABLE as FACETS


@dataclass(frozen=True, slots=True)
class BBox:
    """A longitude/latitude box; ``west > east`` is a box across the antimeridian."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A conjunction of conditions on events; ``None`` or empty means no condition.

    Codes and sectors are upper case, ``place`` and ``text`` lower case (the parser of the
    query string normalises them).
    """

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    country: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    place: str | None = None
    place_id: int | None = None
    bbox: BBox | None = None
    contested: bool | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class TruceFilter:
    """The conditions on truces (``Store.truces``): ``country`` (upper case) is a party, a
    mediator or where the truce applies; ``since`` and ``until`` bound its days."""

    since: date | None = None
    until: date | None = None
    country: str | None = None


_CLAUSES: Final = {
    "since": "date >= ?",
    "until": "date <= ?",
    "types": "list_contains(?::VARCHAR[], event)",
    "quads": "list_contains(?::INTEGER[], quad_code)",
    "country": (
        "(country_code = ? OR list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))"
    ),
    "actor_country": "list_contains(actor_codes, ?)",
    "recipient_country": "list_contains(recipient_codes, ?)",
    "actor_sector": f"id IN (SELECT id FROM {FACETS} WHERE list_contains(actor_sectors, ?))",
    "recipient_sector": (
        f"id IN (SELECT id FROM {FACETS} WHERE list_contains(recipient_sectors, ?))"
    ),
    "place": f"id IN (SELECT id FROM {FACETS} WHERE place_key = ? OR place_text_key = ?)",
    "place_id": "geonameid = ?",
    "contested": "contested = ?",
    "text": f"id IN (SELECT id FROM {FACETS} WHERE contains(haystack, ?))",
}
_BBOX: Final = "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
_BBOX_ACROSS: Final = "lat BETWEEN ? AND ? AND (lon >= ? OR lon <= ?)"


def where(condition: EventFilter) -> tuple[str, list[object]]:
    """The ``WHERE ...`` text (empty when nothing is filtered) and its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    for name, value in _fields(condition).items():
        if name == "bbox" or value is None or value == ():
            continue
        clause = _CLAUSES[name]
        clauses.append(clause)
        params.extend([list(value) if isinstance(value, tuple) else value] * clause.count("?"))
    if condition.bbox is not None:
        box = condition.bbox
        clauses.append(_BBOX if box.west <= box.east else _BBOX_ACROSS)
        params.extend([box.south, box.north, box.west, box.east])
    if not clauses:
        return "", []
    return "WHERE " + " AND ".join(clauses), params


def _fields(condition: EventFilter) -> dict[str, object]:
    return {name: getattr(condition, name) for name in EventFilter.__dataclass_fields__}
