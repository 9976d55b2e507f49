"""Street addresses ("Riemergasse 11, 1010 Vienna", "47 Frith Street, Soho, London W1D 4HT")
as one place each, placed at their town, on hand-built Docs over a tiny gazetteer."""

from __future__ import annotations

import pytest

from parsed import placed, tagged
from strife.places import Gazetteer, GazetteerEntry, Geoparser

PARIS = 2988507
LONDON = 2643743
SOHO = 2637582
VIENNA = 2761369
OSLO = 3143244
ROME = 3169070
PLACES = [
    GazetteerEntry(PARIS, "Paris", 48.85, 2.35, "FRA", "PPLC", 2138551, "11"),
    GazetteerEntry(LONDON, "London", 51.51, -0.13, "GBR", "PPLC", 8961989, "ENG"),
    GazetteerEntry(SOHO, "Soho", 51.51, -0.13, "GBR", "PPLX", 0, "ENG"),
    GazetteerEntry(2653266, "Chelsea", 51.49, -0.17, "GBR", "PPLX", 0, "ENG"),
    GazetteerEntry(VIENNA, "Vienna", 48.21, 16.37, "AUT", "PPLC", 1691468, "09"),
    GazetteerEntry(OSLO, "Oslo", 59.91, 10.75, "NOR", "PPLC", 580000, "12"),
    GazetteerEntry(ROME, "Rome", 41.89, 12.51, "ITA", "PPLC", 2318895, "07"),
]


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser(Gazetteer.from_records(PLACES))


def test_a_street_takes_its_house_number_and_postcode(geoparser: Geoparser) -> None:
    doc = tagged("The bar is at Riemergasse 11 , 1010 Vienna ; open daily .")
    assert placed(geoparser, doc) == [
        ("Riemergasse 11, 1010", VIENNA, "context"),
        ("Vienna", VIENNA, "name"),
    ]


def test_a_house_number_before_a_street_word_joins_the_street(geoparser: Geoparser) -> None:
    doc = tagged("Tickets are sold at 47 Frith Street , Soho , London W1D 4HT ; call ahead .")
    assert placed(geoparser, doc) == [
        ("47 Frith Street", SOHO, "context"),
        ("Soho", SOHO, "name"),
        ("London", LONDON, "name"),
        ("W1D 4HT", LONDON, "context"),
    ]


def test_a_street_name_may_hold_name_connectors(geoparser: Geoparser) -> None:
    doc = tagged("The club is at 11 Rue des Petites Ecuries , Paris 75010 ; it opens at nine .")
    assert placed(geoparser, doc) == [
        ("11 Rue des Petites Ecuries", PARIS, "context"),
        ("Paris", PARIS, "name"),
        ("75010", PARIS, "context"),
    ]


def test_a_name_with_a_number_postcode_and_town_is_a_street(geoparser: Geoparser) -> None:
    doc = tagged("The cafe is at Karl Johans Gate 35 , 0162 , Oslo ; it closes at ten .")
    assert placed(geoparser, doc)[0] == ("Karl Johans Gate 35, 0162", OSLO, "context")
    italian = tagged("The park is at Viale di Porta Ardeatine 55 00154 , Rome ; entry is free .")
    assert placed(geoparser, italian)[0] == (
        "Viale di Porta Ardeatine 55 00154",
        ROME,
        "context",
    )


def test_a_street_in_one_word_is_known_by_its_ending(geoparser: Geoparser) -> None:
    doc = tagged("Police closed the Pestalozzistrasse in Vienna on Sunday .")
    assert placed(geoparser, doc) == [
        ("Pestalozzistrasse", VIENNA, "context"),
        ("Vienna", VIENNA, "name"),
    ]
    # The ending is found in any case, and the sharp s as "ss" or "ß".
    for street in ("Hauptstraße", "HAUPTSTRASSE", "Hauptstrasse"):
        doc = tagged(f"Police closed the {street} in Vienna on Sunday .")
        assert placed(geoparser, doc)[0] == (street, VIENNA, "context")


def test_numbers_without_a_street_or_a_postcode_make_no_address(geoparser: Geoparser) -> None:
    scores = tagged("In London , Arsenal 2 , Chelsea 1 on Sunday .")
    assert [p for p, _, by in placed(geoparser, scores) if by == "context"] == []
    games = tagged("The Paris 2024 Games opened in Paris .")
    assert [p for p, _, by in placed(geoparser, games) if by == "context"] == []
    # A count before a site that is no street stays out of its name.
    hotel = tagged("In Vienna , 3 Sacher Hotel guests fell ill .")
    assert ("Sacher Hotel", VIENNA, "context") in placed(geoparser, hotel)
