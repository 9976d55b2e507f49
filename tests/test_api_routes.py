"""The HTTP routes on the sample store: filters, pages, CSV, evidence, stats, one error shape."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from factories import ARTICLE_ID, ARTICLE_TEXT, make_event
from strife.api import ApiSettings, create_app
from strife.api.settings import MAX_PAGE_SIZE
from test_api_queries import sample_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("routes") / "sample.duckdb")


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(db=store))) as test_client:
        yield test_client


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """Every error has one shape: {"error": {status, code, message, details}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and error["code"] == code and error["message"]
    return dict(error)


def test_events_are_filtered_by_every_parameter_together(client: TestClient) -> None:
    response = client.get(
        "/api/events",
        params={"country": "geo", "event": ["ACCUSE", "PROTEST"], "contested": "true"},
    )
    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 1 and page["next_offset"] is None
    (event,) = page["items"]
    assert event["event"] == "ACCUSE" and event["contested"] is True


def test_events_pages_walk_the_whole_result(client: TestClient) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 4, "offset": offset}).json()
        seen += [event["id"] for event in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 6


def test_events_sort_descending_by_dead(client: TestClient) -> None:
    items = client.get("/api/events", params={"sort": "-dead"}).json()["items"]
    dead = [event["size"]["dead"]["min"] for event in items if event["size"]["dead"]]
    assert dead == [5, 2]
    assert items[0]["size"]["dead"]["min"] == 5


def test_events_in_a_bounding_box_and_a_date_range(client: TestClient) -> None:
    params = {"bbox": "40,35,50,45", "since": "2023-03-01", "until": "2023-12-31"}
    items = client.get("/api/events", params=params).json()["items"]
    assert {event["event"] for event in items} == {"PROTEST", "ACCUSE"}


def test_events_as_csv_on_request(client: TestClient) -> None:
    for response in (
        client.get("/api/events", params={"format": "csv", "event": "ASSAULT"}),
        client.get("/api/events", params={"event": "ASSAULT"}, headers={"Accept": "text/csv"}),
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert sorted(row["event"] for row in rows) == ["ASSAULT", "ASSAULT"]
        assert {row["place"] for row in rows} == {"Tegh", "Kharkiv"}


def test_event_comes_with_its_article_and_evidence(client: TestClient) -> None:
    event = make_event()
    body = client.get(f"/api/events/{event.id}").json()
    assert body["event"]["id"] == event.id
    assert body["article"]["id"] == ARTICLE_ID and "text" not in body["article"]
    roles = {span["role"]: span for span in body["evidence"]}
    assert roles["actor"]["text"] == "Azerbaijani forces"
    assert roles["denies"]["text"] == "Baku denied"
    for span in body["evidence"]:
        assert ARTICLE_TEXT[span["start"] : span["end"]] == span["text"]
    assert [excerpt["text"] for excerpt in body["excerpts"]] == [ARTICLE_TEXT]


def test_article_has_its_text_and_events(client: TestClient) -> None:
    body = client.get(f"/api/articles/{ARTICLE_ID}").json()
    assert body["text"] == ARTICLE_TEXT
    assert [event["id"] for event in body["events"]] == [make_event().id]
    assert body["url"] == "https://news.example/tegh" and body["n_events"] == 1


def test_stats_follow_the_filters(client: TestClient) -> None:
    everything = client.get("/api/stats").json()
    assert everything["total"] == 6 and len(everything["by_place"]) == 3
    quad4 = client.get("/api/stats", params={"quad": 4}).json()
    assert quad4["total"] == 4
    assert {bucket["key"] for bucket in quad4["by_type"]} == {"ASSAULT", "PROTEST", "SANCTION"}


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/events/no-such-event", {}, 404, "not_found"),
        ("/api/articles/no-such-article", {}, 404, "not_found"),
        ("/api/no-such-route", {}, 404, "not_found"),
        ("/api/events", {"limit": MAX_PAGE_SIZE + 1}, 422, "invalid_request"),
        ("/api/events", {"limit": 0}, 422, "invalid_request"),
        ("/api/events", {"offset": -1}, 422, "invalid_request"),
        ("/api/events", {"event": "BOMB"}, 422, "invalid_request"),
        ("/api/events", {"quad": 5}, 422, "invalid_request"),
        ("/api/events", {"since": "yesterday"}, 422, "invalid_request"),
        ("/api/events", {"since": "2024-01-02", "until": "2024-01-01"}, 422, "invalid_request"),
        ("/api/events", {"bbox": "1,2,3"}, 422, "invalid_request"),
        ("/api/events", {"bbox": "0,80,10,95"}, 422, "invalid_request"),
        ("/api/events", {"bbox": "200,0,210,10"}, 422, "invalid_request"),
        ("/api/events", {"country": "UKRAINE"}, 422, "invalid_request"),
        ("/api/events", {"sort": "id; DROP TABLE events"}, 422, "invalid_request"),
        ("/api/stats", {"q": "x" * 201}, 422, "invalid_request"),
    ],
)
def test_errors_have_one_shape(
    client: TestClient, path: str, params: dict[str, Any], status: int, code: str
) -> None:
    error = assert_error(client.get(path, params=params), status, code)
    if status == 422:
        assert error["details"] and all(set(d) == {"where", "message"} for d in error["details"])


def test_a_method_a_route_lacks_has_the_same_shape(client: TestClient) -> None:
    assert_error(client.put("/api/events"), 401, "unauthorized")  # writes need the token first
    assert_error(client.put("/api/health"), 405, "method_not_allowed")
    assert_error(client.get("/api/articles"), 405, "method_not_allowed")


def test_openapi_schema_lists_every_route(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/events",
        "/api/events/{event_id}",
        "/api/stats",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/truces",
        "/api/truces/{truce_id}",
        "/api/health",
    }
    assert "token" in schema["components"]["securitySchemes"]
    assert client.get("/docs").status_code == 404  # no CDN-backed pages


def test_health_says_how_the_server_runs(client: TestClient) -> None:
    assert client.get("/api/health").json() == {
        "status": "ok",
        "version": client.app.version,  # type: ignore[attr-defined]
        "writable": False,
        "private": False,
    }
