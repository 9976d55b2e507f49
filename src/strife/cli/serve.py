"""``strife serve``: the HTTP API and the dashboard over a store, on one uvicorn process.

One process, because DuckDB lets one process hold a store for writing. The API modules
(FastAPI, uvicorn) are imported when the command runs, not when the CLI starts, so that
``strife code`` does not pay for them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from strife.cli.options import DEFAULT_DB, fail
from strife.display import stderr_console, tell
from strife.errors import StrifeError


def serve_command(
    db: Annotated[
        Path, typer.Option("--db", help="DuckDB file of the events to serve.", dir_okay=False)
    ] = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    private: Annotated[
        bool, typer.Option("--private", help="Require the token (STRIFE_TOKEN) for reads too.")
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Also answer requests for this host name (repeatable; localhost always).",
        ),
    ] = None,
    allow_private_fetch: Annotated[
        bool,
        typer.Option(
            "--allow-private-fetch",
            help="Let submitted URLs reach private, loopback and link-local addresses.",
        ),
    ] = False,
) -> None:
    """Serve the HTTP API and the dashboard (writes need STRIFE_TOKEN)."""
    import uvicorn

    from strife.api import hosts, listen
    from strife.api.app import create_app
    from strife.api.settings import ApiSettings

    err = stderr_console()
    try:
        allowed = hosts.allowed_hosts(host, allowed_host or ())
        settings = ApiSettings.from_env(db, private=private, allowed_hosts=allowed)
        if allow_private_fetch:
            settings = replace(settings, fetch=replace(settings.fetch, allow_private=True))
        app = create_app(settings)
        if not private and not hosts.is_loopback(host):
            tell(err, f"strife: warning: {_OPEN_READS.format(host=host)}")
        sockets = listen.bind(host, port)
    except StrifeError as exc:
        fail(exc)
    reads = "reads need the token" if private else "reads open"
    writes = "writes with the token" if settings.writable else "read-only (no STRIFE_TOKEN)"
    tell(err, f"strife: serving {db} on {listen.url(host, port)} ({reads}, {writes})")
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=sockets)


_OPEN_READS = (
    "{host} is not a loopback address: anyone who can reach this port can read the events "
    "(--private requires the token for reads too; see docs/security.md)"
)
