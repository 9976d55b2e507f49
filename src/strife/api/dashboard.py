"""The dashboard's static files, served from the package's ``web`` folder and nowhere else.

The files are listed once when the app is built; a request names one of them or gets 404.
No path from a request is ever joined to a filesystem path, so ``..``, encoded traversal
(``%2e%2e%2f``), absolute paths and backslashes cannot reach anything outside the folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final

from fastapi import APIRouter
from fastapi.responses import Response

from strife.api.errors import NotFound

MEDIA_TYPES: Final = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
# The dashboard loads nothing from elsewhere: no CDN, no inline script.
_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def web_files(root: Traversable | None = None) -> dict[str, Traversable]:
    """Every servable file under the web folder, by its path relative to it ("js/map.js")."""
    folder = root if root is not None else resources.files("strife") / "web"
    found: dict[str, Traversable] = {}
    _collect(folder, "", found)
    return found


def _collect(folder: Traversable, prefix: str, found: dict[str, Traversable]) -> None:
    for entry in folder.iterdir():
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir():
            _collect(entry, f"{prefix}{entry.name}/", found)
        elif _suffix(entry.name) in MEDIA_TYPES:
            found[prefix + entry.name] = entry


def dashboard_router(files: Mapping[str, Traversable]) -> APIRouter:
    """``GET /`` (the dashboard) and ``GET /static/{path}`` (its files)."""
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def index() -> Response:
        return _serve(files, "index.html")

    @router.get("/static/{path:path}")
    def static(path: str) -> Response:
        return _serve(files, path)

    return router


def _serve(files: Mapping[str, Traversable], name: str) -> Response:
    entry = files.get(name)
    if entry is None:
        raise NotFound(f"no dashboard file {name!r}")
    media_type = MEDIA_TYPES[_suffix(name)]
    return Response(entry.read_bytes(), media_type=media_type, headers=_HEADERS)


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""
