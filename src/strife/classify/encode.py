"""Turning a sentence and its actor/recipient spans into the model's input tensors.

The actor is wrapped in ``@`` marks and the recipient in ``#`` marks ("@ Russia @ shelled
# Kharkiv #"), the marked text is cut into word pieces by the MiniLM tokenizer, and a window
of at most ``MAX_TOKENS`` pieces around the marks is kept. The positions of the two opening
marks are inputs of the model (it reads the encoder's state there); an absent role points at
``[CLS]``. Training (``train/``) and the shipped model use this same module, so the two can
never disagree on the encoding.

A pair is a sentence. Given a longer text, :func:`focus` keeps the part around its roles
(``CONTEXT_CHARS`` either side), so that reading a pair costs the same however long the
text it comes in: the trigger search over a text parsed as one sentence is quadratic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from strife.errors import ModelError

MAX_TOKENS = 96
ACTOR_MARK = "@"
RECIPIENT_MARK = "#"
CLS_ID = 101
SEP_ID = 102
PAD_ID = 0
# Text kept either side of a pair's roles: more than any sentence of the training corpora
# (under 400 characters) and than the model's window reaches.
CONTEXT_CHARS = 2_000
# How far apart the actor and the recipient may be: no sentence is that long.
MAX_ROLE_SPREAD = 4_000
_SPACE = re.compile(r"\s")

Int64Array = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Pair:
    """A sentence with its actor and recipient character spans (either may be absent)."""

    text: str
    actor: tuple[int, int] | None = None
    recipient: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Batch:
    """Padded model inputs for a list of pairs."""

    input_ids: Int64Array
    attention_mask: Int64Array
    actor_pos: Int64Array
    recipient_pos: Int64Array


def mark(pair: Pair) -> tuple[str, int | None, int | None]:
    """The text with role marks, and where the actor and recipient marks open."""
    actor, recipient = _valid(pair.actor, pair.text), _valid(pair.recipient, pair.text)
    if actor and recipient and actor[0] < recipient[1] and recipient[0] < actor[1]:
        recipient = None  # overlapping roles ("the two sides"): only the actor is marked
    inserts: list[tuple[int, int, str, str]] = []
    for span, sign, role in ((actor, ACTOR_MARK, "a"), (recipient, RECIPIENT_MARK, "r")):
        if span is not None:
            inserts.append((span[0], 1, f"{sign} ", role))
            inserts.append((span[1], 0, f" {sign}", ""))
    pieces: list[str] = []
    opened: dict[str, int] = {}
    last = 0
    for position, _, insert, role in sorted(inserts):
        pieces.append(pair.text[last:position])
        if role:
            opened[role] = sum(len(p) for p in pieces)
        pieces.append(insert)
        last = position
    pieces.append(pair.text[last:])
    return "".join(pieces), opened.get("a"), opened.get("r")


def role_spread(pair: Pair) -> int:
    """Characters from the start of the first role to the end of the last (0 without)."""
    spans = _roles(pair)
    return max(e for _, e in spans) - min(s for s, _ in spans) if spans else 0


def focus(pair: Pair, context: int = CONTEXT_CHARS) -> Pair:
    """``pair`` with its text cut to ``context`` characters either side of its roles (at
    white space; the text's start when it has none) and its spans moved to match; the same
    pair when its text is no longer than that. Roles further apart than
    ``MAX_ROLE_SPREAD`` are kept together all the same: callers reject such pairs."""
    text, spans = pair.text, _roles(pair)
    first = min((s for s, _ in spans), default=0)
    last = max((e for _, e in spans), default=0)
    low, high = max(0, first - context), min(len(text), last + context)
    if low == 0 and high == len(text):
        return pair
    if low > 0 and (space := _SPACE.search(text, low, first)) is not None:
        low = space.end()
    if high < len(text):
        high = max((m.start() for m in _SPACE.finditer(text, last, high)), default=high)
    actor, recipient = _valid(pair.actor, text), _valid(pair.recipient, text)
    return Pair(text[low:high], _moved(actor, low), _moved(recipient, low))


def _roles(pair: Pair) -> list[tuple[int, int]]:
    return [s for s in (_valid(pair.actor, pair.text), _valid(pair.recipient, pair.text)) if s]


def _moved(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] - by, span[1] - by)


def _valid(span: tuple[int, int] | None, text: str) -> tuple[int, int] | None:
    if span is None or not 0 <= span[0] < span[1] <= len(text):
        return None
    return span


def load_tokenizer(tokenizer_file: Path) -> Any:
    """The MiniLM word-piece tokenizer of ``tokenizer_file``, cutting whole texts (no padding,
    no truncation); :class:`ModelError` when the file is unusable."""
    from tokenizers import Tokenizer

    try:
        tokenizer = Tokenizer.from_file(str(tokenizer_file))
    except Exception as exc:  # the tokenizers library raises a bare Exception
        raise ModelError(f"cannot load the tokenizer {tokenizer_file}: {exc}") from exc
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


class Encoder:
    """The MiniLM word-piece tokenizer (``tokenizer.json``) and the windowing rule."""

    def __init__(self, tokenizer_file: Path, max_tokens: int = MAX_TOKENS) -> None:
        self._tokenizer = load_tokenizer(tokenizer_file)
        self.max_tokens = max_tokens

    def encode(self, pairs: Sequence[Pair]) -> Batch:
        rows = [self._row(pair) for pair in pairs]
        width = max((len(ids) for ids, _, _ in rows), default=2)
        ids = np.full((len(rows), width), PAD_ID, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, (row, _, _) in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        actor_pos = np.array([a for _, a, _ in rows], dtype=np.int64)
        recipient_pos = np.array([r for _, _, r in rows], dtype=np.int64)
        return Batch(ids, mask, actor_pos, recipient_pos)

    def _row(self, pair: Pair) -> tuple[list[int], int, int]:
        text, actor_char, recipient_char = mark(pair)
        encoding = self._tokenizer.encode(text, add_special_tokens=False)
        starts = [start for start, _ in encoding.offsets]
        actor = _token_at(starts, actor_char)
        recipient = _token_at(starts, recipient_char)
        room = self.max_tokens - 2
        anchors = [i for i in (actor, recipient) if i is not None]
        centre = sum(anchors) // len(anchors) if anchors else room // 2
        low = max(0, min(centre - room // 2, len(starts) - room))
        window = encoding.ids[low : low + room]
        return [CLS_ID, *window, SEP_ID], _shift(actor, low, room), _shift(recipient, low, room)


def _token_at(starts: list[int], char: int | None) -> int | None:
    if char is None:
        return None
    for i, start in enumerate(starts):
        if start >= char:
            return i
    return None


def _shift(index: int | None, low: int, room: int) -> int:
    """Position in the window, after [CLS]; 0 ([CLS]) when absent or cut off."""
    if index is None or not low <= index < low + room:
        return 0
    return index - low + 1
