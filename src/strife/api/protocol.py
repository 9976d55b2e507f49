"""What every response shares, whatever answers it: headers, and ``HEAD`` on ``GET`` routes.

* ``SecurityHeaders`` sets ``X-Content-Type-Options: nosniff`` on every response (the API,
  the dashboard, errors, 404s), so that no browser runs a JSON or CSV body it was tricked
  into loading as a script or a page. (``errors.error_response`` sets it too, for the one
  response that comes from outside every middleware: the 500 of an unexpected error.)
* ``HeadAsGet`` answers ``HEAD`` as the ``GET`` of the same URL, with its headers
  (``Content-Length`` included) and no body, as HTTP asks of every ``GET`` resource.
"""

from __future__ import annotations

from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS: Final = {"X-Content-Type-Options": "nosniff"}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
