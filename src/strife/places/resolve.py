"""Choosing the GeoNames entry a toponym means.

Candidates are scored on the log of their population and of the number of names GeoNames
knows them by (how well known they are), their feature (capitals first,
provinces only when the text says "province"), whether the name is their primary one, and
the article's context: the countries the caller hints, those of names that can only be in
one country, those the article names, and the provinces it names ("Edmonton" in an article
that names Kentucky is Edmonton, Kentucky). Each toponym is resolved on its own, so one that
fails leaves the others untouched.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from strife.places.names import Candidate, GazetteerEntry
from strife.places.recognize import Toponym, country_names

HINT_WEIGHT = 3.0
# Hints are strong when they are few; a caller that hints every country an article names
# spreads the same weight over all of them.
FOCUSED_HINTS = 2
PROMINENCE_WEIGHT = 2.0
UNAMBIGUOUS_PLACE_WEIGHT = 1.0
NAMED_COUNTRY_WEIGHT = 0.5
NAMED_REGION_WEIGHT = 1.5
CAPITAL_BONUS = 1.5
EXACT_NAME_BONUS = 1.0
CUE_MATCH_BONUS = 3.0
# "Donetsk" alone is the city; the oblast needs "Donetsk region" or "Donetsk Oblast".
UNCUED_ADMIN_PENALTY = 2.0


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the article is about: a weight per country (alpha-3) and the first-level
    regions it names, as (country, admin1 code) pairs."""

    countries: Mapping[str, float]
    regions: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def of_article(cls, toponyms: Sequence[Toponym], hints: Iterable[str] = ()) -> ArticleContext:
        weights: dict[str, float] = {}
        for code in country_names(toponyms):
            weights[code] = max(weights.get(code, 0.0), NAMED_COUNTRY_WEIGHT)
        regions = frozenset(_named_regions(toponyms))
        for code in [*_unambiguous_countries(toponyms), *(country for country, _ in regions)]:
            weights[code] = max(weights.get(code, 0.0), UNAMBIGUOUS_PLACE_WEIGHT)
        hinted = list(dict.fromkeys(code.upper() for code in hints))
        hint_weight = HINT_WEIGHT * min(1.0, FOCUSED_HINTS / max(1, len(hinted)))
        for code in hinted:
            weights[code] = max(weights.get(code, 0.0), hint_weight)
        return cls(weights, regions)

    def weight(self, entry: GazetteerEntry) -> float:
        weight = self.countries.get(entry.country_code, 0.0)
        if entry.admin1 is not None and (entry.country_code, entry.admin1) in self.regions:
            weight += NAMED_REGION_WEIGHT
        return weight


def resolve_toponym(toponym: Toponym, context: ArticleContext) -> Candidate | None:
    """The best candidate for a place toponym; a country's name resolves to the country."""
    if not toponym.candidates:
        return None
    country = toponym.country
    if country is not None:
        return country
    return max(toponym.candidates, key=lambda c: score_candidate(c, toponym, context))


def score_candidate(candidate: Candidate, toponym: Toponym, context: ArticleContext) -> float:
    entry = candidate.entry
    score = math.log10(entry.population + 1) + context.weight(entry)
    score += PROMINENCE_WEIGHT * math.log10(entry.name_count + 1)
    if entry.feature_code == "PPLC":
        score += CAPITAL_BONUS
    if candidate.exact:
        score += EXACT_NAME_BONUS
    if entry.is_admin_area:
        if toponym.cue == "area":
            score += CUE_MATCH_BONUS
        elif entry.feature_code != "RGN":
            score -= UNCUED_ADMIN_PENALTY
    elif toponym.cue == "settlement" and entry.feature_code.startswith("PPL"):
        score += CUE_MATCH_BONUS
    return score


def _unambiguous_countries(toponyms: Iterable[Toponym]) -> Iterable[str]:
    for toponym in toponyms:
        if toponym.is_place and toponym.country is None:
            countries = {c.entry.country_code for c in toponym.candidates}
            if len(countries) == 1:
                yield from countries


def _named_regions(toponyms: Iterable[Toponym]) -> Iterable[tuple[str, str]]:
    """Provinces named without doubt: place names with exactly one first-level candidate."""
    for toponym in toponyms:
        if not toponym.is_place or toponym.country is not None:
            continue
        regions = [c.entry for c in toponym.candidates if c.entry.feature_code == "ADM1"]
        if len(regions) == 1 and regions[0].admin1 is not None:
            yield regions[0].country_code, regions[0].admin1
