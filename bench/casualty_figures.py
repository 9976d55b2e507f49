"""The casualty figures strife reads in the suite's sentences, one line per sentence.

Usage::

    .venv/bin/python bench/casualty_figures.py --data ../shared/data [--part dev|heldout]
        > figures.tsv

Every sentence of the suite's corpora (``strife.evaluate.suite``) with a word of killing,
wounding or arrest is parsed and read by :func:`strife.casualties.count_casualties`; each
line gives the dead, injured and arrested figures (``min:text``, or ``-``) and the
sentence. Run it at two checkouts and ``diff`` the outputs to see every figure a change
moves.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]
CASUALTY_WORDS = re.compile(r"\b(kill|die|dead|death|wound|injur|arrest|detain)", re.I)


def figures(texts: Iterable[str]) -> Iterator[str]:
    """One tab-separated line per text: dead, injured, arrested, the text."""
    from strife.casualties import count_casualties
    from strife.nlp import load_nlp

    texts = list(texts)
    for text, doc in zip(texts, load_nlp().pipe(texts, batch_size=64), strict=True):
        found = count_casualties(doc)
        cells = [
            "-" if count is None else f"{count.min}:{count.text}"
            for count in (found.dead, found.injured, found.arrested)
        ]
        yield "\t".join([*cells, " ".join(text.split())])


def suite_texts(data: Path, part: Literal["dev", "heldout"]) -> list[str]:
    from strife.evaluate.suite import load_corpora, select

    corpora, _ = load_corpora(data, None)
    return sorted(
        {
            item.text
            for corpus in corpora
            for item in select(corpus, part).items
            if CASUALTY_WORDS.search(item.text)
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--part", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args()
    for line in figures(suite_texts(args.data, args.part)):
        print(line)


if __name__ == "__main__":
    main()
