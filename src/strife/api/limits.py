"""The request body limit: only a route that takes a body has it read, up to ``max_bytes``.

An ASGI middleware, before any route runs:

* a request to a route that takes a body (``POST /api/articles``) has it read here, at most
  ``max_bytes`` + 1 bytes whatever the ``Content-Length`` says (so a chunked or lying
  request cannot get past it), and 413 when it is over; the buffered body is handed on;
* a ``GET`` or ``HEAD`` that carries a body (``Content-Length`` over 0, or any
  ``Transfer-Encoding``) is answered 400 without reading a byte of it, and the connection
  is closed, so that a slow client cannot make the server hold its body;
* any other request goes on with its body unread: no route reads it (404 and 405 do not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from strife.api.errors import error_response

TakesBody = Callable[[Scope], bool]
_NO_BODY_METHODS: Final = frozenset({"GET", "HEAD"})


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, takes_body: TakesBody) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.takes_body = takes_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.takes_body(scope):
            if scope.get("method") in _NO_BODY_METHODS and _carries_body(scope):
                await _refuse_body(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if self._declared_too_large(scope):
            await self._refuse(scope, receive, send)
            return
        body, complete = await self._read(receive)
        if not complete:
            await self._refuse(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def _declared_too_large(self, scope: Scope) -> bool:
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                return not value.isdigit() or int(value) > self.max_bytes
        return False

    async def _read(self, receive: Receive) -> tuple[bytes, bool]:
        """The body, and False when it ran over the limit (reading stops there)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks), True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return b"", False
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), True

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = f"{self.max_bytes:,} bytes"
        response = error_response(413, f"the request body is over the limit of {limit}")
        await response(scope, receive, send)


def _carries_body(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"transfer-encoding":
            return True
        if name == b"content-length" and value.strip() not in (b"", b"0"):
            return True
    return False


async def _refuse_body(scope: Scope, receive: Receive, send: Send) -> None:
    message = f"a {scope.get('method')} request takes no body"
    response = error_response(400, message, headers={"Connection": "close"})
    await response(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
