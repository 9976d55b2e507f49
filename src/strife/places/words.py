"""An article's words as the toponym recogniser reads them.

The recogniser asks of a few hundred words of each article, and of the names among them,
what they are written as ("Aleppo", "St.", "ALEPPO") and what text a span of them covers. A
spaCy Token costs a fraction of a microsecond to build and a Span a microsecond or two (its
text twice that), so :class:`Words` reads what the questions need from the Doc's arrays once
per article, and a span's text is cut from the article's text.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from spacy.attrs import IDX, LENGTH, LOWER, ORTH, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc

from strife.nlp import doc_text

__all__ = [
    "CAPITALISED",
    "HYPHEN",
    "MAX_ABBREVIATION",
    "SHORTENED_WORD",
    "SHORT_CAPITAL",
    "Hashes",
    "Words",
    "indices_among",
    "is_capitalised_word",
    "lower_keys",
    "word_keys",
]

MAX_ABBREVIATION = len("P.E.I.")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,3}")
# A shortened word inside a name: "St. Thomas", "Mt. Pleasant", "Sault Ste. Marie". It
# may open or continue a name, never end one.
_SHORTENED = re.compile(r"[A-Z][a-z]{1,3}\.")
HYPHENS = frozenset({"-", "‐", "‑", "–"})
_STRINGS = StringStore()
# The low bits of a hash by which ``indices_among`` sorts out the words that cannot be keys.
_LOW_BITS = (1 << 16) - 1
Hashes = NDArray[np.uint64]

# What the scan for names needs to know of a word form: whether it is capitalised
# (:func:`is_capitalised_word`), a shortened word ("St.") and short with a capital first
# (an abbreviation's first token), and whether it is a hyphen (``HYPHENS``).
CAPITALISED, SHORTENED_WORD, SHORT_CAPITAL, HYPHEN = 1, 2, 4, 8
# Those flags by the form's ORTH id, computed once per form: an article's words are then
# sorted without building a string for each. Cleared when full.
_FORM_KINDS: dict[int, int] = {}
_MAX_FORMS = 200_000


def is_capitalised_word(text: str) -> bool:
    """A word of letters with a capital first ("Aleppo", "ALEPPO") or dotted initials ("U.S.")."""
    if not text[:1].isupper():
        return False
    return text.isalpha() or _DOTTED_ACRONYM.fullmatch(text) is not None


@functools.lru_cache(maxsize=16)
def word_keys(words: frozenset[str]) -> frozenset[int]:
    """The hashes spaCy gives ``words``: what ``doc.to_array(ORTH)`` holds for a token
    written so, and ``doc.to_array(LOWER)`` for one whose lower-case form is one of them."""
    return frozenset(_STRINGS.as_int(word) for word in words)


def indices_among(keys: frozenset[int], hashes: Hashes) -> list[int]:
    """The indices of the ``hashes`` (a column of ``doc.to_array``) that are among ``keys``
    (:func:`word_keys`), in order. The words whose hash has the low bits of no key are left
    out at once by NumPy (all but one or two of an article's), and only the rest are looked
    up, without a Python loop over every word."""
    maybe = np.flatnonzero(_low_bits_of(keys)[hashes & _LOW_BITS]).tolist()
    return [index for index in maybe if int(hashes[index]) in keys]


@functools.lru_cache(maxsize=16)
def _low_bits_of(keys: frozenset[int]) -> NDArray[np.bool_]:
    """A table saying, for each value of a hash's low bits, whether a key has them."""
    table = np.zeros(_LOW_BITS + 1, dtype=np.bool_)
    table[[key & _LOW_BITS for key in keys]] = True
    return table


def lower_keys(doc: Doc) -> Hashes:
    """The hash of each token's lower-case form (``LOWER``), by which the site and settlement
    scans find the few words they act on."""
    return np.asarray(doc.to_array(LOWER) if len(doc) else (), dtype=np.uint64)


def _kind_of(written: str) -> int:
    kind = CAPITALISED if is_capitalised_word(written) else 0
    if written in HYPHENS:
        kind |= HYPHEN
    if written[:1].isupper():
        if _SHORTENED.fullmatch(written) is not None:
            kind |= SHORTENED_WORD
        if len(written) <= MAX_ABBREVIATION:
            kind |= SHORT_CAPITAL
    return kind


@dataclass(frozen=True, slots=True)
class Words:
    """Each token's offset, length, whether a space follows, the hash of its text (``ORTH``,
    to look a word up among a few: :func:`word_keys`; also as the Doc's array, for
    :func:`indices_among`) and what kind of word it is (the flags above), read from the
    Doc's arrays at once. ``word`` gives a token's text and ``span_text`` a span's (what
    ``doc[start:end].text`` gives) when a question needs it."""

    text: str
    starts: list[int]
    lengths: list[int]
    spaced: list[int]
    orths: list[int]
    kinds: list[int]
    orth_array: Hashes

    @classmethod
    def of(cls, doc: Doc) -> Words:
        text = doc_text(doc)
        if not len(doc):
            return cls(text, [], [], [], [], [], np.zeros(0, dtype=np.uint64))
        table = doc.to_array([IDX, LENGTH, SPACY, ORTH])
        starts, lengths, spaced, orths = table.T.tolist()
        kinds = list(map(_FORM_KINDS.get, orths, itertools.repeat(-1)))
        if -1 in kinds:
            if len(_FORM_KINDS) > _MAX_FORMS:
                _FORM_KINDS.clear()
            for index, kind in enumerate(kinds):
                if kind < 0:
                    start = starts[index]
                    kinds[index] = _FORM_KINDS[orths[index]] = _kind_of(
                        text[start : start + lengths[index]]
                    )
        orth_array = np.asarray(table[:, 3], dtype=np.uint64)  # spaCy's dtype: no copy
        return cls(text, starts, lengths, spaced, orths, kinds, orth_array)

    def __len__(self) -> int:
        return len(self.starts)

    def word(self, index: int) -> str:
        start = self.starts[index]
        return self.text[start : start + self.lengths[index]]

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start] : self.starts[end - 1] + self.lengths[end - 1]]

    def is_capitalised(self, index: int) -> bool:
        """:func:`is_capitalised_word` of the token's text, without reading it."""
        return bool(self.kinds[index] & CAPITALISED)
