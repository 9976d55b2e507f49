"""Truce mentions: what one article says about each truce it reports.

Read from the article's text and its coded events, with no parse of its own, so that the
store can (re)derive them for any article it holds. A sentence with a truce word
("ceasefire", "truce", "humanitarian pause", "peace deal", "agreed to cease fire") is cut
into one window per truce it names; each window gives one :class:`TruceMention` unless
it only asks for a truce ("called for a ceasefire", "no truce"):

* parties from the events coded in the window (those who agree, or who fight or accuse
  each other), else the two countries the article is most about;
* mediators from the words ("brokered by", "via", "envoys from", "Russian-brokered",
  "Russia brokered") and from the organisations the agreement events are with;
* the day it was agreed, its start and end with the local time, where it was agreed
  (an agreement event's place named after "in") and where it applies (a province or
  country of the parties the window's events happen in);
* the commitments ("pledged not to target civilians", "exchange of prisoners");
* its number ("a fourth ceasefire attempt"), how many earlier truces the words count
  ("Russia brokered two ceasefires"), whether it is years old ("the 1994 ceasefire"), and
  the words saying it collapsed or was violated.

The sentence or two after a mention, when they name no truce of their own, add to it
("After six-hour talks ... the warring sides pledged not to target civilians").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from strife.plover import NON_STATE_CODES, EventType
from strife.records import Article, Event
from strife.truces.cues import Cues, Names, cues
from strife.truces.model import Evidence, Kind, Moment, Party, Site, Term, TruceMention
from strife.truces.moments import DAY_IN_TEXT, YEAR, duration, later, read_day, when_after
from strife.truces.terms import clause_end, noun_terms, pledged_terms

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n")
AGREEMENT_EVENTS: frozenset[EventType] = frozenset(
    {"AGREE", "SUPPORT", "CONCEDE", "CONSULT", "RETREAT"}
)
FIGHT_EVENTS: frozenset[EventType] = frozenset(
    {"ASSAULT", "ACCUSE", "COERCE", "THREATEN", "MOBILIZE", "REJECT"}
)
CONNECTOR = re.compile(r"^(?:[\s,]|and\b|the\b|its\b|\([A-Z. ]+\))*$")
FOLLOW_SENTENCES = 2
NEAR_CHARS = 40


@dataclass(slots=True)
class _Window:
    """One truce's words in a sentence: ``start:end`` around the cue ``cue_start:cue_end``."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    kind: Kind
    follow: list[tuple[int, int]] = field(default_factory=list)


def find_mentions(
    article: Article, events: Sequence[Event], names: Names | None = None
) -> list[TruceMention]:
    """The truce mentions of one coded article, in text order."""
    reader = _Reader(article, events, names or Names.load(), cues())
    return list(reader.mentions())


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (line breaks and sentence-final punctuation)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        # "U.S." or "Gen." before a capital does not end a sentence.
        if text[match.start()] != "\n" and cues().abbreviation.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue
        if text[start : match.start()].strip():
            spans.append(_stripped(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_stripped(text, start, len(text)))
    return spans


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Reader:
    def __init__(self, article: Article, events: Sequence[Event], names: Names, c: Cues) -> None:
        self.article = article
        self.text = article.text
        self.events = sorted(events, key=lambda e: e.event_start)
        self.names = names
        self.c = c
        self.published = article.published.date() if article.published else None
        self.pair: tuple[str, ...] = ()
        self.brokers: set[str] = set()

    def mentions(self) -> Iterator[TruceMention]:
        found: list[_Window] = []
        spans = sentences(self.text)
        taken: set[int] = set()
        for i, (start, end) in enumerate(spans):
            windows = [] if i in taken else self._windows(start, end)
            if not windows:
                continue
            found.extend(windows)
            last = windows[-1]
            if self._earlier(last) or self._count(last) > 1:
                continue
            for j in range(i + 1, min(i + 1 + FOLLOW_SENTENCES, len(spans))):
                cues = self._cue_spans(*spans[j])
                # A pledge that follows the truce it belongs to ("the warring sides pledged
                # not to target civilians") adds to it rather than counting as one more.
                if any(
                    kind != "other" or self.c.noun.fullmatch(self.text[c_start:c_end])
                    for c_start, c_end, kind in cues
                ):
                    break
                last.follow.append(spans[j])
                if cues:
                    taken.add(j)
        if not found:
            return
        brokers = {
            p.code
            for w in found
            for start, end in [(w.start, w.end), *w.follow]
            for p in self._mediator_hits(start, end)
        }
        self.brokers = brokers
        self.pair = _article_pair(self.events, self.text, brokers)
        for window in found:
            mention = self._read(window)
            if mention is not None:
                yield mention

    # --- finding the windows ---------------------------------------------------------------

    def _cue_spans(self, start: int, end: int) -> list[tuple[int, int, Kind]]:
        sentence = self.text[start:end]
        found: list[tuple[int, int, Kind]] = []
        for m in self.c.noun.finditer(sentence):
            found.append(
                (start + m.start(), start + m.end(), self._kind(m.group(), start + m.start()))
            )
        verbal: tuple[tuple[re.Pattern[str], Kind], ...] = (
            (self.c.verbal, "ceasefire"),
            (self.c.protect, "other"),
        )
        for pattern, kind in verbal:
            for m in pattern.finditer(sentence):
                if not any(s < start + m.end() and start + m.start() < e for s, e, _ in found):
                    found.append((start + m.start(), start + m.end(), kind))
        return sorted(found)

    def _kind(self, words: str, at: int) -> Kind:
        kind = self.c.kind(words)
        before = self.text[max(0, at - 25) : at].lower()
        if kind in ("ceasefire", "truce") and "humanitarian" in before:
            return "humanitarian ceasefire"
        if kind in ("ceasefire", "truce") and "unilateral" in before:
            return "unilateral ceasefire"
        return kind

    def _windows(self, start: int, end: int) -> list[_Window]:
        spans = self._cue_spans(start, end)
        windows: list[_Window] = []
        for i, (c_start, c_end, kind) in enumerate(spans):
            w_start = spans[i - 1][1] if i else start
            w_end = spans[i + 1][0] if i + 1 < len(spans) else end
            window = _Window(w_start, w_end, c_start, c_end, kind)
            if windows and self._signature(windows[-1]) == self._signature(window):
                last = windows[-1]
                last.end = w_end
                if last.kind == "ceasefire" and kind != "ceasefire":
                    last.kind = kind
                continue
            windows.append(window)
        for window, following in itertools.pairwise(windows):
            window.end = min(window.end, following.cue_start)
        return windows

    def _signature(self, window: _Window) -> tuple[object, ...]:
        return (self._earlier(window), self._ordinal(window), self._count(window))

    # --- reading one window ----------------------------------------------------------------

    def _read(self, window: _Window) -> TruceMention | None:
        words = self.text[window.start : window.end]
        cue = self._evidence(window.cue_start, window.cue_end)
        agreement = self.c.agreement.search(words)
        if self._only_asked(window, agreement is not None):
            return None
        events = self._events_in(window.start, window.end)
        follow_events = [e for s, t in window.follow for e in self._events_in(s, t)]
        mediators = self._mediators(window, events + follow_events)
        place = self._place(window, events)
        skip = {m.code for m in mediators} | self.brokers
        if place is not None:
            skip.add(place.country_code)
        parties = self._parties(window, events + follow_events, skip)
        if not parties:
            return None
        year = self._year(words)
        earlier = self._earlier(window) or self._count(window) > 1
        historical = year is not None
        fresh = self._fresh(window) and not earlier and not historical
        agreed = None if earlier else self._agreed_on(window, agreement, fresh, events)
        starts, ends = self._start_and_end(window, agreed)
        defining = agreement is not None or starts is not None
        return TruceMention(
            article_id=self.article.id,
            kind=window.kind,
            cue=cue,
            published=self.published,
            parties=parties,
            mediators=mediators,
            agreed_on=agreed,
            starts=starts,
            ends=ends,
            place=place,
            scope=self._scope(events + follow_events, parties),
            terms=self._terms(window, defining),
            ordinal=self._ordinal(window),
            count=max(self._count(window), 1),
            earlier=earlier,
            reference=not defining and not earlier and not historical,
            historical=historical,
            year=year,
            collapse=self._first(self.c.collapse, window.start, window.end),
            breach=self._first(self.c.breach, window.start, window.end),
            fresh=fresh,
            window=(window.start, window.end),
        )

    def _only_asked(self, window: _Window, agreed: bool) -> bool:
        """A call, a proposal or a denial of a truce, and nothing says one exists."""
        before = self.text[max(window.start, window.cue_start - NEAR_CHARS) : window.cue_start]
        if self.c.calls.search(before) is None:
            return False
        words = self.text[window.start : window.end]
        exists = (
            self.c.in_force.search(words)
            or self.c.breach.search(words)
            or self.c.collapse.search(words)
        )
        return not (agreed and not self._called_before_agreed(before)) and not exists

    def _called_before_agreed(self, before: str) -> bool:
        """The call words sit right before the cue ("agreed to call for a ceasefire")."""
        call = list(self.c.calls.finditer(before))
        agreement = list(self.c.agreement.finditer(before))
        return bool(call) and (not agreement or call[-1].start() > agreement[-1].start())

    def _near_words(self, window: _Window, n: int = 4) -> str:
        before = self.text[window.start : window.cue_start]
        return " ".join(before.split()[-n:])

    def _fresh(self, window: _Window) -> bool:
        """An indefinite or new truce ("agreed a ceasefire", "a new truce", "agreed to
        cease fire"), not one the reader knows already ("the ceasefire")."""
        if self.c.noun.fullmatch(self.text[window.cue_start : window.cue_end]) is None:
            return True
        return self.c.fresh.search(self._near_words(window, 3)) is not None

    def _earlier(self, window: _Window) -> bool:
        return self.c.earlier.search(self._near_words(window)) is not None

    def _ordinal(self, window: _Window) -> int | None:
        """The truce's number in the war ("a fourth ceasefire attempt"); not the number
        among one mediator's ("the first truce brokered by the United States")."""
        if self.c.mediation.search(self.text, window.cue_end, window.end):
            return None
        return self.c.number(self.c.ordinal, self._near_words(window, 3))

    def _count(self, window: _Window) -> int:
        cue = self.text[window.cue_start : window.cue_end].lower()
        if not cue.endswith("s"):
            return 1
        return self.c.number(self.c.count, self._near_words(window, 4)) or 0

    def _year(self, words: str) -> int | None:
        if self.published is None:
            return None
        years = [int(y) for y in YEAR.findall(words) if int(y) < self.published.year - 1]
        return years[0] if years else None

    def _events_in(self, start: int, end: int) -> list[Event]:
        return [e for e in self.events if start <= e.event_start < end]

    # --- who ---------------------------------------------------------------------------------

    def _parties(
        self, window: _Window, events: Sequence[Event], skip: set[str]
    ) -> tuple[Party, ...]:
        """The sides of the article's war when the window's events name one of them (or
        none); else the countries that agree in the window, or fight there."""
        on_cue = [
            e for e in events if e.event_start < window.cue_end and window.cue_start < e.event_end
        ]
        agreeing = [e for e in events if e.event in AGREEMENT_EVENTS]
        fighting = [e for e in events if e.event in FIGHT_EVENTS]
        chosen = self._between(window, skip) or _codes(on_cue, actors_only=False, skip=skip)
        for group, actors_only in ((agreeing, True), (fighting, False)):
            if len(chosen) < 2:
                for code, ref in _codes(group, actors_only=actors_only, skip=skip).items():
                    chosen.setdefault(code, ref)
        pair = [code for code in self.pair if code not in skip]
        if len(pair) == 2 and (len(chosen) < 2 or set(chosen) & set(pair)):
            chosen = {code: chosen.get(code) or self._named_in_article(code) for code in pair}
        parties = []
        for code, (name, evidence) in sorted(chosen.items()):
            country = self.names.country_name(code)
            if evidence is None or (country is not None and evidence.text != country):
                evidence = self._named_in_article(code)[1] or evidence
            parties.append(Party(code, country or name, evidence))
        return tuple(parties)

    def _between(
        self, window: _Window, skip: set[str]
    ) -> dict[str, tuple[str | None, Evidence | None]]:
        """The sides named by "between Armenia and Azerbaijan" in the window."""
        words = self.text[window.start : window.end]
        for match in re.finditer(r"\bbetween\s+", words):
            end = window.start + clause_end(words, match.end())
            named = {
                p.code: (p.name, p.evidence)
                for p in self._listed(window.start + match.end(), end)
                if p.code not in NON_STATE_CODES and p.code not in skip
            }
            if len(named) >= 2:
                return named
        return {}

    def _named_in_article(self, code: str) -> tuple[str | None, Evidence | None]:
        """The first words of the article that name the side ``code`` (for its evidence),
        its country's name first."""
        country = self.names.country_name(code)
        refs = [
            ref
            for event in self.events
            for ref in event.actor + event.recipient
            if ref.code == code and any(ch.isupper() for ch in ref.entity_text)
        ]
        refs.sort(key=lambda ref: (ref.entity_text != country, ref.start))
        if not refs:
            return None, None
        return refs[0].name, self._evidence(refs[0].start, refs[0].end)

    def _mediators(self, window: _Window, events: Sequence[Event]) -> tuple[Party, ...]:
        found: dict[tuple[str, str | None], Party] = {}
        spans = [(window.start, window.end), *window.follow]
        for start, end in spans:
            for hit in self._mediator_hits(start, end):
                found.setdefault((hit.code, hit.name), hit)
        for event in events:
            if event.event not in ("AGREE", "CONSULT", "SUPPORT"):
                continue
            for ref in event.recipient:
                if ref.code in NON_STATE_CODES:
                    party = Party(ref.code, ref.name, self._evidence(ref.start, ref.end))
                    found.setdefault((ref.code, ref.name), party)
        return tuple(found.values())

    def _mediator_hits(self, start: int, end: int) -> Iterator[Party]:
        words = self.text[start:end]
        for lead in self.c.mediation.finditer(words):
            span_end = clause_end(words, lead.end())
            yield from self._listed(start + lead.end(), start + span_end)
        for verb in self.c.mediation_after.finditer(words):
            yield from self._listed_before(
                max(start, start + verb.start() - 80), start + verb.start()
            )

    def _listed_before(self, start: int, end: int) -> Iterator[Party]:
        """Names listed right before ``end`` ("Russia and France helped to broker",
        "Russian-brokered")."""
        hits = list(self.names.find(self.text[start:end], start))
        at = end
        for hit in reversed(hits):
            gap = self.text[hit.end : at]
            if not (re.fullmatch(r"\s*-?\s*", gap) if at == end else CONNECTOR.match(gap)):
                return
            yield Party(hit.code, hit.name, self._evidence(hit.start, hit.end))
            at = hit.start

    def _listed(self, start: int, end: int) -> Iterator[Party]:
        """Names listed from ``start`` ("France, Russia and the United States")."""
        at = start
        for hit in self.names.find(self.text[start:end], start):
            if not CONNECTOR.match(self.text[at : hit.start]):
                return
            yield Party(hit.code, hit.name, self._evidence(hit.start, hit.end))
            at = hit.end

    # --- when and where ------------------------------------------------------------------------

    def _agreed_on(
        self, window: _Window, agreement: re.Match[str] | None, fresh: bool, events: list[Event]
    ) -> Moment | None:
        """The day the words say it was agreed: a day expression after the agreement verb
        (or just before it), with nothing between them saying something else happened."""
        if agreement is None:
            return None
        verb_start = window.start + agreement.start()
        verb_end = window.start + agreement.end()
        for match in DAY_IN_TEXT.finditer(
            self.text, max(window.start, verb_start - NEAR_CHARS), window.end
        ):
            between = (
                self.text[verb_end : match.start()]
                if match.start() >= verb_end
                else self.text[match.end() : verb_start]
            )
            if self._other_happening(between) or self.c.start_lead.search(between[-20:] + " "):
                continue
            day = read_day(match.group(), self.published)
            if day is not None:
                return Moment(day, None, self._evidence(match.start(), match.end()))
        words = self.text[window.start : window.end]
        if not fresh or self.c.collapse.search(words) or self.c.breach.search(words):
            return None
        for event in events:
            if (
                event.event in AGREEMENT_EVENTS
                and event.date is not None
                and event.date_source == "text"
            ):
                return Moment(event.date, None, self._evidence(event.event_start, event.event_end))
        if self.published is None:
            return None
        return Moment(self.published, None, self._evidence(verb_start, verb_end))

    def _other_happening(self, words: str) -> bool:
        return any(
            pattern.search(words)
            for pattern in (self.c.collapse, self.c.breach, self.c.in_force, self.c.attack)
        )

    def _start_and_end(
        self, window: _Window, agreed: Moment | None
    ) -> tuple[Moment | None, Moment | None]:
        reference = agreed.date if agreed is not None else None
        starts = ends = None
        for start, end in [(window.start, window.end), *window.follow]:
            for lead in self.c.start_lead.finditer(self.text, start, end):
                when = when_after(self.text[:end], lead.end(), self.published, reference)
                if when is not None and starts is None:
                    starts = Moment(when.day, when.time, self._evidence(lead.start(), when.end))
            for lead in self.c.end_lead.finditer(self.text, start, end):
                when = when_after(self.text[:end], lead.end(), self.published, reference)
                if when is not None and ends is None:
                    ends = Moment(when.day, when.time, self._evidence(lead.start(), when.end))
        if ends is None and starts is not None and starts.date is not None:
            length = duration(self.text[window.start : window.end])
            if length is not None:
                day, time = later(starts.date, starts.time, length)
                ends = Moment(day, time, starts.evidence)
        return starts, ends

    def _place(self, window: _Window, events: Sequence[Event]) -> Site | None:
        words = self.text[window.start : window.end]
        for event in events:
            loc = event.event_loc
            if event.event not in AGREEMENT_EVENTS or loc is None or loc.level != "city":
                continue
            at = words.find(loc.extracted_place)
            if at > 0 and re.search(r"\b(?:in|at)\s+$", words[:at]):
                ev = self._evidence(window.start + at, window.start + at + len(loc.extracted_place))
                return Site(
                    loc.resolved_place, loc.geonameid, loc.country_code, loc.lat, loc.lon, ev
                )
        return None

    def _scope(self, events: Sequence[Event], parties: tuple[Party, ...]) -> Site | None:
        codes = {p.code for p in parties}
        for event in events:
            loc = event.event_loc
            if loc is None or loc.level not in ("province", "district", "country"):
                continue
            if loc.country_code in codes:
                ev = self._evidence(loc.start, loc.end)
                return Site(
                    loc.resolved_place, loc.geonameid, loc.country_code, loc.lat, loc.lon, ev
                )
        return None

    # --- what ----------------------------------------------------------------------------------

    def _terms(self, window: _Window, defining: bool) -> tuple[Term, ...]:
        terms: dict[str, Term] = {}
        article_id = self.article.id
        for start, end in [(window.start, window.end), *window.follow]:
            found = list(pledged_terms(self.text, article_id, self.c, start, end))
            if defining and start == window.start:
                found += noun_terms(self.text, article_id, self.c, start, end)
            for term in found:
                terms.setdefault(term.text.lower(), term)
        return tuple(terms.values())

    # --- plumbing ------------------------------------------------------------------------------

    def _first(self, pattern: re.Pattern[str], start: int, end: int) -> Evidence | None:
        match = pattern.search(self.text, start, end)
        return None if match is None else self._evidence(match.start(), match.end())

    def _evidence(self, start: int, end: int) -> Evidence:
        return Evidence(self.article.id, start, end, self.text[start:end])


def _codes(
    events: Sequence[Event], *, actors_only: bool, skip: set[str]
) -> dict[str, tuple[str | None, Evidence | None]]:
    """Country codes of the events' actors (and recipients), first name and words of each."""
    found: dict[str, tuple[str | None, Evidence | None]] = {}
    for event in events:
        refs = event.actor if actors_only else event.actor + event.recipient
        for ref in refs:
            code = ref.code
            if code is None or code in NON_STATE_CODES or code in skip:
                continue
            evidence = Evidence(event.article_id, ref.start, ref.end, ref.entity_text)
            name, _ = found.get(code, (None, None))
            if code not in found or (name is None and ref.name):
                found[code] = (ref.name, evidence)
    return found


def _article_pair(events: Sequence[Event], text: str, skip: set[str]) -> tuple[str, ...]:
    """The two countries the article's fighting is most between (its agreements when it
    tells of no fighting), leaving out mediators, venues ("talks in Geneva") and countries
    no name in the article stands for (only "people" placed there)."""
    named = {
        ref.code
        for event in events
        for ref in event.actor + event.recipient
        if ref.code
        and any(ch.isupper() for ch in ref.entity_text)
        and not _VENUE.search(text, max(0, ref.start - 4), ref.start)
    }
    for kinds in (FIGHT_EVENTS, FIGHT_EVENTS | AGREEMENT_EVENTS):
        counts: Counter[str] = Counter()
        for event in events:
            if event.event not in kinds or event.aux == "historical":
                continue
            refs = event.actor if event.event in AGREEMENT_EVENTS else event.actor + event.recipient
            counts.update(
                {
                    ref.code
                    for ref in refs
                    if ref.code in named and ref.code not in NON_STATE_CODES | skip
                }
            )
        pair = [code for code, _ in counts.most_common(2)]
        if len(pair) == 2:
            return tuple(pair)
    return ()


_VENUE = re.compile(r"\b(?:in|at)\s+$")
