"""Kill ``strife code`` with SIGKILL at random points, resume it, compare with a clean run.

Usage::

    .venv/bin/python bench/resume_soak.py [--rounds 20] [--pages 120] [--seed 1]

A synthetic WARC (``synthetic_warc.py``: stories, 30% near duplicates, crawl noise) is
coded once cleanly. Then, for each round and for ``--jobs 1`` and ``--jobs 2``, a run into
a fresh store is killed with SIGKILL at a random moment of a clean run's duration (from
start-up to the last write), killed again at a random moment of the resumed run with
probability one half, and finally resumed to the end. Every final store must hold
exactly the clean run's articles, copies (sources), events, event groups and rejections.
Prints one line a round and a closing count; exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic_warc import make_pages, store_snapshot, write_warc

STRIFE = [sys.executable, "-m", "strife", "code"]


def code(warc: Path, db: Path, jobs: int, kill_after: float | None) -> str:
    """Run strife code; with ``kill_after`` SIGKILL it then. Returns what happened."""
    command = [*STRIFE, str(warc), "--db", str(db), "--jobs", str(jobs), "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return f"killed at {kill_after:.1f} s"
    if process.returncode not in (0, 1):
        raise SystemExit(f"soak: {' '.join(command)} exited {process.returncode}")
    return "finished"


def soak_round(warc: Path, folder: Path, jobs: int, duration: float, rng: random.Random) -> str:
    db = folder / f"round-{jobs}.duckdb"
    db.unlink(missing_ok=True)
    steps = [code(warc, db, jobs, rng.uniform(0.0, duration))]
    if rng.random() < 0.5:
        steps.append(code(warc, db, jobs, rng.uniform(0.0, duration)))
    steps.append(code(warc, db, jobs, None))
    return ", ".join(steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warc = folder / "crawl.warc.gz"
        write_warc(make_pages(args.pages, 0.3, args.seed), warc, seed=args.seed)
        clean = folder / "clean.duckdb"
        start = time.monotonic()
        code(warc, clean, 1, None)
        duration = time.monotonic() - start
        expected = store_snapshot(clean)
        sizes = ", ".join(f"{len(rows)} {name}" for name, rows in expected.items())
        print(f"clean run: {duration:.1f} s, {sizes}")
        failures = 0
        for number in range(1, args.rounds + 1):
            for jobs in (1, 2):
                what = soak_round(warc, folder, jobs, duration, rng)
                same = store_snapshot(folder / f"round-{jobs}.duckdb") == expected
                failures += not same
                print(f"round {number:2d} --jobs {jobs}: {what}: {'same' if same else 'DIFFERENT'}")
        runs = 2 * args.rounds
        print(f"{runs - failures} of {runs} killed-and-resumed runs ended with the clean store")
        if failures:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
