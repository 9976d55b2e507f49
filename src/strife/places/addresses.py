"""Street addresses: a street with its house number and postcode, placed at its town.

Travel and local news print addresses: "Riemergasse 11, 1010 Vienna", "47 Frith Street,
Soho, London W1D 4HT", "Viale di Porta Ardeatine 55 00154, Rome". The street is a site
(:mod:`strife.places.sites`); the house number on either side of its name and the postcode
after the number join it, so the whole address is one place, placed at the town named
after it ("55 00154, Rome" no longer stands between the street and Rome). A street is known
by a street word ("Frith Street", "Rue Lepic") or, in one word, by a street ending
("Pestalozzistrasse", "Steenstraat"); a name without either is an address only when a house
number, a postcode and a town follow it ("Karl Johans Gate 35, 0162, Oslo"). A postcode
written after the town an address names ("11 Rue Lepic, Paris 75018") is a mention of that
town.

A number alone is never an address: "2 Park Street" is one only because "Street" says so,
and a name followed by a number ("Arsenal 2, Chelsea 1") only with a postcode and a town.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc

from strife.nlp import doc_text
from strife.places.lexicon import Lexicon
from strife.places.recognize import Toponym
from strife.places.sites import Site
from strife.places.words import is_capitalised_word
from strife.records import PlaceMention

__all__ = ["place_postcodes", "with_addresses"]

# "11", "12a", "7&9", "1090/5", "1-91": a house number (a postcode has more digits).
_HOUSE_NUMBER = re.compile(r"\d{1,4}[a-z]?(?:[/&-]\d{1,4}[a-z]?)?")
# Postcodes of one token: 4 digits (Belgium, Austria, Norway, Australia), 5 (France,
# Germany, Italy, the United States), 6 (India, China, Russia).
_DIGITS_CODE = re.compile(r"\d{4,6}")
# Postcodes of two tokens: British ("SW16 2BF", "W1D 4HT"), Canadian ("M4Y 1P9"), Dutch
# ("1012 AB").
_TWO_PART_CODES = (
    (re.compile(r"[A-Z]{1,2}\d[A-Z\d]?"), re.compile(r"\d[A-Z]{2}")),
    (re.compile(r"[A-Z]\d[A-Z]"), re.compile(r"\d[A-Z]\d")),
    (re.compile(r"\d{4}"), re.compile(r"[A-Z]{2}")),
)
# A house number and a postcode after it in an article's text: only an article that holds
# one is read token by token for streets known by their address alone.
_DIGIT = re.compile(r"\d")
_NUMBER_AND_CODE = re.compile(
    rf"\b{_HOUSE_NUMBER.pattern},? (?:{_DIGITS_CODE.pattern}|[A-Z]\d|[A-Z]{{2}}\d)"
)
# How many words a street's name without a street word may have ("Karl Johans Gate").
_MAX_STREET_WORDS = 4
# How many place names may stand between an address and a postcode after them ("47 Frith
# Street, Soho, London W1D 4HT").
_MAX_TOWNS_BEFORE_CODE = 3


def with_addresses(
    doc: Doc, sites: Sequence[Site], toponyms: Sequence[Toponym], lexicon: Lexicon
) -> list[Site]:
    """``sites`` with the streets among them grown to their addresses, one-word streets
    ("Steenstraat") and streets known only by their address added; in text order."""
    taken = {index for t in toponyms for index in range(t.start, t.end)}
    taken.update(index for site in sites for index in range(site.start, site.end))
    grown = []
    for site in sites:
        if _is_street(doc, site, lexicon):
            site = _grown(doc, site, taken)
            taken.update(range(site.start, site.end))
        grown.append(site)
    for site in _one_word_streets(doc, lexicon, taken):
        site = _grown(doc, site, taken)
        taken.update(range(site.start, site.end))
        grown.append(site)
    starts = {t.start for t in toponyms}
    grown.extend(_named_streets(doc, taken, starts, lexicon.name_connectors))
    return sorted(grown, key=lambda site: site.start)


def place_postcodes(
    doc: Doc, sites: Sequence[Site], mentions: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """A mention of each postcode written after the town an address names ("Paris 75018"),
    placed at that town (``mentions``: the article's place mentions, sites included)."""
    by_start = {m.token_start: m for m in mentions}
    out = []
    for site in sites:
        if not _has_number(doc, site):
            continue
        index, town = site.end, None
        for _ in range(_MAX_TOWNS_BEFORE_CODE):
            index = _past_comma(doc, index)
            mention = by_start.get(index)
            if mention is None:
                break
            town, index = mention, mention.token_end
        code_end = _postcode_end(doc, index) if town is not None else None
        if town is None or code_end is None:
            continue
        first, last = doc[index], doc[code_end - 1]
        start, end = first.idx, last.idx + len(last)
        place = replace(
            town.place,
            extracted_place=doc_text(doc)[start:end],
            start=start,
            end=end,
            resolved_by="context",
        )
        out.append(PlaceMention(token_start=index, token_end=code_end, place=place))
    return out


def _is_street(doc: Doc, site: Site, lexicon: Lexicon) -> bool:
    words = doc[site.start : site.end]
    return words[0].lower_ in lexicon.street_words or words[-1].lower_ in lexicon.street_words


def _grown(doc: Doc, site: Site, taken: set[int]) -> Site:
    """The street's site with the house number before or after its name, and the postcode
    after that number ("Riemergasse 11, 1010"); the street alone when it has no number."""
    start, end = site.start, site.end
    if start > 0 and start - 1 not in taken and _is_house_number(doc, start - 1):
        start -= 1
    elif end < len(doc) and end not in taken and _is_house_number(doc, end):
        end += 1
    else:
        return site
    code = _past_comma(doc, end)
    code_end = _postcode_end(doc, code)
    if code_end is not None and not taken.intersection(range(code, code_end)):
        end = code_end
    return Site(start, end, site.anywhere)


def _one_word_streets(doc: Doc, lexicon: Lexicon, taken: set[int]) -> list[Site]:
    """Streets named in one word with a street ending ("Pestalozzistrasse", "Steenstraat"),
    found in the article's text (most articles have none)."""
    text = doc_text(doc)
    if not _holds_an_ending(text, lexicon.street_endings):
        return []  # most articles, decided at once
    found = []
    for match in _ending_pattern(lexicon.street_endings).finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1 or span.start in taken:
            continue
        if is_capitalised_word(span.text):
            found.append(Site(span.start, span.end))
    return found


def _holds_an_ending(text: str, endings: frozenset[str]) -> bool:
    """Whether a street ending is written anywhere in ``text``, in any case: a search for
    each in the case-folded text takes a fifth of the time the pattern's scan does, and
    case folding finds all that the pattern's case-blind matching does ("STRASSE", and
    "straße" as "strasse")."""
    folded = text.casefold()
    return any(ending in folded for ending in _folded(endings))


@functools.lru_cache(maxsize=4)
def _folded(endings: frozenset[str]) -> frozenset[str]:
    return frozenset(ending.casefold() for ending in endings)


@functools.lru_cache(maxsize=4)
def _ending_pattern(endings: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(e) for e in sorted(endings, key=len))
    return re.compile(rf"\b\w{{3,}}(?:{alternatives})\b", flags=re.IGNORECASE)


def _named_streets(
    doc: Doc, taken: set[int], toponym_starts: set[int], connectors: frozenset[str]
) -> list[Site]:
    """Streets known only by their address: a capitalised name, a house number, a postcode
    and a town ("Karl Johans Gate 35, 0162, Oslo")."""
    text = doc_text(doc)
    if _NUMBER_AND_CODE.search(text) is None:
        return []  # most articles, decided on their text
    found = []
    # A house number opens with a digit: only the tokens that start where a digit is are
    # read (found by NumPy among the tokens' offsets).
    positions = [match.start() for match in _DIGIT.finditer(text)]
    starts = doc.to_array(IDX)
    digits = np.flatnonzero(np.isin(starts, positions)).tolist()
    for number in digits:
        if not 0 < number < len(doc) - 1:
            continue
        if number in taken or not _is_house_number(doc, number):
            continue
        code_end = _postcode_end(doc, _past_comma(doc, number + 1))
        if code_end is None or _past_comma(doc, code_end) not in toponym_starts:
            continue
        start = _street_start(doc, number, taken, connectors)
        if start is not None:
            found.append(Site(start, code_end))
            taken.update(range(start, code_end))
    return found


def _street_start(doc: Doc, number: int, taken: set[int], connectors: frozenset[str]) -> int | None:
    """The first word of the capitalised name (name connectors between its words) that ends
    right before ``number``, or None."""
    start = number
    while start > 0 and number - start < _MAX_STREET_WORDS and start - 1 not in taken:
        if is_capitalised_word(doc[start - 1].text):
            start -= 1
        elif (
            start < number
            and start >= 2
            and doc[start - 1].lower_ in connectors
            and start - 2 not in taken
            and is_capitalised_word(doc[start - 2].text)
        ):
            start -= 2  # "Viale di Porta Ardeatine"
        else:
            break
    return start if start < number else None


def _past_comma(doc: Doc, index: int) -> int:
    """``index``, or the token after it where it is a comma."""
    return index + 1 if index < len(doc) and doc[index].text == "," else index


def _has_number(doc: Doc, site: Site) -> bool:
    return any(_HOUSE_NUMBER.fullmatch(t.text) or t.like_num for t in doc[site.start : site.end])


def _is_house_number(doc: Doc, index: int) -> bool:
    return _HOUSE_NUMBER.fullmatch(doc[index].text) is not None


def _postcode_end(doc: Doc, index: int) -> int | None:
    """The end of the postcode that starts at token ``index``, or None."""
    if index >= len(doc):
        return None
    first = doc[index].text
    if index + 1 < len(doc):
        second = doc[index + 1].text
        for head, tail in _TWO_PART_CODES:
            if head.fullmatch(first) and tail.fullmatch(second):
                return index + 2
    if _DIGITS_CODE.fullmatch(first) and not _is_year(first):
        return index + 1
    return None


def _is_year(text: str) -> bool:
    """ "2024" after a town is the year of an event ("Paris 2024"), not its postcode."""
    return len(text) == 4 and 1800 <= int(text) <= 2099
