"""``strife serve``: the HTTP API and the dashboard over a store, on one uvicorn process.

One process, because DuckDB lets one process hold a store for writing. The API modules
(FastAPI, uvicorn) are imported when the command runs, not when the CLI starts, so that
``strife code`` does not pay for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from strife.display import stderr_console
from strife.errors import StrifeError


def serve_command(
    db: Annotated[
        Path, typer.Option("--db", help="DuckDB file of the events to serve.", dir_okay=False)
    ] = Path("strife.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    private: Annotated[
        bool, typer.Option("--private", help="Require the token (STRIFE_TOKEN) for reads too.")
    ] = False,
) -> None:
    """Serve the HTTP API and the dashboard (writes need STRIFE_TOKEN)."""
    import uvicorn

    from strife.api.app import create_app
    from strife.api.settings import ApiSettings

    err = stderr_console()
    try:
        settings = ApiSettings.from_env(db, private=private)
        app = create_app(settings)
    except StrifeError as exc:
        err.print(f"strife: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from exc
    reads = "reads need the token" if private else "reads open"
    writes = "writes with the token" if settings.writable else "read-only (no STRIFE_TOKEN)"
    err.print(
        f"strife: serving {db} on http://{host}:{port}/ ({reads}, {writes})",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
