"""Train the event detector shipped in ``src/strife/data/models/detector/``.

Usage (training dependencies: ``pip install -e '.[train]'``; CPU only, a few minutes)::

    .venv/bin/python train/train_detector.py [--data ../shared/data] [--own tests/gold] \\
        [--select] [--out src/strife/data/models/detector]

Material: the development part (``strife.evaluate.splits``) of every corpus of the
evaluation suite; nothing of a held-out part is read. Each sentence is coded by ``strife
code`` with the shipped typer and no detector, and every typed candidate is labelled:

* every candidate of a sentence of strife's own that reports no event is negative, and so
  is every verbal candidate (PLOVER quad 1 or 3) of a ConfliBERT class-0 sentence whose
  type the class does not admit (``cameo.CLASS_TYPES``: class 0 holds CAMEO's statements
  and appeals, and PLOVER 2.0 codes an appeal as REQUEST): the class says the sentence's
  act is a statement, not that the attack it condemns did not happen (material candidates
  are not used);
* a candidate of a no-event sentence that the coder marks negated or hypothetical ("is
  considering sending aid") is not used: it is not coded as a fact, which is what the
  suite asks of such sentences;
* a candidate one of whose events has the gold actor and recipient (or, for a CAMEO
  sentence without spans, a type its class admits) is positive;
* other candidates of event sentences are not used (a gold set marks one event a sentence,
  so they may be events it did not mark).

A logistic regression (scikit-learn, L2, classes balanced) over the candidates' named
features (:func:`strife.events.detect.candidate_features`, those seen at least
``--min-count`` times) and the sentence's mean word-piece embedding times a scale
(``wordpieces``) is fitted with the regularisation, scale and threshold of ``SETTINGS``.
``--select`` chooses them again by cross-validation over sentences (5 folds, the mean of 5
runs with folds drawn from seeds 13 to 17): the combination that gives an event to the
fewest no-event sentences while keeping at least ``--min-kept`` of the gold events (macro
averages over corpora, out of fold). It is written as ONNX (MatMul, Add, Sigmoid)
with the feature names and threshold; the weights on the embedding fold into one score per
word piece (``wordpieces.npy``), read as the feature ``sentence_words``.
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
from data import UNSPLIT, ngec_examples
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
from wordpieces import mean_embeddings, piece_embeddings, piece_scores

from strife.evaluate.cameo import CORPUS, class_admits
from strife.evaluate.event_gold import NO_EVENT, GoldItem
from strife.evaluate.events import Coded, code_sentences, roles_match
from strife.evaluate.suite import Corpus, load_corpora, select
from strife.events.detect import MODEL_FILE, SENTENCE_WORDS, WORDS_FILE, candidate_features
from strife.events.typer import Candidate, TypeChoice
from strife.nlp import doc_text
from strife.records import Event

ROOT = Path(__file__).resolve().parents[1]
FOLDS = 5
# Cross-validations, each with its own folds, averaged: one alone let a sentence or two
# decide between settings, and three still flipped the choice after a small change to the
# coder (the best settings kept 98.0% of the gold events, at the bound).
REPEATS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0)
# How much the sentence's mean word-piece embedding counts beside the binary features
# (0: not at all): the larger, the less its weights are held back.
WORD_SCALES = (0.0, 4.0, 8.0, 16.0)
# Steps of 0.01: with steps of 0.05 each setting's best threshold, and with it the
# setting chosen, jumped when a change to the coder moved one or two sentences across the
# bound (the shipped settings kept 97.99% out of fold after a change to event places).
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.901, 0.01))
# (C, word scale, threshold) the model is fitted with unless --select chooses them again.
# The selection sits at its bound (about 98.0% of the gold events kept) where the share
# kept barely moves with the threshold: a change to the coder that alters two training
# candidates moved the threshold it chose from 0.41 to 0.38, and at 0.38 the Guardian
# sample got 70 more events, most of them no event. So the settings stay until the
# training material itself changes; then rerun --select and write its choice here. These
# were chosen on 2026-12-06, when strife's own gold grew from 249 to 489 sentences (at
# 94710de they were C 1, words x8, threshold 0.40).
SETTINGS = (1.0, 4.0, 0.41)


@dataclass(frozen=True, slots=True)
class Sample:
    corpus: str
    text: str
    features: tuple[str, ...]
    label: int  # 1 event, 0 not an event
    sentence: str = ""  # the parsed sentence the candidate is in (its words are read)


class Recorder:
    """A detector that keeps everything and remembers each candidate's features and the
    sentence it is in."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, int], tuple[tuple[str, ...], str]] = {}

    def keep(
        self,
        sent: Span,
        candidates: Sequence[Candidate],
        choices: Sequence[TypeChoice],
    ) -> list[bool]:
        text = doc_text(sent.doc)
        for candidate, choice in zip(candidates, choices, strict=True):
            start = sent.doc[candidate.trigger.token_start].idx
            features = tuple(candidate_features(sent, candidate, choice))
            self.seen[(text, start)] = (features, sent.text)
        return [True] * len(candidates)


def collect(data: Path, own: Path, ngec_per_label: int) -> list[Sample]:
    corpora, skipped = load_corpora(data, own)
    for name, reason in skipped.items():
        print(f"corpus {name} skipped: {reason}")
    parts = [select(corpus, "dev") for corpus in corpora]
    if ngec_per_label:
        ledes = [e.item for e in ngec_examples(data, 1.0, ngec_per_label)]
        parts.append(Corpus("ngec", tuple(ledes)))
    coder = training_coder(detector=False)
    recorder = Recorder()
    coder.events.detector = recorder
    samples: list[Sample] = []
    for corpus in parts:
        items = corpus.items
        coded = code_sentences([i.text for i in items], coder)
        by_text: dict[str, list[GoldItem]] = {}
        for item in items:
            by_text.setdefault(item.text, []).append(item)
        for text, golds in by_text.items():
            samples += _label(corpus.name, text, golds, coded[text], recorder)
    return samples


def _label(
    corpus: str, text: str, golds: list[GoldItem], events: Sequence[Event], recorder: Recorder
) -> list[Sample]:
    none = all(g.no_event for g in golds)
    out: list[Sample] = []
    for (seen_text, start), (features, sentence) in recorder.seen.items():
        if seen_text != text:
            continue
        own = [e for e in events if e.event_start == start]
        if none and corpus == CORPUS and not _statement_like(features):
            continue  # not what CAMEO's statement class judges (module notes)
        if none and own and all(not Coded.of(e).fact for e in own):
            continue  # marked negated or hypothetical: not coded as a fact already
        if none:
            label = 0
        elif any(_matches(e, g) for e in own for g in golds):
            label = 1
        else:
            continue
        out.append(Sample(corpus, text, features, label, sentence))
    return out


def _statement_like(features: Sequence[str]) -> bool:
    """A candidate of a type CAMEO's class 0 does not admit that is verbal (PLOVER quad 1
    or 3) or named by a noun ("condolences after the attack", "claimed responsibility for
    the attack"): what that class says is no event. A material act told by a verb may be
    what the statement reports ("said rebels attacked Kyiv"), which the claims stage codes
    with its claim."""
    quads = {f.removeprefix("quad=") for f in features if f.startswith("quad=")}
    types = {f.removeprefix("type=") for f in features if f.startswith("type=")}
    nominal = any(f in ("pos=NOUN", "pos=PROPN") for f in features)
    admitted = any(class_admits(NO_EVENT, t) for t in types)
    return (nominal or quads <= {"1", "3"}) and not admitted


def _matches(event: Event, gold: GoldItem) -> bool:
    if gold.has_pair:
        return roles_match(Coded.of(event), gold)
    if gold.event:
        return event.event == gold.event
    return gold.typed and class_admits(gold.quad, event.event)


def rates(samples: Sequence[Sample], probs: np.ndarray, threshold: float) -> tuple[float, float]:
    """Macro averages over corpora of the event sentences that keep a positive candidate,
    and of the no-event sentences that keep any."""
    kept: dict[tuple[str, str], list[bool]] = {}
    positive: dict[tuple[str, str], bool] = {}
    for sample, p in zip(samples, probs, strict=True):
        if sample.corpus in UNSPLIT:
            continue  # training material only, not a corpus of the suite
        key = (sample.corpus, sample.text)
        positive[key] = positive.get(key, False) or sample.label == 1
        if sample.label == 1 or not positive[key]:
            kept.setdefault(key, []).append(bool(p >= threshold))
    recall: dict[str, list[bool]] = {}
    alarms: dict[str, list[bool]] = {}
    for key, flags in kept.items():
        target = recall if positive[key] else alarms
        target.setdefault(key[0], []).append(any(flags))
    gain = np.mean([np.mean(v) for v in recall.values()]) if recall else 0.0
    loss = np.mean([np.mean(v) for v in alarms.values()]) if alarms else 0.0
    return float(gain), float(loss)


def cross_validate(
    samples: list[Sample], x: np.ndarray, words: np.ndarray, y: np.ndarray, min_kept: float
) -> tuple[float, float, float]:
    """The (C, word scale, threshold) that give an event to the fewest no-event sentences
    out of fold while keeping at least ``min_kept`` of the gold events (macro averages over
    corpora, each the mean of ``REPEATS`` cross-validations with other folds). ``words``
    (the sentences' mean word-piece embeddings) join the features times the scale; scale 0
    leaves them out."""
    folds = fold_draws([s.text for s in samples], FOLDS, REPEATS)
    best = (2.0, C_GRID[0], 0.0, 0.0)
    for scale in WORD_SCALES:
        design = np.hstack([x, words * scale]) if scale else x
        for c in C_GRID:
            runs = [_out_of_fold(design, y, c, fold) for fold in folds]
            best_fit = best_threshold(samples, runs, min_kept)
            if best_fit is None:
                print(f"words x{scale} C={c}: no threshold keeps {min_kept} of the events")
                continue
            alarms, t, kept = best_fit
            print(
                f"words x{scale} C={c} threshold={t}: events kept {kept:.3f}, "
                f"no-event coded {alarms:.3f}"
            )
            if alarms < best[0]:
                best = (alarms, c, scale, t)
    print(
        f"chosen: C={best[1]} words x{best[2]} threshold={best[3]} "
        f"(out of fold: no-event coded {best[0]:.3f})"
    )
    return best[1], best[2], best[3]


def best_threshold(
    samples: Sequence[Sample], runs: Sequence[np.ndarray], min_kept: float
) -> tuple[float, float, float] | None:
    """(no-event share coded, threshold, event share kept) of the threshold that codes the
    fewest no-event sentences while keeping at least ``min_kept`` of the events, averaged
    over ``runs`` of out-of-fold probabilities; the higher threshold of a tie. None when no
    threshold keeps enough."""
    fits = []
    for t in THRESHOLDS:
        kept, alarms = np.mean([rates(samples, probs, t) for probs in runs], axis=0)
        if kept >= min_kept:
            fits.append((float(alarms), t, float(kept)))
    return min(fits, key=lambda f: (f[0], -f[1]), default=None)


def _out_of_fold(design: np.ndarray, y: np.ndarray, c: float, folds: np.ndarray) -> np.ndarray:
    """Each sample's probability from the model fitted on the other folds."""
    probs = np.zeros(len(y), dtype=np.float32)
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        w, b = fit(design[train], y[train], c)
        probs[test] = sigmoid(design[test], w, b)
    return probs


def main() -> None:
    args = _arguments()
    started = time.perf_counter()
    samples = subsample(collect(args.data, args.own, args.ngec_per_label), args.drop, args.seed)
    counts = Counter((s.corpus, s.label) for s in samples)
    print("candidates (corpus, label):", dict(sorted(counts.items())))
    names = vocabulary([s.features for s in samples], args.min_count)
    x = matrix([s.features for s in samples], names)
    y = np.array([s.label for s in samples])
    table = piece_embeddings()
    words = mean_embeddings([s.sentence for s in samples], table)
    if args.select:
        c, scale, threshold = cross_validate(samples, x, words, y, args.min_kept)
    else:
        c, scale, threshold = SETTINGS
    weights, bias = fit(np.hstack([x, words * scale]) if scale else x, y, c)
    args.out.mkdir(parents=True, exist_ok=True)
    if scale:
        np.save(args.out / WORDS_FILE, piece_scores(table, weights[len(names) :], scale))
        names, weights = [*names, SENTENCE_WORDS], np.append(weights[: len(names)], 1.0)
    else:
        (args.out / WORDS_FILE).unlink(missing_ok=True)
    card = {
        "threshold": threshold,
        "C": c,
        "word_scale": scale,
        "min_kept": args.min_kept,
        "trained_on": {
            f"{corpus}:{'event' if label else 'none'}": n
            for (corpus, label), n in sorted(counts.items())
        },
        "min_count": args.min_count,
        "ngec_per_label": args.ngec_per_label,
        "training_seconds": round(time.perf_counter() - started),
    }
    write_model(weights, bias, names, args.out, MODEL_FILE, card, shown=15)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--own", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument(
        "--ngec-per-label", type=int, default=10, help="NGEC ledes per type and mode (0: none)."
    )
    parser.add_argument(
        "--min-kept",
        type=float,
        default=0.98,
        help="Smallest out-of-fold share of gold events the detector may keep.",
    )
    parser.add_argument(
        "--select",
        action="store_true",
        help="Choose C, word scale and threshold by cross-validation (else SETTINGS).",
    )
    add_subsample_arguments(parser, "candidates")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "strife" / "data" / "models" / "detector"
    )
    return parser.parse_args()


if __name__ == "__main__":
    main()
