"""What each learned stage of the event coder adds, on the evaluation suite.

Usage::

    .venv/bin/python bench/event_stages.py [--data ../shared/data] [--part heldout|dev]

Runs the suite (``strife eval events --suite``, ``src/strife/evaluate/suite.py``) five times
on one part, with the coder's stages switched on in turn: the trigger lexicon and the role
rules alone (``--rules``), then the trained typer with the rules' roles and no event
detector, with the detector, with the role ranker and no detector, and as shipped. Prints a
Markdown table of the macro averages (the one in ``docs/evaluation.md``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Literal

from strife.classify.model import EventTyper
from strife.classify.pairs import PairClassifier
from strife.evaluate.plover import coder_for
from strife.evaluate.splits import Part
from strife.evaluate.suite import MEASURES, macro
from strife.evaluate.suite_report import run_suite
from strife.pipeline import Coder

# (row label, typing, detector on, ranker on)
STAGES: tuple[tuple[str, Literal["model", "rules"], bool, bool], ...] = (
    ("`--rules`: lexicon types, rules' roles, no detector", "rules", False, False),
    ("typer, rules' roles, no detector", "model", False, False),
    ("typer and detector, rules' roles", "model", True, False),
    ("typer and ranker, no detector", "model", False, True),
    ("typer, detector and ranker (shipped)", "model", True, True),
)


def staged_coder(typing: Literal["model", "rules"], detector: bool, ranker: bool) -> Coder:
    """The pipeline's coder with the event stages chosen."""
    coder: Coder = coder_for(None, typing == "rules")
    if not detector:
        coder.events.detector = None
    if not ranker:
        coder.events.roles = None
    return coder


def row(label: str, averages: dict[str, float | None]) -> str:
    cells = ["-" if averages[m] is None else f"{averages[m]:.3f}" for m in MEASURES]
    return f"| {label} | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--own", type=Path, default=None, help="strife's own gold folder.")
    parser.add_argument("--part", choices=["heldout", "dev"], default="heldout")
    args = parser.parse_args()
    part: Part = "dev" if args.part == "dev" else "heldout"
    print("| coder | " + " | ".join(MEASURES) + " |")
    print("|---" * (len(MEASURES) + 1) + "|")
    for label, typing, detector, ranker in STAGES:
        coder = staged_coder(typing, detector, ranker)
        classifier = PairClassifier(coder.nlp, coder.events.lexicon, EventTyper.load())
        scores, _ = run_suite(args.data, args.own, part, coder, (classifier, typing == "rules"))
        print(row(label, macro(scores)), flush=True)


if __name__ == "__main__":
    main()
