"""What the resolver knows about each candidate reading of a toponym, as numbers.

Two sets of features, computed in two passes over an article:

* local (:data:`LOCAL_FEATURES`): what the candidate is (population, how many names GeoNames
  knows it by, capital, level, matched by its primary name), whether the words around the name
  fit its level ("Donetsk region"), whether the name's last word says a physical feature's
  kind and the candidate is one ("the Red Sea": the sea, not the Sudanese state), whether it
  is a division named after a town that is also a reading ("Aleppo"), and what the article
  names without doubt (the countries it names or its actors belong to, the provinces and
  countries only one reading of a name lies in);
* context (:data:`CONTEXT_FEATURES`): how the other names of the article, read by the local
  model, vote for the candidate's country, province and district, how near it lies to their
  likely readings, and whether the name, or another mention of it, is written inside a
  province or country that contains it ("Edmonton, Ky."). A name never votes for itself,
  and repeated mentions vote once.

The same code builds the features for training and for resolving, so the model is scored on
exactly what it was fitted on.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from strife.places.geometry import EARTH_RADIUS_KM
from strife.places.levels import DIVISION_CUES, level_of
from strife.places.lexicon import shipped_lexicon
from strife.places.names import Candidate, GazetteerEntry, normalize_name
from strife.places.recognize import Toponym

LOCAL_FEATURES = (
    "log_population",
    "log_names",
    "capital",
    "primary_name",
    "settlement",
    "country",
    "province",
    "district",
    "region",
    "continent",
    "physical",
    "tail_fits",
    "cue_fits",
    "division_uncued",
    "most_populous",
    "most_named",
    "named_country",
    "unambiguous_country",
    "named_province",
    "seat_namesake",
)
CONTEXT_FEATURES = (
    "country_votes",
    "province_votes",
    "district_votes",
    "near_best",
    "near_share",
    "within_container",
    "name_within_container",
)
FEATURES = LOCAL_FEATURES + CONTEXT_FEATURES
_CONTEXT_COLUMN = {name: column for column, name in enumerate(CONTEXT_FEATURES)}
_COUNTRY_VOTES = _CONTEXT_COLUMN["country_votes"]
_AREA_VOTES = (_CONTEXT_COLUMN["province_votes"], _CONTEXT_COLUMN["district_votes"])
_NEARNESS = slice(_CONTEXT_COLUMN["near_best"], _CONTEXT_COLUMN["near_share"] + 1)
_WITHIN = _CONTEXT_COLUMN["within_container"]
_NAME_WITHIN = _CONTEXT_COLUMN["name_within_container"]

# How far (km) a reading may lie from another name's reading and still count as near.
NEAR_KM = 150.0
SHARE_KM = 600.0
#: Names an article's readings are compared with; an article naming more (a list of every
#: town of a country) is compared with the likeliest readings of this many.
MAX_CONTEXT_NAMES = 2_000
# Candidate-by-name distances computed at once (a block of 2 million takes 16 MB).
_BLOCK_CELLS = 2_000_000

# The last words of physical features' names ("Red Sea", "Peace River"): a reading of that
# kind fits the name, though towns and divisions bear such names too.
FEATURE_TAILS = shipped_lexicon().feature_tails
_SETTLEMENTS = frozenset({"PPL", "PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLG", "PPLX"})
_CUES_OF_FEATURE = {
    "ADM1": frozenset({"area", "district"}),
    "RGN": frozenset({"area", "district"}),
    "ADM2": frozenset({"district"}),
}

Area = tuple[str, ...]
Matrix = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """What the article names without doubt, and which names (by key) say so: countries
    named (or hinted by the caller, the countries of the article's actors), countries of
    names that can only be in one country, and provinces named by names with a single
    first-level reading. A name never counts for its own readings."""

    named: Mapping[str, frozenset[str]]
    unambiguous: Mapping[str, frozenset[str]]
    provinces: Mapping[tuple[str, str], frozenset[str]]

    @classmethod
    def of(cls, toponyms: Sequence[Toponym], hints: Iterable[str] = ()) -> ArticleNames:
        named: defaultdict[str, set[str]] = defaultdict(set)
        unambiguous: defaultdict[str, set[str]] = defaultdict(set)
        provinces: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        for code in hints:
            named[code.upper()].add(f"#{code.upper()}")
        for toponym in toponyms:
            key = normalize_name(toponym.text)
            country = toponym.country
            if country is not None:
                named[country.entry.country_code].add(key)
            if not toponym.is_place or country is not None:
                continue
            countries = {c.entry.country_code for c in toponym.candidates}
            if len(countries) == 1 and "" not in countries:
                unambiguous[countries.pop()].add(key)
            firsts = [c.entry for c in toponym.candidates if c.entry.feature_code == "ADM1"]
            if len(firsts) == 1 and firsts[0].admin1 is not None:
                provinces[(firsts[0].country_code, firsts[0].admin1)].add(key)
                unambiguous[firsts[0].country_code].add(key)
        return cls(_frozen(named), _frozen(unambiguous), _frozen(provinces))

    @staticmethod
    def by_others(sources: Mapping[Any, frozenset[str]], item: Any, own: str) -> bool:
        """True when a name other than ``own`` says ``item`` (asked for every reading: no set
        is built to answer)."""
        keys = sources.get(item, frozenset())
        return len(keys) > 1 or (len(keys) == 1 and own not in keys)


def _frozen(sources: Mapping[Any, set[str]]) -> dict[Any, frozenset[str]]:
    return {item: frozenset(keys) for item, keys in sources.items()}


def local_features(toponym: Toponym, names: ArticleNames) -> Matrix:
    """One row per candidate of ``toponym``, in :data:`LOCAL_FEATURES` order."""
    candidates = toponym.candidates
    top_population = max((c.entry.population for c in candidates), default=0)
    top_names = max((c.entry.name_count for c in candidates), default=0)
    own = normalize_name(toponym.text)
    # "the Red Sea": the name's last word says what kind of physical feature it is.
    kind_named = own.rsplit(" ", 1)[-1] in FEATURE_TAILS
    # Where a town of the name is among the readings: a division named after its seat.
    seats = {
        (c.entry.country_code, c.entry.admin1)
        for c in candidates
        if c.exact and c.entry.feature_code in _SETTLEMENTS and c.entry.population > 0
    }
    rows = [
        _local_row(c, toponym, own, kind_named, names, top_population, top_names, seats)
        for c in candidates
    ]
    return np.array(rows, dtype=np.float64).reshape(len(candidates), len(LOCAL_FEATURES))


def _local_row(
    candidate: Candidate,
    toponym: Toponym,
    own: str,
    kind_named: bool,
    names: ArticleNames,
    top_population: int,
    top_names: int,
    seats: set[tuple[str, str | None]],
) -> list[float]:
    """The candidate's local features; a test's truth is its feature's value (the matrix is
    built as float64, where True is 1.0 and False 0.0: no float() call for each)."""
    entry = candidate.entry
    feature = entry.feature_code
    settlement = feature in _SETTLEMENTS
    division = feature in _CUES_OF_FEATURE
    district = level_of(feature) == "district"
    country = entry.country_code
    physical = not (settlement or division or entry.is_country or entry.is_continent or district)
    return [
        math.log10(entry.population + 1) / 7,
        math.log10(entry.name_count + 1) / 2,
        feature == "PPLC",
        candidate.exact,
        settlement,
        entry.is_country,
        feature == "ADM1",
        district,
        feature == "RGN",
        entry.is_continent,
        physical,
        physical and kind_named,
        cue_fits(entry, toponym.cue),
        division and feature != "RGN" and toponym.cue == "none",
        entry.population == top_population and top_population > 0,
        entry.name_count == top_names and top_names > 0,
        names.by_others(names.named, country, own),
        names.by_others(names.unambiguous, country, own),
        entry.admin1 is not None and names.by_others(names.provinces, (country, entry.admin1), own),
        # "in Aleppo" more often means the town than the province named after it, unless
        # a word says the level ("Aleppo province").
        division and toponym.cue not in DIVISION_CUES and (country, entry.admin1) in seats,
    ]


def cue_fits(entry: GazetteerEntry, cue: str) -> bool:
    """The words around the name say the reading's level: "Donetsk region" a province or
    region, "Karak district" a district or province, "the town of Sinai" a settlement."""
    feature = entry.feature_code
    if feature in _CUES_OF_FEATURE:
        return cue in _CUES_OF_FEATURE[feature]
    return cue == "settlement" and feature in _SETTLEMENTS


@dataclass(frozen=True, slots=True)
class Readings:
    """The local model's reading of every name: for each distinct name (by key), its share of
    probability on each country and area, and where its most likely reading lies."""

    countries: dict[str, dict[str, float]]
    areas: dict[str, dict[Area, float]]
    best: dict[str, tuple[float, float, float]]
    country_total: dict[str, float]
    area_total: dict[Area, float]

    @classmethod
    def of(
        cls,
        toponyms: Sequence[Toponym],
        keys: Sequence[str],
        probabilities: Sequence[Matrix],
        hints: Iterable[str] = (),
    ) -> Readings:
        """``hints`` (the countries of the article's actors) vote as a country named in
        the article does."""
        countries: dict[str, dict[str, float]] = {
            f"#{code.upper()}": {code.upper(): 1.0} for code in hints
        }
        areas: dict[str, dict[Area, float]] = {}
        best: dict[str, tuple[float, float, float]] = {}
        country_total: defaultdict[str, float] = defaultdict(float)
        area_total: defaultdict[Area, float] = defaultdict(float)
        for code in countries:
            country_total[code[1:]] += 1.0
        for toponym, key, shares in zip(toponyms, keys, probabilities, strict=True):
            if key in countries or not toponym.candidates:
                continue
            by_country: defaultdict[str, float] = defaultdict(float)
            by_area: defaultdict[Area, float] = defaultdict(float)
            values = shares.tolist()  # Python floats: a NumPy scalar costs more to add
            for candidate, share in zip(toponym.candidates, values, strict=True):
                by_country[candidate.entry.country_code] += share
                for area in areas_of(candidate.entry):
                    by_area[area] += share
            countries[key], areas[key] = dict(by_country), dict(by_area)
            for code, share in by_country.items():
                country_total[code] += share
            for area, share in by_area.items():
                area_total[area] += share
            top = int(np.argmax(shares))
            entry = toponym.candidates[top].entry
            if not entry.is_country and not entry.is_continent:
                best[key] = (entry.lat, entry.lon, values[top])
        return cls(countries, areas, best, dict(country_total), dict(area_total))


def context_features(
    toponyms: Sequence[Toponym], keys: Sequence[str], readings: Readings
) -> list[Matrix]:
    """One matrix per toponym, a row per candidate, in :data:`CONTEXT_FEATURES` order;
    repeated mentions of a name with the same readings and container share theirs (read
    them, do not change them)."""
    voters = max(1, len(readings.countries) - 1)
    # A name repeated with the same readings and container has the same rows: each is
    # computed once, the nearness too (a name is often repeated through an article).
    signatures = [
        (
            key,
            None if toponym.within is None else keys[toponym.within],
            tuple(c.entry.geonameid for c in toponym.candidates),
        )
        for toponym, key in zip(toponyms, keys, strict=True)
    ]
    firsts: dict[tuple[str, str | None, tuple[int, ...]], int] = {}
    for index, signature in enumerate(signatures):
        firsts.setdefault(signature, index)
    fresh = list(firsts.values())  # in text order
    nearness = _nearness([toponyms[i] for i in fresh], [keys[i] for i in fresh], readings)
    first = 0
    done: dict[tuple[str, str | None, tuple[int, ...]], Matrix] = {}
    for index in fresh:
        toponym, key = toponyms[index], keys[index]
        rows = np.zeros((len(toponym.candidates), len(CONTEXT_FEATURES)), dtype=np.float64)
        if toponym.candidates:
            own_countries = readings.countries.get(key, {})
            own_areas = readings.areas.get(key, {})
            for row, candidate in zip(rows, toponym.candidates, strict=True):
                entry = candidate.entry
                code = entry.country_code
                others = readings.country_total.get(code, 0.0) - own_countries.get(code, 0.0)
                row[_COUNTRY_VOTES] = others / voters
                for column, area in zip(_AREA_VOTES, areas_of(entry), strict=False):
                    support = readings.area_total.get(area, 0.0) - own_areas.get(area, 0.0)
                    row[column] = math.log1p(max(0.0, support))
                row[_WITHIN] = _within_container(entry, toponym, toponyms, readings)
            rows[:, _NEARNESS] = nearness[first : first + len(toponym.candidates)]
        first += len(toponym.candidates)
        done[signatures[index]] = rows
    out = [done[signature] for signature in signatures]
    _name_within_container(out, toponyms, keys)
    return out


def _name_within_container(
    rows: Sequence[Matrix], toponyms: Sequence[Toponym], keys: Sequence[str]
) -> None:
    """One sense per article: a name written once inside its container ("Paris, Texas")
    carries that reading to its other mentions ("in Paris"). Fills its column with the best
    within-container share any mention of the same name gives the candidate's entry."""
    best: defaultdict[tuple[str, int], float] = defaultdict(float)
    for matrix, toponym, key in zip(rows, toponyms, keys, strict=True):
        if toponym.within is None:
            continue
        for row, candidate in zip(matrix, toponym.candidates, strict=True):
            slot = (key, candidate.entry.geonameid)
            best[slot] = max(best[slot], float(row[_WITHIN]))
    if not best:
        return
    for matrix, toponym, key in zip(rows, toponyms, keys, strict=True):
        for row, candidate in zip(matrix, toponym.candidates, strict=True):
            row[_NAME_WITHIN] = best.get((key, candidate.entry.geonameid), 0.0)


def _nearness(toponyms: Sequence[Toponym], keys: Sequence[str], readings: Readings) -> Matrix:
    """For each candidate of every toponym, in order: how near the closest other name's
    likely reading lies (weighted by that reading's probability), and the mean nearness to
    all of them on a wider scale. Distances are computed a block of candidates at a time, so
    that an article listing thousands of places needs little memory; past
    :data:`MAX_CONTEXT_NAMES` names, only the likeliest readings are compared."""
    rows = sum(len(t.candidates) for t in toponyms)
    names = _context_names(readings)
    if not rows or not names:
        return np.zeros((rows, 2))
    points = np.radians(np.array([readings.best[n][:2] for n in names]))
    weights = np.array([readings.best[n][2] for n in names])
    mine = np.radians(
        np.array([(c.entry.lat, c.entry.lon) for t in toponyms for c in t.candidates])
    )
    column = {name: index for index, name in enumerate(names)}
    own = np.repeat([column.get(k, -1) for k in keys], [len(t.candidates) for t in toponyms])
    count = np.maximum(len(names) - (own >= 0), 1)
    out = np.empty((rows, 2))
    step = max(1, _BLOCK_CELLS // len(names))
    for first in range(0, rows, step):
        block = slice(first, first + step)
        out[block] = _block_nearness(mine[block], own[block], points, weights)
    out[:, 1] /= count
    return out


def _context_names(readings: Readings) -> list[str]:
    """The names whose likely readings the others are compared with (all of them, or the
    :data:`MAX_CONTEXT_NAMES` likeliest)."""
    names = list(readings.best)
    if len(names) <= MAX_CONTEXT_NAMES:
        return names
    likeliest = sorted(names, key=lambda n: -readings.best[n][2])[:MAX_CONTEXT_NAMES]
    kept = set(likeliest)
    return [n for n in names if n in kept]


def _block_nearness(
    mine: Matrix, own: NDArray[np.int64], points: Matrix, weights: Matrix
) -> Matrix:
    """Nearness of a block of candidates (radians) to the names' points: the weighted best
    on the near scale, and the weighted sum on the wide one (not yet divided)."""
    others = np.broadcast_to(weights, (len(mine), len(weights))).copy()
    named = np.flatnonzero(own >= 0)
    others[named, own[named]] = 0.0
    lat1, lon1 = mine[:, :1], mine[:, 1:]
    lat2, lon2 = points[:, 0][None, :], points[:, 1][None, :]
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    best = (others * np.exp(-km / NEAR_KM)).max(axis=1)
    share = (others * np.exp(-km / SHARE_KM)).sum(axis=1)
    return np.stack([best, share], axis=1)


def _within_container(
    entry: GazetteerEntry, toponym: Toponym, toponyms: Sequence[Toponym], readings: Readings
) -> float:
    """ "Edmonton, Ky.", "Kingston, Jamaica": the share of the container's readings that
    contain the candidate."""
    if toponym.within is None:
        return 0.0
    container = toponyms[toponym.within]
    country = container.country
    if country is not None:
        return float(entry.country_code == country.entry.country_code)
    mass = readings.areas.get(normalize_name(container.text), {})
    return sum(mass.get(area, 0.0) for area in areas_of(entry)[:1])


def areas_of(entry: GazetteerEntry) -> list[Area]:
    """The province, and the district, a place lies in (a division lies in itself)."""
    if entry.is_country or entry.is_continent or entry.admin1 is None:
        return []
    areas: list[Area] = [(entry.country_code, entry.admin1)]
    if entry.admin2 is not None:
        areas.append((entry.country_code, entry.admin1, entry.admin2))
    return areas
