"""Measuring strife on gold sentences, in the two ways the issue defines.

* Classification mode: the gold actor and recipient spans are given; the type (and, where
  the gold has one, the mode) of each pair is compared with the gold.
* End to end: ``strife code`` reads each sentence as an article, finding triggers, actors
  and recipients itself. A gold pair is found when an event has the gold type and its actor
  overlaps a gold actor span and its recipient a gold recipient span (a gold role that is
  absent asks nothing; a recipient coded as another actor of a joint or reciprocal event,
  "Trump and Putin agreed", counts).
  Precision is the share of coded events that find a gold pair; the gold sets have one
  pair a sentence, so it is a lower bound.

When a gold set labels by PLV root (YIELD), CONCEDE and RETREAT are scored as YIELD.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from strife.classify.encode import Pair
from strife.classify.model import Typing
from strife.classify.pairs import PairClassifier
from strife.errors import CodingError
from strife.evaluate.cameo import class_admits
from strife.evaluate.event_gold import YIELD, GoldItem, Mention, root
from strife.evaluate.scoring import Scores, TypeScore, ratio, score
from strife.records import ActorRef, Article, Event

if TYPE_CHECKING:
    from strife.pipeline import Coder

Label = Callable[[str], str]
# Gold sentences coded together: short, so a large batch parses them fastest.
CODE_BATCH = 64


@dataclass(frozen=True, slots=True)
class ClassifyReport:
    scores: Scores
    mode_accuracy: float | None
    mode_items: int


@dataclass(frozen=True, slots=True)
class CodeReport:
    gold: int
    found: int
    events: int
    matching_events: int
    per_type: tuple[TypeScore, ...]

    @property
    def recall(self) -> float:
        return ratio(self.found, self.gold)

    @property
    def precision(self) -> float:
        return ratio(self.matching_events, self.events)


def labeller(items: Sequence[GoldItem]) -> Label:
    """PLV roots when the gold uses them, else the 16 types as they are."""
    if any(item.event == YIELD for item in items):
        return root
    return _same


def _same(event: str) -> str:
    return event


def evaluate_classify(
    items: Sequence[GoldItem], classifier: PairClassifier, rules: bool = False
) -> ClassifyReport:
    """Score the model on given pairs (``rules``: the trigger lexicon alone, no mode)."""
    label = labeller(items)
    pairs = [Pair(i.text, i.actor, i.recipient) for i in items]
    typings: list[Typing] = [] if rules else classifier.classify(pairs)
    events = classifier.lexicon_types(pairs) if rules else [t.event for t in typings]
    scores = score([label(i.event) for i in items], [label(e) if e else None for e in events])
    with_mode = [
        (item, typing)
        for item, typing in zip(items, typings, strict=False)
        if item.corpus == "gold" and label(typing.event) == label(item.event)
    ]
    right = sum(1 for item, typing in with_mode if typing.mode == item.mode)
    mode_accuracy = ratio(right, len(with_mode)) if with_mode else None
    return ClassifyReport(scores, mode_accuracy, len(with_mode))


def code_sentences(texts: Sequence[str], coder: Coder) -> dict[str, tuple[Event, ...]]:
    """The events of each distinct sentence, coded once as an article of its own, as
    ``strife code`` codes it (a sentence the coder rejects as input has none).

    Raises :class:`~strife.errors.CodingError` when coding a sentence failed inside strife:
    a figure or a training set built on that would silently count it as coding nothing.
    """
    from strife.pipeline import INTERNAL_ERROR, CodedArticle

    unique = list(dict.fromkeys(texts))
    articles = [Article(id=f"gold-{n}", text=text, source="gold") for n, text in enumerate(unique)]
    out: dict[str, tuple[Event, ...]] = {}
    for article, result in zip(articles, coder.code(articles, batch_size=CODE_BATCH), strict=True):
        if isinstance(result, CodedArticle):
            out[article.text] = result.events
        elif result.reason.startswith(INTERNAL_ERROR):
            raise CodingError(f"the sentence {article.text[:60]!r}", result.reason)
        else:
            out[article.text] = ()
    return out


def evaluate_code(items: Sequence[GoldItem], coder: Coder) -> CodeReport:
    label = labeller(items)
    by_text = code_sentences([item.text for item in items], coder)
    found: list[str | None] = []
    events: list[tuple[str, bool]] = []
    for item in items:
        coded = by_text[item.text]
        hits = [e for e in coded if matches(e, item, label)]
        found.append(label(item.event) if hits else None)
        events += [(label(e.event), e in hits) for e in coded]
    return CodeReport(
        gold=len(items),
        found=sum(1 for f in found if f is not None),
        events=len(events),
        matching_events=sum(1 for _, hit in events if hit),
        per_type=_per_type([label(i.event) for i in items], found, events),
    )


@dataclass(frozen=True, slots=True)
class Coded:
    """What scoring needs of a coded event: its type, its roles' character spans, whether
    it is coded as a fact (not marked as negated or hypothetical), and its actors' codes."""

    event: str
    actors: tuple[tuple[int, int], ...] = ()
    recipients: tuple[tuple[int, int], ...] = ()
    fact: bool = True
    actor_codes: tuple[str, ...] = ()

    @classmethod
    def of(cls, event: Event) -> Coded:
        fact = event.aux not in NOT_FACTS
        codes = tuple(r.code for r in event.actor if r.code)
        return cls(event.event, _spans(event.actor), _spans(event.recipient), fact, codes)


# Auxiliary markers that say an event is not reported as having happened (PLOVER 2.0:
# "negated events can be excluded"; a hypothetical one is marked, not coded as a fact).
NOT_FACTS: frozenset[str | None] = frozenset({"negation", "hypothetical"})


def _spans(refs: Sequence[ActorRef]) -> tuple[tuple[int, int], ...]:
    return tuple((r.start, r.end) for r in refs)


def matches(event: Event, item: GoldItem, label: Label) -> bool:
    """Right type, actor overlapping a gold actor, recipient a gold recipient."""
    return label(event.event) == label(item.event) and roles_match(Coded.of(event), item)


def same_type(event: str, item: GoldItem, label: Label) -> bool:
    """The coded type is the gold's: its type (or PLV root), else one its CAMEO class admits."""
    if item.event:
        return label(event) == label(item.event)
    return item.typed and class_admits(item.quad, event)


def roles_match(coded: Coded, item: GoldItem) -> bool:
    """Actor overlapping a gold actor, recipient a gold recipient (absent gold roles ask
    nothing)."""
    if item.actors and not _overlap(coded.actors, item.actors):
        return False
    if not item.recipients:
        return True
    # Joint and reciprocal events code every party as an actor ("Trump and Putin agreed").
    joint = coded.actors if len(coded.actors) > 1 or not coded.recipients else ()
    return _overlap((*coded.recipients, *joint), item.recipients)


def _overlap(spans: Sequence[tuple[int, int]], gold: Sequence[Mention]) -> bool:
    return any(g.overlaps(start, end) for start, end in spans for g in gold)


def _per_type(
    gold: list[str], found: list[str | None], events: list[tuple[str, bool]]
) -> tuple[TypeScore, ...]:
    """Recall by gold type, precision by coded type."""
    rows = []
    for label in sorted(set(gold) | {e for e, _ in events}):
        support = gold.count(label)
        recall = ratio(found.count(label), support)
        coded = [hit for e, hit in events if e == label]
        precision = ratio(sum(coded), len(coded))
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(TypeScore(label, precision, recall, f1, support, len(coded)))
    return tuple(rows)
