"""Choosing the GeoNames entry each toponym of an article means.

A candidate's prior comes from the log of its population and of the number of names GeoNames
knows it by (how well known it is), its feature (capitals first, provinces only when the
text says "province"), and whether the name is its primary one. The article adds two kinds
of context:

* countries: those the caller hints, those of names that can only be in one country, those
  the article names (:class:`ArticleContext`);
* coherence: the other names of the article vote for the provinces and districts their own
  likely readings lie in, so "Edmonton" in an article that also names Cairns and Queensland
  is Edmonton, Queensland, and in one that names Enfield and London it is the London
  borough. A name never votes for itself, and votes are weighted by how likely each reading
  of the voter is, so a tiny namesake ("Queensland", Alberta) barely counts.

Each toponym is resolved on its own from that context, so one that fails leaves the others
untouched. A country's name resolves to the country.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from strife.places.levels import Level, level_of
from strife.places.names import Candidate, GazetteerEntry, normalize_name
from strife.places.recognize import Toponym, country_names, toponym_lists

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
# Weight of the other names' votes for a candidate's province and district.
PROVINCE_VOTE_WEIGHT = 2.0
DISTRICT_VOTE_WEIGHT = 2.0
# How sharply a name's readings are told apart when it votes (softmax temperature).
VOTE_TEMPERATURE = 1.0
COHERENCE_ROUNDS = 2
# A town named with its province or country ("Edmonton, Ky.") is in it.
CONTAINER_WEIGHT = 6.0
# "The regions of Terter, Aghdam" are the towns or the provinces, never the districts;
# "Karak district" may be either level.
_CUES_OF_LEVEL = {
    "ADM1": frozenset({"area", "district"}),
    "RGN": frozenset({"area", "district"}),
    "ADM2": frozenset({"district"}),
}

Area = tuple[str, ...]


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


def resolve_article(
    toponyms: Sequence[Toponym], hints: Iterable[str] = ()
) -> list[Candidate | None]:
    """The chosen candidate of each toponym (None when it has none), in order."""
    context = ArticleContext.of_article(toponyms, hints)
    keys = [normalize_name(t.text) for t in toponyms]
    priors = [[score_candidate(c, t, context) for c in t.candidates] for t in toponyms]
    scores = priors
    for _ in range(COHERENCE_ROUNDS):
        votes = _Votes.cast(toponyms, keys, scores)
        scores = [
            [
                prior + votes.support(c.entry, key) + _containment(c.entry, t, toponyms, votes)
                for c, prior in zip(t.candidates, row, strict=True)
            ]
            for t, key, row in zip(toponyms, keys, priors, strict=True)
        ]
    return _one_level_per_list(toponyms, scores)


def resolve_toponym(toponym: Toponym, context: ArticleContext) -> Candidate | None:
    """The best candidate for one toponym in ``context``, without the other names' votes."""
    return _choice(toponym, [score_candidate(c, toponym, context) for c in toponym.candidates])


def _choice(
    toponym: Toponym, scores: Sequence[float], level: Level | None = None
) -> Candidate | None:
    """The best-scoring candidate (of ``level`` when given and the toponym has one)."""
    if not toponym.candidates:
        return None
    country = toponym.country
    if country is not None:
        return country
    allowed = [
        i
        for i, c in enumerate(toponym.candidates)
        if level is None or level_of(c.entry.feature_code) == level
    ]
    best = max(allowed or range(len(scores)), key=scores.__getitem__)
    return toponym.candidates[best]


def _one_level_per_list(
    toponyms: Sequence[Toponym], scores: Sequence[Sequence[float]]
) -> list[Candidate | None]:
    """Each toponym's best candidate; the names of one list ("the regions of Terter, Aghdam
    and Aghjabedi") at the one level every name of it has, the best-scoring such level."""
    chosen = [_choice(t, row) for t, row in zip(toponyms, scores, strict=True)]
    for members in toponym_lists(toponyms):
        levels = set.intersection(
            *({level_of(c.entry.feature_code) for c in toponyms[i].candidates} for i in members)
        )
        picked = {level_of(c.entry.feature_code) for i in members if (c := chosen[i]) is not None}
        if len(picked) <= 1 or not levels:
            continue
        level = max(levels, key=lambda lv: _level_score(toponyms, scores, members, lv))
        for i in members:
            chosen[i] = _choice(toponyms[i], scores[i], level)
    return chosen


def _level_score(
    toponyms: Sequence[Toponym], scores: Sequence[Sequence[float]], members: list[int], level: Level
) -> float:
    return sum(
        max(
            s
            for c, s in zip(toponyms[i].candidates, scores[i], strict=True)
            if level_of(c.entry.feature_code) == level
        )
        for i in members
    )


def score_candidate(candidate: Candidate, toponym: Toponym, context: ArticleContext) -> float:
    """The candidate's prior plus the article's country context."""
    entry = candidate.entry
    score = math.log10(entry.population + 1) + context.weight(entry)
    score += PROMINENCE_WEIGHT * math.log10(entry.name_count + 1)
    if entry.feature_code == "PPLC":
        score += CAPITAL_BONUS
    if candidate.exact:
        score += EXACT_NAME_BONUS
    if entry.is_admin_area:
        if toponym.cue in _CUES_OF_LEVEL[entry.feature_code]:
            score += CUE_MATCH_BONUS
        elif entry.feature_code != "RGN":
            score -= UNCUED_ADMIN_PENALTY
    elif toponym.cue == "settlement" and entry.feature_code.startswith("PPL"):
        score += CUE_MATCH_BONUS
    return score


@dataclass(frozen=True, slots=True)
class _Votes:
    """For each name, how strongly its readings lie in each province and district (the
    probability of each reading, a softmax of its score, summed by area), and the sum of
    every name's votes per area."""

    by_name: dict[str, dict[Area, float]]
    total: dict[Area, float]

    @classmethod
    def cast(
        cls, toponyms: Sequence[Toponym], keys: Sequence[str], scores: Sequence[Sequence[float]]
    ) -> _Votes:
        """Repeated mentions of a name vote once."""
        by_name: dict[str, dict[Area, float]] = {}
        total: defaultdict[Area, float] = defaultdict(float)
        for toponym, key, row in zip(toponyms, keys, scores, strict=True):
            if key in by_name or not toponym.candidates:
                continue
            mass: defaultdict[Area, float] = defaultdict(float)
            for candidate, share in zip(toponym.candidates, _softmax(row), strict=True):
                for area in _areas(candidate.entry):
                    mass[area] += share
                    total[area] += share
            by_name[key] = dict(mass)
        return cls(by_name, dict(total))

    def support(self, entry: GazetteerEntry, own_key: str) -> float:
        """The other names' votes for the candidate's province and district."""
        own = self.by_name.get(own_key, {})
        support = 0.0
        for area in _areas(entry):
            weight = PROVINCE_VOTE_WEIGHT if len(area) == 2 else DISTRICT_VOTE_WEIGHT
            support += weight * (self.total.get(area, 0.0) - own.get(area, 0.0))
        return support


def _containment(
    entry: GazetteerEntry,
    toponym: Toponym,
    toponyms: Sequence[Toponym],
    votes: _Votes,
) -> float:
    """ "Edmonton, Ky.", "Kingston, Jamaica": a town named with its province or country lies
    in it; the container's own readings weigh its areas."""
    if toponym.within is None:
        return 0.0
    container = toponyms[toponym.within]
    country = container.country
    if country is not None:
        return CONTAINER_WEIGHT * (entry.country_code == country.entry.country_code)
    mass = votes.by_name.get(normalize_name(container.text), {})
    return CONTAINER_WEIGHT * sum(mass.get(area, 0.0) for area in _areas(entry)[:1])


def _areas(entry: GazetteerEntry) -> list[Area]:
    """The province, and the district, a place lies in (a division lies in itself)."""
    if entry.is_country or entry.is_continent or entry.admin1 is None:
        return []
    areas: list[Area] = [(entry.country_code, entry.admin1)]
    if entry.admin2 is not None:
        areas.append((entry.country_code, entry.admin1, entry.admin2))
    return areas


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp((s - top) / VOTE_TEMPERATURE) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _unambiguous_countries(toponyms: Iterable[Toponym]) -> Iterable[str]:
    for toponym in toponyms:
        if toponym.is_place and toponym.country is None:
            countries = {c.entry.country_code for c in toponym.candidates}
            if len(countries) == 1 and "" not in countries:
                yield from countries


def _named_regions(toponyms: Iterable[Toponym]) -> Iterable[tuple[str, str]]:
    """Provinces named without doubt: place names with exactly one first-level candidate."""
    for toponym in toponyms:
        if not toponym.is_place or toponym.country is not None:
            continue
        regions = [c.entry for c in toponym.candidates if c.entry.feature_code == "ADM1"]
        if len(regions) == 1 and regions[0].admin1 is not None:
            yield regions[0].country_code, regions[0].admin1
