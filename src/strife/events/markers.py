"""What PLOVER adds to an event type: its mode, its contexts and its auxiliary marker.

Auxiliary markers say whether the event happened as reported: ``negation`` ("did not
attack"), ``future`` ("will meet"), ``hypothetical`` ("if troops cross", "could strike",
"weighing whether to send frigates", "is considering sending aid", "urged them to
withdraw") and ``historical`` ("the 1992 war", "agreed in 2007"). They are read from the
trigger's own clause; a historical date anywhere in the sentence marks events that have
no date of their own. The words they read are in ``data/events/markers.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from strife.claims import SPEECH_VERBS
from strife.datafiles import data_file, read_words
from strife.events.lexicon import WORDS, Cue, EventLexicon
from strife.nlp import doc_text
from strife.plover import EventType
from strife.records import Aux, DateMention
from strife.syntax import (
    AUX_DEPS,
    NOUN_POS,
    PARTY_DEPS,
    VERBAL_POS,
    first_conjunct,
    is_infinitive,
)

_LISTS = (
    "negators",
    "nobody",
    "future_aux",
    "hypothetical_aux",
    "reported_future_aux",
    "obliging_verbs",
    "refusing_aux",
    "demanding_aux",
    "conditional_marks",
    "deliberating",
    "requesting",
    "plan_verbs",
    "willing",
    "wishing_verbs",
    "deed_nouns",
    "arranged",
    "likelihood",
    "warned_responses",
    "warning_parties",
    "warned_against",
    "warned_of",
)
_WORDS = read_words(data_file("events", "markers.json"), "the marker word lists", _LISTS)
NEGATORS = _WORDS["negators"]
PROPOSALS = WORDS["proposals"]
NOBODY = _WORDS["nobody"]
FUTURE_AUX = _WORDS["future_aux"]
HYPOTHETICAL_AUX = _WORDS["hypothetical_aux"]
REPORTED_FUTURE_AUX = _WORDS["reported_future_aux"]
OBLIGING_VERBS = _WORDS["obliging_verbs"]
REFUSING_AUX = _WORDS["refusing_aux"]
DEMANDING_AUX = _WORDS["demanding_aux"]
CONDITIONAL_MARKS = _WORDS["conditional_marks"]
DELIBERATING = _WORDS["deliberating"]
REQUESTING = _WORDS["requesting"]
PLAN_VERBS = _WORDS["plan_verbs"]
WILLING = _WORDS["willing"]
WISHING_VERBS = _WORDS["wishing_verbs"]
DEED_NOUNS = _WORDS["deed_nouns"]
ARRANGED = _WORDS["arranged"]
LIKELIHOOD = _WORDS["likelihood"]
WARNED_RESPONSES = _WORDS["warned_responses"]
WARNING_PARTIES = _WORDS["warning_parties"]
WARNED_AGAINST = _WORDS["warned_against"]
WARNED_OF = _WORDS["warned_of"]
# Common nouns that, as the subject of what a warning says lies ahead, stand for the
# warner's side: its forces, or its answer ("retaliation would be swift").
_SIDE_NOUNS = WARNING_PARTIES | WARNED_RESPONSES
ASPECTUAL_VERBS = WORDS["aspectual_verbs"]
# Verbs that carry an act as their object or purpose: "launched an attack", "sent aid to
# help", "called him to discuss".
_ACT_CARRIERS = WORDS["light_verbs"] | WORDS["transfer_verbs"] | WORDS["contact_verbs"]
# An infinitive of purpose ("went there to fight") or one completing a noun ("his intention
# to withdraw").
_PURPOSE_DEPS = frozenset({"advcl", "acl"})
# What "be" says of its subject, which an infinitive after it may go on describing ("it is
# easier to bomb", "it was right to help").
_DESCRIBING_DEPS = frozenset({"acomp", "attr", "expl"})
# Words whose infinitive complement lies ahead (:func:`_planned`), and those whose
# complement may never come (:func:`_wished`): joined once, not on every call.
_PLANNING = PLAN_VERBS | WILLING
_MAY_NOT_COME = WISHING_VERBS | LIKELIHOOD
# Verbs that carry the auxiliaries of the act a warning names ("would keep paying", "will
# have to pay").
WARNING_CARRIERS = ASPECTUAL_VERBS | OBLIGING_VERBS
# How an act hangs from the verb that weighs it: "considering sending" (xcomp), "weighing
# an increase in funding" (dobj, pobj, prep), "the possibility of providing" (pcomp).
_WEIGHED_DEPS = frozenset({"xcomp", "pcomp", "dobj", "pobj", "prep"})
# How an act hangs from the verb whose modal it takes ("might decide to send", "may feel
# emboldened to launch"), and how far up that verb may be.
_COMPLEMENT_DEPS = frozenset({"xcomp", "acomp"})
_MAX_CARRIER_STEPS = 3
_MODALS = FUTURE_AUX | HYPOTHETICAL_AUX
# How an asked-for act hangs from the request: "urged Israel to withdraw" (xcomp),
# "demanded that the junta release him" (ccomp), "call on the US to lift" (advcl).
_REQUESTED_DEPS = frozenset({"xcomp", "ccomp", "advcl"})


def aux_marker(
    trigger: Token, clause: Sequence[Token], dates: Sequence[DateMention], lexicon: EventLexicon
) -> Aux | None:
    """The auxiliary marker of the event whose trigger is ``trigger``; ``lexicon`` says
    which words are acts (:func:`_unrealized_purpose`)."""
    verb = _aspect_head(_governing_verb(trigger))
    negated = _negated(trigger) or (verb is not trigger and _negated(verb))
    if negated or _failed(verb) or _no_party(verb):
        return "negation"
    if _conditional(verb) or _weighed(trigger) or _requested(verb) or _wished(verb):
        return "hypothetical"
    carrier = _modal_carrier(verb)
    auxes = {c.lower_ for c in carrier.children if c.dep_ in AUX_DEPS}
    if (
        auxes & FUTURE_AUX
        or _planned(verb)
        or (auxes & REPORTED_FUTURE_AUX and _reported_in_past(carrier))
    ):
        return "future"
    if auxes & HYPOTHETICAL_AUX or _unrealized_purpose(verb, lexicon):
        return "hypothetical"
    if _arranged(verb):  # after a modal: "the answer could be to withdraw"
        return "future"
    if any(d.historical for d in dates):
        return "historical"
    return None


def is_demanded(trigger: Token) -> bool:
    """ "must reach an agreement", "should be ready to mediate": the act is owed (one of
    ``demanding_aux`` on its verb, or on the verb it completes); said by another, it is the
    speaker's demand (the event stage reads who says it)."""
    current = _aspect_head(_governing_verb(trigger))
    for _ in range(_MAX_CARRIER_STEPS):
        if any(c.dep_ in AUX_DEPS and c.lower_ in DEMANDING_AUX for c in current.children):
            return True
        if current.dep_ not in _COMPLEMENT_DEPS or current.head.i == current.i:
            return False
        current = current.head  # "must be ready to mediate": "mediate" completes "ready"
    return False


def _modal_carrier(verb: Token) -> Token:
    """ "might decide to send troops", "could try to retake the town", "may feel emboldened
    to launch an assault": an act that is the open complement of another verb (or of an
    adjective after one, or its purpose, "to launch"), done by the same doer, is as certain
    as that verb; the first verb up the chain with a modal or "will" carries the act's
    auxiliaries. Without one, the act's own verb."""
    current = verb
    for _ in range(_MAX_CARRIER_STEPS):
        if any(c.dep_ in AUX_DEPS and c.lower_ in _MODALS for c in current.children):
            return current
        complement = current.dep_ in _COMPLEMENT_DEPS or (
            current.dep_ == "advcl" and is_infinitive(current)
        )
        if not complement or current.head.i == current.i:
            break
        current = current.head
    return verb


def _reported_in_past(verb: Token) -> bool:
    """'said it would cooperate', 'announced that troops would withdraw': "would" in what a
    past verb of saying reports is the future seen from then (not "could", and not a
    clause under "if", which :func:`_conditional` reads first, nor one on which a clause
    under "if" hangs: "said an offensive would be launched if they failed to leave")."""
    if any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
        for c in verb.children
    ):
        return False
    current = first_conjunct(verb)
    head = current.head
    return (
        current.dep_ in ("ccomp", "parataxis")
        and head.i != current.i
        and head.tag_ in ("VBD", "VBN")
        and head.lemma_.lower() in SPEECH_VERBS
    )


def warned_of(trigger: Token) -> bool:
    """'Israel would be punished', 'will have to pay the price', 'would respond to any
    attack': an act ahead that its speaker says will come, as a warning; not one asked for
    ('urged them to hold those responsible to account'), weighed or denied ('will not
    punish')."""
    verb = _aspect_head(_governing_verb(trigger), WARNING_CARRIERS)
    if _negated(trigger) or _negated(verb) or _requested(verb) or _weighed(trigger):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in AUX_DEPS}
    return bool(auxes & _MODALS) or _planned(verb)


def warns_of_own_act(verb: Token) -> bool:
    """A warning that is a threat (trigger flag "warning"): against something ("warned
    against scrapping the deal"), of the warner's own answer ("warned Israel of a crushing
    response", ``WARNED_RESPONSES``), not to do something ("warned Kyiv not to cross the
    line"), or that an act lies ahead for the warner's side to do: a clause with a modal or
    "will" whose subject is a pronoun other than a relative one, a name, a noun owned by a
    pronoun, one of ``WARNING_PARTIES`` or a response ("warned it would retaliate", "that
    Moscow could seize", "that his government would expel him", "that police will no
    longer tolerate rallies", "that retaliation would be swift"), whose object is a response
    ("that there would be costs"), or a passive ("that organisers would be arrested"). Not
    a warning of what others or events may do: "warned of the risk", "warned that threats
    of military action would only lead to chaos", "warned that 400 civilians were in
    need"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in WARNED_AGAINST:
            return True
        if child.dep_ == "prep" and child.lower_ in WARNED_OF:
            objects = (g for g in child.children if g.dep_ == "pobj")
            if any(o.lemma_.lower() in WARNED_RESPONSES for o in objects):
                return True
        if child.dep_ == "ccomp" and _own_act_ahead(child):
            return True
        if child.dep_ == "xcomp" and _negated(child):
            return True  # "warned Kyiv not to cross the line": or else
    return False


def _own_act_ahead(clause: Token) -> bool:
    auxes = [c for c in clause.children if c.dep_ in AUX_DEPS]
    if not any(a.lower_ in _MODALS for a in auxes):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
        return True
    if any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in WARNED_RESPONSES for c in clause.children
    ):
        return True  # "there would be costs", "would face consequences"
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return any(_stands_for_a_side(s) for s in subjects)


def _stands_for_a_side(subject: Token) -> bool:
    if subject.pos_ == "PRON":
        return subject.tag_ not in ("WDT", "WP")
    if subject.pos_ == "PROPN" or subject.lemma_.lower() in _SIDE_NOUNS:
        return True
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def is_refusal(trigger: Token) -> bool:
    """'will not lift the ban', "won't end the strike", 'would not meet him': a negated
    act ahead is a refusal of it; so is failing to do it ('failed to reach agreement')."""
    verb = _governing_verb(trigger)
    auxes = {c.lower_ for c in verb.children if c.dep_ in AUX_DEPS}
    return (_negated(verb) and bool(auxes & REFUSING_AUX)) or _failed(verb)


def _failed(verb: Token) -> bool:
    """'failed to reach an agreement': the act did not happen, and one side would not."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail" and verb.head.i != verb.i


def _governing_verb(token: Token) -> Token:
    """A noun trigger's verb ("launched an attack"), or the trigger itself."""
    if token.pos_ in NOUN_POS and token.dep_ in ("dobj", "nsubjpass", "pobj"):
        head = token.head if token.dep_ != "pobj" else token.head.head
        if head.pos_ in VERBAL_POS:
            return head
    return token


def _aspect_head(verb: Token, carriers: frozenset[str] = ASPECTUAL_VERBS) -> Token:
    """ "would keep targeting ships", "will continue to attack", "did not resume shelling":
    a verb that only says the act goes on carries the act's auxiliaries and negation (and,
    in a warning, one that says it is owed: "will have to pay", ``carriers``)."""
    current = verb
    while (
        current.dep_ == "xcomp"
        and current.head.i != current.i
        and current.head.lemma_.lower() in carriers
    ):
        current = current.head
    return current


def _negated(token: Token) -> bool:
    return any(
        (c.dep_ == "neg") or (c.dep_ in ("det", "advmod") and c.lower_ in NEGATORS)
        for c in token.children
    )


def _no_party(verb: Token) -> bool:
    """'No American soldiers were killed', 'police arrested nobody', 'none of them were
    hurt': the doer or the one done to is nobody, so the act did not happen. ('Killed no
    fewer than 20' is not: there 'no' qualifies the number.)"""
    return any(
        c.dep_ in PARTY_DEPS
        and (c.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in verb.children
    )


def _conditional(verb: Token) -> bool:
    current = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children):
            return True
        if current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _weighed(trigger: Token) -> bool:
    """'is considering sending aid', 'is weighing an increase in funding', 'is studying the
    possibility of providing experts': the first verb above the trigger, through its
    complements, objects and prepositions only, is a verb of deliberation."""
    current = trigger
    for _ in range(4):
        if current.dep_ not in _WEIGHED_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in VERBAL_POS:
            return current.lemma_.lower() in DELIBERATING
    return False


def _requested(verb: Token) -> bool:
    """'urged Israel to withdraw', 'demanded that the junta release him', 'call on the US
    to lift sanctions', 'a plea to talk' (``proposals`` in words.json, with an
    infinitive): the act is what a request asks for, not what happened. An adverbial
    clause counts only as an infinitive ("rallied to demand a deal to free the hostages",
    not "demanding ..., condemning ..."). A request verb with a preposition ("call on",
    "call for") asks only with it, right after the verb: "called Lavrov to discuss Syria"
    is a phone call, and the talk happened."""
    head = verb.head
    if _asked_for(verb):
        return True
    if head.i == verb.i or verb.dep_ not in _REQUESTED_DEPS:
        return False
    if verb.dep_ == "advcl" and not is_infinitive(verb):
        return False
    lemma = head.lemma_.lower()
    if lemma in REQUESTING:
        return True
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return (
        after is not None
        and after.head.i in (head.i, verb.i)
        and f"{lemma} {after.lower_}" in REQUESTING
    )


def _asked_for(verb: Token) -> bool:
    """ "issued a plea to the Taliban to talk", "rejected appeals to release her", "an
    invitation to meet": an infinitive that says what a request, an appeal or an invitation
    (``PROPOSALS``) asks for, hung on the noun or on the verb whose object the noun is."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("acl", "advcl") or not is_infinitive(verb):
        return False
    if verb.dep_ == "acl":
        return head.lower_ in PROPOSALS
    return any(c.dep_ == "dobj" and c.lower_ in PROPOSALS for c in head.children)


def _planned(verb: Token) -> bool:
    """'plans to attack', 'is expected to meet', 'is willing to withdraw', 'offered to send
    troops': the event lies ahead; so does the purpose of an act ahead ('offered to send
    agents to help with the investigation')."""
    return _completes(verb, _PLANNING)


def _unrealized_purpose(verb: Token, lexicon: EventLexicon) -> bool:
    """ "training local forces to fight Isis", "is only in Syria to fight Isis", "his
    intention to withdraw": an infinitive of purpose, or one that completes a noun, hanging
    on a word that is no act itself tells what is meant to happen, not what did. The
    purpose of an act is told with the act, as the act's content ("sent experts to
    investigate", "staged a hunger strike to protest", "telephoned Kozyrev to discuss"): an
    act in the trigger lexicon, or a verb that carries one (light, transfer and contact
    verbs). A decision or an attempt tells its act (``deed_nouns``), as "decided to" and
    "tried to" do; plans lie ahead (:func:`_planned`, read first)."""
    verb = first_conjunct(verb)  # "was there to stop Isis and help the people"
    head = verb.head
    if head.i == verb.i or verb.dep_ not in _PURPOSE_DEPS or not is_infinitive(verb):
        return False
    lemma, noun = head.lemma_.lower(), head.pos_ in NOUN_POS
    if lemma in _ACT_CARRIERS or (noun and lemma in DEED_NOUNS):
        return False
    return not lexicon.lookup(lemma, "NOUN" if noun else "VERB")


def _wished(verb: Token) -> bool:
    """'wanted to pull out', 'hoped to resume flights': a wish, which may never come true
    (an attempt is the act: 'tried to hack into'); and an act only likely, 'was likely to
    press the UK'."""
    return _completes(verb, _MAY_NOT_COME)


def _completes(verb: Token, heads: frozenset[str]) -> bool:
    """The verb is the infinitive complement of one of ``heads`` (lemmas), itself or
    through the purposes and complements it completes; or the infinitive of a noun of the
    same lemma ("plans to attack", "an offer to mediate", "her wish to return")."""
    return _completed(verb, heads) is not None


def _completed(verb: Token, heads: frozenset[str]) -> Token | None:
    """The word of ``heads`` the verb completes (:func:`_completes`), or None."""
    node = verb
    while node.head.i != node.i:
        head = node.head
        complement = node.dep_ == "xcomp" or (
            node.dep_ == "acl" and head.pos_ in NOUN_POS and is_infinitive(node)
        )
        if complement and head.lemma_.lower() in heads:
            return head
        if not (node.dep_ in ("xcomp", "advcl") and is_infinitive(node)):
            return None
        node = head
    return None


def _arranged(verb: Token) -> bool:
    """ "the Home Office is to suspend cooperation", "are due to meet", "the plan is to bomb
    them": an act arranged or aimed at lies ahead (``arranged``); not an infinitive that
    an adjective or a noun after "be" opens ("it is easier to bomb a country", "it was
    right to provide help"), which says what the act would be like."""
    head = _completed(verb, ARRANGED)
    return head is not None and not any(
        c.dep_ in _DESCRIBING_DEPS or (c.dep_ == "nsubj" and c.lower_ == "it")
        for c in head.children
    )


def refine_mode(
    event: EventType,
    mode: str | None,
    clause: Sequence[Token],
    lexicon: EventLexicon,
    trigger: Token | None = None,
) -> str | None:
    """The lexicon's mode, or the first mode whose cue words occur in the trigger's own words
    (:func:`own_words`), or else in the clause: "banned rallies and restricted access to
    social media" bans rallies (restrict) and restricts access to what is published
    (censor)."""
    if mode is not None:
        return mode
    cues = lexicon.mode_cues.get(event, ())
    own = _first_match(cues, own_words(trigger)) if trigger is not None else None
    return own or _first_match(cues, clause)


def own_words(token: Token) -> list[Token]:
    """The token's subtree without the verbs coordinated with it and their words."""
    others = {
        t.i for c in token.children if c.dep_ == "conj" and c.pos_ in VERBAL_POS for t in c.subtree
    }
    return [t for t in token.subtree if t.i not in others]


def contexts(sent: Span, lexicon: EventLexicon) -> tuple[str, ...]:
    """PLOVER contexts whose cue words occur in the sentence, in the lexicon's order."""
    lemmas = _words(sent)
    text = doc_text(sent.doc)[sent.start_char : sent.end_char].lower()
    return tuple(
        cue.label
        for cue in lexicon.context_cues
        if cue.lemmas & lemmas or any(phrase in text for phrase in cue.phrases)
    )


def _words(tokens: Iterable[Token]) -> set[str]:
    """Lemmas and lowercased forms of the tokens, in one pass over them."""
    words: set[str] = set()
    for token in tokens:
        words.add(token.lemma_.lower())
        words.add(token.lower_)
    return words


def _first_match(cues: Sequence[Cue], clause: Sequence[Token]) -> str | None:
    if not clause:
        return None
    lemmas = _words(clause)
    text = _runs_text(clause).lower()
    for cue in cues:
        if cue.lemmas & lemmas or any(phrase in text for phrase in cue.phrases):
            return cue.label
    return None


def _runs_text(tokens: Sequence[Token]) -> str:
    """The text of the tokens, each run of neighbours as written, runs apart (a phrase is
    not found across a gap: words left out in between are not the tokens')."""
    ordered = sorted(tokens, key=lambda t: t.i)
    doc = ordered[0].doc
    text = doc_text(doc)
    runs: list[tuple[int, int]] = []
    for token in ordered:
        if runs and token.i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], token.i)
        else:
            runs.append((token.i, token.i))
    return " | ".join(text[doc[a].idx : doc[b].idx + len(doc[b].text)] for a, b in runs)
