"""The actor dictionaries: coverage, consistency, country lookups and load errors."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
import spacy

from strife.actors import NON_STATE_CODES, SECTORS, ActorResolver
from strife.actors.lexicon import Lexicon, default_data_dir
from strife.actors.match import surface_variants
from strife.errors import ModelError


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_dir()


def phrases_of(lexicon: Lexicon, category: str) -> dict[str, set[str | None]]:
    table: dict[str, set[str | None]] = defaultdict(set)
    for phrase, entry in lexicon.phrases:
        if entry.category == category:
            table[phrase].add(entry.name if category == "person" else entry.code)
    return table


def test_every_state_has_one_row_with_an_alpha3_code(lexicon: Lexicon) -> None:
    codes = {e.code for _, e in lexicon.phrases if e.category == "country" and not e.other_sectors}
    assert len(codes) >= 195
    assert {"KOS", "PSE", "HKG", "TWN", "VAT", "SSD", "USA", "ARM", "AZE"} <= codes
    # Dependencies are folded into their controlling state, not listed as states.
    assert not {"PRI", "GRL", "FLK", "GUM", "MAC", "XKX", "ESH"} & codes


def test_the_dictionaries_are_generous(lexicon: Lexicon) -> None:
    assert len(phrases_of(lexicon, "agent")) >= 150
    persons = {e.name for _, e in lexicon.phrases if e.category == "person"}
    assert len(persons) >= 100
    orgs = {e.name for _, e in lexicon.phrases if e.category == "org"}
    assert len(orgs) >= 100
    assert len(phrases_of(lexicon, "demonym")) >= 180


def test_codes_and_sectors_are_valid(lexicon: Lexicon) -> None:
    states = {e.code for _, e in lexicon.phrases if e.category == "country"}
    for phrase, entry in lexicon.phrases:
        assert entry.code is None or entry.code in states | NON_STATE_CODES, phrase
        assert entry.sector is None or entry.sector in SECTORS, phrase
        assert set(entry.other_sectors) <= SECTORS, phrase


def test_a_phrase_means_one_thing_within_its_dictionary(lexicon: Lexicon) -> None:
    for category in ("country", "capital", "demonym", "person", "agent"):
        ambiguous = {p: v for p, v in phrases_of(lexicon, category).items() if len(v) > 1}
        assert ambiguous == {}, category


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Yerevan", "ARM"),
        ("Baku", "AZE"),
        ("Azeri", "AZE"),
        ("Azerbaijani", "AZE"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("South Korea", "KOR"),
        ("Saudi", "SAU"),
        ("Israelis", "ISR"),
        ("Kyiv", "UKR"),
        ("Nagorno-Karabakh", "AZE"),
        ("Transnistria", "MDA"),
        ("Somaliland", "SOM"),
        ("Côte d'Ivoire", "CIV"),
        ("cote d’ivoire", "CIV"),
        ("Falkland Islands", "GBR"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_lookup_country(lexicon: Lexicon, text: str, code: str | None) -> None:
    assert lexicon.lookup_country(text) == code


def test_resolver_exposes_lookup_country() -> None:
    resolver = ActorResolver.from_data(spacy.blank("en").vocab)
    assert resolver.lookup_country("Moscow") == "RUS"


def test_surface_variants_cover_press_spellings() -> None:
    assert surface_variants("Nagorno-Karabakh") == {"Nagorno-Karabakh", "Nagorno Karabakh"}
    assert "Donetsk People’s Republic" in surface_variants("Donetsk People's Republic")
    assert "Erdogan" in surface_variants("Erdoğan")


def test_the_resolver_builds_in_under_a_second() -> None:
    vocab = spacy.blank("en").vocab
    started = time.perf_counter()
    ActorResolver.from_data(vocab)
    assert time.perf_counter() - started < 1.0


# --- load errors ---------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "actors"
    shutil.copytree(default_data_dir(), target)
    return target


def append_row(path: Path, row: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")


def test_a_copy_of_the_data_loads(data_copy: Path) -> None:
    assert Lexicon.from_dir(data_copy).lookup_country("Baku") == "AZE"


def test_an_unknown_sector_names_file_and_line(data_copy: Path) -> None:
    sectors = data_copy / "sectors.tsv"
    line = len(sectors.read_text(encoding="utf-8").splitlines()) + 1
    append_row(sectors, "warlords\tWAR\t\tbody")
    with pytest.raises(ModelError, match=rf"sectors\.tsv:{line}: unknown sector"):
        Lexicon.from_dir(data_copy)


def test_an_unknown_country_code_is_refused(data_copy: Path) -> None:
    append_row(data_copy / "persons.tsv", "Nobody\t\tXXX\tGOV\t\tnone")
    with pytest.raises(ModelError, match="unknown country or actor code 'XXX'"):
        Lexicon.from_dir(data_copy)


def test_a_bad_role_is_refused(data_copy: Path) -> None:
    append_row(data_copy / "sectors.tsv", "warlord\tREB\t\tboss")
    with pytest.raises(ModelError, match="role must be one of"):
        Lexicon.from_dir(data_copy)


def test_a_short_row_is_refused(data_copy: Path) -> None:
    append_row(data_copy / "seats.tsv", "Kremlin\tRUS")
    with pytest.raises(ModelError, match=r"seats\.tsv:\d+: expected 4 fields"):
        Lexicon.from_dir(data_copy)


def test_a_changed_header_is_refused(data_copy: Path) -> None:
    path = data_copy / "organisations.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(["name\tcode", *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(ModelError, match="expected the columns"):
        Lexicon.from_dir(data_copy)


def test_a_missing_file_is_a_model_error(data_copy: Path) -> None:
    (data_copy / "persons.tsv").unlink()
    with pytest.raises(ModelError, match="cannot read the actor dictionary"):
        ActorResolver.from_data(spacy.blank("en").vocab, data_copy)


def test_countries_tsv_is_what_the_generator_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "actors" / "build_countries.py"
    if not script.exists():
        pytest.skip(f"the generator script is not in this checkout ({script})")
    spec = importlib.util.spec_from_file_location("build_countries", script)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is being built.
    monkeypatch.setitem(sys.modules, spec.name, generator)
    spec.loader.exec_module(generator)
    countries = generator.collect_countries()
    generator.add_curated(countries)
    generator.write_countries(countries, tmp_path / "countries.tsv")
    shipped = (default_data_dir() / "countries.tsv").read_text(encoding="utf-8")
    assert (tmp_path / "countries.tsv").read_text(encoding="utf-8") == shipped


def test_folded_codes_map_places_to_the_dictionarys_states(lexicon: Lexicon) -> None:
    from strife.actors.lexicon import folded_codes, party_code_of_place

    codes = {e.code for _, e in lexicon.phrases if e.category == "country"}
    folded = folded_codes()
    assert folded["XKX"] == "KOS" and folded["PRI"] == "USA" and folded["GRL"] == "DNK"
    assert set(folded.values()) <= codes and not set(folded) & codes
    assert party_code_of_place("GEO") == "GEO" and party_code_of_place("") is None
