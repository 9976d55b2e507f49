"""A pipeline component that mends one misparse of reported speech.

"Obama said the terms were not negotiable and demanded that Gaddafi stop": the model
often joins the second verb of saying ("demanded") to the verb of what was said ("were")
instead of to "said". The second verb then seems to say something of "the terms", and
every stage reads it so: no doer, or the wrong one, and a claim of Obama's where he acts.

The form of the verbs tells the two readings apart. A verb joined to what was said shares
its auxiliaries: "said his troops would liberate the country and warn" (both after
"would"), "said units were moving and urging". A verb in the form of the verb of saying
instead ("would liberate ... and warned", "were moving ... and urged", "the situation was
critical and called on"), with no doer of its own, goes on from the speaker: it is joined
to the verb of saying, with the "and" before it. Only verbs of acts done in words are
moved (saying, denying, urging, condemning, vowing): "said the rebels would withdraw
and attacked" is left as the model read it.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from strife.claims import DENY_LEMMAS, SPEECH_VERBS
from strife.nlp import SPEAKING_ACTS, SPEECH_CONJUNCTS
from strife.syntax import ANY_SUBJECT_DEPS, AUX_DEPS

__all__ = ["NAME", "reattach_speech_conjuncts", "speech_conjuncts"]

NAME = SPEECH_CONJUNCTS
# Subjects of any kind: a verb with one is a clause of its own, and stays where it is.
_OWN_SUBJECT_DEPS = ANY_SUBJECT_DEPS | {"expl", "csubjpass"}
# Finite forms a verb of saying and its second verb may share ("said ... and urged", "has
# declared ... and vowed": the participle of a perfect and a past read alike).
_PAST = frozenset({"VBD", "VBN"})
# The lemmas of every act done in words: saying, denying, and the verbs of
# ``data/nlp.json`` ``speaking_acts`` (urging, condemning, vowing).
_ACTS = SPEECH_VERBS | DENY_LEMMAS | SPEAKING_ACTS


def reattach_speech_conjuncts(doc: Doc) -> Doc:
    """Join each misplaced second verb of saying (and its "and") to the verb of saying."""
    for verb, speaker in list(speech_conjuncts(doc)):
        coordinator = _coordinator_before(verb)
        verb.head = speaker
        if coordinator is not None:
            coordinator.head = speaker
    return doc


def speech_conjuncts(doc: Doc) -> Iterator[tuple[Token, Token]]:
    """Each verb the model joined to what was said that goes on from the speaker, with the
    verb of saying it belongs to (see the module docstring)."""
    if not len(doc):
        return
    # Only the few conjuncts are read: found among the dependency labels by NumPy.
    conjuncts = np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings["conj"]).tolist()
    for index in conjuncts:
        token = doc[index]
        speaker = _speaker_of(token)
        if speaker is not None:
            yield token, speaker


def _speaker_of(verb: Token) -> Token | None:
    """``verb``: a conjunct (:func:`speech_conjuncts` reads only those)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ACTS:
        return None
    if any(c.dep_ in _OWN_SUBJECT_DEPS or c.dep_ in AUX_DEPS for c in verb.children):
        return None  # a clause of its own, or a verb that carries its own auxiliary
    said = verb.head
    speaker = said.head
    if said.dep_ != "ccomp" or not speaker.i < said.i < verb.i:
        return None
    if speaker.lemma_.lower() not in SPEECH_VERBS or not _same_form(verb, speaker):
        return None
    return speaker if _cannot_share(verb, said) else None


def _same_form(verb: Token, speaker: Token) -> bool:
    return verb.tag_ == speaker.tag_ or {verb.tag_, speaker.tag_} <= _PAST


def _cannot_share(verb: Token, said: Token) -> bool:
    """Whether ``verb`` cannot be joined to the verb of what was said: that verb is a
    copula ("were not negotiable"), or has a modal or "do" ("would liberate", "don't have")
    or is a progressive ("were moving") whose form ``verb`` does not share."""
    auxiliaries = [c for c in said.children if c.dep_ in AUX_DEPS]
    if said.lemma_ == "be" and not auxiliaries:
        return True
    modal = any(a.tag_ == "MD" or a.lemma_ == "do" for a in auxiliaries)
    progressive = said.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxiliaries)
    return (modal or progressive) and verb.tag_ != said.tag_


def _coordinator_before(verb: Token) -> Token | None:
    """The "and" (or "but") of the verb of what was said that stands right before ``verb``."""
    said = verb.head
    before = [c for c in said.children if c.dep_ == "cc" and c.i < verb.i]
    return before[-1] if before else None
