"""The one fetcher: a page or a feed over HTTP(S), within the fetch policy.

Feeds (``strife code --fetch``) and the API's submitted URLs are fetched here. Every
connection, the first and each redirect's, goes through a network backend that resolves
the host once, checks every address against the policy (``fetch_policy``) and connects to
a checked address; TLS still verifies the certificate against the host name. One deadline
bounds the whole fetch: lookup, connections, redirects and every read.

Every failure (an address refused, a closed port, a timeout, a lookup or TLS failure, an
HTTP error) is the same ``UnreadableInput(source, "cannot be fetched")``, so that the
answer tells nothing of what lies behind the server; the detail goes to the debug log. A
body over the size limit is ``InputTooLarge``: that only happens on a host the policy allows.
"""

from __future__ import annotations

import functools
import logging
import ssl
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.message import Message
from typing import Final

import httpcore
import httpx

from strife import __version__
from strife.errors import InputTooLarge, UnreadableInput
from strife.ingest.decode import decode_declared, too_large
from strife.ingest.fetch_policy import AddressRefused, FetchPolicy, checked_addresses

log = logging.getLogger(__name__)

USER_AGENT: Final = f"strife/{__version__} (+https://github.com/openeventdata/PLOVER)"
CANNOT_FETCH: Final = "cannot be fetched"
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_PIECE: Final = 64 * 1024  # most bytes one step of decompression may produce
_FETCH_ERRORS: Final = (
    httpcore.TimeoutException,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.UnsupportedProtocol,
    httpx.InvalidURL,
    ssl.SSLError,
    zlib.error,
    OSError,
)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page as text; ``url`` is where it was found (after redirects)."""

    url: str
    text: str
    is_html: bool


@dataclass(frozen=True, slots=True)
class _Body:
    url: str
    data: bytes
    content_type: str


class _Unfetchable(Exception):
    """A fetch that reached a server and got no page (an HTTP error, a bad redirect)."""


def fetch(url: str, source: str, policy: FetchPolicy) -> bytes:
    """The body of ``url``; raises ``UnreadableInput`` or ``InputTooLarge``."""
    return _fetch(url, source, policy).data


def fetch_page(url: str, source: str, policy: FetchPolicy) -> Page:
    """The page at ``url`` as text; ``UnreadableInput``, ``InputTooLarge`` or ``BinaryInput``."""
    body = _fetch(url, source, policy)
    text = decode_declared(body.data, _charset(body.content_type), source)
    is_html = "html" in body.content_type.lower() or text.lstrip()[:1] == "<"
    return Page(body.url, text, is_html)


def _fetch(url: str, source: str, policy: FetchPolicy) -> _Body:
    try:
        return _follow(url, policy)
    except InputTooLarge as exc:
        raise InputTooLarge(source, exc.reason) from exc
    except (_Unfetchable, *_FETCH_ERRORS) as exc:
        log.debug("cannot fetch %s: %s: %s", url, type(exc).__name__, exc)
        raise UnreadableInput(source, CANNOT_FETCH) from exc


def _follow(url: str, policy: FetchPolicy) -> _Body:
    """GET ``url``, following at most ``max_redirects`` http(s) redirects, by the deadline."""
    deadline = time.monotonic() + policy.deadline_s
    backend = _CheckedBackend(policy, deadline)
    target = _http_url(httpx.URL(url))
    with httpcore.ConnectionPool(
        ssl_context=_tls_context(), network_backend=backend, retries=0
    ) as pool:
        for _ in range(policy.max_redirects + 1):
            with pool.stream(
                "GET", _core_url(target), headers=_headers(target), extensions=_timeouts(deadline)
            ) as response:
                location = _redirect(response)
                if location is None:
                    return _read(response, target, policy.max_bytes)
            target = _http_url(target.join(location))
    raise _Unfetchable(f"more than {policy.max_redirects} redirects")


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Certificates verified against the host name; built once (loading the CAs takes time)."""
    return httpcore.default_ssl_context()


def _http_url(url: httpx.URL) -> httpx.URL:
    if url.scheme not in ("http", "https") or not url.host:
        raise _Unfetchable(f"not an http(s) URL: {url}")
    if url.port is not None and not 0 < url.port < 65536:
        raise _Unfetchable(f"no such port: {url.port}")
    return url


def _core_url(url: httpx.URL) -> httpcore.URL:
    return httpcore.URL(
        scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
    )


def _headers(url: httpx.URL) -> list[tuple[bytes, bytes]]:
    return [
        (b"Host", url.netloc),
        (b"User-Agent", USER_AGENT.encode("ascii")),
        (b"Accept", b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        (b"Accept-Encoding", b"gzip"),
    ]


def _timeouts(deadline: float) -> dict[str, object]:
    left = _left(deadline, httpcore.ConnectTimeout)
    return {"timeout": {"connect": left, "read": left, "write": left, "pool": left}}


def _redirect(response: httpcore.Response) -> str | None:
    """Where a redirect points; None for a page. An HTTP error is ``_Unfetchable``."""
    if response.status in _REDIRECTS:
        location = _header(response, b"location")
        if not location:
            raise _Unfetchable(f"HTTP {response.status} without a Location")
        return location
    if not 200 <= response.status < 300:
        raise _Unfetchable(f"HTTP {response.status}")
    return None


def _read(response: httpcore.Response, url: httpx.URL, max_bytes: int) -> _Body:
    """The body, decompressed, never holding more than a piece past ``max_bytes``."""
    encoding = _header(response, b"content-encoding").lower()
    declared = _header(response, b"content-length")
    if encoding in ("", "identity") and declared.isdigit() and int(declared) > max_bytes:
        raise too_large(str(url), max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in _decompressed(response.iter_stream(), encoding):
        size += len(chunk)
        if size > max_bytes:
            raise too_large(str(url), max_bytes)
        chunks.append(chunk)
    return _Body(str(url), b"".join(chunks), _header(response, b"content-type"))


def _decompressed(chunks: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    """The body with its content encoding undone, in pieces of at most ``_PIECE`` bytes."""
    if encoding in ("", "identity"):
        yield from chunks
        return
    if encoding not in ("gzip", "x-gzip"):
        raise _Unfetchable(f"content encoding {encoding!r} was not asked for")
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    for chunk in chunks:
        pending = chunk
        while pending:
            yield inflater.decompress(pending, _PIECE)
            pending = inflater.unconsumed_tail
    yield inflater.flush()


def _header(response: httpcore.Response, name: bytes) -> str:
    for key, value in response.headers:
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return ""


def _charset(content_type: str) -> str | None:
    message = Message()
    message["content-type"] = content_type
    charset = message.get_content_charset()
    return charset if isinstance(charset, str) else None


def _left(deadline: float, timeout: type[httpcore.TimeoutException]) -> float:
    """Seconds left before ``deadline``; the given timeout error once there are none."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise timeout("the fetch deadline has passed")
    return left


class _CheckedBackend(httpcore.NetworkBackend):
    """Connections only to addresses the policy permits, each looked up once, by the deadline."""

    def __init__(self, policy: FetchPolicy, deadline: float) -> None:
        self._policy = policy
        self._deadline = deadline
        self._plain = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._addresses(host, port)
        failure: Exception = httpcore.ConnectError(f"cannot connect to {host}")
        for address in addresses:  # each a checked IP: connecting to it looks nothing up
            try:
                stream = self._plain.connect_tcp(
                    address,
                    port,
                    timeout=_left(self._deadline, httpcore.ConnectTimeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
                continue
            return _DeadlineStream(stream, self._deadline)
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("a fetch never connects to a Unix socket")

    def _addresses(self, host: str, port: int) -> list[str]:
        left = _left(self._deadline, httpcore.ConnectTimeout)
        try:
            return checked_addresses(host, port, self._policy, left)
        except AddressRefused as exc:
            raise httpcore.ConnectError(f"refused: {exc}") from exc
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot look up {host}: {exc}") from exc


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and handshake ends by the fetch's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = self._clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, left), self._deadline
        )

    def get_extra_info(self, info: str) -> object:
        return self._stream.get_extra_info(info)

    def _clamp(self, timeout: float | None, error: type[httpcore.TimeoutException]) -> float:
        left = _left(self._deadline, error)
        return left if timeout is None else min(timeout, left)
