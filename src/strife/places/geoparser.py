"""The places stage: toponyms of a Doc, recognised and resolved to GeoNames entries."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from strife.places.gazetteer import Gazetteer
from strife.places.names import Candidate
from strife.places.recognize import Lexicon, Toponym, find_toponyms
from strife.places.resolve import ArticleContext, resolve_toponym
from strife.records import Place, PlaceMention


class Geoparser:
    """Finds the places a Doc names. Build it once and reuse it: it holds the gazetteer and
    the recogniser's word lists."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon | None = None) -> None:
        self._gazetteer = gazetteer
        self._lexicon = lexicon if lexicon is not None else Lexicon.load()

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Geoparser:
        """A geoparser over the full gazetteer index (built on first use)."""
        return cls(Gazetteer.load(cache_dir))

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer

    def find(self, doc: Doc, country_hints: Sequence[str] = ()) -> list[PlaceMention]:
        """The place mentions of ``doc``, in text order. ``country_hints`` are alpha-3 codes
        of the countries the article is about; they break ties between same-named places."""
        toponyms = find_toponyms(doc, self._gazetteer, self._lexicon)
        context = ArticleContext.of_article(toponyms, country_hints)
        mentions = []
        for toponym in toponyms:
            if not toponym.is_place:
                continue
            chosen = resolve_toponym(toponym, context)
            if chosen is not None:
                mentions.append(place_mention(doc, toponym, chosen))
        return mentions


def place_mention(doc: Doc, toponym: Toponym, chosen: Candidate) -> PlaceMention:
    span = doc[toponym.start : toponym.end]
    entry = chosen.entry
    place = Place(
        extracted_place=span.text,
        resolved_place=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country_code=entry.country_code,
        feature_code=entry.feature_code,
        admin1=entry.admin1,
        start=span.start_char,
        end=span.end_char,
    )
    return PlaceMention(start=toponym.start, end=toponym.end, place=place)
