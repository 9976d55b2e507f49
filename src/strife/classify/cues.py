"""The trigger lexicon as evidence for the model: one vector of cues per pair.

The vector has three parts: the type of the trigger that governs the pair (one-hot over the
16 PLOVER types), the types of every trigger in the sentence (multi-hot), and whether an
actor and a recipient are given. ``strife code`` knows its trigger; for a given pair
(``strife classify``, the gold sets) :mod:`strife.classify.pairs` finds the governing one.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from strife.plover import EVENT_TYPES

N_CUES = 2 * len(EVENT_TYPES) + 2
_INDEX = {event: i for i, event in enumerate(EVENT_TYPES)}

FloatArray = npt.NDArray[np.float32]


def cue_vector(
    trigger_event: str | None,
    sentence_events: Iterable[str | None],
    has_actor: bool,
    has_recipient: bool,
) -> FloatArray:
    """The cue vector of one pair (see the module docstring)."""
    vector = np.zeros(N_CUES, dtype=np.float32)
    if trigger_event in _INDEX:
        vector[_INDEX[trigger_event]] = 1.0
    for event in sentence_events:
        if event in _INDEX:
            vector[len(EVENT_TYPES) + _INDEX[event]] = 1.0
    vector[-2] = float(has_actor)
    vector[-1] = float(has_recipient)
    return vector
