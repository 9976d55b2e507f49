"""The README's sample event is what `strife code` prints for the example it names: every
field the same, except strings the README shortens by hand with "...".

End to end: the real model, the real store, the command as a user runs it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHORTENED = "..."


def _sample() -> tuple[str, dict[str, Any]]:
    """The example file the README codes and its JSON sample line."""
    text = README.read_text(encoding="utf-8")
    command = re.search(r"`strife code (\S+) --format jsonl`", text)
    block = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert command is not None and block is not None, "the README lost its sample"
    return command.group(1), json.loads(block.group(1))


def _differences(shown: Any, coded: Any, path: str = "") -> list[str]:
    """Where the README's value differs from the coded one; a shown string with "..." is
    a shortening of the coded string (its pieces appear in it, in order)."""
    if isinstance(shown, dict) and isinstance(coded, dict):
        keys = sorted(set(shown) | set(coded))
        return [d for k in keys for d in _differences(shown.get(k), coded.get(k), f"{path}.{k}")]
    if isinstance(shown, list) and isinstance(coded, list) and len(shown) == len(coded):
        return [
            d
            for i, pair in enumerate(zip(shown, coded, strict=True))
            for d in _differences(*pair, f"{path}[{i}]")
        ]
    if isinstance(shown, str) and isinstance(coded, str) and SHORTENED in shown:
        pieces = [p.strip() for p in shown.split(SHORTENED) if p.strip()]
        position = 0
        for piece in pieces:
            found = coded.find(piece, position)
            if found < 0:
                return [f"{path}: {shown!r} is no shortening of {coded!r}"]
            position = found + len(piece)
        return []
    return [] if shown == coded else [f"{path}: README {shown!r}, coded {coded!r}"]


def test_the_readme_sample_is_what_strife_codes(tmp_path: Path) -> None:
    example, shown = _sample()
    done = subprocess.run(
        [sys.executable, "-m", "strife", "code", example, "--format", "jsonl",
         "--db", str(tmp_path / "s.duckdb")],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    events = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    same_id = [e for e in events if e["id"] == shown["id"]]
    assert same_id, f"no event {shown['id']} among {[e['id'] for e in events]}"
    assert _differences(shown, same_id[0]) == []


def test_a_shortened_string_must_keep_its_pieces_in_order() -> None:
    assert (
        _differences({"text": "Russian forces ... Bakhmut"}, {"text": "Russian forces hit Bakhmut"})
        == []
    )
    assert _differences({"text": "Bakhmut ... Russian"}, {"text": "Russian forces hit Bakhmut"})
    assert _differences({"confidence": 0.95}, {"confidence": 0.99})
