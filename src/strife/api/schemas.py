"""The API's request and response shapes, for validation and the OpenAPI schema.

The event shape mirrors ``strife.output.event_to_dict`` (the JSON contract). Event responses
are sent from the stored JSON records directly; these models document them, and the
schemathesis test checks that what is sent conforms.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from strife.api.settings import MAX_ARTICLES_PER_POST, MAX_URLS_PER_POST

Stance = Literal["asserts", "denies"]


class Actor(BaseModel):
    entity_text: str
    code: str | None
    sector: str | None
    name: str | None
    start: int
    end: int
    other_sectors: list[str]


class EventPlace(BaseModel):
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


class Count(BaseModel):
    min: int
    text: str


class Size(BaseModel):
    dead: Count | None
    injured: Count | None
    arrested: Count | None


class TextInfo(BaseModel):
    sequence: int
    start: int
    end: int


class ClaimOut(BaseModel):
    by: str
    stance: Stance
    text: str
    start: int
    end: int
    code: str | None
    sector: str | None


class CiteInfo(BaseModel):
    url: str | None
    title: str | None
    publication: str | None
    published: str | None


class EventOut(BaseModel):
    """One event: the JSON contract of ``strife code --format jsonl``."""

    id: str
    article_id: str
    date: str | None
    date_source: Literal["text", "published"] | None
    date_text: str | None
    event: str
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
    aux: Literal["negation", "future", "hypothetical", "historical"] | None
    cite_info: CiteInfo
    confidence: float


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


class ArticleIn(BaseModel):
    """One article to code: its ``text`` (plain or scraped) or its ``html``, not both."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    url: str | None = Field(default=None, max_length=2000)
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
    urls: list[str] = Field(default_factory=list, max_length=MAX_URLS_PER_POST)

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


class SubmissionResult(BaseModel):
    stored: int = Field(description="articles the store did not hold before")
    coded: list[CodedOut]
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
