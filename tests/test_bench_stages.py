"""The stage benchmark switches exactly the stages its rows name."""

from __future__ import annotations

from event_stages import STAGES, row, staged_coder
from strife.evaluate.suite import MEASURES


def test_each_stage_row_switches_the_detector_and_ranker_it_names() -> None:
    seen = set()
    for label, typing, detector, ranker in STAGES:
        coder = staged_coder(typing, detector, ranker)
        assert (coder.events.detector is not None) == detector, label
        assert (coder.events.roles is not None) == ranker, label
        seen.add((typing, detector, ranker))
    assert ("model", True, True) in seen and ("rules", False, False) in seen


def test_a_row_prints_every_measure_in_order() -> None:
    averages: dict[str, float | None] = dict.fromkeys(MEASURES, None)
    averages["pair_found"] = 0.7654
    line = row("shipped", averages)
    assert line.startswith("| shipped | ") and line.count("|") == len(MEASURES) + 2
    assert "0.765" in line and line.count(" - ") == len(MEASURES) - 1
