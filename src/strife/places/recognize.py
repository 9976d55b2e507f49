"""Finding toponyms in a Doc.

The small spaCy model's GPE/LOC/FAC labels miss many places of conflict news ("Shushi" FAC,
"Aghdam" PERSON), so every capitalised name is looked up in the gazetteer, and the words
around it decide whether it is used as a place: a locative cue ("in", "the city of",
"south of", "X province"), a place entity, or a proper noun that is not a common word.
Countries are places only after a locative cue; as subjects they are actors, and are kept
only as context for resolution. Demonyms, person names and names inside longer names
("the Madrid Principles") are not places.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from strife.errors import ModelError
from strife.places.gazetteer import Gazetteer
from strife.places.names import Candidate, normalize_name
from strife.places.sources import data_dir

Cue = Literal["locative", "area", "settlement", "none"]

MAX_NAME_TOKENS = 8
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose words are never read as places on their own ("March", "Friday", "2,000").
_TIME_AND_NUMBER_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
_LIST_GLUE = frozenset({",", "and", "or", "&", "the"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_HYPHENS = frozenset({"-", "‐", "‑", "–"})
_MAX_MODIFIERS = 4
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,3}")
# Endings of the demonyms the model labels NORP ("Armenian", "Azeri", "Kurdish", "French");
# it also labels some cities NORP ("Aleppo"), which must stay places.
_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ic", "ch", "ss")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists the recogniser reads, from ``data/places/recognition.json``."""

    locative_prepositions: frozenset[str]
    area_nouns: frozenset[str]
    settlement_nouns: frozenset[str]
    directions: frozenset[str]
    name_connectors: frozenset[str]
    person_titles: frozenset[str]
    never_places: frozenset[str]
    common_words: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        source = path or data_dir() / "recognition.json"
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
            return cls(**{name: frozenset(data[name]) for name in cls.__dataclass_fields__})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot load the toponym word lists {source}: {exc}") from exc

    def is_common(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self.common_words or lowered in STOP_WORDS


@dataclass(frozen=True, slots=True)
class Toponym:
    """A name found in the gazetteer: token span [start, end), its candidates, the cue that
    made it a place, and whether it is one (``is_place`` False: a country named as an actor,
    kept as context for resolving the others)."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    cue: Cue
    is_place: bool

    @property
    def country(self) -> Candidate | None:
        """The country this name denotes, when it is a country's name."""
        countries = [c for c in self.candidates if c.entry.is_country]
        return max(countries, key=lambda c: c.entry.population, default=None)


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class _Reading:
    """One Doc as the recogniser reads it: its entities by token, and the words of the
    people it names ("Walsh" after "John Walsh" is a person, not the town)."""

    doc: Doc
    lexicon: Lexicon
    entities: Mapping[int, Span]
    person_words: frozenset[str]

    @classmethod
    def of(cls, doc: Doc, lexicon: Lexicon) -> _Reading:
        entities = {i: entity for entity in doc.ents for i in range(entity.start, entity.end)}
        people = (e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
        words = frozenset(t.text for person in people for t in person if _is_capitalised(t))
        return cls(doc, lexicon, entities, words)

    def entities_of(self, match: _Match) -> set[Span]:
        return {self.entities[i] for i in range(match.start, match.end) if i in self.entities}


def find_toponyms(doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Toponym]:
    """Every gazetteer name in ``doc`` used as a place, plus country names used otherwise."""
    spans = list(_name_spans(doc, lexicon))
    keys = {(start, end): normalize_name(doc[start:end].text) for start, end in spans}
    found = gazetteer.lookup(set(keys.values()))
    reading = _Reading.of(doc, lexicon)
    toponyms: list[Toponym] = []
    previous: Toponym | None = None
    for match in _longest_matches(spans, keys, found):
        if keys[(match.start, match.end)] in lexicon.never_places or _is_blocked(reading, match):
            continue
        cue = _cue(doc, match, lexicon)
        if cue == "none" and previous is not None and _is_listed_after(doc, previous, match):
            cue = previous.cue
        role = _place_role(reading, match, cue)
        if role is not None:
            text = doc[match.start : match.end].text
            previous = Toponym(match.start, match.end, text, match.candidates, cue, role)
            toponyms.append(previous)
    return toponyms


def _name_spans(doc: Doc, lexicon: Lexicon) -> Iterator[tuple[int, int]]:
    """Token spans that could be names: they start and end on a capitalised word, and inside
    hold only capitalised words, connectors ("Deir ez-Zor", "Bosnia and Herzegovina") and
    hyphens written without spaces."""
    for start, token in enumerate(doc):
        if not _is_capitalised(token):
            continue
        for end in range(start, min(len(doc), start + MAX_NAME_TOKENS)):
            word = doc[end]
            if end > start and not _continues_name(doc, end, lexicon):
                break
            if _is_capitalised(word):
                yield start, end + 1


def _continues_name(doc: Doc, index: int, lexicon: Lexicon) -> bool:
    token, before = doc[index], doc[index - 1]
    if token.text in _HYPHENS:
        return not before.whitespace_ and not token.whitespace_
    return _is_capitalised(token) or token.lower_ in lexicon.name_connectors


def _is_capitalised(token: Token) -> bool:
    text = token.text
    return (text.isalpha() and text[0].isupper()) or _DOTTED_ACRONYM.fullmatch(text) is not None


def _is_acronym(token: Token) -> bool:
    text = token.text
    return (len(text) <= 4 and text.isupper()) or _DOTTED_ACRONYM.fullmatch(text) is not None


def _longest_matches(
    spans: Sequence[tuple[int, int]],
    keys: Mapping[tuple[int, int], str],
    found: Mapping[str, list[Candidate]],
) -> Iterator[_Match]:
    """Left to right, the longest span at each position whose key the gazetteer knows."""
    best: dict[int, int] = {}
    for start, end in spans:
        if keys[(start, end)] in found and end > best.get(start, start):
            best[start] = end
    position = 0
    for start in sorted(best):
        if start >= position:
            end = best[start]
            yield _Match(start, end, tuple(found[keys[(start, end)]]))
            position = end


def _is_blocked(reading: _Reading, match: _Match) -> bool:
    """Names that are never places here: inside a longer name, a date or a number, a
    demonym, a person after a title, an acronym that is not a country ("EU", "CIA")."""
    doc, lexicon = reading.doc, reading.lexicon
    words = doc[match.start : match.end]
    for entity in reading.entities_of(match):
        if entity.label_ in _TIME_AND_NUMBER_LABELS:
            return True
        if entity.label_ == "NORP" and any(_looks_like_demonym(t) for t in words):
            return True
        if _has_other_name_words(entity, match, lexicon):
            return True
        if entity.label_ == "PERSON" and _follows_title(doc, entity.start, lexicon):
            return True
    if _follows_title(doc, match.start, lexicon):
        return True
    if len(words) == 1 and _is_acronym(words[0]):
        return not any(c.entry.is_country or c.entry.is_admin_area for c in match.candidates)
    return len(words) == 1 and words[0].pos_ == "ADJ"


def _looks_like_demonym(token: Token) -> bool:
    return token.tag_ in {"JJ", "NNPS"} or token.lower_.endswith(_DEMONYM_ENDINGS)


def _has_other_name_words(entity: Span, match: _Match, lexicon: Lexicon) -> bool:
    """The entity is a longer name around the match ("Vladimir Putin", "Great Lakes
    Monitor"); "Idlib Province" and "Northern Syria" are still the place."""
    generic = lexicon.area_nouns | lexicon.settlement_nouns | lexicon.directions
    outside = (t for t in entity if not match.start <= t.i < match.end)
    return any(_is_capitalised(t) and t.lower_ not in generic for t in outside)


def _follows_title(doc: Doc, start: int, lexicon: Lexicon) -> bool:
    return start > 0 and doc[start - 1].lower_.rstrip(".") in lexicon.person_titles


def _cue(doc: Doc, match: _Match, lexicon: Lexicon) -> Cue:
    """The cue that marks the name as a place: a following "region"/"city" or a preceding
    preposition, "the town of", "south of"."""
    if match.end < len(doc):
        after = _head_forms(doc[match.end])
        if after & lexicon.area_nouns:
            return "area"
        if after & lexicon.settlement_nouns:
            return "settlement"
    return _cue_before(doc, match.start, lexicon)


def _cue_before(doc: Doc, start: int, lexicon: Lexicon) -> Cue:
    index = start - 1
    # Step back over what may stand between the cue and the name: "in the war-torn north of".
    while index >= 0 and start - index <= _MAX_MODIFIERS and _is_modifier(doc[index], lexicon):
        index -= 1
    if index < 0:
        return "none"
    word = doc[index].lower_
    if word in lexicon.locative_prepositions:
        return "locative"
    if word == "of" and index > 0:
        head = _head_forms(doc[index - 1])
        if head & lexicon.area_nouns:
            return "area"
        if head & lexicon.settlement_nouns:
            return "settlement"
        if head & lexicon.directions:
            return "locative"
    return "none"


def _is_modifier(token: Token, lexicon: Lexicon) -> bool:
    if token.lower_ in {"the", "a", "an", "-"} or token.lower_ in lexicon.directions:
        return True
    return token.text.islower() and token.tag_ in {"JJ", "VBN", "VBD"}


def _head_forms(token: Token) -> set[str]:
    """The word, its lemma and its bare singular: "regions" matches "region"."""
    lowered = token.lower_
    return {lowered, token.lemma_.lower(), lowered.removesuffix("s")}


def _is_listed_after(doc: Doc, previous: Toponym, match: _Match) -> bool:
    """True when only commas and conjunctions separate the two names: "regions of Terter,
    Aghdam and Aghjabedi" gives all three the cue of the first."""
    between = doc[previous.end : match.start]
    return 0 < len(between) <= 3 and all(t.lower_ in _LIST_GLUE for t in between)


def _place_role(reading: _Reading, match: _Match, cue: Cue) -> bool | None:
    """True: used as a place; False: a country named as an actor (kept as context);
    None: not a place name here."""
    doc, lexicon = reading.doc, reading.lexicon
    words = doc[match.start : match.end]
    if _names_a_part_of_something(doc, match):
        return None
    if any(c.entry.is_country for c in match.candidates):
        # A country is where something happened only after a cue; otherwise it acts.
        return cue != "none" and not _is_possessive(doc, match.end)
    if cue != "none":
        return True
    if len(words) == 1 and (
        lexicon.is_common(words[0].text) or words[0].text in reading.person_words
    ):
        return None
    if {entity.label_ for entity in reading.entities_of(match)} & PLACE_LABELS:
        return True
    proper = all(t.pos_ == "PROPN" for t in words if _is_capitalised(t))
    if proper and not _continues_as_other_name(doc, match, lexicon):
        return True
    return None


def _is_possessive(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in _POSSESSIVES


def _continues_as_other_name(doc: Doc, match: _Match, lexicon: Lexicon) -> bool:
    """A place name glued to another proper noun is part of a longer name ("Madrid
    Principles", "Iran Press TV", "Great Lakes Monitor") unless that word is a common one."""
    after = doc[match.end] if match.end < len(doc) else None
    before = doc[match.start - 1] if match.start > 0 else None
    return any(
        token is not None
        and token.pos_ == "PROPN"
        and _is_capitalised(token)
        and not token.is_sent_start
        and not lexicon.is_common(token.text)
        for token in (after, before)
    )


def _names_a_part_of_something(doc: Doc, match: _Match) -> bool:
    """ "Horn of Africa", "Bank of Lebanon": the name heads a longer "X of Y" name."""
    end = match.end
    return end + 1 < len(doc) and doc[end].lower_ == "of" and _is_capitalised(doc[end + 1])


def country_names(toponyms: Iterable[Toponym]) -> Iterator[str]:
    """The alpha-3 codes of the countries named in ``toponyms``, places or not."""
    for toponym in toponyms:
        country = toponym.country
        if country is not None:
            yield country.entry.country_code
