"""The evaluation suite's one split: every gold sentence is "dev" (70%) or "heldout" (30%).

A sentence's part depends on its text alone: the SHA-256 of the text with runs of whitespace
collapsed to one space and the ends stripped (case and punctuation kept), read as a number;
its remainder by 10,000 below 3,000 makes it held out. The same sentence therefore falls in
the same part in every corpus, every run and every release, and the training scripts drop
held-out sentences by this same function, so they are only ever scored.
"""

from __future__ import annotations

import hashlib
from typing import Final, Literal

Part = Literal["dev", "heldout"]
DEV: Final = "dev"
HELDOUT: Final = "heldout"
PARTS: Final = (DEV, HELDOUT)
# Held out per 10,000 sentences.
HELDOUT_SHARE: Final = 3_000
_BUCKETS: Final = 10_000


def normalise_space(text: str) -> str:
    """The text the split hashes: whitespace runs as one space, no leading or trailing space."""
    return " ".join(text.split())


def part_of(text: str) -> Part:
    """The part ("dev" or "heldout") a sentence belongs to."""
    digest = hashlib.sha256(normalise_space(text).encode("utf-8")).digest()
    bucket = int.from_bytes(digest[:8], "big") % _BUCKETS
    return HELDOUT if bucket < HELDOUT_SHARE else DEV


def is_heldout(text: str) -> bool:
    return part_of(text) == HELDOUT
