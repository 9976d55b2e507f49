"""Place names and gazetteer entries: how a name becomes a lookup key.

Keys are what both the index and the recogniser compare, so both normalise through
:func:`normalize_name` and nothing else.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

COUNTRY_FEATURE = "PCLI"
ADMIN_FEATURES = frozenset({"ADM1", "ADM2", "RGN"})

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

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin_area(self) -> bool:
        return self.feature_code in ADMIN_FEATURES

    def lookup_keys(self) -> Iterator[tuple[str, bool]]:
        """The distinct lookup keys of this entry, each with whether it is the primary name."""
        primary = normalize_name(self.name)
        yield primary, True
        seen = {primary}
        for alternate in self.alternate_names:
            key = normalize_name(alternate)
            if key not in seen and is_latin_key(key):
                seen.add(key)
                yield key, False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry found under a name; ``exact`` when the name is its primary name."""

    entry: GazetteerEntry
    exact: bool
