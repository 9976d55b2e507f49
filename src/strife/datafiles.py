"""The files under the packaged ``strife/data`` folder, and the word lists among them.

:func:`data_file` names a packaged data file (lexicons, word lists, models). The words the
rules match (verbs of saying, prepositions of place, pronouns ...) are JSON files of named
lists, each read once, when the module that owns it is imported, by :func:`read_words`. A
file holds exactly the lists its owner names; a key starting with ``_`` is a comment
("_light_verbs": why the list "light_verbs" is there).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from strife.errors import ModelError


@dataclass(frozen=True, slots=True)
class WordLists:
    """The named word lists of one data file, and its tables (word -> number)."""

    path: Path
    lists: Mapping[str, frozenset[str]]
    tables: Mapping[str, Mapping[str, int]]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]


def data_file(*parts: str) -> Path:
    """A file under the packaged ``strife/data`` folder."""
    return Path(str(resources.files("strife").joinpath("data", *parts)))


def read_words(
    path: Path, what: str, lists: Collection[str], tables: Collection[str] = ()
) -> WordLists:
    """Read the JSON file of named word lists at ``path``: exactly ``lists`` (each a JSON
    list of strings) and ``tables`` (each an object of word to whole number), plus comment
    keys starting with ``_``. :class:`ModelError`, naming the file and ``what`` it holds,
    when it cannot be read or is not so."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load {what} {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelError(f"cannot load {what} {path}: not a JSON object of named lists")
    names = {key for key in data if not key.startswith("_")}
    missing = sorted({*lists, *tables} - names)
    unknown = sorted(names - {*lists, *tables})
    if missing or unknown:
        found = "; ".join(
            f"{label} {', '.join(keys)}"
            for label, keys in (("missing", missing), ("unknown", unknown))
            if keys
        )
        raise ModelError(f"cannot load {what} {path}: {found}")
    read_lists = {name: _word_list(path, what, name, data[name]) for name in lists}
    read_tables = {name: _word_table(path, what, name, data[name]) for name in tables}
    return WordLists(path, read_lists, read_tables)


def _word_list(path: Path, what: str, name: str, value: object) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise ModelError(f"cannot load {what} {path}: {name!r} is not a list of words")
    return frozenset(value)


def _word_table(path: Path, what: str, name: str, value: object) -> Mapping[str, int]:
    if not isinstance(value, dict) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in value.values()
    ):
        raise ModelError(f"cannot load {what} {path}: {name!r} is not a table of numbers")
    return dict(value)
