"""Which ``Host`` headers the server answers: a guard against DNS rebinding.

A web page on ``evil.example`` can make its name resolve to 127.0.0.1 and then read a
server on the reader's own machine as if it were its own origin. Such a request still says
``Host: evil.example``. A server listening on a loopback address therefore answers only
the names that mean this machine (``localhost``, ``127.0.0.1``, ``[::1]``, the address it
listens on, with any port) and those given with ``--allowed-host``; any other host gets
400. A server on another address checks the host only when ``--allowed-host`` is given,
since strife cannot know every name it is reached by.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from typing import Final

from starlette.types import ASGIApp, Receive, Scope, Send

from strife.api.errors import ApiConfigError, error_response

LOCAL_HOSTS: Final = frozenset({"localhost", "127.0.0.1", "[::1]"})
_NAME: Final = re.compile(r"[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?")
_HOST_PORT: Final = re.compile(r"(\[[^\]]*\]|[^:\[\]]*)(?::[0-9]{1,5})?")


def is_loopback(host: str) -> bool:
    """Whether listening on ``host`` keeps the server to this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str | None:
    """``value`` as the allowed-hosts set spells it (lower case, IPv6 in brackets), or
    None when it is not a host name or an IP address."""
    value = value.lower()
    literal = value[1:-1] if value.startswith("[") and value.endswith("]") else value
    try:
        address = ipaddress.ip_address(literal)
    except ValueError:
        return value if _NAME.fullmatch(value) and ".." not in value else None
    return f"[{address.compressed}]" if address.version == 6 else address.compressed


def allowed_hosts(listen: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The hosts a server listening on ``listen`` answers (None: any), with ``extra``.

    Raises ``ApiConfigError`` for an ``extra`` entry that is not a host name or address.
    """
    given = set()
    for value in extra:
        name = host_name(value.strip())
        if name is None:
            raise ApiConfigError(
                f"--allowed-host {value!r} is not a host name or an IP address (no port)"
            )
        given.add(name)
    if not given and not is_loopback(listen):
        return None
    own = host_name(listen)
    if own is None or own in ("0.0.0.0", "[::]"):  # every address: no name of its own
        return frozenset(LOCAL_HOSTS | given)
    return frozenset(LOCAL_HOSTS | given | {own})


def header_host(value: bytes) -> str | None:
    """The host of a ``Host`` header (its port dropped), or None when it is malformed."""
    found = _HOST_PORT.fullmatch(value.decode("latin-1").strip())
    return None if found is None else host_name(found[1])


class HostCheck:
    """Answers 400 to a request whose ``Host`` is not one the server answers."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str] | None) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.allowed is not None:
            header = dict(scope.get("headers", ())).get(b"host")
            host = None if header is None else header_host(header)
            if host not in self.allowed:
                shown = "none" if header is None else repr(header.decode("latin-1")[:100])
                message = (
                    f"the host {shown} is not one this server answers "
                    "(start it with --allowed-host NAME to answer NAME)"
                )
                await error_response(400, message, "host_not_allowed")(scope, receive, send)
                return
        await self.app(scope, receive, send)
