"""Key events a careful human expects from an article, and whether a coded event is one.

An expectation file holds either one article, ``{"published": ..., "events": [...]}``, or
several keyed by article id, ``{"ID": {"published": ..., "events": [...]}, ...}``. The
fields of an expected event are documented in ``examples/README.md``; ``matches`` checks a
coded event (as ``strife.contract.event_to_dict`` writes it) against every field the
expectation sets, and ``failed_checks`` names the fields it gets wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

Expected = dict[str, Any]
Coded = dict[str, Any]


def load_expected(path: Path) -> list[tuple[str, Expected]]:
    """(article key, expected event) pairs of one file; a keyed file's keys are its ids."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "events" in data:
        return [(path.stem, event) for event in data["events"]]
    return [(key, event) for key, article in data.items() for event in article["events"]]


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r["code"]}


def _place_names(event: Coded) -> str:
    loc = event["event_loc"] or {}
    return f"{loc.get('extracted_place', '')} {loc.get('resolved_place', '')}".lower()


def failed_checks(expected: Expected, event: Coded) -> list[str]:
    """The fields of ``expected`` that ``event`` gets wrong, in a fixed order."""
    checks: list[tuple[str, bool]] = [
        ("sentence", expected["sentence_contains"] in event["text"]),
        ("event", event["event"] == expected["event"]),
        ("actor", set(expected["actor"]) <= _codes(event["actor"])),
        ("recipient", set(expected["recipient"]) <= _codes(event["recipient"])),
        ("mode", expected["mode"] is None or event["mode"] == expected["mode"]),
        ("date", expected["date"] is None or event["date"] == expected["date"]),
        ("aux", expected.get("aux") == event["aux"]),
    ]
    if expected.get("actor_sector"):
        sectors = {a["sector"] for a in event["actor"]}
        checks.append(("actor_sector", expected["actor_sector"] in sectors))
    if expected.get("place"):
        checks.append(("place", expected["place"].lower() in _place_names(event)))
    for stance, key in (("asserts", "asserted_by"), ("denies", "denied_by")):
        if expected.get(key):
            claims = event["claims"]
            checks.append(
                (key, any(c["stance"] == stance and c["code"] == expected[key] for c in claims))
            )
    for kind, value in (expected.get("size") or {}).items():
        checks.append((f"size.{kind}", (event["size"][kind] or {}).get("min") == value))
    return [name for name, ok in checks if not ok]


def matches(expected: Expected, event: Coded) -> bool:
    """Whether a coded event is the expected one, on every field the expectation sets."""
    return not failed_checks(expected, event)


def nearest_miss(expected: Expected, events: list[Coded]) -> tuple[Coded | None, list[str]]:
    """The event of the expected sentence that fails the fewest checks, and those checks.

    ``(None, ["sentence"])`` when nothing was coded on that sentence.
    """
    near = [e for e in events if expected["sentence_contains"] in e["text"]]
    if not near:
        return None, ["sentence"]
    scored = [(failed_checks(expected, e), e) for e in near]
    failed, event = min(scored, key=lambda pair: len(pair[0]))
    return event, failed
