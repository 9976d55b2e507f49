"""Readers of the ConfliBERT CAMEO sentences into gold items (``corpus="cameo"``).

* ``cameo_class_train.tsv``: ``sentence<TAB>label``, the label (``quad``) a CAMEO class of
  :data:`CLASS_TYPES`, 0 (``NO_EVENT``) a public statement or an appeal; no roles.
* ``cameo_ner_train.txt``: one token a line with a BIO tag, ``S`` the source (PLOVER actor),
  ``T`` the target (recipient), ``R`` the event words; a blank line ends a sentence.

:func:`read_cameo` joins the two: a sentence of both files (same letters and digits, in
order, ignoring case, spaces and punctuation, since the NER file is tokenised: "government
's" for "governmentʼs") keeps the class file's text and quad and gains the spans, moved onto
that text; a sentence only in the NER file is an event of unknown class, its text the tokens
joined back.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final

from strife.errors import MalformedRecord, UnreadableInput
from strife.evaluate.event_gold import GoldItem, Mention

CORPUS: Final = "cameo"
# ConfliBERT's classes group CAMEO's root codes as the Phoenix data's "pentaclass" does, not
# as PLOVER's quad: 0 public statements (01) and appeals (02), 1 verbal cooperation (03-05),
# 2 material cooperation (06-08), 3 verbal conflict (09-13, and 16 reduce relations), 4
# material conflict (14, 15, 17-20). So PLOVER's REQUEST (an appeal, 02, or a demand, 10)
# falls in class 0 or 3, CONCEDE (yield, 08) in class 2 and SANCTION (16) in class 3. The
# suite's development part bears it out: its sentences with "urge" are 13 of 14 class 0,
# those that suspend, cut or reduce aid 22 of 22 class 3, that impose sanctions 8 of 8.
CLASS_TYPES: Final = MappingProxyType(
    {
        0: frozenset({"REQUEST"}),
        1: frozenset({"AGREE", "CONSULT", "SUPPORT"}),
        2: frozenset({"CONCEDE", "COOPERATE", "AID", "RETREAT"}),
        3: frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"}),
        4: frozenset({"PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}),
    }
)

CLASS_FILE = Path("conflibert") / "cameo_class_train.tsv"
NER_FILE = Path("conflibert") / "cameo_ner_train.txt"
ROLES = ("S", "T", "R")
# Tokens written without a space before them, and after them.
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "%", ")", "'", "’", "”", "?", "!"})
_NO_SPACE_AFTER = frozenset({"(", "$", "“", "‘", "€"})


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """A sentence of the NER file: its tokens and their spans by role, as token ranges."""

    tokens: tuple[str, ...]
    spans: dict[str, tuple[tuple[int, int], ...]]
    line: int


def class_admits(cameo_class: int | None, event: str) -> bool:
    """Whether a CAMEO class (a sentence's ``quad``) admits a PLOVER event type."""
    return cameo_class is not None and event in CLASS_TYPES.get(cameo_class, frozenset())


def read_cameo_class(path: Path) -> Iterator[GoldItem]:
    """The class file: each sentence with its CAMEO class as ``quad`` (``NO_EVENT``, 0, a
    public statement or an appeal)."""
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        if not text.strip() or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise MalformedRecord(f"{path}:{number}", "expected sentence<TAB>label 0-4")
        yield GoldItem(
            id=f"cameo-{number}", text=text.strip(), event="", corpus=CORPUS, quad=int(label)
        )


def read_cameo_ner(path: Path) -> Iterator[TaggedSentence]:
    """The NER file, sentence by sentence."""
    tokens: list[str] = []
    tags: list[str] = []
    start = 1
    for number, line in enumerate([*_lines(path), ""], start=1):
        if not line.strip():
            if tokens:
                yield TaggedSentence(tuple(tokens), _spans(tags), start)
            tokens, tags, start = [], [], number + 1
            continue
        token, _, tag = line.strip().rpartition(" ")
        if not token or not (tag == "O" or (tag[:2] in {"B-", "I-"} and tag[2:] in ROLES)):
            raise MalformedRecord(f"{path}:{number}", "expected a token and a BIO tag (S, T, R)")
        tokens.append(token)
        tags.append(tag)


def _spans(tags: Sequence[str]) -> dict[str, tuple[tuple[int, int], ...]]:
    """Token ranges of each role; an I- tag after another role opens a new span."""
    found: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    role, begin = "", 0
    for index, tag in enumerate([*tags, "O"]):
        if role and not (tag.startswith("I-") and tag[2:] == role):
            found[role].append((begin, index))
            role = ""
        if tag != "O" and not role:
            role, begin = tag[2:], index
    return {name: tuple(ranges) for name, ranges in found.items()}


def read_cameo(class_path: Path, ner_path: Path) -> list[GoldItem]:
    """Both files joined (see the module's notes): class sentences first, in file order.
    A sentence repeated in a file is read once (its first line)."""
    tagged: dict[str, TaggedSentence] = {}
    for sentence in read_cameo_ner(ner_path):
        tagged.setdefault(_key(" ".join(sentence.tokens)), sentence)
    items: list[GoldItem] = []
    seen: set[str] = set()
    for item in read_cameo_class(class_path):
        key = _key(item.text)
        if key in seen:
            continue
        seen.add(key)
        spanned = tagged.pop(key) if key in tagged else None
        items.append(_with_spans(item, spanned) if spanned is not None else item)
    for sentence in tagged.values():
        text, offsets = detokenise(sentence.tokens)
        bare = GoldItem(f"cameo-ner-{sentence.line}", text, "", corpus=CORPUS)
        items.append(_attach(bare, sentence, offsets))
    return items


def _with_spans(item: GoldItem, sentence: TaggedSentence) -> GoldItem:
    offsets = align(item.text, sentence.tokens)
    if offsets is None:
        return item
    return _attach(item, sentence, offsets)


def _attach(
    item: GoldItem, sentence: TaggedSentence, offsets: Sequence[tuple[int, int] | None]
) -> GoldItem:
    def mentions(role: str) -> tuple[Mention, ...]:
        found = (_char_span(offsets, a, b) for a, b in sentence.spans[role])
        return tuple(Mention(*span) for span in found if span is not None)

    events = [(m.start, m.end) for m in mentions("R")]
    return GoldItem(
        id=item.id,
        text=item.text,
        event=item.event,
        actors=mentions("S"),
        recipients=mentions("T"),
        corpus=item.corpus,
        extra={**item.extra, "event_words": events},
        quad=item.quad,
    )


def _char_span(
    offsets: Sequence[tuple[int, int] | None], first: int, last: int
) -> tuple[int, int] | None:
    """Characters of tokens [first, last), ignoring edge tokens that have no letter."""
    inside = [span for span in offsets[first:last] if span is not None]
    return (inside[0][0], inside[-1][1]) if inside else None


def align(text: str, tokens: Sequence[str]) -> list[tuple[int, int] | None] | None:
    """Each token's character span in ``text``, matched on letters and digits (None for a
    token without any); None when the two do not spell the same letters and digits."""
    letters = [(index, char) for index, char in enumerate(text) if _counts(char)]
    spans: list[tuple[int, int] | None] = []
    at = 0
    for token in tokens:
        wanted = [c for c in token if _counts(c)]
        if not wanted:
            spans.append(None)
            continue
        got = letters[at : at + len(wanted)]
        if [_fold(c) for _, c in got] != [_fold(c) for c in wanted]:
            return None
        spans.append((got[0][0], got[-1][0] + 1))
        at += len(wanted)
    return spans if at == len(letters) else None


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int] | None]]:
    """Tokens joined back into a sentence, with each token's character span."""
    text = ""
    spans: list[tuple[int, int] | None] = []
    for index, token in enumerate(tokens):
        glued = token in _NO_SPACE_BEFORE or token.startswith("'") or token == "n't"
        if text and not glued and tokens[index - 1] not in _NO_SPACE_AFTER:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
    return text, spans


def _key(text: str) -> str:
    return "".join(_fold(c) for c in text if _counts(c))


def _counts(char: str) -> bool:
    """A letter or digit; modifier letters are apostrophes here ("governmentʼs")."""
    return char.isalnum() and unicodedata.category(char) != "Lm"


def _fold(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or "cannot read") from exc
