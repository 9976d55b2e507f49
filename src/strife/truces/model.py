"""Typed records of the truce stage.

A :class:`TruceMention` is what one article says about one truce (read from its text and
its coded events, ``strife.truces.mentions``); a :class:`Truce` is one truce across
articles, with the events that allegedly violate it (``strife.truces.build``). Every field
that comes from the text carries its :class:`Evidence`: the article and the character
offsets of the words, as events do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from strife.plover import EventType

Kind = Literal[
    "ceasefire",
    "humanitarian ceasefire",
    "truce",
    "peace agreement",
    "unilateral ceasefire",
    "other",
]
Status = Literal["announced", "in force", "violated", "collapsed", "superseded"]
KINDS: tuple[Kind, ...] = get_args(Kind)
STATUSES: tuple[Status, ...] = get_args(Status)
# The date type under another name: a field called ``date`` hides it inside a class body.
Day = date


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words of one article: ``text`` is ``article.text[start:end]``."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Party:
    """A party to a truce or a mediator: a PLOVER actor code and the name it was given."""

    code: str
    name: str | None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Moment:
    """A day, with the local time when the text states one ("00:00" for midnight).

    ``date`` is None for a time the text gives without a day that could be read.
    """

    date: Day | None
    time: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Site:
    """A place a truce was agreed in or applies to (a GeoNames entry, as events have)."""

    name: str
    geonameid: int
    country_code: str
    lat: float
    lon: float
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One commitment quoted from the text ("not to target civilians")."""

    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class TruceMention:
    """One article's report of one truce.

    ``ordinal`` is the truce's number in the war when the text gives it ("a fourth
    ceasefire attempt"); ``count`` how many truces the words name ("two ceasefires");
    ``earlier`` that they came before the one the article is about ("the previous failed
    ceasefires"); ``reference`` that the words point at a truce told elsewhere rather than
    announce one ("the latest ceasefire", "the truce"); ``historical`` that it is years
    old ("the 1994 ceasefire", with ``year``). ``collapse`` and ``breach`` are the words
    saying it collapsed or was violated; ``published`` is the article's day. ``fresh``:
    the words announce a truce ("agreed a ceasefire", "a new truce") rather than name one
    already known ("the ceasefire agreed in Moscow"). ``window``: the offsets of the words
    read for it.
    """

    article_id: str
    kind: Kind
    cue: Evidence
    published: Day | None
    parties: tuple[Party, ...] = ()
    mediators: tuple[Party, ...] = ()
    agreed_on: Moment | None = None
    starts: Moment | None = None
    ends: Moment | None = None
    place: Site | None = None
    scope: Site | None = None
    terms: tuple[Term, ...] = ()
    ordinal: int | None = None
    count: int = 1
    earlier: bool = False
    reference: bool = False
    historical: bool = False
    year: int | None = None
    collapse: Evidence | None = None
    breach: Evidence | None = None
    fresh: bool = False
    window: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class Violation:
    """An event between a truce's parties, in its scope and time, or said to breach it.

    ``accused`` is who allegedly fired, ``accuser`` who says so (codes); ``contested``
    that someone denies it; ``explicit`` that the text calls it a violation.
    """

    event_id: str
    article_id: str
    date: Day | None
    event: EventType
    accused: str | None
    accuser: str | None
    contested: bool
    place: Site | None
    explicit: bool
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: Status
    date: Day | None
    evidence: Evidence | None


@dataclass(frozen=True, slots=True)
class Truce:
    """One truce across articles.

    ``conflict`` is the sorted party codes the truce is kept under (its war, for updates);
    ``evidence`` the words of every mention merged into it.
    """

    id: str
    kind: Kind
    conflict: tuple[str, ...]
    parties: tuple[Party, ...]
    mediators: tuple[Party, ...]
    agreed_on: Moment | None
    starts: Moment | None
    ends: Moment | None
    place: Site | None
    scope: Site | None
    terms: tuple[Term, ...]
    status: Status
    status_history: tuple[StatusChange, ...]
    superseded_by: str | None
    violations: tuple[Violation, ...]
    articles: tuple[str, ...]
    n_sources: int
    ordinal: int | None
    historical: bool
    year: int | None
    evidence: tuple[Evidence, ...]

    @property
    def first_day(self) -> Day | None:
        """The earliest day the truce is known by (agreed, else starting)."""
        days = [m.date for m in (self.agreed_on, self.starts) if m is not None and m.date]
        return min(days) if days else None

    @property
    def ended_day(self) -> Day | None:
        """The day it collapsed or was superseded; None while it is still on (or when the
        day of its end is unknown)."""
        days = [
            c.date
            for c in self.status_history
            if c.status in ("collapsed", "superseded") and c.date is not None
        ]
        return min(days) if days else None

    @property
    def last_day(self) -> Day | None:
        """The latest day anything about the truce happened."""
        days = [c.date for c in self.status_history if c.date is not None]
        days += [v.date for v in self.violations if v.date is not None]
        if self.ends is not None and self.ends.date is not None:
            days.append(self.ends.date)
        first = self.first_day
        if first is not None:
            days.append(first)
        return max(days) if days else None
