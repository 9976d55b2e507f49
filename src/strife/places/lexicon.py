"""The word lists the toponym recogniser reads: ``data/places/recognition.json`` (cue words,
titles, names that are never places), ``data/places/abbreviations.tsv`` (state and
province abbreviations) and the names of the actor dictionary's organisations and people
(``data/actors/organisations.tsv``, ``persons.tsv``), which are not villages of their
names."""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from strife.actors.lexicon import party_names
from strife.errors import ModelError
from strife.places.names import normalize_name
from strife.places.sources import data_dir

_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]\.[A-Z][a-z]\.")


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """What an abbreviation stands for: a first-level division's name and its country."""

    name: str
    country: str

    @staticmethod
    def is_dotted(text: str) -> bool:
        """Dotted initials ("B.C.", "N.Y.", "W.Va.") cannot be an ordinary word."""
        return _DOTTED.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The recogniser's word lists; every word is lower case except abbreviations."""

    locative_prepositions: frozenset[str]
    area_nouns: frozenset[str]
    district_nouns: frozenset[str]
    settlement_nouns: frozenset[str]
    directions: frozenset[str]
    name_connectors: frozenset[str]
    person_titles: frozenset[str]
    never_places: frozenset[str]
    macro_regions: frozenset[str]
    common_words: frozenset[str]
    abbreviations: Mapping[str, Abbreviation] = field(default_factory=dict)
    #: Generic words of physical features ("river", "gulf").
    feature_words: frozenset[str] = frozenset()
    #: Feature words that end a name written in lower case too ("the Dnipro river").
    feature_tails: frozenset[str] = frozenset()
    #: Words that part two names rather than join them ("and", "on": "Raqqa and Tabqa on
    #: the Euphrates River").
    name_breaks: frozenset[str] = frozenset()
    #: Words that never name a place alone inside a longer name ("peninsula", "park").
    generic_words: frozenset[str] = frozenset()
    #: Words that end ("hospital", "street") or open ("lake", "rue") a site's name.
    site_words: frozenset[str] = frozenset()
    site_prefixes: frozenset[str] = frozenset()
    #: Site words that make a site a street, which its house number and postcode join
    #: ("47 Frith Street", "Rue Lepic"), and the endings of a street's name in one word
    #: ("Pestalozzistrasse").
    street_words: frozenset[str] = frozenset()
    street_endings: frozenset[str] = frozenset()
    #: What opens a saint's name, whose possessive a site's name may hold ("St. Michael's
    #: Hospital").
    saint_titles: frozenset[str] = frozenset()
    #: What may stand between a site and the place it lies in ("the Ritz Hotel in Paris").
    container_glue: frozenset[str] = frozenset()
    #: Settlement nouns that say what a place is ("Qunu village"), not what lies in it
    #: ("Manchester airport").
    settlement_kinds: frozenset[str] = frozenset()
    #: Nouns for a part of a place ("parts of Syria", "the heart of Kyiv").
    part_nouns: frozenset[str] = frozenset()
    #: Arabic articles a name may be joined to by a hyphen ("al-Hol", "ar-Raqqa").
    name_articles: frozenset[str] = frozenset()
    #: Lookup keys of the organisations and people the actor dictionary knows ("nato",
    #: "taliban", "red cross", "merkel"): news means them, not a village of the same name.
    actor_names: frozenset[str] = frozenset()
    #: Words that do not make a site's name a name ("Memorial Hospital" is one, "National
    #: Park" is not): site and generic words, directions and name connectors.
    unnaming_words: frozenset[str] = field(init=False, default=frozenset())
    #: Words that say a place's level: "region", "district", "town" (area, district and
    #: settlement nouns). Built once: the settlement scan asks of many words of an article.
    level_words: frozenset[str] = field(init=False, default=frozenset())
    #: What an abbreviation's first token may be: a written abbreviation, or the words
    #: before a space in one ("W." of "W. Va."). Most short capitalised words are none.
    abbreviation_heads: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        words = self.site_words | self.site_prefixes | self.generic_words
        words |= self.directions | self.name_connectors
        object.__setattr__(self, "unnaming_words", words)
        levels = self.area_nouns | self.district_nouns | self.settlement_nouns
        object.__setattr__(self, "level_words", levels)
        heads = {key[:cut] for key in self.abbreviations for cut in _spaces(key)}
        object.__setattr__(self, "abbreviation_heads", frozenset(self.abbreviations) | heads)

    @classmethod
    def load(cls, folder: Path | None = None) -> Lexicon:
        source = (folder or data_dir()) / "recognition.json"
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
            lists = {name: frozenset(data[name]) for name in _WORD_LISTS}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot load the toponym word lists {source}: {exc}") from exc
        abbreviations = read_abbreviations((folder or data_dir()) / "abbreviations.tsv")
        actors = frozenset(normalize_name(name) for name in party_names())
        return cls(**lists, abbreviations=abbreviations, actor_names=actors)

    def is_common(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self.common_words or lowered in STOP_WORDS


def singular_of(word: str) -> str | None:
    """The singular of an English plural in lower case ("regions" -> "region", "cities" ->
    "city"), or None for a word without a plural's ending."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else None


def _spaces(text: str) -> list[int]:
    return [index for index, char in enumerate(text) if char == " "]


_WORD_LISTS = (
    "locative_prepositions",
    "area_nouns",
    "district_nouns",
    "settlement_nouns",
    "directions",
    "name_connectors",
    "person_titles",
    "never_places",
    "macro_regions",
    "common_words",
    "feature_words",
    "feature_tails",
    "name_breaks",
    "generic_words",
    "site_words",
    "site_prefixes",
    "street_words",
    "street_endings",
    "saint_titles",
    "container_glue",
    "settlement_kinds",
    "part_nouns",
    "name_articles",
)


@functools.cache
def shipped_lexicon() -> Lexicon:
    """The shipped word lists, read once per process: the geoparser and the event stage's
    place rules share them."""
    return Lexicon.load()


def read_abbreviations(path: Path) -> dict[str, Abbreviation]:
    """Abbreviations by their written form with its dot ("Ky.")."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"cannot read the place data file {path}: {exc.strerror}") from exc
    rows = csv.DictReader(
        [line for line in lines if line and not line.startswith("#")],
        delimiter="\t",
        quoting=csv.QUOTE_NONE,
    )
    try:
        return {row["abbreviation"]: Abbreviation(row["name"], row["country"]) for row in rows}
    except KeyError as exc:
        raise ModelError(f"{path}: missing column {exc}") from exc
