"""Rows of the store's tables built from records, and records rebuilt from rows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import duckdb

from strife.contract import event_from_dict, event_to_dict
from strife.dedupe.copies import Copy
from strife.dedupe.groups import group_id
from strife.errors import MalformedRecord, StoreError
from strife.plausible_dates import is_plausible_moment
from strife.records import Article, Event

Row = tuple[Any, ...]


@dataclass(slots=True)
class Batch:
    """Rows for one write, built (and checked) before the transaction starts.

    Keyed by article id so that an article given twice in one batch is written once, with
    the events of its last occurrence; copies are keyed by (article, source).
    """

    articles: dict[str, Row] = field(default_factory=dict)
    events: dict[str, list[Row]] = field(default_factory=dict)
    copies: dict[tuple[str, str], Row] = field(default_factory=dict)
    signatures: dict[str, bytes] = field(default_factory=dict)
    coded: dict[str, tuple[Article, Sequence[Event]]] = field(default_factory=dict)

    def add(self, article: Article, events: Sequence[Event], coded_at: datetime) -> None:
        for event in events:
            if event.article_id != article.id:
                raise StoreError(
                    f"event {event.id!r} belongs to article {event.article_id!r}, "
                    f"not to {article.id!r}"
                )
        self.articles[article.id] = article_row(article, len(events), coded_at)
        self.events[article.id] = [event_row(event) for event in events]
        self.coded[article.id] = (article, events)
        self.add_copy(Copy.of(article, article.id))

    def add_copy(self, copy: Copy) -> None:
        self.copies.setdefault((copy.article_id, copy.source), copy_row(copy))

    def event_rows(self) -> list[Row]:
        return [row for rows in self.events.values() for row in rows]

    def signature_rows(self) -> list[Row]:
        return [(article_id, data) for article_id, data in self.signatures.items()]

    def is_empty(self) -> bool:
        return not (self.articles or self.copies)


def insert_rows(conn: duckdb.DuckDBPyConnection, sql: str, rows: Sequence[Row]) -> None:
    if rows:
        conn.execute(sql, [list(column) for column in zip(*rows, strict=True)])


def article_row(article: Article, n_events: int, coded_at: datetime) -> Row:
    published, offset_s = to_utc(article.published)
    return (
        article.id,
        article.source,
        article.url,
        article.title,
        article.publication,
        published,
        offset_s,
        article.text,
        article.lang,
        n_events,
        coded_at,
    )


def copy_row(copy: Copy) -> Row:
    published, offset_s = to_utc(copy.published)
    return (
        copy.article_id,
        copy.source,
        copy.url,
        copy.title,
        copy.publication,
        copy.outlet,
        published,
        offset_s,
        copy.similarity,
    )


# The columns ``article_from_row`` reads, in its order.
ARTICLE_FIELDS = "id, text, source, url, title, publication, published, published_offset_s, lang"


def article_from_row(row: Row) -> Article:
    aid, text, source, url, title, publication, published, offset_s, lang = row
    return Article(
        id=aid,
        text=text,
        source=source,
        url=url,
        title=title,
        publication=publication,
        published=from_utc(published, offset_s),
        lang=lang,
    )


def copy_from_row(row: Row) -> Copy:
    article_id, source, url, title, publication, published, offset_s, similarity = row
    return Copy(
        article_id=article_id,
        source=source,
        url=url,
        title=title,
        publication=publication,
        published=from_utc(published, offset_s),
        similarity=similarity,
    )


def event_row(event: Event) -> Row:
    try:
        record = json.dumps(event_to_dict(event), ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        raise StoreError(f"event {event.id!r} cannot be stored: {exc}") from exc
    loc, size = event.event_loc, event.size
    return (
        event.id,
        event.article_id,
        event.date,
        event.date_source,
        event.event,
        event.mode,
        event.quad_code,
        event.contested,
        event.aux,
        event.confidence,
        [ref.code for ref in event.actor if ref.code is not None],
        [ref.code for ref in event.recipient if ref.code is not None],
        None if loc is None else loc.country_code,
        None if loc is None else loc.geonameid,
        None if loc is None else loc.lat,
        None if loc is None else loc.lon,
        None if size.dead is None else size.dead.min,
        None if size.injured is None else size.injured.min,
        None if size.arrested is None else size.arrested.min,
        event.text_info.sequence,
        record,
        event.group_id or group_id(event),
    )


def event_from_record(event_id: str, record: str) -> Event:
    try:
        return event_from_dict(json.loads(record))
    except (ValueError, MalformedRecord) as exc:
        raise StoreError(f"stored event {event_id!r} is corrupt: {exc}") from exc


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_utc(moment: datetime | None) -> tuple[datetime | None, int | None]:
    """Split a datetime into naive UTC (what TIMESTAMP holds) and its UTC offset in seconds.

    A naive datetime is stored as is, with no offset, so it reads back naive. A moment
    outside the plausible range is stored as no date: ingest drops those already, and the
    write of a whole batch must never fail on one date.
    """
    if moment is None or not is_plausible_moment(moment):
        return None, None
    offset = moment.utcoffset()
    if offset is None:
        return moment, None
    return moment.astimezone(UTC).replace(tzinfo=None), int(offset.total_seconds())


def from_utc(stored: datetime | None, offset_s: int | None) -> datetime | None:
    if stored is None or offset_s is None:
        return stored
    zone = timezone(timedelta(seconds=offset_s))
    return stored.replace(tzinfo=UTC).astimezone(zone)
