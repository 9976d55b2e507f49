"""Actors end to end: heads of state and government, nationality and agent words."""

from __future__ import annotations

import csv
import re
from typing import Any

import pytest

from strife.actors import ActorResolver
from strife.actors.lexicon import default_data_dir

# Roles that make a person a head of state or of government in persons.tsv.
HEAD = re.compile(
    r"^(President|Prime Minister|King|Queen|Chancellor|Emir|Sultan|Supreme Leader|Premier|"
    r"Head of|Crown Prince|Chairman|Chief Adviser|Taoiseach|Prince|General Secretary|"
    r"Member of the Presidency|Co-President|Commander|Pope|Chief Executive)"
)
# Antarctica, Hong Kong (its chief executive is coded CHN) and San Marino's six-monthly
# captains regent have no entry of their own.
EXEMPT = {"ATA", "HKG", "SMR"}


def _rows(name: str) -> list[dict[str, str]]:
    with (default_data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_country_has_a_head_of_state_or_government() -> None:
    heads = {row["code"] for row in _rows("persons.tsv") if HEAD.match(row["role"])}
    countries = {row["code"] for row in _rows("countries.tsv")}
    assert countries - EXEMPT - heads == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "code", "sector"),
    [
        ("Four Saudi men were arrested in Jeddah.", "Saudi men", "SAU", "CVL"),
        ("American warplanes struck Houthi targets.", "American warplanes", "USA", "MIL"),
        ("Police in Nairobi fired tear gas.", "Police in Nairobi", "KEN", "COP"),
        ("Mahama met Ouattara in Accra.", "Mahama", "GHA", "GOV"),
        ("Ouattara met Mahama in Accra.", "Ouattara", "CIV", "GOV"),
        ("The Arakan Army seized the town.", "Arakan Army", "MMR", "REB"),
        ("The Sinaloa Cartel denied the report.", "Sinaloa Cartel", "MEX", "CRM"),
        ("The Pacific Islands Forum met in Tonga.", "Pacific Islands Forum", "IGO", None),
    ],
)
def test_actors_are_found_and_coded_in_real_sentences(
    nlp: Any, text: str, words: str, code: str, sector: str | None
) -> None:
    doc = nlp(text)
    found = {
        doc[m.token_start : m.token_end].text: (m.ref.code, m.ref.sector)
        for m in ActorResolver.from_data(nlp.vocab).find(doc)
    }
    assert found.get(words) == (code, sector), found
