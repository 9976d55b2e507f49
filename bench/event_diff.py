"""Which events two runs of ``strife code`` code differently: one line per changed event.

Usage::

    .venv/bin/strife code ARTICLES --db :memory: --format jsonl > before.jsonl
    # ... change the code ...
    .venv/bin/strife code ARTICLES --db :memory: --format jsonl > after.jsonl
    .venv/bin/python bench/event_diff.py before.jsonl after.jsonl [--field date]

Events are matched by article, trigger offset and type. For each ``--field`` (an event's
JSON key, repeatable; default ``date`` and ``date_text``), every matched event whose values
differ is printed with its sentence; the last line counts events matched, changed, and
found in one run only. ``bench/throughput.py``'s ``load_articles`` writes the Guardian
sample as JSONL rows for ``ARTICLES``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

Key = tuple[str, int, str]


def read_events(path: Path) -> dict[Key, dict[str, Any]]:
    """The events of a JSONL output, by (article, trigger offset, type)."""
    events: dict[Key, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if "event" in record and "event_start" in record:
                events[(record["article_id"], record["event_start"], record["event"])] = record
    return events


def changes(
    before: dict[Key, dict[str, Any]], after: dict[Key, dict[str, Any]], fields: Sequence[str]
) -> Iterator[str]:
    """A line per matched event whose ``fields`` differ, then a line of counts."""
    matched = [key for key in before if key in after]
    changed = 0
    for key in matched:
        old = [before[key].get(f) for f in fields]
        new = [after[key].get(f) for f in fields]
        if old != new:
            changed += 1
            sentence = " ".join(str(before[key].get("text", "")).split())[:200]
            yield f"{key[2]}\t{old} -> {new}\t{sentence}"
    only_before = len(before) - len(matched)
    only_after = sum(1 for key in after if key not in before)
    yield (
        f"matched {len(matched)}, changed {changed}, "
        f"only before {only_before}, only after {only_after}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--field", action="append", dest="fields")
    args = parser.parse_args()
    fields = args.fields or ["date", "date_text"]
    for line in changes(read_events(args.before), read_events(args.after), fields):
        print(line)


if __name__ == "__main__":
    main()
