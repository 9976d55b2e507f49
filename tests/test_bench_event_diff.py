"""bench/event_diff.py: events of two runs matched by article, trigger and type."""

from __future__ import annotations

import json
from pathlib import Path

from event_diff import changes, read_events


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_changed_fields_are_listed_and_counted(tmp_path: Path) -> None:
    base = {"article_id": "a", "event": "ASSAULT", "text": "Rebels attacked in May."}
    before = write(
        tmp_path / "before.jsonl",
        [
            {**base, "event_start": 7, "date": "2020-05-01"},
            {**base, "event_start": 30, "date": "2020-06-01"},
            {"article": "a", "title": "not an event"},
        ],
    )
    after = write(
        tmp_path / "after.jsonl",
        [{**base, "event_start": 7, "date": "2020-05-03"}, {**base, "event_start": 40}],
    )
    lines = list(changes(read_events(before), read_events(after), ["date"]))
    assert lines[0].startswith("ASSAULT\t['2020-05-01'] -> ['2020-05-03']\tRebels attacked")
    assert lines[-1] == "matched 1, changed 1, only before 1, only after 1"
