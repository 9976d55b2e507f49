"""Acts told before or after another: "resigned on Tuesday, a day after police fired on
protesters", "police shot protesters [after demonstrators stormed parliament]".

A clause opened by a word of sequence ("after", "before", "since", "until") or of contrast
("while", "whereas": "warplanes pounded the suburbs, while Hezbollah fired rockets at
Safed") tells another act than the verb it hangs on when it has a doer of its own unlike
the verb's, or when a
stated number of days or weeks sets it apart ("a day after", "two weeks before"). Its
place, date and figures are not the verb's, and an act of the same type told in it is an
event of its own (:func:`strife.events.triggers.find_triggers`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from strife.dates import count_word
from strife.events.lexicon import WORDS
from strife.syntax import first_conjunct, is_passive, subjects

# The words are in data/events/words.json: words that open a clause told before or after
# another; days in a unit of "a day after", "two weeks before", by lemma; which way "after"
# and "before" move a clause from the date it borrows.
SEQUENCE_MARKS = WORDS["sequence_marks"]
# Words that open a clause setting another act beside the main one ("while", "whereas").
OTHER_ACT_MARKS = SEQUENCE_MARKS | WORDS["contrast_marks"]
UNIT_DAYS = WORDS.tables["offset_units"]
OFFSET_SIGNS = WORDS.tables["offset_directions"]


def day_offset(token: Token) -> tuple[Span, int] | None:
    """The words and the days of "a day after" / "two weeks before" heading ``token``'s
    clause, or the clause it is joined to by "and" ("a day after gunmen killed 26 men": -1),
    None where no such words do. The parser hangs the unit on the clause's verb, or the
    clause on the unit ("voted to impose martial law, a day <- after boats seized ...")."""
    doc = token.doc
    token = first_conjunct(token)  # "a day after Belarus forced a jet to land and arrested ..."
    marks = [c for c in token.children if c.dep_ in ("mark", "prep") and c.lower_ in OFFSET_SIGNS]
    units = [c for c in token.children if c.dep_ == "npadvmod" and c.lemma_.lower() in UNIT_DAYS]
    if not units and token.dep_ == "advcl" and token.head.lemma_.lower() in UNIT_DAYS:
        units = [token.head]
    if not marks or not units or not units[0].i < marks[0].i:
        return None
    unit, mark = units[0], marks[0]
    counts = [c for c in unit.children if c.dep_ in ("nummod", "det") and c.i < unit.i]
    count = count_word(counts[0].text) if counts else None
    if count is None:
        return None  # "days after": how many is not said
    days = count * UNIT_DAYS[unit.lemma_.lower()] * OFFSET_SIGNS[mark.lower_]
    return doc[counts[0].i : mark.i + 1], days


def other_act_clauses(verb: Token) -> list[Token]:
    """Clauses under ``verb`` that tell an earlier or later act (see the module docstring):
    opened by a word of sequence, with an active subject unlike any of ``verb``'s, or of
    the verb whose doer it shares ("voted to impose martial law, a day after Russian boats
    seized three vessels"; "fired tear gas and detained 20"), or set apart by a stated
    number of days ("Jalalabad was taken by the Taliban, a day after the insurgents
    captured Mazar-i-Sharif"). Without such a number, not when ``verb`` names no doer
    ("five people were killed after gunmen opened fire": the same event, told from its
    victims)."""
    doers = {s.lemma_.lower() for s in subjects(_doer_verb(verb))}
    return [
        c
        for c in verb.subtree
        if c.dep_ == "advcl"
        and c.i != verb.i
        and any(m.dep_ == "mark" and m.lower_ in OTHER_ACT_MARKS for m in c.children)
        and (
            (doers and any(s.lemma_.lower() not in doers for s in subjects(c)))
            or day_offset(c) is not None
        )
    ]


def in_other_act(outer: Token, inner: Token, *, days_apart: bool = False) -> bool:
    """``inner`` lies in a clause that tells another act than ``outer``'s; with
    ``days_apart``, one a stated number of days sets apart ("a day after")."""
    return any(
        (c.i == inner.i or c.is_ancestor(inner)) and (not days_apart or day_offset(c) is not None)
        for c in other_act_clauses(outer)
    )


def enclosing_other_act(token: Token) -> Token | None:
    """The clause telling another act than the verb above it that ``token`` lies in
    ("Iraq recalled its ambassador, after Iran's Guards fired missiles at Erbil": "fired"
    for any word of that clause), None where there is none."""
    for above in token.ancestors:  # nearest first
        for clause in other_act_clauses(above):
            if clause.i == token.i or clause.is_ancestor(token):
                return clause
    return None


def _doer_verb(verb: Token) -> Token:
    """The verb that names ``verb``'s doer: itself, or the verb an infinitive or a
    conjunct without a subject of its own hangs on ("voted to impose", "fired and
    detained"); a passive names none."""
    current = verb
    while (
        not subjects(current)
        and not is_passive(current)
        and current.dep_ in ("xcomp", "conj")
        and current.head.i != current.i
    ):
        current = current.head
    return current
