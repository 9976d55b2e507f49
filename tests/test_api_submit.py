"""``POST /api/articles`` with the real coder: text, HTML and URLs served on 127.0.0.1.

Slow: loads the spaCy model and the gazetteer once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient

from strife.api import ApiSettings, create_app
from strife.api.database import Database
from strife.api.settings import FetchLimits

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
PAGES = {
    "/report.html": ("text/html; charset=utf-8", HTML.replace("Brussels", "Geneva").encode()),
    "/big.txt": ("text/plain", b"Troops attacked the town. " * (MAX_PAGE // 20)),
}


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        page = PAGES.get(self.path)
        if page is None:
            self.send_error(404)
            return
        content_type, body = page
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.end_headers()  # no Content-Length: the cap must hold while streaming
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Database:
    return Database.open(tmp_path_factory.mktemp("submit") / "new.duckdb", writable=True)


@pytest.fixture(scope="module")
def result(database: Database, site: str) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    limits = FetchLimits(timeout_s=5, max_bytes=MAX_PAGE)
    settings = ApiSettings(db=database.path, token=TOKEN, fetch=limits)
    submission = {
        "articles": [
            {"text": TEXT, "title": "Kharkiv shelled", "published": "2023-02-20T09:00:00+02:00"},
            {"html": HTML, "url": "https://news.example/brussels"},
        ],
        "urls": [f"{site}/report.html", f"{site}/missing", f"{site}/big.txt", "file:///etc/passwd"],
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
    assert set(reasons) == {"missing", "big.txt", "passwd"}
    assert "404" in reasons["missing"]
    assert "larger than" in reasons["big.txt"]
    assert "http" in reasons["passwd"]


def test_coded_events_are_served_at_once(result: tuple[TestClient, dict[str, Any]]) -> None:
    client, body = result
    found = client.get("/api/events", params={"q": "kharkiv", "event": "ASSAULT"}).json()
    assert found["total"] >= 1
    event = found["items"][0]
    assert event["article_id"] == body["coded"][0]["article_id"]
    assert event["date"] == "2023-02-20"  # "on Monday" after the given publication date
    detail = client.get(f"/api/events/{event['id']}").json()
    assert {"actor", "place", "date", "trigger"} <= {span["role"] for span in detail["evidence"]}


def test_fetched_pages_keep_their_url(result: tuple[TestClient, dict[str, Any]], site: str) -> None:
    client, body = result
    fetched = body["coded"][2]
    article = client.get(f"/api/articles/{fetched['article_id']}").json()
    assert article["url"] == f"{site}/report.html"
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
    assert rejected == (3,) and articles == (3,)
