"""The evaluation suite: every gold corpus, one part of the split, the same measures.

Corpora (files under the data folder, ``--data``; strife's own gold under ``--own``):

* ``plv``: PLV pairs (``plv/PLV_train.tsv``), types as PLV roots (YIELD);
* ``plover``: PLOVER gold records (``plover/PLOVER_GSR_CAMEO.json``);
* ``cameo``: ConfliBERT CAMEO sentences (``conflibert/``), CAMEO classes (each admits the
  PLOVER types of ``cameo.CLASS_TYPES``), source/target spans, and class 0: public
  statements, which report no event, and appeals, which PLOVER codes as REQUEST;
* ``gold``: strife's own gold (``plover_gold.jsonl``, and ``no_events.jsonl`` when present).

Measures, each over the corpus items it applies to (None where it applies to none):

* ``type_accuracy``: the typer's type given the gold pair (root for PLV, class for CAMEO);
* ``pair_found``: end to end, an event whose actor and recipient overlap the gold's;
* ``pair_typed``: the same with the right type (root, type, or one the CAMEO class admits);
* ``type_source``: where the gold codes its actor's country (PLOVER records, strife's own
  gold): an event of the gold type whose actor is coded with one of those codes, wherever
  its span lies (what a CAMEO coding with its source country asks); strife's UNO and EUR
  count as the gold's IGO;
* ``quad_event``: an event the gold CAMEO class admits anywhere in the sentence;
* ``precision``: of the events coded on event sentences, the share matching one of the
  sentence's gold pairs with the right type (a lower bound: gold marks one pair);
* ``coded_on_none``: of the sentences that report no event, the share given one as a fact
  (lower is better; an event marked negated or hypothetical, and a REQUEST on a CAMEO
  class-0 sentence, do not count); ``CorpusScores.none_types`` counts those sentences by
  the types given that count.

The macro average of a measure is the mean over the corpora it applies to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from strife.classify.encode import Pair
from strife.evaluate.cameo import (
    CLASS_FILE,
    CORPUS,
    NER_FILE,
    class_admits,
    read_cameo,
    read_cameo_class,
)
from strife.evaluate.event_gold import GoldItem, read_gold_jsonl, read_plover_gold, read_plv
from strife.evaluate.events import (
    Coded,
    Label,
    code_sentences,
    labeller,
    roles_match,
    same_type,
)
from strife.evaluate.scoring import ratio
from strife.evaluate.splits import Part, part_of
from strife.plover import IGO_KINDS

if TYPE_CHECKING:
    from strife.classify.pairs import PairClassifier
    from strife.pipeline import Coder

MEASURES: Final = (
    "type_accuracy",
    "pair_found",
    "pair_typed",
    "type_source",
    "quad_event",
    "precision",
    "coded_on_none",
)
PLV_FILE: Final = Path("plv") / "PLV_train.tsv"
PLOVER_FILE: Final = Path("plover") / "PLOVER_GSR_CAMEO.json"
OWN_FILES: Final = ("plover_gold.jsonl", "no_events.jsonl")


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    items: tuple[GoldItem, ...]


@dataclass(frozen=True, slots=True)
class CorpusScores:
    """Per measure, (hits, items it applies to); ``none_types``: per event type, the
    sentences reporting no event that were given one of that type (what ``coded_on_none``
    counts, by type)."""

    name: str
    items: int
    counts: Mapping[str, tuple[int, int]]
    none_types: Mapping[str, int] = field(default_factory=dict)

    def value(self, measure: str) -> float | None:
        hits, total = self.counts.get(measure, (0, 0))
        return ratio(hits, total) if total else None


def load_corpora(data: Path, own: Path | None) -> tuple[list[Corpus], dict[str, str]]:
    """The corpora whose files exist, and the reason each missing one is skipped."""
    corpora: list[Corpus] = []
    skipped: dict[str, str] = {}

    def add(name: str, path: Path, items: Sequence[GoldItem] | None) -> None:
        if items is None:
            skipped[name] = f"no {path}"
        else:
            corpora.append(Corpus(name, tuple(items)))

    plv, plover, cameo = data / PLV_FILE, data / PLOVER_FILE, data / CLASS_FILE
    add("plv", plv, list(read_plv(plv)) if plv.is_file() else None)
    add("plover", plover, list(read_plover_gold(plover)) if plover.is_file() else None)
    add("cameo", cameo, _cameo(data) if cameo.is_file() else None)
    own_dir = own if own is not None else Path("tests") / "gold"
    add("gold", own_dir / OWN_FILES[0], _own(own_dir))
    return corpora, skipped


def _cameo(data: Path) -> list[GoldItem]:
    ner = data / NER_FILE
    if ner.is_file():
        return read_cameo(data / CLASS_FILE, ner)
    return list(read_cameo_class(data / CLASS_FILE))


def _own(folder: Path) -> list[GoldItem] | None:
    if not (folder / OWN_FILES[0]).is_file():
        return None
    paths = [folder / name for name in OWN_FILES if (folder / name).is_file()]
    return [item for path in paths for item in read_gold_jsonl(path)]


def select(corpus: Corpus, part: Part) -> Corpus:
    return Corpus(corpus.name, tuple(i for i in corpus.items if part_of(i.text) == part))


def coded_sentences(texts: Sequence[str], coder: Coder) -> dict[str, tuple[Coded, ...]]:
    """What scoring needs of each distinct sentence's events (``code_sentences``)."""
    by_text = code_sentences(texts, coder)
    return {text: tuple(Coded.of(e) for e in events) for text, events in by_text.items()}


def type_given_pairs(
    items: Sequence[GoldItem], classifier: PairClassifier, rules: bool = False
) -> dict[str, str]:
    """The type of each typed gold pair, by item id: the typer's, or with ``rules`` the
    trigger lexicon's ("" where it finds none)."""
    asked = [i for i in items if i.typed and i.has_pair]
    pairs = [Pair(i.text, i.actor, i.recipient) for i in asked]
    if rules:
        events = [event or "" for event in classifier.lexicon_types(pairs)]
    else:
        events = [typing.event for typing in classifier.classify(pairs)]
    return {item.id: event for item, event in zip(asked, events, strict=True)}


def score_corpus(
    corpus: Corpus, coded: Mapping[str, Sequence[Coded]], typed: Mapping[str, str]
) -> CorpusScores:
    """Every measure on one corpus, from its sentences' coded events and given-pair types."""
    items, label = corpus.items, labeller(corpus.items)
    counts = {
        "type_accuracy": _share([same_type(typed[i.id], i, label) for i in items if i.id in typed]),
        "pair_found": _share(
            [any(roles_match(c, i) for c in coded[i.text]) for i in items if i.has_pair]
        ),
        "pair_typed": _share([_found(coded[i.text], i, label) for i in items if _pair(i)]),
        "type_source": _share(
            [_source_found(coded[i.text], i, label) for i in items if _sourced(i)]
        ),
        "quad_event": _share([_quad_event(coded[i.text], i) for i in items if _quadded(i)]),
        "precision": _precision(items, coded, label),
        "coded_on_none": _share([bool(_unwanted(coded[i.text], i)) for i in items if i.no_event]),
    }
    none_types = Counter(t for i in items if i.no_event for t in _unwanted(coded[i.text], i))
    return CorpusScores(corpus.name, len(items), counts, dict(sorted(none_types.items())))


def _pair(item: GoldItem) -> bool:
    return item.has_pair and item.typed


def _sourced(item: GoldItem) -> bool:
    return bool(item.event) and any(m.code for m in item.actors)


def _source_found(coded: Sequence[Coded], item: GoldItem, label: Label) -> bool:
    codes = {m.code for m in item.actors if m.code}
    return any(
        same_type(c.event, item, label) and codes & _with_kinds(c.actor_codes) for c in coded
    )


def _with_kinds(codes: Sequence[str]) -> set[str]:
    """strife codes the UN and the EU apart (``IGO_KINDS``); a gold set that codes every
    intergovernmental body IGO (the PLOVER records) names them so."""
    return {*codes, *("IGO" for c in codes if c in IGO_KINDS)}


def _quadded(item: GoldItem) -> bool:
    return not item.event and item.typed


def _found(coded: Sequence[Coded], item: GoldItem, label: Label) -> bool:
    return any(same_type(c.event, item, label) and roles_match(c, item) for c in coded)


def _quad_event(coded: Sequence[Coded], item: GoldItem) -> bool:
    return any(class_admits(item.quad, c.event) for c in coded)


def _unwanted(coded: Sequence[Coded], item: GoldItem) -> set[str]:
    """The types coded as facts on a sentence that reports no event (an event marked negated
    or hypothetical is not one); a CAMEO class-0 sentence may be an appeal, which PLOVER
    codes as a REQUEST."""
    cameo = item.corpus == CORPUS
    return {c.event for c in coded if c.fact and not (cameo and class_admits(item.quad, c.event))}


def _precision(
    items: Sequence[GoldItem], coded: Mapping[str, Sequence[Coded]], label: Label
) -> tuple[int, int]:
    """Events of each event sentence (once, however many gold pairs it has) that match one
    of its typed gold pairs."""
    pairs: dict[str, list[GoldItem]] = {}
    for item in items:
        if _pair(item):
            pairs.setdefault(item.text, []).append(item)
    events = [(c, golds) for text, golds in pairs.items() for c in coded[text]]
    hits = sum(1 for c, golds in events if any(_found([c], g, label) for g in golds))
    return hits, len(events)


def _share(outcomes: Sequence[bool]) -> tuple[int, int]:
    return sum(outcomes), len(outcomes)


def macro(scores: Sequence[CorpusScores]) -> dict[str, float | None]:
    """Per measure, the mean over the corpora it applies to."""
    out: dict[str, float | None] = {}
    for measure in MEASURES:
        values = [v for v in (s.value(measure) for s in scores) if v is not None]
        out[measure] = sum(values) / len(values) if values else None
    return out
