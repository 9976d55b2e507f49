"""bench/guardian_events.py: judged events of long-form articles, looked up in a new coding."""

from __future__ import annotations

from typing import Any

from guardian_events import JUDGED, read_jsonl, score


def judgment(start: int, event: str, ok: bool, **extra: Any) -> dict[str, Any]:
    row = {
        "article_id": "a1", "event_start": start, "event_end": start + 5, "event": event,
        "aux": None, "part": "heldout", "event_ok": ok, "type_alt": None,
        "actor_ok": ok, "recipient_ok": ok,
    }  # fmt: skip
    return {**row, **extra}


def coded(start: int, event: str, aux: str | None = None, article: str = "a1") -> dict[str, Any]:
    return {
        "article_id": article,
        "event_start": start,
        "event_end": start + 5,
        "event": event,
        "aux": aux,
    }


def test_each_judged_event_is_kept_marked_retyped_or_dropped() -> None:
    judged = [
        judgment(10, "ASSAULT", True),
        judgment(20, "THREATEN", False),
        judgment(30, "AGREE", False, type_alt="CONCEDE"),
        judgment(40, "ASSAULT", False),
        judgment(50, "PROTEST", True, actor_ok=False),
        judgment(60, "COERCE", True, part="dev"),
    ]
    now = [
        coded(10, "ASSAULT"),
        coded(20, "THREATEN", aux="hypothetical"),
        coded(30, "CONCEDE"),
        coded(50, "PROTEST", aux="future"),  # still a fact
        coded(70, "ACCUSE"),
        coded(80, "ACCUSE", article="other"),
    ]
    report = score(judged, now, "heldout")
    assert report["judged"] == 5 and report["judged_events"] == 2
    assert (report["kept_event"], report["kept_not_event"]) == (2, 0)
    assert (report["precision"], report["complete"]) == (1.0, 0.5)
    assert (report["remarked_event"], report["remarked_not_event"]) == (0, 1)
    assert (report["retyped_not_event"], report["retyped_as_judged"]) == (1, 1)
    assert (report["dropped_event"], report["dropped_not_event"]) == (0, 1)
    # The new ACCUSE and the CONCEDE retyped from a judged AGREE; not the other article's.
    assert report["unjudged"] == 2
    assert score(judged, now, "all")["judged"] == 6


def test_nothing_kept_gives_no_precision() -> None:
    report = score([judgment(10, "ASSAULT", True)], [], "heldout")
    assert report["precision"] is None and report["dropped_event"] == 1


def test_the_shipped_judgments_name_their_events_and_parts() -> None:
    from strife.evaluate.splits import part_of

    judged = read_jsonl(JUDGED)
    assert len(judged) == 720
    assert sum(j["part"] == "heldout" for j in judged) == 99
    assert {j["part"] for j in judged} == {"dev", "heldout"}
    assert all(j["part"] == part_of(j["article_id"]) for j in judged)
    assert all(not j["event_ok"] or j["type_alt"] is None for j in judged)
    keys = {(j["article_id"], j["event_start"], j["event_end"], j["event"]) for j in judged}
    assert len(keys) == len(judged)


def test_the_guide_ships_beside_the_judgments() -> None:
    guide = (JUDGED.parent / "GUIDE.md").read_text(encoding="utf-8")
    assert all(f'"{field}"' in guide for field in ("event_ok", "actor_ok", "recipient_ok"))
