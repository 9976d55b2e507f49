"""Access control: the bearer token that guards writes, and reads too with ``--private``.

It is enforced once, in an ASGI middleware, before a route runs and before the request body
is read: a client without the token never gets its body parsed. Tokens are compared in
constant time (``hmac.compare_digest``); a server started without a token refuses every
write, since no request can carry a valid one. ``bearer`` only documents the scheme in the
OpenAPI schema for the routes that need it.
"""

from __future__ import annotations

import hmac
from typing import Final

from fastapi import Depends
from fastapi.security import HTTPBearer
from starlette.types import ASGIApp, Receive, Scope, Send

from strife.api.errors import error_response
from strife.api.settings import TOKEN_ENV

SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
# Open even with --private: liveness and the schema tell nothing about the events.
OPEN_PATHS: Final = frozenset({"/api/health", "/api/openapi.json"})

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description=f"the server's {TOKEN_ENV}, sent as 'Authorization: Bearer <token>'",
)
DOCUMENTED = Depends(bearer)


def token_matches(header: bytes | None, token: bytes | None) -> bool:
    """Whether an ``Authorization`` header value carries exactly ``token``."""
    if token is None or header is None:
        return False
    scheme, _, given = header.partition(b" ")
    if scheme.lower() != b"bearer":
        return False
    return hmac.compare_digest(given.strip(), token)


class AccessControl:
    """Answers 401 to a request that needs the token and does not carry it."""

    def __init__(self, app: ASGIApp, token: str | None, private: bool) -> None:
        self.app = app
        self.token = None if token is None else token.encode("utf-8")
        self.private = private

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._needs_token(scope):
            header = dict(scope.get("headers", ())).get(b"authorization")
            if not token_matches(header, self.token):
                await error_response(401, self._message(scope))(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _needs_token(self, scope: Scope) -> bool:
        path: str = scope.get("path", "")
        if not path.startswith("/api/") or path in OPEN_PATHS:
            return False
        return self.private or scope.get("method", "GET") not in SAFE_METHODS

    def _message(self, scope: Scope) -> str:
        action = "reading" if scope.get("method") in SAFE_METHODS else "writing"
        if self.token is None:
            return f"{action} is disabled: the server was started without {TOKEN_ENV}"
        return f"{action} needs a valid token (Authorization: Bearer ...)"
