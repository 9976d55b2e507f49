"""How many of the events strife codes on long-form news are events: judged Guardian events.

Usage::

    .venv/bin/python bench/guardian_events.py [--data ../shared/data]
        [--part heldout|dev|all] [--judged FILE] [--coded FILE] [--format table|json]

The wire sentences of the evaluation suite are short and say one thing; a long article
quotes, weighs, recalls and predicts, and an event coder that reads it codes far more than
happened. ``JUDGED`` (``bench/guardian_events/judged-2026-12-07.jsonl``) holds 720 events
strife coded on the 249 Guardian articles of ``DATA/articles/Guardian_SDF_sample.csv.zip``,
each judged by reading its sentence, with the annotation guide
``bench/guardian_events/GUIDE.md``: is it an event of the coded type (``event_ok``; else,
where the words report another type, ``type_alt``), and are its actor and recipient right.
A judgment names its event by article id, trigger offsets, type and marker; no text of the
articles is kept. Each article is in the development part or the held-out part by its id
(``strife.evaluate.splits.part_of``). 360 events were drawn at random from all articles
as commit 15fc0af coded them (261 of development articles, 99 of held-out ones), 360 more
from the development articles only as commit 785e055 coded them: 621 judgments of
development articles, which may be read and learnt from, and 99 of held-out ones, only
ever scored.

The articles are coded again (``strife code``'s coder in this process, or the JSON lines
of ``--coded``) and each judged event of the part is looked up by its key:

* ``kept``: still coded with the same trigger and type, as a fact or not as before;
  ``precision`` is the share of those judged events that are events, ``complete`` the
  share that are events with the right actor and recipient;
* ``remarked``: still coded, but now marked negated or hypothetical where it was a fact
  (or the other way round);
* ``retyped``: coded from the same trigger with another type, and how many of those take
  the type the judge named (``type_alt``);
* ``dropped``: no longer coded, split into judged events and judged non-events.

A change to the coder is read by how many non-events it drops against how many events it
loses; events it codes anew have no judgment (``unjudged``) and are counted only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from strife.evaluate.events import NOT_FACTS
from throughput import GUARDIAN

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "guardian_events" / "judged-2026-12-07.jsonl"
PARTS = ("heldout", "dev", "all")

Key = tuple[str, int, int, str]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON lines file (the judgments, or what `strife code` wrote)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def coded_events(data: Path) -> list[dict[str, Any]]:
    """The events strife codes on the Guardian sample, as ``strife code`` writes them."""
    from strife.contract import event_to_dict
    from strife.ingest import read_inputs
    from strife.pipeline import CodedArticle, code_articles

    events = []
    for result in code_articles(read_inputs([str(data / GUARDIAN)])):
        if isinstance(result, CodedArticle):
            events += [event_to_dict(e) for e in result.events]
    return events


def score(
    judged: Sequence[Mapping[str, Any]], coded: Iterable[Mapping[str, Any]], part: str
) -> dict[str, Any]:
    """Counts of the judged events of ``part`` by what the coder now makes of them."""
    chosen = [j for j in judged if part == "all" or j["part"] == part]
    articles = {j["article_id"] for j in chosen}
    now: dict[Key, Mapping[str, Any]] = {}
    by_trigger: dict[tuple[str, int, int], list[str]] = {}
    for event in coded:
        if event["article_id"] not in articles:
            continue
        key = (event["article_id"], event["event_start"], event["event_end"], event["event"])
        now[key] = event
        by_trigger.setdefault(key[:3], []).append(event["event"])
    counts: Counter[str] = Counter()
    seen: set[Key] = set()
    for judgment in chosen:
        key = _key(judgment)
        seen.add(key)
        verdict = "event" if judgment["event_ok"] else "not_event"
        if key in now and _is_fact(now[key]) != _is_fact(judgment):
            counts[f"remarked_{verdict}"] += 1
        elif key in now:
            counts[f"kept_{verdict}"] += 1
            counts["kept_complete"] += bool(
                judgment["event_ok"] and judgment["actor_ok"] and judgment["recipient_ok"]
            )
        elif key[:3] in by_trigger:
            counts[f"retyped_{verdict}"] += 1
            counts["retyped_as_judged"] += judgment.get("type_alt") in by_trigger[key[:3]]
        else:
            counts[f"dropped_{verdict}"] += 1
    kept = counts["kept_event"] + counts["kept_not_event"]
    return {
        "part": part,
        "judged": len(chosen),
        "judged_events": sum(1 for j in chosen if j["event_ok"]),
        "kept_event": counts["kept_event"],
        "kept_not_event": counts["kept_not_event"],
        "precision": round(counts["kept_event"] / kept, 3) if kept else None,
        "complete": round(counts["kept_complete"] / kept, 3) if kept else None,
        "remarked_event": counts["remarked_event"],
        "remarked_not_event": counts["remarked_not_event"],
        "retyped_event": counts["retyped_event"],
        "retyped_not_event": counts["retyped_not_event"],
        "retyped_as_judged": counts["retyped_as_judged"],
        "dropped_event": counts["dropped_event"],
        "dropped_not_event": counts["dropped_not_event"],
        "unjudged": sum(1 for key in now if key not in seen),
        "coded_in_articles": len(now),
    }


def _is_fact(event: Mapping[str, Any]) -> bool:
    """Coded as having happened: not marked negated or hypothetical (as the suite reads it)."""
    return event.get("aux") not in NOT_FACTS


def _key(judgment: Mapping[str, Any]) -> Key:
    return (
        judgment["article_id"],
        judgment["event_start"],
        judgment["event_end"],
        judgment["event"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--part", choices=PARTS, default="heldout")
    parser.add_argument("--coded", type=Path, help="JSON lines of `strife code` (else code now)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args()
    coded = read_jsonl(args.coded) if args.coded is not None else coded_events(args.data)
    report = score(read_jsonl(args.judged), coded, args.part)
    if args.format == "json":
        print(json.dumps(report, indent=1))
        return
    print(
        f"{report['part']}: {report['judged']} judged events, {report['judged_events']} of them "
        f"events; still coded {report['kept_event']} events and {report['kept_not_event']} "
        f"non-events (precision {report['precision']}, complete {report['complete']})"
    )
    print(
        f"marked otherwise: {report['remarked_event']} events, "
        f"{report['remarked_not_event']} non-events; "
        f"retyped: {report['retyped_event']} events, {report['retyped_not_event']} non-events "
        f"({report['retyped_as_judged']} to the judged type); dropped: "
        f"{report['dropped_event']} events, {report['dropped_not_event']} non-events; "
        f"unjudged events coded in these articles: {report['unjudged']}"
    )


if __name__ == "__main__":
    main()
