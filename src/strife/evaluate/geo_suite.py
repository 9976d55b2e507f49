"""The geoparser judged across corpora, and the data its resolver is fitted on.

Three gold corpora (TR-News, GeoVirus, TUD-Loc2013), each split once into a development part
and a held-out part (TR-News and GeoVirus by article position, :func:`strife.evaluate.geo.part_of`;
TUD-Loc2013 by its published split: training and validation are development, test is held
out). Two ways to score the resolver on each corpus's held-out part:

* ``within``: the resolver fitted on the development parts of every corpus (how the shipped
  model is trained, ``train/train_geo.py``);
* ``leave_one_out``: fitted on the development parts of the *other* corpora only, so the
  corpus scored is news the resolver has never seen.

Recognition is the same in both; only the resolver's weights change. Each is reported per
corpus and as the macro average over corpora.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from strife.errors import UnreadableInput
from strife.evaluate.geo import (
    ACCURACY_KM,
    GeoScores,
    match_article,
    parsed_articles,
    part_of,
    spurious_predictions,
)
from strife.evaluate.geo_gold import GoldArticle, GoldToponym, read_gold
from strife.places import Geoparser
from strife.places.features import FEATURES, LOCAL_FEATURES
from strife.places.geometry import distance_km
from strife.places.ranker import Group, ResolverModel, fit
from strife.places.recognize import Toponym
from strife.places.resolve import ArticleFeatures

#: Each corpus and where it lies under the data folder.
CORPORA = {
    "TR-News": Path("geo/TR-News.xml.gz"),
    "GeoVirus": Path("geo/GeoVirus.xml.gz"),
    "TUD-Loc2013": Path("geo/TUD-Loc2013.zip"),
}
MODES = ("within", "leave_one_out")
_FIGURES = (
    "accuracy_161",
    "exact",
    "missed",
    "precision",
    "accuracy_161_found",
    "accuracy_161_by_context",
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A gold article, its parse and its toponyms (with every candidate reading)."""

    corpus: str
    part: str
    gold: GoldArticle
    doc: Doc
    toponyms: tuple[Toponym, ...]

    def right_readings(self) -> list[np.ndarray | None]:
        """For each toponym, which readings are right: the gold's GeoNames id when a reading
        has it, else every reading within 161 km of the gold point; None when no gold
        toponym with coordinates overlaps it."""
        out: list[np.ndarray | None] = []
        for toponym in self.toponyms:
            gold = _overlapping_gold(self, toponym)
            if gold is None or gold.lat is None or gold.lon is None:
                out.append(None)
                continue
            entries = [c.entry for c in toponym.candidates]
            exact = np.array([e.geonameid == gold.geonameid for e in entries], dtype=bool)
            if exact.any():
                out.append(exact)
                continue
            out.append(
                np.array(
                    [distance_km(gold.lat, gold.lon, e.lat, e.lon) <= ACCURACY_KM for e in entries],
                    dtype=bool,
                )
            )
        return out


def _overlapping_gold(parsed: Parsed, toponym: Toponym) -> GoldToponym | None:
    span = parsed.doc[toponym.start : toponym.end]
    start, end = span.start_char, span.end_char
    best, overlap = None, 0
    for gold in parsed.gold.toponyms:
        shared = min(gold.end, end) - max(gold.start, start)
        if shared > overlap and gold.has_coordinates:
            best, overlap = gold, shared
    return best


def read_corpora(data: Path, names: Iterable[str] = CORPORA) -> dict[str, list[GoldArticle]]:
    """The gold articles of each corpus under ``data`` (raises when one is missing)."""
    out = {}
    for name in names:
        path = data / CORPORA[name]
        if not path.exists():
            raise UnreadableInput(str(path), f"the {name} gold set is missing")
        articles = read_gold(path)
        out[name] = [
            article if article.part is not None else _with_part(article, position)
            for position, article in enumerate(articles)
        ]
    return out


def _with_part(article: GoldArticle, position: int) -> GoldArticle:
    return replace(article, part="dev" if part_of(position) == "dev" else "test")


def parse_corpora(
    corpora: dict[str, list[GoldArticle]], nlp: Any, geoparser: Geoparser
) -> list[Parsed]:
    """Every article parsed and its toponyms found (the slow part, done once)."""
    out = []
    for name, articles in corpora.items():
        for article, doc in parsed_articles(articles, nlp):
            toponyms = tuple(geoparser.toponyms(doc))
            out.append(Parsed(name, article.part or "dev", article, doc, toponyms))
    return out


def fit_model(parsed: Sequence[Parsed], trained_on: dict[str, Any] | None = None) -> ResolverModel:
    """The resolver fitted on ``parsed``: the local pass first, then the full pass on the
    context the fitted local pass gives."""
    labelled = [(p, p.right_readings()) for p in parsed]
    local_groups = [
        Group(matrix, right)
        for p, rights in labelled
        for matrix, right in zip(_local(p), rights, strict=True)
        if right is not None
    ]
    local = fit(local_groups)
    full_groups = [
        Group(matrix, right)
        for p, rights in labelled
        for matrix, right in zip(ArticleFeatures.of(p.toponyms, local).full, rights, strict=True)
        if right is not None
    ]
    full = fit(full_groups)
    info = dict(trained_on or {})
    info.setdefault("toponyms", len(full_groups))
    info.setdefault("features", list(FEATURES))
    return ResolverModel(local, full, info)


def _local(parsed: Parsed) -> list[np.ndarray]:
    zeros = np.zeros(len(LOCAL_FEATURES))
    return ArticleFeatures.of(parsed.toponyms, zeros).local


def score(parsed: Sequence[Parsed], geoparser: Geoparser) -> GeoScores:
    """Every toponym a geoparser reports, resolved and scored against the gold."""
    scores = GeoScores()
    for item in parsed:
        places = [m.place for m in geoparser.resolve(item.doc, item.toponyms, every_toponym=True)]
        outcomes = match_article(item.gold, places)
        scores.add(outcomes, len(places), spurious_predictions(item.gold, places))
    return scores


def run_suite(parsed: Sequence[Parsed], geoparser: Geoparser, part: str = "test") -> dict[str, Any]:
    """Both modes, per corpus and macro-averaged, scored on each corpus's ``part``: "test"
    (held out) or "dev" (where choices are made; the ``within`` model was fitted on it)."""
    names = list(dict.fromkeys(p.corpus for p in parsed))
    dev = [p for p in parsed if p.part == "dev"]
    shipped = geoparser.with_model(fit_model(dev))
    report: dict[str, Any] = {}
    for mode in MODES:
        corpora: dict[str, Any] = {}
        for name in names:
            scored = [p for p in parsed if p.corpus == name and p.part == part]
            if mode == "within":
                resolver = shipped
            else:
                resolver = geoparser.with_model(fit_model([p for p in dev if p.corpus != name]))
            corpora[name] = score(scored, resolver).as_dict()
        report[mode] = {"corpora": corpora, "macro": _macro(corpora.values())}
    return report


def _macro(reports: Iterable[dict[str, Any]]) -> dict[str, float | None]:
    listed = list(reports)
    out: dict[str, float | None] = {}
    for figure in _FIGURES:
        values = [r[figure] for r in listed if r[figure] is not None]
        out[figure] = round(statistics.fmean(values), 4) if values else None
    return out
