"""Encoding training examples once: word pieces, lexicon cues and labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from data import Example
from net import Tensors, base_model_dir, label_rows

from strife.classify.encode import Batch, Encoder, Pair
from strife.classify.model import TOKENIZER_FILE
from strife.classify.pairs import cue_matrix
from strife.events.lexicon import EventLexicon
from strife.nlp import load_nlp


def pair_of(example: Example) -> Pair:
    return Pair(example.item.text, example.item.actor, example.item.recipient)


def encode_examples(examples: Sequence[Example]) -> Tensors:
    pairs = [pair_of(e) for e in examples]
    encoder = Encoder(base_model_dir() / TOKENIZER_FILE)
    cues = cue_matrix(load_nlp(), EventLexicon.from_data(), pairs)
    allowed, modes = label_rows(
        [e.item.event for e in examples],
        [e.item.mode for e in examples],
        [e.mode_known for e in examples],
        [e.item.quad for e in examples],
    )
    weights = np.array([e.weight for e in examples], dtype=np.float32)
    return Tensors(encoder.encode(pairs), cues, allowed, modes, weights)


def subset(data: Tensors, index: np.ndarray) -> Tensors:
    batch = Batch(
        data.batch.input_ids[index],
        data.batch.attention_mask[index],
        data.batch.actor_pos[index],
        data.batch.recipient_pos[index],
    )
    return replace(
        data,
        batch=batch,
        cues=data.cues[index],
        allowed=data.allowed[index],
        modes=data.modes[index],
        weights=data.weights[index],
    )
