"""``POST /api/articles`` deduplicates as ``strife code`` does: copies are kept, not coded.

Slow: the real coder (spaCy model, gazetteer) codes the originals into a real store.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from strife.api import ApiSettings, create_app
from strife.api.database import Database
from strife.dedupe import signature, similarity

pytestmark = pytest.mark.slow

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STORY = (
    "Russian forces shelled the city of Kharkiv on Monday, killing three civilians and "
    "wounding eleven others, Ukraine's defence ministry said in a statement. The strikes "
    "hit a market and two apartment blocks in the north of the city, the regional governor "
    "said, and rescue teams worked through the night to clear the rubble. Moscow denied "
    "that its troops had targeted civilians and said the strikes hit military depots used "
    "by Ukrainian units. The United Nations called for an independent investigation of the "
    "attack and urged both sides to protect civilians, as fighting continued along the "
    "front line in the east of the country for a third week."
)
# The same wire story under another outlet, with one word changed: a near duplicate.
NEAR = STORY.replace("eleven others", "twelve others")
OTHER = (
    "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev held "
    "talks in Brussels on Sunday, the European Council said in a statement after the "
    "meeting. The two leaders discussed the border between their countries, the return of "
    "prisoners and the opening of transport links through the region, officials said. "
    "They agreed to meet again in July and asked their foreign ministers to prepare a draft "
    "of a peace treaty before then. Protesters gathered outside the government building in "
    "Yerevan on Monday to denounce the talks, and police detained several of them."
)


def post(client: TestClient, *articles: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/articles", json={"articles": list(articles)}, headers=AUTH)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Database]]:
    path = tmp_path_factory.mktemp("duplicates") / "store.duckdb"
    database = Database.open(path, writable=True)
    with TestClient(create_app(ApiSettings(db=path, token=TOKEN), database)) as client:
        yield client, database


@pytest.fixture(scope="module")
def original(served: tuple[TestClient, Database]) -> str:
    client, _ = served
    first = {"text": STORY, "url": "https://first.example/kharkiv", "title": "First"}
    body = post(client, first)
    assert body["stored"] == 1 and body["duplicates"] == [] and body["rejected"] == []
    article_id: str = body["coded"][0]["article_id"]
    return article_id


def test_an_exact_copy_keeps_the_first_source_and_is_recorded(
    served: tuple[TestClient, Database], original: str
) -> None:
    client, _ = served
    again = {"text": STORY, "url": "https://second.example/kharkiv", "title": "Second"}
    body = post(client, again)
    assert body["stored"] == 0 and body["coded"] == []
    assert body["duplicates"] == [
        {
            "source": "https://second.example/kharkiv",
            "article_id": original,
            "kind": "stored",
            "similarity": 1.0,
        }
    ]
    article = client.get(f"/api/articles/{original}").json()
    assert (article["url"], article["title"]) == ("https://first.example/kharkiv", "First")
    assert "https://second.example/kharkiv" in _sources(served, original)


def test_a_near_duplicate_is_a_copy_not_a_new_article(
    served: tuple[TestClient, Database], original: str
) -> None:
    client, _ = served
    assert similarity(signature(STORY), signature(NEAR)) >= 0.8  # the premise
    before = client.get("/api/events", params={"limit": 1}).json()["total"]
    body = post(client, {"text": NEAR, "url": "https://third.example/kharkiv"})
    assert body["stored"] == 0 and body["coded"] == []
    [copy] = body["duplicates"]
    assert (copy["kind"], copy["article_id"]) == ("near", original)
    assert 0.8 <= copy["similarity"] < 1.0
    assert client.get("/api/events", params={"limit": 1}).json()["total"] == before
    assert "https://third.example/kharkiv" in _sources(served, original)


def test_copies_within_one_submission_follow_their_original(
    served: tuple[TestClient, Database],
) -> None:
    client, _ = served
    other_near = OTHER.replace("several of them", "several of the protesters")
    assert similarity(signature(OTHER), signature(other_near)) >= 0.8
    body = post(
        client,
        {"text": OTHER, "url": "https://a.example/talks"},
        {"text": OTHER, "url": "https://b.example/talks"},
        {"text": other_near, "url": "https://c.example/talks"},
    )
    [coded] = body["coded"]
    kinds = [(copy["source"], copy["kind"], copy["article_id"]) for copy in body["duplicates"]]
    assert kinds == [
        ("https://b.example/talks", "exact", coded["article_id"]),
        ("https://c.example/talks", "near", coded["article_id"]),
    ]
    assert _sources(served, coded["article_id"]) == {
        "https://a.example/talks",
        "https://b.example/talks",
        "https://c.example/talks",
    }


def _sources(served: tuple[TestClient, Database], article_id: str) -> set[str]:
    _, database = served
    with database.reader() as cur:
        rows = cur.execute(
            "SELECT source FROM article_sources WHERE article_id = ?", [article_id]
        ).fetchall()
    return {source for (source,) in rows}
