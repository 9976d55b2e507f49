"""Fetching a page or a feed over HTTP(S), within a time and size limit."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from typing import Final

from strife import __version__
from strife.errors import InputTooLarge, UnreadableInput
from strife.ingest.decode import decode_text, human_size

USER_AGENT: Final = f"strife/{__version__} (+https://github.com/openeventdata/PLOVER)"
DEFAULT_TIMEOUT_S: Final = 10.0


def fetch(url: str, source: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str | None]:
    """The body of ``url`` and the charset its server named; ``UnreadableInput`` if not."""
    if not url.startswith(("http://", "https://")):
        raise UnreadableInput(source, f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as err:
        raise UnreadableInput(source, f"cannot fetch {url}: HTTP {err.code}") from err
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        raise UnreadableInput(source, f"cannot fetch {url}: {reason}") from err
    if len(data) > max_bytes:
        raise InputTooLarge(source, f"{url} is larger than {human_size(max_bytes)}")
    return data, charset


def fetch_text(url: str, source: str, *, timeout: float, max_bytes: int) -> str:
    """The body of ``url`` as text."""
    data, charset = fetch(url, source, timeout=timeout, max_bytes=max_bytes)
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, source)
