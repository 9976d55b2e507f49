"""The API's request and response shapes, for validation and the OpenAPI schema.

The event shape is ``strife.contract.event_to_dict`` (the JSON contract), the truce shape
``strife.truces.codec.truce_to_dict``. Event responses are sent from the stored JSON records
directly; these models document them. They take the vocabularies of ``strife.records`` and
refuse keys they do not name, and ``tests/test_contract.py`` checks them against the
contract recursively, both ways; the schemathesis test checks that what is sent conforms.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from strife.api.settings import MAX_ARTICLES_PER_POST, MAX_URLS_PER_POST
from strife.plover import EventType
from strife.records import Aux, DateSource, Level, ResolvedBy, Stance
from strife.truces.model import Kind, Status


def _http_url(value: str) -> str:
    # Refused here, not at fetch time: a javascript: or data: URL must never be stored.
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("only http:// and https:// URLs are accepted")
    return url


HttpUrl = Annotated[
    str,
    Field(max_length=2000, description="an absolute http:// or https:// URL"),
    AfterValidator(_http_url),
]


class _Contract(BaseModel):
    """A part of the event contract: exactly the keys ``event_to_dict`` writes."""

    model_config = ConfigDict(extra="forbid")


class Actor(_Contract):
    entity_text: str
    code: str | None
    sector: str | None
    name: str | None
    start: int
    end: int
    other_sectors: list[str]


class EventPlace(_Contract):
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
    level: Level | None
    resolved_by: ResolvedBy = "name"


class Count(_Contract):
    min: int
    text: str


class Size(_Contract):
    dead: Count | None
    injured: Count | None
    arrested: Count | None


class TextInfo(_Contract):
    sequence: int
    start: int
    end: int


class ClaimOut(_Contract):
    by: str
    stance: Stance
    text: str
    start: int
    end: int
    code: str | None
    sector: str | None


class CiteInfo(_Contract):
    url: str | None
    title: str | None
    publication: str | None
    published: str | None


class EventOut(_Contract):
    """One event: the JSON contract of ``strife code --format jsonl``."""

    id: str
    article_id: str
    date: str | None
    date_source: DateSource | None
    date_text: str | None
    event: EventType
    mode: str | None
    context: list[str]
    quad_code: int
    actor: list[Actor]
    recipient: list[Actor]
    event_loc: EventPlace | None
    size: Size
    event_text: str
    event_start: int
    event_end: int
    text: str
    text_info: TextInfo
    claims: list[ClaimOut]
    contested: bool
    aux: Aux | None
    cite_info: CiteInfo
    confidence: float
    group_id: str | None = Field(description="the group of events that report the same event")
    n_articles: int | None = Field(description="articles that report the group's event")
    n_sources: int | None = Field(description="outlets that report the group's event")


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, over all pages")
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, null on the last")
    items: list[EventOut]


class ArticleSummary(BaseModel):
    id: str
    source: str
    url: str | None
    title: str | None
    publication: str | None
    published: str | None
    n_events: int
    coded_at: str


class Span(BaseModel):
    role: str = Field(
        description="trigger, actor, recipient, place, date, dead, injured, arrested, "
        "asserts or denies"
    )
    start: int = Field(description="character offset into the article text")
    end: int
    text: str
    label: str


class Excerpt(BaseModel):
    start: int
    end: int
    text: str


class EventDetail(BaseModel):
    event: EventOut
    article: ArticleSummary
    evidence: list[Span]
    excerpts: list[Excerpt] = Field(
        description="the event's sentence and every sentence holding evidence outside it, "
        "in text order"
    )


class ArticleDetail(ArticleSummary):
    text: str = Field(description="the cleaned text every offset points into")
    events: list[EventOut]


class Bucket(BaseModel):
    key: str
    count: int
    dead: int


class Dyad(BaseModel):
    actor: str
    recipient: str
    count: int


class PlaceBucket(BaseModel):
    geonameid: int
    name: str | None
    country_code: str | None
    lat: float
    lon: float
    count: int
    contested: int
    dead: int
    quad: int = Field(description="the most frequent quad code of the events there")


class Fatalities(BaseModel):
    dead: int
    injured: int
    arrested: int


class Stats(BaseModel):
    total: int
    contested: int
    first_date: str | None
    last_date: str | None
    fatalities: Fatalities
    by_day: list[Bucket]
    by_week: list[Bucket]
    by_type: list[Bucket]
    by_quad: list[Bucket]
    by_dyad: list[Dyad]
    by_place: list[PlaceBucket]


class Quote(BaseModel):
    """Words of one article: ``text`` is the article's text from ``start`` to ``end``."""

    article_id: str
    start: int
    end: int
    text: str


class TruceParty(BaseModel):
    code: str = Field(description="PLOVER actor code")
    name: str | None
    evidence: Quote | None


class TruceSite(BaseModel):
    name: str
    geonameid: int
    country_code: str
    lat: float
    lon: float
    evidence: Quote | None


class TruceTerm(BaseModel):
    text: str = Field(description='one commitment ("not to target civilians")')
    evidence: Quote


class StatusChange(BaseModel):
    status: Status
    date: str | None
    evidence: Quote | None


class Violation(BaseModel):
    """An event between the truce's parties, in its scope and time, or said to breach it."""

    event_id: str = Field(description="the event (GET /api/events/{event_id})")
    article_id: str
    date: str | None
    event: EventType
    accused: str | None = Field(description="code of who allegedly fired")
    accuser: str | None = Field(description="code of who says so")
    contested: bool = Field(description="someone denies it")
    place: TruceSite | None
    explicit: bool = Field(description="the text calls it a violation")
    evidence: Quote


class TruceEvidence(BaseModel):
    agreed_on: Quote | None
    starts: Quote | None
    ends: Quote | None
    mentions: list[Quote] = Field(description="the words of every report merged into the truce")


class TruceOut(BaseModel):
    """One truce across articles: the JSON object of ``strife truces``."""

    id: str
    kind: Kind
    conflict: list[str] = Field(description="the sorted party codes of its war")
    agreed_on: str | None
    starts: str | None = Field(description="day, with the local time when stated")
    ends: str | None = Field(description="day, with the local time when stated")
    parties: list[TruceParty]
    mediators: list[TruceParty]
    place: TruceSite | None = Field(description="where it was agreed")
    scope: TruceSite | None = Field(description="where it applies")
    terms: list[TruceTerm]
    status: Status
    status_history: list[StatusChange]
    superseded_by: str | None = Field(description="id of the truce that replaced it")
    violations: list[Violation]
    articles: list[str]
    n_sources: int
    ordinal: int | None = Field(description='its number in the war ("a fourth ceasefire")')
    historical: bool
    year: int | None
    evidence: TruceEvidence


class TrucePage(BaseModel):
    total: int = Field(description="truces matching the filters, over all pages")
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, null on the last")
    truces: list[TruceOut]


class ArticleIn(BaseModel):
    """One article to code: its ``text`` (plain or scraped) or its ``html``, not both."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    url: HttpUrl | None = None
    title: str | None = Field(default=None, max_length=1000)
    publication: str | None = Field(default=None, max_length=200)
    published: datetime | None = Field(
        default=None,
        description="publication time; one outside 1800-2100 (in UTC) is ignored, "
        "and the article is coded without it",
    )

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self


class Submission(BaseModel):
    """Articles to code and store: given in full, or as URLs the server fetches."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(default_factory=list, max_length=MAX_ARTICLES_PER_POST)
    urls: list[HttpUrl] = Field(default_factory=list, max_length=MAX_URLS_PER_POST)

    @model_validator(mode="after")
    def _not_empty(self) -> Submission:
        if not self.articles and not self.urls:
            raise ValueError("give at least one article or URL")
        return self


class CodedOut(BaseModel):
    source: str
    article_id: str
    events: list[str] = Field(description="ids of the events coded from the article")


class RejectedOut(BaseModel):
    source: str
    reason: str


class DuplicateOut(BaseModel):
    source: str
    article_id: str = Field(description="the stored (or earlier submitted) original")
    kind: Literal["stored", "exact", "near"] = Field(
        description="the store held it, an exact copy, or a near duplicate"
    )
    similarity: float = Field(ge=0, le=1, description="estimated Jaccard similarity")


class SubmissionResult(BaseModel):
    stored: int = Field(description="articles the store did not hold before")
    coded: list[CodedOut]
    duplicates: list[DuplicateOut] = Field(
        description="articles not coded: copies of an article the store holds"
    )
    rejected: list[RejectedOut]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    writable: bool
    private: bool


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, str]]


class Error(BaseModel):
    """The shape of every error response."""

    error: ErrorBody
