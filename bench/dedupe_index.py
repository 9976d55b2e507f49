"""Cost of near-duplicate detection: signatures, the LSH index's memory and its speed.

Usage::

    .venv/bin/python bench/dedupe_index.py [--articles 50000] [--repeat 3]

* signature: MinHash signatures of synthetic articles (``synthetic_warc.py``, about 240
  words each) per second;
* index: building the in-memory MinHash LSH index (what a run holds for the articles it has
  taken and not yet stored, and for all of them when it has no store), per article: time,
  and memory (tracemalloc, the index's own allocations);
* match: looking an article up in an index of that size, per second.

Medians of ``--repeat`` trials.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import numpy as np

from strife.dedupe.index import NearDuplicateIndex
from strife.dedupe.minhash import NUM_PERM, signature
from synthetic_warc import make_pages


def signatures_per_second(n: int) -> float:
    texts = ["\n\n".join(page.paragraphs) for page in make_pages(n, 0.0, seed=3)]
    start = time.perf_counter()
    for text in texts:
        signature(text)
    return n / (time.perf_counter() - start)


def index_trial(n: int, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, 2**32, size=(n, NUM_PERM), dtype=np.uint32)
    tracemalloc.start()
    start = time.perf_counter()
    index = NearDuplicateIndex.from_signatures((str(i), row) for i, row in enumerate(rows))
    build = time.perf_counter() - start
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    probes = rng.integers(0, 2**32, size=(2000, NUM_PERM), dtype=np.uint32)
    start = time.perf_counter()
    for probe in probes:
        index.match(probe)
    matching = len(probes) / (time.perf_counter() - start)
    return {"build_ms": build / n * 1000, "kb": memory / n / 1024, "match_per_s": matching}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rate = statistics.median(signatures_per_second(500) for _ in range(args.repeat))
    trials = [index_trial(args.articles, seed) for seed in range(args.repeat)]
    build = statistics.median(t["build_ms"] for t in trials)
    memory = statistics.median(t["kb"] for t in trials)
    matching = statistics.median(t["match_per_s"] for t in trials)
    print(f"signatures: {rate:,.0f} articles/s (about 240 words each)")
    print(f"index of {args.articles:,} articles: {build:.3f} ms and {memory:.2f} kB per article")
    print(f"match against it: {matching:,.0f} lookups/s")


if __name__ == "__main__":
    main()
