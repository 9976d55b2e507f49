"""The module map of ``docs/ARCHITECTURE.md`` matches the package.

The map (the document's first fenced block) names every module under ``src/strife/`` by its
path relative to ``src/strife/`` ("ingest/sources.py", "cli/options.py", "contract.py"),
names no module that is gone, and names every folder and file of ``src/strife/data/`` and
every top-level entry of the dashboard's ``src/strife/web/``.

Each check is a function that returns what is wrong (an empty list when nothing is); the
tests assert that the real document gives an empty list, and that a broken copy does not.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "strife"
DOC = ROOT / "docs" / "ARCHITECTURE.md"
# Paths the map may name outside the package, with the folder of the repository they are in.
REPOSITORY_FOLDERS = ("train/", "bench/", "tests/")
# Not modules of their own: a package's marker and its ``python -m`` entry.
NOT_MODULES = frozenset({"__init__.py", "__main__.py"})
# A whole path-like token ending in .py: not the tail of a longer word, path or dotted name.
MODULE_PATH = re.compile(r"(?<![\w/.-])([a-z_][a-z0-9_/]*\.py)\b")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def read_doc() -> str:
    return DOC.read_text(encoding="utf-8")


def module_map(doc: str) -> str:
    """The map: the text of the document's first fenced code block ("" when there is none)."""
    match = FENCE.search(doc)
    return match.group(1) if match else ""


def package_modules(package: Path = PACKAGE) -> list[str]:
    """Every module of the package, as its path relative to the package ("cli/commands.py")."""
    return sorted(
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if path.name not in NOT_MODULES
    )


def named_paths(map_text: str) -> set[str]:
    """The ``.py`` paths the map names."""
    return set(MODULE_PATH.findall(map_text))


def missing_modules(doc: str, package: Path = PACKAGE) -> list[str]:
    """The package's modules the map does not name by their relative path."""
    named = named_paths(module_map(doc))
    return [module for module in package_modules(package) if module not in named]


def gone_paths(doc: str, package: Path = PACKAGE, root: Path = ROOT) -> list[str]:
    """The ``.py`` paths the map names that do not exist: under the package, or under the
    repository's ``train/``, ``bench/`` or ``tests/`` for a path that starts with one."""
    gone = []
    for path in sorted(named_paths(module_map(doc))):
        base = root if path.startswith(REPOSITORY_FOLDERS) else package
        if not (base / path).is_file():
            gone.append(path)
    return gone


def missing_entries(doc: str, folder: Path, prefix: str) -> list[str]:
    """The entries of ``folder`` the map does not name: a subfolder as ``prefix + name/``, a
    file as ``prefix + name`` (``prefix`` is "data/" for the data folder, "" for web)."""
    map_text = module_map(doc)
    missing = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name == "__pycache__":
            continue
        name = f"{prefix}{entry.name}/" if entry.is_dir() else f"{prefix}{entry.name}"
        if name not in map_text:
            missing.append(name)
    return missing


def missing_data(doc: str, package: Path = PACKAGE) -> list[str]:
    """The subfolders and files of ``src/strife/data/`` the map does not name."""
    return missing_entries(doc, package / "data", "data/")


def missing_web(doc: str, package: Path = PACKAGE) -> list[str]:
    """The top-level files and folders of the dashboard (``src/strife/web/``) not named."""
    return missing_entries(doc, package / "web", "")


# The document as it is.


def test_the_package_has_modules_in_subpackages_and_at_the_top() -> None:
    modules = package_modules()
    assert "cli/options.py" in modules
    assert "contract.py" in modules
    assert not any(module.endswith(tuple(NOT_MODULES)) for module in modules)


def test_the_map_names_every_module() -> None:
    assert missing_modules(read_doc()) == []


def test_the_map_names_no_module_that_is_gone() -> None:
    assert gone_paths(read_doc()) == []


def test_the_map_names_every_data_folder_and_file() -> None:
    assert missing_data(read_doc()) == []


def test_the_map_names_the_dashboard_files() -> None:
    assert missing_web(read_doc()) == []


# Broken copies: each check finds what was taken out or made up.


def test_a_module_left_out_of_the_map_is_found() -> None:
    doc = read_doc()
    assert "ingest/sources.py" in module_map(doc)
    broken = doc.replace("ingest/sources.py", "ingest/")
    assert missing_modules(broken) == ["ingest/sources.py"]


def test_a_top_level_module_named_only_inside_a_longer_path_is_found() -> None:
    # "dates.py" is the tail of "plausible_dates.py", "plover.py" of "evaluate/plover.py".
    doc = read_doc()
    broken = re.sub(r"(?<![\w/])dates\.py", "dates", doc)
    assert "plausible_dates.py" in module_map(broken)
    assert missing_modules(broken) == ["dates.py"]


def test_a_module_named_only_outside_the_map_is_found() -> None:
    doc = read_doc()
    map_text = module_map(doc)
    broken = doc.replace(map_text, map_text.replace("syntax.py", "syntax")) + "\n`syntax.py`\n"
    assert missing_modules(broken) == ["syntax.py"]


def test_a_module_that_is_gone_is_found() -> None:
    doc = read_doc()
    broken = doc.replace("   ingest/sources.py ", "   ingest/sources.py ingest/gone.py ")
    broken = broken.replace(" cli/commands.py ", " cli/commands.py cli.py store_commands.py ", 1)
    assert gone_paths(broken) == ["cli.py", "ingest/gone.py", "store_commands.py"]


def test_a_repository_script_that_is_gone_is_found() -> None:
    doc = read_doc()
    assert "train/train_typer.py" in module_map(doc)
    broken = doc.replace("train/train_typer.py", "train/train_nothing.py")
    assert gone_paths(broken) == ["train/train_nothing.py"]
    # Without its folder the script is looked for in the package, where it is not.
    broken = doc.replace("train/train_typer.py", "train_typer.py")
    assert gone_paths(broken) == ["train_typer.py"]


def test_a_data_folder_or_file_left_out_is_found() -> None:
    doc = read_doc()
    broken = doc.replace("data/truces/", "truces").replace("data/claims.json", "claims")
    assert missing_data(broken) == ["data/claims.json", "data/truces/"]


def test_a_dashboard_file_left_out_is_found() -> None:
    doc = read_doc()
    broken = doc.replace("world.json", "world")
    assert missing_web(broken) == ["world.json"]


def test_a_document_without_a_map_names_nothing() -> None:
    doc = read_doc().replace("```", "")
    assert missing_modules(doc) == package_modules()
    assert gone_paths(doc) == []
