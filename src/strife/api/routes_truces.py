"""Routes that read truces: the filtered list, and one truce with its alleged violations.

Truces are read through ``Store.truces`` and ``Store.truce`` and sent as
``strife.truces.codec.truce_to_dict`` objects (what ``strife truces`` prints).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from strife.api import schemas
from strife.api.database import Database
from strife.api.errors import NotFound
from strife.api.filters import TruceFilter
from strife.api.params import truce_filter
from strife.api.responses import json_response
from strife.api.settings import DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE
from strife.truces.codec import truce_to_dict

Filter = Annotated[TruceFilter, Depends(truce_filter)]
TruceId = Annotated[str, Path(min_length=1, max_length=200, description="the truce's id")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Error}}


def truces_router(db: Database, dependencies: Sequence[Any]) -> APIRouter:
    """The read routes on truces; ``dependencies`` document the token (with --private)."""
    router = APIRouter(prefix="/api", tags=["truces"], dependencies=list(dependencies))

    @router.get("/truces", response_model=schemas.TrucePage)
    def list_truces(
        condition: Filter,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        """Truces matching every filter in the order they were agreed, one page at a time."""
        country, since, until = condition.country, condition.since, condition.until
        with db.store() as store:
            total = store.count_truces(country=country, since=since, until=until)
            page = store.truces(
                country=country, since=since, until=until, limit=limit, offset=offset
            )
        following = offset + len(page)
        return json_response(
            {
                "total": total,
                "limit": limit,
                "offset": offset,
                "next_offset": following if following < total else None,
                "truces": [truce_to_dict(truce) for truce in page],
            }
        )

    @router.get("/truces/{truce_id}", response_model=schemas.TruceOut, responses=NOT_FOUND)
    def get_truce(truce_id: TruceId) -> Response:
        """One truce: parties, mediators, days, terms, status history, violations, evidence."""
        with db.store() as store:
            truce = store.truce(truce_id)
        if truce is None:
            raise NotFound(f"no truce with id {truce_id!r}")
        return json_response(truce_to_dict(truce))

    return router
