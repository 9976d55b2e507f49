"""Ranking the candidates of one toponym."""

from __future__ import annotations

from collections.abc import Sequence

from strife.places import Candidate, GazetteerEntry
from strife.places.recognize import Cue, Toponym
from strife.places.resolve import (
    HINT_WEIGHT,
    NAMED_COUNTRY_WEIGHT,
    UNAMBIGUOUS_PLACE_WEIGHT,
    ArticleContext,
    resolve_toponym,
)

KHERSON_CITY = GazetteerEntry(706448, "Kherson", 46.64, 32.61, "UKR", "PPL", 320000, "08")
KHERSON_OBLAST = GazetteerEntry(706442, "Kherson Oblast", 46.6, 33.4, "UKR", "ADM1", 1000000)
KARABAKH = GazetteerEntry(409421, "Nagorno-Karabakh", 39.9, 46.7, "AZE", "RGN", 145000)
QARAH_BAGH = GazetteerEntry(1129678, "Qarah Bagh", 34.94, 61.78, "AFG", "PPL", 12412)
ARMENIA = GazetteerEntry(174982, "Armenia", 40.25, 45.0, "ARM", "PCLI", 3076200)
ARMENIA_COL = GazetteerEntry(3689169, "Armenia", 4.53, -75.68, "COL", "PPL", 315328)
SAN_JOSE_CRI = GazetteerEntry(3621849, "San Jose", 9.93, -84.08, "CRI", "PPLC", 335007)
SAN_JOSE_USA = GazetteerEntry(5392171, "San Jose", 37.34, -121.89, "USA", "PPL", 1026908)


def toponym(
    *entries: GazetteerEntry, cue: Cue = "none", exact: Sequence[bool] = (), is_place: bool = True
) -> Toponym:
    flags = list(exact) or [True] * len(entries)
    candidates = tuple(Candidate(e, flag) for e, flag in zip(entries, flags, strict=True))
    return Toponym(0, 1, entries[0].name, candidates, cue, is_place)


def best(name: Toponym, context: ArticleContext | None = None) -> int:
    chosen = resolve_toponym(name, context or ArticleContext({}))
    assert chosen is not None
    return chosen.entry.geonameid


def test_bare_name_is_the_town_and_a_region_word_the_province() -> None:
    both = (KHERSON_CITY, KHERSON_OBLAST)
    assert best(toponym(*both, exact=(True, False))) == KHERSON_CITY.geonameid
    assert best(toponym(*both, cue="area", exact=(True, False))) == KHERSON_OBLAST.geonameid


def test_settlement_word_prefers_a_town_to_a_larger_region() -> None:
    region = GazetteerEntry(1, "Sinai", 29.5, 33.8, "EGY", "RGN", 1600000)
    town = GazetteerEntry(2, "Sinai", 44.1, 28.6, "ROU", "PPL", 5000)
    assert best(toponym(region, town)) == 1
    assert best(toponym(region, town, cue="settlement")) == 2


def test_conflict_region_outranks_a_small_namesake_elsewhere() -> None:
    assert best(toponym(KARABAKH, QARAH_BAGH, exact=(False, False))) == KARABAKH.geonameid


def test_country_name_resolves_to_the_country() -> None:
    name = toponym(ARMENIA_COL, ARMENIA, cue="locative")
    assert best(name, ArticleContext({"COL": HINT_WEIGHT})) == ARMENIA.geonameid


def test_a_capital_outranks_a_larger_namesake_unless_the_article_is_elsewhere() -> None:
    name = toponym(SAN_JOSE_USA, SAN_JOSE_CRI)
    assert best(name) == SAN_JOSE_CRI.geonameid
    assert best(name, ArticleContext({"USA": HINT_WEIGHT})) == SAN_JOSE_USA.geonameid


def test_context_weighs_hints_over_places_over_named_countries() -> None:
    yerevan = GazetteerEntry(616052, "Yerevan", 40.18, 44.51, "ARM", "PPLC", 1144700)
    toponyms = [
        toponym(ARMENIA, is_place=False),
        toponym(yerevan),
        toponym(SAN_JOSE_USA, SAN_JOSE_CRI),
        toponym(GazetteerEntry(298795, "Turkey", 39.0, 35.0, "TUR", "PCLI", 82319724)),
    ]
    context = ArticleContext.of_article(toponyms, hints=["aze"])
    assert context.countries == {
        "ARM": UNAMBIGUOUS_PLACE_WEIGHT,
        "TUR": NAMED_COUNTRY_WEIGHT,
        "AZE": HINT_WEIGHT,
    }
    assert context.weight(GazetteerEntry(2988507, "Paris", 48.85, 2.35, "FRA", "PPLC")) == 0.0


def test_many_hints_weigh_less_than_a_few() -> None:
    few = ArticleContext.of_article([], hints=["ARM", "AZE"])
    many = ArticleContext.of_article([], hints=["ARM", "AZE", "RUS", "USA", "FRA", "TUR"])
    assert few.countries["ARM"] == HINT_WEIGHT
    assert many.countries["USA"] == HINT_WEIGHT / 3


def test_well_known_places_outrank_namesakes_the_article_hints_among_many() -> None:
    geneva = GazetteerEntry(2660646, "Geneva", 46.2, 6.15, "CHE", "PPL", 201741, name_count=61)
    geneva_il = GazetteerEntry(4893591, "Geneva", 41.9, -88.3, "USA", "PPL", 21806, name_count=12)
    name = toponym(geneva_il, geneva)
    hints = ["ARM", "AZE", "RUS", "USA", "FRA", "TUR"]
    assert best(name, ArticleContext.of_article([name], hints)) == geneva.geonameid
    assert best(name, ArticleContext.of_article([name], ["USA"])) == geneva_il.geonameid


def test_a_named_province_favours_its_own_towns() -> None:
    kentucky = GazetteerEntry(6254925, "Kentucky", 38.2, -84.88, "USA", "ADM1", 4500000, "KY")
    edmonton_ky = GazetteerEntry(4291255, "Edmonton", 36.98, -85.61, "USA", "PPL", 1600, "KY")
    edmonton_ab = GazetteerEntry(5946768, "Edmonton", 53.55, -113.47, "CAN", "PPLA", 712391, "01")
    edmonton = toponym(edmonton_ab, edmonton_ky)
    assert best(edmonton, ArticleContext.of_article([edmonton])) == edmonton_ab.geonameid
    context = ArticleContext.of_article([toponym(kentucky), edmonton], hints=["USA"])
    assert context.regions == {("USA", "KY")}
    assert best(edmonton, context) == edmonton_ky.geonameid


def test_toponym_without_candidates_resolves_to_nothing() -> None:
    empty = Toponym(0, 1, "Atlantis", (), "locative", True)
    assert resolve_toponym(empty, ArticleContext({})) is None
