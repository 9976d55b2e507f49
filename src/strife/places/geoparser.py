"""The places stage: toponyms of a Doc, recognised and resolved to GeoNames entries."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from strife.errors import ModelError
from strife.nlp import doc_text, english_words
from strife.places.addresses import place_postcodes, with_addresses
from strife.places.gazetteer import Gazetteer
from strife.places.levels import level_of
from strife.places.lexicon import shipped_lexicon
from strife.places.names import Candidate
from strife.places.ranker import ResolverModel
from strife.places.recognize import Lexicon, Toponym, find_toponyms
from strife.places.resolve import resolve_article
from strife.places.settlements import find_settlements
from strife.places.sites import far_held, find_sites, place_sites, site_word_hits
from strife.places.words import lower_keys
from strife.records import Place, PlaceMention


class Geoparser:
    """Finds the places a Doc names. Build it once and reuse it: it holds the gazetteer and
    the recogniser's word lists and the resolver's model."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        lexicon: Lexicon | None = None,
        model: ResolverModel | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self._lexicon = lexicon if lexicon is not None else shipped_lexicon()
        self._model = model if model is not None else ResolverModel.load()
        _read_english_words()

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Geoparser:
        """A geoparser over the full gazetteer index (built on first use)."""
        return cls(Gazetteer.load(cache_dir))

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer

    @property
    def model(self) -> ResolverModel:
        return self._model

    def with_model(self, model: ResolverModel) -> Geoparser:
        """The same geoparser resolving with another model (evaluation, training)."""
        return Geoparser(self._gazetteer, self._lexicon, model)

    def toponyms(self, doc: Doc) -> list[Toponym]:
        """Every toponym of ``doc`` with its candidate readings, before any is chosen."""
        return find_toponyms(doc, self._gazetteer, self._lexicon)

    def find(
        self, doc: Doc, country_hints: Sequence[str] = (), *, every_toponym: bool = False
    ) -> list[PlaceMention]:
        """The place mentions of ``doc``, in text order. ``country_hints`` are alpha-3 codes
        of the countries the article is about; they break ties between same-named places.

        By default only names used as places are returned (what an event can happen at);
        ``every_toponym`` also returns countries named as actors ("Russia said") and
        demonyms ("Turkish troops"), as a geoparser reports them. Sites the gazetteer lacks
        ("the Ritz Hotel") come with the place the article puts them in
        (:mod:`strife.places.sites`)."""
        return self.resolve(doc, self.toponyms(doc), country_hints, every_toponym=every_toponym)

    def resolve(
        self,
        doc: Doc,
        toponyms: Sequence[Toponym],
        country_hints: Sequence[str] = (),
        *,
        every_toponym: bool = False,
    ) -> list[PlaceMention]:
        """The place mentions of ``toponyms`` found in ``doc`` (see :meth:`find`)."""
        chosen = resolve_article(toponyms, self._model, country_hints)
        read = [(t, c) for t, c in zip(toponyms, chosen, strict=True) if c is not None]
        # A name whose one reading was a stray ("the village of Banjska" read as Bansko in
        # Bulgaria) may still be a settlement the gazetteer lacks.
        toponyms = [
            t for t, c in zip(toponyms, chosen, strict=True) if c is not None or not t.candidates
        ]
        lowers = lower_keys(doc)  # read once for the site and settlement scans
        hits = site_word_hits(doc, self._lexicon, lowers)  # found once for both site scans
        far = far_held(doc, read, self._lexicon, hits)
        if far:
            given_up = {id(read[index][0]) for index in far}
            read = [r for index, r in enumerate(read) if index not in far]
            toponyms = [t for t in toponyms if id(t) not in given_up]
        # Mentions only for what is returned: most toponyms of an article are actors or
        # demonyms, not places.
        resolved = [
            (toponym, place_mention(doc, toponym, candidate))
            for toponym, candidate in read
            if toponym.is_place or every_toponym
        ]
        places = [m for toponym, m in resolved if toponym.is_place]
        found = find_sites(doc, toponyms, self._lexicon, hits)
        found += find_settlements(doc, toponyms, found, self._lexicon, lowers)
        found.sort(key=lambda site: site.start)
        found = with_addresses(doc, found, toponyms, self._lexicon)
        sites = place_sites(doc, found, places, self._lexicon)
        sites += place_postcodes(doc, found, places + sites)
        mentions = [m for _, m in resolved] if every_toponym else places
        return sorted(mentions + sites, key=lambda m: m.token_start)


def place_mention(doc: Doc, toponym: Toponym, chosen: Candidate) -> PlaceMention:
    # The name's offsets and text from its first and last tokens: a Span costs more.
    last = doc[toponym.end - 1]
    start, end = doc[toponym.start].idx, last.idx + len(last)
    entry = chosen.entry
    place = Place(
        extracted_place=doc_text(doc)[start:end],
        resolved_place=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country_code=entry.country_code,
        feature_code=entry.feature_code,
        admin1=entry.admin1,
        start=start,
        end=end,
        level=level_of(entry.feature_code),
    )
    return PlaceMention(token_start=toponym.start, token_end=toponym.end, place=place)


def _read_english_words() -> None:
    """Read the model's English word index (what the settlement scan asks a name's words of)
    when the geoparser is built, not inside the first article that reaches that question:
    reading it takes ~30 ms, once per process, which otherwise lands on one article's time.
    Where the model package is missing the scan raises its error when it asks, as before."""
    with contextlib.suppress(ModelError):
        english_words()
