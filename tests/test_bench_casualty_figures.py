"""bench/casualty_figures.py: one line of figures per sentence, read by the real parser."""

from __future__ import annotations

from casualty_figures import figures


def test_each_sentence_gives_its_dead_injured_and_arrested() -> None:
    lines = list(
        figures(
            [
                "A car bomb killed nine civilians on Wednesday.",
                "Police arrested dozens of protesters.",
            ]
        )
    )
    assert lines[0].split("\t")[:3] == ["9:nine", "-", "-"]
    assert lines[1].split("\t")[:3] == ["-", "-", "24:dozens"]
    assert lines[1].endswith("Police arrested dozens of protesters.")
