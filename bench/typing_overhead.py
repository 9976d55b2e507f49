"""What the event typer, detector and role ranker cost ``strife code``, side by side.

Usage::

    .venv/bin/python bench/typing_overhead.py [--data ../shared/data] [--repeat 3]

Three kinds of trial alternate (each in a fresh subprocess, one process, Guardian sample):

* ``spacy``: bare ``nlp.pipe`` of the same model over the article texts;
* ``rules``: ``strife code`` into a new DuckDB file with the coder of the first issue
  (types from the trigger lexicon alone: ``EventCoder.from_data(typing="rules")``);
* ``model``: ``strife code`` as shipped (the trained typer, event detector and role
  ranker), timing each one's own calls.

The report gives medians: articles per second of each, the ratio model/rules (the speed of
``strife code`` with the models against the lexicon alone), and the typer's, the
detector's and the ranker's time as shares of the spaCy time on the same texts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spacy.tokens import Span

from strife.events.arguments import Arguments
from strife.events.detect import Detector
from strife.events.roles import RoleAssigner
from strife.events.typer import Candidate, TypeChoice, TypeChooser
from strife.records import ActorRef
from throughput import GUARDIAN, load_articles, trial_spacy

KINDS = ("spacy", "rules", "model")


class TimedChooser:
    """Wraps a type chooser and adds up the seconds spent in it."""

    def __init__(self, inner: TypeChooser) -> None:
        self.inner = inner
        self.learned = inner.learned
        self.statements = inner.statements
        self.seconds = 0.0
        self.candidates = 0

    def choose(self, sent: Span, candidates: Sequence[Candidate]) -> list[TypeChoice | None]:
        start = time.perf_counter()
        chosen = self.inner.choose(sent, candidates)
        self.seconds += time.perf_counter() - start
        self.candidates += len(candidates)
        return chosen


class TimedDetector:
    """Wraps an event detector and adds up the seconds spent in it."""

    def __init__(self, inner: Detector) -> None:
        self.inner = inner
        self.seconds = 0.0

    def keep(
        self, sent: Span, candidates: Sequence[Candidate], choices: Sequence[TypeChoice]
    ) -> list[bool]:
        start = time.perf_counter()
        kept = self.inner.keep(sent, candidates, choices)
        self.seconds += time.perf_counter() - start
        return kept


class TimedRoles:
    """Wraps a role assigner and adds up the seconds spent in it."""

    def __init__(self, inner: RoleAssigner) -> None:
        self.inner = inner
        self.seconds = 0.0

    def assign(
        self,
        sent: Span,
        candidate: Candidate,
        choice: TypeChoice,
        options: Sequence[ActorRef],
    ) -> Arguments:
        start = time.perf_counter()
        args = self.inner.assign(sent, candidate, choice, options)
        self.seconds += time.perf_counter() - start
        return args


def trial_strife(path: Path, typing: str) -> dict[str, float]:
    import strife.pipeline as pipeline
    from strife.events import EventCoder
    from strife.runner import CodeOptions, run

    coder = pipeline.Coder.load()
    events = EventCoder.from_data(country_of=coder.actors.lookup_country, typing=typing)  # type: ignore[arg-type]
    timed = TimedChooser(events.chooser)
    events.chooser = timed
    detector = TimedDetector(events.detector) if events.detector is not None else None
    events.detector = detector
    roles = TimedRoles(events.roles) if events.roles is not None else None
    events.roles = roles
    coder.events = events
    pipeline.process_coder = lambda: coder  # type: ignore[assignment]  # this process's coder
    with tempfile.TemporaryDirectory() as tmp:
        options = CodeOptions(paths=[str(path)], db=Path(tmp) / "bench.duckdb", jobs=1)
        start = time.perf_counter()
        summary = run(options)
        seconds = time.perf_counter() - start
    if summary.rejected:  # a failing coder would look fast: the trial is not comparable
        first = summary.rejections[0]
        raise SystemExit(f"{typing}: {summary.rejected} articles rejected, first: {first}")
    return {
        "seconds": seconds,
        "articles": summary.coded,
        "events": summary.events,
        "typing_seconds": timed.seconds,
        "detector_seconds": detector.seconds if detector is not None else 0.0,
        "roles_seconds": roles.seconds if roles is not None else 0.0,
        "candidates": timed.candidates,
    }


def run_trial(kind: str, path: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--trial", kind, "--input", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def report(data: Path, repeat: int) -> None:
    articles = load_articles(data)
    from strife.places import Gazetteer

    Gazetteer.load()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "guardian.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        results: dict[str, list[dict[str, float]]] = {kind: [] for kind in KINDS}
        for _ in range(repeat):
            for kind in KINDS:
                results[kind].append(run_trial(kind, path))
    seconds = {
        kind: statistics.median(t["seconds"] for t in trials) for kind, trials in results.items()
    }
    rates = {kind: len(articles) / s for kind, s in seconds.items()}
    typing = statistics.median(t["typing_seconds"] for t in results["model"])
    detector = statistics.median(t["detector_seconds"] for t in results["model"])
    ranker = statistics.median(t["roles_seconds"] for t in results["model"])
    print(f"{len(articles)} articles, {repeat} trials each (medians)")
    for kind in KINDS:
        extra = ""
        if kind != "spacy":
            trial = results[kind][0]
            extra = f", {int(trial['events'])} events, {int(trial['candidates'])} candidates"
        print(f"  {kind:6s} {rates[kind]:6.2f} articles/s {seconds[kind]:7.2f} s{extra}")
    print(f"  strife code after/before (model/rules): {rates['model'] / rates['rules']:.2f}")
    print(f"  typer time {typing:.2f} s = {typing / seconds['spacy']:.1%} of the spaCy time")
    print(f"  detector time {detector:.2f} s = {detector / seconds['spacy']:.1%} of the spaCy time")
    print(f"  ranker time {ranker:.2f} s = {ranker / seconds['spacy']:.1%} of the spaCy time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--trial", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trial:
        if args.trial == "spacy":
            result = trial_spacy(args.input, 1)
        else:
            result = trial_strife(args.input, args.trial)
        print(json.dumps(result))
        return
    if not (args.data / GUARDIAN).exists():
        sys.exit(f"bench: {args.data / GUARDIAN} not found; pass --data PATH/TO/shared/data")
    report(args.data, args.repeat)


if __name__ == "__main__":
    main()
