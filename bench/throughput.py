"""Throughput of ``strife code`` next to bare spaCy on the same articles, in one run.

Usage::

    .venv/bin/python bench/throughput.py [--data ../shared/data] [--repeat 3] [--jobs 1]

Each trial runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own:

* ``spacy``: bare ``nlp.pipe`` of the same model over the article texts;
* ``strife``: the whole coder (ingest, NLP, actors, places, dates, events, claims) writing
  into a new DuckDB file, as ``strife code articles.jsonl --db FILE`` does.

Trials alternate (spacy, strife, spacy, strife, ...) so machine noise hits both; the report
gives medians and the ratio strife/spacy of articles per second. The gazetteer index is
built before timing (it is built once per machine, not per run).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

GUARDIAN = Path("articles") / "Guardian_SDF_sample.csv.zip"


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


def trial_spacy(path: Path, jobs: int) -> dict[str, float]:
    from strife.nlp import load_nlp

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    nlp = load_nlp()
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=jobs))
    return {"seconds": time.perf_counter() - start, "articles": n}


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
    parser.add_argument("--trial", choices=["spacy", "strife"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trial:
        result = (trial_spacy if args.trial == "spacy" else trial_strife)(args.input, args.jobs)
        result["peak_rss_mb"] = _peak_rss_mb()
        print(json.dumps(result))
        return
    if not (args.data / GUARDIAN).exists():
        sys.exit(f"bench: {args.data / GUARDIAN} not found; pass --data PATH/TO/shared/data")
    report(args.data, args.repeat, args.jobs)


def report(data: Path, repeat: int, jobs: int) -> None:
    articles = load_articles(data)
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
    print(f"{len(articles)} articles, {words} words, jobs={jobs}, {repeat} trials each (medians)")
    rates = {}
    for kind, trials in results.items():
        seconds = statistics.median(t["seconds"] for t in trials)
        rss = statistics.median(t["peak_rss_mb"] for t in trials)
        rates[kind] = len(articles) / seconds
        extra = ""
        if kind == "strife":
            extra = f", {int(trials[0]['events'])} events, {int(trials[0]['rejected'])} rejected"
        print(
            f"  {kind:7s} {rates[kind]:7.2f} articles/s {words / seconds:9.0f} words/s "
            f"{seconds:7.2f} s  peak RSS {rss:6.0f} MB{extra}"
        )
    print(f"  ratio strife/spacy: {rates['strife'] / rates['spacy']:.2f}")


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


if __name__ == "__main__":
    main()
