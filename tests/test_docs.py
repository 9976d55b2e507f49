"""The README documents every command, option and output field (docs cannot drift)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from factories import make_event as sample_event
from strife.api import ApiSettings, create_app
from strife.cli import app
from strife.output import event_to_dict
from strife.store import Store

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_documented() -> None:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert {"code", "events"} <= set(commands)
    for name, command in commands.items():
        assert f"strife {name}" in README, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, f"strife {name} {opt}"


def test_every_output_field_is_documented() -> None:
    record = event_to_dict(sample_event())
    for key, value in record.items():
        assert f"`{key}`" in README, key
        if isinstance(value, dict):
            for sub in value:
                assert sub in README, f"{key}.{sub}"


def test_every_api_route_and_parameter_is_documented(tmp_path: Path) -> None:
    Store.open(tmp_path / "empty.duckdb").close()
    schema = create_app(ApiSettings(db=tmp_path / "empty.duckdb")).openapi()
    assert schema["paths"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert f"`{method.upper()} {path}`" in README, f"{method.upper()} {path}"
            for param in operation.get("parameters", []):
                if param["in"] == "query":
                    assert f"`{param['name']}`" in README, f"{path} {param['name']}"
