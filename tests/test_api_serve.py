"""``strife serve`` refuses to start, with exit status 2 and one line, when it cannot serve."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from strife.cli import app
from test_api_queries import sample_store


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--db", "{missing}"], {}, "does not exist"),
        (["--db", "{junk}"], {}, "not a DuckDB database"),
        (["--db", "{store}", "--private"], {}, "--private needs a token"),
        (["--db", "{store}"], {"STRIFE_TOKEN": "short"}, "at least 16 characters"),
    ],
)
def test_serve_refuses_what_it_cannot_serve(
    tmp_path: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    files = {
        "missing": tmp_path / "missing.duckdb",
        "junk": tmp_path / "junk.duckdb",
        "store": sample_store(tmp_path / "store.duckdb"),
    }
    files["junk"].write_bytes(b"this is not a database" * 200)
    argv = ["serve", *(arg.format(**files) for arg in args)]
    result = CliRunner().invoke(app, argv, env={"STRIFE_TOKEN": "", **env})
    assert result.exit_code == 2, result.output
    assert message in result.output.replace("\n", " ")
