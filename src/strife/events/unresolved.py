"""Participants the dictionaries do not know: the noun phrase itself, uncoded.

When no actor mention fills a role, the words that fill it still say who or what the event
involves ("the ACLU sued Siemens", "Baghdad rejected the referendum"). Such a participant is
an :class:`ActorRef` with no code, sector or name, spanning its noun phrase, so that every
role still points at its words and a user can see what the dictionaries missed.

An actor must be a name (a proper noun, or a person, organisation, nationality or
geopolitical entity to the parser): "the attack killed five" has no actor. A recipient may
be any plural noun phrase or one with a determiner, possessor or number that is not itself a
number, a date or an amount ("rejected the referendum", "freed activists"; not "called for
restraint"). A count of people stands for the people counted ("thousands of Iraqi Kurds").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from strife.events.lexicon import WORDS
from strife.records import ActorRef
from strife.syntax import NAMED_ENTITIES, NOT_PARTICIPANTS, NOUN_POS, PHRASE_TAIL, with_conjuncts

# Nouns that fill a role slot without being a participant (data/events/words.json).
EMPTY_NOUNS = WORDS["empty_nouns"]
# Nouns that count or gather people ("thousands of", "a group of").
OF_NOUNS = WORDS["of_nouns"]


def unresolved_refs(doc: Doc, tokens: Iterable[Token], named_only: bool) -> tuple[ActorRef, ...]:
    """Uncoded participants for the role tokens that qualify, conjuncts included."""
    out: dict[tuple[int, int], ActorRef] = {}  # one participant a phrase
    for token in tokens:
        for member in with_conjuncts(counted(token)):
            if _qualifies(member, named_only):
                ref = _phrase_ref(doc, member)
                out.setdefault((ref.start, ref.end), ref)
    return tuple(out.values())


def counted(token: Token) -> Token:
    """What a number of people is a number of: "Kurds" in "thousands of Iraqi Kurds"."""
    if token.lower_ not in OF_NOUNS and not token.like_num and token.ent_type_ != "CARDINAL":
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return token


def _qualifies(token: Token, named_only: bool) -> bool:
    if token.pos_ not in NOUN_POS or token.like_num or token.is_punct:
        return False
    if token.ent_type_ in NOT_PARTICIPANTS or token.lemma_.lower() in EMPTY_NOUNS:
        return False
    if is_named(token):
        return True
    return not named_only and _determined(token)


def _determined(noun: Token) -> bool:
    """A plural, or a thing with a determiner, possessor or number ("the referendum", "its
    blockade"), not a bare mass noun ("support", "restraint")."""
    if noun.tag_ in ("NNS", "NNPS"):  # "freed activists", "arrested protesters"
        return True
    return any(c.dep_ in ("det", "poss", "nummod", "predet") for c in noun.children)


def is_named(token: Token) -> bool:
    """A proper noun, a person, organisation, nationality or state to the parser, or a
    noun a proper name qualifies or follows ("Kismayo airport", "the TMC government", "his
    deputy Jacob Zuma", "Ibo traditional elders")."""
    if token.pos_ == "PROPN" or token.ent_type_ in NAMED_ENTITIES:
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "appos", "nmod") and c.pos_ == "PROPN" for c in token.children
    )


def _phrase_ref(doc: Doc, head: Token) -> ActorRef:
    """The head noun with its modifiers on the left and name parts on the right."""
    start = head.i
    for child in head.lefts:
        start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        # "his deputy Jacob Zuma": a name right after the noun is part of the phrase.
        named = child.dep_ == "appos" and child.pos_ == "PROPN"
        if (child.dep_ in PHRASE_TAIL or named) and child.left_edge.i == end:
            end = child.right_edge.i + 1
    while start < head.i and doc[start].is_punct:
        start += 1
    span = doc[start:end]
    return ActorRef(span.text, None, None, None, span.start_char, span.end_char)
