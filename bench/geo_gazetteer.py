"""The gazetteer's cost: building the index, its size on disk, opening it and the memory it
adds to a process that geoparses.

Usage::

    .venv/bin/python bench/geo_gazetteer.py [--repeat 5] [--no-build]

* build: one build of the index into a fresh cache folder (what the first use on a new
  machine pays), its time and the peak memory of the building process;
* open: in a fresh process each trial, the time ``Gazetteer.load()`` takes on the built
  index, and the resident memory it adds once 2,000 names have been looked up (the pages
  a geoparsing process touches), against the same process before opening.

Every figure is the median of ``--repeat`` trials, each in its own process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Names looked up in the open trials: common place words and their spellings.
LOOKUPS = 2000


def resident_mb() -> float:
    """Current resident set size of this process (not the peak)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def trial_open() -> dict[str, float]:
    import strife.places.gazetteer as gazetteer_module

    before = resident_mb()
    start = time.perf_counter()
    gazetteer = gazetteer_module.Gazetteer.load()
    opened = time.perf_counter() - start
    keys = [f"{word}{suffix}" for word in _WORDS for suffix in ("", "s", "a", "on", "ia")]
    gazetteer.lookup(keys[:LOOKUPS])
    return {"open_s": opened, "added_mb": resident_mb() - before}


def trial_build(cache: Path) -> dict[str, float]:
    from strife.places import Gazetteer

    start = time.perf_counter()
    gazetteer = Gazetteer.load(cache)
    seconds = time.perf_counter() - start
    path = gazetteer.path
    size = path.stat().st_size / 2**20 if path is not None else 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"build_s": seconds, "disk_mb": size, "peak_rss_mb": peak, "entries": len(gazetteer)}


def run_trial(*extra: str) -> dict[str, float]:
    command = [sys.executable, __file__, *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-build", action="store_true", help="skip the build trial")
    parser.add_argument("--trial", choices=["open", "build"], help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trial == "open":
        print(json.dumps(trial_open()))
        return
    if args.trial == "build":
        print(json.dumps(trial_build(args.cache)))
        return
    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            built = run_trial("--trial", "build", "--cache", tmp)
        print(
            f"build: {built['build_s']:.1f} s, {int(built['entries'])} entries, "
            f"{built['disk_mb']:.0f} MB on disk, "
            f"peak RSS of the build {built['peak_rss_mb']:.0f} MB"
        )
    run_trial("--trial", "open")  # make sure the default index exists before timing
    trials = [run_trial("--trial", "open") for _ in range(args.repeat)]
    print(
        f"open ({args.repeat} fresh processes, medians): "
        f"{statistics.median(t['open_s'] for t in trials) * 1000:.0f} ms to open, "
        f"{statistics.median(t['added_mb'] for t in trials):.1f} MB resident memory added "
        f"after {LOOKUPS} lookups"
    )


_WORDS = (
    "london paris edmonton geneva baku yerevan shushi terter aghdam aleppo idlib damascus "
    "kyiv donetsk luhansk kherson moscow ankara istanbul cairo gaza kabul kandahar herat "
    "mosul basra baghdad tehran sanaa aden tripoli benghazi khartoum juba mogadishu goma "
    "kinshasa lagos abuja maiduguri bamako niamey ouagadougou kentucky texas alberta ontario "
    "quebec queensland victoria georgia jordan washington springfield portland richmond "
    "columbia kingston hamilton windsor cambridge oxford manchester birmingham glasgow "
    "dublin belfast berlin munich hamburg vienna rome milan naples madrid barcelona lisbon "
    "warsaw krakow prague budapest bucharest sofia athens belgrade sarajevo zagreb tirana "
    "skopje pristina minsk riga vilnius tallinn helsinki oslo stockholm copenhagen "
    "amsterdam brussels bern zurich lyon marseille nice toulouse bordeaux lille nantes"
).split()


if __name__ == "__main__":
    main()
