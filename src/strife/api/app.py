"""The app factory: the store, the routers, the dashboard, access control and limits."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import Scope

from strife import __version__
from strife.api import schemas
from strife.api.auth import DOCUMENTED, AccessControl
from strife.api.dashboard import dashboard_router, web_files
from strife.api.database import Database
from strife.api.errors import install_error_handlers
from strife.api.hosts import HostCheck
from strife.api.limits import BodyLimit, TakesBody
from strife.api.protocol import HeadAsGet, SecurityHeaders
from strife.api.routes_articles import articles_router
from strife.api.routes_events import events_router
from strife.api.routes_truces import truces_router
from strife.api.settings import ApiSettings
from strife.api.submit import Submitter

DESCRIPTION = """PLOVER 2.0 events coded by strife, with the evidence for every field.

Reads are open unless the server runs with `--private`; writes (`POST /api/articles`) need
the server's token as `Authorization: Bearer <token>`. Every error has one shape:
`{"error": {"status", "code", "message", "details"}}`.
"""


def create_app(settings: ApiSettings, db: Database | None = None) -> FastAPI:
    """The API and dashboard over the store ``settings.db`` (opened here unless ``db`` is given).

    Raises ``StoreError`` when the store cannot be opened. The store is closed when the app
    shuts down.
    """
    database = db if db is not None else Database.open(settings.db, writable=settings.writable)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            database.close()

    app = FastAPI(
        title="strife",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the dashboard works offline
        redoc_url=None,
        lifespan=lifespan,
    )
    install_error_handlers(app)
    read = [DOCUMENTED] if settings.private else []
    routers = [
        events_router(database, read),
        truces_router(database, read),
        articles_router(database, Submitter(database, settings.fetch), read),
        _health_router(settings),
        dashboard_router(web_files()),
    ]
    for router in routers:
        app.include_router(router)
    # Added innermost first. A request meets, in turn: the security headers (set on every
    # response), the host check, the token (checked before the body is read), the body
    # limit, and HEAD turned into GET for the routes.
    app.add_middleware(HeadAsGet)
    app.add_middleware(
        BodyLimit, max_bytes=settings.max_body_bytes, takes_body=_body_routes(routers)
    )
    app.add_middleware(AccessControl, token=settings.token, private=settings.private)
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _body_routes(routers: Sequence[APIRouter]) -> TakesBody:
    """Whether a request is for one of the routes that read a body."""
    readers = [
        route
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute) and route.body_field is not None
    ]

    def takes_body(scope: Scope) -> bool:
        return any(route.matches(scope)[0] is Match.FULL for route in readers)

    return takes_body


def _health_router(settings: ApiSettings) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["server"])

    @router.get("/health", response_model=schemas.Health)
    def health() -> dict[str, object]:
        """Liveness: the server is up (open even with --private; tells no data)."""
        return {
            "status": "ok",
            "version": __version__,
            "writable": settings.writable,
            "private": settings.private,
        }

    return router
