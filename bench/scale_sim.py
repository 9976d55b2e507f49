"""A simulation of GDELT-sized input: ingest and deduplication into a store, no parsing.

Usage::

    .venv/bin/python bench/scale_sim.py --articles 1000000 --per-day 100000 [--db FILE]
        [--dup-share 0.3] [--window 7]
    .venv/bin/python bench/scale_sim.py --warc crawl.warc.gz [--window 7]

The second form only reads a WARC (``synthetic_warc.py``) and counts its near duplicates
with the window, without coding or storing.

Streams ``--articles`` synthetic articles (the templates of ``synthetic_warc.py``) over
``articles / per-day`` days: each day's stories, and wire copies of stories of the last
two days (``--dup-share`` of the articles). Each article goes through ingest
(``article_from_text``) and the run's deduplication, and the originals are stored (with no
events) in batches of 32, as ``strife code`` writes them. Every tenth of the way it prints
one JSON line: ``{"articles", "rss_mb", "peak_rss_mb", "ms_per_article",
"cpu_ms_per_article", "startup_s", "near", "db_mb"}``: the main process's resident memory
at the end of the tenth and its peak during the tenth (Linux: VmHWM, reset through
``/proc/self/clear_refs`` at the start of each tenth), the wall time and the
CPU time (this process's) per article over the last tenth, the time a new run on the store
so far takes to open it and decide its first article, the near duplicates found so far,
and the store's size. On a shared machine other processes stretch the wall time; the CPU
time shows whether the work per article grew.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_warc import START, Page, _copy, _story

if TYPE_CHECKING:
    from strife.records import Article

BATCH = 32
RECENT_DAYS = 2
SAMPLE_PER_DAY = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=10_000)
    parser.add_argument("--dup-share", type=float, default=0.3)
    parser.add_argument("--window", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--warc", type=Path, default=None, help="only count the near duplicates of this WARC"
    )
    args = parser.parse_args()
    if args.warc is not None:
        print(json.dumps(count_near(args.warc, args.window)))
        return
    if args.db is None:
        with tempfile.TemporaryDirectory(prefix="strife-scale-") as folder:
            simulate(args, Path(folder) / "scale.duckdb")
    else:
        simulate(args, args.db)


def pages(n: int, per_day: int, dup_share: float, seed: int) -> Iterator[Page]:
    """Stories day by day, and copies of stories of the last ``RECENT_DAYS`` days (drawn
    from a sample of ``SAMPLE_PER_DAY`` stories a day, so that the generator's own memory
    stays small)."""
    rng = random.Random(seed)
    recent: deque[list[Page]] = deque(maxlen=RECENT_DAYS)
    for number in range(n):
        day_number, in_day = divmod(number, per_day)
        if in_day == 0:
            recent.append([])
        day = START + timedelta(days=day_number, hours=rng.randint(0, 23))
        pool = recent[rng.randrange(len(recent))]
        if pool and rng.random() < dup_share:
            copy = _copy(rng, rng.choice(pool), number)
            yield _dated(copy, day + timedelta(minutes=rng.randint(1, 180)))
            continue
        story = _dated(_story(rng, number), day)
        today = recent[-1]
        if len(today) < SAMPLE_PER_DAY:
            today.append(story)
        else:  # reservoir sampling: each story of the day equally likely to be kept
            slot = rng.randrange(in_day + 1)
            if slot < SAMPLE_PER_DAY:
                today[slot] = story
        yield story


def _dated(page: Page, when: datetime) -> Page:
    return replace(page, published=when)


STARTUP = """
import sys, time
started = time.perf_counter()
from strife.dedupe import Deduplicator
from strife.ingest import article_from_text
from strife.store import Store
with Store.open(sys.argv[1]) as store:
    dedupe = Deduplicator.for_store(store, window=int(sys.argv[2]))
    probe = article_from_text("A new article arrives to be coded. " * 20, "probe")
    dedupe.decide(probe)
print(time.perf_counter() - started)
"""


def simulate(args: argparse.Namespace, db: Path) -> None:
    from strife.ingest import article_from_text

    def articles() -> Iterator[Article]:
        for i, page in enumerate(pages(args.articles, args.per_day, args.dup_share, args.seed)):
            text = page.headline + "\n\n" + "\n\n".join(page.paragraphs)
            yield article_from_text(
                text, f"sim:{i}", url=page.url, publication=page.outlet, published=page.published
            )

    source = articles()
    tenth = max(1, args.articles // 10)
    done = near = 0
    while done < args.articles:
        size = min(tenth, args.articles - done)
        reset_peak_rss()
        started, cpu_started = time.perf_counter(), time.process_time()
        near += run_part(db, islice(source, size), args.window)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        done += size
        report = {
            "articles": done,
            "rss_mb": round(rss_mb(), 1),
            "peak_rss_mb": round(rss_mb("VmHWM:"), 1),
            "ms_per_article": round(1000 * seconds / size, 3),
            "cpu_ms_per_article": round(1000 * cpu_seconds / size, 3),
            "startup_s": round(startup_s(db, args.window), 2),
            "near": near,
            "db_mb": round(db.stat().st_size / 2**20, 1),
        }
        print(json.dumps(report), flush=True)


def run_part(db: Path, items: Iterator[Article], window: int) -> int:
    """One run over ``items``: deduplicate, store the originals (no events); near count."""
    from strife.dedupe import Deduplicator
    from strife.records import Article
    from strife.store import Store

    with Store.open(db) as store:
        dedupe = Deduplicator.for_store(store, window=window)
        pending: list[Article] = []
        signatures: dict[str, bytes] = {}

        def flush() -> None:
            copies = []
            for article in pending:
                settled = dedupe.settle(article.id)
                if settled is not None:
                    signatures[article.id] = settled[0]
                    copies.extend(settled[1])
            copies.extend(dedupe.take_loose())
            store.save_many([(a, []) for a in pending], copies=copies, signatures=signatures)
            dedupe.written([a.id for a in pending])
            pending.clear()
            signatures.clear()

        for article in dedupe.filter(items):
            if isinstance(article, Article):
                pending.append(article)
            if len(pending) >= BATCH:
                flush()
        flush()
        return dedupe.counts.near


def count_near(warc: Path, window: int) -> dict[str, int]:
    """Deduplicate a WARC's articles (read as ``strife code`` reads them, not coded)."""
    from strife.dedupe import Deduplicator
    from strife.ingest import read_inputs
    from strife.records import Article

    dedupe = Deduplicator(window=window)
    kept = sum(isinstance(item, Article) for item in dedupe.filter(read_inputs([str(warc)])))
    return {"originals": kept, "near": dedupe.counts.near, "exact": dedupe.counts.exact}


def startup_s(db: Path, window: int) -> float:
    """Seconds a new process takes to open the store and decide its first article."""
    done = subprocess.run(
        [sys.executable, "-c", STARTUP, str(db), str(window)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def rss_mb(field: str = "VmRSS:") -> float:
    """This process's resident memory now (``VmHWM:``: its peak since the last reset), MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def reset_peak_rss() -> None:
    """Start a new peak: writing 5 to clear_refs resets VmHWM to the current RSS (Linux)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


if __name__ == "__main__":
    main()
