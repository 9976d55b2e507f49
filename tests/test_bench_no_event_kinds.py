"""bench/no_event_kinds.py: the share of no-event sentences coded, kind by kind."""

from __future__ import annotations

import json
from pathlib import Path

from no_event_kinds import coded_by_kind


def test_each_kind_counts_its_sentences_and_those_given_an_event(tmp_path: Path) -> None:
    rows = [
        {"id": "n1", "text": "Floods killed 12 people in the valley.", "kind": "disaster"},
        {"id": "n2", "text": "The talks are expected to resume next week.", "kind": "forecast"},
        {"id": "n3", "text": "Officials may consider sending aid later.", "kind": "hypothetical"},
    ]
    (tmp_path / "no_events.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    result = coded_by_kind(tmp_path, "all")
    assert set(result) == {"disaster", "forecast", "hypothetical"}
    for row in result.values():
        assert row["sentences"] == 1 and row["coded"] in (0, 1)
        assert row["share"] == row["coded"] and sum(row["types"].values()) >= row["coded"]
    assert result["forecast"]["coded"] == 0
