"""The listening sockets of ``strife serve``, bound before the server says it serves.

Binding them here, rather than letting uvicorn bind them once it runs, turns a port in use
(or an address that is not this machine's) into one line and exit status 2 before
anything is printed, and leaves no moment where the port is checked but not yet held.
"""

from __future__ import annotations

import socket
from typing import Any, Final

from strife.api.errors import ApiConfigError

BACKLOG: Final = 2048  # uvicorn's


def url(host: str, port: int) -> str:
    """The URL of a server listening on ``host``:``port`` (an IPv6 address in brackets)."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def bind(host: str, port: int) -> list[socket.socket]:
    """Listening sockets on every address ``host`` stands for, at ``port``.

    Raises ``ApiConfigError`` naming the address when one cannot be bound: the port is in
    use, the address is not one of this machine's, or binding it is not permitted.
    """
    where = url(host, port).removeprefix("http://").rstrip("/")
    try:
        found = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as exc:
        raise ApiConfigError(f"cannot listen on {where}: {exc.strerror}") from exc
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _, address in dict.fromkeys(found):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            _listen(sock, address)
    except OSError as exc:
        for sock in sockets:
            sock.close()
        raise ApiConfigError(f"cannot listen on {where}: {exc.strerror or exc}") from exc
    return sockets


def _listen(sock: socket.socket, address: tuple[Any, ...]) -> None:
    # As asyncio's own server does: reuse a port whose old connections are closing, and
    # an IPv6 socket for IPv6 only (its IPv4 twin is bound on its own).
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if sock.family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    sock.bind(address)
    sock.listen(BACKLOG)
