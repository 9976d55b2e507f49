"""Which use of its word a trigger row's flag asks for (data/events/triggers.tsv).

A row may fire only for some uses of its word: done by protesters or by armed men (flags
"crowd", "armed"), an act ahead its speaker warns of ("ahead"), a warning of the warner's
own act ("warning"), naming something a wrong ("label"), setting someone free rather than
publishing ("custody"), reaching an accord rather than sharing a view ("accord"), a truce
carried out rather than declared ("in_force"). Each flag is read here, by one question about
the parse around the word.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Token

from strife.events.lexicon import WORDS, EventLexicon, TriggerSpec
from strife.events.markers import warned_of, warns_of_own_act
from strife.events.unresolved import counted
from strife.syntax import (
    CLAUSAL_MODIFIER_DEPS,
    NOUN_POS,
    SUBJECT_DEPS,
    antecedent,
    is_infinitive,
    subjects,
)

# The words are in data/events/words.json, each list with why it is there.
# The doers a flagged row fires for ("crowd": "protesters gathered"; "armed": "rebels
# entered Goma").
DOER_NOUNS = {"crowd": WORDS["crowd_nouns"], "armed": WORDS["armed_nouns"]}
JUDGEMENTS = WORDS["judgements"]
PUBLISHED_THINGS = WORDS["published_things"]
IN_FORCE = WORDS["in_force"]
VIEW_PREPS = WORDS["view_preps"]


def flags_allow(token: Token, spec: TriggerSpec) -> bool:
    """Whether every flag of the row allows this use of its word."""
    flags = spec.flags
    return (
        _doer_ok(token, spec)
        and ("ahead" not in flags or warned_of(token))
        and ("warning" not in flags or warns_of_own_act(token))
        and ("label" not in flags or bool(JUDGEMENTS & set(_label_words(token))))
        and ("in_force" not in flags or in_force(token))
        and not _turned_down(token, flags)
    )


def ruled_out(verb: Token, lexicon: EventLexicon) -> bool:
    """A verb a row's flag turns down in this use is no event of its own, learned or not
    (:func:`_turned_down`)."""
    flags = {flag for spec in lexicon.lookup(verb.lemma_, "VERB") for flag in spec.flags}
    return _turned_down(verb, flags)


def _turned_down(verb: Token, flags: Collection[str]) -> bool:
    """Whether one of ``flags`` turns this use of the verb down: publishing ("released a
    joint statement", flag "custody": what the text says is the event), sharing a view
    ("agreed with him", flag "accord") or trying an act ("sought to limit", flag
    "attempt")."""
    return (
        ("custody" in flags and publishes(verb))
        or ("accord" in flags and shares_a_view(verb))
        or ("attempt" in flags and tries(verb))
    )


def _doer_ok(verb: Token, spec: TriggerSpec) -> bool:
    """A row flagged "crowd" fires only when protesters do it ("thousands of protesters
    gathered", "protesters who stormed parliament", "rioters torched cars and looted
    shops"), one flagged "armed" only when armed men do ("M23 rebels entered Goma",
    "troops backed by tanks crossed into the region")."""
    nouns = [DOER_NOUNS[flag] for flag in spec.flags & DOER_NOUNS.keys()]
    if not nouns:
        return True
    doers = subjects(verb)
    if not doers and verb.dep_ == "conj":
        doers = subjects(verb.head)
    if verb.dep_ in CLAUSAL_MODIFIER_DEPS:
        doers = [verb.head]
    return any(counted(d).lower_ in words for d in doers for words in nouns)


def tries(verb: Token) -> bool:
    """ "sought to limit its war aims", "seeks to keep militias away": an infinitive complement
    makes the verb "try" (flag "attempt"), and the act tried, not a request, is the event."""
    return any(c.dep_ == "xcomp" and is_infinitive(c) for c in verb.children)


def shares_a_view(verb: Token) -> bool:
    """ "I agree with him", "agreed with the Senate that the law should change": agreeing
    with someone, with nothing agreed to or on (no open complement, object or other
    preposition), shares their view; it reaches no accord."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    if not preps & VIEW_PREPS or preps - VIEW_PREPS:
        return False
    return not any(c.dep_ in ("xcomp", "dobj", "attr") for c in verb.children)


def publishes(token: Token) -> bool:
    """What the word (flag "custody") lets out is a text, a record or pictures
    (``published_things``), published rather than set free: "released a joint statement",
    "the photos it released", "footage released by the army", "the release of the report"."""
    if token.pos_ in NOUN_POS:
        things = [o for c in token.children if c.lower_ == "of" for o in c.children]
    else:
        things = [antecedent(c) for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ in CLAUSAL_MODIFIER_DEPS and token.tag_ == "VBN":
            things.append(token.head)  # "a report released on Tuesday"
    return any(t.lemma_.lower() in PUBLISHED_THINGS for t in things)


def _label_words(verb: Token) -> Iterable[str]:
    """What a verb of naming calls its object: "called the detention a coup", "described the
    move as a betrayal", and with one object parsed, "called the mutiny treason". Nothing
    for a phrasal verb ("called off the attack")."""
    children = list(verb.children)
    if any(c.dep_ == "prt" for c in children):
        return
    named = [c for c in children if c.dep_ == "oprd"]
    named += [g for c in children if c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    for noun in named or [c for c in children if c.dep_ == "dobj"]:
        yield from (noun.lemma_.lower(), noun.lower_)


def in_force(noun: Token) -> bool:
    """A truce carried out, not declared (flag "in_force"): it holds, begins or takes effect
    ("the ceasefire took effect", "a truce that began at 2 a.m.", "the truce appeared to be
    holding", "the ceasefire, in force since August, would stay in place"), by what the verb
    whose subject it is says (``in_force`` in words.json), or a relative clause on it, or the
    noun's own "in force"."""
    verbs = [c for c in noun.children if c.dep_ == "acl" or _relative_on(c)]
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(noun.head)
        verbs += [c for c in noun.head.children if c.dep_ == "xcomp"]
    return bool(_preposition_phrases(noun) & IN_FORCE) or any(
        _verb_phrases(verb) & IN_FORCE for verb in verbs
    )


def _relative_on(clause: Token) -> bool:
    """A relative clause whose subject stands for the noun it describes ("a truce that
    began")."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in SUBJECT_DEPS and antecedent(c).i == clause.head.i for c in clause.children
    )


def _verb_phrases(verb: Token) -> set[str]:
    """A verb's lemma, with its object ("take effect") and with each preposition and its
    object ("come into force")."""
    lemma = verb.lemma_.lower()
    objects = {f"{lemma} {c.lemma_.lower()}" for c in verb.children if c.dep_ == "dobj"}
    return {lemma} | objects | {f"{lemma} {p}" for p in _preposition_phrases(verb)}


def _preposition_phrases(token: Token) -> set[str]:
    return {
        f"{prep.lower_} {obj.lemma_.lower()}"
        for prep in token.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj"
    }
