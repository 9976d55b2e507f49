"""Latency of ``strife serve`` on a generated 100k-event store, over loopback, in one run.

Usage::

    .venv/bin/python bench/api_latency.py [--events 100000] [--repeat 30] [--db FILE]

It generates a store (``bench/api_store.py``; reused when ``--db`` names an existing file),
starts ``strife serve`` as a real subprocess on 127.0.0.1, and times each request with an
HTTP client on one keep-alive connection. Rounds alternate over every query (filtered
``/api/events`` pages, ``/api/stats`` aggregations, and ``/api/health`` as the baseline: the
cost of the server and loopback alone), after one warm-up round that is not counted. The
report gives the median and 90th percentile of each, and the medians against the targets
(events < 200 ms, stats < 500 ms). The server is stopped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
import httpx

from api_store import generate

EVENTS_TARGET_MS = 200
STATS_TARGET_MS = 500
QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("baseline: health", "/api/health", {}),
    ("events: type", "/api/events", {"event": "ASSAULT"}),
    ("events: type + dates", "/api/events", {"event": "ASSAULT", "since": "2022-01-01",
                                              "until": "2022-06-30"}),
    ("events: country", "/api/events", {"country": "UKR"}),
    ("events: actor sector + recipient", "/api/events", {"actor_sector": "MIL",
                                                          "recipient_country": "RUS"}),
    ("events: bounding box", "/api/events", {"bbox": "30,40,50,60"}),
    ("events: text search", "/api/events", {"q": "withdrew"}),
    ("events: contested, by dead", "/api/events", {"contested": "true", "sort": "-dead"}),
    ("events: place name", "/api/events", {"place": "kharkiv"}),
    ("events: combined", "/api/events", {"event": ["ASSAULT", "COERCE"], "country": "SYR",
                                          "since": "2022-01-01", "q": "said",
                                          "sort": "-confidence"}),
    ("events: page 51 of 100", "/api/events", {"quad": 4, "offset": 5000, "limit": 100}),
    ("events: 500 per page", "/api/events", {"quad": 4, "limit": 500}),
    ("events: 500 as CSV", "/api/events", {"event": "PROTEST", "limit": 500, "format": "csv"}),
    ("stats: everything", "/api/stats", {}),
    ("stats: type", "/api/stats", {"event": "ASSAULT"}),
    ("stats: country + dates", "/api/stats", {"country": "UKR", "since": "2022-01-01"}),
    ("stats: text search", "/api/stats", {"q": "baku"}),
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> tuple[subprocess.Popen[bytes], float]:
    """``strife serve`` on ``db``; returns the process and the seconds until it answered."""
    env = {key: value for key, value in os.environ.items() if key != "STRIFE_TOKEN"}
    command = [sys.executable, "-m", "strife", "serve", "--db", str(db), "--port", str(port)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"strife serve exited with status {process.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).raise_for_status()
            return process, time.perf_counter() - start
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("strife serve did not answer within 120 s")


def one_round(client: httpx.Client, timings: dict[str, list[float]] | None) -> None:
    for name, path, params in QUERIES:
        start = time.perf_counter()
        response = client.get(path, params=params)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code} {response.text[:200]}")
        if timings is not None:
            timings[name].append(elapsed)


def measure(port: int, repeat: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {name: [] for name, _, _ in QUERIES}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        one_round(client, None)  # warm-up: first use of each code path
        for _ in range(repeat):
            one_round(client, timings)
    return timings


def report(timings: dict[str, list[float]], events: int, startup_s: float) -> None:
    print(f"store: {events:,} events; server answered {startup_s:.1f} s after start")
    print(f"{'request':36} {'median ms':>10} {'p90 ms':>8}")
    for name, values in timings.items():
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
        print(f"{name:36} {statistics.median(values):10.1f} {p90:8.1f}")
    for kind, target in (("events", EVENTS_TARGET_MS), ("stats", STATS_TARGET_MS)):
        medians = [statistics.median(v) for k, v in timings.items() if k.startswith(kind)]
        verdict = "within" if max(medians) < target else "OVER"
        print(f"{kind}: slowest median {max(medians):.1f} ms ({verdict} the {target} ms target)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30, help="counted rounds")
    parser.add_argument("--db", type=Path, help="store to use (generated if missing)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            start = time.perf_counter()
            generate(db, args.events)
            print(f"generated {db} in {time.perf_counter() - start:.1f} s")
        port = free_port()
        process, startup_s = start_server(db, port)
        try:
            timings = measure(port, args.repeat)
        finally:
            process.terminate()
            process.wait(timeout=30)
        report(timings, _count(db), startup_s)


def _count(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as conn:
        row = conn.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0


if __name__ == "__main__":
    main()
