"""Key events of real-world articles: how many does ``strife code`` get right, field by field?

Usage::

    .venv/bin/python bench/key_events.py bench/key_events/probe-2026-12.jsonl \
        bench/key_events/probe-2026-12.expected.json [--misses] [--format table|json]

``ARTICLES`` is a JSON-lines file of articles (``id``, ``published``, ``title``, ``text``,
as ``strife code`` reads them); ``EXPECTED`` holds, keyed by those ids, the events an
analyst would take from each (the format of ``tests/expected/``, documented in
``examples/README.md``). An expected event counts as found when one coded event matches it
on every field it sets: type, sentence, actor and recipient codes, and where given the
mode, date, place, sector, claims and casualty figures (``strife.evaluate.expected``).

The report gives the share found, for all key events and for those not marked hard, and
for each field how many expected events fail only on it. With ``--misses`` every missed
event is printed with the fields its nearest coded event gets wrong.

The probe sets under ``bench/key_events/`` were written for strife, in wire style, about
real events; each was written, with its expected events, before strife was run on it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from strife.contract import event_to_dict
from strife.evaluate.expected import load_expected, matches, nearest_miss
from strife.ingest import read_inputs
from strife.pipeline import CodedArticle, code_articles


def coded_by_id(articles: Path) -> dict[str, list[dict[str, Any]]]:
    """Coded events of each JSON-lines article, keyed by the article's ``id`` field."""
    ids = [json.loads(line)["id"] for line in articles.read_text(encoding="utf-8").splitlines()]
    coded: dict[str, list[dict[str, Any]]] = {key: [] for key in ids}
    for result in code_articles(read_inputs([str(articles)])):
        if not isinstance(result, CodedArticle):
            raise SystemExit(f"{result.source}: {result.reason}")
        line = int(result.article.source.rsplit(":", 1)[1])
        coded[ids[line - 1]] = [event_to_dict(e) for e in result.events]
    return coded


def score(
    expected: list[tuple[str, dict[str, Any]]], coded: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """Found shares, one-field failures and the misses with their nearest coded event."""
    found = [any(matches(e, c) for c in coded.get(key, [])) for key, e in expected]
    easy = [f for f, (_, e) in zip(found, expected, strict=True) if not e.get("hard")]
    only: Counter[str] = Counter()
    misses = []
    for ok, (key, e) in zip(found, expected, strict=True):
        if ok:
            continue
        event, failed = nearest_miss(e, coded.get(key, []))
        if len(failed) == 1:
            only[failed[0]] += 1
        misses.append(
            {
                "article": key,
                "expected": f"{e['event']} {e['actor']}->{e['recipient']}",
                "sentence": e["sentence_contains"],
                "failed": failed,
                "nearest": None
                if event is None
                else {
                    "event": event["event"],
                    "actor": [a["code"] for a in event["actor"]],
                    "recipient": [r["code"] for r in event["recipient"]],
                    "date": event["date"],
                    "place": (event["event_loc"] or {}).get("extracted_place"),
                },
            }
        )
    return {
        "key_events": len(found),
        "found": sum(found),
        "share": round(sum(found) / len(found), 3) if found else 0.0,
        "not_hard": len(easy),
        "not_hard_found": sum(easy),
        "fails_only_on": dict(only.most_common()),
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("expected", type=Path)
    parser.add_argument("--misses", action="store_true", help="print every missed event")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args()
    report = score(load_expected(args.expected), coded_by_id(args.articles))
    if args.format == "json":
        print(json.dumps(report, indent=1))
        return
    print(
        f"key events found: {report['found']}/{report['key_events']} ({report['share']:.3f}); "
        f"not hard: {report['not_hard_found']}/{report['not_hard']}"
    )
    print("missed on one field only:", report["fails_only_on"] or "none")
    if args.misses:
        for miss in report["misses"]:
            print(
                f"- {miss['article']}: {miss['expected']} «{miss['sentence']}» "
                f"fails {miss['failed']}; nearest {miss['nearest']}"
            )


if __name__ == "__main__":
    main()
