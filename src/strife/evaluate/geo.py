"""How well the geoparser finds and resolves toponyms, scored the way Mordecai3 and Gritta et
al. score geoparsers.

For each GOLD toponym that has coordinates, the predicted toponym whose character span
overlaps it most is its prediction. A gold toponym with no overlapping prediction is missed.

* ``accuracy_161``: share of gold toponyms whose prediction lies within 161 km (100 miles)
  of the gold point. Misses count as errors: the denominator is every gold toponym.
* ``exact``: share of gold toponyms with a GeoNames id whose prediction has that id
  (misses are errors again).
* ``*_found``: the same over the found toponyms only (the resolver alone).
* ``mean_error_km`` / ``median_error_km``: distance over found toponyms only.
* ``missed``: share of gold toponyms without an overlapping prediction; ``precision``:
  share of predictions that overlap a gold toponym.

Tuning and reporting on the same articles overfits, so every article has a part: articles
at even positions of the file are the development half (``dev``), odd ones the held-out half
(``test``), unless the corpus comes pre-split (TUD-Loc2013).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from strife.evaluate.geo_gold import GoldArticle, GoldToponym
from strife.nlp import remember_text
from strife.places import Geoparser
from strife.places.geometry import distance_km
from strife.records import Place

Part = Literal["dev", "test", "all"]
PARTS: tuple[Part, ...] = ("dev", "test", "all")
ACCURACY_KM = 161.0
PARSE_BATCH = 8  # gold articles parsed together


@dataclass(frozen=True, slots=True)
class Outcome:
    """One gold toponym and what the geoparser made of it (None: missed)."""

    gold: GoldToponym
    predicted: Place | None

    @property
    def error_km(self) -> float | None:
        gold, place = self.gold, self.predicted
        if place is None or gold.lat is None or gold.lon is None:
            return None
        return distance_km(gold.lat, gold.lon, place.lat, place.lon)

    @property
    def exact(self) -> bool:
        return self.predicted is not None and self.predicted.geonameid == self.gold.geonameid


def match_article(gold: GoldArticle, predicted: Sequence[Place]) -> list[Outcome]:
    """The outcome of each gold toponym that has coordinates."""
    outcomes = []
    for toponym in gold.toponyms:
        if toponym.has_coordinates:
            overlapping = [p for p in predicted if _overlap(toponym, p) > 0]
            best = max(overlapping, key=lambda p: _overlap(toponym, p), default=None)
            outcomes.append(Outcome(toponym, best))
    return outcomes


def spurious_predictions(gold: GoldArticle, predicted: Sequence[Place]) -> int:
    """Predictions that overlap no gold toponym (with or without coordinates)."""
    return sum(1 for p in predicted if not any(_overlap(t, p) > 0 for t in gold.toponyms))


def _overlap(toponym: GoldToponym, place: Place) -> int:
    return min(toponym.end, place.end) - max(toponym.start, place.start)


@dataclass(slots=True)
class GeoScores:
    """Counts over a set of articles; the rates are read from them."""

    articles: int = 0
    gold: int = 0
    with_id: int = 0
    found: int = 0
    found_with_id: int = 0
    within: int = 0
    exact_matches: int = 0
    predicted: int = 0
    spurious: int = 0
    #: Found gold toponyms whose prediction is a site placed by its article's context.
    found_by_context: int = 0
    within_by_context: int = 0
    errors_km: list[float] = field(default_factory=list)

    def add(self, outcomes: Iterable[Outcome], predicted: int, spurious: int) -> None:
        self.articles += 1
        self.predicted += predicted
        self.spurious += spurious
        for outcome in outcomes:
            self._add_outcome(outcome)

    def _add_outcome(self, outcome: Outcome) -> None:
        has_id = outcome.gold.geonameid is not None
        self.gold += 1
        self.with_id += has_id
        error = outcome.error_km
        if error is None:
            return
        self.found += 1
        self.found_with_id += has_id
        self.errors_km.append(error)
        self.within += error <= ACCURACY_KM
        self.exact_matches += has_id and outcome.exact
        if outcome.predicted is not None and outcome.predicted.resolved_by == "context":
            self.found_by_context += 1
            self.within_by_context += error <= ACCURACY_KM

    def as_dict(self) -> dict[str, Any]:
        """Counts and rates (None where the denominator is zero), rounded for reports."""
        errors = self.errors_km
        return {
            "articles": self.articles,
            "gold_toponyms": self.gold,
            "gold_with_geonameid": self.with_id,
            "found": self.found,
            "missed": _rate(self.gold - self.found, self.gold),
            "accuracy_161": _rate(self.within, self.gold),
            "exact": _rate(self.exact_matches, self.with_id),
            "accuracy_161_found": _rate(self.within, self.found),
            "exact_found": _rate(self.exact_matches, self.found_with_id),
            "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
            "median_error_km": round(statistics.median(errors), 1) if errors else None,
            "predicted": self.predicted,
            "precision": _rate(self.predicted - self.spurious, self.predicted),
            "found_by_context": self.found_by_context,
            "accuracy_161_by_context": _rate(self.within_by_context, self.found_by_context),
        }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def part_of(position: int) -> Part:
    """Even positions are the development half, odd ones the held-out half."""
    return "dev" if position % 2 == 0 else "test"


@dataclass(frozen=True, slots=True)
class GeoReport:
    """Scores per part and the geoparser's time per article (milliseconds, spaCy excluded)."""

    scores: dict[Part, GeoScores]
    geoparse_ms: tuple[float, ...]
    parse_ms_total: float

    def as_dict(self) -> dict[str, Any]:
        times = self.geoparse_ms
        return {
            "parts": {part: self.scores[part].as_dict() for part in PARTS},
            "geoparse_ms_per_article_median": round(statistics.median(times), 2) if times else None,
            "geoparse_ms_per_article_mean": round(statistics.fmean(times), 2) if times else None,
            "spacy_ms_per_article_mean": round(self.parse_ms_total / len(times), 1)
            if times
            else None,
        }


def evaluate_geoparser(
    articles: Sequence[GoldArticle], nlp: Any, geoparser: Geoparser
) -> GeoReport:
    """Parse every article, geoparse it (every toponym, as a geoparser reports them) and
    score it into its part and into ``all``."""
    scores: dict[Part, GeoScores] = {part: GeoScores() for part in PARTS}
    times: list[float] = []
    parse_start = time.perf_counter()
    parse_ms = 0.0
    for position, (article, doc) in enumerate(parsed_articles(articles, nlp)):
        parse_ms += (time.perf_counter() - parse_start) * 1000
        remember_text(doc, article.text)  # as the coder does: the parse keeps its text
        start = time.perf_counter()
        places = [m.place for m in geoparser.find(doc, every_toponym=True)]
        times.append((time.perf_counter() - start) * 1000)
        outcomes = match_article(article, places)
        spurious = spurious_predictions(article, places)
        for part in (article.part or part_of(position), "all"):
            scores[part].add(outcomes, len(places), spurious)
        parse_start = time.perf_counter()
    return GeoReport(scores, tuple(times), parse_ms)


def parsed_articles(articles: Sequence[GoldArticle], nlp: Any) -> Iterator[tuple[GoldArticle, Any]]:
    """Each gold article with its Doc, parsed as ``strife geoparse`` and ``strife code``
    parse (:func:`strife.nlp.parse_texts`: a wire dateline apart, a long text in pieces).
    Raises :class:`~strife.errors.CodingError` when an article cannot be parsed: a score
    that silently skipped it would be wrong."""
    from strife.errors import CodingError
    from strife.ingest.article import MAX_ARTICLE_CHARS
    from strife.nlp import Unparsed, parse_texts
    from strife.pipeline import PIECE_CHARS

    for start in range(0, len(articles), PARSE_BATCH):
        batch = articles[start : start + PARSE_BATCH]
        texts = [article.text for article in batch]
        limit = max(MAX_ARTICLE_CHARS, *(len(t) for t in texts))
        for article, doc in zip(batch, parse_texts(nlp, texts, PIECE_CHARS, limit), strict=True):
            if isinstance(doc, Unparsed):
                raise CodingError(f"the gold article {article.id}", doc.reason)
            yield article, doc
