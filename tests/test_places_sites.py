"""Sites the gazetteer lacks ("the Ritz Hotel", "Sloane Street") placed where their article
puts them, on hand-built Docs over a tiny in-memory gazetteer."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parsed import tagged
from strife.places import Gazetteer, GazetteerEntry, Geoparser
from strife.records import Place

PARIS = 2988507
LONDON = 2643743
COPENHAGEN = 2618425
PRAGUE = 3067696
AARHUS = 2624652
PLACES = [
    GazetteerEntry(PARIS, "Paris", 48.85, 2.35, "FRA", "PPLC", 2138551, "11"),
    GazetteerEntry(4717560, "Paris", 33.66, -95.56, "USA", "PPL", 25171, "TX"),
    GazetteerEntry(LONDON, "London", 51.51, -0.13, "GBR", "PPLC", 8961989, "ENG"),
    GazetteerEntry(COPENHAGEN, "Copenhagen", 55.68, 12.57, "DNK", "PPLC", 1153615, "17"),
    GazetteerEntry(3017382, "France", 46.0, 2.0, "FRA", "PCLI", 66987244),
    GazetteerEntry(PRAGUE, "Prague", 50.09, 14.42, "CZE", "PPLC", 1165581, "52"),
    GazetteerEntry(
        1611110,
        "Chachoengsao",
        13.69,
        101.07,
        "THA",
        "PPL",
        49741,
        "74",
        alternate_names=("Petrin",),
    ),
    GazetteerEntry(AARHUS, "Aarhus", 56.16, 10.21, "DNK", "PPL", 285273, "18"),
    GazetteerEntry(5045258, "Saint Michael", 45.21, -93.66, "USA", "PPL", 18235, "MN"),
    GazetteerEntry(5045360, "Saint Paul", 44.94, -93.09, "USA", "PPLA", 300851, "MN"),
    GazetteerEntry(5304391, "Mesa", 33.42, -111.82, "USA", "PPL", 504258, "AZ"),
    GazetteerEntry(2426240, "Pala", 9.36, 14.97, "TCD", "PPL", 49461, "13"),
]


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser(Gazetteer.from_records(PLACES))


def places(geoparser: Geoparser, doc: Doc) -> list[Place]:
    return [m.place for m in geoparser.find(doc)]


def test_a_site_takes_the_town_named_right_after_it(geoparser: Geoparser) -> None:
    doc = tagged("The summit was held at the Ritz Hotel in Paris on Monday .")
    site, town = places(geoparser, doc)
    assert (site.extracted_place, site.geonameid, site.resolved_by) == (
        "Ritz Hotel",
        PARIS,
        "context",
    )
    assert (site.resolved_place, site.level, site.country_code) == ("Paris", "city", "FRA")
    assert doc.text[site.start : site.end] == "Ritz Hotel"
    assert (town.extracted_place, town.resolved_by) == ("Paris", "name")


def test_a_site_without_a_town_after_it_takes_the_nearest_town(geoparser: Geoparser) -> None:
    doc = tagged(
        "Protesters gathered in Paris on Saturday . On Sunday thousands gathered in London . "
        "They marched down Sloane Street and Frith Street ."
    )
    found = [(p.extracted_place, p.geonameid) for p in places(geoparser, doc)]
    assert found == [
        ("Paris", PARIS),
        ("London", LONDON),
        ("Sloane Street", LONDON),
        ("Frith Street", LONDON),
    ]


def test_a_word_that_opens_a_site_name_makes_it_a_site(geoparser: Geoparser) -> None:
    doc = tagged("A body was found in Lake Nokomis , near Paris .")
    site = places(geoparser, doc)[0]
    assert (site.extracted_place, site.geonameid, site.resolved_by) == (
        "Lake Nokomis",
        PARIS,
        "context",
    )


def test_a_site_name_that_holds_a_known_name_is_left_to_that_name(geoparser: Geoparser) -> None:
    doc = tagged("Flights left Copenhagen Airport on time .")
    assert [(p.extracted_place, p.resolved_by) for p in places(geoparser, doc)] == [
        ("Copenhagen", "name")
    ]


def test_a_held_name_read_far_from_every_other_town_gives_the_site_to_them(
    geoparser: Geoparser,
) -> None:
    doc = tagged("Tourists in Prague climbed Petrin Tower on Sunday .")
    assert [(p.extracted_place, p.geonameid, p.resolved_by) for p in places(geoparser, doc)] == [
        ("Prague", PRAGUE, "name"),
        ("Petrin Tower", PRAGUE, "context"),
    ]


def test_names_a_site_holds_all_read_far_from_every_other_town_give_it_the_site(
    geoparser: Geoparser,
) -> None:
    doc = tagged("Visitors to Prague stayed at the Pala Mesa Resort last week .")
    assert [(p.extracted_place, p.geonameid, p.resolved_by) for p in places(geoparser, doc)] == [
        ("Prague", PRAGUE, "name"),
        ("Pala Mesa Resort", PRAGUE, "context"),
    ]
    # One of them near another town of the article: each keeps its reading.
    near = tagged("Visitors to Aarhus stayed at the Copenhagen Mesa Resort last week .")
    assert [(p.extracted_place, p.resolved_by) for p in places(geoparser, near)][:2] == [
        ("Aarhus", "name"),
        ("Copenhagen", "name"),
    ]


def test_a_held_name_near_another_town_or_alone_keeps_its_reading(geoparser: Geoparser) -> None:
    near = tagged("Flights from Aarhus landed at Copenhagen Airport on time .")
    assert [(p.extracted_place, p.geonameid) for p in places(geoparser, near)] == [
        ("Aarhus", AARHUS),
        ("Copenhagen", COPENHAGEN),
    ]
    alone = tagged("Tourists climbed Petrin Tower on Sunday .")
    assert [(p.extracted_place, p.resolved_by) for p in places(geoparser, alone)] == [
        ("Petrin", "name")
    ]


def test_a_site_named_for_a_saint_holds_the_saints_name(geoparser: Geoparser) -> None:
    # Another site's saint does not vouch for the held town ("Saint Paul" lies near it).
    doc = tagged(
        "Two women were shot in Paris . They were taken to St. Michael 's Hospital , "
        "near St. Paul 's Cathedral ."
    )
    assert [(p.extracted_place, p.geonameid, p.resolved_by) for p in places(geoparser, doc)] == [
        ("Paris", PARIS, "name"),
        ("St. Michael's Hospital", PARIS, "context"),
        ("St. Paul's Cathedral", PARIS, "context"),
    ]


def test_hyphens_join_a_site_name_and_a_stop_word_does_not_open_it(geoparser: Geoparser) -> None:
    doc = tagged("In Paris , AT Macdonald - Cartier International Airport , police waited .")
    assert "AT Macdonald-Cartier International" in doc.text
    assert [p.extracted_place for p in places(geoparser, doc)] == [
        "Paris",
        "Macdonald-Cartier International Airport",
    ]


def test_generic_words_alone_make_no_site(geoparser: Geoparser) -> None:
    doc = tagged("In Paris , the University Hospital and the National Park closed .")
    assert [p.extracted_place for p in places(geoparser, doc)] == ["Paris"]


def test_a_site_whose_article_names_no_town_stays_unplaced(geoparser: Geoparser) -> None:
    doc = tagged("France said the wounded were taken to Scripps Memorial Hospital .")
    assert [m.place.extracted_place for m in geoparser.find(doc, every_toponym=True)] == ["France"]


def test_a_name_not_used_as_a_place_places_no_site(geoparser: Geoparser) -> None:
    # "Paris" inside the police department's name is no place of the story; London is.
    doc = tagged(
        "Crowds gathered in London . Officers of the Paris Police Department walked down "
        "Sloane Street .",
        ents=[("Paris Police Department", "ORG")],
    )
    site = [p for p in places(geoparser, doc) if p.resolved_by == "context"]
    assert [(p.extracted_place, p.geonameid) for p in site] == [("Sloane Street", LONDON)]


def test_the_nearest_town_may_come_after_the_site(geoparser: Geoparser) -> None:
    doc = tagged(
        "Protesters met in Paris on Monday and talked for hours about the march . "
        "Frith Street was closed . Crowds then gathered in London ."
    )
    site = [p for p in places(geoparser, doc) if p.resolved_by == "context"]
    assert [(p.extracted_place, p.geonameid) for p in site] == [("Frith Street", LONDON)]
