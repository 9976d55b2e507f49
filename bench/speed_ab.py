"""Whether a change made ``strife code`` slower: this checkout against an earlier commit,
run in turn.

Usage::

    .venv/bin/python bench/speed_ab.py --base COMMIT [--data ../shared/data]
        [--articles 120] [--rounds 3] [--jobs 1]

The earlier commit is checked out into a temporary git worktree; both sides run as whole
processes (``strife code FILE --db NEW --jobs J``, this checkout's virtual environment, the
side's own ``src`` first on the import path) on the first N Guardian articles, base then
head, ``--rounds`` times. It prints each trial's seconds and events, and the median of the
round-by-round ratios head/base (below 1: the head is faster). The machine is shared, so
only ratios of trials run in turn compare; the model start-up is inside both timings.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_articles

ROOT = Path(__file__).resolve().parents[1]
STRIFE = Path(sys.executable).with_name("strife")


def trial(src: Path, articles: Path, db: Path, jobs: int) -> tuple[float, str]:
    """Seconds ``strife code`` takes with ``src`` first on the import path, and its summary
    line."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [str(STRIFE), "code", str(articles), "--db", str(db), "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    lines = (done.stderr + done.stdout).strip().splitlines()
    return seconds, lines[-1] if lines else ""


def compare(base: str, data: Path, n: int, rounds: int, jobs: int) -> list[float]:
    """Ratios head/base, one a round; prints every trial."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        tree = work / "base"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "-q", "--detach", str(tree), base], check=True)
        try:
            articles = work / "articles.jsonl"
            rows = load_articles(data)[:n]
            articles.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            ratios = []
            for number in range(1, rounds + 1):
                seconds = {}
                for side, src in (("base", tree / "src"), ("head", ROOT / "src")):
                    db = work / f"{side}{number}.duckdb"
                    seconds[side], summary = trial(src, articles, db, jobs)
                    print(f"round {number} {side}: {seconds[side]:.2f} s  {summary}", flush=True)
                ratios.append(seconds["head"] / seconds["base"])
            return ratios
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the earlier commit")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    ratios = compare(args.base, args.data, args.articles, args.rounds, args.jobs)
    pairs = ", ".join(f"{r:.3f}" for r in ratios)
    median = statistics.median(ratios)
    print(f"time head/base: median of the {len(ratios)} rounds {median:.3f} ({pairs})")


if __name__ == "__main__":
    main()
