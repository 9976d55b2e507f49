"""Does a wire dateline in front of a sentence change what strife codes in it?

Usage::

    .venv/bin/python bench/dateline_invariance.py --data ../shared/data [--part heldout|dev]
        [--per-corpus 200] [--format table|json]

Wire stories open with a dateline ("KABUL, May 3 (Reuters) -") glued to their main
sentence. Each sentence of the evaluation suite (the corpora under ``--data``, the given
part, at most ``--per-corpus`` distinct sentences of each, chosen by hash) is coded twice
as an article of its own: as it is, and behind a dateline of one of the forms below, built
from the sentence's hash. Reported per corpus: ``differ``, the share of sentences whose
events differ in what the sentence itself says (type, mode, marker, trigger, roles with
their character spans, shifted by the dateline's length, and codes, casualty figures; the
place is left out, since a dateline names one); and the suite's measures
(``strife eval events --suite``) on the sentences alone and behind their datelines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Dateline cities, written for this bench (capitals of several regions).
CITIES = (
    "KABUL",
    "BAGHDAD",
    "NAIROBI",
    "KYIV",
    "BEIRUT",
    "BAMAKO",
    "DHAKA",
    "LIMA",
    "ABUJA",
    "NEW DELHI",
    "ADDIS ABABA",
    "WASHINGTON",
    "MOSCOW",
    "JAKARTA",
    "CAIRO",
)
MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
FORMS = (
    "{city}, {month} {day} - ",
    "{city}, {month} {day} (Reuters) - ",
    "{city} (AP) -- ",
    "{city}, {month} {day} — ",
)


def dateline_for(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    form = FORMS[digest[0] % len(FORMS)]
    return form.format(
        city=CITIES[digest[1] % len(CITIES)], month=MONTHS[digest[2] % 12], day=1 + digest[3] % 28
    )


def signature(event: Any, shift: int) -> tuple[Any, ...]:
    def roles(refs: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(sorted((r.start - shift, r.end - shift, r.code) for r in refs))

    size = event.size
    return (
        event.event,
        event.mode,
        event.aux,
        event.event_start - shift,
        roles(event.actor),
        roles(event.recipient),
        size.dead,
        size.injured,
        size.arrested,
    )


def pick(texts: Sequence[str], limit: int) -> list[str]:
    ranked = sorted(set(texts), key=lambda t: hashlib.sha256(t.encode("utf-8")).hexdigest())
    return ranked[:limit]


MEASURES = ("pair_found", "pair_typed", "quad_event", "precision", "coded_on_none")


def measure(data: Path, part: str, per_corpus: int) -> dict[str, dict[str, Any]]:
    from dataclasses import replace

    from strife.evaluate.events import Coded
    from strife.evaluate.suite import Corpus, load_corpora, score_corpus, select
    from strife.pipeline import CodedArticle, Coder
    from strife.records import Article

    def shifted(event: Any, shift: int) -> Coded:
        coded = Coded.of(event)
        back = lambda spans: tuple((a - shift, b - shift) for a, b in spans)  # noqa: E731
        return replace(coded, actors=back(coded.actors), recipients=back(coded.recipients))

    coder = Coder.load()
    corpora, _ = load_corpora(data, None)
    out: dict[str, dict[str, Any]] = {}
    for corpus in corpora:
        texts = pick([i.text for i in select(corpus, part).items], per_corpus)
        heads = [dateline_for(t) for t in texts]
        articles = [Article(id=f"plain-{n}", text=t, source="bench") for n, t in enumerate(texts)]
        articles += [
            Article(id=f"dated-{n}", text=h + t, source="bench")
            for n, (h, t) in enumerate(zip(heads, texts, strict=True))
        ]
        results = [r.events if isinstance(r, CodedArticle) else () for r in coder.code(articles)]
        plain, dated = results[: len(texts)], results[len(texts) :]
        differ = sum(
            {signature(e, 0) for e in a} != {signature(e, len(h)) for e in b}
            for h, a, b in zip(heads, plain, dated, strict=True)
        )
        picked = set(texts)
        sub = Corpus(corpus.name, tuple(i for i in corpus.items if i.text in picked))
        scores = {}
        for name, events, shifts in (
            ("plain", plain, [0] * len(texts)),
            ("dated", dated, [len(h) for h in heads]),
        ):
            coded = {
                t: tuple(shifted(e, s) for e in ev)
                for t, ev, s in zip(texts, events, shifts, strict=True)
            }
            scores[name] = score_corpus(sub, coded, {})
        out[corpus.name] = {
            "sentences": len(texts),
            "differ": round(differ / len(texts), 4),
            **{f"{m}_{k}": scores[k].value(m) for m in MEASURES for k in ("plain", "dated")},
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--part", choices=("heldout", "dev"), default="heldout")
    parser.add_argument("--per-corpus", type=int, default=200)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args()
    result = measure(args.data, args.part, args.per_corpus)
    if args.format == "json":
        print(json.dumps({"part": args.part, "corpora": result}))
        return
    print(f"part {args.part}: sentences coded alone and behind a dateline")
    print(
        f"{'corpus':<10}{'sentences':>10}{'differ':>8}  "
        + "  ".join(f"{m + ' (alone/dated)':>28}" for m in MEASURES)
    )
    for name, row in result.items():
        cells = "  ".join(
            f"{_cell(row[m + '_plain']):>13} /{_cell(row[m + '_dated']):>13}" for m in MEASURES
        )
        print(f"{name:<10}{row['sentences']:>10}{row['differ']:>8.3f}  {cells}")


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
