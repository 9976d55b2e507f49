"""Access, limits and hostile input: tokens, --private, body size, static-file traversal, and
a schemathesis run over the OpenAPI schema (no request may cause a server error)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from strife.api import ApiSettings, create_app
from strife.api.auth import token_matches
from strife.api.dashboard import web_files
from strife.api.errors import ApiConfigError, error_response
from strife.api.hosts import allowed_hosts, header_host, is_loopback
from test_api_queries import sample_store
from test_api_routes import assert_error

TOKEN = "correct-horse-battery-staple"
LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("security") / "sample.duckdb")


@pytest.fixture
def open_client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(db=store))) as client:
        yield client


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    settings = ApiSettings(
        db=sample_store(tmp_path / "w.duckdb"), token=TOKEN, max_body_bytes=LIMIT
    )
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def private(store: Path, tmp_path: Path) -> Iterator[TestClient]:
    copy = tmp_path / "p.duckdb"
    copy.write_bytes(store.read_bytes())
    with TestClient(create_app(ApiSettings(db=copy, token=TOKEN, private=True))) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


ARTICLE = {"articles": [{"text": "Troops shelled the town on Monday, officials said."}]}


def test_a_post_without_a_valid_token_is_refused(writer: TestClient) -> None:
    for headers in ({}, bearer("wrong-token-of-enough-length"), {"Authorization": TOKEN}):
        response = writer.post("/api/articles", json=ARTICLE, headers=headers)
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
    # Refused before the body is read: a malformed body without the token is still a 401.
    assert_error(writer.post("/api/articles", content=b"{not json"), 401, "unauthorized")


def test_a_server_without_a_token_refuses_every_write(open_client: TestClient) -> None:
    response = open_client.post("/api/articles", json=ARTICLE, headers=bearer(TOKEN))
    assert "without STRIFE_TOKEN" in assert_error(response, 401, "unauthorized")["message"]


def test_with_the_token_the_body_is_checked(writer: TestClient) -> None:
    for body in ({}, {"articles": [{"text": "a", "html": "<p>a</p>"}]}, {"urls": "x"}):
        assert_error(
            writer.post("/api/articles", json=body, headers=bearer(TOKEN)), 422, "invalid_request"
        )
    malformed = writer.post("/api/articles", content=b"{not json", headers={
        **bearer(TOKEN), "Content-Type": "application/json"})  # fmt: skip
    assert_error(malformed, 422, "invalid_request")


def test_an_oversized_body_is_refused(writer: TestClient) -> None:
    big = {"articles": [{"text": "word " * LIMIT}]}
    assert_error(
        writer.post("/api/articles", json=big, headers=bearer(TOKEN)), 413, "payload_too_large"
    )

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"articles": [{"text": "'
        for _ in range(LIMIT // 1024 + 1):
            yield b"x" * 1024
        yield b'"}]}'

    streamed = writer.post("/api/articles", content=chunks(), headers=bearer(TOKEN))
    assert_error(streamed, 413, "payload_too_large")


def test_private_reads_need_the_token(private: TestClient) -> None:
    for path in ("/api/events", "/api/stats", "/api/events/x", "/api/articles/x"):
        assert_error(private.get(path), 401, "unauthorized")
    assert private.get("/api/events", headers=bearer(TOKEN)).json()["total"] == 6
    assert private.get("/api/health").status_code == 200
    assert private.get("/").status_code == 200  # the page itself holds no data


def test_private_needs_a_token_and_tokens_a_length(store: Path) -> None:
    with pytest.raises(ApiConfigError, match="STRIFE_TOKEN"):
        ApiSettings(db=store, private=True)
    with pytest.raises(ApiConfigError, match="at least"):
        ApiSettings(db=store, token="short")
    assert ApiSettings.from_env(store, environ={"STRIFE_TOKEN": TOKEN}).writable
    assert not ApiSettings.from_env(store, environ={"STRIFE_TOKEN": ""}).writable


def test_tokens_match_exactly() -> None:
    token = TOKEN.encode()
    assert token_matches(b"Bearer " + token, token)
    assert token_matches(b"bearer " + token, token)
    assert not token_matches(b"Bearer " + token[:-1], token)
    assert not token_matches(b"Bearer " + token + b"x", token)
    assert not token_matches(b"Basic " + token, token)
    assert not token_matches(None, token)
    assert not token_matches(b"Bearer ", None)


@pytest.mark.parametrize(
    "token",
    [" " * 20, TOKEN + " ", " " + TOKEN, TOKEN + "\n", "correct-horse\tbattery-staple"],
)
def test_a_token_no_request_can_carry_is_refused(store: Path, token: str) -> None:
    with pytest.raises(ApiConfigError, match=r"white space|control character"):
        ApiSettings(db=store, token=token)


def test_every_response_says_nosniff(writer: TestClient) -> None:
    responses = [
        writer.get("/api/health"),
        writer.get("/"),
        writer.get("/static/js/main.js"),
        writer.head("/api/events"),
        writer.get("/api/events", params={"limit": 0}),  # 422
        writer.get("/api/events/no-such-event"),  # 404
        writer.get("/no/such/page"),  # 404 outside the API
        writer.delete("/api/events"),  # 405
        writer.post("/api/articles", json=ARTICLE),  # 401
        writer.post("/api/articles", content=b"x" * (LIMIT + 1), headers=bearer(TOKEN)),  # 413
        writer.request("GET", "/api/events", content=b"x"),  # 400
    ]
    for response in responses:
        assert response.headers.get_list("x-content-type-options") == ["nosniff"], response
    # The 500 of an unexpected error is sent from outside every middleware.
    assert error_response(500, "internal").headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/api/health",
        "/api/events?limit=3",
        "/api/stats",
        "/api/openapi.json",
        "/",
        "/static/style.css",
    ],
)
def test_head_is_answered_on_every_get_route(open_client: TestClient, path: str) -> None:
    got, head = open_client.get(path), open_client.head(path)
    assert (got.status_code, head.status_code) == (200, 200)
    assert head.content == b""
    for name in ("content-type", "content-length", "x-content-type-options"):
        assert head.headers[name] == got.headers[name], name
    assert open_client.head("/api/events/no-such-event").status_code == 404


def test_a_get_with_a_body_is_refused_unread(open_client: TestClient) -> None:
    pulled: list[int] = []

    def body() -> Iterator[bytes]:  # chunked, and counted as the server reads it
        for size in (1024, LIMIT, LIMIT):
            pulled.append(size)
            yield b"x" * size

    for method in ("GET", "HEAD"):
        response = open_client.request(method, "/api/events", content=body())
        assert response.status_code == 400 and response.headers["connection"] == "close"
    message = assert_error(
        open_client.request("GET", "/api/events", content=body()), 400, "bad_request"
    )["message"]
    assert message == "a GET request takes no body"
    assert pulled == []
    sized = open_client.request("GET", "/api/stats", content=b"{}" * 1000)
    assert_error(sized, 400, "bad_request")
    empty = open_client.request("GET", "/api/stats", headers={"Content-Length": "0"})
    assert empty.status_code == 200


def test_a_loopback_server_answers_only_its_own_hosts(store: Path) -> None:
    allowed = allowed_hosts("127.0.0.1", ["dash.example"])
    app = create_app(ApiSettings(db=store, allowed_hosts=allowed))
    with TestClient(app, base_url="http://localhost:8000") as client:
        assert client.get("/api/health").status_code == 200
        for host in (
            "127.0.0.1:8000",
            "[::1]:8000",
            "LOCALHOST",
            "dash.example",
            "Dash.Example:443",
        ):
            assert client.get("/api/health", headers={"Host": host}).status_code == 200, host
        hostile = (
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
        )
        for host in (*hostile, "", "localhost:x", "[::1"):
            for path in ("/api/events", "/", "/api/health"):
                response = client.get(path, headers={"Host": host})
                assert_error(response, 400, "host_not_allowed")
                assert response.headers["x-content-type-options"] == "nosniff"


def test_the_host_policy_follows_the_listening_address() -> None:
    assert allowed_hosts("127.0.0.1") == {"localhost", "127.0.0.1", "[::1]"}
    assert allowed_hosts("127.0.0.2") == {"localhost", "127.0.0.1", "[::1]", "127.0.0.2"}
    assert allowed_hosts("::1") == allowed_hosts("localhost") == allowed_hosts("[::1]")
    assert allowed_hosts("0.0.0.0") is None and allowed_hosts("192.0.2.7") is None
    assert allowed_hosts("0.0.0.0", ["Dash.Example"]) == {
        "localhost", "127.0.0.1", "[::1]", "dash.example"}  # fmt: skip
    for bad in ("dash.example:80", "http://dash.example", "", "a..b", "-a", "a b"):
        with pytest.raises(ApiConfigError, match="--allowed-host"):
            allowed_hosts("127.0.0.1", [bad])
    assert [is_loopback(h) for h in ("127.0.0.1", "127.9.9.9", "::1", "localhost")] == [True] * 4
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.1", "example.org"))
    assert header_host(b"[0:0:0:0:0:0:0:1]:8000") == "[::1]"
    assert header_host(b"localhost:") is None and header_host(b"a:b:c") is None


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/pyproject.toml",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static/..%2f..%2fapi%2fapp.py",
        "/static/..%5c..%5capi%5capp.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/js/../../api/app.py",
        "/static/index.html%00.js",
        "/static/__init__.py",
        "/static/",
    ],
)
def test_static_files_refuse_traversal(open_client: TestClient, path: str) -> None:
    response = open_client.get(path)
    assert response.status_code in (400, 404)
    assert b"def create_app" not in response.content and b"root:" not in response.content


def test_static_files_serve_the_dashboard(open_client: TestClient) -> None:
    files = web_files()
    assert {"index.html", "style.css", "world.json", "js/main.js"} <= set(files)
    for name in files:
        response = open_client.get(f"/static/{name}")
        assert response.status_code == 200, name
        assert response.headers["x-content-type-options"] == "nosniff"
    page = open_client.get("/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert b"http://" not in page.content and b"https://" not in page.content  # no CDN


def test_the_dashboard_loads_nothing_from_elsewhere() -> None:
    for name, entry in web_files().items():
        if name.endswith((".js", ".css", ".html")):
            text = entry.read_text(encoding="utf-8")
            assert "//cdn" not in text and "https://" not in text.replace(
                "http://www.w3.org", ""
            ), name


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(store: Path) -> None:
    """Every operation of the OpenAPI schema, with generated valid and invalid input.

    Writes go without the token (401): a valid body would load the model and code it, which
    ``test_api_submit`` does with real articles; ``test_with_the_token_the_body_is_checked``
    covers invalid bodies.
    """
    app = create_app(ApiSettings(db=store, token=TOKEN))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 8
    for operation in operations:
        has_input = operation.path_parameters or operation.query or operation.body
        for mode in GenerationMode if has_input else [GenerationMode.POSITIVE]:
            _fuzz(operation, mode)


def _fuzz(operation: Any, mode: GenerationMode) -> None:
    checks = [not_a_server_error, status_code_conformance, content_type_conformance]
    if mode is GenerationMode.POSITIVE:
        checks.append(response_schema_conformance)

    @settings(
        max_examples=30 if mode is GenerationMode.POSITIVE else 15,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=checks)

    run()
