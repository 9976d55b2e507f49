"""The event typer: the shipped ONNX model that gives a pair's PLOVER type and mode.

A fine-tuned all-MiniLM-L6-v2 encoder reads the sentence with the actor and recipient
marked (:mod:`strife.classify.encode`); two linear heads over its mean state, its states at
the two marks and the trigger-lexicon cues (:mod:`strife.classify.cues`) give the type (16
PLOVER types) and the mode. The model is int8-quantised and run with onnxruntime on the CPU;
``train/train_typer.py`` rebuilds it and ``MODEL_CARD.md`` beside it says from what.

Nothing is loaded at import time: :meth:`EventTyper.load` reads the files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from strife.classify.encode import Encoder, Pair
from strife.datafiles import data_file
from strife.errors import ModelError
from strife.plover import MODES, QUAD, EventType, as_event_type

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
LABELS_FILE = "labels.json"
PREDICATES_FILE = "predicates.txt"
NO_MODE = "none"

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Typing:
    """The model's reading of one pair: type, mode, quad code and the type's probability."""

    event: EventType
    mode: str | None
    quad_code: int
    confidence: float
    probabilities: dict[EventType, float]
    mode_probabilities: dict[str, float]


def default_model_dir() -> Path:
    return data_file("models", "typer")


class EventTyper:
    """Loads the model once; :meth:`type_pairs` types any number of pairs."""

    def __init__(
        self,
        session: Any,
        encoder: Encoder,
        types: list[EventType],
        modes: list[str],
        predicates: frozenset[str] = frozenset(),
    ) -> None:
        self._session = session
        self._encoder = encoder
        self.types = types
        self.modes = modes
        self.predicates = predicates

    @classmethod
    def load(cls, model_dir: Path | None = None, threads: int = 1) -> EventTyper:
        """Read ``model.onnx``, ``tokenizer.json``, ``labels.json`` and, when there is one,
        ``predicates.txt`` (the verbs that head events in the training data) from ``model_dir``.

        Raises :class:`strife.errors.ModelError` when a file is missing or unreadable.
        """
        import onnxruntime

        base = model_dir or default_model_dir()
        labels = _labels(base / LABELS_FILE)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        try:
            session = onnxruntime.InferenceSession(
                str(base / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ModelError(f"cannot load the event model {base / MODEL_FILE}: {exc}") from exc
        encoder = Encoder(base / TOKENIZER_FILE, int(labels.get("max_tokens", 96)))
        predicates = _predicates(base / PREDICATES_FILE)
        types = [t for t in map(as_event_type, labels["types"]) if t is not None]
        return cls(session, encoder, types, list(labels["modes"]), predicates)

    def type_pairs(self, pairs: Sequence[Pair], cues: FloatArray) -> list[Typing]:
        """Type and mode of every pair; ``cues`` has one row per pair."""
        if not pairs:
            return []
        type_probs, mode_probs = self.probabilities(pairs, cues)
        return [self._typing(t, m) for t, m in zip(type_probs, mode_probs, strict=True)]

    def probabilities(
        self, pairs: Sequence[Pair], cues: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """Softmax probabilities over ``self.types`` and over ``self.modes``, one row a pair.

        Each pair is run on its own: the int8 model quantises its activations with one
        scale per run, so a pair batched with others (and their padding) would read
        differently depending on them. Alone, a pair always gets the same answer, at the
        same cost per pair on the CPU.
        """
        rows = [self._run(pair, cues[i : i + 1]) for i, pair in enumerate(pairs)]
        if not rows:
            return np.zeros((0, len(self.types)), np.float32), np.zeros(
                (0, len(self.modes)), np.float32
            )
        type_logits = np.concatenate([t for t, _ in rows])
        mode_logits = np.concatenate([m for _, m in rows])
        return _softmax(type_logits), _softmax(mode_logits)

    def _run(self, pair: Pair, cues: FloatArray) -> tuple[FloatArray, FloatArray]:
        batch = self._encoder.encode([pair])
        feed = {
            "input_ids": batch.input_ids,
            "attention_mask": batch.attention_mask,
            "actor_pos": batch.actor_pos,
            "recipient_pos": batch.recipient_pos,
            "cues": cues.astype(np.float32),
        }
        type_logits, mode_logits = self._session.run(["type_logits", "mode_logits"], feed)
        return type_logits, mode_logits

    def _typing(self, type_probs: FloatArray, mode_probs: FloatArray) -> Typing:
        best = int(np.argmax(type_probs))
        event = self.types[best]
        modes = {m: float(p) for m, p in zip(self.modes, mode_probs, strict=True)}
        return Typing(
            event=event,
            mode=mode_of(event, modes),
            quad_code=QUAD[event],
            confidence=round(float(type_probs[best]), 4),
            probabilities={t: float(p) for t, p in zip(self.types, type_probs, strict=True)},
            mode_probabilities=modes,
        )


def mode_of(event: str, mode_probabilities: dict[str, float]) -> str | None:
    """The most probable of ``event``'s modes, or None when "no mode" wins."""
    allowed = [m for m in (NO_MODE, *MODES.get(event, ())) if m in mode_probabilities]
    best = max(allowed, key=lambda m: mode_probabilities[m])
    return None if best == NO_MODE else best


def _labels(path: Path) -> dict[str, Any]:
    try:
        labels = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read the event model's labels {path}: {exc}") from exc
    if not isinstance(labels, dict) or set(labels.get("types", ())) != set(QUAD):
        raise ModelError(f"{path}: the model's types are not the 16 PLOVER 2.0 types")
    if NO_MODE not in labels.get("modes", ()):
        raise ModelError(f"{path}: the model's modes lack {NO_MODE!r}")
    return labels


def _predicates(path: Path) -> frozenset[str]:
    """Lemmas of ``predicates.txt`` (``lemma<TAB>count`` lines); none without the file."""
    if not path.exists():
        return frozenset()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"cannot read the event model's predicates {path}: {exc}") from exc
    return frozenset(line.split("\t", 1)[0].strip() for line in lines if line.strip())


def _softmax(logits: FloatArray) -> FloatArray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return result
