"""Choosing the GeoNames entry each toponym of an article means.

The choice is learned (:mod:`strife.places.ranker`), in two passes over the article:

1. every reading of every name is scored on what it is and on what the article names without
   doubt (:func:`strife.places.features.local_features`);
2. the other names, read by that first pass, vote for each reading's country, province and
   district and say how near it lies to their own likely readings; the readings are scored
   again with these votes (:func:`strife.places.features.context_features`), so "Paris" in an
   article full of Tennessee towns is Paris, Tennessee, and "Edmonton" among Cairns and
   Queensland is Edmonton, Queensland.

Each toponym is then resolved on its own from those scores, so one that fails leaves the
others untouched; the names of one list ("the regions of Terter, Aghdam and Aghjabedi") are
resolved at one level.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from strife.places.features import (
    FEATURES,
    ArticleNames,
    Matrix,
    Readings,
    context_features,
    cue_fits,
    local_features,
)
from strife.places.levels import DIVISION_CUES, DIVISIONS, level_of
from strife.places.names import Candidate, normalize_name
from strife.places.ranker import ResolverModel, Vector
from strife.places.recognize import Toponym, toponym_lists
from strife.places.usage import WELL_KNOWN_POPULATION
from strife.records import Level

_NAMED_COUNTRY = FEATURES.index("named_country")
_UNAMBIGUOUS_COUNTRY = FEATURES.index("unambiguous_country")
_COUNTRY_VOTES = FEATURES.index("country_votes")
_SEAT_NAMESAKE = FEATURES.index("seat_namesake")
T = TypeVar("T")
R = TypeVar("R")
# The levels a continent's or region's name may be read at.
_WIDE = frozenset({"continent", "country", "province"})


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """The features of every reading of every toponym of an article, both passes."""

    local: list[Matrix]
    full: list[Matrix]

    @classmethod
    def of(
        cls, toponyms: Sequence[Toponym], local_weights: Vector, hints: Iterable[str] = ()
    ) -> ArticleFeatures:
        hints = list(hints)
        names = ArticleNames.of(toponyms, hints)
        keys = [normalize_name(t.text) for t in toponyms]
        local = _local_matrices(toponyms, keys, names)
        shares = _shares(local, local_weights)
        readings = Readings.of(toponyms, keys, shares, hints)
        context = context_features(toponyms, keys, readings)
        # Repeated mentions share their local and context matrices, so their full ones too.
        full = _per_distinct(
            zip(local, context, strict=True),
            lambda pair: (id(pair[0]), id(pair[1])),
            lambda pair: np.concatenate(pair, axis=1),
        )
        return cls(local, full)


def _shares(local: Sequence[Matrix], weights: Vector) -> list[Vector]:
    """Each toponym's probabilities of its readings on the local features alone. Repeated
    mentions share their matrix (:func:`_local_matrices`), so they share these too."""
    return _per_distinct(local, id, lambda matrix: _softmax(matrix @ weights))


def _per_distinct(
    items: Iterable[T], key: Callable[[T], Hashable], compute: Callable[[T], R]
) -> list[R]:
    """``compute`` of each item, computed once per distinct ``key`` and shared by the items
    with that key (repeated mentions of a name share their matrices, so what is computed
    from those matrices too)."""
    done: dict[Hashable, R] = {}
    out = []
    for item in items:
        marker = key(item)
        if marker not in done:
            done[marker] = compute(item)
        out.append(done[marker])
    return out


def _local_matrices(
    toponyms: Sequence[Toponym], keys: Sequence[str], names: ArticleNames
) -> list[Matrix]:
    """Each toponym's local features; repeated mentions with the same readings and cue share
    them (a name is often repeated through an article)."""
    seen: dict[tuple[str, str, tuple[int, ...]], Matrix] = {}
    out = []
    for toponym, key in zip(toponyms, keys, strict=True):
        reading = (key, toponym.cue, tuple(c.entry.geonameid for c in toponym.candidates))
        if reading not in seen:
            seen[reading] = local_features(toponym, names)
        out.append(seen[reading])
    return out


def resolve_article(
    toponyms: Sequence[Toponym], model: ResolverModel, hints: Iterable[str] = ()
) -> list[Candidate | None]:
    """The chosen candidate of each toponym (None when it has none, or its one reading is a
    stray: :func:`_stray`), in order; a capital by its own name where the model chose a place
    only another name matched (:func:`_named_capital`), and the town a division is named
    after (or a district of the very name: "Wainwright" in Alberta) where the model chose
    the division and no word says the level, there or at another mention of the name
    (:func:`_namesake_seat`). ``hints`` are alpha-3 codes of countries the article is about
    (its actors' countries)."""
    features = ArticleFeatures.of(toponyms, model.local, hints)
    scores = _scores(features.full, model)
    chosen = _one_level_per_list(toponyms, scores)
    others = sum(1 for toponym in toponyms if toponym.candidates) > 1
    # Names the article also writes with a word for a division ("Idlib province"): a bare
    # mention means the division too.
    divisions = {normalize_name(t.text) for t in toponyms if t.cue in DIVISION_CUES}
    out: list[Candidate | None] = []
    for toponym, local, full, choice in zip(
        toponyms, features.local, features.full, chosen, strict=True
    ):
        # A division of another name ("Aleppo Governorate"), or a district of the very
        # name ("Wainwright", a census division and its town), may be the town it is
        # named after.
        if choice is not None and (
            not choice.exact or level_of(choice.entry.feature_code) == "district"
        ):
            named_division = normalize_name(toponym.text) in divisions
            seat = None if named_division else _namesake_seat(toponym, local, choice)
            choice = _named_capital(toponym, local) or seat or choice
        if others and len(toponym.candidates) == 1 and choice and _stray(toponym, choice, full[0]):
            choice = None
        # An Arabic name written with its article ("al-Hol" in a story about Syria) has no
        # reading in a country nothing else in the article points to (Hol in Norway).
        if others and toponym.after_article and choice is not None:
            choice = None if _unsupported(full[toponym.candidates.index(choice)]) else choice
        out.append(_region_over_division(toponym, full, choice))
    return _inside_containers(toponyms, out)


def _inside_containers(
    toponyms: Sequence[Toponym], chosen: list[Candidate | None]
) -> list[Candidate | None]:
    """A town or division the article puts inside a country it names as a place ("the town
    of Palma in northern Mozambique", "Kingston, Jamaica") has no reading outside it: where
    none of its readings lies in that country, it has none, at that mention and at the
    others that read the name the same way (it may be a settlement the gazetteer lacks,
    placed by its article)."""
    outside: set[int] = set()  # geonameids read outside their container
    for toponym, choice in zip(toponyms, chosen, strict=True):
        if choice is None or toponym.within is None:
            continue
        code = choice.entry.feature_code
        if not (code.startswith("PPL") or code in DIVISIONS):
            continue  # a country, sea or site
        held_by = toponyms[toponym.within]
        container = chosen[toponym.within]
        if container is None or not container.entry.is_country or not held_by.is_place:
            continue  # "Aleppo in Turkish": a language, no container
        country = container.entry.country_code
        if not any(c.entry.country_code == country for c in toponym.candidates):
            outside.add(choice.entry.geonameid)
    if not outside:
        return chosen
    return [None if c is not None and c.entry.geonameid in outside else c for c in chosen]


def _scores(full: Sequence[Matrix], model: ResolverModel) -> list[list[float]]:
    """Each toponym's scores of its readings; repeated mentions, which share their matrix,
    share them."""
    return _per_distinct(full, id, lambda matrix: model.full_scores(matrix).tolist())


def _region_over_division(
    toponym: Toponym, full: Matrix, choice: Candidate | None
) -> Candidate | None:
    """A region of no one country by its own name ("the Sahel"), where the model chose a
    division of that name (Burkina Faso's Sahel Region) in a country that nothing else in
    the article names and that no name is written inside: the region."""
    if choice is None or choice.entry.feature_code not in DIVISIONS or toponym.within is not None:
        return choice
    regions = [
        c
        for c in toponym.candidates
        if c.exact and c.entry.feature_code == "RGN" and not c.entry.country_code
    ]
    if not regions:
        return choice  # most names, decided without reading the votes
    if full[toponym.candidates.index(choice)][_COUNTRY_VOTES] > 0:
        return choice
    return regions[0]


def _stray(toponym: Toponym, candidate: Candidate, row: Vector) -> bool:
    """The one reading of a name is a small town or district that only some language calls
    so, in a country nothing else in the article points to ("Banjska" in a story about
    Kosovo, read as Bansko in Bulgaria): no reading, where the article names other places
    (alone, nothing speaks against it). A town known by that name to many (Saigon), and one
    whose own name holds the name ("Guantanamo Bay", Naval Station Guantanamo Bay) stay."""
    entry = candidate.entry
    return (
        not candidate.exact
        and normalize_name(toponym.text) not in normalize_name(entry.name)
        and (entry.feature_code.startswith("PPL") or level_of(entry.feature_code) == "district")
        and entry.population < WELL_KNOWN_POPULATION
        and _unsupported(row)
    )


def _unsupported(row: Vector) -> bool:
    """The reading (its features, ``row``) lies in a country that nothing else in the
    article points to: not named, not the one country of a name, no votes."""
    return not (row[_NAMED_COUNTRY] or row[_UNAMBIGUOUS_COUNTRY] or row[_COUNTRY_VOTES])


def _named_capital(toponym: Toponym, local: Matrix) -> Candidate | None:
    """The capital the name is, by its own name, of a country the article names, where the
    model chose a place some language or earlier age called so: "ISLAMABAD, Jan 18 -
    Pakistan ...", not Chattogram, once called Islamabad. None where there is no such
    capital, or the model chose a reading by its own name."""
    capitals = [
        candidate
        for candidate, row in zip(toponym.candidates, local, strict=True)
        if candidate.exact and candidate.entry.feature_code == "PPLC" and row[_NAMED_COUNTRY]
    ]
    return capitals[0] if len(capitals) == 1 else None


def _namesake_seat(toponym: Toponym, local: Matrix, chosen: Candidate) -> Candidate | None:
    """The town a division is named after, where the model chose the division though no
    word says the level: "Aleppo" alone is the city, not Aleppo Governorate. Where the
    division too is known by the name only as another spelling ("Mykolaiv" for Mykolaiv
    Oblast and for the city of Mykolayiv), a town of that spelling is its namesake as well."""
    row = local[next(i for i, c in enumerate(toponym.candidates) if c is chosen)]
    spelled = (
        not chosen.exact
        and chosen.entry.feature_code in DIVISIONS
        and toponym.cue not in DIVISION_CUES
    )
    if not row[_SEAT_NAMESAKE] and not spelled:
        return None
    towns = [
        c
        for c in toponym.candidates
        if (c.exact or spelled)
        and level_of(c.entry.feature_code) == "city"
        and c.entry.population > 0
        and (c.entry.country_code, c.entry.admin1)
        == (chosen.entry.country_code, chosen.entry.admin1)
    ]
    return max(towns, key=lambda c: c.entry.population) if towns else None


def _softmax(scores: Vector) -> Vector:
    if not len(scores):
        return scores
    weights: Vector = np.exp(scores - scores.max())
    shares: Vector = weights / float(weights.sum())
    return shares


def _choice(
    toponym: Toponym, scores: Sequence[float], level: Level | None = None, *, cued: bool = True
) -> Candidate | None:
    """The best-scoring candidate among the readings the text allows (see
    :func:`_allowed`), and of ``level`` when given (a list's level) and the toponym has one
    there."""
    if len(toponym.candidates) < 2:
        # None, or the one reading: the text allows it whatever it says (``_allowed``).
        return toponym.candidates[0] if toponym.candidates else None
    indices = _allowed(toponym, cued=cued and level is None)
    if level is not None:
        indices = [i for i in indices if _level(toponym, i) == level] or indices
    best = max(indices, key=scores.__getitem__)
    return toponym.candidates[best]


def _allowed(toponym: Toponym, *, cued: bool) -> list[int]:
    """The readings the text allows: a country's name ("Egypt", "Jordan", "US": the index
    knows a country by its GeoNames name and the names news uses, from the project's own
    list) means the country or a first-level division ("Georgia" the state), never a town
    that some language calls so; the name of a continent or a region ("Asia", "the Middle
    East") means a continent, a region, a province or a country, never a town or a
    district; the name of a physical feature or a site ("the Vistula", "the White House")
    is never a town or a division that only some language calls so (Casablanca, "the white
    house" in Spanish); when ``cued``, a word saying the level ("Kherson region", "the town
    of") keeps the readings of that level. Never empty when the toponym has candidates."""
    candidates = toponym.candidates
    indices = list(range(len(candidates)))
    if any(c.entry.is_country and not c.demonym for c in candidates):
        indices = [
            i
            for i in indices
            if candidates[i].entry.is_country or candidates[i].entry.feature_code == "ADM1"
        ]
    elif any(
        c.exact and (c.entry.is_continent or c.entry.feature_code == "RGN") for c in candidates
    ):
        indices = [i for i in indices if level_of(candidates[i].entry.feature_code) in _WIDE]
    elif any(c.exact and _is_landmark(c) for c in candidates):
        indices = [
            i for i in indices if candidates[i].exact or not candidates[i].entry.is_town_or_division
        ]
    if cued:
        fitting = [i for i in indices if cue_fits(candidates[i].entry, toponym.cue)]
        indices = fitting or indices
    return indices


def _is_landmark(candidate: Candidate) -> bool:
    """A physical feature or a site (a river, an island, a building, a square): neither a
    town, a division, a region, a country nor a continent."""
    entry = candidate.entry
    return not (entry.is_town_or_division or entry.is_country or entry.is_continent)


def _one_level_per_list(
    toponyms: Sequence[Toponym], scores: Sequence[Sequence[float]]
) -> list[Candidate | None]:
    """Each toponym's best candidate; the names of one list ("the regions of Terter, Aghdam
    and Aghjabedi") at the one level every name of it has, the best-scoring such level (news
    says "regions" of towns and districts alike, so the cue decides nothing there)."""
    # Repeated mentions with one cue share their scores (:func:`_scores`) and choice.
    chosen = _per_distinct(
        zip(toponyms, scores, strict=True),
        lambda mention: (id(mention[1]), mention[0].cue),
        lambda mention: _choice(*mention),
    )
    for members in toponym_lists(toponyms):
        # The words around a list ("the regions of") are read once for all its names.
        for i in members:
            chosen[i] = _choice(toponyms[i], scores[i], cued=False)
        levels = set.intersection(*(_levels(toponyms[i]) for i in members))
        picked = {level_of(c.entry.feature_code) for i in members if (c := chosen[i]) is not None}
        if len(picked) <= 1 or not levels:
            continue
        level = max(levels, key=lambda lv: _level_score(toponyms, scores, members, lv))
        for i in members:
            chosen[i] = _choice(toponyms[i], scores[i], level)
    return chosen


def _level(toponym: Toponym, index: int) -> Level:
    return level_of(toponym.candidates[index].entry.feature_code)


def _levels(toponym: Toponym) -> set[Level]:
    """The levels of the readings the text allows a list's name (a country's name is never
    read as a town to put it at its neighbours' level)."""
    return {_level(toponym, i) for i in _allowed(toponym, cued=False)}


def _level_score(
    toponyms: Sequence[Toponym], scores: Sequence[Sequence[float]], members: list[int], level: Level
) -> float:
    return sum(
        max(
            scores[i][j]
            for j in _allowed(toponyms[i], cued=False)
            if _level(toponyms[i], j) == level
        )
        for i in members
    )
