"""What geoparsing adds to coding time, on the Guardian sample.

Usage::

    .venv/bin/python bench/geo_overhead.py [--data ../shared/data] [--repeat 3]

Both runs read the 249 Guardian articles the way ``strife code`` does (``read_inputs`` on a
JSONL file) and code them with one ``Coder`` sharing one loaded spaCy model (parse, actors,
places, dates, events, claims; the store is left out, it does not depend on places):

* ``geoparser``: the full gazetteer index;
* ``no places``: a geoparser over an empty gazetteer, which finds nothing.

Trials alternate (geoparser, no places, geoparser, ...) so machine noise hits both; the
report gives medians, the overhead of geoparsing in percent of the no-places time, and the
geoparser's own time per article. Each round also parses the articles with the same spaCy
model alone (``nlp.pipe``, batches of 8), so that the geoparser's mean time per article is
given as a share of spaCy's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import GUARDIAN, SPACY_BATCH, load_articles


def make_coders() -> tuple[Any, Any, list[float], Any, Any]:
    """Two coders sharing one model: with the full geoparser (timed) and with none; the
    model; and a function that gives the first coder a newly opened gazetteer, whose memory
    of names looked up is empty (so that no trial finds the names of the one before)."""
    from strife.actors import ActorResolver
    from strife.errors import ModelError
    from strife.events import EventCoder
    from strife.nlp import load_nlp
    from strife.pipeline import Coder
    from strife.places import Gazetteer, Geoparser

    find_ms: list[float] = []

    class TimedGeoparser(Geoparser):
        def find(self, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            found = super().find(*args, **kwargs)
            find_ms.append((time.perf_counter() - start) * 1000)
            return found

    nlp = load_nlp()
    actors = ActorResolver.from_data(nlp.vocab)
    try:
        events = EventCoder.from_data(country_of=actors.lookup_country)
    except ModelError as exc:
        # Where the trained event typer is not built, the rule typer stands in: the places
        # stage costs the same either way.
        print(f"note: event typer unavailable ({exc}); events typed by rules")
        events = EventCoder.from_data(country_of=actors.lookup_country, typing="rules")
    full = Coder(nlp, actors, TimedGeoparser(Gazetteer.load()), events)
    empty = Coder(nlp, actors, Geoparser(Gazetteer.from_records([])), events)

    def reopen() -> None:
        full.geoparser = TimedGeoparser(Gazetteer.load())

    return full, empty, find_ms, nlp, reopen


def trial(coder: Any, path: Path) -> tuple[float, int]:
    from strife.ingest import read_inputs
    from strife.records import Article

    start = time.perf_counter()
    articles = [item for item in read_inputs([str(path)]) if isinstance(item, Article)]
    events = sum(len(getattr(result, "events", ())) for result in coder.code(articles))
    return time.perf_counter() - start, events


def parse_ms(nlp: Any, texts: list[str]) -> float:
    """spaCy's mean time per article, parsing ``texts`` alone."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=SPACY_BATCH):
        pass
    return (time.perf_counter() - start) * 1000 / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.data / GUARDIAN).exists():
        sys.exit(f"bench: {args.data / GUARDIAN} not found; pass --data PATH/TO/shared/data")
    articles = load_articles(args.data)
    full, empty, find_ms, nlp, reopen = make_coders()
    texts = [a["text"] for a in articles]
    spacy_ms: list[float] = []
    times: dict[str, list[float]] = {"geoparser": [], "no places": []}
    events: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "guardian.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        trial(full, path)  # warm-up: first use of every component, not measured
        find_ms.clear()
        for _ in range(args.repeat):
            reopen()
            for name, coder in (("geoparser", full), ("no places", empty)):
                took, events[name] = trial(coder, path)
                times[name].append(took)
            spacy_ms.append(parse_ms(nlp, texts))
    print(f"{len(articles)} Guardian articles, {args.repeat} alternating trials each (medians)")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        print(
            f"  {name:10s} {median:7.2f} s  {len(articles) / median:6.2f} articles/s  "
            f"{events[name]} events"
        )
    with_places, without = (statistics.median(times[k]) for k in ("geoparser", "no places"))
    print(f"  geoparsing adds {100 * (with_places - without) / without:+.1f}% to coding time")
    geo_mean, parse = statistics.fmean(find_ms), statistics.median(spacy_ms)
    print(
        f"  geoparser alone: {statistics.median(find_ms):.2f} ms per article (median), "
        f"{geo_mean:.2f} ms (mean)"
    )
    print(
        f"  spaCy alone: {parse:.1f} ms per article (mean; median of {len(spacy_ms)} rounds); "
        f"the geoparser's mean is {100 * geo_mean / parse:.1f}% of it"
    )


if __name__ == "__main__":
    main()
