"""Finding dictionary phrases in a Doc: the atoms the actor phrases are built from.

Proper names ("Armenia", "al-Qaeda", "Xi Jinping") are matched on the exact spelling, with
a capitalised first letter also allowed, so that "turkey", "chad" or "us" never read as
countries; agent words ("defense ministry", "troops") are matched in any case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from strife.actors.lexicon import WORDS, Entry, Lexicon
from strife.syntax import TIME_ENTITIES, lone_conjunct

# Capitalised words that may sit between a country word and what follows without making
# it part of a longer name ("Israeli Deputy Foreign Minister", "Russian Saturday").
NAME_NEUTRAL = frozenset(
    {
        "deputy", "acting", "former", "interim", "senior", "top", "chief", "first", "vice",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }
)  # fmt: skip
PLACE_WORDS = ("country", "capital", "demonym")
REGION_WORDS = WORDS["region_words"]
MATCH_KEY = "STRIFE_ACTOR"


@dataclass(frozen=True, slots=True)
class Atom:
    """One dictionary phrase found in a Doc: tokens [start, end) and what it stands for."""

    start: int
    end: int
    entry: Entry


def surface_variants(phrase: str) -> set[str]:
    """Spellings of a dictionary phrase met in news text: without accents, with a space for
    a hyphen ("Nagorno Karabakh"), with a typographic apostrophe ("People’s")."""
    decomposed = unicodedata.normalize("NFKD", phrase)
    variants = {phrase, "".join(ch for ch in decomposed if not unicodedata.combining(ch))}
    variants |= {v.replace("-", " ") for v in variants if "-" in v}
    variants |= {v.replace("'", "’") for v in variants if "'" in v}
    return variants


def is_case_sensitive(phrase: str) -> bool:
    return any(ch.isupper() for ch in phrase)


class AtomMatcher:
    """Two PhraseMatchers over the lexicon, built once: exact case and lower case."""

    def __init__(
        self,
        exact: PhraseMatcher,
        folded: PhraseMatcher,
        exact_entries: dict[tuple[str, ...], Entry],
        folded_entries: dict[tuple[str, ...], Entry],
    ) -> None:
        self._exact = exact
        self._folded = folded
        self._exact_entries = exact_entries
        self._folded_entries = folded_entries

    @classmethod
    def from_lexicon(cls, vocab: Vocab, lexicon: Lexicon) -> AtomMatcher:
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        exact_entries: dict[tuple[str, ...], Entry] = {}
        folded_entries: dict[tuple[str, ...], Entry] = {}
        exact_docs: dict[tuple[str, ...], Doc] = {}
        folded_docs: dict[tuple[str, ...], Doc] = {}
        for phrase, entry in lexicon.phrases:
            for variant in surface_variants(phrase):
                if is_case_sensitive(variant):
                    for spelling in {variant, variant[0].upper() + variant[1:]}:
                        doc = tokenizer(spelling)
                        key = tuple(t.text for t in doc)
                        exact_docs.setdefault(key, doc)
                        exact_entries.setdefault(key, entry)
                else:
                    doc = tokenizer(variant)
                    key = tuple(t.lower_ for t in doc)
                    folded_docs.setdefault(key, doc)
                    folded_entries.setdefault(key, entry)
        exact = PhraseMatcher(vocab, attr="ORTH")
        exact.add(MATCH_KEY, list(exact_docs.values()))
        folded = PhraseMatcher(vocab, attr="LOWER")
        folded.add(MATCH_KEY, list(folded_docs.values()))
        return cls(exact, folded, exact_entries, folded_entries)

    def atoms(self, doc: Doc) -> list[Atom]:
        """Non-overlapping dictionary phrases in token order (the longest match wins)."""
        found: list[Atom] = []
        for _, start, end in self._exact(doc):
            key = tuple(t.text for t in doc[start:end])
            found.append(Atom(start, end, self._exact_entries[key]))
        for _, start, end in self._folded(doc):
            key = tuple(t.lower_ for t in doc[start:end])
            found.append(Atom(start, end, self._folded_entries[key]))
        selected = list(_longest_first(found))
        covered = {i for atom in selected for i in range(atom.start, atom.end)}
        kept = [atom for atom in selected if _reads_as_actor(doc, atom, covered)]
        kept += self._elided(doc, kept, covered)
        return sorted(kept, key=lambda atom: atom.start)

    def _elided(self, doc: Doc, atoms: Sequence[Atom], covered: set[int]) -> list[Atom]:
        """ "North and South Korea": a region word, "and" or "or", then a name that opens
        with another region word; the lone word stands for the name with its own region word
        ("North Korea") when the dictionaries hold that name."""
        out = []
        for atom in atoms:
            lone = lone_conjunct(doc, atom.start, REGION_WORDS)
            if lone is None or lone in covered:
                continue
            shared = (t.text for t in doc[atom.start + 1 : atom.end])
            entry = self._exact_entries.get((doc[lone].text, *shared))
            if entry is not None:
                out.append(Atom(lone, lone + 1, entry))
        return out


def _longest_first(atoms: Sequence[Atom]) -> Iterable[Atom]:
    """Greedy longest-match selection; on equal spans the exact-case match (listed first)
    wins because the sort is stable."""
    taken: set[int] = set()
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        span = range(atom.start, atom.end)
        if taken.isdisjoint(span):
            taken.update(span)
            yield atom


def _reads_as_actor(doc: Doc, atom: Atom, covered: set[int]) -> bool:
    """Drop matches that the context shows are not actors.

    "pro-Russian" and "anti-government" qualify something else; "New Mexico",
    "Washington Post", "Armenian Apostolic Church" are parts of longer names that the
    dictionaries do not hold, and so is a known surname after an unknown first name.
    """
    before = doc[max(atom.start - 2, 0) : atom.start]
    if len(before) == 2 and before[1].text == "-" and before[0].lower_ in ("pro", "anti"):
        return False
    if atom.entry.category in PLACE_WORDS:
        if _inside_longer_entity(doc, atom.start, covered):
            return False
        neighbours = [atom.start - 1, atom.end]
    elif atom.entry.category == "person":
        # "Hafez al-Assad", "Ivanka Trump": a first name the dictionary does not pair
        # with this surname is someone else.
        neighbours = [atom.start - 1]
    else:
        return True
    return not any(
        _is_unknown_name(doc[i]) for i in neighbours if 0 <= i < len(doc) and i not in covered
    )


def _inside_longer_entity(doc: Doc, start: int, covered: set[int]) -> bool:
    """ "South American", "Latin American", "West African": the named entity began with a
    word that makes a region of the country word (``region_words``), and the dictionaries
    do not hold the whole ("South African" they do). "Shiite Iraqi militias" stay Iraqi."""
    if start == 0 or doc[start].ent_iob_ != "I" or start - 1 in covered:
        return False
    before = doc[start - 1]
    return before.text[:1].isupper() and before.lower_ in REGION_WORDS


def _is_unknown_name(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.lower_ not in NAME_NEUTRAL
        and token.ent_type_ not in TIME_ENTITIES
    )
