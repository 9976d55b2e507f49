"""strife's HTTP API and dashboard server: ``create_app(settings)`` builds the FastAPI app.

Modules, one job each: ``settings`` (limits and configuration), ``errors`` (the one JSON error
shape), ``database`` (the store connection: cursors for reads, a lock for writes),
``facets`` (derived search columns kept in memory), ``filters`` and ``queries`` (parameterised
SQL), ``stats`` (aggregations), ``evidence`` (highlight spans), ``schemas`` (OpenAPI models),
``params`` (query-string parsing), ``auth`` and ``limits`` (token and body size), ``submit``
(coding posted articles; URLs through ``strife.ingest.fetch``), the routers, ``dashboard``
(static files); ``strife serve`` starts it (:mod:`strife.cli.serve`).
"""

from __future__ import annotations

from strife.api.app import create_app
from strife.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
