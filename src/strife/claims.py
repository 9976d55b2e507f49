"""Reported speech: who asserts an event and who denies it.

News about war is mostly news about claims. This stage reads, sentence by sentence:

* "X said (that) E", "E, X said", "X claimed E": X asserts the events in the reported clause;
* "according to X, E" / "E, according to X": X asserts every event of the sentence;
* "X denied (that) E": X denies the events of the clause;
* "X denied the allegations / rejected the claims / dismissed the reports": X denies the
  events of the most recent earlier sentence (up to three back) asserted by someone else;
* "E, a claim X denied": X denies the events the sentence told before the claim.

An event with a denial is ``contested``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from strife.datafiles import data_file, read_words
from strife.plover import EventType
from strife.records import ActorRef, Claim, Stance
from strife.syntax import REPORTED_DEPS, VERBAL_POS, subjects

if TYPE_CHECKING:  # the event stage imports this module
    from strife.events.references import MentionIndex

# The words are in data/claims.json, each list with why it is there.
_WORDS = read_words(
    data_file("claims.json"),
    "the reported-speech word lists",
    ("speech_verbs", "deny_verbs", "refusal_verbs", "denied_objects"),
)
#: Verbs of saying: their subject asserts what they say (the event stage reads them too).
SPEECH_VERBS = _WORDS["speech_verbs"]
ASSERT_LEMMAS = SPEECH_VERBS
DENY_LEMMAS = _WORDS["deny_verbs"]
REFUSAL_LEMMAS = _WORDS["refusal_verbs"]
DENIED_OBJECTS = _WORDS["denied_objects"]
LOOKBACK_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class Attribution:
    """One act of saying in a sentence: the speaker, the stance and its reach.

    ``scope`` holds the token indices of the reported clause; None means the whole sentence
    ("according to"). ``refers_back`` marks a denial of earlier sentences.
    """

    claim: Claim
    verb: int
    scope: frozenset[int] | None
    refers_back: bool = False
    speaker: ActorRef | None = None


def find_attributions(sent: Span, index: MentionIndex) -> list[Attribution]:
    """Every attribution in one sentence."""
    found: list[Attribution] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in VERBAL_POS and lemma in ASSERT_LEMMAS | DENY_LEMMAS:
            attribution = _verb_attribution(token, index)
            if attribution is not None:
                found.append(attribution)
        elif token.lower_ == "according" and token.nbor(1).lower_ == "to":
            attribution = _according_to(token, index)
            if attribution is not None:
                found.append(attribution)
    return found


def _verb_attribution(verb: Token, index: MentionIndex) -> Attribution | None:
    speaker = _speaker(verb)
    if speaker is None:
        return None
    stance: Stance = "denies" if verb.lemma_.lower() in DENY_LEMMAS else "asserts"
    content = [c for c in verb.children if c.dep_ in REPORTED_DEPS]
    objects = {c.lemma_.lower() for c in content if c.dep_ == "dobj"} | {
        c.lower_ for c in content if c.dep_ == "dobj"
    }
    clauses = [c for c in content if c.dep_ != "dobj"]
    ref = _speaker_ref(speaker, index)
    summed = _summing_noun(verb) if stance == "denies" else None
    if summed is not None:
        # "The RSF said it had captured the palace, a claim the army denied": what the
        # sentence said before the noun that sums it up.
        scope = frozenset(range(verb.sent.start, summed.left_edge.i))
        return Attribution(_claim(speaker, verb, stance, index), verb.i, scope, speaker=ref)
    refusal = bool(objects) or verb.lemma_.lower() in REFUSAL_LEMMAS
    if stance == "denies" and refusal and not objects & DENIED_OBJECTS:
        # "rejected Netanyahu's request to delay", "denied entry to a journalist",
        # "rejected Netanyahu to delay the trial": a refusal of something, not a denial of
        # what was said (reject and dismiss deny only what they name: "rejected the
        # claims"; deny, dispute and refute also a clause: "denied that it attacked").
        return None
    if stance == "denies" and not clauses:
        claim = _claim(speaker, verb, stance, index)
        return Attribution(claim, verb.i, frozenset(), refers_back=True, speaker=ref)
    if not clauses:
        return None
    scope = frozenset(t.i for clause in clauses for t in clause.subtree)
    return Attribution(_claim(speaker, verb, stance, index), verb.i, scope, speaker=ref)


def _summing_noun(verb: Token) -> Token | None:
    """ "..., a claim the army denied", "..., a charge Ankara denied": the noun after a
    comma that sums up what the sentence said before it (one of ``denied_objects``), which
    the denial verb's relative clause describes; None for any other denial."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.i >= verb.i or noun.lower_ not in DENIED_OBJECTS:
        return None
    before = noun.left_edge.i - 1
    if before <= verb.sent.start or verb.doc[before].text != ",":
        return None
    return noun


def _speaker_ref(speaker: Token, index: MentionIndex) -> ActorRef | None:
    mention = index.for_phrase(speaker)
    return mention.ref if mention is not None else None


def _speaker(verb: Token) -> Token | None:
    return next(iter(subjects(verb)), None)


def _according_to(according: Token, index: MentionIndex) -> Attribution | None:
    to = according.nbor(1)
    sources = [c for c in to.children if c.dep_ == "pobj"]
    if not sources:
        return None
    claim = _claim(sources[0], according, "asserts", index)
    return Attribution(claim, according.i, None, speaker=_speaker_ref(sources[0], index))


def _claim(speaker: Token, verb: Token, stance: Stance, index: MentionIndex) -> Claim:
    doc = speaker.doc
    mention = index.for_phrase(speaker)
    phrase = doc[speaker.left_edge.i : speaker.right_edge.i + 1]
    if mention is not None:
        ref = mention.ref
        by, code, sector = ref.entity_text, ref.code, ref.sector
    else:
        by, code, sector = phrase.text, None, None
    first = min(phrase.start, verb.i)
    last = max(phrase.end, verb.i + 1)
    if verb.lower_ == "according":
        last = max(last, verb.i + 2)
    words = doc[first:last]
    return Claim(
        by=by,
        stance=stance,
        text=words.text,
        start=words.start_char,
        end=words.end_char,
        code=code,
        sector=sector,
    )


def claims_for(token: int, attributions: list[Attribution]) -> tuple[Claim, ...]:
    """The claims that reach the event whose trigger is ``token``."""
    return tuple(a.claim for a in reaching(token, attributions))


def reaching(token: int, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions whose reach holds the event whose trigger is ``token`` (not a
    denial of earlier sentences, nor the verb of saying itself)."""
    return [
        a
        for a in attributions
        if not a.refers_back and a.verb != token and (a.scope is None or token in a.scope)
    ]


def backward_denials(attributions: list[Attribution]) -> list[Claim]:
    """Denials in this sentence that target earlier sentences."""
    return [a.claim for a in attributions if a.refers_back]


def is_denial_verb(token: int, attributions: list[Attribution]) -> bool:
    """True when the token is the verb of a denial (not an event of its own)."""
    return any(a.verb == token and a.claim.stance == "denies" for a in attributions)


def is_denied_accusation(
    token: Token, event: EventType | None, attributions: list[Attribution]
) -> bool:
    """'Azerbaijan denied the allegations', 'has denied charges of fraud': the accusation a
    denial names is the accuser's, not an act of the one who denies it."""
    return event == "ACCUSE" and token.dep_ == "dobj" and is_denial_verb(token.head.i, attributions)
