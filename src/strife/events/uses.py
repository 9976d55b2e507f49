"""Which use of its word a trigger row's flag asks for (data/events/triggers.tsv).

A row may fire only for some uses of its word: done by protesters or by armed men (flags
"crowd", "armed"), an act ahead its speaker warns of ("ahead"), a warning of the warner's
own act ("warning"), naming something a wrong ("label"), setting someone free rather than
publishing ("custody"), reaching an accord rather than sharing a view ("accord"). Each
flag is read here, by one question about the parse around the word.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from strife.events.lexicon import WORDS, EventLexicon, TriggerSpec
from strife.events.markers import warned_of, warns_of_own_act
from strife.events.unresolved import counted
from strife.syntax import CLAUSAL_MODIFIER_DEPS, NOUN_POS, antecedent, subjects

# The words are in data/events/words.json, each list with why it is there.
# The doers a flagged row fires for ("crowd": "protesters gathered"; "armed": "rebels
# entered Goma").
DOER_NOUNS = {"crowd": WORDS["crowd_nouns"], "armed": WORDS["armed_nouns"]}
JUDGEMENTS = WORDS["judgements"]
PUBLISHED_THINGS = WORDS["published_things"]


def flags_allow(token: Token, spec: TriggerSpec) -> bool:
    """Whether every flag of the row allows this use of its word."""
    flags = spec.flags
    return (
        _doer_ok(token, spec)
        and ("ahead" not in flags or warned_of(token))
        and ("warning" not in flags or warns_of_own_act(token))
        and ("label" not in flags or bool(JUDGEMENTS & set(_label_words(token))))
        and ("custody" not in flags or not publishes(token))
        and ("accord" not in flags or not shares_a_view(token))
    )


def ruled_out(verb: Token, lexicon: EventLexicon) -> bool:
    """A verb a row's flag turns down in this use is no event of its own, learned or not:
    publishing ("released a joint statement", flag "custody": what the text says is the
    event) or sharing a view ("agreed with him", flag "accord")."""
    flags = {flag for spec in lexicon.lookup(verb.lemma_, "VERB") for flag in spec.flags}
    return ("custody" in flags and publishes(verb)) or ("accord" in flags and shares_a_view(verb))


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


def shares_a_view(verb: Token) -> bool:
    """ "I agree with him", "agreed with the Senate that the law should change": agreeing
    with someone, with nothing agreed to or on (no open complement, object or other
    preposition), shares their view; it reaches no accord."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    if "with" not in preps or preps - {"with"}:
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
