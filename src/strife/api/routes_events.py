"""Routes that read events: the filtered list, one event with its evidence, the stats."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query
from fastapi.responses import Response

from strife.api import queries, schemas
from strife.api.database import Database
from strife.api.errors import NotFound
from strife.api.evidence import evidence_spans, excerpts
from strife.api.filters import EventFilter
from strife.api.params import event_filter
from strife.api.responses import CSV, csv_response, json_response, json_with_records
from strife.api.settings import DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE
from strife.api.stats import stats

Filter = Annotated[EventFilter, Depends(event_filter)]
EventId = Annotated[str, Path(min_length=1, max_length=200, description="the event's id")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Error}}


def events_router(db: Database, dependencies: Sequence[Any]) -> APIRouter:
    """The read routes on events; ``dependencies`` document the token (with --private)."""
    router = APIRouter(prefix="/api", tags=["events"], dependencies=list(dependencies))

    @router.get(
        "/events",
        response_model=schemas.EventPage,
        responses={200: {"content": {CSV: {}}, "description": "JSON, or CSV on request"}},
    )
    def list_events(
        condition: Filter,
        sort: Annotated[queries.SortKey, Query(description="field; '-' for descending")] = "date",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        format: Annotated[Literal["json", "csv"] | None, Query()] = None,
        accept: Annotated[str | None, Header(include_in_schema=False)] = None,
    ) -> Response:
        """Events matching every filter, one page at a time (JSON; CSV on request)."""
        with db.reader() as cur:
            page = queries.event_page(cur, condition, sort, limit, offset)
        if format == "csv" or (format is None and accept is not None and "text/csv" in accept):
            return csv_response(page.records, "events.csv")
        following = offset + len(page.records)
        fields = {
            "total": page.total,
            "limit": limit,
            "offset": offset,
            "next_offset": following if following < page.total else None,
        }
        return json_with_records(fields, "items", page.records)

    @router.get("/events/{event_id}", response_model=schemas.EventDetail, responses=NOT_FOUND)
    def get_event(event_id: EventId) -> Response:
        """One event with its article and the evidence spans to highlight."""
        with db.reader() as cur:
            record = queries.event_record(cur, event_id)
            event = None if record is None else json.loads(record)
            article = None if event is None else queries.article(cur, event["article_id"])
        if event is None or article is None:
            raise NotFound(f"no event with id {event_id!r}")
        spans = evidence_spans(event, article.text)
        return json_response(
            {
                "event": event,
                "article": article.summary(),
                "evidence": spans,
                "excerpts": excerpts(event, spans, article.text),
            }
        )

    @router.get("/stats", response_model=schemas.Stats)
    def get_stats(condition: Filter) -> Response:
        """Counts of the matching events by day, week, type, quad, dyad and place."""
        with db.reader() as cur:
            return json_response(stats(cur, condition))

    return router
