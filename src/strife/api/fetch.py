"""Fetching a submitted URL: http(s) only, with a timeout, a size cap and few redirects.

Every failure is an ``InputError`` naming the URL, so that a URL that cannot be read becomes
a rejection like any other input, and the rest of the submission goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from strife import __version__
from strife.api.settings import FetchLimits
from strife.errors import InputTooLarge, UnreadableInput
from strife.ingest.decode import check_not_binary, decode_text, human_size


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    text: str
    is_html: bool


def fetch(url: str, limits: FetchLimits) -> Page:
    """The page at ``url``; raises ``UnreadableInput``, ``InputTooLarge``, ``BinaryInput``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnreadableInput(url, "only http:// and https:// URLs are fetched")
    try:
        data, content_type = _download(url, limits)
    except httpx.HTTPError as exc:
        raise UnreadableInput(url, f"cannot fetch ({type(exc).__name__})") from exc
    check_not_binary(data, url)
    text = decode_text(data, url)
    is_html = "html" in content_type or text.lstrip()[:1] == "<"
    return Page(url, text, is_html)


def _download(url: str, limits: FetchLimits) -> tuple[bytes, str]:
    headers = {"User-Agent": f"strife/{__version__}"}
    with (
        httpx.Client(
            timeout=limits.timeout_s,
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            trust_env=False,
        ) as client,
        client.stream("GET", url, headers=headers) as response,
    ):
        if response.status_code >= 400:
            raise UnreadableInput(url, f"the server answered HTTP {response.status_code}")
        return _read_capped(response, url, limits.max_bytes), response.headers.get(
            "content-type", ""
        )


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(url, f"larger than {human_size(max_bytes)}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(url, f"larger than {human_size(max_bytes)}")
        chunks.append(chunk)
    return b"".join(chunks)
