"""How often ``strife code`` codes an event on strife's own sentences that report none, by kind.

Usage::

    .venv/bin/python bench/no_event_kinds.py [--own tests/gold] [--part heldout|dev|all]
        [--format table|json]

``tests/gold/no_events.jsonl`` marks each sentence with its kind (statement, opinion,
background, forecast, report, hypothetical, disaster). Each sentence is coded as an article
of its own by the shipped coder, as the evaluation suite codes it; a sentence counts when
it is given at least one event as a fact (an event marked negated or hypothetical is not
one). The suite reports the same share over all kinds ("coded on none"); this splits it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def coded_by_kind(own: Path, part: str) -> dict[str, dict[str, Any]]:
    from strife.evaluate.event_gold import read_gold_jsonl
    from strife.evaluate.events import Coded, code_sentences
    from strife.evaluate.splits import part_of
    from strife.evaluate.suite import OWN_FILES
    from strife.pipeline import Coder

    items = [i for i in read_gold_jsonl(own / OWN_FILES[1]) if i.no_event]
    if part != "all":
        items = [i for i in items if part_of(i.text) == part]
    coded = code_sentences([i.text for i in items], Coder.load())
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        row = out.setdefault(item.extra["kind"], {"sentences": 0, "coded": 0, "types": {}})
        facts = [e for e in coded[item.text] if Coded.of(e).fact]
        row["sentences"] += 1
        if facts:
            row["coded"] += 1
            for event in facts:
                row["types"][event.event] = row["types"].get(event.event, 0) + 1
    for row in out.values():
        row["share"] = round(row["coded"] / row["sentences"], 4)
    return dict(sorted(out.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--own", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--part", choices=("heldout", "dev", "all"), default="heldout")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args()
    result = coded_by_kind(args.own, args.part)
    if args.format == "json":
        print(json.dumps({"part": args.part, "kinds": result}))
        return
    print(f"no-event sentences given an event as a fact, part {args.part}:")
    for kind, row in result.items():
        types = ", ".join(f"{t} {n}" for t, n in sorted(row["types"].items()))
        print(f"  {kind:<13}{row['coded']:>4}/{row['sentences']:<4}{row['share']:>7.3f}  {types}")


if __name__ == "__main__":
    main()
