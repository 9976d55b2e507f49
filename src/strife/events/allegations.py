"""'X claimed that Y was backing Z in the fighting' is X accusing Y (PLOVER ACCUSE).

A verb of contested assertion (claim, allege, charge, insist) whose reported clause holds a
conflictual event by someone else, or help given to the speaker's adversary, is coded as an
accusation by the speaker against the doer, besides the reported event itself.
"""

from __future__ import annotations

from spacy.tokens import Span

from strife.claims import Attribution
from strife.events.build import derived
from strife.events.lexicon import WORDS
from strife.plover import VERBAL_CONFLICT
from strife.records import ActorRef, Event

# Verbs of contested assertion (data/events/words.json).
ALLEGING_VERBS = WORDS["alleging_verbs"]


def accusations_in_claims(
    events: list[tuple[int, Event]],
    attributions: list[Attribution],
    sent: Span,
    sides: tuple[ActorRef, ...],
) -> list[Event]:
    """The ACCUSE events implied by the claims of one sentence.

    ``events`` pairs each event of the sentence with its trigger token.
    """
    side_codes = {s.code for s in sides if s.code}
    out: list[Event] = []
    for attribution in attributions:
        verb = sent.doc[attribution.verb]
        speaker = attribution.speaker
        if speaker is None or verb.lemma_.lower() not in ALLEGING_VERBS or not attribution.scope:
            continue
        for token, event in events:
            if token in attribution.scope and _alleged_wrong(event, speaker, side_codes):
                out.append(_accusation(event, speaker, verb.idx, verb.text))
    return out


def _alleged_wrong(event: Event, speaker: ActorRef, side_codes: set[str]) -> bool:
    if not any(a.code and a.code != speaker.code for a in event.actor):
        return False
    if event.quad_code >= VERBAL_CONFLICT:
        return True
    helped = {r.code for r in event.recipient if r.code}
    adversaries = side_codes - {speaker.code} if speaker.code else set()
    return event.event in ("SUPPORT", "AID", "COOPERATE") and bool(helped & adversaries)


def _accusation(event: Event, speaker: ActorRef, start: int, word: str) -> Event:
    accused = tuple(a for a in event.actor if a.code != speaker.code)
    return derived(
        event,
        "ACCUSE",
        "allege",
        str(start),
        actor=(speaker,),
        recipient=accused,
        event_text=word,
        event_start=start,
        event_end=start + len(word),
        claims=(),
        contested=False,
        aux=None,
        event_loc=None,
        size=type(event.size)(),
    )
