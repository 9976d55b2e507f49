"""The event stage: from a parsed article and its mentions to PLOVER events.

Per sentence: find triggers, fill actor and recipient, read the mode, contexts and auxiliary
marker, attach the claims, the date, the place (one material event per place, ACLED-style) and the
casualties. Denials reach back to earlier sentences, and material events without a place
of their own take the place the article was just speaking of, so the article is coded as a
whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc, Token

from strife.actors.lexicon import party_code_of_place
from strife.casualties import count_casualties
from strife.claims import (
    LOOKBACK_SENTENCES,
    backward_denials,
    claims_for,
    find_attributions,
    is_denial_verb,
    is_denied_accusation,
    reaching,
)
from strife.events.allegations import accusations_in_claims
from strife.events.arguments import Arguments, extract_arguments
from strife.events.build import EventBase, Sentence, as_arrest, imprisons
from strife.events.detect import Detector
from strife.events.lexicon import SWAPPING_FLAGS, EventLexicon
from strife.events.localize import localize, localize_claims
from strife.events.markers import aux_marker, contexts, is_demanded, is_refusal, refine_mode
from strife.events.places import (
    EVENT_PLACE_PREPS,
    PlaceMemory,
    coordinated_clause,
    dateline_tokens,
    event_places,
    told_clause,
)
from strife.events.references import CountryOf, MentionIndex, find_sides
from strife.events.roles import RoleAssigner, role_options
from strife.events.sequence import other_act_clauses
from strife.events.shaping import specialise_roles, suffered_roles
from strife.events.triggers import Trigger, find_triggers
from strife.events.typer import Candidate, ModelTyping, RuleTyping, TypeChoice, TypeChooser
from strife.events.when import event_dates
from strife.plover import (
    MATERIAL_CONFLICT,
    NON_STATE_CODES,
    QUAD,
    VERBAL_CONFLICT,
    VERBAL_COOPERATION,
    EventType,
)
from strife.records import (
    ActorMention,
    ActorRef,
    Article,
    Aux,
    Casualties,
    Claim,
    DateMention,
    Event,
    Place,
    PlaceMention,
)
from strife.syntax import fronted_phrases, own_clause_conjuncts

PROMISABLE: frozenset[EventType] = frozenset(
    {"AID", "SUPPORT", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT"}
)
VERBAL_QUADS = frozenset({VERBAL_COOPERATION, VERBAL_CONFLICT})
# What a negated act ahead refuses, as REJECT's mode ("will not lift the ban": yield).
REFUSABLE: dict[EventType, str | None] = {
    "CONCEDE": "yield",
    "RETREAT": "yield",
    "CONSULT": "meet",
    "AID": "assist",
    "AGREE": None,
    "SUPPORT": None,
}
# Material events, meetings and agreements happen somewhere: without a place of their own
# they take the one the article was speaking of. Statements are not placed by inference,
# nor are historical events ("the 1997 pact"): the article's places are of today.
PLACED_BY_CONTEXT = frozenset(e for e, quad in QUAD.items() if quad in (2, 4)) | {
    "CONSULT",
    "AGREE",
}


@dataclass(frozen=True, slots=True)
class Mentions:
    """What the earlier stages found in one Doc."""

    actors: Sequence[ActorMention]
    places: Sequence[PlaceMention]
    dates: Sequence[DateMention]


@dataclass(slots=True)
class _ArticleContext:
    """What every sentence of one article shares."""

    doc: Doc
    article: Article
    mentions: Mentions
    index: MentionIndex
    sides: tuple[ActorRef, ...]
    names: frozenset[int]
    actor_tokens: frozenset[int]
    place_tokens: frozenset[int]
    dateline: frozenset[int]
    memory: PlaceMemory
    home: str | None

    @classmethod
    def build(cls, doc: Doc, article: Article, mentions: Mentions) -> _ArticleContext:
        dateline = dateline_tokens(doc)
        # "BERLIN -- A court convicted ...": the dateline's city is where the report was
        # filed, never a participant or a speaker.
        index = MentionIndex(mentions.actors, excluded=dateline)
        datelined = [m.place for m in mentions.places if m.token_start in dateline]
        # The home country is a country's: a body such as the UN is no party's home.
        codes = Counter(
            m.ref.code
            for m in mentions.actors
            if m.ref.code and len(m.ref.code) == 3 and m.ref.code not in NON_STATE_CODES
        )
        return cls(
            doc=doc,
            article=article,
            mentions=mentions,
            index=index,
            sides=find_sides(doc, index),
            names=_inside_names(doc, mentions.actors),
            actor_tokens=frozenset(
                i for m in mentions.actors for i in range(m.token_start, m.token_end)
            ),
            place_tokens=frozenset(
                i for m in mentions.places for i in range(m.token_start, m.token_end)
            ),
            dateline=dateline,
            memory=PlaceMemory(
                datelined[0] if datelined else None, _named_countries(mentions, dateline)
            ),
            home=codes.most_common(1)[0][0] if codes else None,
        )


def _named_countries(mentions: Mentions, dateline: frozenset[int]) -> set[str]:
    """The countries an article names outside its dateline: its parties' and its places'."""
    codes = {
        m.ref.code
        for m in mentions.actors
        if m.ref.code and len(m.ref.code) == 3 and m.token_start not in dateline
    }
    return codes | {
        code
        for m in mentions.places
        if m.token_start not in dateline and (code := party_code_of_place(m.place.country_code))
    }


def _inside_names(doc: Doc, actors: Sequence[ActorMention]) -> frozenset[int]:
    """Tokens that are never triggers: the words of a multi-word organisation's name
    ("Organization for Security and Co-operation in Europe") and the nouns that only
    qualify an agent ("riot police", "protest leaders")."""
    inside: set[int] = set()
    for m in actors:
        if m.token_end - m.token_start > 1 and m.kind in ("igo", "group"):
            inside.update(range(m.token_start, m.token_end))
        elif m.kind == "agent":
            inside.update(t.i for t in doc[m.token_start : m.token_end] if t.dep_ == "compound")
    return frozenset(inside)


class EventCoder:
    """Codes the events of one article. Build once, reuse for every article.

    The trigger lexicon finds candidate events and the parse their roles; ``chooser`` gives
    each its type (the trained model by default, see :mod:`strife.events.typer`),
    ``detector``, when there is one, turns down the typed candidates that are not events
    (:mod:`strife.events.detect`), and ``roles``, when there is one, chooses each kept
    candidate's actor and recipient among the sentence's participants, the rules' choice
    standing where it abstains (:mod:`strife.events.roles`).
    """

    def __init__(
        self,
        lexicon: EventLexicon,
        country_of: CountryOf | None = None,
        chooser: TypeChooser | None = None,
        detector: Detector | None = None,
        roles: RoleAssigner | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.country_of = country_of
        self.chooser: TypeChooser = chooser if chooser is not None else RuleTyping()
        self.detector = detector
        self.roles = roles

    @classmethod
    def from_data(
        cls,
        data_dir: Path | None = None,
        country_of: CountryOf | None = None,
        typing: Literal["model", "rules"] = "model",
        model_dir: Path | None = None,
    ) -> EventCoder:
        """Build from the shipped lexicon and model; ``country_of`` maps "Azeri" to "AZE".

        ``typing="rules"`` types events by the trigger lexicon alone and leaves detection and
        roles to the rules (the coder before the models, kept for comparison);
        ``model_dir`` loads another trained typer.
        """
        chooser: TypeChooser = RuleTyping()
        detector: Detector | None = None
        roles: RoleAssigner | None = None
        if typing == "model":
            from strife.classify.model import EventTyper
            from strife.events.detect import EventDetector
            from strife.events.roles import RoleRanker

            chooser = ModelTyping(EventTyper.load(model_dir))
            detector = EventDetector.load()
            roles = RoleRanker.load()
        return cls(EventLexicon.from_data(data_dir), country_of, chooser, detector, roles)

    def code(self, doc: Doc, article: Article, mentions: Mentions) -> list[Event]:
        ctx = _ArticleContext.build(doc, article, mentions)
        per_sentence: list[list[Event]] = []
        for sequence, span in enumerate(doc.sents):
            attributions = find_attributions(span, ctx.index)
            sentence = Sentence(span, sequence, attributions, contexts(span, self.lexicon))
            _apply_denials(per_sentence, backward_denials(attributions), ctx.home)
            per_sentence.append(self._code_sentence(ctx, sentence))
        # Two triggers carried by one verb ("ordered a strike in response to the attack")
        # can make the same event (same sentence, evidence, type, direction and place):
        # it is coded once, as the store and the reader expect.
        unique: dict[str, Event] = {}
        for event in (event for events in per_sentence for event in events):
            unique.setdefault(event.id, event)
        return list(unique.values())

    def _code_sentence(self, ctx: _ArticleContext, sentence: Sentence) -> list[Event]:
        candidates = [
            Candidate(trigger, extract_arguments(trigger, ctx.doc, ctx.index, ctx.sides,
                                                 self.country_of))
            for trigger in find_triggers(sentence.span, self.lexicon, ctx.names,
                                         self.chooser.learned, self.chooser.statements,
                                         ctx.place_tokens)
            if not is_denial_verb(trigger.token, sentence.attributions)
            and not is_denied_accusation(ctx.doc[trigger.token], trigger.event,
                                         sentence.attributions)
        ]  # fmt: skip
        typed = [
            (candidate, choice)
            for candidate, choice in zip(candidates, self.chooser.choose(sentence.span,
                                                                         candidates), strict=True)
            if choice is not None  # None: a learned trigger the model turned down
        ]  # fmt: skip
        if self.detector is not None and typed:
            kept = self.detector.keep(sentence.span, [c for c, _ in typed], [t for _, t in typed])
            typed = [pair for pair, keep in zip(typed, kept, strict=True) if keep]
        if (roles := self.roles) is not None:
            typed = [(_assign(roles, ctx, sentence, c, t), t) for c, t in typed]
        coded: list[tuple[int, Event]] = []
        for candidate, choice in typed:
            events = self._events(ctx, _typed(candidate, choice), choice, sentence)
            coded.extend((candidate.trigger.token, e) for e in events)
        events = [event for _, event in coded]
        events += accusations_in_claims(coded, sentence.attributions, sentence.span, ctx.sides)
        ctx.memory.remember(sentence.sequence, [e.event_loc for e in events if e.event_loc])
        return events

    def _events(
        self, ctx: _ArticleContext, candidate: Candidate, choice: TypeChoice, sentence: Sentence
    ) -> list[Event]:
        trigger, args = candidate.trigger, candidate.args
        clause = _clause(trigger, ctx.doc)
        own = {t.i for t in clause} - ctx.dateline
        anchors = {t.i for t in trigger.carriers(ctx.doc)}
        told = told_clause(ctx.doc[trigger.token]) - ctx.dateline
        scope = own
        if QUAD[trigger.event or choice.event] == MATERIAL_CONFLICT:
            # "a bomb exploded in a market in Baghdad, killing 20": the act happened where
            # the clause its participle goes on telling did.
            scope = own | told
        places = event_places(ctx.doc, ctx.mentions.places, scope, ctx.actor_tokens, (), anchors)
        size = count_casualties(clause)
        if not args.actors and not args.recipients and not places and size.is_empty():
            return []
        dates = event_dates(trigger, ctx.mentions.dates, own, told, sentence.span, ctx.dateline)
        event, mode, aux = self._type_mode_aux(trigger, choice, clause, dates, args, sentence)
        demand = _demand(ctx.doc[trigger.token], args, sentence)
        if demand is not None:
            event, mode, aux, args = "REQUEST", None, None, demand
        shaped = _shaped_roles(ctx.doc, event, mode, trigger, args, sentence)
        if shaped is None:
            return []  # a warning nobody is said to give
        args = shaped
        places, filed = _where(ctx, trigger, event, aux, args, sentence, (places, scope, anchors))
        base = EventBase(
            article=ctx.article,
            sentence=sentence,
            trigger=trigger,
            event=event,
            mode=mode,
            aux=aux,
            claims=claims_for(trigger.token, sentence.attributions),
            dates=dates,
            size=size if QUAD[event] == MATERIAL_CONFLICT else Casualties(),
            probability=choice.probability if choice.event == event else None,
        )
        where: list[Place | None] = list(places) or [None]
        if QUAD[event] in VERBAL_QUADS:
            # Said once, wherever what is said about happens ("accused the group of
            # attacks in Syria and Iraq"): one event, at the first place.
            where = where[:1]
        # One report coded once per place and per direction: its figures go with the first
        # of these events only, so that a sum over events counts them once.
        events = [
            base.build(
                *localize(event, actors, recipients, place, base.claims, ctx.home, mode, filed),
                place, direction, counted=direction == 0 and place is where[0])
            for direction, (actors, recipients) in enumerate(_directions(args))
            for place in where
        ]  # fmt: skip
        if (event, mode) == ("SANCTION", "convict") and imprisons(clause):
            events += [as_arrest(e) for e in events]
        return events

    def _type_mode_aux(
        self,
        trigger: Trigger,
        choice: TypeChoice,
        clause: list[Token],
        dates: list[DateMention],
        args: Arguments,
        sentence: Sentence,
    ) -> tuple[EventType, str | None, Aux | None]:
        doc = sentence.span.doc
        event = choice.event
        claims = claims_for(trigger.token, sentence.attributions)
        if (
            trigger.event is not None
            and QUAD[trigger.event] == MATERIAL_CONFLICT
            and any(c.stance == "denies" for c in claims)
        ):
            # "Russia denied carrying out any strikes", "the RSF denied targeting civilians":
            # the act that is denied, with who denies it, not a rejection of something.
            event = trigger.event
        aux = aux_marker(doc[trigger.token], clause, dates, self.lexicon)
        if (
            aux == "future"
            and PROMISABLE & {event, trigger.event}
            and event in {*PROMISABLE, "AGREE"}
        ):
            # PLOVER: cooperation ahead ("will meet", "will send aid") is AGREE, not + future.
            return "AGREE", None, None
        if aux == "negation" and event in REFUSABLE and is_refusal(doc[trigger.token]):
            # PLOVER: refusing to yield, meet or help is REJECT ("will not lift the ban").
            return "REJECT", REFUSABLE[event], None
        if (
            event == "ASSAULT"
            and aux in ("future", "hypothetical")
            and _self_asserted(args.actors, claims)
        ):
            return "THREATEN", "violence", None
        # The lexicon's mode and cue words first; the model's mode where they give none.
        own = trigger.spec.mode if trigger.event == event else None
        mode = refine_mode(event, own, clause, self.lexicon, doc[trigger.token]) or choice.mode
        if _is_warning(event, trigger):
            return event, mode, None  # the warning of an act ahead is given now
        return event, mode, aux


def _assign(
    roles: RoleAssigner,
    ctx: _ArticleContext,
    sentence: Sentence,
    candidate: Candidate,
    choice: TypeChoice,
) -> Candidate:
    """The candidate with the roles ``roles`` gives it among the sentence's participants."""
    options = role_options(sentence.span, candidate, ctx.mentions.actors, ctx.dateline)
    args = roles.assign(sentence.span, candidate, choice, options)
    return candidate if args == candidate.args else replace(candidate, args=args)


def _typed(candidate: Candidate, choice: TypeChoice) -> Candidate:
    """A learned trigger takes the type the model gave it, as if the lexicon had."""
    trigger = candidate.trigger
    if trigger.event is not None:
        return candidate
    spec = replace(trigger.spec, event=choice.event)
    return replace(candidate, trigger=replace(trigger, spec=spec))


# Acts done where their target is: a recipient that is a place's name places them.
DONE_AT_TARGETS: frozenset[EventType] = frozenset({"ASSAULT", "COERCE"})


def _where(
    ctx: _ArticleContext,
    trigger: Trigger,
    event: EventType,
    aux: Aux | None,
    args: Arguments,
    sentence: Sentence,
    found: tuple[list[Place], set[int], set[int]],
) -> tuple[list[Place], bool]:
    """The event's places, and whether they are only the dateline's (PlaceMemory.recall).
    ``found``: the places of its clause, the clause's token indices and the trigger's
    carriers. An act done at its targets happens where a named target is; an event with no
    place in its clause takes its article's (:func:`_context_places`)."""
    places, scope, anchors = found
    targets = _place_named(args.recipients, ctx) if event in DONE_AT_TARGETS else ()
    if targets:
        places = event_places(
            ctx.doc, ctx.mentions.places, scope, ctx.actor_tokens, targets, anchors
        )
    if places:
        return places, False
    return _context_places(ctx, ctx.doc[trigger.token], event, aux, sentence)


def _place_named(refs: tuple[ActorRef, ...], ctx: _ArticleContext) -> tuple[ActorRef, ...]:
    """The parties named by a country's or a city's name ("Abu Dhabi"), not a group's
    ("Hamas", which the geoparser may also read as a place)."""
    named = {m.ref.start for m in ctx.mentions.actors if m.kind == "country"}
    return tuple(r for r in refs if r.start in named)


def _clause(trigger: Trigger, doc: Doc) -> list[Token]:
    """The trigger's subtree, and its light verb's: where its arguments and details live.

    A clause coordinated with the trigger's that has a subject of its own is another
    event's ("air strikes destroyed a tower in Gaza City, and Hamas fired rockets at Tel
    Aviv, killing two"), and so is one that tells an act of another doer before or after
    it ("gunmen stormed a studio, before police arrested 13 of them"): its places, dates
    and figures are not the trigger's.
    """
    ids = {t.i for carrier in trigger.carriers(doc) for t in carrier.subtree}
    for carrier in trigger.carriers(doc):
        for other in (*own_clause_conjuncts(carrier), *other_act_clauses(carrier)):
            ids.difference_update(t.i for t in other.subtree)
    return [doc[i] for i in sorted(ids)]


def _directions(args: Arguments) -> list[tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]]:
    """One (actors, recipients) pair, or one per actor for "each other" events."""
    if args.reciprocal and len(args.actors) >= 2:
        return [
            ((actor,), tuple(a for a in args.actors if a is not actor)) for actor in args.actors
        ]
    return [(args.actors, args.recipients)]


def _shaped_roles(
    doc: Doc,
    event: EventType,
    mode: str | None,
    trigger: Trigger,
    args: Arguments,
    sentence: Sentence,
) -> Arguments | None:
    """The roles as the event's type shapes them (:func:`specialise_roles`): a warning's
    actor is who gives it, and an act of violence's recipients who suffered it; None for
    a warning nobody is said to give."""
    args = specialise_roles(event, mode, args)
    if _is_warning(event, trigger):
        return _warning_by_speaker(trigger, args, sentence)
    if QUAD[event] == MATERIAL_CONFLICT:
        return suffered_roles(doc[trigger.token], args)
    return args


def _is_warning(event: EventType, trigger: Trigger) -> bool:
    """A threat read off a row flagged "ahead": the warning of an act ahead."""
    return event == "THREATEN" and "ahead" in trigger.spec.flags


def _warning_by_speaker(trigger: Trigger, args: Arguments, sentence: Sentence) -> Arguments | None:
    """A warning of an act ahead is given by who says it: 'Israel would be punished,
    Khamenei said', 'the US and France said they would respond to any attack'. Where the
    row reads its subject as the one the act falls on ('the regime will have to pay the
    price, Ankara said'), a subject of another country is the one warned. Unsaid, it is no
    warning ('doubts that they will ever be held accountable'): None."""
    speaker = _speaker_of(trigger.token, sentence)
    if speaker is None:
        return None
    if any(a.code == speaker.code for a in args.actors) or (args.actors and not speaker.code):
        return args
    if trigger.spec.flags & SWAPPING_FLAGS and not args.recipients:
        return replace(args, actors=(speaker,), recipients=args.actors)
    return replace(args, actors=(speaker,))


def _demand(token: Token, args: Arguments, sentence: Sentence) -> Arguments | None:
    """ "Straw said the Sudanese government and the rebels must reach an agreement": an act
    another party owes (:func:`is_demanded`), said by someone, is the speaker's demand of
    that party, a REQUEST; None where nobody coded says it, no party owes it, or the
    speaker owes it itself ("Russia said it must respond")."""
    if not args.actors or not is_demanded(token):
        return None
    speaker = _speaker_of(token.i, sentence)
    if speaker is None:
        return None
    if any((a.start, a.end) == (speaker.start, speaker.end) for a in args.actors) or (
        speaker.code is not None and any(a.code == speaker.code for a in args.actors)
    ):
        return None
    return replace(args, actors=(speaker,), recipients=args.actors)


def _speaker_of(token: int, sentence: Sentence) -> ActorRef | None:
    """Who says the event whose trigger is ``token``: the first coded speaker of a claim
    that asserts it."""
    return next(
        (
            a.speaker
            for a in reaching(token, sentence.attributions)
            if a.speaker is not None and a.claim.stance == "asserts"
        ),
        None,
    )


def _self_asserted(actors: tuple[ActorRef, ...], claims: tuple[Claim, ...]) -> bool:
    codes = {a.code for a in actors if a.code}
    return any(c.code in codes for c in claims if c.stance == "asserts")


def _apply_denials(per_sentence: list[list[Event]], denials: list[Claim], home: str | None) -> None:
    """Attach each denial to the nearest earlier sentence asserted by someone else."""
    for denial in denials:
        target = _denied_sentence(per_sentence, denial)
        if target is None:
            continue
        per_sentence[target] = [
            replace(e, claims=(*e.claims, *localize_claims((denial,), e.event_loc, home)),
                    contested=True)
            for e in per_sentence[target]
        ]  # fmt: skip


def _denied_sentence(per_sentence: list[list[Event]], denial: Claim) -> int | None:
    last = len(per_sentence) - 1
    fallback: int | None = None
    for i in range(last, max(-1, last - LOOKBACK_SENTENCES), -1):
        events = per_sentence[i]
        if not events:
            continue
        if any(c.stance == "asserts" and c.code != denial.code for e in events for c in e.claims):
            return i
        fallback = i if fallback is None else fallback
    return fallback


def _context_places(
    ctx: _ArticleContext, token: Token, event: EventType, aux: Aux | None, sentence: Sentence
) -> tuple[list[Place], bool]:
    """Where an event whose clause names no place happened, from the sentence around it or
    the sentences before; and whether that is only the dateline's, where the report was
    filed (PlaceMemory.recall)."""
    if opening := fronted_phrases(token, EVENT_PLACE_PREPS) - ctx.dateline:
        # "In Yerevan, protesters gathered, and police detained dozens of them"
        places = event_places(ctx.doc, ctx.mentions.places, opening, ctx.actor_tokens)
        if places:
            return places, False
    if event not in PLACED_BY_CONTEXT:
        return [], False
    if joined := coordinated_clause(token) - ctx.dateline:
        # "protesters gathered in Yerevan, and police detained dozens of them"
        places = event_places(ctx.doc, ctx.mentions.places, joined, ctx.actor_tokens)
        if places:
            return places, False
    if aux == "historical":
        return [], False
    recalled, filed = ctx.memory.recall(sentence.sequence)
    return ([recalled], filed) if recalled is not None else ([], False)
