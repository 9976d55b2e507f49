"""Place names and gazetteer entries: how a name becomes a lookup key.

Keys are what both the index and the recogniser compare, so both normalise through
:func:`normalize_name` and nothing else.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import IntEnum

COUNTRY_FEATURE = "PCLI"
CONTINENT_FEATURE = "CONT"
ADMIN_FEATURES = frozenset({"ADM1", "ADM2", "RGN"})
# The longest alternate name in capitals read as an acronym ("ACT", "DPRK", "U.S.").
MAX_ACRONYM = 4


class NameKind(IntEnum):
    """How an entry is known under a key: stored in the index as an integer."""

    ALTERNATE = 0
    PRIMARY = 1
    #: "Turkish" names Turkey only as a modifier: a toponym for a geoparser, never an
    #: event's place.
    DEMONYM = 2
    #: "ACT", "NSW": an alternate name in capitals, an acronym; the entry is known by it
    #: only where the text writes it in capitals ("the Clean Water Act" names no territory).
    ACRONYM = 3


# Letters NFKD leaves whole; transliterated the way GeoNames' ASCII names do.
_LETTER_FOLDS = dict(zip("ıəǝøđðłħŧ", "ieeoddlht", strict=True)) | {
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ŋ": "ng",
}
# Apostrophes, ayn signs and dots vanish ("Ma'rib" = "Marib", "St." = "St"); dashes separate.
_DROPPED = "'’‘`´ʼʻʿʾ.\u02bc"
_SEPARATORS = "-‐‑‒–—―_/"
_FOLD_TABLE = str.maketrans(
    {**_LETTER_FOLDS, **dict.fromkeys(_DROPPED, ""), **dict.fromkeys(_SEPARATORS, " ")}
)


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(text: str) -> str:
    """The lookup key of a place name: casefolded, without diacritics, apostrophes or dots,
    hyphens read as spaces, "&" read as "and", whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = letters.translate(_FOLD_TABLE).replace("&", " and ")
    return " ".join(folded.split())


def is_latin_key(key: str) -> bool:
    """True when a normalised name is written in plain Latin letters (what English news uses)."""
    return key.isascii() and any(ch.isalpha() for ch in key) and not any(ch.isdigit() for ch in key)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place. ``country_code`` is ISO alpha-3; ``feature_code`` a GeoNames feature code;
    ``name_count`` how many names GeoNames knows it by, in every language: a measure of how
    well known it is (Geneva, Switzerland has 60; Geneva, Illinois 11)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    feature_code: str
    population: int = 0
    admin1: str | None = None
    alternate_names: tuple[str, ...] = ()
    name_count: int = 0
    admin2: str | None = None
    demonyms: tuple[str, ...] = ()
    #: Whether the entry is a country (a ``PCL*`` feature code): set once, as the resolver
    #: asks it of every reading several times.
    is_country: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_country", self.feature_code.startswith("PCL"))

    @property
    def is_continent(self) -> bool:
        return self.feature_code == CONTINENT_FEATURE

    @property
    def is_admin_area(self) -> bool:
        return self.feature_code in ADMIN_FEATURES

    @property
    def is_town_or_division(self) -> bool:
        """A populated place, a first- or second-level division or a region."""
        return self.feature_code.startswith("PPL") or self.is_admin_area

    def lookup_keys(self) -> Iterator[tuple[str, NameKind]]:
        """The distinct lookup keys of this entry, each with how it is known by it."""
        primary = normalize_name(self.name)
        yield primary, NameKind.PRIMARY
        seen = {primary}
        named = [(n, _alternate_kind(n)) for n in self.alternate_names]
        for name, kind in [*named, *((n, NameKind.DEMONYM) for n in self.demonyms)]:
            key = normalize_name(name)
            if key not in seen and is_latin_key(key):
                seen.add(key)
                yield key, kind


def _alternate_kind(name: str) -> NameKind:
    return NameKind.ACRONYM if len(name) <= MAX_ACRONYM and name.isupper() else NameKind.ALTERNATE


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry found under a name; ``exact`` when the name is its primary name,
    ``demonym`` when the name is an adjective of it ("Turkish" for Turkey), ``acronym``
    when the name is an acronym of it ("ACT"), which names it only written in capitals."""

    entry: GazetteerEntry
    exact: bool
    demonym: bool = False
    acronym: bool = False
