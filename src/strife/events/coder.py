"""The event stage: from a parsed article and its mentions to PLOVER events.

Per sentence: find triggers, fill actor and recipient, read the mode, contexts and auxiliary
marker, attach the claims, the date, the place (one event per place, ACLED-style) and the
casualties. Denials reach back to earlier sentences, so the article is coded as a whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from strife.casualties import count_casualties
from strife.claims import (
    LOOKBACK_SENTENCES,
    Attribution,
    backward_denials,
    claims_for,
    find_attributions,
    is_denial_verb,
)
from strife.events.arguments import (
    Arguments,
    CountryOf,
    MentionIndex,
    extract_arguments,
    find_sides,
)
from strife.events.lexicon import EventLexicon
from strife.events.markers import aux_marker, contexts, refine_mode
from strife.events.places import event_places
from strife.events.triggers import Trigger, find_triggers
from strife.plover import MATERIAL_CONFLICT, QUAD
from strife.records import (
    ActorMention,
    ActorRef,
    Article,
    Aux,
    Casualties,
    CiteInfo,
    Claim,
    DateMention,
    DateSource,
    Event,
    Place,
    PlaceMention,
    TextInfo,
)

PROMISABLE = frozenset({"AID", "SUPPORT", "COOPERATE", "RETREAT", "CONCEDE"})
ALLEGING_VERBS = frozenset({"claim", "allege", "charge", "insist"})


@dataclass(frozen=True, slots=True)
class Mentions:
    """What the earlier stages found in one Doc."""

    actors: Sequence[ActorMention]
    places: Sequence[PlaceMention]
    dates: Sequence[DateMention]


@dataclass(frozen=True, slots=True)
class _Sentence:
    """The per-sentence facts every event of the sentence shares."""

    span: Span
    sequence: int
    attributions: list[Attribution]
    contexts: tuple[str, ...]


class EventCoder:
    """Codes the events of one article. Build once, reuse for every article."""

    def __init__(self, lexicon: EventLexicon, country_of: CountryOf | None = None) -> None:
        self.lexicon = lexicon
        self.country_of = country_of

    @classmethod
    def from_data(
        cls, data_dir: Path | None = None, country_of: CountryOf | None = None
    ) -> EventCoder:
        """Build from the shipped lexicon; ``country_of`` maps "Azeri" to "AZE"."""
        return cls(EventLexicon.from_data(data_dir), country_of)

    def code(self, doc: Doc, article: Article, mentions: Mentions) -> list[Event]:
        index = MentionIndex(mentions.actors)
        sides = find_sides(doc, index)
        names = frozenset(
            i for m in mentions.actors if m.end - m.start > 1 and m.kind in ("igo", "group")
            for i in range(m.start, m.end)
        )
        per_sentence: list[list[Event]] = []
        for sequence, span in enumerate(doc.sents):
            attributions = find_attributions(span, index)
            sentence = _Sentence(span, sequence, attributions, contexts(span, self.lexicon))
            _apply_denials(per_sentence, backward_denials(attributions))
            events: list[Event] = []
            for trigger in find_triggers(span, self.lexicon, names):
                if is_denial_verb(trigger.token, attributions):
                    continue
                args = extract_arguments(trigger, doc, index, sides, self.country_of)
                events.extend(self._events(trigger, args, sentence, article, mentions))
            events.extend(_accusations_in_claims(events, sentence, article, sides))
            per_sentence.append(events)
        return [event for events in per_sentence for event in events]

    def _events(
        self,
        trigger: Trigger,
        args: Arguments,
        sentence: _Sentence,
        article: Article,
        mentions: Mentions,
    ) -> list[Event]:
        doc = sentence.span.doc
        clause = _clause(trigger, doc)
        clause_ids = {t.i for t in clause}
        places = event_places(doc, mentions.places, clause_ids, _actor_tokens(mentions))
        size = count_casualties(clause)
        if not args.actors and not args.recipients and not places and size.is_empty():
            return []
        dates = _event_dates(mentions.dates, clause_ids, sentence.span)
        event, mode, aux = self._type_mode_aux(trigger, clause, dates, args, sentence)
        claims = claims_for(trigger.token, sentence.attributions)
        base = _EventBase(
            article=article,
            sentence=sentence,
            trigger=trigger,
            event=event,
            mode=mode,
            aux=aux,
            claims=claims,
            dates=dates,
            clause=clause,
            size=size if QUAD[event] == MATERIAL_CONFLICT else Casualties(),
        )
        out: list[Event] = []
        where: list[Place | None] = list(places) or [None]
        for direction, (actors, recipients) in enumerate(_directions(args)):
            for place in where:
                out.append(base.build(actors, recipients, place, direction))
        return out

    def _type_mode_aux(
        self,
        trigger: Trigger,
        clause: list[Token],
        dates: list[DateMention],
        args: Arguments,
        sentence: _Sentence,
    ) -> tuple[str, str | None, Aux | None]:
        doc = sentence.span.doc
        event = trigger.event
        aux = aux_marker(doc[trigger.token], clause, dates)
        if event in PROMISABLE and aux == "future":
            # PLOVER: a promise of aid/support is AGREE, not AID + future.
            return "AGREE", None, None
        if (
            event == "ASSAULT"
            and aux in ("future", "hypothetical")
            and _self_asserted(args.actors, claims_for(trigger.token, sentence.attributions))
        ):
            return "THREATEN", "violence", None
        mode = refine_mode(event, trigger.spec.mode, clause, self.lexicon)
        return event, mode, aux


@dataclass(frozen=True, slots=True)
class _EventBase:
    """Everything of an event but its participants and place."""

    article: Article
    sentence: _Sentence
    trigger: Trigger
    event: str
    mode: str | None
    aux: Aux | None
    claims: tuple[Claim, ...]
    dates: list[DateMention]
    clause: list[Token]
    size: Casualties

    def build(
        self,
        actors: tuple[ActorRef, ...],
        recipients: tuple[ActorRef, ...],
        place: Place | None,
        direction: int,
    ) -> Event:
        doc = self.sentence.span.doc
        evidence = doc[self.trigger.start : self.trigger.end]
        span = self.sentence.span
        date_value, date_source, date_text = _resolve_date(self.dates, self.article)
        return Event(
            id=_event_id(self.article.id, self.sentence.sequence, evidence.start_char,
                         self.event, direction, place),
            article_id=self.article.id,
            date=date_value,
            date_source=date_source,
            event=self.event,
            mode=self.mode,
            context=self.sentence.contexts,
            quad_code=QUAD[self.event],
            actor=actors,
            recipient=recipients,
            event_loc=place,
            size=self.size,
            event_text=evidence.text,
            event_start=evidence.start_char,
            event_end=evidence.end_char,
            text=span.text,
            text_info=TextInfo(self.sentence.sequence, span.start_char, span.end_char),
            claims=self.claims,
            contested=any(c.stance == "denies" for c in self.claims),
            aux=self.aux,
            cite_info=_cite(self.article),
            confidence=_confidence(self.trigger, actors, recipients, place, self.dates),
            date_text=date_text,
        )  # fmt: skip


def _actor_tokens(mentions: Mentions) -> set[int]:
    return {i for m in mentions.actors for i in range(m.start, m.end)}


def _clause(trigger: Trigger, doc: Doc) -> list[Token]:
    """The trigger's subtree, and its light verb's: where its arguments and details live."""
    ids = {t.i for t in doc[trigger.token].subtree}
    if trigger.light_verb is not None:
        ids |= {t.i for t in doc[trigger.light_verb].subtree}
    return [doc[i] for i in sorted(ids)]


def _event_dates(dates: Sequence[DateMention], clause: set[int], sent: Span) -> list[DateMention]:
    """Dates in the trigger's clause, else the sentence's dates nearest first."""
    own = [d for d in dates if d.start in clause]
    if own:
        return own
    in_sentence = [d for d in dates if sent.start <= d.start < sent.end]
    return sorted(in_sentence, key=lambda d: abs(d.start - sent.root.i))


def _resolve_date(
    dates: list[DateMention], article: Article
) -> tuple[date | None, DateSource | None, str | None]:
    if dates:
        return dates[0].date, "text", dates[0].text
    if article.published is not None:
        return article.published.date(), "published", None
    return None, None, None


def _directions(args: Arguments) -> list[tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]]:
    """One (actors, recipients) pair, or one per actor for "each other" events."""
    if args.reciprocal and len(args.actors) >= 2:
        return [
            ((actor,), tuple(a for a in args.actors if a is not actor)) for actor in args.actors
        ]
    return [(args.actors, args.recipients)]


def _self_asserted(actors: tuple[ActorRef, ...], claims: tuple[Claim, ...]) -> bool:
    codes = {a.code for a in actors if a.code}
    return any(c.code in codes for c in claims if c.stance == "asserts")


def _apply_denials(per_sentence: list[list[Event]], denials: list[Claim]) -> None:
    """Attach each denial to the nearest earlier sentence asserted by someone else."""
    for denial in denials:
        target = _denied_sentence(per_sentence, denial)
        if target is None:
            continue
        per_sentence[target] = [
            replace(e, claims=(*e.claims, denial), contested=True) for e in per_sentence[target]
        ]


def _denied_sentence(per_sentence: list[list[Event]], denial: Claim) -> int | None:
    candidates = range(
        len(per_sentence) - 1, max(-1, len(per_sentence) - 1 - LOOKBACK_SENTENCES), -1
    )
    fallback: int | None = None
    for i in candidates:
        events = per_sentence[i]
        if not events:
            continue
        if any(c.stance == "asserts" and c.code != denial.code for e in events for c in e.claims):
            return i
        fallback = i if fallback is None else fallback
    return fallback


def _accusations_in_claims(
    events: list[Event], sentence: _Sentence, article: Article, sides: tuple[ActorRef, ...]
) -> list[Event]:
    """'X claimed that Y was backing Z in the fighting' is X accusing Y (PLOVER ACCUSE)."""
    side_codes = {s.code for s in sides}
    out: list[Event] = []
    for attribution in sentence.attributions:
        verb = sentence.span.doc[attribution.verb]
        speaker = attribution.speaker
        if speaker is None or verb.lemma_.lower() not in ALLEGING_VERBS or not attribution.scope:
            continue
        for event in events:
            if not _alleged_wrong(event, speaker, side_codes):
                continue
            accused = tuple(a for a in event.actor if a.code != speaker.code)
            out.append(
                replace(
                    event,
                    id=_event_id(article.id, sentence.sequence, verb.idx, "ACCUSE", 0, None)
                    + event.id[:4],
                    event="ACCUSE",
                    mode="allege",
                    quad_code=QUAD["ACCUSE"],
                    actor=(speaker,),
                    recipient=accused,
                    event_text=verb.text,
                    event_start=verb.idx,
                    event_end=verb.idx + len(verb.text),
                    claims=(),
                    contested=False,
                    aux=None,
                    event_loc=None,
                )
            )
    return out


def _alleged_wrong(event: Event, speaker: ActorRef, side_codes: set[str | None]) -> bool:
    if not any(a.code and a.code != speaker.code for a in event.actor):
        return False
    if event.quad_code >= 3:
        return True
    helped = {r.code for r in event.recipient}
    return event.event in ("SUPPORT", "AID", "COOPERATE") and bool(
        helped & side_codes - {speaker.code, None}
    )


def _event_id(
    article_id: str, sequence: int, start: int, event: str, direction: int, place: Place | None
) -> str:
    key = f"{article_id}|{sequence}|{start}|{event}|{direction}|{place.geonameid if place else ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _cite(article: Article) -> CiteInfo:
    published = article.published.isoformat() if article.published else None
    return CiteInfo(article.url, article.title, article.publication, published)


def _confidence(
    trigger: Trigger,
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...],
    place: Place | None,
    dates: list[DateMention],
) -> float:
    """How complete the evidence is (0-1): not a calibrated probability."""
    score = 0.35
    score += 0.25 if any(a.code for a in actors) else 0.0
    score += 0.15 if any(r.code for r in recipients) else 0.0
    score += 0.1 if trigger.spec.pos == "VERB" else 0.0
    score += 0.1 if place is not None else 0.0
    score += 0.05 if dates else 0.0
    return round(min(score, 1.0), 2)
