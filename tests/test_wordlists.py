"""The word lists the rule stages read are data: each file loads, holds exactly the lists
its owner names, sorted, lower case, each with why it is there; a broken file raises a
ModelError that names the file and what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strife import casualties, claims, nlp
from strife.actors import lexicon as actor_lexicon
from strife.datafiles import WordLists, data_file, read_words
from strife.errors import ModelError
from strife.events import lexicon as event_lexicon
from strife.events import markers

# Each file, the module that owns it and the lists that module reads.
FILES: dict[str, WordLists] = {
    "events/words.json": event_lexicon.WORDS,
    "actors/words.json": actor_lexicon.WORDS,
    "claims.json": claims._WORDS,
    "casualties.json": casualties._WORDS,
    "events/markers.json": markers._WORDS,
    "nlp.json": nlp._WORDS,
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_word_file_loads_with_every_list(name: str) -> None:
    words = FILES[name]
    assert words.path == data_file(*name.split("/"))
    assert words.lists or words.tables
    for listed, value in words.lists.items():
        assert value, f"{name}: {listed} is empty"
    for table, numbers in words.tables.items():
        assert numbers, f"{name}: {table} is empty"


@pytest.mark.parametrize("name", sorted(set(FILES) - {"events/markers.json"}))
def test_word_files_are_sorted_lower_case_and_say_why(name: str) -> None:
    data = json.loads(data_file(*name.split("/")).read_text(encoding="utf-8"))
    assert isinstance(data.get("_comment"), str)
    for key, value in data.items():
        if key.startswith("_"):
            continue
        assert isinstance(data.get(f"_{key}"), str), f"{name}: {key} says not why it is there"
        words = list(value)
        assert words == sorted(set(words)), f"{name}: {key} is not sorted or has duplicates"
        assert all(w == w.lower() for w in words), f"{name}: {key} is not lower case"


def test_the_owners_read_their_lists() -> None:
    assert "launch" in event_lexicon.WORDS["light_verbs"]
    assert "former" in actor_lexicon.WORDS["former"]
    assert {"say", "warn", "accuse"} <= claims.SPEECH_VERBS
    assert casualties.WORD_NUMBERS["dozens"] == 24
    assert casualties.SCALE["million"] == 1_000_000
    assert "--" in nlp.DATELINE_DASHES


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "words.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_good_file_reads_lists_and_tables(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {"_comment": "test", "_verbs": "why", "verbs": ["b", "a"], "numbers": {"two": 2}},
    )
    words = read_words(path, "the test lists", ("verbs",), tables=("numbers",))
    assert words["verbs"] == frozenset({"a", "b"})
    assert words.tables["numbers"] == {"two": 2}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"verbs": ["a"]}, "missing nouns"),
        ({"verbs": ["a"], "nouns": ["b"], "adverbs": ["c"]}, "unknown adverbs"),
        ({"verbs": ["a"], "nouns": "b"}, "'nouns' is not a list of words"),
        ({"verbs": ["a"], "nouns": [1]}, "'nouns' is not a list of words"),
        ({"verbs": ["a"], "nouns": [""]}, "'nouns' is not a list of words"),
        (["verbs", "nouns"], "not a JSON object of named lists"),
    ],
)
def test_a_broken_file_names_what_is_wrong(tmp_path: Path, data: object, message: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(ModelError, match="the test lists") as raised:
        read_words(path, "the test lists", ("verbs", "nouns"))
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


def test_a_table_of_words_must_hold_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, {"numbers": {"two": "2"}})
    with pytest.raises(ModelError, match="'numbers' is not a table of numbers"):
        read_words(path, "the test lists", (), tables=("numbers",))


def test_a_file_that_is_not_json_or_not_there_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot load the test lists"):
        read_words(bad, "the test lists", ("verbs",))
    with pytest.raises(ModelError, match="cannot load the test lists"):
        read_words(tmp_path / "absent.json", "the test lists", ("verbs",))
