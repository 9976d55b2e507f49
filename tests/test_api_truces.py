"""The truce routes on a real store: truces derived from hand-built articles and events.

``truce_store`` (used by the dashboard's browser test too) saves six articles: two wars'
agreements (Armenia and Azerbaijan in Moscow, then in Washington; Russia and Ukraine in
Minsk) and the shelling that allegedly violates the first two. Saving them derives three
truces, which the first test checks through ``Store.truces`` before any route is tried.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from factories import make_article, make_event, make_place, span
from strife.api import ApiSettings, create_app
from strife.api.schemas import TrucePage
from strife.api.settings import MAX_PAGE_SIZE
from strife.plover import QUAD
from strife.records import ActorRef, Article, Casualties, CiteInfo, Claim, Event, TextInfo
from strife.store import Store
from strife.truces.codec import truce_to_dict
from strife.truces.model import Truce
from test_api_routes import assert_error

BAKU = timezone(timedelta(hours=4))
MOSCOW = (
    "Armenia and Azerbaijan agreed a humanitarian ceasefire in Moscow on Saturday, "
    "brokered by Russia, and pledged not to target civilians."
)
GANJA = (
    "Armenian forces shelled Ganja on Sunday, Azerbaijan's defence ministry said. "
    "Yerevan denied the claim."
)
HADRUT = (
    "Azerbaijani forces shelled Armenian positions near Hadrut on Monday, "
    "Armenia's defence ministry said."
)
WASHINGTON = (
    "Armenia and Azerbaijan agreed a new ceasefire in Washington on Sunday, "
    "brokered by the United States."
)
TERTER = (
    "The U.S.-brokered ceasefire between Armenia and Azerbaijan collapsed on Monday. "
    "Azerbaijani forces shelled Armenian positions near Terter on Monday, "
    "Armenia's defence ministry said."
)
MINSK = "Russia and Ukraine agreed a ceasefire in Minsk on Wednesday, brokered by Turkey."
TOKEN = "truce-test-token-0123456789abcdef"


@dataclasses.dataclass(frozen=True)
class Where:
    """A place named in an article: GeoNames id, coordinates, country code."""

    name: str
    geonameid: int
    lat: float
    lon: float
    country: str


PLACES = {
    "Moscow": Where("Moscow", 524901, 55.75, 37.62, "RUS"),
    "Ganja": Where("Ganja", 587084, 40.68, 46.36, "AZE"),
    "Hadrut": Where("Hadrut", 174875, 39.52, 47.03, "AZE"),
    "Washington": Where("Washington", 4140963, 38.9, -77.04, "USA"),
    "Terter": Where("Terter", 585170, 40.34, 46.93, "AZE"),
    "Minsk": Where("Minsk", 625144, 53.9, 27.57, "BLR"),
}


def _article(text: str, slug: str, day: date) -> Article:
    published = datetime(day.year, day.month, day.day, 18, 0, tzinfo=BAKU)
    return make_article(
        text=text,
        url=f"https://news.example/{slug}",
        title=f"{slug.title()} report",
        source=f"{slug}.txt",
        published=published,
    )


def _actor(text: str, needle: str, code: str, sector: str, name: str | None = None) -> ActorRef:
    return ActorRef(needle, code, sector, name, *span(needle, text))


def _event(
    article: Article,
    sentence: str,
    kind: str,
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...],
    where: str,
    **fields: Any,
) -> Event:
    """The one event of ``article``: ``kind`` on the article's day in ``sentence``, at
    ``where``, its trigger the sentence's verb."""
    text = article.text
    assert article.published is not None
    start = text.index(sentence)
    trigger = "agreed" if kind == "AGREE" else "shelled"
    place = PLACES[where]
    base = make_event(
        id=f"{article.id}-0",
        article_id=article.id,
        date=article.published.date(),
        date_source="text",
        event=kind,
        mode=None,
        context=(),
        quad_code=QUAD[kind],
        actor=actors,
        recipient=recipients,
        event_loc=make_place(
            extracted_place=place.name,
            resolved_place=place.name,
            geonameid=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            country_code=place.country,
            admin1=None,
            start=text.index(place.name),
            end=text.index(place.name) + len(place.name),
        ),
        size=Casualties(),
        event_text=trigger,
        event_start=text.index(trigger, start),
        event_end=text.index(trigger, start) + len(trigger),
        text=sentence,
        text_info=TextInfo(0, start, start + len(sentence)),
        claims=(),
        contested=False,
        date_text=None,
        cite_info=CiteInfo(
            article.url, article.title, article.publication, article.published.isoformat()
        ),
    )
    return dataclasses.replace(base, **fields)


def _agreement(text: str, slug: str, day: date, sides: tuple[str, str], where: str) -> Any:
    """Two countries agree (one AGREE event whose actors are both)."""
    article = _article(text, slug, day)
    sentence = text if text.count(". ") == 0 else text.split(". ")[0] + "."
    names = {"ARM": "Armenia", "AZE": "Azerbaijan", "RUS": "Russia", "UKR": "Ukraine"}
    actors = tuple(_actor(text, names[code], code, "GOV", names[code]) for code in sides)
    return article, [_event(article, sentence, "AGREE", actors, (), where)]


def _shelling(
    text: str,
    slug: str,
    day: date,
    sides: tuple[tuple[str, str], tuple[str, str]],
    where: str,
    claimant: tuple[str, str],
    denier: tuple[str, str] | None = None,
) -> Any:
    """``sides[0]`` shells ``sides[1]`` (needle, code each), as ``claimant`` says and
    ``denier`` denies."""
    article = _article(text, slug, day)
    sentence = next(part for part in text.split(". ") if "shelled" in part)
    sentence = sentence if sentence.endswith(".") else sentence + "."
    said = f"{claimant[0]} said"
    claims = [Claim(claimant[0], "asserts", said, *span(said, text), claimant[1], "MIL")]
    if denier is not None:
        denied = f"{denier[0]} denied"
        claims.append(Claim(denier[0], "denies", denied, *span(denied, text), denier[1], "GOV"))
    (by, by_code), (at, at_code) = sides
    actors = (_actor(text, by, by_code, "MIL"),)
    event = _event(
        article,
        sentence,
        "ASSAULT",
        actors,
        (_actor(text, at, at_code, "MIL"),),
        where,
        claims=tuple(claims),
        contested=denier is not None,
    )
    return article, [event]


def truce_items() -> list[tuple[Article, list[Event]]]:
    """The six articles with their events, in the order they were published."""
    arm, aze = ("Armenian positions", "ARM"), ("Armenian forces", "ARM")
    return [
        _agreement(MINSK, "minsk", date(2020, 7, 22), ("RUS", "UKR"), "Minsk"),
        _agreement(MOSCOW, "moscow", date(2020, 10, 10), ("ARM", "AZE"), "Moscow"),
        _shelling(
            GANJA,
            "ganja",
            date(2020, 10, 11),
            (aze, ("Ganja", "AZE")),
            "Ganja",
            ("Azerbaijan's defence ministry", "AZE"),
            ("Yerevan", "ARM"),
        ),
        _shelling(
            HADRUT,
            "hadrut",
            date(2020, 10, 12),
            (("Azerbaijani forces", "AZE"), arm),
            "Hadrut",
            ("Armenia's defence ministry", "ARM"),
        ),
        _agreement(WASHINGTON, "washington", date(2020, 10, 25), ("ARM", "AZE"), "Washington"),
        _shelling(
            TERTER,
            "terter",
            date(2020, 10, 26),
            (("Azerbaijani forces", "AZE"), arm),
            "Terter",
            ("Armenia's defence ministry", "ARM"),
        ),
    ]


def truce_store(path: Path) -> Path:
    """A store at ``path`` holding ``truce_items()`` (and so the truces derived from them)."""
    with Store.open(path) as store:
        store.save_many(truce_items())
    return path


def by_place(truces: list[Truce]) -> dict[str, Truce]:
    """The truces by where they were agreed."""
    return {truce.place.name: truce for truce in truces if truce.place is not None}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return truce_store(tmp_path_factory.mktemp("truces") / "truces.duckdb")


@pytest.fixture(scope="module")
def truces(store_path: Path) -> list[Truce]:
    with Store.open(store_path, read_only=True) as store:
        return store.truces()


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(db=store_path))) as test_client:
        yield test_client


def test_the_store_derives_the_truces_from_the_articles(truces: list[Truce]) -> None:
    assert len(truces) == 3
    known = by_place(truces)
    moscow, washington, minsk = known["Moscow"], known["Washington"], known["Minsk"]
    assert [truce.id for truce in truces] == [minsk.id, moscow.id, washington.id]

    assert moscow.kind == "humanitarian ceasefire"
    assert [p.code for p in moscow.parties] == ["ARM", "AZE"]
    assert [(p.code, p.name) for p in moscow.mediators] == [("RUS", "Russia")]
    assert moscow.agreed_on is not None and moscow.agreed_on.date == date(2020, 10, 10)
    assert [t.text for t in moscow.terms] == ["not to target civilians"]
    assert moscow.status == "superseded" and moscow.superseded_by == washington.id
    assert [(c.status, c.date) for c in moscow.status_history][-1] == (
        "superseded",
        date(2020, 10, 25),
    )
    sides = [(v.date, v.accuser, v.accused, v.contested) for v in moscow.violations]
    assert sides == [
        (date(2020, 10, 11), "AZE", "ARM", True),
        (date(2020, 10, 12), "ARM", "AZE", False),
    ]

    assert washington.status == "collapsed"
    assert [(c.status, c.date) for c in washington.status_history][-1] == (
        "collapsed",
        date(2020, 10, 26),
    )
    assert [(v.accuser, v.place and v.place.name) for v in washington.violations] == [
        ("ARM", "Terter")
    ]

    assert [p.code for p in minsk.parties] == ["RUS", "UKR"]
    assert minsk.status == "announced" and not minsk.violations


def test_the_list_has_every_truce_in_the_codecs_shape(
    client: TestClient, truces: list[Truce]
) -> None:
    response = client.get("/api/truces")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body == {
        "total": 3,
        "limit": 50,
        "offset": 0,
        "next_offset": None,
        "truces": [truce_to_dict(truce) for truce in truces],
    }
    TrucePage.model_validate(body)  # what is sent is what the OpenAPI schema says


def test_the_list_pages_like_the_events(client: TestClient, truces: list[Truce]) -> None:
    first = client.get("/api/truces", params={"limit": 2}).json()
    assert [t["id"] for t in first["truces"]] == [t.id for t in truces[:2]]
    assert (first["total"], first["limit"], first["next_offset"]) == (3, 2, 2)
    last = client.get("/api/truces", params={"limit": 2, "offset": 2}).json()
    assert [t["id"] for t in last["truces"]] == [truces[2].id]
    assert last["next_offset"] is None
    beyond = client.get("/api/truces", params={"offset": 10}).json()
    assert beyond["total"] == 3 and beyond["truces"] == [] and beyond["next_offset"] is None


@pytest.mark.parametrize(
    ("country", "places"),
    [
        ("arm", ["Moscow", "Washington"]),  # a party, in any case
        ("RUS", ["Minsk", "Moscow"]),  # a party of one, the mediator of the other
        ("USA", ["Washington"]),  # a mediator
        ("UKR", ["Minsk"]),
        ("FRA", []),
    ],
)
def test_truces_by_country(
    client: TestClient, truces: list[Truce], country: str, places: list[str]
) -> None:
    known = by_place(truces)
    body = client.get("/api/truces", params={"country": country}).json()
    assert [t["id"] for t in body["truces"]] == [known[place].id for place in places]
    assert body["total"] == len(places)


@pytest.mark.parametrize(
    ("params", "places"),
    [
        # Minsk was never ended: it reaches into every range after it was agreed.
        ({"since": "2020-10-13"}, ["Minsk", "Moscow", "Washington"]),
        ({"since": "2020-10-26"}, ["Minsk", "Washington"]),
        ({"until": "2020-10-20"}, ["Minsk", "Moscow"]),
        ({"since": "2020-10-01", "until": "2020-10-24"}, ["Minsk", "Moscow"]),
        ({"since": "2020-10-25", "until": "2020-10-25"}, ["Minsk", "Moscow", "Washington"]),
        ({"since": "2021-01-01"}, ["Minsk"]),
        ({"country": "ARM", "until": "2020-10-20"}, ["Moscow"]),
    ],
)
def test_truces_between_days(
    client: TestClient, truces: list[Truce], params: dict[str, str], places: list[str]
) -> None:
    known = by_place(truces)
    body = client.get("/api/truces", params=params).json()
    assert [t["id"] for t in body["truces"]] == [known[place].id for place in places]


@pytest.mark.parametrize(
    "params",
    [
        {"country": "UKRAINE"},
        {"country": "A1"},
        {"since": "yesterday"},
        {"until": "2020-13-01"},
        {"since": "2024-01-02", "until": "2024-01-01"},
        {"limit": 0},
        {"limit": MAX_PAGE_SIZE + 1},
        {"offset": -1},
    ],
)
def test_a_bad_parameter_is_refused_as_the_events_refuse_it(
    client: TestClient, params: dict[str, Any]
) -> None:
    error = assert_error(client.get("/api/truces", params=params), 422, "invalid_request")
    assert error["details"] and all(set(d) == {"where", "message"} for d in error["details"])
    assert error == client.get("/api/events", params=params).json()["error"]


def test_one_truce_with_its_violations(client: TestClient, truces: list[Truce]) -> None:
    moscow = by_place(truces)["Moscow"]
    response = client.get(f"/api/truces/{moscow.id}")
    assert response.status_code == 200
    body = response.json()
    assert body == truce_to_dict(moscow)
    assert [m["code"] for m in body["mediators"]] == ["RUS"]
    for violation in body["violations"]:  # every violation is an event of the store
        event = client.get(f"/api/events/{violation['event_id']}").json()["event"]
        assert event["event"] == violation["event"] and event["date"] == violation["date"]


def test_an_unknown_truce_is_a_404_like_an_unknown_event(client: TestClient) -> None:
    error = assert_error(client.get("/api/truces/no-such-truce"), 404, "not_found")
    assert error["message"] == "no truce with id 'no-such-truce'"
    event_error = client.get("/api/events/no-such-event").json()["error"]
    assert set(error) == set(event_error) and error["details"] == event_error["details"] == []
    assert_error(client.get("/api/truces/" + "x" * 201), 422, "invalid_request")


def test_the_routes_are_in_the_openapi_schema(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    listing = schema["paths"]["/api/truces"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {
        "country",
        "since",
        "until",
        "limit",
        "offset",
    }
    assert listing["tags"] == ["truces"]
    ok = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/TrucePage"}
    one = schema["paths"]["/api/truces/{truce_id}"]["get"]["responses"]
    assert one["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TruceOut"
    }
    assert one["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    truce = schema["components"]["schemas"]["TruceOut"]
    sent = client.get("/api/truces", params={"limit": 1}).json()["truces"][0]
    assert set(truce["properties"]) == set(sent) == set(truce["required"])


def test_an_empty_store_has_no_truces(tmp_path: Path) -> None:
    Store.open(tmp_path / "empty.duckdb").close()
    with TestClient(create_app(ApiSettings(db=tmp_path / "empty.duckdb"))) as empty:
        body = empty.get("/api/truces").json()
    assert body == {"total": 0, "limit": 50, "offset": 0, "next_offset": None, "truces": []}


def test_a_private_server_wants_its_token_for_truces(store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "private.duckdb"  # with a token the server may write: a copy
    shutil.copyfile(store_path, copy)
    settings = ApiSettings(db=copy, token=TOKEN, private=True)
    with TestClient(create_app(settings)) as private:
        for path in ("/api/truces", "/api/truces/no-such-truce"):
            assert_error(private.get(path), 401, "unauthorized")
        signed = {"Authorization": f"Bearer {TOKEN}"}
        listing = private.get("/api/truces", headers=signed).json()
        assert listing["total"] == 3
        one = private.get(f"/api/truces/{listing['truces'][0]['id']}", headers=signed)
        assert one.status_code == 200
        schema = private.get("/api/openapi.json").json()
    for path in ("/api/truces", "/api/truces/{truce_id}", "/api/events"):
        assert schema["paths"][path]["get"]["security"] == [{"token": []}], path
