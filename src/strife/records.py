"""Typed records passed between the stages of the coder.

Every record is a frozen, slotted dataclass. Character offsets (``start``/``end``) always
point into the cleaned article text (``Article.text``), which the store keeps, so that any
field of an event can be traced back to the words it came from.

Flow::

    ingest  -> Article | Rejection
    actors  -> ActorMention (token span + ActorRef)
    places  -> PlaceMention (token span + Place)
    dates   -> DateMention  (token span + resolved date)
    events  -> Event (with Claim, Casualties, Place, ActorRef inside)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from strife.plover import EventType

DateSource = Literal["text", "published"]
Stance = Literal["asserts", "denies"]
Aux = Literal["negation", "future", "hypothetical", "historical"]
# How an actor mention was recognised (ActorMention.kind).
MentionKind = Literal["country", "agent", "person", "igo", "group", "pronoun", "alias"]
# How precise a place is, coarsest first (strife.places.levels reads it off the feature code).
Level = Literal["continent", "country", "province", "district", "city"]
ResolvedBy = Literal["name", "context"]
# The date type under another name: a field called ``date`` hides it inside a class body.
Day = date


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article, ready for the NLP stage.

    ``id`` is a content hash of the cleaned text, so the same article coded twice is
    stored once. ``source`` names where it came from (a path, ``path:line``, ``-``).
    """

    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    publication: str | None = None
    published: datetime | None = None
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be coded, and why (one line, names no internals)."""

    source: str
    reason: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor or recipient as PLOVER codes it.

    ``code`` is an ISO 3166 alpha-3 country code or one of IGO, UNO, EUR, NGO, ISM, IMG,
    MNC (or None when the country is unknown). ``sector`` is the primary PLOVER sector
    (GOV, MIL, REB, CVL ...) and ``other_sectors`` the secondary ones (e.g. PRE).
    ``name`` is the canonical name of the entity ("Nikol Pashinyan", "Armenia").
    """

    entity_text: str
    code: str | None
    sector: str | None
    name: str | None
    start: int
    end: int
    other_sectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in a spaCy Doc: token span [token_start, token_end) plus its coding.

    ``kind`` tells how it was recognised: "country" (name, demonym or capital used as
    metonym), "agent" (a sector word, possibly with a country: "Armenian defense
    ministry"), "person", "igo", "group" (armed group, party), or "pronoun" / "alias"
    when resolved through the article's memory.
    """

    token_start: int
    token_end: int
    ref: ActorRef
    kind: MentionKind


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a GeoNames entry. ``country_code`` is ISO alpha-3 (empty for a
    continent). ``level`` is how precise it is: "city" (a town or a site), "district",
    "province", "country" or "continent"."""

    extracted_place: str
    resolved_place: str
    geonameid: int
    lat: float
    lon: float
    country_code: str
    feature_code: str
    admin1: str | None
    start: int
    end: int
    level: Level | None = None
    #: "name": the gazetteer knows the name. "context": it does not (a hotel, a street, a
    #: hospital), and the place is the town or division the article puts it in.
    resolved_by: ResolvedBy = "name"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in a Doc: token span [token_start, token_end) and its resolution."""

    token_start: int
    token_end: int
    place: Place


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression in a Doc resolved against the publication date: tokens
    [token_start, token_end), characters [start, end) of the text.

    ``historical`` is True when the expression places the event well before the
    publication ("in 1992", "since 1992", "in 2007"). ``until`` is the last day of a range
    ("October 10-12", "from Monday to Wednesday"; ``date`` is its first). ``relative`` says
    where the date came from: True when it was read against the publication date
    ("Friday", "last week", "late September"), False when the text states it ("31 October
    2020", "in 1992").
    """

    token_start: int
    token_end: int
    text: str
    date: date
    start: int
    end: int
    historical: bool = False
    until: Day | None = None
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure: the lowest number the text supports and the words it came from."""

    min: int
    text: str


@dataclass(frozen=True, slots=True)
class Casualties:
    dead: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None

    def is_empty(self) -> bool:
        return self.dead is None and self.injured is None and self.arrested is None


@dataclass(frozen=True, slots=True)
class Claim:
    """Who asserts or denies an event, with the attribution's words."""

    by: str
    stance: Stance
    text: str
    start: int
    end: int
    code: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class TextInfo:
    """The sentence an event was coded from: its index in the article and offsets."""

    sequence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CiteInfo:
    url: str | None
    title: str | None
    publication: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER 2.0 event with the evidence for each field.

    ``date`` is None (and ``date_source`` None) only when the text names no date and the
    article has no publication date.

    ``group_id`` names the event group: events of the same date, type, marker, actor and
    recipient codes and place, from whatever article (``strife.dedupe.groups``).
    ``n_articles`` and ``n_sources`` count the group's articles and distinct outlets (near
    duplicates' outlets included); they are filled when events are read from a store.
    """

    id: str
    article_id: str
    date: date | None
    date_source: DateSource | None
    event: EventType
    mode: str | None
    context: tuple[str, ...]
    quad_code: int
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    event_loc: Place | None
    size: Casualties
    event_text: str
    event_start: int
    event_end: int
    text: str
    text_info: TextInfo
    claims: tuple[Claim, ...]
    contested: bool
    aux: Aux | None
    cite_info: CiteInfo
    confidence: float
    date_text: str | None = None
    group_id: str | None = None
    n_articles: int | None = None
    n_sources: int | None = None
