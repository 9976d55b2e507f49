"""The server's configuration and limits, in one frozen object built from the command line.

The write token comes from the environment (``STRIFE_TOKEN``), never from a flag, so that it
does not show in process listings. Without a token the store is opened read-only and every
``POST`` is refused; ``private`` requires the token for reads too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from strife.api.errors import ApiConfigError

TOKEN_ENV: Final = "STRIFE_TOKEN"
DEFAULT_PAGE_SIZE: Final = 50
MAX_PAGE_SIZE: Final = 500
MAX_OFFSET: Final = 10_000_000
MAX_BODY_BYTES: Final = 5 * 1024 * 1024
MAX_ARTICLES_PER_POST: Final = 100
MAX_URLS_PER_POST: Final = 20
MAX_QUERY_CHARS: Final = 200
MIN_TOKEN_CHARS: Final = 16


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How submitted URLs are fetched: time per request, bytes per page, redirects."""

    timeout_s: float = 10.0
    max_bytes: int = MAX_BODY_BYTES
    max_redirects: int = 3


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """``allowed_hosts``: the ``Host`` names the server answers (``hosts.allowed_hosts``);
    None answers any."""

    db: Path
    token: str | None = None
    private: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    fetch: FetchLimits = field(default_factory=FetchLimits)
    allowed_hosts: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.private and self.token is None:
            raise ApiConfigError(f"--private needs a token: set {TOKEN_ENV}")
        if self.token is not None:
            _check_token(self.token)
        if self.max_body_bytes < 1:
            raise ApiConfigError("the body limit must be at least one byte")

    @property
    def writable(self) -> bool:
        """Whether the server writes: only with a token to protect the writes."""
        return self.token is not None

    @classmethod
    def from_env(
        cls,
        db: Path,
        *,
        private: bool = False,
        allowed_hosts: frozenset[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> ApiSettings:
        """Settings for ``db`` with the token read from ``STRIFE_TOKEN`` (empty means none)."""
        env = os.environ if environ is None else environ
        token = env.get(TOKEN_ENV) or None
        return cls(db=db, token=token, private=private, allowed_hosts=allowed_hosts)


def _check_token(token: str) -> None:
    """Refuse a token no request could ever carry (``auth.token_matches`` strips what is
    sent, and a header holds no control character)."""
    if not token.strip():
        raise ApiConfigError(f"{TOKEN_ENV} is only white space")
    if token != token.strip():
        raise ApiConfigError(f"{TOKEN_ENV} starts or ends with white space; remove it")
    if any(ord(char) < 32 or ord(char) == 127 for char in token):
        raise ApiConfigError(f"{TOKEN_ENV} holds a control character (a tab, a line break...)")
    if len(token) < MIN_TOKEN_CHARS:
        raise ApiConfigError(f"{TOKEN_ENV} must be at least {MIN_TOKEN_CHARS} characters")
