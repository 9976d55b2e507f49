"""``POST /api/articles`` with the real coder: text, HTML and URLs served on 127.0.0.1.

The server's fetch policy allows the test site's address by name; the default policy refuses
it. Slow: loads the spaCy model and the gazetteer once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from loopback import Site, serving, static
from strife.api import ApiSettings, create_app
from strife.api.database import Database
from strife.api.routes_articles import SUBMISSION_THREADS
from strife.ingest.fetch_policy import FetchPolicy

pytestmark = pytest.mark.slow

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MAX_PAGE = 20_000
TEXT = (
    "Russian forces shelled Kharkiv on Monday, killing three civilians, "
    "Ukraine's defence ministry said.\n\nMoscow denied the report."
)
HTML = """<html><head><title>Talks in Brussels</title>
<meta property="article:published_time" content="2023-05-14T18:05:00+02:00"></head>
<body><article><h1>Talks in Brussels</h1>
<p>Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev held talks
in Brussels on Sunday, the European Council said.</p>
<p>The two leaders agreed to meet again in July, officials said.</p></article></body></html>"""
RELEASE = threading.Event()  # /hold answers once it is set


def _missing(handler: BaseHTTPRequestHandler) -> None:
    handler.send_error(404)


def _hold(handler: BaseHTTPRequestHandler) -> None:
    RELEASE.wait(30)
    _missing(handler)


# No Content-Length: the cap must hold while streaming.
PAGES = {
    "/report.html": static(
        "text/html; charset=utf-8", HTML.replace("Brussels", "Geneva").encode(), length=False
    ),
    "/big.txt": static(
        "text/plain", b"Troops attacked the town. " * (MAX_PAGE // 20), length=False
    ),
    "/hold": _hold,
}


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serving(routes=PAGES, fallback=_missing) as served:
        yield served


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Database:
    return Database.open(tmp_path_factory.mktemp("submit") / "new.duckdb", writable=True)


@pytest.fixture(scope="module")
def result(database: Database, site: Site) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    limits = FetchPolicy(deadline_s=5, max_bytes=MAX_PAGE, allowed=frozenset({"127.0.0.1"}))
    settings = ApiSettings(db=database.path, token=TOKEN, fetch=limits)
    submission = {
        "articles": [
            {"text": TEXT, "title": "Kharkiv shelled", "published": "2023-02-20T09:00:00+02:00"},
            {"html": HTML, "url": "https://news.example/brussels"},
        ],
        "urls": [f"{site.base}/report.html", f"{site.base}/missing", f"{site.base}/big.txt"],
    }
    with TestClient(create_app(settings, database)) as client:
        response = client.post("/api/articles", json=submission, headers=AUTH)
        assert response.status_code == 200, response.text
        yield client, response.json()


def test_every_article_is_coded_or_rejected(result: tuple[TestClient, dict[str, Any]]) -> None:
    _, body = result
    assert body["stored"] == 3
    assert [len(coded["events"]) > 0 for coded in body["coded"]] == [True, True, True]
    reasons = {r["source"].rsplit("/", 1)[-1]: r["reason"] for r in body["rejected"]}
    assert set(reasons) == {"missing", "big.txt"}
    assert reasons["missing"] == "cannot be fetched"
    assert "larger than" in reasons["big.txt"]


def test_coded_events_are_served_at_once(result: tuple[TestClient, dict[str, Any]]) -> None:
    client, body = result
    found = client.get("/api/events", params={"q": "kharkiv", "event": "ASSAULT"}).json()
    assert found["total"] >= 1
    event = found["items"][0]
    assert event["article_id"] == body["coded"][0]["article_id"]
    assert event["date"] == "2023-02-20"  # "on Monday" after the given publication date
    detail = client.get(f"/api/events/{event['id']}").json()
    assert {"actor", "place", "date", "trigger"} <= {span["role"] for span in detail["evidence"]}


def test_fetched_pages_keep_their_url(
    result: tuple[TestClient, dict[str, Any]], site: Site
) -> None:
    client, body = result
    fetched = body["coded"][2]
    article = client.get(f"/api/articles/{fetched['article_id']}").json()
    assert article["url"] == f"{site.base}/report.html"
    assert "Geneva" in article["text"]
    assert [event["id"] for event in article["events"]] == fetched["events"]


def test_the_same_articles_again_store_nothing_new(
    result: tuple[TestClient, dict[str, Any]],
) -> None:
    client, _ = result
    again = client.post("/api/articles", json={"articles": [{"text": TEXT}]}, headers=AUTH)
    assert again.json()["stored"] == 0


def test_rejections_are_recorded_in_the_store(
    result: tuple[TestClient, dict[str, Any]], database: Database
) -> None:
    with database.reader() as cur:
        rejected = cur.execute("SELECT count(*) FROM rejections").fetchone()
        articles = cur.execute("SELECT count(*) FROM articles").fetchone()
    assert rejected == (2,) and articles == (3,)


def test_by_default_the_server_fetches_no_internal_address(site: Site, tmp_path: Path) -> None:
    database = Database.open(tmp_path / "fresh.duckdb", writable=True)
    urls = [
        f"{site.base}/report.html",
        site.base.replace("127.0.0.1", "localhost") + "/report.html",
    ]
    site.seen.clear()
    with TestClient(create_app(ApiSettings(db=database.path, token=TOKEN), database)) as client:
        body = client.post("/api/articles", json={"urls": urls}, headers=AUTH).json()
        with database.reader() as cur:
            articles = cur.execute("SELECT count(*) FROM articles").fetchone()
    assert body["stored"] == 0 and body["coded"] == [] and articles == (0,)
    assert body["rejected"] == [{"source": url, "reason": "cannot be fetched"} for url in urls]
    assert site.seen == []


def test_slow_submissions_do_not_hold_the_read_routes(site: Site, tmp_path: Path) -> None:
    database = Database.open(tmp_path / "slow.duckdb", writable=True)
    policy = FetchPolicy(deadline_s=30, allowed=frozenset({"127.0.0.1"}))
    settings = ApiSettings(db=database.path, token=TOKEN, fetch=policy)
    site.seen.clear()
    RELEASE.clear()
    with TestClient(create_app(settings, database)) as client:
        posts = [
            _in_thread(
                client.post, "/api/articles", json={"urls": [f"{site.base}/hold"]}, headers=AUTH
            )
            for _ in range(45)
        ]  # more than anyio's 40 threads
        _wait_for(lambda: len(site.seen) >= SUBMISSION_THREADS)
        reads = [_in_thread(client.get, path) for path in ("/api/health", "/api/articles/nope")]
        answered = [_finished(read, within=3.0) for read in reads]
        RELEASE.set()
        for post in posts:
            post.join(60)
    assert answered == [True, True]  # while every submission was still waiting on /hold
    assert len(site.seen) == 45


def _in_thread(call: Any, *args: Any, **kwargs: Any) -> threading.Thread:
    thread = threading.Thread(target=call, args=args, kwargs=kwargs, daemon=True)
    thread.start()
    return thread


def _finished(thread: threading.Thread, within: float) -> bool:
    thread.join(within)
    return not thread.is_alive()


def _wait_for(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # let the other submissions queue up behind the first ones
