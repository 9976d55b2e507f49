"""How a name the gazetteer knows is used where it stands: as a place, as a toponym that is
not where anything happens, or not as a toponym at all.

* A place: after a locative cue ("in", "the city of", "south of", "X province"), a place
  entity, or a proper noun that is not a common word.
* A toponym but not a place: a country named as an actor ("Russia said"), a demonym
  ("Turkish troops"), a name inside a longer name ("Kentucky State Police", "University of
  Manitoba"), a continent, a name the model reads as a person or an organisation owning
  what follows ("Sadr's followers"). A geoparser reports them; an event never happens at
  them.
* Not a toponym: words of a date or number, people ("Vladimir Putin", "President
  Vladimir"), acronyms that are not countries, divisions or regions ("EU"), common words
  without a cue ("Hope").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Literal, NamedTuple

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, POS
from spacy.symbols import PROPN, nsubj
from spacy.tokens import Doc, Span, Token

from strife.claims import SPEECH_VERBS
from strife.nlp import DATELINE_DASHES
from strife.places.levels import is_feature_area
from strife.places.lexicon import Lexicon
from strife.places.names import Candidate, normalize_name
from strife.places.words import Words, indices_among, is_capitalised_word, lower_keys, word_keys
from strife.syntax import NOT_PARTICIPANTS, PLACE_ENTITIES

Cue = Literal["locative", "area", "district", "settlement", "none"]

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Entities that name agents, not places: a name inside one that owns what follows is theirs.
_AGENT_LABELS = frozenset({"PERSON", "ORG"})
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,3}")
# Endings of the demonyms the model labels NORP ("Armenian", "Azeri", "Kurdish", "French");
# it also labels some cities NORP ("Aleppo"), which must stay places.
_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ic", "ch", "ss")
# What follows a dateline's town where it does not open its line.
_DATELINE_MARKS = DATELINE_DASHES | {"("}
# Divisions and regions an acronym in capitals may name ("NSW", "the USSR").
_WIDE_AREA_CODES = frozenset({"ADM1", "RGN"})
# Above this share of its other words in capitals, a sentence is a headline.
_MOSTLY_CAPITALS = 0.3
#: A town this big is known well enough to keep its name from an actor's or speaker's.
WELL_KNOWN_POPULATION = 100_000


class Usage(Enum):
    PLACE = "place"
    #: A toponym that is not where something happens (actor, demonym, inside a name).
    MENTION = "mention"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Match:
    """A token span [start, end) whose words the gazetteer knows, and their candidates."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]


class Entity(NamedTuple):
    """An entity the model found: its token span [start, end) and its label. Read once from
    the Doc's Spans, which cost more to hash and to ask their label of."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Reading:
    """One Doc as the recogniser reads it: its words (:class:`~strife.places.words.Words`),
    its entities by token, the words of the people it names ("Walsh" after "John Walsh"
    is a person, not the town), and its speakers: one-word names that say, tell or warn
    something ("Hartl said", "Opel said"), which a person or a company does, a town only
    when it stands for its government."""

    doc: Doc
    lexicon: Lexicon
    words: Words
    entities: Mapping[int, Entity]
    person_words: frozenset[str]
    speakers: frozenset[str]

    @classmethod
    def of(cls, doc: Doc, lexicon: Lexicon, words: Words) -> Reading:
        """``words``: :meth:`Words.of` ``doc``, which the caller has read already."""
        entities: dict[int, Entity] = {}
        people: list[Entity] = []
        for entity in _entities(doc):
            for index in range(entity.start, entity.end):
                entities[index] = entity
            if entity.label == "PERSON" and _is_full_name(doc[entity.start : entity.end]):
                people.append(entity)
        names = frozenset(
            words.word(index)
            for person in people
            for index in range(person.start, person.end)
            if words.is_capitalised(index)
        )
        return cls(doc, lexicon, words, entities, names, _speakers(doc, words, entities, lexicon))

    def entities_of(self, match: Match) -> set[Entity]:
        return {self.entities[i] for i in range(match.start, match.end) if i in self.entities}


def _entities(doc: Doc) -> list[Entity]:
    """The Doc's named entities, as ``doc.ents`` gives them, read from its arrays: building
    ``doc.ents`` builds a Token for every word of the article."""
    if not len(doc):
        return []
    table = doc.to_array([ENT_IOB, ENT_TYPE])
    # IOB codes: 1 inside, 2 outside, 3 begins, 0 unset; a begin without a label is none.
    begins = np.flatnonzero((table[:, 0] == 3) & (table[:, 1] != 0)).tolist()
    if not begins:
        return []
    stops = np.flatnonzero(table[:, 0] != 1)  # where an entity can no longer go on
    ends = np.searchsorted(stops, begins, side="right")
    strings = doc.vocab.strings
    out = []
    for start, at in zip(begins, ends.tolist(), strict=True):
        end = int(stops[at]) if at < len(stops) else len(doc)
        out.append(Entity(start, end, strings[int(table[start, 1])]))
    return out


def _speakers(
    doc: Doc, words: Words, entities: Mapping[int, Entity], lexicon: Lexicon
) -> frozenset[str]:
    """Capitalised one-word names that are the subject of a speech verb ("Lopes says"), not
    part of a longer entity or name ("Adam Opel said" names no speaker "Opel"), and that
    the article never writes after a preposition of place: "in Afrin" makes "the authority
    governing Afrin said", which the parser may read with Afrin as the subject, no
    speaker's. The Doc's arrays find the few proper-noun subjects; only those are read."""
    if not len(doc):
        return frozenset()
    table = doc.to_array([DEP, POS])
    subjects = np.flatnonzero((table[:, 0] == nsubj) & (table[:, 1] == PROPN)).tolist()
    out = set()
    for index in subjects:
        if doc[index].head.lemma_ not in SPEECH_VERBS or not words.is_capitalised(index):
            continue
        entity = entities.get(index)
        if entity is not None and entity.end - entity.start > 1:
            continue
        if not _is_in_a_longer_name(words, index):
            out.add(words.word(index))
    if not out:
        return frozenset()
    keys = word_keys(lexicon.locative_prepositions)  # only where a speaker is named
    prepositions = indices_among(keys, lower_keys(doc))
    located = {words.word(i + 1) for i in prepositions if i + 1 < len(words)}
    return frozenset(out - located)


def _is_in_a_longer_name(words: Words, index: int) -> bool:
    """A capitalised word stands right before or after it ("commander Adnan Afrin")."""
    return (index > 0 and words.is_capitalised(index - 1)) or (
        index + 1 < len(words) and words.is_capitalised(index + 1)
    )


def _is_full_name(entity: Span) -> bool:
    """Two words or more, written as one name: the model often takes a line break into a
    name ("Orlando\n") or runs over a dash ("Trump - Wisconsin"), which does not make
    either word a person's."""
    words = [t for t in entity if not t.is_space]
    if len(words) < 2:
        return False
    return not any(t.is_punct and t.text != "." and _stands_apart(t) for t in words)


def _stands_apart(token: Token) -> bool:
    """A space after the token or before it (a dash between words, not a hyphen)."""
    return bool(token.whitespace_) or (token.i > 0 and bool(token.doc[token.i - 1].whitespace_))


def is_capitalised(token: Token) -> bool:
    return is_capitalised_word(token.text)


def usage_of(reading: Reading, match: Match, cue: Cue) -> Usage:
    """How the matched name is used (see the module docstring)."""
    entities = reading.entities_of(match)  # found once for the questions below
    # The cheap question first: most names that are no toponym are common words.
    if (cue == "none" and _is_a_word(reading, match)) or _is_not_a_toponym(
        reading, match, entities, cue
    ):
        return Usage.NONE
    if _is_inside_a_longer_entity(reading, match, entities) or _is_macro_region(reading, match):
        return Usage.MENTION
    if any(c.entry.is_country for c in match.candidates):
        # A country is where something happened only after a cue; otherwise it acts.
        located = cue != "none" and not _is_possessive(reading.doc, match.end)
        return Usage.PLACE if located else Usage.MENTION
    return _usage_of_other_name(reading, match, cue, entities)


def is_demonym_use(match: Match) -> bool:
    """ "Turkish" in "Turkish troops": the words are a demonym of a place the gazetteer knows;
    such words are adjectives or nationalities, never a place's own name."""
    return any(c.demonym for c in match.candidates)


def _usage_of_other_name(reading: Reading, match: Match, cue: Cue, entities: set[Entity]) -> Usage:
    """``entities``: those the name is in (``Reading.entities_of``)."""
    if cue != "none":
        return Usage.PLACE
    if _is_place_entity(entities):
        return Usage.PLACE
    doc, words = reading.doc, reading.words
    if _is_agents_possessive(match, entities, doc):
        return Usage.MENTION
    capitalised = (i for i in range(match.start, match.end) if words.is_capitalised(i))
    if all(doc[i].pos_ == "PROPN" for i in capitalised):
        # "Winnipeg Free Press", "Madrid Principles": part of a longer name.
        longer = _continues_as_other_name(reading, match)
        return Usage.MENTION if longer else Usage.PLACE
    return Usage.NONE


def _is_a_word(reading: Reading, match: Match) -> bool:
    """One common word ("Hope", "Police", "Day"), a word of a person's name ("Walsh" once
    "John Walsh" is named), or a speaker's name that only towns bear ("Ricardo said", and
    then "the men who captured Ricardo"; not "Heathrow said", an airport's): a toponym only
    after a cue."""
    if match.end - match.start != 1:
        return False
    word = reading.words.word(match.start)
    if word.isupper():  # "US", "UK": an acronym, not the pronoun
        return False
    if word in reading.speakers and _names_towns_only(match):
        return True
    if reading.lexicon.is_common(word):
        return not any(c.entry.is_country for c in match.candidates)
    if word not in reading.person_words:
        return False  # most names, decided before their readings are read
    # A word of a person's name, unless a country or a large place bears it ("Hanoi" after
    # a "Hanoi Hustle" the model took for a person; not the parishes "Paul" and "Michael").
    return not any(
        c.exact and (c.entry.is_country or c.entry.population >= WELL_KNOWN_POPULATION)
        for c in match.candidates
    )


def _names_towns_only(match: Match) -> bool:
    """Every reading is a town, and none a well-known one (:func:`is_well_known_place`)."""
    return not is_well_known_place(match) and all(
        c.entry.feature_code.startswith("PPL") for c in match.candidates
    )


def is_well_known_place(match: Match) -> bool:
    """A country, a province or a town of ``WELL_KNOWN_POPULATION`` by its own name: "Fars"
    (the province, also a news agency's name) stays a place. A district is not enough: many
    are small municipalities named like people ("Ortega", "Nasrallah") or groups ("the
    Wagner group", a Brazilian municipality's name)."""
    return any(
        c.exact
        and (
            c.entry.is_country
            or (c.entry.is_admin_area and c.entry.feature_code != "ADM2")
            or c.entry.population >= WELL_KNOWN_POPULATION
        )
        for c in match.candidates
    )


def _is_not_a_toponym(reading: Reading, match: Match, entities: set[Entity], cue: Cue) -> bool:
    """Names that are never toponyms here: a date or a number, a demonym the gazetteer does
    not know, a person, an acronym that is not a country ("EU", "CIA"), the head of a longer
    "X of Y" name ("Horn of Africa"). ``entities``: those the name is in."""
    doc, lexicon = reading.doc, reading.lexicon
    if any(_rules_out(reading, entity, match, cue) for entity in entities):
        return True
    if _follows_title(doc, match.start, lexicon) or _names_a_part_of_something(reading, match):
        return True
    if _is_named_persons_word(reading, match):
        return True
    one_word = match.end - match.start == 1
    if one_word and _is_title_of_a_name(reading, match.start):
        return True
    if _is_in_capitals_mid_text(reading, match):
        return not any(_is_wide_area(c) for c in match.candidates)
    word = reading.words.word(match.start) if one_word else ""
    if one_word and _is_acronym(word) and word not in lexicon.abbreviations:
        return not any(
            c.entry.is_country or c.entry.is_admin_area or c.entry.feature_code == "RGN"
            for c in match.candidates
        )
    # An adjective is not a name, unless the model reads it as a place ("some Calgary
    # residents": tagged ADJ, labelled GPE) or it is a province's or country's own name ("the
    # Punjab province": tagged ADJ, labelled NORP), not a direction ("Central", "Western").
    if not one_word or doc[match.start].pos_ != "ADJ" or _is_place_entity(entities):
        return False
    return not _names_an_area(match) or doc[match.start].lower_ in lexicon.directions


def _rules_out(reading: Reading, entity: Entity, match: Match, cue: Cue) -> bool:
    """The entity the name is in makes it no toponym: a date or a number spanning the whole
    name, a nationality that is not an area's own name nor, after a preposition of place,
    a town's ("in Khartoum and Omdurman", which the model may read as a nationality for its
    ending), a person after a title or named by more words."""
    if entity.label in NOT_PARTICIPANTS:  # "March", "Friday", "2,000"
        # A number opening a longer name the gazetteer knows ("Second Thomas Shoal") is
        # part of the name.
        return entity.start <= match.start and match.end <= entity.end
    if entity.label == "NORP":
        doc = reading.doc
        demonym = any(_looks_like_demonym(doc[i]) for i in range(match.start, match.end))
        return demonym and not _names_an_area(match) and not _is_located_town(reading, match, cue)
    return entity.label == "PERSON" and (
        _follows_title(reading.doc, entity.start, reading.lexicon)
        or _has_other_name_words(reading, entity, match)
    )


def _is_in_capitals_mid_text(reading: Reading, match: Match) -> bool:
    """A name in capitals among words in lower case, where no dateline stands ("a report
    by the ITU", "Photo: DAVID FENTON"): an acronym or a name a byline or caption sets in
    capitals, which means a country or a province ("the USA", "NSW") more often than a
    town. A dateline opens its line ("BEIJING --", "RIO DE JANEIRO, BRAZIL -"), and a
    sentence mostly in capitals is a headline."""
    doc, lexicon = reading.doc, reading.lexicon
    first = doc[match.start]
    if not (first.is_alpha and first.is_upper):
        return False  # the common case, decided without a Span
    words = doc[match.start : match.end]
    if not all(t.is_alpha and t.is_upper for t in words) or len(words.text) < 3:
        return False
    if words.text in lexicon.abbreviations or _opens_a_line_in_capitals(doc, match.start):
        return False
    if match.end < len(doc) and doc[match.end].text in _DATELINE_MARKS:
        return False  # "Updated 4pm WASHINGTON (CNN) --"
    sentence = words.sent if doc.has_annotation("SENT_START") else doc[:]
    others = [t for t in sentence if t.is_alpha and len(t) > 2 and t not in words]
    return sum(t.is_upper for t in others) <= len(others) * _MOSTLY_CAPITALS


def _opens_a_line_in_capitals(doc: Doc, start: int) -> bool:
    """Only capitals and punctuation stand between ``start`` and its line's start."""
    for token in reversed(doc[:start]):
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            return True  # the line breaks after this token
        if token.is_alpha and not token.is_upper:
            return False
    return True


def _is_wide_area(candidate: Candidate) -> bool:
    entry = candidate.entry
    return (
        entry.is_country
        or entry.feature_code in _WIDE_AREA_CODES
        or is_feature_area(entry.feature_code)
    )


def _is_named_persons_word(reading: Reading, match: Match) -> bool:
    """ "a response from Bolton" once "John Bolton" is named, where the model also reads the
    word as a person: whatever the cue, a person, not the town."""
    if match.end - match.start != 1 or reading.words.word(match.start) not in reading.person_words:
        return False  # most names, decided before their readings are read
    if any(c.entry.is_country for c in match.candidates):
        return False
    entity = reading.entities.get(match.start)
    return entity is not None and entity.label == "PERSON" and entity.end - entity.start == 1


def _names_an_area(match: Match) -> bool:
    """The words are the own name of a country, a division or a feature ("Punjab", "French
    Guiana", "the Carpathians"), which the model may label NORP for a demonym in them or
    like them."""
    return any(
        c.exact
        and (c.entry.is_country or c.entry.is_admin_area or is_feature_area(c.entry.feature_code))
        for c in match.candidates
    )


def _is_place_entity(entities: set[Entity]) -> bool:
    return any(entity.label in PLACE_ENTITIES for entity in entities)


def _is_inside_a_longer_entity(reading: Reading, match: Match, entities: set[Entity]) -> bool:
    """ "Kentucky State Police", "University of Manitoba": the name is part of an
    organisation's the model found (one of ``entities``, those the name is in); "Idlib
    Province" and "Northern Syria" are not."""
    return any(_has_other_name_words(reading, entity, match) for entity in entities)


def _is_macro_region(reading: Reading, match: Match) -> bool:
    key = normalize_name(reading.words.span_text(match.start, match.end))
    return key in reading.lexicon.macro_regions or all(
        c.entry.is_continent or (c.entry.feature_code == "RGN" and not c.entry.country_code)
        for c in match.candidates
    )


def _is_located_town(reading: Reading, match: Match, cue: Cue) -> bool:
    """A singular proper noun after a preposition of place that is a town's own name."""
    return (
        cue == "locative"
        and all(reading.doc[i].tag_ == "NNP" for i in range(match.start, match.end))
        and any(c.exact and c.entry.feature_code.startswith("PPL") for c in match.candidates)
    )


def _looks_like_demonym(token: Token) -> bool:
    return token.tag_ in {"JJ", "NNPS"} or token.lower_.endswith(_DEMONYM_ENDINGS)


def _is_acronym(text: str) -> bool:
    if len(text) <= 4 and text.isupper():
        return True
    return "." in text and _DOTTED_ACRONYM.fullmatch(text) is not None


def _has_other_name_words(reading: Reading, entity: Entity, match: Match) -> bool:
    """The entity is a longer name around the match ("Vladimir Putin", "Great Lakes
    Monitor"); "Idlib Province" and "Northern Syria" are still the place."""
    if match.start <= entity.start and entity.end <= match.end:
        return False  # no word of the entity lies outside the name
    lexicon, words = reading.lexicon, reading.words
    generic = _generic_name_words(lexicon.level_words, lexicon.directions)
    outside = (i for i in range(entity.start, entity.end) if not match.start <= i < match.end)
    return any(words.is_capitalised(i) and reading.doc[i].lower_ not in generic for i in outside)


@functools.lru_cache(maxsize=4)
def _generic_name_words(levels: frozenset[str], directions: frozenset[str]) -> frozenset[str]:
    """The words that leave a longer entity the place's own name ("Idlib Province",
    "Northern Syria"), joined once rather than for each entity."""
    return levels | directions


def _is_title(token: Token, lexicon: Lexicon) -> bool:
    return token.lower_.rstrip(".") in lexicon.person_titles


def _follows_title(doc: Doc, start: int, lexicon: Lexicon) -> bool:
    return start > 0 and _is_title(doc[start - 1], lexicon)


def _is_title_of_a_name(reading: Reading, index: int) -> bool:
    """ "Dr" in "Dr Chris Linton", "Gen." in "Gen. Haftar": a person's title before a
    name, never a place of its own (the gazetteer gives "Dr" as a name of Daraa); and a
    title standing for its holder after "the" ("the Pope", not Pope County)."""
    doc = reading.doc
    if not _is_title(doc[index], reading.lexicon):
        return False  # most names, decided without reading the words after
    if index > 0 and doc[index - 1].lower_ == "the":
        return True
    words = reading.words
    after = index + 1
    while after < len(words) and words.word(after) == ".":
        after += 1
    return after < len(words) and words.is_capitalised(after)


def _is_agents_possessive(match: Match, entities: set[Entity], doc: Doc) -> bool:
    """ "Sadr's followers", "Morsi's rule", "Nokia's sale": a name the model reads as a
    person or an organisation, owning what follows, with no word saying it is a place; a
    geoparser may report it, but nothing happens at it."""
    return any(e.label in _AGENT_LABELS for e in entities) and _is_possessive(doc, match.end)


def _is_possessive(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in _POSSESSIVES


def _continues_as_other_name(reading: Reading, match: Match) -> bool:
    """A place name glued to another proper noun is part of a longer name ("Madrid
    Principles", "Iran Press TV", "Great Lakes Monitor") unless that word is a common one."""
    doc, words = reading.doc, reading.words
    after = doc[match.end] if match.end < len(doc) else None
    before = doc[match.start - 1] if match.start > 0 else None
    return any(
        token is not None
        and token.pos_ == "PROPN"
        and words.is_capitalised(token.i)
        and not token.is_sent_start
        and not reading.lexicon.is_common(token.text)
        for token in (after, before)
    )


def _names_a_part_of_something(reading: Reading, match: Match) -> bool:
    """ "Horn of Africa", "Bank of Lebanon": the name heads a longer "X of Y" name."""
    end = match.end
    return (
        end + 1 < len(reading.doc)
        and reading.doc[end].lower_ == "of"
        and reading.words.is_capitalised(end + 1)
    )
