"""The one fetcher reaches only what its policy allows, by its deadline, and says nothing more.

The address policy is tested as a pure function; everything else against HTTP servers on
loopback addresses (127.0.0.1, 127.0.0.2, ::1), each recording what was asked of it, so that
a refusal is shown by a server that was never contacted. Host names other than ``localhost``
are answered by a stand-in for ``socket.getaddrinfo``: no test asks a real resolver.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from loopback import Respond, Site, serving, static
from strife.api import ApiSettings, create_app
from strife.api.database import Database
from strife.cli import app
from strife.errors import InputTooLarge, UnreadableInput
from strife.ingest.fetch import CANNOT_FETCH, fetch_page
from strife.ingest.fetch_policy import AddressRefused, FetchPolicy, checked_addresses, refusal

TOKEN = "correct-horse-battery-staple"
PAGE = b"<html><body><article><p>Troops shelled the town on Monday.</p></article></body></html>"
LOOPBACK = frozenset({"127.0.0.1"})

_page = static("text/html; charset=utf-8", PAGE)


def _redirect(location: str) -> Respond:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def _serving(
    host: str = "127.0.0.1", routes: dict[str, Respond] | None = None
) -> AbstractContextManager[Site]:
    """A loopback server on ``host``: ``routes`` by path, else the page."""
    return serving(host, routes, fallback=_page)


@pytest.fixture
def site() -> Iterator[Site]:
    with _serving() as served:
        yield served


def _fake_dns(monkeypatch: pytest.MonkeyPatch, names: dict[str, str]) -> list[str]:
    """Answer ``names`` (name -> IP) in place of the resolver; the names asked, in order."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in names:
            asked.append(host)
            return real(names[host], port, *args, **kwargs)
        if host.endswith((".test", ".invalid")):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def _refused(url: str, policy: FetchPolicy | None = None) -> str:
    with pytest.raises(UnreadableInput) as caught:
        fetch_page(url, url, policy or FetchPolicy())
    return caught.value.reason


# The address policy, pure.


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0",
        "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "192.0.2.1", "198.18.0.1", "::1", "::", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1",
        "fec0::1", "ff02::1", "ff0e::1", "2001:db8::1", "::ffff:127.0.0.1",
        "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::ffff:0.0.0.0", "::127.0.0.1",
        "2002:7f00:1::", "2002:a9fe:a9fe::1", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1",
    ],
)  # fmt: skip
def test_the_policy_refuses_every_address_that_is_not_public(address: str) -> None:
    ip = ipaddress.ip_address(address)

    assert refusal(ip) is not None
    assert FetchPolicy().permits(ip) is not None
    assert FetchPolicy(allow_private=True).permits(ip) is None


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8",
     "64:ff9b::808:808", "2002:808:808::1"],
)  # fmt: skip
def test_the_policy_lets_public_addresses_through(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


def test_allowed_addresses_are_one_spelling_each() -> None:
    policy = FetchPolicy(allowed=frozenset({"::ffff:127.0.0.1", "::0001"}))

    assert policy.allowed == {"127.0.0.1", "::1"}
    assert policy.permits(ipaddress.ip_address("127.0.0.1")) is None
    assert policy.permits(ipaddress.ip_address("::1")) is None
    assert policy.permits(ipaddress.ip_address("127.0.0.2")) == "loopback"


@pytest.mark.parametrize(
    "host",
    ["127.1", "2130706433", "0x7f.1", "0177.0.0.1", "0x7f000001", "017700000001", "0",
     "0.0.0.0", "localhost", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1"],
)  # fmt: skip
def test_every_spelling_of_loopback_is_read_as_the_resolver_reads_it(host: str) -> None:
    with pytest.raises(AddressRefused):
        checked_addresses(host, 80, FetchPolicy(), timeout=5)


# End to end against loopback servers.


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "127.1", "2130706433", "0x7f.1", "0177.0.0.1", "0.0.0.0",
     "[::ffff:127.0.0.1]"],
)  # fmt: skip
def test_loopback_is_refused_before_connecting(site: Site, host: str) -> None:
    assert _refused(f"http://{host}:{site.port}/") == CANNOT_FETCH
    assert site.seen == []


def test_ipv6_loopback_is_refused_before_connecting() -> None:
    with _serving("::1") as v6:
        assert _refused(f"{v6.base}/") == CANNOT_FETCH
        assert v6.seen == []


def test_allow_private_reaches_the_same_server(site: Site) -> None:
    page = fetch_page(f"http://localhost:{site.port}/a", "a", FetchPolicy(allow_private=True))

    assert page.is_html and "Troops shelled" in page.text
    assert site.seen == ["/a"]


def test_a_public_looking_name_that_resolves_to_loopback_is_refused(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _fake_dns(monkeypatch, {"news.example.test": "127.0.0.1"})

    assert _refused(f"http://news.example.test:{site.port}/") == CANNOT_FETCH
    assert site.seen == [] and asked == ["news.example.test"]


def test_the_host_is_looked_up_once_and_the_checked_address_is_reached(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _fake_dns(monkeypatch, {"news.example.test": "127.0.0.1"})

    page = fetch_page(f"http://news.example.test:{site.port}/p", "p", FetchPolicy(allowed=LOOPBACK))

    assert "Troops shelled" in page.text and site.seen == ["/p"]
    assert asked == ["news.example.test"]  # no second lookup could answer differently


@pytest.mark.parametrize("target_host", ["127.0.0.2", "::1"])
def test_a_redirect_to_another_internal_address_is_refused(target_host: str) -> None:
    with _serving(target_host) as inside:
        routes = {"/go": _redirect(f"{inside.base}/secret"), "/here": _redirect("/page")}
        with _serving(routes=routes) as allowed:
            policy = FetchPolicy(allowed=LOOPBACK)
            page = fetch_page(f"{allowed.base}/here", "here", policy)  # a redirect it may follow
            assert page.url == f"{allowed.base}/page"

            assert _refused(f"{allowed.base}/go", policy) == CANNOT_FETCH
            assert allowed.seen == ["/here", "/page", "/go"] and inside.seen == []


def test_redirects_to_other_schemes_and_past_the_limit_are_refused() -> None:
    routes = {
        "/file": _redirect("file:///etc/passwd"),
        "/ftp": _redirect("ftp://127.0.0.1/"),
        **{f"/hop{n}": _redirect(f"/hop{n + 1}") for n in range(5)},
    }
    with _serving(routes=routes) as site:
        policy = FetchPolicy(allowed=LOOPBACK, max_redirects=3)
        assert _refused(f"{site.base}/file", policy) == CANNOT_FETCH
        assert _refused(f"{site.base}/ftp", policy) == CANNOT_FETCH
        assert _refused(f"{site.base}/hop0", policy) == CANNOT_FETCH
        assert site.seen == ["/file", "/ftp", "/hop0", "/hop1", "/hop2", "/hop3"]
        assert "Troops" in fetch_page(f"{site.base}/hop3", "3", policy).text  # hop3..hop5


def test_every_failure_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_dns(monkeypatch, {})
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # bound, never listening: the port is closed
    routes = {"/gone": static("text/html; charset=utf-8", b"no", status=404)}
    with _serving(routes=routes) as site, closed:
        intranet = FetchPolicy(allow_private=True)
        reasons = {
            _refused(f"{site.base}/"),  # a refused address
            _refused(f"http://127.0.0.1:{closed.getsockname()[1]}/", intranet),  # closed port
            _refused(f"{site.base}/gone", intranet),  # HTTP 404
            _refused(f"http://nowhere.invalid:{site.port}/", intranet),  # no such name
            _refused(f"https://127.0.0.1:{site.port}/", intranet),  # TLS to a plain server
            _refused("http://exa mple.test/"),  # not a host name
        }
    assert reasons == {CANNOT_FETCH}


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(40):  # a byte every 0.25 s: each read is quick, the whole is 10 s
        try:
            handler.wfile.write(b"<")
            handler.wfile.flush()
        except OSError:
            return  # the client gave up: that is the point
        time.sleep(0.25)


def test_the_deadline_bounds_the_whole_fetch_not_each_read() -> None:
    with _serving(routes={"/slow": _trickle, "/hop": _redirect("/slow")}) as site:
        started = time.monotonic()
        reason = _refused(f"{site.base}/hop", FetchPolicy(allowed=LOOPBACK, deadline_s=1.0))
        elapsed = time.monotonic() - started

    assert reason == CANNOT_FETCH
    assert elapsed < 2.0


def _gzipped(body: bytes) -> Respond:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        packed = gzip.compress(body)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(packed)))
        handler.end_headers()
        handler.wfile.write(packed)

    return respond


def test_a_compressed_body_is_read_within_the_size_limit() -> None:
    routes = {"/page": _gzipped(PAGE), "/bomb": _gzipped(b"\0" * 50_000_000)}
    with _serving(routes=routes) as site:
        policy = FetchPolicy(allowed=LOOPBACK, max_bytes=100_000)
        assert "Troops shelled" in fetch_page(f"{site.base}/page", "page", policy).text
        with pytest.raises(InputTooLarge):
            fetch_page(f"{site.base}/bomb", "bomb", policy)


# The API refuses URLs it must never store; `strife code --fetch` keeps to the policy.


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>",
     "file:///etc/passwd", "ftp://example.test/a", "http://", "//example.test/a"],
)  # fmt: skip
def test_the_api_refuses_urls_that_are_not_http_at_submission(tmp_path: Path, url: str) -> None:
    database = Database.open(tmp_path / "new.duckdb", writable=True)
    settings = ApiSettings(db=database.path, token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(settings, database)) as client:
        for body in ({"urls": [url]}, {"articles": [{"text": "Troops shelled it.", "url": url}]}):
            response = client.post("/api/articles", json=body, headers=auth)
            assert response.status_code == 422, response.text
            assert response.json()["error"]["code"] == "invalid_request"
        with database.reader() as cur:
            stored = cur.execute(
                "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM rejections)"
            ).fetchone()
    assert stored == (0,)


def _feed(link: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><item><title>Shelling</title>
<link>{link}</link><pubDate>Tue, 07 Mar 2023 18:00:00 GMT</pubDate>
<description>Troops shelled the town of Izium on Monday, officials said.</description>
</item></channel></rss>"""


@pytest.mark.slow
def test_strife_code_fetch_does_not_follow_an_entry_to_loopback(site: Site, tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_feed(f"{site.base}/story"), encoding="utf-8")
    runner = CliRunner()

    refused = runner.invoke(app, ["code", str(feed), "--fetch", "--no-store", "--quiet"])
    assert refused.exit_code == 0, refused.output
    assert site.seen == []  # coded from the entry's own text

    allowed = ["code", str(feed), "--fetch", "--allow-private-fetch", "--no-store", "--quiet"]
    assert runner.invoke(app, allowed).exit_code == 0
    assert site.seen == ["/story"]


def test_allow_private_fetch_needs_fetch(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["code", str(tmp_path), "--allow-private-fetch"])

    assert result.exit_code == 2 and "--fetch" in result.output
