"""Train the role ranker shipped in ``src/strife/data/models/roles/``.

Usage (training dependencies: ``pip install -e '.[train]'``; CPU only, a few minutes)::

    .venv/bin/python train/train_roles.py [--data ../shared/data] [--own tests/gold] \\
        [--select] [--out src/strife/data/models/roles]

Material: the sentences with an actor and recipient marked in the development part
(``strife.evaluate.splits``) of every corpus of the evaluation suite (PLV pairs, PLOVER gold
records, ConfliBERT's source/target spans, strife's own gold); nothing of a held-out part is
read. Each sentence is coded by ``strife code`` with the shipped typer and event detector
and no ranker. The candidates of the gold's type (its PLV root, its type or one its CAMEO class
admits) are the gold event's; for each, every participant option of the sentence
(:func:`strife.events.roles.role_options`) is an example per role the gold marks: positive
when it overlaps the gold's span for that role, negative otherwise. A role the gold leaves
unmarked asks nothing, as in the suite's scoring (a gold set that marks one pair a sentence
leaves roles unmarked that the text fills; and the ranker cannot empty a role, only
overrule the rules' choice).

A logistic regression (``train/linear.py``) over the options' named features
(:func:`strife.events.roles.option_features`, those seen at least ``--min-count`` times) is
fitted with the regularisation and threshold of ``SETTINGS``. ``--select`` chooses them
again by 5-fold cross-validation over sentences (the mean of 5 runs with folds drawn from
seeds 13 to 17): the pair whose picks, the rules' where the ranker abstains, find the most
gold pairs out of fold, as the suite's "pair found" counts them (a gold pair is found when
one candidate of its type fills both roles right; macro average over corpora).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Span

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coding import training_coder
from linear import (
    add_subsample_arguments,
    fit,
    fold_draws,
    matrix,
    sigmoid,
    subsample,
    vocabulary,
    write_model,
)

from strife.evaluate.event_gold import GoldItem, Mention
from strife.evaluate.events import code_sentences, labeller, same_type
from strife.evaluate.suite import load_corpora, select
from strife.events.arguments import Arguments
from strife.events.roles import MODEL_FILE, ROLES, option_features
from strife.events.typer import Candidate, TypeChoice
from strife.nlp import doc_text
from strife.records import ActorRef

ROOT = Path(__file__).resolve().parents[1]
FOLDS = 5
# Cross-validations, each with its own folds, averaged: with one, the choice of C flipped
# between settings 0.001 apart after a small change to the coder.
REPEATS = 5
# (C, threshold) the ranker is fitted with unless --select chooses them again: C 0.3 and
# C 1 find the same share out of fold, and which of them wins moves with any change to
# the coder, while the two models differ on about 7% of the Guardian sample's events. The
# settings chosen at 94710de stay until the training material changes.
SETTINGS = (1.0, 0.1)
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.96, 0.05))


@dataclass(frozen=True, slots=True)
class Seen:
    """One candidate as the ranker would see it."""

    event: str
    options: tuple[ActorRef, ...]
    features: tuple[tuple[tuple[str, ...], ...], ...]  # per role, per option
    ruled: tuple[frozenset[tuple[int, int]], ...]  # per role: the rules' spans


@dataclass(frozen=True, slots=True)
class Group:
    """A gold role of a candidate: its options' features and labels, and the rules' pick."""

    corpus: str
    text: str
    item: str  # the gold pair's id
    candidate: int  # the candidate's number: its two roles' groups share it
    role: str
    rows: tuple[tuple[str, ...], ...]
    labels: tuple[int, ...]
    ruled: tuple[bool, ...]


class Recorder:
    """A role assigner that keeps the rules' roles and remembers what it was shown."""

    def __init__(self) -> None:
        self.seen: dict[str, list[Seen]] = {}

    def assign(
        self,
        sent: Span,
        candidate: Candidate,
        choice: TypeChoice,
        options: Sequence[ActorRef],
    ) -> Arguments:
        args = candidate.args
        features = tuple(
            tuple(tuple(option_features(sent, candidate, choice, o, role)) for o in options)
            for role in ROLES
        )
        ruled = tuple(
            frozenset((r.start, r.end) for r in refs) for refs in (args.actors, args.recipients)
        )
        seen = Seen(choice.event, tuple(options), features, ruled)
        self.seen.setdefault(doc_text(sent.doc), []).append(seen)
        return args


def collect(data: Path, own: Path) -> list[Group]:
    corpora, skipped = load_corpora(data, own)
    for name, reason in skipped.items():
        print(f"corpus {name} skipped: {reason}")
    coder = training_coder(detector=True)
    recorder = Recorder()
    coder.events.roles = recorder
    groups: list[Group] = []
    for corpus in corpora:
        items = [i for i in select(corpus, "dev").items if i.has_pair and i.typed]
        recorder.seen.clear()
        code_sentences([i.text for i in items], coder)
        label = labeller(items)
        for item in items:
            for seen in recorder.seen.get(item.text, ()):
                if same_type(seen.event, item, label):
                    groups += _groups(corpus.name, item, seen, len(groups))
    return groups


def _groups(corpus: str, item: GoldItem, seen: Seen, candidate: int) -> list[Group]:
    out: list[Group] = []
    for r, (role, gold) in enumerate(zip(ROLES, (item.actors, item.recipients), strict=True)):
        if not seen.options or not gold:
            continue
        labels = tuple(int(_overlaps(o, gold)) for o in seen.options)
        ruled = tuple((o.start, o.end) in seen.ruled[r] for o in seen.options)
        out.append(
            Group(corpus, item.text, item.id, candidate, role, seen.features[r], labels, ruled)
        )
    return out


def _overlaps(option: ActorRef, gold: Sequence[Mention]) -> bool:
    return any(g.overlaps(option.start, option.end) for g in gold)


def filled(groups: Sequence[Group], probs: Sequence[np.ndarray], threshold: float) -> float:
    """Macro average over corpora of the gold pairs found: one candidate whose picks (the
    rules' where no option reaches ``threshold``; ``threshold`` above 1: the rules alone)
    fill both of its marked roles right."""
    right: dict[tuple[str, str, int], list[bool]] = {}
    for group, p in zip(groups, probs, strict=True):
        right.setdefault((group.corpus, group.item, group.candidate), []).append(
            _role_right(group, p, threshold)
        )
    found: dict[tuple[str, str], bool] = {}
    for (corpus, item, _), roles in right.items():
        found[corpus, item] = found.get((corpus, item), False) or all(roles)
    by_corpus: dict[str, list[bool]] = {}
    for (corpus, _), hit in found.items():
        by_corpus.setdefault(corpus, []).append(hit)
    return float(np.mean([np.mean(v) for v in by_corpus.values()]))


def _role_right(group: Group, p: np.ndarray, threshold: float) -> bool:
    """Whether the pick for one role of one candidate is right."""
    best = int(np.argmax(p))
    if p[best] >= threshold and not group.ruled[best]:
        return bool(group.labels[best])
    return any(lab for lab, ruled in zip(group.labels, group.ruled, strict=True) if ruled)


def cross_validate(groups: list[Group], names: Sequence[str]) -> tuple[float, float]:
    """The (C, threshold) whose picks find the most gold pairs out of fold: the mean of
    ``REPEATS`` cross-validations, each with its own folds over sentences."""
    blocks = [matrix(g.rows, names) for g in groups]
    folds = fold_draws([g.text for g in groups], FOLDS, REPEATS)
    rules = filled(groups, [np.zeros(len(g.rows)) for g in groups], 2.0)
    print(f"the rules alone find {rules:.3f} of the gold pairs")
    best = (rules, C_GRID[0], 1.0)
    for c in C_GRID:
        runs = [_out_of_fold(groups, blocks, fold, c) for fold in folds]
        for t in THRESHOLDS:
            score = float(np.mean([filled(groups, probs, t) for probs in runs]))
            print(f"C={c} threshold={t}: gold pairs found {score:.3f}")
            if score > best[0]:
                best = (score, c, t)
    print(f"chosen: C={best[1]} threshold={best[2]} (out of fold {best[0]:.3f}, rules {rules:.3f})")
    return best[1], best[2]


def _out_of_fold(
    groups: list[Group], blocks: list[np.ndarray], folds: np.ndarray, c: float
) -> list[np.ndarray]:
    """Each group's option probabilities from the model fitted on the other folds."""
    probs: list[np.ndarray] = [np.zeros(0)] * len(groups)
    for k in range(FOLDS):
        train = [i for i in range(len(groups)) if folds[i] != k]
        x = np.vstack([blocks[i] for i in train])
        y = np.concatenate([groups[i].labels for i in train])
        w, b = fit(x, y, c)
        for i in np.flatnonzero(folds == k):
            probs[i] = sigmoid(blocks[i], w, b)
    return probs


def main() -> None:
    args = _arguments()
    started = time.perf_counter()
    groups = subsample(collect(args.data, args.own), args.drop, args.seed)
    counts = Counter((g.corpus, g.role) for g in groups)
    print("gold roles (corpus, role):", dict(sorted(counts.items())))
    names = vocabulary([row for g in groups for row in g.rows], args.min_count)
    c, threshold = cross_validate(groups, names) if args.select else SETTINGS
    x = np.vstack([matrix(g.rows, names) for g in groups])
    y = np.concatenate([g.labels for g in groups])
    weights, bias = fit(x, y, c)
    card = {
        "threshold": threshold,
        "C": c,
        "trained_on": {f"{corpus}:{role}": n for (corpus, role), n in sorted(counts.items())},
        "min_count": args.min_count,
        "training_seconds": round(time.perf_counter() - started),
    }
    write_model(weights, bias, names, args.out, MODEL_FILE, card, shown=12)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--own", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument(
        "--select",
        action="store_true",
        help="Choose C and threshold by cross-validation (else SETTINGS).",
    )
    add_subsample_arguments(parser, "gold roles")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "strife" / "data" / "models" / "roles"
    )
    return parser.parse_args()


if __name__ == "__main__":
    main()
