"""How far the suite's held-out figures move when the role ranker and the event detector
are retrained on slightly different data: the noise band a change must clear.

Usage::

    .venv/bin/python bench/retrain_spread.py [--data ../shared/data] [--seeds 5] \
        [--drop 0.02] [--part heldout|dev]

A lexicon entry or an actor word changes the candidates and mentions the two linear models
(``train/train_roles.py``, ``train/train_detector.py``) are trained on, so every such change
is measured after retraining them, and retraining alone moves sentences near their
thresholds in or out. This script retrains both ``--seeds`` times, each time leaving out a
random ``--drop`` share of their training rows (``--drop`` and ``--seed`` of the train
scripts), into a temporary folder, and scores the suite (``strife eval events --suite``)
with each pair of models, beside the shipped ones. The trained typer stays the shipped one,
and the ranker is trained on the candidates the shipped detector keeps (as ``make train``
trains it after the detector it ships with).
It prints a Markdown table of the macro averages per run, then the lowest, the median and
the highest of each measure over the retrained runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from strife.classify.model import EventTyper
from strife.classify.pairs import PairClassifier
from strife.evaluate.plover import coder_for
from strife.evaluate.splits import Part
from strife.evaluate.suite import MEASURES, macro
from strife.evaluate.suite_report import run_suite
from strife.events.detect import EventDetector
from strife.events.roles import RoleRanker

ROOT = Path(__file__).resolve().parent.parent


def train(script: str, data: Path, out: Path, drop: float, seed: int) -> None:
    """Run one train script into ``out``; its own output goes to ``out``/train.log."""
    out.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(ROOT / "train" / script), "--data", str(data)]
    command += ["--out", str(out), "--drop", str(drop), "--seed", str(seed)]
    with (out / "train.log").open("w", encoding="utf-8") as log:
        subprocess.run(command, check=True, stdout=log, stderr=subprocess.STDOUT)


def scores(data: Path, part: Part, models: Path | None) -> dict[str, float | None]:
    """The suite's macro averages with the models in ``models`` (the shipped ones: None)."""
    coder = coder_for(None, False)
    if models is not None:
        coder.events.detector = EventDetector.load(models / "detector")
        coder.events.roles = RoleRanker.load(models / "roles")
    classifier = PairClassifier(coder.nlp, coder.events.lexicon, EventTyper.load())
    found, _ = run_suite(data, None, part, coder, (classifier, False))
    return macro(found)


def row(label: str, values: dict[str, float | None]) -> str:
    cells = ["-" if values[m] is None else f"{values[m]:.3f}" for m in MEASURES]
    return f"| {label} | " + " | ".join(cells) + " |"


def summary(runs: list[dict[str, float | None]]) -> list[str]:
    """Rows of the lowest, median and highest value of each measure over ``runs``."""
    seen: dict[str, list[float]] = {
        measure: [value for run in runs if (value := run[measure]) is not None]
        for measure in MEASURES
    }
    lines = []
    for label, pick in (("lowest", min), ("median", statistics.median), ("highest", max)):
        values = {m: float(pick(seen[m])) if seen[m] else None for m in MEASURES}
        lines.append(row(label, values))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--drop", type=float, default=0.02)
    parser.add_argument("--part", choices=["heldout", "dev"], default="heldout")
    args = parser.parse_args()
    if args.seeds < 1 or not 0 < args.drop < 1:
        raise SystemExit("--seeds must be at least 1 and --drop between 0 and 1")
    part: Part = "dev" if args.part == "dev" else "heldout"
    data = args.data.resolve()
    print("| models | " + " | ".join(MEASURES) + " |")
    print("|---" * (len(MEASURES) + 1) + "|")
    print(row("shipped", scores(data, part, None)), flush=True)
    runs = []
    with tempfile.TemporaryDirectory(prefix="strife-spread-") as folder:
        for seed in range(1, args.seeds + 1):
            models = Path(folder) / f"seed{seed}"
            train("train_detector.py", data, models / "detector", args.drop, seed)
            train("train_roles.py", data, models / "roles", args.drop, seed)
            runs.append(scores(data, part, models))
            print(row(f"seed {seed}, {args.drop:.0%} left out", runs[-1]), flush=True)
    print("\n".join(summary(runs)))


if __name__ == "__main__":
    main()
