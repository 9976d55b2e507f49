"""Train the event typer shipped in ``src/strife/data/models/typer/``.

Usage (training dependencies: ``pip install -e '.[train]'``; CPU only, about 6 minutes
on 2 cores)::

    .venv/bin/python train/train_typer.py [--data ../shared/data] [--exclude FILE...] \\
        [--out src/strife/data/models/typer]

Every sentence of the evaluation suite's held-out part (``strife.evaluate.splits``) is
dropped from every corpus (counted by corpus), so the held-out parts stay unseen, and every
item whose sentence appears in an ``--exclude`` set (none by default) is refused and
counted. The model card beside the model states what it was built from.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import (
    DEFAULT_EXCLUDE,
    Example,
    cameo_examples,
    drop_heldout,
    exclusion_paths,
    extra_examples,
    gold_examples,
    ngec_examples,
    plv_examples,
    refuse_leaks,
)
from net import Settings, export, new_net, train
from predicates import learn_predicates, write_predicates
from tensors import encode_examples

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = _arguments()
    examples = training_set(
        args.data, args.ngec_weight, args.extra, args.ngec_per_label, args.cameo_weight
    )
    exclude = exclusion_paths(args.data, args.exclude)
    kept, refused = refuse_leaks(examples, exclude)
    kept, dropped = drop_heldout(kept)
    print(f"training items: {len(kept)} ({len(refused)} refused: in an evaluation set)")
    print(f"dropped as the suite's held-out part: {sum(dropped.values())} {dropped}")
    started = time.perf_counter()
    net = train(new_net(), encode_examples(kept), Settings(epochs=args.epochs))
    card = {
        "trained_on": _counts(kept),
        "refused": len(refused),
        "heldout_dropped": dropped,
        "excluded_sets": [p.name for p in exclude],
        "epochs": args.epochs,
        "training_seconds": round(time.perf_counter() - started),
    }
    export(net, args.out, card)
    from strife.nlp import load_nlp

    predicates = learn_predicates(load_nlp(), [e.item for e in kept])
    write_predicates(predicates, args.out)
    print(f"model and {len(predicates)} learned trigger verbs written to {args.out}")


def training_set(
    data: Path,
    ngec_weight: float,
    extra: list[Path],
    ngec_per_label: int = 6,
    cameo_weight: float = 0.0,
) -> list[Example]:
    ngec = ngec_examples(data, ngec_weight, ngec_per_label)
    cameo = cameo_examples(data, cameo_weight)
    gold = gold_examples(data)
    return [*plv_examples(data), *ngec, *cameo, *gold, *extra_examples(extra)]


def _counts(examples: list[Example]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for example in examples:
        counts[example.item.corpus] = counts.get(example.item.corpus, 0) + 1
    return counts


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--exclude", type=Path, nargs="*", default=DEFAULT_EXCLUDE)
    parser.add_argument("--extra", type=Path, nargs="*", default=[])
    parser.add_argument("--ngec-weight", type=float, default=0.5)
    parser.add_argument(
        "--ngec-per-label", type=int, default=6, help="NGEC ledes per type and mode."
    )
    parser.add_argument(
        "--cameo-weight",
        type=float,
        default=1.0,
        help="Weight of the CAMEO sentences of the suite's development part, their CAMEO "
        "class as a set-valued label (0 leaves them out; see the model card).",
    )
    parser.add_argument("--epochs", type=int, default=Settings().epochs)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "strife" / "data" / "models" / "typer"
    )
    return parser.parse_args()


if __name__ == "__main__":
    main()
