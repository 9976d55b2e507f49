"""Recognising and resolving toponyms on hand-built Docs over a tiny in-memory gazetteer, so
the rules are tested without the parser or the full index."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.tokens import Doc

from parsed import parse, tagged, tokens
from strife.places import Gazetteer, GazetteerEntry, Geoparser
from strife.places.recognize import Lexicon, find_toponyms
from strife.places.usage import _entities

PLACES = [
    GazetteerEntry(147105, "Shusha", 39.76, 46.75, "AZE", "PPL", 19400, "55", ("Shushi",)),
    GazetteerEntry(584871, "Tartar", 40.34, 46.93, "AZE", "PPL", 20400, "57", ("Terter",)),
    GazetteerEntry(148619, "Aghdam", 39.99, 46.93, "AZE", "PPL", 37700, "03", ("Agdam",)),
    GazetteerEntry(587384, "Aghjabadi", 40.05, 47.46, "AZE", "PPL", 41200, "02", ("Aghjabedi",)),
    GazetteerEntry(587084, "Baku", 40.38, 49.89, "AZE", "PPLC", 2351300, "09"),
    GazetteerEntry(4677524, "Burke", 31.23, -94.76, "USA", "PPL", 735, "TX", ("Baku",)),
    GazetteerEntry(616052, "Yerevan", 40.18, 44.51, "ARM", "PPLC", 1144700, "11"),
    GazetteerEntry(2660646, "Geneva", 46.20, 6.15, "CHE", "PPL", 201741, "GE"),
    GazetteerEntry(4893591, "Geneva", 41.89, -88.31, "USA", "PPL", 21806, "IL"),
    GazetteerEntry(
        409421, "Nagorno-Karabakh", 39.9, 46.7, "AZE", "RGN", 145000, None, ("Karabakh", "Artsakh")
    ),
    GazetteerEntry(174982, "Armenia", 40.25, 45.0, "ARM", "PCLI", 3076200),
    GazetteerEntry(3689169, "Armenia", 4.53, -75.68, "COL", "PPL", 315328, "24"),
    GazetteerEntry(587116, "Azerbaijan", 40.5, 47.5, "AZE", "PCLI", 9942334),
    GazetteerEntry(298795, "Turkey", 39.0, 35.0, "TUR", "PCLI", 82319724),
    GazetteerEntry(
        6252001, "United States", 39.76, -98.5, "USA", "PCLI", 327167434, None, ("US", "America")
    ),
    GazetteerEntry(709717, "Donetsk", 48.02, 37.80, "UKR", "PPL", 901645, "05"),
    GazetteerEntry(565348, "Donetsk", 48.34, 39.95, "RUS", "PPL", 50850, "61"),
    GazetteerEntry(
        709716, "Donetsk Oblast", 48.0, 37.8, "UKR", "ADM1", 4100000, "05", ("Donetsk",)
    ),
    GazetteerEntry(2210247, "Tripoli", 32.88, 13.19, "LBY", "PPLC", 1150989, "77"),
    GazetteerEntry(266826, "Tripoli", 34.43, 35.84, "LBN", "PPL", 229398, "09"),
    GazetteerEntry(4428039, "Hope", 33.68, -93.59, "USA", "PPL", 9800, "AR"),
    GazetteerEntry(473249, "Vladimir", 56.13, 40.40, "RUS", "PPL", 310024, "83"),
    GazetteerEntry(3117735, "Madrid", 40.42, -3.70, "ESP", "PPLC", 3255944, "29"),
    GazetteerEntry(303700, "Of", 40.95, 40.26, "TUR", "PPL", 20000, "61"),
    GazetteerEntry(2643097, "March", 52.55, 0.09, "GBR", "PPL", 22298, "ENG"),
    GazetteerEntry(2661552, "Bern", 46.95, 7.45, "CHE", "PPLC", 121631, "BE"),
    GazetteerEntry(170794, "Deir ez-Zor", 35.34, 40.14, "SYR", "PPL", 271800, "07"),
    GazetteerEntry(170063, "Aleppo", 36.20, 37.16, "SYR", "PPL", 2098210, "09"),
    GazetteerEntry(3019766, "Eu", 50.05, 1.42, "FRA", "PPL", 8000, "28"),
    GazetteerEntry(2753638, "Hoorn", 52.64, 5.06, "NLD", "PPL", 72000, "07", ("Horn",)),
    GazetteerEntry(4435764, "Lakes", 33.1, -90.9, "USA", "PPL", 600, "MS"),
    GazetteerEntry(4945256, "Walsh", 37.4, -102.3, "USA", "PPL", 700, "CO"),
    GazetteerEntry(6183235, "Winnipeg", 49.88, -97.15, "CAN", "PPLA", 705244, "03"),
    GazetteerEntry(3014000, "Europe", 48.69, 9.14, "FRA", "PPL", 1000),
    GazetteerEntry(6158357, "St. Thomas", 42.78, -81.18, "CAN", "PPL", 38909, "08"),
    GazetteerEntry(4824597, "Thomas", 39.15, -79.50, "USA", "PPL", 600, "WV"),
    GazetteerEntry(3718426, "Port-au-Prince", 18.54, -72.34, "HTI", "PPLC", 1234742, "11"),
    GazetteerEntry(2986140, "Port", 46.17, 5.56, "FRA", "PPL", 896, "84"),
    GazetteerEntry(170903, "Dar'a", 32.62, 36.10, "SYR", "PPL", 97969, "08", ("Dr",)),
    GazetteerEntry(5012345, "General", 40.0, -80.0, "USA", "PPL", 900, "PA"),
    GazetteerEntry(4541234, "Ricardo", 34.0, -103.0, "USA", "PPL", 1048, "NM"),
    GazetteerEntry(4641234, "Heathrow", 26.7, -80.1, "USA", "PPL", 5896, "FL"),
    GazetteerEntry(
        6296599, "Heathrow Airport", 51.47, -0.45, "GBR", "AIRP", 0, "ENG", ("Heathrow",)
    ),
    GazetteerEntry(
        -61070011, "Serengeti", -2.33, 34.83, "TZA", "PRK", 0, None, ("Serengeti National Park",)
    ),
]


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser(Gazetteer.from_records(PLACES))


def found(geoparser: Geoparser, doc: Doc, hints: Sequence[str] = ()) -> list[tuple[str, int]]:
    return [(m.place.extracted_place, m.place.geonameid) for m in geoparser.find(doc, hints)]


def test_karabakh_sentences_resolve_every_place(geoparser: Geoparser) -> None:
    doc = tagged(
        "several civilians were wounded in attacks on the city of Shushi , in Karabakh . "
        "The ministry said the Azeri regions of Terter , Aghdam and Aghjabedi had come under "
        "fire . The agreement was negotiated in Geneva on Friday .",
        ents=[("Shushi", "FAC"), ("Azeri", "NORP"), ("Aghdam", "PERSON"), ("Friday", "DATE")],
        pos={"Azeri": "ADJ", "The": "DET", "Friday": "PROPN"},
    )
    assert found(geoparser, doc, ["ARM", "AZE"]) == [
        ("Shushi", 147105),
        ("Karabakh", 409421),
        ("Terter", 584871),
        ("Aghdam", 148619),
        ("Aghjabedi", 587384),
        ("Geneva", 2660646),
    ]


def test_mentions_carry_token_and_character_offsets(geoparser: Geoparser) -> None:
    doc = tagged("shelling hit the town of Shushi overnight")
    (mention,) = geoparser.find(doc)
    assert (mention.token_start, mention.token_end) == (5, 6)
    assert doc.text[mention.place.start : mention.place.end] == "Shushi"
    place = mention.place
    assert (place.resolved_place, place.country_code, place.feature_code) == (
        "Shusha",
        "AZE",
        "PPL",
    )
    assert place.admin1 == "55" and place.lat == pytest.approx(39.76)


def test_capitals_named_as_actors_are_still_places(geoparser: Geoparser) -> None:
    doc = tagged("Yerevan and Baku accused each other", ents=[("Yerevan", "PERSON")])
    assert found(geoparser, doc) == [("Yerevan", 616052), ("Baku", 587084)]


def test_country_after_a_locative_preposition_is_a_place(geoparser: Geoparser) -> None:
    doc = tagged("envoys from Armenia , Turkey and the United States met")
    assert found(geoparser, doc) == [
        ("Armenia", 174982),
        ("Turkey", 298795),
        ("United States", 6252001),
    ]


def test_a_country_a_part_of_which_follows_a_preposition_is_a_place(
    geoparser: Geoparser,
) -> None:
    doc = tagged("rebels shelled villages in parts of Armenia and the north of Turkey")
    assert found(geoparser, doc) == [("Armenia", 174982), ("Turkey", 298795)]
    doc = tagged("the talks were part of Armenia 's plan")
    assert found(geoparser, doc) == []


def test_country_as_subject_or_possessive_is_not_a_place(geoparser: Geoparser) -> None:
    doc = tagged("Armenia formally requests help as Turkey backs Azerbaijan 's army")
    assert found(geoparser, doc) == []
    doc = tagged("hostilities came closer to Armenia 's borders")
    assert found(geoparser, doc) == []


def test_hyphenated_and_connected_names_match_whole(geoparser: Geoparser) -> None:
    doc = tagged(
        "fighting in the disputed Nagorno - Karabakh region and in Deir ez - Zor",
        pos={"disputed": "ADJ"},
    )
    assert found(geoparser, doc) == [("Nagorno-Karabakh", 409421), ("Deir ez-Zor", 170794)]


def test_small_words_between_hyphens_stay_inside_the_name(geoparser: Geoparser) -> None:
    # "au" is no connector of names; written between hyphens it still joins the words.
    doc = tagged("cases in the capital , Port - au - Prince , fell")
    assert found(geoparser, doc) == [("Port-au-Prince", 3718426)]


def test_a_name_opening_on_a_shortened_word_matches_whole(geoparser: Geoparser) -> None:
    doc = tagged("police in St. Thomas said")
    assert found(geoparser, doc) == [("St. Thomas", 6158357)]
    # Where the gazetteer knows no name opening on it, the name after it still matches.
    doc = tagged("a tornado struck near St. Winnipeg")
    assert found(geoparser, doc) == [("Winnipeg", 6183235)]


def test_common_words_need_a_locative_cue(geoparser: Geoparser) -> None:
    doc = tagged("Hope is fading , Of course , and March is near")
    assert found(geoparser, doc) == []
    doc = tagged("a tornado struck near Hope")
    assert found(geoparser, doc) == [("Hope", 4428039)]


def test_months_are_never_places_even_after_a_preposition(geoparser: Geoparser) -> None:
    doc = tagged("the talks resume in March", ents=[("March", "DATE")])
    assert found(geoparser, doc) == []
    doc = tagged("the talks resume in March")
    assert found(geoparser, doc) == []


def test_person_names_are_not_places(geoparser: Geoparser) -> None:
    doc = tagged(
        "Russian President Vladimir Putin spoke",
        ents=[("Vladimir Putin", "PERSON")],
        pos={"Russian": "ADJ"},
    )
    assert found(geoparser, doc) == []
    doc = tagged("a letter to President Vladimir", ents=[("Vladimir", "PERSON")])
    assert found(geoparser, doc) == []


def test_a_person_or_organisation_owning_what_follows_is_no_place(geoparser: Geoparser) -> None:
    """ "Walsh's followers stormed the palace": a name the model reads as a person, in the
    possessive, is a toponym a geoparser reports, but nothing happens at it."""
    doc = tagged("Walsh 's followers stormed the palace", ents=[("Walsh", "PERSON")])
    assert found(geoparser, doc) == []
    mentions = geoparser.find(doc, every_toponym=True)
    assert [m.place.extracted_place for m in mentions] == ["Walsh"]
    doc = tagged("the Madrid 's old town was closed", ents=[("Madrid", "GPE")])
    assert found(geoparser, doc) == [("Madrid", 3117735)]


def test_a_title_before_a_name_is_not_a_place(geoparser: Geoparser) -> None:
    doc = tagged("Dr Chris Linton said", ents=[("Chris Linton", "PERSON")])
    assert found(geoparser, doc) == []
    doc = tagged("General . Smith spoke near Aleppo", ents=[("Smith", "PERSON")])
    assert found(geoparser, doc) == [("Aleppo", 170063)]
    # The same word is a place where no name follows it.
    doc = tagged("shelling resumed near General")
    assert found(geoparser, doc) == [("General", 5012345)]


def test_demonyms_are_not_places(geoparser: Geoparser) -> None:
    doc = tagged("an Armenia official said", ents=[("Armenia", "NORP")])
    assert found(geoparser, doc) == []


def test_place_inside_a_longer_name_is_not_a_place(geoparser: Geoparser) -> None:
    doc = tagged("under the so - called Madrid Principles , talks in Geneva failed")
    assert found(geoparser, doc) == [("Geneva", 2660646)]
    doc = tagged(
        "the Organization for Security in Geneva said",
        ents=[("Organization for Security in Geneva", "ORG")],
    )
    assert found(geoparser, doc) == []


def test_region_word_selects_the_province_over_the_city(geoparser: Geoparser) -> None:
    assert found(geoparser, tagged("shelling in Donetsk killed two")) == [("Donetsk", 709717)]
    doc = tagged("shelling across the Donetsk region killed two")
    assert found(geoparser, doc) == [("Donetsk", 709716)]
    doc = tagged("villages of the province of Donetsk")
    assert found(geoparser, doc) == [("Donetsk", 709716)]


def test_country_hints_choose_between_same_named_towns(geoparser: Geoparser) -> None:
    doc = tagged("clashes erupted in Tripoli overnight")
    assert found(geoparser, doc) == [("Tripoli", 2210247)]
    assert found(geoparser, doc, ["LBN"]) == [("Tripoli", 266826)]


def test_population_wins_without_context(geoparser: Geoparser) -> None:
    """Geneva, Switzerland; an article whose parties are American does not move a ceasefire
    to Geneva, Illinois, ten times smaller (a hint decides between towns closer in size:
    Tripoli above)."""
    doc = tagged("the ceasefire agreed in Geneva and Baku held")
    assert found(geoparser, doc) == [("Geneva", 2660646), ("Baku", 587084)]
    assert found(geoparser, doc, ["USA"]) == [("Geneva", 2660646), ("Baku", 587084)]


def test_countries_named_as_actors_give_context_without_being_places() -> None:
    gazetteer = Gazetteer.from_records(PLACES)
    doc = tagged("Armenia said Yerevan was shelled", ents=[("Armenia", "GPE")])
    toponyms = find_toponyms(doc, gazetteer, Lexicon.load())
    assert [(t.text, t.is_place) for t in toponyms] == [("Armenia", False), ("Yerevan", True)]
    country = toponyms[0].country
    assert country is not None and country.entry.country_code == "ARM"


def test_unknown_names_and_lowercase_words_are_ignored(geoparser: Geoparser) -> None:
    doc = tagged("Atlantis was attacked on the geneva road")
    assert found(geoparser, doc) == []


def test_names_heading_a_longer_name_are_not_places(geoparser: Geoparser) -> None:
    doc = tagged(
        "news from the Horn of Africa and the Great Lakes Monitor",
        ents=[("Great Lakes Monitor", "FAC")],
    )
    assert found(geoparser, doc) == []


def test_surnames_of_people_named_in_full_are_not_places(geoparser: Geoparser) -> None:
    doc = tagged("John Walsh said Walsh would return", ents=[("John Walsh", "PERSON")])
    assert found(geoparser, doc) == []


def test_a_large_place_stays_a_place_beside_a_person_of_its_name(geoparser: Geoparser) -> None:
    """A person named in full makes the small towns of its words no places ("Walsh"); a
    capital of millions keeps its reading ("Hanoi" beside a "Hanoi Hustle" the model took
    for a person)."""
    doc = tagged("Anna Madrid sang and Madrid cheered", ents=[("Anna Madrid", "PERSON")])
    assert found(geoparser, doc) == [("Madrid", 3117735)]


def test_a_name_read_as_a_persons_is_a_place_where_the_article_places_it(
    geoparser: Geoparser,
) -> None:
    """One sense per article: a well-known place or a feature of the project's list that the
    model reads as (part of) a person's name is a place where the article uses the name as a
    place elsewhere, by itself or as the one reading of a longer name."""
    doc = tagged("the Madrid Hustle video", ents=[("Madrid Hustle", "PERSON")])
    assert found(geoparser, doc) == []
    doc = tagged("the Madrid Hustle video . We flew to Madrid", ents=[("Madrid Hustle", "PERSON")])
    assert found(geoparser, doc) == [("Madrid", 3117735), ("Madrid", 3117735)]
    doc = tagged(
        "life on the Serengeti is hard . Lions roam in Serengeti National Park",
        ents=[("Serengeti", "PERSON")],
    )
    assert found(geoparser, doc) == [
        ("Serengeti", -61070011),
        ("Serengeti National Park", -61070011),
    ]
    # A surname after a given name stays the person's, whatever the article places.
    doc = tagged("Anna Madrid sang . We flew to Madrid", ents=[("Anna Madrid", "PERSON")])
    assert found(geoparser, doc) == [("Madrid", 3117735)]


def test_a_small_town_named_like_a_person_stays_the_person_elsewhere(
    geoparser: Geoparser,
) -> None:
    """ "John Walsh" and "the town of Walsh" in one article: the town's reading does not
    make the person's surname a place, a small town being no evidence against a person."""
    doc = tagged(
        "John Walsh said Walsh would visit the town of Walsh", ents=[("John Walsh", "PERSON")]
    )
    assert found(geoparser, doc) == [("Walsh", 4945256)]


def test_a_line_break_or_a_dash_inside_a_person_makes_no_full_name(
    geoparser: Geoparser,
) -> None:
    # The model runs names over line breaks and dashes ("Orlando\n" as PERSON, "Trump -
    # Wisconsin"): neither makes the place's name a surname for the rest of the text.
    doc = tagged("Visit Winnipeg ¶ Winnipeg offers more", ents=[("Winnipeg ¶", "PERSON")])
    assert found(geoparser, doc) == [("Winnipeg", 6183235), ("Winnipeg", 6183235)]
    doc = tagged(
        "states won by Trump - Winnipeg and Texas . Winnipeg voted",
        ents=[("Trump - Winnipeg", "PERSON")],
        spaced_dashes=True,
    )
    assert found(geoparser, doc) == [("Winnipeg", 6183235)]


def test_a_level_word_right_before_a_name_is_its_cue(geoparser: Geoparser) -> None:
    """ "the town Walsh": a place, though "Walsh" is also a word of a person named in full
    in the same text, which without a cue makes the small town no place."""
    doc = tagged("Anna Walsh sang in the town Walsh", ents=[("Anna Walsh", "PERSON")])
    assert found(geoparser, doc) == [("Walsh", 4945256)]
    doc = tagged("Anna Walsh sang and Walsh cheered", ents=[("Anna Walsh", "PERSON")])
    assert found(geoparser, doc) == []


def test_a_line_break_after_the_preposition_keeps_the_cue(geoparser: Geoparser) -> None:
    doc = tagged("a tornado struck near ¶ Hope")
    assert found(geoparser, doc) == [("Hope", 4428039)]


def test_an_adjective_is_a_place_only_when_the_model_reads_one(geoparser: Geoparser) -> None:
    doc = tagged("doctors examined some Winnipeg residents", pos={"Winnipeg": "ADJ"})
    assert found(geoparser, doc) == []
    doc = tagged(
        "doctors examined some Winnipeg residents",
        ents=[("Winnipeg", "GPE")],
        pos={"Winnipeg": "ADJ"},
    )
    assert found(geoparser, doc) == [("Winnipeg", 6183235)]


def test_a_demonym_inside_an_areas_own_name_does_not_hide_it() -> None:
    # The model labels "French" (of "French Guiana") and "Punjab" NORP and tags them ADJ: the
    # words are still the own name of a country or province. A direction word stays none.
    guiana = GazetteerEntry(3381670, "French Guiana", 4.0, -53.0, "GUF", "PCLI", 195506)
    punjab = GazetteerEntry(1167710, "Punjab", 30.84, 72.31, "PAK", "ADM1", 73621290, "04")
    central = GazetteerEntry(933876, "Central", -21.5, 26.5, "BWA", "ADM1", 638604, "01")
    geoparser = Geoparser(Gazetteer.from_records([guiana, punjab, central]))
    doc = tagged(
        "cases were found in French Guiana", ents=[("French", "NORP")], pos={"French": "ADJ"}
    )
    assert found(geoparser, doc) == [("French Guiana", 3381670)]
    doc = tagged("floods hit the Punjab province", ents=[("Punjab", "NORP")], pos={"Punjab": "ADJ"})
    assert found(geoparser, doc) == [("Punjab", 1167710)]
    doc = tagged("Central banks met in the capital", pos={"Central": "ADJ"})
    assert found(geoparser, doc) == []


def test_a_town_after_a_preposition_of_place_is_no_nationality_for_its_ending() -> None:
    # The model labels "Omdurman" NORP for its ending; after "in" it is the town. A word
    # tagged as an adjective there stays a nationality ("in Sudanese villages").
    omdurman = GazetteerEntry(365137, "Omdurman", 15.64, 32.48, "SDN", "PPL", 1200000, "29")
    sudanese = GazetteerEntry(9999001, "Sudanese", 10.0, 10.0, "NGA", "PPL", 900, "01")
    geoparser = Geoparser(Gazetteer.from_records([omdurman, sudanese]))
    doc = tagged("fighting went on in Omdurman overnight", ents=[("Omdurman", "NORP")])
    assert found(geoparser, doc) == [("Omdurman", 365137)]
    doc = tagged("Omdurman fighters clashed overnight", ents=[("Omdurman", "NORP")])
    assert found(geoparser, doc) == []
    doc = tagged("raids in Sudanese villages", ents=[("Sudanese", "NORP")], pos={"Sudanese": "ADJ"})
    assert found(geoparser, doc) == []


def test_acronyms_must_be_countries_or_provinces(geoparser: Geoparser) -> None:
    doc = tagged("the EU sent envoys to the U.S. and to Europe")
    assert found(geoparser, doc) == [("U.S.", 6252001)]


def test_cities_the_model_labels_norp_stay_places(geoparser: Geoparser) -> None:
    doc = tagged(
        "the destruction of Aleppo shocked an Azeri official",
        ents=[("Aleppo", "NORP"), ("Azeri", "NORP")],
        pos={"Azeri": "ADJ"},
    )
    assert found(geoparser, doc) == [("Aleppo", 170063)]


def test_an_article_between_the_preposition_and_the_name_keeps_the_cue(
    geoparser: Geoparser,
) -> None:
    doc = tagged("he is held in a Winnipeg jail", pos={"Winnipeg": "NOUN"})
    assert found(geoparser, doc) == [("Winnipeg", 6183235)]


# --- every toponym, as a geoparser reports them ------------------------------------------

KENTUCKY = GazetteerEntry(6254925, "Kentucky", 37.5, -85.3, "USA", "ADM1", 4500000, "KY")
METCALFE = GazetteerEntry(
    4300606,
    "Metcalfe County",
    37.0,
    -85.6,
    "USA",
    "ADM2",
    10000,
    "KY",
    ("Metcalfe",),
    admin2="169",
)
EDMONTON_KY = GazetteerEntry(
    4290886, "Edmonton", 36.98, -85.61, "USA", "PPL", 1568, "KY", name_count=5, admin2="169"
)
EDMONTON_AB = GazetteerEntry(
    5946768, "Edmonton", 53.55, -113.47, "CAN", "PPL", 1010899, "01", name_count=60
)
EDMONTON_QLD = GazetteerEntry(2167744, "Edmonton", -16.97, 145.74, "AUS", "PPL", 10652, "04")
CAIRNS = GazetteerEntry(2172797, "Cairns", -16.92, 145.77, "AUS", "PPL", 154225, "04")
QUEENSLAND = GazetteerEntry(2152274, "Queensland", -22.0, 144.0, "AUS", "ADM1", 5200000, "04")
QUEENSLAND_AB = GazetteerEntry(6115126, "Queensland", 50.9, -113.0, "CAN", "PPL", 4585, "01")
TARTAR_DISTRICT = GazetteerEntry(409420, "Terter", 40.4, 46.8, "AZE", "ADM1", 100000, "57")
EUROPE = GazetteerEntry(6255148, "Europe", 48.69, 9.14, "", "CONT", 741000000)
RUSSIA = GazetteerEntry(2017370, "Russia", 60.0, 100.0, "RUS", "PCLI", 144478050)
TURKEY_WITH_DEMONYM = GazetteerEntry(
    298795, "Turkey", 39.0, 35.0, "TUR", "PCLI", 82319724, demonyms=("Turkish",)
)
MORE_PLACES = [
    *(p for p in PLACES if p.geonameid not in {298795, 3014000}),
    KENTUCKY,
    METCALFE,
    EDMONTON_KY,
    EDMONTON_AB,
    EDMONTON_QLD,
    CAIRNS,
    QUEENSLAND,
    QUEENSLAND_AB,
    TARTAR_DISTRICT,
    EUROPE,
    RUSSIA,
    TURKEY_WITH_DEMONYM,
]


@pytest.fixture(scope="module")
def wide_geoparser() -> Geoparser:
    return Geoparser(Gazetteer.from_records(MORE_PLACES))


def every(geoparser: Geoparser, doc: Doc) -> list[tuple[str, int]]:
    mentions = geoparser.find(doc, every_toponym=True)
    return [(m.place.extracted_place, m.place.geonameid) for m in mentions]


def test_a_geoparser_reports_actors_demonyms_and_names_inside_names(
    wide_geoparser: Geoparser,
) -> None:
    doc = tagged(
        "Russia said Turkish troops and the Kentucky State Police met in Europe",
        ents=[("Turkish", "NORP"), ("Kentucky State Police", "ORG")],
        pos={"Turkish": "ADJ"},
    )
    assert every(wide_geoparser, doc) == [
        ("Russia", 2017370),
        ("Turkish", 298795),
        ("Kentucky", 6254925),
        ("Europe", 6255148),
    ]
    # None of them is where an event happened.
    assert found(wide_geoparser, doc) == []
    (europe,) = [m for m in wide_geoparser.find(doc, every_toponym=True) if m.token_start == 11]
    assert (europe.place.level, europe.place.country_code) == ("continent", "")


def test_people_and_dates_are_not_toponyms_even_for_a_geoparser(
    wide_geoparser: Geoparser,
) -> None:
    doc = tagged(
        "President Vladimir Putin met in March",
        ents=[("Vladimir Putin", "PERSON"), ("March", "DATE")],
    )
    assert every(wide_geoparser, doc) == []


def test_state_abbreviation_after_a_town_is_the_state_and_places_the_town(
    wide_geoparser: Geoparser,
) -> None:
    doc = tagged("EDMONTON , Ky . ( WBKO ) - a man died", pos={"EDMONTON": "PROPN"})
    assert every(wide_geoparser, doc) == [("EDMONTON", 4290886), ("Ky", 6254925)]
    # Elsewhere a short abbreviation is a word, not a state.
    assert every(wide_geoparser, tagged("a Ky . man")) == []


def test_named_provinces_and_towns_pull_a_name_to_their_namesake(
    wide_geoparser: Geoparser,
) -> None:
    alone = tagged("officials in Edmonton said")
    assert every(wide_geoparser, alone) == [("Edmonton", 5946768)]
    north_queensland = tagged("youth crime in Edmonton , near Cairns in Far North Queensland")
    assert every(wide_geoparser, north_queensland)[0] == ("Edmonton", 2167744)
    metcalfe = tagged("a shooting in Metcalfe County near Edmonton")
    assert every(wide_geoparser, metcalfe) == [("Metcalfe County", 4300606), ("Edmonton", 4290886)]


def test_a_list_of_places_is_resolved_at_one_level(wide_geoparser: Geoparser) -> None:
    doc = tagged(
        "the Azeri regions of Terter , Aghdam and Aghjabedi came under fire",
        ents=[("Azeri", "NORP")],
        pos={"Azeri": "ADJ"},
    )
    assert found(wide_geoparser, doc) == [
        ("Terter", 584871),
        ("Aghdam", 148619),
        ("Aghjabedi", 587384),
    ]
    assert found(wide_geoparser, tagged("shelling across the Terter region")) == [
        ("Terter", 409420)
    ]


FEATURE_PLACES = [
    GazetteerEntry(415189, "Aden", 12.78, 45.04, "YEM", "PPLA", 550602, "02", name_count=60),
    GazetteerEntry(1, "Gulf", 29.3, -94.8, "USA", "PPL", 700, "TX"),
    GazetteerEntry(2, "Peninsula", 41.24, -81.55, "USA", "PPL", 600, "OH"),
    GazetteerEntry(3, "Gulf of Aden", 12.5, 48.0, "", "GULF", name_count=100),
    GazetteerEntry(4, "Arabian Peninsula", 23.0, 46.0, "", "PEN", name_count=100),
    GazetteerEntry(
        5, "Middle East", 29.0, 41.0, "", "RGN", name_count=100, alternate_names=("Mideast",)
    ),
    GazetteerEntry(6, "Middle East", 40.0, -75.0, "USA", "PPL", 500, "PA"),
    GazetteerEntry(4436296, "Mississippi", 32.75, -89.75, "USA", "ADM1", 2900000, "MS"),
    GazetteerEntry(3523303, "Yucatan", 20.8, -89.0, "MEX", "ADM1", 2000000, "31"),
]


@pytest.fixture(scope="module")
def feature_geoparser() -> Geoparser:
    return Geoparser(Gazetteer.from_records(FEATURE_PLACES))


def test_a_feature_or_region_name_is_matched_whole_before_any_word_of_it(
    feature_geoparser: Geoparser,
) -> None:
    doc = tagged("pirates attacked a tanker in the Gulf of Aden off the Arabian Peninsula")
    assert found(feature_geoparser, doc) == [("Gulf of Aden", 3), ("Arabian Peninsula", 4)]
    doc = tagged("tensions rose across the Middle East and in Aden")
    names = [
        (m.place.extracted_place, m.place.geonameid)
        for m in feature_geoparser.find(doc, every_toponym=True)
    ]
    assert names == [("Middle East", 5), ("Aden", 415189)]


def test_a_word_of_an_unknown_feature_name_is_not_resolved_alone(
    feature_geoparser: Geoparser,
) -> None:
    doc = tagged("storms hit the Yucatan Peninsula and barges stalled on the Mississippi River")
    assert found(feature_geoparser, doc) == []
    doc = tagged("storms hit Yucatan and Mississippi")
    assert found(feature_geoparser, doc) == [("Yucatan", 3523303), ("Mississippi", 4436296)]


def test_names_before_a_conjunction_or_on_are_not_part_of_a_feature_name(
    feature_geoparser: Geoparser,
) -> None:
    # The scan for names runs "Yucatan and Mississippi on the Bayou River" into one phrase
    # ending in a feature word; "and" and "on" part it into two places and a river.
    # (The river, which the gazetteer lacks, is a site placed at the town its article names.)
    doc = tagged("floods hit Yucatan and Mississippi on the Bayou River")
    assert found(feature_geoparser, doc) == [
        ("Yucatan", 3523303),
        ("Mississippi", 4436296),
        ("Bayou River", 4436296),
    ]
    doc = tagged("barges stalled in Mississippi on the Bayou River")
    assert found(feature_geoparser, doc)[0] == ("Mississippi", 4436296)
    doc = tagged("pirates crossed the Gulf of Aden and Yucatan")
    assert found(feature_geoparser, doc) == [("Gulf of Aden", 3), ("Yucatan", 3523303)]


def test_a_dateline_in_capitals_names_the_town_the_story_was_filed_from() -> None:
    washington_dc = GazetteerEntry(
        4140963, "Washington", 38.9, -77.04, "USA", "PPLC", 689545, "DC", name_count=150
    )
    washington_state = GazetteerEntry(
        5815135, "Washington", 47.5, -120.5, "USA", "ADM1", 7170351, "WA", name_count=150
    )
    geoparser = Geoparser(Gazetteer.from_records([washington_dc, washington_state]))
    dateline = tagged("WASHINGTON ( Reuters ) - Lawmakers met on Friday")
    assert found(geoparser, dateline) == [("WASHINGTON", washington_dc.geonameid)]
    state = tagged("Fires spread in Washington on Friday")
    assert found(geoparser, state) == [("Washington", washington_state.geonameid)]


def test_the_province_after_a_dateline_town_is_no_town() -> None:
    # "AUSTIN, Texas": a list would lend the dateline's cue (a town) to the next name; in a
    # hierarchy each name keeps its own, so Texas is the state, not a village of Mexico.
    austin = GazetteerEntry(4671654, "Austin", 30.27, -97.74, "USA", "PPLA", 931830, "TX")
    texas = GazetteerEntry(4736286, "Texas", 31.25, -99.25, "USA", "ADM1", 29000000, "TX", (), 100)
    village = GazetteerEntry(3814142, "Texas", 20.03, -99.20, "MEX", "PPL", 993, "13", (), 3)
    geoparser = Geoparser(Gazetteer.from_records([austin, texas, village]))
    doc = tagged("AUSTIN , Texas - A nationalist leader will speak on campus")
    assert found(geoparser, doc) == [("AUSTIN", 4671654), ("Texas", 4736286)]


def test_a_countrys_name_is_never_a_town_some_language_calls_so() -> None:
    egypt = GazetteerEntry(357994, "Egypt", 27.0, 30.0, "EGY", "PCLI", 98423595, name_count=100)
    town = GazetteerEntry(
        5295903, "Goodyear", 33.44, -112.36, "USA", "PPL", 65275, "AZ", ("Egypt",), 20
    )
    phoenix = GazetteerEntry(
        5308655, "Phoenix", 33.45, -112.07, "USA", "PPLA", 1563025, "AZ", name_count=80
    )
    geoparser = Geoparser(Gazetteer.from_records([egypt, town, phoenix]))
    doc = tagged("Visitors from Phoenix flew to Egypt")
    assert found(geoparser, doc) == [("Phoenix", phoenix.geonameid), ("Egypt", egypt.geonameid)]


def test_plural_demonyms_are_toponyms_of_their_country() -> None:
    from strife.places.sources import data_dir, read_demonyms

    demonyms = read_demonyms(data_dir() / "demonyms.tsv")
    assert {"Russian", "Russians"} <= set(demonyms[2017370])
    assert "Chineses" not in demonyms[1814991] and "Chinese" in demonyms[1814991]
    russia = GazetteerEntry(
        2017370, "Russia", 60.0, 100.0, "RUS", "PCLI", 140702000, demonyms=("Russian", "Russians")
    )
    doc = tagged("Russians queued in Moscow", ents=[("Russians", "NORP")])
    geoparser = Geoparser(Gazetteer.from_records([russia]))
    mentions = geoparser.find(doc, every_toponym=True)
    assert [(m.place.extracted_place, m.place.geonameid) for m in mentions] == [
        ("Russians", 2017370)
    ]
    assert geoparser.find(doc) == []


def test_spaced_state_abbreviations_and_a_citys_initials_stand_for_them() -> None:
    west_virginia = GazetteerEntry(
        4826850, "West Virginia", 38.5, -80.5, "USA", "ADM1", 1800000, "WV", name_count=60
    )
    charleston = GazetteerEntry(
        4801859, "Charleston", 38.35, -81.63, "USA", "PPLA", 46536, "WV", name_count=30
    )
    los_angeles = GazetteerEntry(
        5368361, "Los Angeles", 34.05, -118.24, "USA", "PPL", 3971883, "CA", name_count=150
    )
    los_angeles_chile = GazetteerEntry(
        3882428, "Los Angeles", -37.47, -72.35, "CHL", "PPL", 125430, "BI", name_count=20
    )
    places = [west_virginia, charleston, los_angeles, los_angeles_chile]
    geoparser = Geoparser(Gazetteer.from_records(places))
    doc = tagged("Flooding hit Charleston , W. Va. , while fans in L.A. cheered")
    assert found(geoparser, doc) == [
        ("Charleston", charleston.geonameid),
        ("W. Va.", west_virginia.geonameid),
        ("L.A.", los_angeles.geonameid),
    ]


LONDON = GazetteerEntry(2643743, "London", 51.51, -0.13, "GBR", "PPLC", 8961989, "ENG")
LONDON_ON = GazetteerEntry(6058560, "London", 42.98, -81.23, "CAN", "PPL", 346765, "08")
CANADA = GazetteerEntry(
    6251999, "Canada", 60.11, -113.64, "CAN", "PCLI", 37058856, demonyms=("Canadian",)
)

# "A fire broke out in the Canadian city of London ."
CANADIAN_CITY = """
A DET DT det 1 a
fire NOUN NN nsubj 2 fire
broke VERB VBD ROOT 2 break
out ADP RP prt 2 out
in ADP IN prep 2 in
the DET DT det 7 the
Canadian ADJ JJ amod 7 canadian
city NOUN NN pobj 4 city
of ADP IN prep 7 of
London PROPN NNP pobj 8 london
. PUNCT . punct 2 .
"""


def test_a_demonym_on_the_word_saying_the_level_names_the_country() -> None:
    geoparser = Geoparser(Gazetteer.from_records([LONDON, LONDON_ON, CANADA]))
    doc = parse(CANADIAN_CITY)
    [london] = [t for t in geoparser.toponyms(doc) if t.is_place]
    assert london.cue == "settlement" and london.within is not None
    assert every(geoparser, doc)[-1] == ("London", 6058560)
    alone = tagged("a fire broke out in London")
    assert every(geoparser, alone) == [("London", 2643743)]


def test_word_forms_are_sorted_the_same_when_remembered_and_the_memory_is_bounded(
    geoparser: Geoparser, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strife.places import words

    text = "Shelling hit St. Thomas , Port - au - Prince and Deir ez - Zor on Friday ."
    monkeypatch.setattr(words, "_FORM_KINDS", {})
    first = found(geoparser, tagged(text))
    assert words._FORM_KINDS  # the forms seen are remembered
    assert found(geoparser, tagged(text)) == first
    # Full memory is emptied before the forms of the next text are remembered.
    monkeypatch.setattr(words, "_MAX_FORMS", 3)
    other = tagged("Talks resumed in Geneva .")
    assert found(geoparser, other) == [("Geneva", 2660646)]
    assert set(words._FORM_KINDS) <= {token.orth for token in other}
    assert found(geoparser, tagged(text)) == first
    assert [name for name, _ in first] == ["St. Thomas", "Port-au-Prince", "Deir ez-Zor"]


RIVER_PLACES = [
    GazetteerEntry(709930, "Dnipro", 48.45, 34.98, "UKR", "PPL", 968502, "04", name_count=80),
    GazetteerEntry(
        -7, "Dnieper", 46.5, 32.3, "", "STM", name_count=90, alternate_names=("Dnipro River",)
    ),
    GazetteerEntry(8, "Orel", 52.97, 36.07, "RUS", "PPL", 317000, "56"),
    GazetteerEntry(
        -9, "Mediterranean Sea", 35.0, 20.0, "", "SEA", alternate_names=("Mediterranean",)
    ),
    GazetteerEntry(-10, "Adriatic", 43.0, 15.0, "", "SEA"),
]


@pytest.fixture(scope="module")
def river_geoparser() -> Geoparser:
    return Geoparser(Gazetteer.from_records(RIVER_PLACES))


def test_a_feature_word_in_lower_case_ends_the_name_before_it(river_geoparser: Geoparser) -> None:
    # "the Dnipro river" names the river, not the city of Dnipro 300 km upstream.
    doc = tagged("Russia withdrew its forces across the Dnipro river on Friday")
    names = [(m.place.extracted_place, m.place.geonameid) for m in river_geoparser.find(doc)]
    assert names == [("Dnipro river", -7)]
    assert found(river_geoparser, tagged("shells hit Dnipro on Friday")) == [("Dnipro", 709930)]
    # A river the gazetteer lacks is still no town of its first word's name.
    doc = tagged("troops crossed the Orel river on Friday")
    assert all(m.place.geonameid != 8 for m in river_geoparser.find(doc))
    # A feature's own name followed by its kind stays the feature.
    doc = tagged("ships crossed the Mediterranean sea")
    assert found(river_geoparser, doc) == [("Mediterranean sea", -9)]
    doc = tagged("ships crossed the Adriatic sea")
    assert found(river_geoparser, doc) == [("Adriatic", -10)]


def test_a_named_persons_word_read_as_a_person_is_no_place_whatever_the_cue() -> None:
    from spacy.tokens import Span

    bolton = GazetteerEntry(2655237, "Bolton", 53.58, -2.43, "GBR", "PPL", 139403, "ENG")
    geoparser = Geoparser(Gazetteer.from_records([bolton]))

    def doc_with(people: Sequence[tuple[int, int]], text: str) -> Doc:
        doc = tagged(text)
        doc.set_ents([Span(doc, start, end, "PERSON") for start, end in people])
        return doc

    text = "adviser John Bolton joined . Trump wanted a response from Bolton ."
    # Tokens: adviser(0) John(1) Bolton(2) joined(3) .(4) Trump(5) wanted(6) a(7)
    # response(8) from(9) Bolton(10) .(11)
    assert found(geoparser, doc_with([(1, 3), (10, 11)], text)) == []
    # Without the full name before it, or where the model reads it as no person, "from
    # Bolton" is the town.
    assert found(geoparser, doc_with([(10, 11)], text)) == [("Bolton", 2655237)]
    assert found(geoparser, doc_with([(1, 3)], text)) == [("Bolton", 2655237)]


def test_an_organisations_name_is_no_village_of_that_name() -> None:
    # The actor dictionary knows NATO ("Nato") and the Fars news agency ("Fars").
    nato = GazetteerEntry(1697548, "Nato", 13.62, 123.38, "PHL", "PPL", 5583, "05")
    fars = GazetteerEntry(134766, "Fārs", 29.0, 53.0, "IRN", "ADM1", 3379742, "07")
    geoparser = Geoparser(Gazetteer.from_records([nato, fars]))
    doc = tagged("troops from Nato arrived in Fars", ents=[("Nato", "ORG")])
    # A country, a province or a big town by its own name stays a place.
    assert found(geoparser, doc) == [("Fars", 134766)]
    # And a person it knows ("Pompeo", not Pompeu in Brazil).
    pompeu = GazetteerEntry(
        3453240, "Pompéu", -19.22, -45.0, "BRA", "PPL", 31047, "15", alternate_names=("Pompeo",)
    )
    geoparser = Geoparser(Gazetteer.from_records([pompeu]))
    assert found(geoparser, tagged("orders came from Pompeo on Thursday")) == []
    # A district is not enough: "the Wagner group" is no Brazilian municipality.
    wagner = GazetteerEntry(3445026, "Wagner", -12.28, -41.17, "BRA", "ADM2", 9503, "05")
    geoparser = Geoparser(Gazetteer.from_records([wagner]))
    doc = tagged("the Wagner group claimed the town", ents=[("Wagner", "ORG")])
    assert found(geoparser, doc) == []


def test_an_acronym_names_its_place_only_in_capitals() -> None:
    """GeoNames-style acronyms among the alternate names ("ACT" for the Australian Capital
    Territory) match only text in capitals: "the Clean Water Act" names no territory."""
    act = GazetteerEntry(
        2177478, "Australian Capital Territory", -35.5, 149.0, "AUS", "ADM1", 430000, "01", ("ACT",)
    )
    geoparser = Geoparser(Gazetteer.from_records([act]))
    assert found(geoparser, tagged("the ACT government closed schools")) == [("ACT", 2177478)]
    assert found(geoparser, tagged("he signed the Clean Water Act on Friday")) == []
    assert found(geoparser, tagged("Act now , said the minister")) == []


def test_a_title_after_the_stands_for_its_holder() -> None:
    # "the Pope" is the pontiff, not Pope County; a title before a name was already no place.
    pope = GazetteerEntry(
        4108989, "Pope County", 35.45, -93.03, "USA", "ADM2", 63000, "AR", ("Pope",)
    )
    geoparser = Geoparser(Gazetteer.from_records([pope]))
    assert found(geoparser, tagged("the Pope had been cured , the Vatican said")) == []


def test_a_name_joined_to_an_arabic_article_says_so() -> None:
    hol = GazetteerEntry(6453357, "Hol", 60.6, 8.3, "NOR", "ADM2", 2500, "46")
    found_hol = find_toponyms(
        tagged("the journey to al - Hol camp"), Gazetteer.from_records([hol]), Lexicon.load()
    )
    assert [(t.text, t.after_article) for t in found_hol] == [("Hol", True)]
    spaced = find_toponyms(
        tagged("they said al Hol was full"), Gazetteer.from_records([hol]), Lexicon.load()
    )
    assert [(t.text, t.after_article) for t in spaced] == [("Hol", False)]


def test_a_plural_level_word_after_a_list_gives_every_name_its_level() -> None:
    """ "in Donetsk and Luhansk regions": both are oblasts, not the first a city."""
    city = GazetteerEntry(709717, "Donetsk", 48.02, 37.80, "UKR", "PPL", 901645, "05")
    oblast = GazetteerEntry(
        709716, "Donetsk Oblast", 48.0, 37.8, "UKR", "ADM1", 4100000, "05", ("Donetsk",)
    )
    luhansk = GazetteerEntry(
        702657, "Luhansk Oblast", 48.6, 39.3, "UKR", "ADM1", 2200000, "14", ("Luhansk",)
    )
    gazetteer = Gazetteer.from_records([city, oblast, luhansk])
    doc = tagged("shelling went on in Donetsk and Luhansk regions")
    assert [(t.text, t.cue) for t in find_toponyms(doc, gazetteer, Lexicon.load())] == [
        ("Donetsk", "area"),
        ("Luhansk", "area"),
    ]
    one = tagged("shelling went on in Donetsk and Luhansk region")
    assert [t.cue for t in find_toponyms(one, gazetteer, Lexicon.load())] == ["locative", "area"]


def test_an_airport_after_a_name_says_nothing_of_its_level() -> None:
    """Islands and provinces have airports as towns do: "Bali airport" is Indonesia's island
    province, not the Italian city some language calls Bali."""
    bali = GazetteerEntry(1650535, "Bali", -8.5, 115.0, "IDN", "ADM1", 4300000, "02")
    bari = GazetteerEntry(3182351, "Bari", 41.12, 16.87, "ITA", "PPL", 316491, "13", ("Bali",))
    indonesia = GazetteerEntry(1643084, "Indonesia", -5.0, 120.0, "IDN", "PCLI", 270000000)
    geoparser = Geoparser(Gazetteer.from_records([bali, bari, indonesia]))
    doc = tagged("Police in Indonesia arrested her at Bali airport on Monday .")
    assert [t.cue for t in geoparser.toponyms(doc)] == ["locative", "locative"]
    assert found(geoparser, doc)[-1] == ("Bali", 1650535)


SPEAKER = """
Ricardo PROPN NNP nsubj 1 Ricardo
said VERB VBD ROOT 1 say
he PRON PRP nsubj 3 he
was AUX VBD ccomp 1 be
well ADJ JJ acomp 3 well
. PUNCT . punct 1 .
"""
CAPTURED = """
Rebels NOUN NNS nsubj 1 rebel
captured VERB VBD ROOT 1 capture
Ricardo PROPN NNP dobj 1 Ricardo
. PUNCT . punct 1 .
"""


def test_a_speaker_named_like_a_small_town_is_no_place_anywhere_in_the_article(
    geoparser: Geoparser,
) -> None:
    # The model may label such a name an organisation ("Ricardo said"): a town does not
    # say things, so the later "captured Ricardo" is the man, not Ricardo in New Mexico.
    assert found(geoparser, parse(CAPTURED)) == [("Ricardo", 4541234)]
    assert found(geoparser, parse(SPEAKER, CAPTURED)) == []


def test_a_speaker_that_names_an_airport_or_a_big_city_stays_a_toponym(
    geoparser: Geoparser,
) -> None:
    airport = parse(
        SPEAKER.replace("Ricardo PROPN NNP nsubj 1 Ricardo", "Heathrow PROPN NNP nsubj 1 Heathrow")
    )
    mentions = geoparser.find(airport, every_toponym=True)
    assert [m.place.extracted_place for m in mentions] == ["Heathrow"]
    city = parse(
        SPEAKER.replace("Ricardo PROPN NNP nsubj 1 Ricardo", "Madrid PROPN NNP nsubj 1 Madrid")
    )
    mentions = geoparser.find(city, every_toponym=True)
    assert [m.place.geonameid for m in mentions] == [3117735]


PALMA = GazetteerEntry(2512989, "Palma", 39.57, 2.65, "ESP", "PPL", 438234, "07")
MOZAMBIQUE = GazetteerEntry(1036973, "Mozambique", -18.25, 35.0, "MOZ", "PCLI", 30366036)
SYRIA = GazetteerEntry(163843, "Syria", 35.0, 38.0, "SYR", "PCLI", 22198110)

# "Rebels seized the town of Palma in northern Mozambique and later left Palma."
PALMA_IN_MOZAMBIQUE = """
Rebels NOUN NNS nsubj 1 rebel
seized VERB VBD ROOT 1 seize
the DET DT det 3 the
town NOUN NN dobj 1 town
of ADP IN prep 3 of
Palma PROPN NNP pobj 4 Palma
in ADP IN prep 3 in
northern ADJ JJ amod 8 northern
Mozambique PROPN NNP pobj 6 Mozambique
and CCONJ CC cc 1 and
later ADV RB advmod 11 later
left VERB VBD conj 1 leave
Palma PROPN NNP dobj 11 Palma
. PUNCT . punct 1 .
"""

# "Militias backed by Aleppo in Syria fired": "in Syria" says where they fired.
BACKED_IN_SYRIA = """
Militias NOUN NNS nsubj 4 militia
backed VERB VBN acl 0 back
by ADP IN agent 1 by
Aleppo PROPN NNP pobj 2 Aleppo
fired VERB VBD ROOT 4 fire
in ADP IN prep 4 in
Syria PROPN NNP pobj 5 Syria
. PUNCT . punct 4 .
"""


def test_a_town_put_in_a_country_has_no_reading_outside_it() -> None:
    """ "the town of Palma in northern Mozambique": the gazetteer's one Palma lies in Spain,
    so neither mention is read as it (the town is the article's settlement), while a
    preposition hanging on a verb puts nothing inside the country."""
    geoparser = Geoparser(Gazetteer.from_records([PALMA, MOZAMBIQUE, SYRIA, *PLACES]))
    doc = parse(PALMA_IN_MOZAMBIQUE)
    palma, mozambique, again = geoparser.toponyms(doc)
    assert palma.within == 1 and again.within is None
    assert (mozambique.text, mozambique.is_place) == ("Mozambique", True)
    read = [(m.place.extracted_place, m.place.country_code) for m in geoparser.find(doc)]
    assert ("Palma", "ESP") not in read and ("Mozambique", "MOZ") in read
    backed = parse(BACKED_IN_SYRIA)
    aleppo = geoparser.toponyms(backed)[0]
    assert aleppo.text == "Aleppo" and aleppo.within is None


def test_the_entities_read_from_the_arrays_are_the_docs_own() -> None:
    """Adjacent entities, one word long, and one ending the text are read as ``doc.ents``
    gives them."""
    doc = tokens(
        "John Walsh met Paris officials in Kyiv Oblast on Monday Sudan",
        ents=[
            ("John Walsh", "PERSON"),
            ("Paris", "GPE"),
            ("Kyiv Oblast", "GPE"),
            ("Monday", "DATE"),
            ("Sudan", "GPE"),
        ],
    )
    expected = [(e.start, e.end, e.label_) for e in doc.ents]
    assert len(expected) == 5
    assert [(e.start, e.end, e.label) for e in _entities(doc)] == expected
    assert _entities(tokens("no names here")) == []


def test_a_name_a_party_bears_is_a_place_where_a_word_says_its_level() -> None:
    """ "Clinton" names a president (strife's list of parties): no town by itself, but "the
    town of Clinton, Iowa" is one."""
    clinton = GazetteerEntry(4853423, "Clinton", 41.84, -90.19, "USA", "PPL", 26064, "IA")
    iowa = GazetteerEntry(4862182, "Iowa", 42.0, -93.5, "USA", "ADM1", 3190369, "IA")
    geoparser = Geoparser(Gazetteer.from_records([clinton, iowa]))
    town = tagged("Flooding hit the town of Clinton , Iowa , on Monday .")
    assert found(geoparser, town) == [("Clinton", 4853423), ("Iowa", 4862182)]
    person = tagged("Clinton visited farms in Iowa on Monday .")
    assert found(geoparser, person) == [("Iowa", 4862182)]
