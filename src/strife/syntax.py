"""How the rule stages read a parse.

The dependency labels, part-of-speech tags and entity labels the rules of the actor, claim,
casualty and event stages look for are spaCy's grammar, named here once; so are the small
helpers over tokens that several stages use (a verb's subjects, a preposition's objects, a
token with its conjuncts, whether a verb is passive). The words those rules match are data
(:mod:`strife.datafiles`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from strife.nlp import CONJUNCTIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# --- dependency labels ----------------------------------------------------------------

#: Subjects of an active verb: who does it ("Russia launched", "what they said shows").
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Subjects of either voice, the passive one included ("the plane was allowed to land").
ANY_SUBJECT_DEPS = SUBJECT_DEPS | {"nsubjpass"}
#: Noun subjects of either voice: who a sentence is about (pronoun antecedents).
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Clauses that share the subject of the verb they hang on when they name none ("met Erdogan
# and praised him", "called Erdogan, urging him").
SUBJECTLESS_DEPS = frozenset({"conj", "advcl", "xcomp"})
#: Clauses a verb takes as its complement ("pledged not to target", "said it would").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
#: Clauses that describe a noun ("the pact that was signed", "threats made by").
CLAUSAL_MODIFIER_DEPS = frozenset({"acl", "relcl"})
#: Dependents that are part of a noun phrase's name ("Russian warplanes", "the EU envoy").
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "appos"})
#: Dependents of a noun trigger that say whose it is ("Russia's attack", "the Gaza attack").
NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
#: Where a participant near a trigger may stand (``Resolver.nearby``).
NEAR_DEPS = frozenset({"dobj", "pobj", "iobj", "dative", "conj", "appos", "attr", "oprd"})
#: What a content-taking event's anchor holds its content by ("agreed to cease shelling",
#: "called for the release", "demanded a halt").
EVENT_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "prep", "dobj"})
#: What a verb of saying holds what it says by ("said (that) E", "E, he said", "denied it").
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
#: Edges that leave a trigger's own clause: its subject and the clauses it heads.
CLAUSE_EDGES = frozenset(
    {
        "nsubj",
        "csubj",
        "nsubjpass",
        "advcl",
        "relcl",
        "parataxis",
        "ccomp",
        "mark",
        "punct",
        "agent",
        "cc",
    }
)
#: Dependents right of a head noun that still belong to its phrase ("Yerevan airport").
PHRASE_TAIL = frozenset({"compound", "flat", "nummod", "amod"})
#: Where the victims of a casualty word stand ("killed 12 people", "12 people were killed").
VICTIM_DEPS = frozenset({"nsubjpass", "dobj", "nsubj", "pobj", "attr", "conj", "appos"})
#: Where a clause's parties stand: its doer, its passive subject and its object ("no
#: soldiers were killed", "police arrested nobody", "protesters who blocked a road").
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: Auxiliaries of either voice ("will meet", "will be sent").
AUX_DEPS = frozenset({"aux", "auxpass"})
#: A passive verb has one of these ("was attacked", "the town was shelled").
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})

# --- parts of speech and tags ---------------------------------------------------------

NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB"})
#: Verbs and auxiliaries: what carries a clause ("is", "has", "launched").
VERBAL_POS = frozenset({"VERB", "AUX"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
#: Relative pronouns ("who", "that", "which"): they stand for the noun a clause describes.
RELATIVE_TAGS = frozenset({"WDT", "WP"})

# --- entity labels --------------------------------------------------------------------

#: A person, organisation, nationality or geopolitical entity: a name to the parser.
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Numbers, dates and amounts: never a participant.
NOT_PARTICIPANTS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
#: Times: "on Saturday" says when, not who or what.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Places: countries and towns, regions and features, buildings and sites.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: What a capitalised proper noun is when it is not part of a person's name.
NOT_PERSON_ENTITIES = PLACE_ENTITIES | TIME_ENTITIES
#: Amounts: "provided $40 million for assistance".
AMOUNT_ENTITIES = frozenset({"MONEY", "CARDINAL", "QUANTITY"})


# --- helpers over tokens --------------------------------------------------------------


def children_with(token: Token, deps: Collection[str]) -> list[Token]:
    """The children of ``token`` whose dependency label is one of ``deps``, in order."""
    return [c for c in token.children if c.dep_ in deps]


def subjects(verb: Token) -> list[Token]:
    """The active subjects of ``verb`` (:data:`SUBJECT_DEPS`)."""
    return children_with(verb, SUBJECT_DEPS)


def is_verb(token: Token) -> bool:
    """A verb by its part of speech, or by its tag when the parser calls it something else
    (but not an auxiliary)."""
    return token.pos_ in VERB_POS or (token.tag_ in VERB_TAGS and token.pos_ != "AUX")


def own_clause_conjuncts(verb: Token) -> list[Token]:
    """Verbs coordinated with ``verb`` that have a doer of their own ("X destroyed a tower,
    and Hamas fired rockets"): clauses of their own, not part of ``verb``'s.

    A passive conjunct ("a soldier was killed and two others wounded when...") goes on
    telling the same event, and so does one whose auxiliary is left out ("and three
    wounded", which the parser gives a subject). A conjunct with no coordinating word
    before it is most often a misparse ("sanctions, including travel bans and asset
    freezes, on ...", "equipment Armenia has obtained").
    """
    coordinators = [c.i for c in verb.children if c.dep_ == "cc"]
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and is_verb(c)
        and any(verb.i < i < c.i for i in coordinators)
        and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        and (c.tag_ != "VBN" or any(g.dep_ in AUX_DEPS for g in c.children))
    ]


def coordinated_apart(a: Token, b: Token) -> bool:
    """Whether ``a`` and ``b`` lie in different clauses of a coordination whose clauses have
    doers of their own (:func:`own_clause_conjuncts`): "[X destroyed a tower], and [Hamas
    fired rockets]"."""
    return _own_conjunct_path(a) != _own_conjunct_path(b)


def own_clause_span(sent: Span, token: Token) -> Span:
    """The part of ``sent`` that is ``token``'s own clause when ``sent`` coordinates clauses
    with doers of their own ("[X destroyed a tower], and [Hamas fired rockets]"), without the
    other clauses and the words that join them; ``sent`` itself otherwise."""
    conjuncts = [c for v in sent if is_verb(v) for c in own_clause_conjuncts(v)]
    if not conjuncts:
        return sent
    inside = [c for c in conjuncts if c.i == token.i or c.is_ancestor(token)]
    start, end = sent.start, sent.end
    if inside:
        own = min(inside, key=lambda c: c.right_edge.i - c.left_edge.i)
        start, end = own.left_edge.i, own.right_edge.i + 1
    for other in conjuncts:
        if other in inside or not (start <= other.left_edge.i and other.right_edge.i < end):
            continue
        if other.left_edge.i > token.i:
            end = min(end, other.left_edge.i)
        else:
            start = max(start, other.right_edge.i + 1)
    doc = sent.doc
    while end - start > 1 and doc[end - 1].dep_ in ("cc", "punct"):
        end -= 1
    return doc[start:end]


def _own_conjunct_path(token: Token) -> frozenset[int]:
    path = set()
    for node in (token, *token.ancestors):
        if node.dep_ == "conj" and node in own_clause_conjuncts(node.head):
            path.add(node.i)
    return frozenset(path)


def is_passive(verb: Token) -> bool:
    """'was attacked', 'the town was shelled': a passive auxiliary or subject."""
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def is_infinitive(verb: Token) -> bool:
    """'to cease shelling', 'to lift sanctions': a verb with the infinitive's "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def lone_conjunct(doc: Doc, start: int, words: Collection[str]) -> int | None:
    """ "North and South Korea": the index of a lone capitalised word of ``words`` ("North")
    joined by a conjunction to the name that opens at ``start`` with another of them, which
    the lone word shares; None when there is none."""
    if start < 2 or doc[start].lower_ not in words:
        return None
    lone, joint = doc[start - 2], doc[start - 1]
    if joint.lower_ in CONJUNCTIONS and lone.lower_ in words and lone.is_title:
        return lone.i
    return None


def with_conjuncts(token: Token) -> list[Token]:
    """``token`` and the words joined to it ("Armenia and Azerbaijan"); a conjunct alone
    stands for itself. A list the parse hangs on its first item as an apposition ("Saudi
    Arabia, [the UAE], [Bahrain] and [Egypt]") counts whole (:func:`is_listed_apposition`)."""
    if token.dep_ == "conj":
        return [token]
    members = [token, *token.conjuncts]
    for child in token.children:
        if is_listed_apposition(child):
            members.extend((child, *child.conjuncts))
    return members


def is_listed_apposition(token: Token) -> bool:
    """An apposition that opens a coordination of its own ("the Divisional Commissioner,
    [the District Collector and representatives of the dealers]"): the parse's reading of
    a list of three or more, not a second name for its head; one in parentheses
    ("the Asean Plus Three Framework (Japan, South Korea and China)") names its members."""
    if token.dep_ != "appos" or not any(c.dep_ == "conj" for c in token.children):
        return False
    before = token.left_edge.i - 1
    return before < 0 or token.doc[before].text != "("


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition; for a clause ("an attack on the government calling it
    anti-people", parsed as "on [the government calling it]"), its subject."""
    objects: list[Token] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            objects.append(child)
        elif child.dep_ == "pcomp":
            found = [c for c in subjects(child) if c.pos_ != "PRON"]
            objects.extend(found or [child])
    return objects


def relative_pronoun(clause: Token) -> Token | None:
    """The pronoun by which a relative clause names the noun it describes as one of its
    parties ("who" in "the Christians, who were targeted by Isis"), or None."""
    if clause.dep_ != "relcl":
        return None
    return next(
        (c for c in clause.children if c.tag_ in RELATIVE_TAGS and c.dep_ in PARTY_DEPS), None
    )


def phrase_chars(token: Token) -> tuple[int, int]:
    """The character offsets [start, end) of the phrase ``token`` heads (its subtree)."""
    last = token.right_edge
    return token.left_edge.idx, last.idx + len(last.text)


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("protesters who blocked a road": "who" is
    the protesters); any other token is itself."""
    clause = token.head
    if token.tag_ in RELATIVE_TAGS and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return token


def first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` is joined to ("attacked and looted": attacked);
    ``token`` itself when it is the first or stands alone."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def clause_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token``: the verb of its clause; None when there is none."""
    return next((w for w in (token, *token.ancestors) if is_verb(w)), None)


def fronted_phrases(token: Token, preps: Collection[str]) -> set[int]:
    """Tokens of the phrases that open a coordination of clauses and so scope over all of
    them ("In Yerevan, protesters gathered, and police detained dozens"): the phrases of
    ``preps`` before the first conjunct's verb, for a word in a later conjunct. Empty when
    ``token``'s clause is the first or stands alone."""
    verb = clause_verb(token)
    if verb is None:
        return set()
    first = first_conjunct(verb)
    if first.i == verb.i:
        return set()
    return {
        t.i
        for child in first.children
        if child.dep_ == "prep" and child.i < first.i and child.lower_ in preps
        for t in child.subtree
    }
