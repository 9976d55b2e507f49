"""Training material for the event typer, and the guard against test data leaking into it.

Sources (see ``src/strife/data/models/typer/MODEL_CARD.md`` for provenance and licenses):

* PLV sentence pairs (``plv/PLV_train.tsv``): real news sentences, marked actor and
  recipient, PLOVER root (YIELD = CONCEDE or RETREAT: a set-valued label);
* NGEC synthetic stories (``ngec/gpt_synthetic_events_*.csv.zip``): the first sentence of
  each model-written story with its type and mode (no roles marked), at a lower weight;
* ConfliBERT's CAMEO sentences with source and target spans (``conflibert/``): the CAMEO
  class as a set-valued label (any type the class admits), an auxiliary target;
* the development parts of the PLOVER gold records (``plover/PLOVER_GSR_CAMEO.json``) and of
  strife's own gold (``tests/gold/plover_gold.jsonl``): their type and mode, with their marked
  actor and recipient;
* any extra gold JSONL the project writes for training (``--extra``).

``refuse_leaks`` drops every item whose sentence appears in an evaluation set, and
``drop_heldout`` every item whose sentence is in the evaluation suite's held-out part
(``strife.evaluate.splits``, the split ``strife eval events --suite`` scores on).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from strife.evaluate.cameo import CLASS_FILE, NER_FILE, read_cameo
from strife.evaluate.event_gold import GoldItem, read_corpus, read_gold_jsonl, read_plv
from strife.evaluate.splits import is_heldout
from strife.evaluate.suite import OWN_FILES, PLOVER_FILE
from strife.plover import MODES, QUAD

NGEC_GLOB = "gpt_synthetic_events_*.csv.zip"
# NGEC's mode names that differ from PLOVER 2.0's; the others not in PLOVER 2.0 are unknown.
NGEC_MODES = {"primative": "primitive", "sieze": "seize", "ban": "restrict"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘(])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Synthetic corpora: not in the evaluation suite, so not split.
UNSPLIT = frozenset({"ngec"})
OWN_GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / OWN_FILES[0]
# Evaluation sets no training item may come from (relative ones are under --data): none by
# default, the suite's held-out parts being dropped from every corpus (``drop_heldout``).
DEFAULT_EXCLUDE: list[Path] = []


@dataclass(frozen=True, slots=True)
class Example:
    """One training item: the gold item, its weight, and whether its mode is known."""

    item: GoldItem
    weight: float
    mode_known: bool


def plv_examples(data: Path) -> list[Example]:
    items = read_plv(data / "plv" / "PLV_train.tsv")
    return [Example(item, 1.0, mode_known=False) for item in items]


def ngec_examples(data: Path, weight: float, per_label: int = 6) -> list[Example]:
    """First sentence of synthetic stories (the first ``per_label`` of each type and mode,
    in file order), labelled with their type and mode."""
    path = next((data / "ngec").glob(NGEC_GLOB))
    csv.field_size_limit(1 << 30)
    with zipfile.ZipFile(path) as archive, archive.open(archive.namelist()[0]) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    out: list[Example] = []
    taken: dict[str, int] = {}
    for number, row in enumerate(rows):
        event = row["label"].strip().upper()
        lede = first_sentence(row["text"])
        label = f"{event}/{row['mode']}"
        if event not in QUAD or len(lede) < 20 or taken.get(label, 0) >= per_label:
            continue
        taken[label] = taken.get(label, 0) + 1
        raw_mode = row["mode"].strip().lower()
        mode = NGEC_MODES.get(raw_mode, raw_mode)
        known = mode == "" or mode in MODES[event]
        item = GoldItem(f"ngec-{number}", lede, event, mode or None, corpus="ngec")
        out.append(Example(item, weight, mode_known=known))
    return out


def cameo_examples(data: Path, weight: float) -> list[Example]:
    """CAMEO sentences with a source and a target marked and a class of 1-4: the class is the
    label (every type it admits, ``cameo.CLASS_TYPES``), no mode. Class 0 is left out: a
    statement there admits no type."""
    class_file, ner_file = data / CLASS_FILE, data / NER_FILE
    if weight <= 0 or not (class_file.is_file() and ner_file.is_file()):
        return []
    items = read_cameo(class_file, ner_file)
    return [
        Example(item, weight, mode_known=False)
        for item in items
        if item.has_pair and item.quad in (1, 2, 3, 4)
    ]


def gold_examples(data: Path, own: Path = OWN_GOLD) -> list[Example]:
    """The PLOVER gold records and strife's own gold sentences that mark an actor or a
    recipient, with their type and mode (strife's own gold says when an event has none; a
    PLOVER record without a PLOVER 2.0 mode trains the type only). Their held-out parts are
    dropped with every corpus's (:func:`drop_heldout`)."""
    paths = [p for p in (data / PLOVER_FILE, own) if p.is_file()]
    return [
        Example(item, 1.0, mode_known=item.corpus == "gold" or item.mode is not None)
        for path in paths
        for item in read_corpus(path)
        if item.has_pair and item.event in QUAD
    ]


def extra_examples(paths: Iterable[Path]) -> list[Example]:
    return [Example(item, 1.0, True) for path in paths for item in read_gold_jsonl(path)]


def first_sentence(text: str) -> str:
    paragraph = text.strip().split("\n", 1)[0].strip()
    return _SENTENCE_END.split(paragraph, maxsplit=1)[0][:600]


def normalise(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def exclusion_paths(data: Path, paths: Iterable[Path]) -> list[Path]:
    return [p if p.is_absolute() or p.exists() else data / p for p in paths]


def refuse_leaks(
    examples: Sequence[Example], evaluation_sets: Iterable[Path]
) -> tuple[list[Example], list[Example]]:
    """Split into (kept, refused): refused items contain a sentence of an evaluation set."""
    held_out = {normalise(item.text) for path in evaluation_sets for item in read_corpus(path)}
    long_ones = [text for text in held_out if len(text) >= 40]
    kept: list[Example] = []
    refused: list[Example] = []
    for example in examples:
        text = normalise(example.item.text)
        leaked = text in held_out or any(h in text for h in long_ones if len(h) < len(text))
        (refused if leaked else kept).append(example)
    return kept, refused


def drop_heldout(examples: Sequence[Example]) -> tuple[list[Example], dict[str, int]]:
    """(kept, dropped per corpus): every item of a suite corpus (all but the synthetic
    NGEC ledes) whose sentence is in the suite's held-out part is dropped."""
    kept: list[Example] = []
    dropped: dict[str, int] = {}
    for example in examples:
        item = example.item
        if item.corpus not in UNSPLIT and is_heldout(item.text):
            dropped[item.corpus] = dropped.get(item.corpus, 0) + 1
        else:
            kept.append(example)
    return kept, dropped
