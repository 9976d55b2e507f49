"""The words the truce stage reads: ``strife/data/truces/cues.json`` as compiled patterns,
and a lookup of actor names (countries, organisations, people) in a stretch of text."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from strife.actors.lexicon import Lexicon, fold
from strife.datafiles import data_file
from strife.truces.model import KINDS, Kind

MAX_NAME_WORDS = 8
_WORD = re.compile(r"[A-Za-z](?:[\w'’.]*\w)?\.?")


def phrase_pattern(phrases: Iterable[str]) -> str:
    """An alternation of whole-word phrases, longest first (spaces match any spacing)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered]
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled patterns (case-insensitive) of every word list."""

    noun: re.Pattern[str]
    kind_of: dict[str, Kind]
    verbal: re.Pattern[str]
    protect: re.Pattern[str]
    calls: re.Pattern[str]
    agreement: re.Pattern[str]
    in_force: re.Pattern[str]
    start_lead: re.Pattern[str]
    end_lead: re.Pattern[str]
    earlier: re.Pattern[str]
    mediation: re.Pattern[str]
    mediation_after: re.Pattern[str]
    pledges: re.Pattern[str]
    term_nouns: re.Pattern[str]
    collapse: re.Pattern[str]
    breach: re.Pattern[str]
    attack: re.Pattern[str]
    ordinal: re.Pattern[str]
    count: re.Pattern[str]
    numbers: dict[str, int]
    fresh: re.Pattern[str]
    abbreviation: re.Pattern[str]
    clause_end: re.Pattern[str]

    def kind(self, words: str) -> Kind:
        return self.kind_of.get(" ".join(words.lower().split()), "ceasefire")

    def number(self, pattern: re.Pattern[str], text: str) -> int | None:
        """The number the first match of ``pattern`` (``ordinal``, ``count``) names."""
        match = pattern.search(text)
        if match is None:
            return None
        word = match.group(1).lower()
        return self.numbers.get(word) or int(re.sub(r"\D", "", word))


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    data = _data()
    kind_of: dict[str, Kind] = {}
    for kind, phrases in data["nouns"].items():
        if kind not in KINDS:
            raise ValueError(f"cues.json: unknown truce kind {kind!r}")
        for phrase in phrases:
            kind_of.setdefault(phrase, kind)
    heads = phrase_pattern(data["verbal_heads"]) + r"\W+(?:\w+\W+){0,5}?"
    verbal = heads + r"to\s+" + phrase_pattern(data["verbal"])
    protect = heads + r"not\s+to\s+(?:\w+ly\s+)?" + phrase_pattern(data["verbal_protect"])

    def compiled(name: str) -> re.Pattern[str]:
        return re.compile(phrase_pattern(data[name]), re.IGNORECASE)

    return Cues(
        noun=re.compile(phrase_pattern(kind_of), re.IGNORECASE),
        kind_of=kind_of,
        verbal=re.compile(verbal, re.IGNORECASE),
        protect=re.compile(protect, re.IGNORECASE),
        calls=compiled("calls"),
        agreement=compiled("agreement_verbs"),
        in_force=compiled("in_force"),
        start_lead=compiled("start_lead"),
        end_lead=compiled("end_lead"),
        earlier=compiled("earlier"),
        mediation=compiled("mediation"),
        mediation_after=compiled("mediation_after"),
        pledges=compiled("pledges"),
        term_nouns=compiled("term_nouns"),
        collapse=compiled("collapse"),
        breach=compiled("breach"),
        attack=compiled("attack_words"),
        ordinal=re.compile(
            rf"(?<![\w-])({_alternation(data['ordinals'])}|\d{{1,2}}(?:st|nd|rd|th))(?![\w-])",
            re.IGNORECASE,
        ),
        count=re.compile(rf"(?<![\w-])({_alternation(data['counts'])})(?![\w-])", re.IGNORECASE),
        numbers=data["ordinals"] | data["counts"],
        fresh=re.compile(rf"\b(?:{_alternation(data['fresh'])})\b", re.IGNORECASE),
        abbreviation=re.compile(
            rf"(?:\b(?:[A-Z]\.){{2,}}|\b(?:{_alternation(data['abbreviations'])})\.)$"
        ),
        clause_end=re.compile(
            rf"[.;:!?]|,\s+(?:{_alternation(data['clause_starts'])}"
            r"|and\s+the\s+\w+\s+(?:said|says))\b"
        ),
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in words)


def _data() -> dict[str, Any]:
    path = data_file("truces", "cues.json")
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@dataclass(frozen=True, slots=True)
class NameHit:
    """An actor name found in text: absolute offsets, code and canonical name."""

    start: int
    end: int
    code: str
    name: str | None


class Names:
    """Countries, demonyms, organisations and named people of the actor dictionaries,
    looked up by their words (a person stands for the state they serve)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._index: dict[str, tuple[str, str | None]] = {}
        self._countries: dict[str, str] = {}
        for phrase, entry in lexicon.phrases:
            if entry.category == "country" and entry.code and entry.name:
                self._countries.setdefault(entry.code, entry.name)
            if entry.code is None or entry.category in ("agent", "seat", "capital"):
                continue
            self._index.setdefault(fold(phrase), (entry.code, entry.name))

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> Names:
        return cls(Lexicon.from_dir())

    def country_name(self, code: str) -> str | None:
        """The name of the country with that code ("AZE" -> "Azerbaijan")."""
        return self._countries.get(code)

    def find(self, text: str, offset: int = 0) -> Iterator[NameHit]:
        """The longest names in ``text``, left to right, with offsets plus ``offset``."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words):
            hit = self._longest(words, i, text)
            if hit is None:
                i += 1
                continue
            n, code, name = hit
            start, end = words[i][0], words[i + n - 1][1]
            yield NameHit(start + offset, end + offset, code, name)
            i += n

    def _longest(
        self, words: list[tuple[int, int, str]], i: int, text: str
    ) -> tuple[int, str, str | None] | None:
        if not words[i][2][:1].isupper():
            return None
        for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            phrase = text[words[i][0] : words[i + n - 1][1]]
            found = self._index.get(fold(phrase)) or self._index.get(fold(phrase.rstrip(".")))
            if found is not None:
                return n, found[0], found[1]
        return None
