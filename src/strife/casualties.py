"""Casualty figures: how many were killed, injured or arrested, with the words that say so.

``Count.min`` is the figure the text states ("more than 1,200" -> 1200, "at least 12" ->
12); the qualifier stays in ``Count.text`` so nothing is lost. Vague quantities get the
smallest number they can mean: "a" or "one" -> 1, "a few" / "two" -> 2, "several" -> 3,
"a dozen" -> 12, "dozens" -> 24, "scores" -> 40, "hundreds" -> 200, "thousands" -> 2000.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from strife.datafiles import data_file, read_words
from strife.records import Casualties, Count
from strife.syntax import VICTIM_DEPS, prep_objects

# The words and numbers are in data/casualties.json, each with why it is there.
_WORDS = read_words(
    data_file("casualties.json"),
    "the casualty word lists",
    ("killed", "injured", "arrested", "lives", "counted_plurals", "not_people"),
    tables=("word_numbers", "scale"),
)
KILLED = _WORDS["killed"]
INJURED = _WORDS["injured"]
ARRESTED = _WORDS["arrested"]
LIVES = _WORDS["lives"]
COUNTED_PLURALS = _WORDS["counted_plurals"]
NOT_PEOPLE = _WORDS["not_people"]
WORD_NUMBERS = _WORDS.tables["word_numbers"]
SCALE = _WORDS.tables["scale"]
_COMPLETING_DEPS = frozenset({"oprd", "acomp", "xcomp"})
_NUMBER_DEPS = frozenset({"nummod", "amod", "det", "quantmod", "compound"})
NUMBER_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
DECIMAL_RE = re.compile(r"^\d+\.\d+$")


def count_casualties(tokens: Iterable[Token]) -> Casualties:
    """Casualties named among ``tokens`` (a clause or a sentence)."""
    found: dict[str, Count] = {}
    for token in tokens:
        kind = _kind(token)
        if kind is None or kind in found:
            continue
        count = _count_near(token)
        if count is not None:
            found[kind] = count
    return Casualties(
        dead=found.get("dead"), injured=found.get("injured"), arrested=found.get("arrested")
    )


def _kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in KILLED or (lemma == "claim" and _has_object(token, LIVES)):
        return "dead"
    if lemma in INJURED:
        return "injured"
    if lemma in ARRESTED and (lemma != "round" or _has_particle(token, "up")):
        return "arrested"
    return None


def _has_object(token: Token, lemmas: frozenset[str]) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lemmas for c in token.children)


def _has_particle(token: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in token.children)


def _count_near(trigger: Token) -> Count | None:
    """The number of the victims: on the trigger's subject/object, or the trigger itself."""
    candidates = [trigger]
    victims = [c for c in trigger.children if c.dep_ in VICTIM_DEPS]
    if any(c.dep_ == "dobj" for c in victims):
        # "A huge explosion killed 78 people": the subject of an active verb with an
        # object is what killed, not whom.
        victims = [c for c in victims if c.dep_ != "nsubj"]
    if not victims and trigger.dep_ == "conj" and not _joined_by_or(trigger.head):
        # "Fico was shot several times and seriously wounded": the victims of the verb it is
        # joined to ("20 people were killed or wounded" are not 20 of each)
        victims = [c for c in trigger.head.children if c.dep_ == "nsubjpass"]
    candidates += victims
    if trigger.dep_ in ("amod", "acl", "relcl") or trigger.pos_ == "ADJ":
        candidates.append(trigger.head)  # "12 dead", "people killed"
    if trigger.pos_ == "ADJ" and trigger.dep_ in _COMPLETING_DEPS:
        # "shot dead 90 protesters", "five were found dead": the verb's victims
        candidates += [c for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass")]
    for noun in candidates:
        figure = _figure(noun)
        if figure is not None:
            return _with_conjuncts(noun, *figure)
    return _one_named(victims)


def _joined_by_or(verb: Token) -> bool:
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children)


def _one_named(victims: list[Token]) -> Count | None:
    """ "Prime Minister Robert Fico was shot", "gunmen killed Ahmed Salah": one named person
    is a figure of one (not when others are joined to the name: "Ali and Omar were hurt")."""
    for noun in victims:
        named = noun.ent_type_ == "PERSON" and noun.tag_ == "NNP" and not noun.conjuncts
        if named and noun.dep_ in ("nsubjpass", "dobj"):
            name = next((e for e in noun.doc.ents if e.start <= noun.i < e.end), None)
            return Count(min=1, text=name.text if name is not None else noun.text)
    return None


def _figure(noun: Token) -> tuple[Token, Count] | None:
    """The word that gives ``noun``'s number and the figure it reads as, or None."""
    number = _number_token(noun)
    count = _count(number) if number is not None else None
    return (number, count) if number is not None and count is not None else None


def _number_token(noun: Token) -> Token | None:
    """The word that gives ``noun``'s number: a numeral on it, or the noun itself ("dozens
    of people", "12 were killed")."""
    for child in noun.children:
        counts = child.dep_ != "compound" or child.tag_ == "CD"  # "Twenty-one people"
        if child.dep_ in _NUMBER_DEPS and counts and _value(child) is not None:
            return child
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in WORD_NUMBERS:
            return noun  # "dozens of people"
    if noun.pos_ == "NUM" and _value(noun) is not None:
        return noun
    return None


def _with_conjuncts(noun: Token, number: Token, count: Count) -> Count:
    """ "killed at least 60 Afghans and 13 U.S. troops": the figures of the victims joined
    to ``noun`` add up, and the words say all of them."""
    total, last = count.min, noun
    for other in noun.conjuncts:
        figure = _figure(other) if _people(other) and other.i > noun.i else None
        if figure is not None:
            total, last = total + figure[1].min, other
    if last is noun:
        return count
    span = noun.doc[_first_word(number) : last.i + 1]
    return Count(min=total, text=span.text)


def _people(noun: Token) -> bool:
    """Not a count of animals or things ("300,000 head of livestock")."""
    of_objects = [
        o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)
    ]
    return all(t.lemma_.lower() not in NOT_PEOPLE for t in [noun, *of_objects])


def _first_word(number: Token) -> int:
    """Where the words of a figure begin: its qualifiers ("at least", "more than")."""
    return min([number.i, *(c.i for c in number.subtree if c.i <= number.i)])


def _count(number: Token) -> Count | None:
    value = _value(number)
    if value is None:
        return None
    for child in number.children:
        if child.dep_ != "compound":
            continue
        part = _value(child) if not DECIMAL_RE.match(child.text) else float(child.text)
        if child.lower_ in SCALE:
            value *= SCALE[child.lower_]  # "1.5" "million" parsed the other way round
        elif number.lower_ in SCALE and part is not None and part < value:
            value = int(part * SCALE[number.lower_])  # "Two hundred", "1.5 million"
        elif _is_tens(child) and 0 < value < 10:
            value += WORD_NUMBERS[child.lower_]  # "Thirty-three": "Thirty" "-" "three"
    first = _first_word(number)
    span = number.doc[first : number.i + 1]
    if number.head.lower_ in COUNTED_PLURALS:
        span = number.doc[first : number.head.i + 1]
    return Count(min=value, text=span.text)


def _is_tens(token: Token) -> bool:
    """A tens word ("twenty" ... "ninety") written before a unit with a hyphen."""
    value = WORD_NUMBERS.get(token.lower_, 0)
    return 20 <= value <= 90 and value % 10 == 0 and token.nbor(1).text == "-"


def _value(token: Token) -> int | None:
    text = token.lower_
    if NUMBER_RE.match(text):
        return int(text.replace(",", ""))
    if text in SCALE and text not in WORD_NUMBERS:
        return SCALE[text]  # "million"
    if text in WORD_NUMBERS and (text not in ("a", "an") or token.head.tag_ in ("NN", "NNP")):
        return WORD_NUMBERS[text]
    return None
