"""The API's errors and their one JSON shape, ``{"error": {status, code, message, details}}``.

Routes raise ``strife.errors`` classes (the API's own are below); ``install_error_handlers``
translates every error to HTTP in one place: strife's, FastAPI's validation errors,
Starlette's 404/405 and anything unexpected (a 500 that names no internals).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from strife.api.protocol import SECURITY_HEADERS
from strife.errors import InputError, ModelError, StoreError, StrifeError

log = logging.getLogger(__name__)

_HTTP_CODES: Mapping[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(StrifeError):
    """An error the API answers with ``status``; ``details`` lists per-field problems."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"

    def __init__(self, message: str, details: Sequence[Mapping[str, Any]] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = [dict(item) for item in details]


class InvalidParameter(ApiError):
    status = 422
    code = "invalid_request"


class NotFound(ApiError):
    status = 404
    code = "not_found"


class ApiConfigError(StrifeError):
    """The server cannot start with these settings (raised before it listens)."""


def error_body(
    status: int, message: str, code: str | None = None, details: Sequence[Any] = ()
) -> dict[str, Any]:
    """The JSON object of every error response."""
    return {
        "error": {
            "status": status,
            "code": code or _HTTP_CODES.get(status, "http_error"),
            "message": message,
            "details": list(details),
        }
    }


def error_response(
    status: int,
    message: str,
    code: str | None = None,
    details: Sequence[Any] = (),
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    # The security headers here too: a 500 is sent from outside every middleware.
    every = {**SECURITY_HEADERS, **(headers or {})}
    if status == 401:
        every["WWW-Authenticate"] = "Bearer"
    return JSONResponse(error_body(status, message, code, details), status, headers=every)


def install_error_handlers(app: FastAPI) -> None:
    """Register the translation of every error to the one JSON shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(StrifeError, _strife_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, ApiError):  # registered for ApiError only
        return await _unexpected_error(_, exc)
    return error_response(exc.status, exc.message, exc.code, exc.details)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    details = [
        {"where": ".".join(str(part) for part in error.get("loc", ())), "message": error["msg"]}
        for error in errors
    ]
    return error_response(422, "the request is not valid", "invalid_request", details)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, HTTPException):
        return await _unexpected_error(_, exc)
    return error_response(exc.status_code, str(exc.detail))


async def _strife_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, StoreError):
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(503, "the event store cannot be read or written", "store_error")
    if isinstance(exc, ModelError):
        return error_response(503, str(exc), "model_unavailable")
    if isinstance(exc, InputError):
        return error_response(422, str(exc), "invalid_input")
    return await _unexpected_error(request, exc)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(500, "internal server error (logged on the server)")
