"""Every data file the package reads is shipped: package-data covers src/strife/data and web."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "strife"


def unshipped(patterns: list[str], files: list[str]) -> list[str]:
    """The files (relative to the package) no package-data pattern matches (globs as
    setuptools reads them: ``*`` within a folder, ``**/`` any folders, none included)."""
    matchers = [re.compile(_regex(p)) for p in patterns]
    return [f for f in files if not any(m.fullmatch(f) for m in matchers)]


def _regex(pattern: str) -> str:
    parts = re.split(r"(\*\*/|\*)", pattern)
    table = {"**/": "(?:.*/)?", "*": "[^/]*"}
    return "".join(table.get(part, re.escape(part)) for part in parts)


def _patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["setuptools"]["package-data"]["strife"])


def test_every_data_and_web_file_is_in_the_package_data() -> None:
    files = sorted(
        path.relative_to(PACKAGE).as_posix()
        for folder in ("data", "web")
        for path in (PACKAGE / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    assert files
    assert unshipped(_patterns(), files) == []


def test_a_file_no_pattern_covers_is_found() -> None:
    assert unshipped(["data/*.json"], ["data/a.json", "data/models/x/predicates.txt"]) == [
        "data/models/x/predicates.txt"
    ]
