"""Two checkouts' geoparsers side by side in one process, article by article.

Usage::

    .venv/bin/python bench/geo_ab.py --base /path/to/old/src --new src \
        [--data ../shared/data] [--rounds 6] [--articles 249] [--list-differences 40]

Timings taken in two processes in turn drift with whatever else the machine runs; here
both checkouts' ``strife.places`` are imported into one process (each from its own
``src`` folder), the Guardian articles are parsed once (with the new checkout's model and
actors, whose countries are the hints the pipeline gives), and every round times
``Geoparser.find`` on each article for both checkouts in alternating order, after both
have read every article once (their memories of names looked up are warm). It checks that
both give the same place mentions (by ``repr``; ``--allow-differences`` times them all the
same and says in how many articles they differ) and prints, per round, the mean
milliseconds per article of each and the ratio new/base, then the medians.
``--list-differences N`` (implies ``--allow-differences``) first prints the N commonest
differences, each a place mention (the words and the place they resolve to) that only one
checkout gives, with "-" for the base's and "+" for the new one's and how many times it
occurs; ``--rounds 0`` then skips the timing.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_articles


def import_strife(src: Path) -> ModuleType:
    """``strife`` (with ``strife.places``) imported from ``src``, whatever was imported
    before: the modules of the other checkout are dropped from ``sys.modules`` first, and
    the objects already built keep their own."""
    for name in [n for n in sys.modules if n == "strife" or n.startswith("strife.")]:
        del sys.modules[name]
    sys.path.insert(0, str(src))
    try:
        import strife
        import strife.places
    finally:
        sys.path.remove(str(src))
    if not str(Path(strife.__file__).resolve()).startswith(str(src.resolve())):
        raise SystemExit(f"strife was not imported from {src}: {strife.__file__}")
    return strife


def one_round(pair: list[Any], docs: list[tuple[Any, tuple[str, ...]]], first: int) -> list[float]:
    """Seconds each geoparser of ``pair`` spends on ``docs``, the two taken in turn."""
    spent = [0.0, 0.0]
    clock = time.perf_counter
    for index, (doc, hints) in enumerate(docs):
        order = (0, 1) if (index + first) % 2 == 0 else (1, 0)
        for side in order:
            start = clock()
            pair[side].find(doc, hints)
            spent[side] += clock() - start
    return spent


def _differences(found: list[tuple[Any, Any]]) -> collections.Counter[tuple[str, str, str]]:
    """Each place mention (its first token, words and resolved place) only one side gives,
    counted by sign, words and place."""
    counts: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for old, now in found:
        before = {(m.token_start, m.place.extracted_place, m.place.resolved_place) for m in old}
        after = {(m.token_start, m.place.extracted_place, m.place.resolved_place) for m in now}
        counts.update(("-", words, place) for _, words, place in before - after)
        counts.update(("+", words, place) for _, words, place in after - before)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="The old checkout's src.")
    parser.add_argument("--new", type=Path, default=Path("src"), help="The new one's src.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument(
        "--allow-differences",
        action="store_true",
        help="Time the two even where they find different places (say in how many articles).",
    )
    parser.add_argument(
        "--list-differences",
        type=int,
        default=0,
        metavar="N",
        help="Print the N commonest place mentions that only one checkout gives.",
    )
    args = parser.parse_args()
    base = import_strife(args.base)
    base_geo = base.places.Geoparser(base.places.Gazetteer.load())
    new = import_strife(args.new)
    new_geo = new.places.Geoparser(new.places.Gazetteer.load())
    from strife.actors import ActorResolver
    from strife.nlp import load_nlp

    nlp = load_nlp()
    actors = ActorResolver.from_data(nlp.vocab)
    texts = [row["text"] for row in load_articles(args.data)][: args.articles]
    docs = []
    for doc in nlp.pipe(texts, batch_size=8):
        hints = tuple(dict.fromkeys(m.ref.code for m in actors.find(doc) if m.ref.code))
        docs.append((doc, hints))
    found = [(base_geo.find(d, h), new_geo.find(d, h)) for d, h in docs]
    differ = sum(repr(old) != repr(now) for old, now in found)
    if differ and not (args.allow_differences or args.list_differences):
        raise SystemExit(f"the two checkouts find different places in {differ} articles")
    print(f"{len(docs)} articles, different place mentions in {differ} of them")
    if args.list_differences:
        for (sign, words, place), count in _differences(found).most_common(args.list_differences):
            print(f"{count:5d} {sign} {words!r} -> {place!r}")
    base_ms, new_ms, ratios = [], [], []
    for number in range(args.rounds):
        spent = one_round([base_geo, new_geo], docs, number)
        base_ms.append(spent[0] * 1000 / len(docs))
        new_ms.append(spent[1] * 1000 / len(docs))
        ratios.append(spent[1] / spent[0])
        print(
            f"round {number + 1}: base {base_ms[-1]:.2f} ms, new {new_ms[-1]:.2f} ms per "
            f"article, ratio {ratios[-1]:.3f}",
            flush=True,
        )
    if not ratios:
        return
    print(
        f"median: base {statistics.median(base_ms):.2f} ms, new "
        f"{statistics.median(new_ms):.2f} ms, ratio {statistics.median(ratios):.3f}"
    )


if __name__ == "__main__":
    main()
