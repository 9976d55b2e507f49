"""Where the time of ``strife code`` goes, stage by stage. (Not named ``profile.py``: with
``bench/`` on the import path, as the tests and the Dask workers they start have it, that
name would hide the standard library's ``profile``, which ``cProfile`` imports.)

Usage::

    .venv/bin/python bench/stage_profile.py [--data ../shared/data] [--articles N]
        [--input FILE] [--format table|json]

One process, one job, the models loaded before the clock starts: the Guardian sample (or
``--input``, any file ``strife code`` reads) is coded into a fresh store under cProfile, as
``strife code FILE --db NEW --jobs 1`` does. Each stage's time is the cumulative time of its
entry function (the time inside it and everything it calls, summed over calls), so nested
stages (the event coder's parts) add up to at most their parent. Then spaCy's share is split
by component: the same texts go through the tokenizer and each pipe in turn, timed apart;
and the share of their sentences that hold a trigger candidate is counted (what a parser
run only where an event can be would still have to parse).

The input is coded once without the profiler first (its wall time is printed: the
profiler slows Python-heavy code, spaCy's Python layers included, by half or more), so the
shares are for comparing stages, not for throughput (``bench/throughput.py``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import bare_spacy, load_articles

# (stage, parent stage or "", source file suffix, function names): a stage is the cumulative
# time of every function of those names ("a|b") in that file.
STAGES: tuple[tuple[str, str, str, str], ...] = (
    ("ingest", "", "strife/ingest/inputs.py", "read_inputs"),
    ("dedupe", "", "strife/dedupe/stage.py", "_prepare|_decide"),
    ("spaCy", "", "strife/nlp.py", "parse_texts"),
    ("actors", "", "strife/actors/resolver.py", "find"),
    ("places", "", "strife/places/geoparser.py", "find"),
    ("dates", "", "strife/dates.py", "find_dates"),
    ("events", "", "strife/events/coder.py", "code"),
    ("triggers", "events", "strife/events/triggers.py", "find_triggers"),
    ("arguments", "events", "strife/events/arguments.py", "extract_arguments"),
    ("typer", "events", "strife/events/typer.py", "choose"),
    ("detector", "events", "strife/events/detect.py", "keep"),
    ("role ranker", "events", "strife/events/roles.py", "assign"),
    ("claims", "events", "strife/claims.py", "find_attributions"),
    ("casualties", "events", "strife/casualties.py", "count_casualties"),
    ("store writes", "", "strife/store/core.py", "save_many"),
)


def stage_seconds(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds of each stage's entry functions."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    out = {}
    for stage, _, suffix, name in STAGES:
        out[stage] = sum(
            row[3]
            for (filename, _, function), row in table.items()
            if function in name.split("|") and filename.replace("\\", "/").endswith(suffix)
        )
    return out


def profile_coding(path: Path) -> tuple[float, float, dict[str, float], int]:
    """Code ``path`` into a new store twice, without and then under cProfile: the wall
    seconds of each, the stage seconds under the profiler, and the articles coded."""
    from strife.pipeline import Coder
    from strife.runner import CodeOptions, run

    Coder.load()  # the gazetteer index and the models: start-up, not coding
    with tempfile.TemporaryDirectory() as tmp:
        plain = CodeOptions(paths=[str(path)], db=Path(tmp) / "plain.duckdb", jobs=1)
        start = time.perf_counter()
        run(plain)
        unprofiled = time.perf_counter() - start
        options = CodeOptions(paths=[str(path)], db=Path(tmp) / "profile.duckdb", jobs=1)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        summary = run(options)
        profiler.disable()
        wall = time.perf_counter() - start
    return unprofiled, wall, stage_seconds(pstats.Stats(profiler)), summary.coded


def spacy_components(texts: Sequence[str]) -> tuple[dict[str, float], list[Doc]]:
    """Seconds the tokenizer and each pipe take over ``texts`` (no profiler running), and
    the parsed Docs."""
    from strife.nlp import load_nlp

    nlp = load_nlp()
    start = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    out = {"tokenizer": time.perf_counter() - start}
    for name, pipe in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(pipe, "pipe"):
            docs = list(pipe.pipe(docs, batch_size=16))
        else:
            docs = [pipe(doc) for doc in docs]
        out[name] = time.perf_counter() - start
    return out, docs


def ceiling(
    unprofiled: float, components: dict[str, float], bare: float, token_share: float
) -> dict[str, float]:
    """What a coder at least as fast as bare spaCy could spend on its own stages.

    strife must tokenise, tag and recognise entities on every text, so the least its spaCy
    part can cost is every component's time except the parser's share outside the
    sentences that hold a candidate. Whatever bare spaCy takes beyond that is the budget
    left for everything else at a ratio of 1.0; "own" is what those stages take now (the
    unprofiled coding time less strife's spaCy time).
    """
    spacy_total = sum(components.values())
    least = spacy_total - components.get("parser", 0.0) * (1 - token_share)
    return {
        "bare_spacy_seconds": round(bare, 2),
        "strife_spacy_seconds": round(spacy_total, 2),
        "least_spacy_seconds": round(least, 2),
        "own_budget_seconds": round(bare - least, 2),
        "own_seconds": round(unprofiled - spacy_total, 2),
    }


def trigger_sentences(docs: Sequence[Doc]) -> dict[str, float]:
    """The share of sentences (and of their tokens) with a trigger or learned-verb candidate:
    what a parser run only where an event can be would still parse."""
    from strife.events import EventCoder
    from strife.events.triggers import find_triggers

    coder = EventCoder.from_data()  # its lexicon and learned verbs, as strife code has them
    lexicon, chooser = coder.lexicon, coder.chooser
    sentences = with_trigger = tokens = trigger_tokens = 0
    for doc in docs:
        for sent in doc.sents:
            sentences += 1
            tokens += len(sent)
            if find_triggers(sent, lexicon, frozenset(), chooser.learned, chooser.statements):
                with_trigger += 1
                trigger_tokens += len(sent)
    return {
        "sentences": sentences,
        "share_with_trigger": round(with_trigger / max(sentences, 1), 4),
        "token_share_with_trigger": round(trigger_tokens / max(tokens, 1), 4),
    }


def report(
    unprofiled: float,
    wall: float,
    stages: dict[str, float],
    components: dict[str, float],
    n: int,
    triggers: dict[str, float],
    bare: float,
) -> dict[str, Any]:
    top = [stage for stage, parent, _, _ in STAGES if not parent]
    rows = [
        {
            "stage": stage,
            "parent": parent or None,
            "seconds": round(stages[stage], 4),
            "ms_per_article": round(stages[stage] / max(n, 1) * 1000, 2),
            "share": round(stages[stage] / wall, 4),
        }
        for stage, parent, _, _ in STAGES
    ]
    other = wall - sum(stages[stage] for stage in top)
    rows.append(
        {
            "stage": "other (the runner, transfer, bookkeeping)",
            "parent": None,
            "seconds": round(other, 2),
            "ms_per_article": round(other / max(n, 1) * 1000, 2),
            "share": round(other / wall, 4),
        }
    )
    spacy_total = sum(components.values())
    return {
        "articles": n,
        "wall_seconds_unprofiled": round(unprofiled, 2),
        "wall_seconds": round(wall, 2),
        "stages": rows,
        "spacy_components": {
            name: {"seconds": round(s, 2), "share_of_spacy": round(s / spacy_total, 4)}
            for name, s in components.items()
        },
        "triggers": triggers,
        "ceiling": ceiling(unprofiled, components, bare, triggers["token_share_with_trigger"]),
    }


def profile_file(path: Path) -> dict[str, Any]:
    """The whole profile of coding ``path`` (any file ``strife code`` reads): stages under
    cProfile, spaCy by component, and the sentences that hold a trigger candidate."""
    from strife.ingest.inputs import read_inputs
    from strife.records import Article

    texts = [a.text for a in read_inputs([str(path)]) if isinstance(a, Article)]
    unprofiled, wall, stages, coded = profile_coding(path)
    components, docs = spacy_components(texts)
    triggers = trigger_sentences(docs)
    return report(unprofiled, wall, stages, components, coded, triggers, bare_spacy(texts, 1)[0])


def print_table(result: dict[str, Any]) -> None:
    print(
        f"{result['articles']} articles coded in {result['wall_seconds_unprofiled']} s, "
        f"{result['wall_seconds']} s under cProfile (the shares below)"
    )
    print(f"{'stage':<44}{'seconds':>9}{'ms/article':>12}{'share':>8}")
    for row in result["stages"]:
        label = ("  " if row["parent"] else "") + row["stage"]
        print(f"{label:<44}{row['seconds']:>9}{row['ms_per_article']:>12}{row['share']:>8.1%}")
    print("spaCy by component (no profiler):")
    for name, row in result["spacy_components"].items():
        print(f"  {name:<42}{row['seconds']:>9}{'':>12}{row['share_of_spacy']:>8.1%}")
    t = result["triggers"]
    print(
        f"sentences with a trigger candidate: {t['share_with_trigger']:.1%} of "
        f"{t['sentences']} ({t['token_share_with_trigger']:.1%} of their tokens)"
    )
    c = result["ceiling"]
    print(
        f"bare spaCy {c['bare_spacy_seconds']} s; strife's spaCy {c['strife_spacy_seconds']} s, "
        f"at least {c['least_spacy_seconds']} s with the parser run only on those sentences; "
        f"so at a ratio of 1.0 strife's own stages could take {c['own_budget_seconds']} s, "
        f"and they take {c['own_seconds']} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--input", type=Path, help="a file strife code reads (else Guardian)")
    parser.add_argument("--articles", type=int, default=0, help="the first N only (0: all)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.input is not None:
            path = args.input
        else:
            rows = load_articles(args.data)
            if args.articles:
                rows = rows[: args.articles]
            path = Path(tmp) / "articles.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        result = profile_file(path)
    if args.format == "json":
        print(json.dumps(result))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
