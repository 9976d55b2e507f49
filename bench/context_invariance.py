"""Does what strife codes in a sentence change when the sentence is given context?

Usage::

    .venv/bin/python bench/context_invariance.py --data ../shared/data
        --context attribution|dateline|coordination [--part heldout|dev]
        [--per-corpus 300] [--format table|json]

Each sentence of the evaluation suite (the corpora under ``--data``, the given part, at most
``--per-corpus`` distinct sentences of each, chosen by hash) is coded as an article of its
own, and again with context of one of three kinds:

- ``attribution``: a sentence that names no source attributed as wire ledes are ("...,
  an official said.", one of the sources below); the claim it adds is not compared.
- ``dateline``: behind a wire dateline ("KABUL, May 3 (Reuters) -", one of the forms below,
  built from the sentence's hash), as wire stories open.
- ``coordination``: joined with the next sentence of the same corpus into one ("A, and b."):
  news packs two events into one sentence ("air strikes destroyed a tower in Gaza City, and
  Hamas fired rockets at Tel Aviv").

Only sentences ending in a full stop take part in ``attribution`` and ``coordination``.

Reported per corpus: ``differ``, the share of sentences whose events differ in what the
sentence itself says: type, mode, marker, trigger, roles (character spans, shifted back,
and codes), casualty figures and, but behind a dateline (which names a place), the places
named in it; and the suite's measures
(``strife eval events --suite``) on the sentences alone and in context.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strife.evaluate.splits import Part

# Dateline cities, written for this bench (capitals of several regions).
CITIES = (
    "KABUL", "BAGHDAD", "NAIROBI", "KYIV", "BEIRUT", "BAMAKO", "DHAKA", "LIMA",
    "ABUJA", "NEW DELHI", "ADDIS ABABA", "WASHINGTON", "MOSCOW", "JAKARTA", "CAIRO",
)  # fmt: skip
MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov",
          "Dec")  # fmt: skip
FORMS = (
    "{city}, {month} {day} - ",
    "{city}, {month} {day} (Reuters) - ",
    "{city} (AP) -- ",
    "{city}, {month} {day} — ",
)
MEASURES = ("pair_found", "pair_typed", "quad_event", "precision", "coded_on_none")


@dataclass(frozen=True, slots=True)
class Placed:
    """A sentence inside a longer text: where it starts, and where the text's events that
    are this sentence's lie (``start <= event_start < end``)."""

    text: str
    start: int
    end: int


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def dateline_for(text: str) -> str:
    digest = _digest(text)
    form = FORMS[digest[0] % len(FORMS)]
    month, day = MONTHS[digest[2] % len(MONTHS)], 1 + digest[3] % 28
    return form.format(city=CITIES[digest[1] % len(CITIES)], month=month, day=day)


def with_datelines(texts: Sequence[str], nlp: Any) -> list[tuple[str, list[Placed]]]:
    out = []
    for text in texts:
        head = dateline_for(text)
        out.append((head + text, [Placed(text, len(head), len(head) + len(text))]))
    return out


# An opening word keeps its capital inside a sentence when it is a name or part of one
# ("Russia", "Syrian", "UN"); any other ("The army", "Rioters", "Heavy fire") is lower-cased.
NAME_TAGS = frozenset({"NNP", "NNPS"})


def coordinated(texts: Sequence[str], nlp: Any) -> list[tuple[str, list[Placed]]]:
    """Consecutive pairs of full-stop sentences joined as "A, and b." (the second's opening
    word lower-cased unless it is a name)."""
    usable = [t for t in texts if t.endswith(".") and not t.endswith("..")]
    out = []
    for first, second in zip(usable[::2], usable[1::2], strict=False):
        opener = nlp(second)[0]
        lower = not (opener.tag_ in NAME_TAGS or opener.ent_type_ or opener.text.isupper())
        joined_second = second[0].lower() + second[1:] if lower else second
        head = first[:-1] + ", and "
        text = head + joined_second
        out.append((text, [Placed(first, 0, len(first) - 1), Placed(second, len(head), len(text))]))
    return out


# Who a wire lede is attributed to, written for this bench.
SOURCES = ("an official said", "police said", "a spokesman said", "witnesses said",
           "the ministry said", "local media reported")  # fmt: skip


# A sentence that already says who says it ("the ministry said", "according to") is not
# attributed twice.
ATTRIBUTED = re.compile(r"\b(said|says|say|told|tells|reported|reports|according to)\b", re.I)


def attributed(texts: Sequence[str], nlp: Any) -> list[tuple[str, list[Placed]]]:
    """Each full-stop sentence that names no source attributed as wire ledes are ("...,
    an official said.")."""
    out = []
    for text in texts:
        if not text.endswith(".") or text.endswith("..") or ATTRIBUTED.search(text):
            continue
        source = SOURCES[_digest(text)[0] % len(SOURCES)]
        joined = f"{text[:-1]}, {source}."
        out.append((joined, [Placed(text, 0, len(text) - 1)]))
    return out


CONTEXTS: dict[str, Callable[[Sequence[str], Any], list[tuple[str, list[Placed]]]]] = {
    "attribution": attributed,
    "dateline": with_datelines,
    "coordination": coordinated,
}


def signature(event: Any, shift: int, places: bool) -> tuple[Any, ...]:
    def roles(refs: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(sorted((r.start - shift, r.end - shift, r.code) for r in refs))

    size, loc = event.size, event.event_loc
    where = (loc.geonameid, loc.start - shift if loc.start is not None else None) if loc else None
    return (event.event, event.mode, event.aux, event.event_start - shift, roles(event.actor),
            roles(event.recipient), size.dead, size.injured, size.arrested,
            where if places else None)  # fmt: skip


def pick(texts: Sequence[str], limit: int) -> list[str]:
    return sorted(set(texts), key=_digest)[:limit]


def measure(data: Path, part: Part, per_corpus: int, context: str) -> dict[str, dict[str, Any]]:
    from strife.evaluate.events import Coded
    from strife.evaluate.suite import Corpus, load_corpora, score_corpus, select
    from strife.nlp import load_nlp
    from strife.pipeline import Coder

    coder = Coder.load()
    corpora, _ = load_corpora(data, None)
    places = context != "dateline"
    out: dict[str, dict[str, Any]] = {}
    for corpus in corpora:
        built = CONTEXTS[context](pick([i.text for i in select(corpus, part).items], per_corpus),
                                  load_nlp())  # fmt: skip
        sentences = [p for _, placed in built for p in placed]
        alone = _code(coder, [p.text for p in sentences])
        joined = _code(coder, [text for text, _ in built])
        in_context: dict[str, tuple[Any, ...]] = {}
        for text, placed in built:
            for p in placed:
                in_context[p.text] = tuple(
                    e for e in joined[text] if p.start <= e.event_start < p.end
                )
        differ = sum(
            {signature(e, 0, places) for e in alone[p.text]}
            != {signature(e, p.start, places) for e in in_context[p.text]}
            for p in sentences
        )
        starts = {p.text: p.start for p in sentences}

        def shifted(event: Any, shift: int) -> Coded:
            coded = Coded.of(event)
            back = tuple((a - shift, b - shift) for a, b in coded.actors)
            gone = tuple((a - shift, b - shift) for a, b in coded.recipients)
            return replace(coded, actors=back, recipients=gone)

        sub = Corpus(corpus.name, tuple(i for i in corpus.items if i.text in starts))
        scores = {
            "alone": score_corpus(sub, {t: tuple(map(Coded.of, alone[t])) for t in starts}, {}),
            "context": score_corpus(
                sub,
                {t: tuple(shifted(e, starts[t]) for e in in_context[t]) for t in starts},
                {},
            ),
        }
        out[corpus.name] = {
            "sentences": len(sentences),
            "differ": round(differ / max(len(sentences), 1), 4),
            **{f"{m}_{k}": scores[k].value(m) for m in MEASURES for k in ("alone", "context")},
        }
    return out


def _code(coder: Any, texts: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    from strife.pipeline import CodedArticle
    from strife.records import Article

    articles = [Article(id=f"bench-{n}", text=t, source="bench") for n, t in enumerate(texts)]
    return {
        a.text: r.events if isinstance(r, CodedArticle) else ()
        for a, r in zip(articles, coder.code(articles), strict=True)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--context", choices=sorted(CONTEXTS), required=True)
    parser.add_argument("--part", choices=("heldout", "dev"), default="heldout")
    parser.add_argument("--per-corpus", type=int, default=300)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args()
    result = measure(args.data, args.part, args.per_corpus, args.context)
    if args.format == "json":
        print(json.dumps({"part": args.part, "context": args.context, "corpora": result}))
        return
    print(f"part {args.part}: sentences coded alone and in context ({args.context})")
    header = "  ".join(f"{m + ' (alone/context)':>30}" for m in MEASURES)
    print(f"{'corpus':<10}{'sentences':>10}{'differ':>8}  {header}")
    for name, row in result.items():
        cells = "  ".join(
            f"{_cell(row[m + '_alone']):>14} /{_cell(row[m + '_context']):>14}" for m in MEASURES
        )
        print(f"{name:<10}{row['sentences']:>10}{row['differ']:>8.3f}  {cells}")


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
