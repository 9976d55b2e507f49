"""Settlements the gazetteer lacks ("the villages of Foua and Kfraya", "Qunu village", "in
Rippey, Iowa"), found by the words around them and placed where their article puts them,
on hand-built Docs over a tiny in-memory gazetteer."""

from __future__ import annotations

import pytest

from parsed import placed, tagged
from strife.places import Gazetteer, GazetteerEntry, Geoparser

IDLIB = 169387
IOWA = 4862182
NEVADA = 5509151
EASTERN_CAPE = 1085595
PARIS = 2988507
LONDON = 2643743
PLACES = [
    GazetteerEntry(
        IDLIB, "Idlib Governorate", 35.75, 36.75, "SYR", "ADM1", 1500000, "08", ("Idlib",)
    ),
    GazetteerEntry(IOWA, "Iowa", 42.0, -93.5, "USA", "ADM1", 3190369, "IA"),
    GazetteerEntry(NEVADA, "Nevada", 39.25, -116.75, "USA", "ADM1", 3080156, "NV"),
    GazetteerEntry(EASTERN_CAPE, "Eastern Cape", -32.0, 26.5, "ZAF", "ADM1", 6562053, "05"),
    GazetteerEntry(PARIS, "Paris", 48.85, 2.35, "FRA", "PPLC", 2138551, "11"),
    GazetteerEntry(LONDON, "London", 51.51, -0.13, "GBR", "PPLC", 8961989, "ENG"),
]


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser(Gazetteer.from_records(PLACES))


def test_each_name_after_a_plural_level_noun_is_a_village(geoparser: Geoparser) -> None:
    doc = tagged("Rebels shelled the villages of Foua and Kfraya in Idlib on Monday .")
    assert placed(geoparser, doc) == [
        ("Foua", IDLIB, "context"),
        ("Kfraya", IDLIB, "context"),
        ("Idlib", IDLIB, "name"),
    ]


def test_after_a_singular_noun_only_the_first_name_is_the_place(geoparser: Geoparser) -> None:
    doc = tagged("Troops entered the town of Foua and Kfraya Said left for Idlib .")
    assert [p[0] for p in placed(geoparser, doc)] == ["Foua", "Idlib"]


def test_a_level_noun_after_a_name_makes_it_a_place(geoparser: Geoparser) -> None:
    doc = tagged("Officials visited him in Qunu village in the Eastern Cape .")
    assert placed(geoparser, doc)[0] == ("Qunu", EASTERN_CAPE, "context")


def test_a_person_or_organisation_before_a_level_noun_is_no_place(geoparser: Geoparser) -> None:
    doc = tagged(
        "The Clinton camp and the Acme district office met in Paris .",
        ents=[("Clinton", "PERSON"), ("Acme", "ORG")],
    )
    assert placed(geoparser, doc) == [("Paris", PARIS, "name")]


def test_a_possessor_after_a_level_noun_is_no_place(geoparser: Geoparser) -> None:
    doc = tagged("In Paris , the centre of Johnson 's plan was the budget .")
    assert placed(geoparser, doc) == [("Paris", PARIS, "name")]


def test_a_name_then_a_known_place_after_a_comma_is_a_town_in_it(geoparser: Geoparser) -> None:
    doc = tagged("The firm built a wind farm in Rippey , Iowa , last year .")
    assert placed(geoparser, doc) == [("Rippey", IOWA, "context"), ("Iowa", IOWA, "name")]


def test_one_word_of_glue_may_stand_after_the_comma(geoparser: Geoparser) -> None:
    doc = tagged("He was buried in Kilbride , near London , on Friday .")
    assert placed(geoparser, doc)[0] == ("Kilbride", LONDON, "context")


def test_an_english_word_or_a_person_before_the_comma_is_no_town(geoparser: Geoparser) -> None:
    doc = tagged(
        "In Brief , London markets rose . A letter from Walters , Paris , arrived .",
        ents=[("Walters", "PERSON")],
    )
    assert [p[0] for p in placed(geoparser, doc)] == ["London", "Paris"]


def test_other_mentions_of_a_settlement_are_places_too(geoparser: Geoparser) -> None:
    doc = tagged(
        "He drank in the town of Gerlach , Nevada , at dusk . Help was not easy to find in "
        "Gerlach . The Gerlach Road was closed ."
    )
    assert placed(geoparser, doc) == [
        ("Gerlach", NEVADA, "context"),
        ("Nevada", NEVADA, "name"),
        ("Gerlach", NEVADA, "context"),
        ("Gerlach Road", NEVADA, "context"),  # a site of its own, not the town's mention
    ]


def test_a_name_the_gazetteer_knows_keeps_its_own_reading(geoparser: Geoparser) -> None:
    doc = tagged("Crowds filled the city of Paris .")
    assert placed(geoparser, doc) == [("Paris", PARIS, "name")]


def test_a_common_word_or_a_title_after_a_level_noun_is_no_place(geoparser: Geoparser) -> None:
    doc = tagged("The city of London and the town of Mayor Smith met in the city of Hope .")
    assert [p[0] for p in placed(geoparser, doc)] == ["London"]


def test_a_noun_for_what_lies_in_a_place_makes_no_settlement(geoparser: Geoparser) -> None:
    # An airport, a camp or a port is in a town; it does not say what the name before it is.
    doc = tagged("Police arrested him at Kilby airport and took him to Paris .")
    assert placed(geoparser, doc) == [("Paris", PARIS, "name")]


def test_a_region_takes_only_the_place_named_after_it(geoparser: Geoparser) -> None:
    # No town stands for a region: without a place named right after it, it stays unplaced,
    # where a village takes the nearest town.
    doc = tagged("Crowds gathered in Paris . The region of Rojava and the town of Gerlach voted .")
    assert placed(geoparser, doc) == [("Paris", PARIS, "name"), ("Gerlach", PARIS, "context")]
    doc = tagged("The autonomous region of Rojava in Iowa voted .")
    assert placed(geoparser, doc)[0] == ("Rojava", IOWA, "context")


KOSOVO = 831053
BANSKO = 733462


def test_a_name_read_only_as_a_stray_elsewhere_is_a_settlement_here() -> None:
    """The gazetteer knows "Banjska" only as another name of Bansko, in Bulgaria, which
    nothing else in the article points to: the village is placed where its article is."""
    geoparser = Geoparser(
        Gazetteer.from_records(
            [
                GazetteerEntry(KOSOVO, "Kosovo", 42.58, 21.0, "XKX", "PCLI", 1800000),
                GazetteerEntry(
                    BANSKO, "Bansko", 41.84, 23.49, "BGR", "PPL", 9232, "01", ("Banjska",)
                ),
            ]
        )
    )
    doc = tagged("Gunmen ambushed police near the village of Banjska in Kosovo .")
    assert placed(geoparser, doc) == [("Banjska", KOSOVO, "context"), ("Kosovo", KOSOVO, "name")]
