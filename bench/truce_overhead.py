"""What keeping truce records adds to coding time, on the Guardian sample.

Usage::

    .venv/bin/python bench/truce_overhead.py [--data ../shared/data] [--repeat 3]

The 249 Guardian articles are coded once in this process (parse, actors, places, dates,
events: the coding time). Then the coded articles are derived into truce records again and
again — each article's truce mentions read from its text and events, and the truces of the
wars they touch rebuilt in a store holding them, in batches of 32 as ``strife code`` writes
— alternating with a trial that only saves the articles (A B A B ...). The report gives the
median coding time, the median extra store time of the truce upkeep, and its share of the
coding time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import GUARDIAN, load_articles

if TYPE_CHECKING:
    from strife.records import Article, Event

BATCH = 32


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.data / GUARDIAN).exists():
        sys.exit(f"bench: {args.data / GUARDIAN} not found; pass --data PATH/TO/shared/data")
    report(args.data, args.repeat)


def report(data: Path, repeat: int) -> None:
    from strife.ingest import article_from_text
    from strife.pipeline import CodedArticle, Coder

    rows = load_articles(data)
    articles = [
        article_from_text(row["text"], f"guardian:{i}", publication=row.get("publication"))
        for i, row in enumerate(rows)
    ]
    coder = Coder.load()
    started = time.perf_counter()
    coded = [r for r in coder.code(articles) if isinstance(r, CodedArticle)]
    coding = time.perf_counter() - started
    items = [(c.article, c.events) for c in coded]
    with_truces: list[float] = []
    without: list[float] = []
    for _ in range(repeat):
        with_truces.append(_store_time(items, truces=True))
        without.append(_store_time(items, truces=False))
    extra = [a - b for a, b in zip(with_truces, without, strict=True)]
    print(f"articles coded: {len(items)}; coding: {coding:.1f} s")
    print(f"store with truce upkeep: median {statistics.median(with_truces):.2f} s")
    print(f"store without:           median {statistics.median(without):.2f} s")
    share = 100 * statistics.median(extra) / coding
    print(f"truce upkeep: median {statistics.median(extra):.2f} s = {share:.2f}% of coding time")


def _store_time(items: list[tuple[Article, tuple[Event, ...]]], *, truces: bool) -> float:
    import strife.store.core as core
    from strife.store import Store

    # The store's module calls the upkeep by this name; switched off, nothing is upkept.
    original = getattr(core, "refresh_truces")  # noqa: B009
    if not truces:
        setattr(core, "refresh_truces", lambda conn, batch: None)  # noqa: B010
    try:
        started = time.perf_counter()
        with Store.open(":memory:") as store:
            for i in range(0, len(items), BATCH):
                store.save_many(items[i : i + BATCH])
        return time.perf_counter() - started
    finally:
        setattr(core, "refresh_truces", original)  # noqa: B010


if __name__ == "__main__":
    main()
