"""One small HTTP server on a loopback address for tests that fetch.

``serving(host, routes)`` answers GET requests by path from ``routes`` (else ``fallback``),
records every path asked for in ``Site.seen``, runs on a daemon thread and is shut down when
the ``with`` block ends. Only loopback addresses (127.0.0.0/8, ::1) are accepted, so no test
can open a server on another interface.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Respond = Callable[[BaseHTTPRequestHandler], None]


def static(content_type: str, body: bytes, *, status: int = 200, length: bool = True) -> Respond:
    """Answer ``status`` with ``body``; without ``length`` no Content-Length (body streamed)."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        if length:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


NOT_FOUND = static("text/plain", b"not found", status=404)


@dataclass
class Site:
    """A loopback server: ``base`` to reach it, ``seen`` the paths it was asked for.

    ``routes`` is read at each request, so routes that need ``base`` can be added once the
    server is up.
    """

    base: str
    port: int
    routes: dict[str, Respond] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)


class _V6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


@contextmanager
def serving(
    host: str = "127.0.0.1",
    routes: dict[str, Respond] | None = None,
    *,
    fallback: Respond = NOT_FOUND,
) -> Iterator[Site]:
    """A threaded HTTP server on loopback ``host``: ``routes`` by path, else ``fallback``."""
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"not a loopback address: {host}")
    site = Site(base="", port=0, routes=dict(routes or {}))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.seen.append(self.path)
            site.routes.get(self.path, fallback)(self)

        def log_message(self, format: str, *args: Any) -> None:
            return

    v6 = ":" in host
    server = (_V6Server if v6 else ThreadingHTTPServer)((host, 0), Handler)
    site.port = server.server_address[1]
    site.base = f"http://[{host}]:{site.port}" if v6 else f"http://{host}:{site.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
