"""Finding toponyms in a Doc.

The small spaCy model's GPE/LOC/FAC labels miss many places of conflict news ("Shushi" FAC,
"Aghdam" PERSON), so every capitalised name is looked up in the gazetteer (the longest known
name at each position: "Nagorno-Karabakh", "Deir ez-Zor", "Metcalfe County"), and the words
around it decide how it is used (:mod:`strife.places.usage`). State abbreviations ("Edmonton,
Ky.") stand for their state. Demonyms ("Turkish") are toponyms of their country.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from strife.nlp import CONJUNCTIONS, DATELINE_DASHES
from strife.places.gazetteer import Gazetteer
from strife.places.levels import LEVEL_CUES, is_feature_area
from strife.places.lexicon import Abbreviation, Lexicon, singular_of
from strife.places.names import Candidate, normalize_name
from strife.places.usage import (
    Cue,
    Match,
    Reading,
    Usage,
    is_demonym_use,
    is_well_known_place,
    usage_of,
)
from strife.places.words import (
    CAPITALISED,
    HYPHEN,
    SHORT_CAPITAL,
    SHORTENED_WORD,
    Words,
    indices_among,
    word_keys,
)
from strife.syntax import lone_conjunct

__all__ = ["Cue", "Lexicon", "Toponym", "country_names", "find_toponyms", "toponym_lists"]

MAX_NAME_TOKENS = 8
_LIST_GLUE = frozenset({",", "and", "or", "&", "the"})
_MAX_MODIFIERS = 4
_DATELINE_FOLLOWERS = DATELINE_DASHES | {",", "("}


@dataclass(frozen=True, slots=True)
class Toponym:
    """A name found in the gazetteer: token span [start, end), its candidates, the cue that
    made it a place, and whether it is one (``is_place`` False: a toponym that is not where
    anything happens, such as a country named as an actor or a demonym; kept as context for
    resolving the others, and reported by a geoparser)."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    cue: Cue
    is_place: bool
    #: Index (in the article's toponyms) of the name this one is listed after ("Terter,
    #: Aghdam and Aghjabedi"): a list names places of one level.
    listed_after: int | None = None
    #: Index of the province or country named right after it ("Edmonton, Ky.").
    within: int | None = None
    #: Written after an Arabic article joined by a hyphen ("al-Hol", "el-Fasher"): an
    #: Arabic name, whatever country another reading of the bare word lies in.
    after_article: bool = False

    @property
    def country(self) -> Candidate | None:
        """The country this name denotes, when it is a country's name or demonym."""
        countries = [c for c in self.candidates if c.entry.is_country]
        return max(countries, key=lambda c: c.entry.population, default=None)


@dataclass(frozen=True, slots=True)
class _Names:
    """The spans of a Doc that could be names, the lookup key of each, and the spans that
    are abbreviations ("Ky."), which may only mean a division of their country."""

    spans: list[tuple[int, int]]
    keys: dict[tuple[int, int], str]
    abbreviated: dict[int, Abbreviation]
    #: The longest name span around each token that is part of one.
    phrases: dict[int, tuple[int, int]]

    @classmethod
    def of(cls, words: Words, lexicon: Lexicon) -> _Names:
        spans = _name_spans(words, lexicon)
        keys = {(start, end): normalize_name(words.span_text(start, end)) for start, end in spans}
        phrases: dict[int, tuple[int, int]] = {}
        for start, end in sorted(spans, key=lambda span: span[0] - span[1]):
            for index in range(start, end):
                phrases.setdefault(index, (start, end))
        abbreviated: dict[int, Abbreviation] = {}
        heads = _abbreviation_keys(lexicon.abbreviation_heads)
        for index in indices_among(heads, words.orth_array):
            if words.kinds[index] & SHORT_CAPITAL:
                found = _abbreviation(words, index, lexicon)
                if found is not None:
                    abbreviation, length = found
                    abbreviated[index] = abbreviation
                    span = (index, index + length)
                    spans.append(span)
                    keys[span] = normalize_name(abbreviation.name)
        return cls(spans, keys, abbreviated, phrases)


def find_toponyms(doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> list[Toponym]:
    """Every gazetteer name in ``doc`` used as a toponym, in text order.

    One sense per article: a name turned down as a person's name the model reads opening
    with it (:func:`_doubted`: "the Serengeti", "our Hanoi Hustle video", a heading "Brno"
    run into the next line's "People") is read again as a place where the article uses the
    same name as a place elsewhere ("Serengeti National Park", "Brno, the second city")
    and it names a place no one is named after: a well-known place
    (:func:`~strife.places.usage.is_well_known_place`), or a physical feature or site of the
    project's list. Most articles need one pass; the few with such a name, two."""
    words = Words.of(doc)  # read once: the scan for names and the usage checks ask of it
    names = _Names.of(words, lexicon)
    elided = _elided_names(doc, names, lexicon)
    found = gazetteer.lookup(set(names.keys.values()) | set(elided.values()))
    scan = _ArticleScan(doc, words, names, elided, found, lexicon, Reading.of(doc, lexicon, words))
    first = scan.toponyms()
    toponyms = first.toponyms
    confirmed = _confirmed_places(first)
    if confirmed:
        toponyms = scan.toponyms(confirmed).toponyms
    listed = _lists_and_hierarchies(doc, toponyms, lexicon)
    contained = _contained_in(doc, _levels_of_lists(doc, listed, lexicon), lexicon)
    return _qualified_by_demonyms(doc, contained)


class _Scanned(NamedTuple):
    """One pass over an article's names: its toponyms in text order, the names turned down
    as a person's (:func:`_doubted`; their matches by lookup key) and the keys of the names
    read as places."""

    toponyms: list[Toponym]
    turned_down: dict[str, list[Match]]
    placed: set[str]


@dataclass(frozen=True, slots=True)
class _ArticleScan:
    """What :func:`find_toponyms` reads an article's names from, read once for its passes."""

    doc: Doc
    words: Words
    names: _Names
    elided: dict[tuple[int, int], str]
    found: Mapping[str, Sequence[Candidate]]
    lexicon: Lexicon
    reading: Reading

    def toponyms(self, confirmed: frozenset[str] = frozenset()) -> _Scanned:
        """The article's toponyms, with the names turned down and the keys placed;
        ``confirmed`` are keys of names read as places where they are turned down as a
        person's."""
        doc, words, names, lexicon = self.doc, self.words, self.names, self.lexicon
        reading, found, elided = self.reading, self.found, self.elided
        toponyms: list[Toponym] = []
        turned_down: dict[str, list[Match]] = {}
        placed: set[str] = set()
        previous: Toponym | None = None
        shared = {start - 2 for (start, _), key in elided.items() if key in found}
        for match in _longest_matches(names.spans, names.keys, found, words):
            key = names.keys[(match.start, match.end)]
            if key in lexicon.never_places or match.start in shared:
                continue
            if key in lexicon.actor_names and not _named_as_place(doc, match, lexicon):
                continue  # "Nato", "the Taliban", "Merkel": not the villages of those names
            if _is_part_of_a_feature_name(doc, match, names, lexicon):
                continue
            match = _restricted(match, names)
            toponym = _read_match(reading, match, previous, key in confirmed)
            if toponym is None:
                if _doubted(reading, match):
                    turned_down.setdefault(key, []).append(match)
                continue
            lone = found.get(elided.get((match.start, match.end), ""))
            if lone:
                # "North and South Korea": the lone word first, as the name it stands for.
                toponyms.append(
                    replace(
                        toponym,
                        start=match.start - 2,
                        end=match.start - 1,
                        text=words.word(match.start - 2),
                        candidates=tuple(lone),
                    )
                )
                toponym = replace(toponym, listed_after=len(toponyms) - 1)
            elif previous is not None and _is_listed_after(doc, previous, match):
                toponym = replace(toponym, listed_after=len(toponyms) - 1)
            if toponym.is_place:
                placed.add(key)
            toponyms.append(toponym)
            previous = toponym
        return _Scanned(toponyms, turned_down, placed)


def _doubted(reading: Reading, match: Match) -> bool:
    """A name the model reads as a person's that opens with it ("Hanoi Hustle", a heading
    "Brno" run into the next line's "People", "the Serengeti"), which another use in the
    article may confirm as a place. Not a name after other words of a person's ("John
    Bolton"): the town of Bolton elsewhere says nothing about him."""
    entity = reading.entities.get(match.start)
    return (
        entity is not None
        and entity.label == "PERSON"
        and entity.start == match.start
        and bool(match.candidates)
    )


def _confirmed_places(scanned: _Scanned) -> frozenset[str]:
    """The keys of the names turned down as a person's (:func:`_doubted`) that the article
    uses as places elsewhere, by the same name or as the one reading of another name
    ("Serengeti National Park"), and that name a place no one is named after (see
    :func:`find_toponyms`)."""
    if not scanned.turned_down:
        return frozenset()  # most articles
    sure = {
        t.candidates[0].entry.geonameid
        for t in scanned.toponyms
        if t.is_place and len(t.candidates) == 1
    }
    confirmed = set()
    for key, matches in scanned.turned_down.items():
        candidates = matches[0].candidates
        if key not in scanned.placed and not any(
            c.exact and c.entry.geonameid in sure for c in candidates
        ):
            continue
        if is_well_known_place(matches[0]) or any(map(_is_site_or_feature, candidates)):
            confirmed.add(key)
    return frozenset(confirmed)


def _is_site_or_feature(candidate: Candidate) -> bool:
    """A reading by its own name that is neither a town, a division nor a country: a
    physical feature or a site of the project's list (a park, a ruin, a building)."""
    entry = candidate.entry
    return candidate.exact and not (entry.is_town_or_division or entry.is_country)


def _named_as_place(doc: Doc, match: Match, lexicon: Lexicon) -> bool:
    """A name a party bears is a place where it is a well-known place by its own name, or
    where a word says the place's level ("the town of Clinton, Iowa"; not "in Clinton's
    memoirs")."""
    if is_well_known_place(match):
        return True
    return _cue(doc, match, lexicon) in LEVEL_CUES


def _elided_names(doc: Doc, names: _Names, lexicon: Lexicon) -> dict[tuple[int, int], str]:
    """ "North and South Korea", "Central and South America", "West or Central Africa": a
    direction word, "and" or "or", then a name that opens with another direction word; the
    lone word stands for the name with its own direction ("North Korea"). For each such
    name's span, the lookup key of the name the lone word stands for."""
    out: dict[tuple[int, int], str] = {}
    for start, end in names.spans:
        lone = lone_conjunct(doc, start, lexicon.directions) if end - start >= 2 else None
        if lone is not None:
            out[(start, end)] = normalize_name(f"{doc[lone].text} {doc[start + 1 : end].text}")
    return out


def _is_part_of_a_feature_name(doc: Doc, match: Match, names: _Names, lexicon: Lexicon) -> bool:
    """A name inside a longer one the gazetteer does not know is not resolved on its own
    when it is only generic words ("Peninsula" of "Yucatan Peninsula", "National Park") or
    when the longer name is a physical feature's ("Mississippi River", "Lake Titicaca",
    "Black Rock Desert"): the words name the feature, not the place they would name alone."""
    start, end = names.phrases.get(match.start, (match.start, match.end))
    if end - start <= match.end - match.start:
        return False
    words = [doc[index].lower_ for index in range(match.start, match.end)]
    if all(word in lexicon.generic_words or word in lexicon.directions for word in words):
        return True
    if doc[end - 1].lower_ in lexicon.feature_words and end > match.end:
        if end == match.end + 1 and any(
            is_feature_area(c.entry.feature_code) for c in match.candidates
        ):
            return False  # "the Mediterranean sea", "the Mississippi River basin"
        return not _breaks_name(doc, match.end, end - 1, lexicon)
    if doc[start].lower_ in lexicon.feature_words and start < match.start:
        return not _breaks_name(doc, start + 1, match.start, lexicon)
    return False


def _breaks_name(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A conjunction or "on" between two names parts them (``name_breaks``): "Raqqa and
    Tabqa on the Euphrates River" are two towns and a river, not one river's name."""
    return any(doc[i].lower_ in lexicon.name_breaks for i in range(start, end))


def _lists_and_hierarchies(doc: Doc, toponyms: list[Toponym], lexicon: Lexicon) -> list[Toponym]:
    """Names joined by commas alone are a hierarchy ("Edmonton, Alberta, Canada": each
    within the next), not a list; only chains with a conjunction ("Terter, Aghdam and
    Aghjabedi") stay listed. A name of a hierarchy keeps its own cue, not the one a list
    would have lent it ("AUSTIN, Texas": the dateline names a town, Texas is no town)."""
    kept = list(toponyms)
    for members in toponym_lists(toponyms):
        glue = {t.lower_ for i in members[1:] for t in doc[toponyms[i - 1].end : toponyms[i].start]}
        if glue & CONJUNCTIONS:
            continue
        for inner, outer in itertools.pairwise(members):
            own = _cue(doc, Match(kept[outer].start, kept[outer].end, ()), lexicon)
            kept[outer] = replace(kept[outer], listed_after=None, cue=own)
            if any(c.entry.is_admin_area or c.entry.is_country for c in toponyms[outer].candidates):
                kept[inner] = replace(kept[inner], within=outer)
    return kept


def _contained_in(doc: Doc, toponyms: list[Toponym], lexicon: Lexicon) -> list[Toponym]:
    """ "the town of Palma in northern Mozambique", "Homs in central Syria": a country or
    province named right after a place's name and "in" (with "the" and direction words
    between them) is the place's container, as a comma makes it one ("Edmonton, Ky.")."""
    kept = list(toponyms)
    for index, (inner, outer) in enumerate(itertools.pairwise(toponyms)):
        if inner.within is not None or not inner.is_place or inner.country is not None:
            continue
        if not any(c.entry.is_country or c.entry.feature_code == "ADM1" for c in outer.candidates):
            continue
        # Read word by word: most pairs of names stand far apart and fail at the first.
        if (
            inner.end < outer.start
            and doc[inner.end].lower_ == "in"
            and all(
                (word := doc[i].lower_) == "the" or word in lexicon.directions
                for i in range(inner.end + 1, outer.start)
            )
            and _describes(doc[inner.end], inner)
        ):
            kept[index] = replace(inner, within=index + 1)
    return kept


def _describes(preposition: Token, toponym: Toponym) -> bool:
    """The preposition hangs on the name, or on the word that says its level ("the town
    of Palma in ..."), not on a verb ("backed by Tehran in Syria")."""
    head = preposition.head.i
    if toponym.start <= head < toponym.end:
        return True
    level = _level_word(preposition.doc, toponym)
    return level is not None and head == level.i


def _level_word(doc: Doc, toponym: Toponym) -> Token | None:
    """The word "of" before the name hangs on, which says its level ("the town of Palma",
    "the Canadian city of London"), or None."""
    name = doc[toponym.start : toponym.end].root
    if name.dep_ != "pobj" or name.head.lower_ != "of":
        return None
    return name.head.head


def _levels_of_lists(doc: Doc, toponyms: list[Toponym], lexicon: Lexicon) -> list[Toponym]:
    """ "in Donetsk and Luhansk regions", "Idlib and Hama provinces": a plural word for a
    division's level after the last name of a list says the level of every name in it, not
    only of the last (the first is no town)."""
    kept = list(toponyms)
    for index in range(len(kept) - 1, -1, -1):
        toponym = kept[index]
        if toponym.listed_after is None or toponym.end >= len(doc):
            continue
        cue = _plural_level(doc[toponym.end].lower_, lexicon)
        if cue is None:
            continue
        before: int | None = toponym.listed_after
        while before is not None:
            if kept[before].cue in ("none", "locative"):
                kept[before] = replace(kept[before], cue=cue)
            before = kept[before].listed_after
    return kept


def _plural_level(word: str, lexicon: Lexicon) -> Cue | None:
    """The cue of a plural word for a division's level ("regions", "counties"), or None."""
    singular = singular_of(word)
    if singular is None:
        return None
    if singular in lexicon.area_nouns:
        return "area"
    return "district" if singular in lexicon.district_nouns else None


def _qualified_by_demonyms(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """ "the Canadian city of London", "French Lorraine": a demonym before the name, or on
    the word that says its level, names the country it lies in, as a container does
    ("Edmonton, Ky.")."""
    demonyms = {
        token: index
        for index, toponym in enumerate(toponyms)
        if not toponym.is_place and any(c.demonym for c in toponym.candidates)
        for token in range(toponym.start, toponym.end)
    }
    kept = list(toponyms)
    for index, toponym in enumerate(toponyms):
        if not toponym.is_place or toponym.within is not None:
            continue
        qualifier = demonyms.get(toponym.start - 1)
        if qualifier is None and toponym.cue in LEVEL_CUES:
            qualifier = _demonym_of_level_word(doc, toponym, demonyms)
        if qualifier is not None:
            kept[index] = replace(toponym, within=qualifier)
    return kept


def _demonym_of_level_word(doc: Doc, toponym: Toponym, demonyms: dict[int, int]) -> int | None:
    """The demonym on the word before "of" that says the name's level ("the Canadian city
    of London"), as the toponym's index."""
    level = _level_word(doc, toponym)
    if level is None:
        return None
    qualifiers = [demonyms[c.i] for c in level.children if c.i in demonyms]
    return qualifiers[0] if qualifiers else None


def _read_match(
    reading: Reading, match: Match, previous: Toponym | None, confirmed: bool = False
) -> Toponym | None:
    """The toponym the match is, or None when it is none. ``confirmed``: the article uses
    the name as a place elsewhere (:func:`find_toponyms`), so a reading as a person's
    makes it a place, not no toponym."""
    doc, words = reading.doc, reading.words
    if is_demonym_use(match):
        demonyms = tuple(c for c in match.candidates if c.demonym)
        text = words.span_text(match.start, match.end)
        return Toponym(match.start, match.end, text, demonyms, "none", False)
    if not match.candidates:
        return None
    cue = _cue(doc, match, reading.lexicon)
    if cue == "none" and previous is not None and _is_listed_after(doc, previous, match):
        cue = previous.cue
    usage = usage_of(reading, match, cue)
    if usage is Usage.NONE:
        if not (confirmed and _doubted(reading, match)):
            return None
        usage = Usage.PLACE
    text = words.span_text(match.start, match.end)  # only for a name kept
    return Toponym(
        match.start,
        match.end,
        text,
        match.candidates,
        cue,
        usage is Usage.PLACE,
        after_article=_follows_an_article(words, match.start, reading.lexicon),
    )


def _follows_an_article(words: Words, start: int, lexicon: Lexicon) -> bool:
    """ "al-Hol", "el-Fasher", "as-Suwayda": the name is joined by a hyphen to an Arabic
    article (``Lexicon.name_articles``), with no space on either side of the hyphen."""
    return (
        start >= 2
        and not words.spaced[start - 2]
        and not words.spaced[start - 1]
        and bool(words.kinds[start - 1] & HYPHEN)
        and words.word(start - 2).lower() in lexicon.name_articles
    )


def _restricted(match: Match, names: _Names) -> Match:
    """An abbreviation means the first-level division of its country it stands for ("Ky."),
    or, when its country has no such division, its city there ("L.A.")."""
    abbreviation = names.abbreviated.get(match.start)
    key = names.keys.get((match.start, match.end))
    if abbreviation is None or key != normalize_name(abbreviation.name):
        return match
    own = [c for c in match.candidates if c.entry.country_code == abbreviation.country]
    divisions = tuple(c for c in own if c.entry.feature_code == "ADM1")
    return replace(match, candidates=divisions or tuple(own))


@functools.lru_cache(maxsize=4)
def _abbreviation_keys(heads: frozenset[str]) -> frozenset[int]:
    """The hashes of the words an abbreviation may open with (``Lexicon.abbreviation_heads``),
    with and without their final dot ("Ky." and "Ky", written "Ky ."): a token whose ORTH is
    not among them opens none."""
    return word_keys(heads | {head.removesuffix(".") for head in heads})


def _name_spans(words: Words, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Token spans that could be names, in order: they start on a capitalised or shortened
    word ("St. Thomas") and end on a capitalised one, and inside hold only such words,
    connectors ("Deir ez-Zor", "Bosnia and Herzegovina") and hyphens written without spaces."""
    kinds = words.kinds
    opening = CAPITALISED | SHORTENED_WORD
    tails = word_keys(lexicon.feature_tails)
    spans = []
    for start in [index for index, kind in enumerate(kinds) if kind & opening]:
        for end in range(start, min(len(kinds), start + MAX_NAME_TOKENS)):
            # A capitalised or shortened word carries a name on: decided without reading it.
            if (
                end > start
                and not kinds[end] & opening
                and not _continues_name(words, end, lexicon)
            ):
                break
            if kinds[end] & CAPITALISED:
                spans.append((start, end + 1))
                if _ends_with_feature_tail(words, end + 1, tails):
                    spans.append((start, end + 2))
    return spans


def _ends_with_feature_tail(words: Words, index: int, tails: frozenset[int]) -> bool:
    """A feature word in lower case right after a name ends it: "the Dnipro river" names the
    river, not the city of Dnipro. ``tails``: the hashes of the feature tails (the words
    written so, looked up by their ORTH)."""
    return index < len(words.orths) and words.spaced[index - 1] > 0 and words.orths[index] in tails


def _abbreviation(words: Words, index: int, lexicon: Lexicon) -> tuple[Abbreviation, int] | None:
    """The division (or city) an abbreviation starting at ``index`` stands for, and how many
    tokens it takes: dotted initials ("B.C.", "L.A.") anywhere, others ("Ky.", "Sask.", "W.
    Va.") only after "<Town>,"."""
    written = words.word(index)
    dot_follows = index + 1 < len(words) and words.word(index + 1) == "."
    if not written.endswith(".") and dot_follows and not words.spaced[index]:
        written += "."
    if written not in lexicon.abbreviation_heads:
        return None  # no abbreviation is, or opens with, this word
    after_town = (
        index >= 2 and words.word(index - 1) == "," and bool(words.kinds[index - 2] & CAPITALISED)
    )
    if after_town and words.spaced[index] and index + 1 < len(words):
        spaced = lexicon.abbreviations.get(f"{written} {words.word(index + 1)}")
        if spaced is not None:
            return spaced, 2
    abbreviation = lexicon.abbreviations.get(written)
    if abbreviation is None:
        return None
    return (abbreviation, 1) if after_town or Abbreviation.is_dotted(written) else None


def _continues_name(words: Words, index: int, lexicon: Lexicon) -> bool:
    """Whether the word at ``index``, neither capitalised nor shortened, carries on the name
    the word before it is part of."""
    if words.kinds[index] & HYPHEN:
        return not words.spaced[index - 1] and not words.spaced[index]
    written = words.word(index)
    return written.lower() in lexicon.name_connectors or _is_hyphen_linked(words, index)


def _is_hyphen_linked(words: Words, index: int) -> bool:
    """A small word written between hyphens inside a name ("Port-au-Prince",
    "Aix-en-Provence", "Stratford-upon-Avon")."""
    return (
        not words.spaced[index]
        and index + 1 < len(words)
        and bool(words.kinds[index - 1] & words.kinds[index + 1] & HYPHEN)
        and words.word(index).isalpha()
    )


def _longest_matches(
    spans: Sequence[tuple[int, int]],
    keys: Mapping[tuple[int, int], str],
    found: Mapping[str, Sequence[Candidate]],
    words: Words,
) -> Iterator[Match]:
    """Left to right, the longest span at each position whose key the gazetteer knows (by a
    name the span is written as: :func:`_readings`)."""
    best: dict[int, tuple[int, tuple[Candidate, ...]]] = {}
    for start, end in spans:
        if end > best.get(start, (start, ()))[0]:
            candidates = _readings(words, start, end, found.get(keys[(start, end)], ()))
            if candidates:
                best[start] = (end, candidates)
    position = 0
    for start in sorted(best):
        if start >= position:
            end, candidates = best[start]
            yield Match(start, end, candidates)
            position = end


def _readings(
    words: Words, start: int, end: int, candidates: Sequence[Candidate]
) -> tuple[Candidate, ...]:
    """The entries a span may name: an entry known under the span's key only by an acronym
    ("ACT") is one only where the span is written in capitals ("the Clean Water Act" names
    no Australian territory)."""
    if any(c.acronym for c in candidates) and not words.span_text(start, end).isupper():
        return tuple(c for c in candidates if not c.acronym)
    return tuple(candidates)


def _cue(doc: Doc, match: Match, lexicon: Lexicon) -> Cue:
    """The cue that marks the name as a place: a following "region"/"district"/"city" or a
    preceding preposition, "the town of", "south of"; a dateline ("KYIV, Ukraine --") names
    the town the story was filed from."""
    if _is_dateline(doc, match):
        return "settlement"
    if match.end < len(doc):
        cue = _noun_cue(_head_forms(doc[match.end]), lexicon)
        if cue is not None:
            return cue
    return _cue_before(doc, match.start, lexicon)


def _is_dateline(doc: Doc, match: Match) -> bool:
    """A name in capitals opening the text, followed by a comma, a bracket or a dash."""
    if match.start > 0 and not doc[match.start - 1].is_space:
        return False  # the common case, decided without reading the text before
    words = doc[match.start : match.end]
    before = doc[: match.start]
    return (
        match.end < len(doc)
        and doc[match.end].text in _DATELINE_FOLLOWERS
        and all(t.is_space for t in before)
        and any(t.is_alpha for t in words)
        and all(t.text.isupper() for t in words if t.is_alpha)
        and len(words.text) > 2
    )


def _noun_cue(forms: set[str], lexicon: Lexicon) -> Cue | None:
    if lexicon.level_words.isdisjoint(forms):
        return None  # most words, decided by one question (the three nouns' union)
    if not lexicon.area_nouns.isdisjoint(forms):
        return "area"
    if not lexicon.district_nouns.isdisjoint(forms):
        return "district"
    if not lexicon.settlement_nouns.isdisjoint(forms):
        return "settlement"
    return None


def _cue_before(doc: Doc, start: int, lexicon: Lexicon) -> Cue:
    index = start - 1
    # Step back over what may stand between the cue and the name: "in the war-torn north of".
    word = ""
    while index >= 0:
        token = doc[index]
        word = token.lower_  # the cue's, where the steps stop
        if start - index > _MAX_MODIFIERS or not _is_modifier(token, word, lexicon):
            break
        index -= 1
    if index < 0:
        return "none"
    if index == start - 1 and doc[index].is_lower:
        # "Vietnam's capital Hanoi", "the port city Odesa": the level word right before it.
        cue = _noun_cue({word, doc[index].lemma_.lower()}, lexicon)
        if cue is not None:
            return cue
    if word in lexicon.locative_prepositions:
        return "locative"
    if word == "of" and index > 0:
        head = _head_forms(doc[index - 1])
        cue = _noun_cue(head, lexicon)
        if cue is not None:
            return cue
        if head & (lexicon.directions | lexicon.part_nouns):  # "the north of", "parts of"
            return "locative"
    return "none"


def _is_modifier(token: Token, lowered: str, lexicon: Lexicon) -> bool:
    """``lowered``: the token's lower-case form, which the caller has read."""
    if token.is_space:  # a line break between "in" and the name
        return True
    if lowered in {"the", "a", "an", "-"} or lowered in lexicon.directions:
        return True
    return token.text.islower() and token.tag_ in {"JJ", "VBN", "VBD"}


def _head_forms(token: Token) -> set[str]:
    """The word, its lemma and its bare singular: "regions" matches "region"."""
    lowered = token.lower_
    return {lowered, token.lemma_.lower(), lowered.removesuffix("s")}


def _is_listed_after(doc: Doc, previous: Toponym, match: Match) -> bool:
    """True when only commas and conjunctions separate the two names: "regions of Terter,
    Aghdam and Aghjabedi" gives all three the cue of the first."""
    gap = range(previous.end, match.start)
    return 0 < len(gap) <= 3 and all(doc[i].lower_ in _LIST_GLUE for i in gap)


def toponym_lists(toponyms: Sequence[Toponym]) -> list[list[int]]:
    """The indices of the toponyms of each list of two names or more, in text order."""
    chains: dict[int, list[int]] = {}
    head_of: dict[int, int] = {}
    for index, toponym in enumerate(toponyms):
        after = toponym.listed_after
        head = index if after is None else head_of.get(after, index)
        head_of[index] = head
        chains.setdefault(head, []).append(index)
    return [members for members in chains.values() if len(members) > 1]


def country_names(toponyms: Iterable[Toponym]) -> Iterator[str]:
    """The alpha-3 codes of the countries named in ``toponyms``, places or not."""
    for toponym in toponyms:
        country = toponym.country
        if country is not None:
            yield country.entry.country_code
