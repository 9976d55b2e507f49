"""Learning the verbs that head events: the ``predicates.txt`` shipped beside the typer.

For each training pair with an actor span, the sentence is parsed and the verb governing
the pair is read: the lowest common ancestor of the actor's and recipient's head tokens,
climbed up to the nearest verb (the actor's own verb when there is no recipient). Lemmas
that head at least ``min_count`` training events are kept, less verbs of saying and
auxiliary-like verbs (they head every kind of sentence, not events). ``strife code`` then
proposes an event at such a verb when the trigger lexicon knows none there, and the model
types it or turns it down (:mod:`strife.events.typer`).

Usage (``train/train_typer.py`` also writes it; this rebuilds the list alone)::

    .venv/bin/python train/predicates.py --data ../shared/data --out src/strife/data/models/typer

As for the model, pairs whose sentence is in an evaluation set (``--exclude``) are refused.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).resolve().parent))

from strife.classify.model import PREDICATES_FILE
from strife.evaluate.event_gold import GoldItem
from strife.events.references import SPEECH_LEMMAS

MIN_COUNT = 2
GENERIC_VERBS = SPEECH_LEMMAS | frozenset(
    "be have do make get go come become seem appear want need include continue try "
    "begin start know think see look use".split()
)


def learn_predicates(
    nlp: Any, items: Sequence[GoldItem], min_count: int = MIN_COUNT
) -> Counter[str]:
    """Lemma -> number of training items it heads, for lemmas heading ``min_count`` or more."""
    counts: Counter[str] = Counter()
    with_actor = [item for item in items if item.actor is not None]
    for item, doc in zip(with_actor, nlp.pipe(i.text for i in with_actor), strict=True):
        verb = governing_verb(doc, item.actor, item.recipient)
        if verb is not None:
            counts[verb.lemma_.lower()] += 1
    return Counter(
        {lemma: n for lemma, n in counts.items() if n >= min_count and lemma not in GENERIC_VERBS}
    )


def governing_verb(
    doc: Doc, actor: tuple[int, int] | None, recipient: tuple[int, int] | None
) -> Token | None:
    heads = [t for t in (_head(doc, actor), _head(doc, recipient)) if t is not None]
    if not heads:
        return None
    chains = [[t, *t.ancestors] for t in heads]
    common = next((t for t in chains[0] if all(t in chain for chain in chains[1:])), None)
    for token in [common, *common.ancestors] if common is not None else []:
        if token.pos_ == "VERB":
            return token
    return None


def _head(doc: Doc, span: tuple[int, int] | None) -> Token | None:
    if span is None:
        return None
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    return tokens.root if tokens is not None and len(tokens) else None


def write_predicates(counts: Counter[str], model_dir: Path) -> Path:
    model_dir.mkdir(parents=True, exist_ok=True)
    path = model_dir / PREDICATES_FILE
    lines = [f"{lemma}\t{n}" for lemma, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    from data import DEFAULT_EXCLUDE, exclusion_paths, plv_examples, refuse_leaks

    from strife.nlp import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    parser.add_argument(
        "--out", type=Path, default=root / "src" / "strife" / "data" / "models" / "typer"
    )
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--exclude", type=Path, nargs="*", default=DEFAULT_EXCLUDE)
    args = parser.parse_args()
    kept, refused = refuse_leaks(plv_examples(args.data), exclusion_paths(args.data, args.exclude))
    print(f"{len(kept)} training pairs ({len(refused)} refused: in an evaluation set)")
    counts = learn_predicates(load_nlp(), [e.item for e in kept], args.min_count)
    print(f"{len(counts)} predicates written to {write_predicates(counts, args.out)}")


if __name__ == "__main__":
    main()
