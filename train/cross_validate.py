"""5-fold cross-validation of the event typer on the PLV pairs, as the issue measures it.

Usage::

    .venv/bin/python train/cross_validate.py [--data ../shared/data] [--out build/cv] [--code]

The PLV pairs of the evaluation suite's held-out part are dropped first (counted in the
report), so cross-validation never sees them. Folds are stratified by PLV root and grouped
by sentence (a sentence with two pairs never sits on both sides). For each fold a model is
trained on the other four folds plus the NGEC synthetic ledes (and, with ``--cameo-weight``,
the CAMEO sentences of the development part), exported and int8-quantised
exactly as the shipped model, with the verbs that head the training folds' events
(``predicates.txt``, ``train/predicates.py``), and run on the held-out fold: classification
mode (given pairs), and with ``--code`` end to end (``strife code`` on the held-out
sentences, no spans given). ``--reuse`` keeps the fold models a previous run built (to score
the coder again without training), ``--built-only`` scores only those folds. The report
(``report.json``) covers all held-out predictions together.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import Example, cameo_examples, drop_heldout, ngec_examples, normalise, plv_examples
from net import Settings, export, new_net, train
from predicates import learn_predicates, write_predicates
from tensors import encode_examples, pair_of, subset

from strife.classify.model import EventTyper
from strife.evaluate.event_gold import root
from strife.evaluate.events import CodeReport, evaluate_code
from strife.evaluate.plover import code_dict
from strife.evaluate.scoring import TypeScore, score
from strife.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = _arguments()
    plv, dropped = drop_heldout(plv_examples(args.data))
    print(f"dropped as the suite's held-out part: {sum(dropped.values())} {dropped}")
    ngec = ngec_examples(args.data, args.ngec_weight, args.ngec_per_label)
    ngec += drop_heldout(cameo_examples(args.data, args.cameo_weight))[0]
    tensors = encode_examples([*plv, *ngec])
    labels = [e.item.event for e in plv]
    groups = [normalise(e.item.text) for e in plv]
    folds = StratifiedGroupKFold(args.folds, shuffle=True, random_state=13)
    nlp = load_nlp()
    predicted: dict[int, str] = {}
    code_reports: list[CodeReport] = []
    for k, (train_idx, test_idx) in enumerate(folds.split(np.zeros(len(plv)), labels, groups)):
        started = time.perf_counter()
        index = np.concatenate([train_idx, np.arange(len(plv), len(plv) + len(ngec))])
        model_dir = args.out / f"fold{k}"
        built = (model_dir / "model.onnx").exists()
        if args.built_only and not built:
            continue
        if not (args.reuse and built):
            net = train(new_net(), subset(tensors, index), Settings(epochs=args.epochs))
            export(net, model_dir, {"fold": k})
        # The learned trigger verbs, from this fold's training sentences only.
        write_predicates(learn_predicates(nlp, [plv[i].item for i in train_idx]), model_dir)
        typer = EventTyper.load(model_dir)
        held = [plv[i] for i in test_idx]
        typed = typer.type_pairs([pair_of(e) for e in held], tensors.cues[test_idx])
        predicted.update({int(i): t.event for i, t in zip(test_idx, typed, strict=True)})
        if args.code:
            code_reports.append(_end_to_end(held, model_dir))
        print(f"fold {k}: {time.perf_counter() - started:.0f}s", flush=True)
    report = {**_report(plv, predicted, code_reports), "heldout_dropped": dropped}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "per_type"}, indent=1))


def _end_to_end(held: list[Example], model_dir: Path) -> CodeReport:
    from strife.events import EventCoder
    from strife.pipeline import Coder

    coder = Coder.load()
    coder.events = EventCoder.from_data(country_of=coder.actors.lookup_country, model_dir=model_dir)
    return evaluate_code([e.item for e in held], coder)


def _report(
    plv: list[Example], predicted: dict[int, str], code_reports: list[CodeReport]
) -> dict[str, Any]:
    done = sorted(predicted)
    scores = score([plv[i].item.event for i in done], [root(predicted[i]) for i in done])
    out: dict[str, Any] = {
        "items": len(done),
        "accuracy": round(scores.accuracy, 4),
        "macro_f1": round(scores.macro_f1, 4),
        "per_type": {t.label: _row(t) for t in scores.per_type},
    }
    if code_reports:
        out["code"] = code_dict(_merge(code_reports))
    return out


def _merge(reports: list[CodeReport]) -> CodeReport:
    rows: dict[str, list[TypeScore]] = {}
    for report in reports:
        for row in report.per_type:
            rows.setdefault(row.label, []).append(row)
    merged = []
    for label, parts in sorted(rows.items()):
        support = sum(p.support for p in parts)
        coded = sum(p.predicted for p in parts)
        found = sum(round(p.recall * p.support) for p in parts)
        hits = sum(round(p.precision * p.predicted) for p in parts)
        recall, precision = found / support if support else 0.0, hits / coded if coded else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        merged.append(TypeScore(label, precision, recall, f1, support, coded))
    return CodeReport(
        gold=sum(r.gold for r in reports),
        found=sum(r.found for r in reports),
        events=sum(r.events for r in reports),
        matching_events=sum(r.matching_events for r in reports),
        per_type=tuple(merged),
    )


def _row(t: TypeScore) -> dict[str, float | int]:
    return {
        "precision": round(t.precision, 4),
        "recall": round(t.recall, 4),
        "f1": round(t.f1, 4),
        "support": t.support,
        "predicted": t.predicted,
    }


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "cv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=Settings().epochs)
    parser.add_argument("--ngec-weight", type=float, default=0.5)
    parser.add_argument(
        "--ngec-per-label", type=int, default=6, help="NGEC ledes per type and mode."
    )
    parser.add_argument(
        "--cameo-weight",
        type=float,
        default=0.0,
        help="Weight of the CAMEO sentences of the development part (train_typer.py).",
    )
    parser.add_argument("--code", action="store_true", help="Also score strife code end to end.")
    parser.add_argument("--reuse", action="store_true", help="Keep fold models already built.")
    parser.add_argument(
        "--built-only", action="store_true", help="Score only the folds whose model is built."
    )
    return parser.parse_args()


if __name__ == "__main__":
    main()
