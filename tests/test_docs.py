"""The docs cannot drift from the code: every command and option, output field and API
route is documented in ``docs/``, the README stays a short user's page, and every relative
link of the README and ``docs/`` leads to a file that exists.

Each check is a function that returns what is wrong (an empty list when nothing is); the
tests assert that the real docs give an empty list, and that a broken page does not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main
from typer.core import TyperGroup

from factories import make_event as sample_event
from strife.api import ApiSettings, create_app
from strife.cli import app
from strife.contract import event_to_dict
from strife.store import Store

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README_MAX_BYTES = 15_000
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def section(doc: str, heading: str) -> str | None:
    """The text under the Markdown heading ``heading`` (any level), up to the next heading."""
    match = re.search(rf"^#{{1,6}} {re.escape(heading)}[ \t]*$", doc, re.MULTILINE)
    if match is None:
        return None
    following = HEADING.search(doc, match.end())
    return doc[match.end() : following.start() if following else len(doc)]


Command = Any  # typer's vendored click.Command: not a public type


def commands(group: TyperGroup, prefix: str = "strife") -> Iterator[tuple[str, Command]]:
    """Every leaf command under ``group``, by its full name ("strife eval geo")."""
    for name, command in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        if isinstance(command, TyperGroup):
            yield from commands(command, full)
        else:
            yield full, command


def long_options(command: Command) -> list[str]:
    return [
        opt
        for param in command.params
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ]


def undocumented_cli(doc: str) -> list[str]:
    """Commands without their own section in ``doc``, and options missing from it."""
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    missing = [f"strife {opt}" for opt in long_options(root) if f"`strife {opt}`" not in doc]
    for name, command in commands(root):
        body = section(doc, name)
        if body is None:
            missing.append(name)
            continue
        missing += [f"{name} {opt}" for opt in long_options(command) if opt not in body]
    return missing


def keys(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(dotted path, key) of every key of ``value``, through nested dicts and lists of dicts."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield f"{path}{key}", key
            yield from keys(sub, f"{path}{key}.")
    elif isinstance(value, list):
        for item in value:
            yield from keys(item, path)


def undocumented_fields(doc: str, record: dict[str, Any]) -> list[str]:
    return sorted({where for where, key in keys(record) if f"`{key}`" not in doc})


def undocumented_routes(doc: str, schema: dict[str, Any]) -> list[str]:
    missing = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            route = f"{method.upper()} {path}"
            if f"`{route}`" not in doc:
                missing.append(route)
            for param in operation.get("parameters", []):
                if param["in"] == "query" and f"`{param['name']}`" not in doc:
                    missing.append(f"{route} {param['name']}")
    return missing


def readme_problems(text: str, record_keys: set[str]) -> list[str]:
    problems = []
    size = len(text.encode("utf-8"))
    if size > README_MAX_BYTES:
        problems.append(f"README is {size} bytes, more than {README_MAX_BYTES}")
    if not any(sample_line(line, record_keys) for line in text.splitlines()):
        problems.append("no line of JSON output with every key of the event object")
    if "make test" not in text:
        problems.append("the test command (make test) is not named")
    if "../shared" in text:
        problems.append("points to ../shared, which users do not have")
    return problems


def sample_line(line: str, record_keys: set[str]) -> bool:
    """Whether ``line`` is one event object of ``strife code --format jsonl``."""
    if not line.startswith("{"):
        return False
    try:
        parsed = json.loads(line)
    except json.JSONDecodeError:
        return False
    return isinstance(parsed, dict) and set(parsed) == record_keys


def broken_links(page: Path, text: str) -> list[str]:
    """Relative links of ``page`` whose file does not exist."""
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # a URL, a mailto or an anchor in the same page
        path = target.split("#", 1)[0]
        if not (page.parent / path).exists():
            broken.append(f"{page.relative_to(ROOT)}: {target}")
    return broken


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def api_schema(tmp_path: Path) -> dict[str, Any]:
    Store.open(tmp_path / "empty.duckdb").close()
    schema: dict[str, Any] = create_app(ApiSettings(db=tmp_path / "empty.duckdb")).openapi()
    return schema


# --- the docs --------------------------------------------------------------------------------


def test_every_command_and_option_is_in_the_cli_page() -> None:
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    names = [name for name, _ in commands(root)]
    assert {"strife code", "strife events", "strife eval geo", "strife eval events"} <= set(names)
    assert undocumented_cli(read(DOCS / "cli.md")) == []


def test_every_output_field_is_in_the_output_page() -> None:
    record = event_to_dict(sample_event())
    nested = [where for where, _ in keys(record) if "." in where]
    assert "actor.code" in nested and "size.dead.min" in nested and "claims.stance" in nested
    assert undocumented_fields(read(DOCS / "output.md"), record) == []


def test_every_api_route_and_parameter_is_in_the_api_page(tmp_path: Path) -> None:
    schema = api_schema(tmp_path)
    assert schema["paths"]
    assert undocumented_routes(read(DOCS / "api.md"), schema) == []


def test_the_readme_is_a_short_users_page() -> None:
    record_keys = set(event_to_dict(sample_event()))
    assert readme_problems(read(ROOT / "README.md"), record_keys) == []


def test_every_relative_link_leads_to_a_file() -> None:
    assert len(pages()) > 5
    problems = [problem for page in pages() for problem in broken_links(page, read(page))]
    assert problems == []


# --- the checks can fail ---------------------------------------------------------------------


def test_the_checks_report_what_is_missing(tmp_path: Path) -> None:
    cli_doc = read(DOCS / "cli.md")
    assert "strife code" in undocumented_cli("")
    assert "strife eval geo --suite" in undocumented_cli(
        cli_doc.replace("--suite", "--whole-suite")
    )
    record = event_to_dict(sample_event())
    assert "event_loc.geonameid" in undocumented_fields(
        read(DOCS / "output.md").replace("`geonameid`", "geonameid"), record
    )
    api_doc = read(DOCS / "api.md")
    assert "GET /api/events bbox" in undocumented_routes(
        api_doc.replace("`bbox`", "bbox"), api_schema(tmp_path)
    )


def test_the_readme_check_fails_on_a_long_or_stale_readme() -> None:
    readme = read(ROOT / "README.md")
    record_keys = set(event_to_dict(sample_event()))
    too_long = readme + "x" * (README_MAX_BYTES + 1 - len(readme.encode("utf-8")))
    assert any("bytes" in problem for problem in readme_problems(too_long, record_keys))
    assert len(readme_problems("# strife\n", record_keys)) == 2
    assert readme_problems(readme + "\nsee ../shared/data\n", record_keys)
    assert readme_problems(readme, record_keys | {"new_field"})


def test_the_link_check_finds_a_missing_file() -> None:
    page = DOCS / "cli.md"
    text = "[a](output.md) [b](nowhere.md#x) [c](https://example.org) [d](#exit-status)"
    assert broken_links(page, text) == ["docs/cli.md: nowhere.md#x"]
