"""The model's attribute rules, matched with array comparisons instead of spaCy's Matcher.

The English model's ``attribute_ruler`` maps each fine-grained tag to its part of speech and
morphology and fixes a few words ("'s" after "let", "ai n't", "I" as a subject), with
179 patterns. spaCy matches them with its general ``Matcher``, which calls a Python predicate
for every ``IN``, ``NOT_IN`` and ``REGEX`` test on every token: about a tenth of the
pipeline's time, more than the dependency parser's share of it. These patterns are single
tokens or pairs of tokens tested for equality, set membership and a regular expression
on a word, so :class:`ArrayAttributeRuler` compiles each into comparisons over the Doc's
attribute columns (``Doc.to_array``) and hands the matches, in the order spaCy's ruler
sorts them, to that ruler's own ``set_annotations``: every token ends with the same part of
speech, morphology, lemma, tag and dependency label (``tests/test_attribute_rules.py``
compares the two on real text). A pattern of any other kind is refused when the pipeline
loads, not matched differently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
from spacy.attrs import IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from strife.errors import ModelError

NAME: Final = "strife_attribute_ruler"
# The attributes the rules test, in the order of the Doc's array columns.
_COLUMN_NAMES: Final = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS: Final = {name: column for column, name in enumerate(_COLUMN_NAMES)}
_ARRAY_ATTRS: Final = [IDS[name] for name in _COLUMN_NAMES]

# A token test: the Doc's columns (one row per token) to a boolean per token.
Test = Callable[[np.ndarray, "Doc"], np.ndarray]
Match = tuple[int, int, int, int]  # (attribute id, match id, start, end), as spaCy sorts them


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One token sequence of one rule: its tests, token by token."""

    attr_id: int
    match_id: int
    tokens: tuple[tuple[Test, ...], ...]


class ArrayAttributeRuler:
    """A pipeline component that applies an :class:`AttributeRuler`'s rules, found by
    comparing arrays. Built empty by spaCy's factory; :meth:`use` gives it the ruler."""

    def __init__(self) -> None:
        self.ruler: AttributeRuler | None = None
        self.patterns: tuple[_Pattern, ...] = ()

    def use(self, ruler: AttributeRuler) -> None:
        """Compile ``ruler``'s patterns; raises :class:`ModelError` on a pattern this
        module cannot match exactly as spaCy does."""
        vocab = ruler.vocab
        compiled: list[_Pattern] = []
        tests: dict[str, Test] = {}  # one test per distinct (key, value): computed once a Doc
        rules: list[dict[str, Any]] = list(ruler.patterns)
        for attr_id, rule in enumerate(rules):
            for sequence in rule["patterns"]:
                tokens = tuple(
                    tuple(
                        tests.setdefault(repr((k, v)), _compile(vocab, k, v))
                        for k, v in spec.items()
                    )
                    for spec in sequence
                )
                compiled.append(_Pattern(attr_id, vocab.strings.add(str(attr_id)), tokens))
        self.ruler = ruler
        self.patterns = tuple(compiled)

    def match(self, doc: Doc) -> list[Match]:
        """The matches spaCy's ruler finds in ``doc``, in the order it applies them."""
        if not len(doc):
            return []
        columns = doc.to_array(_ARRAY_ATTRS)
        n = len(doc)
        found: set[Match] = set()
        results: dict[Test, np.ndarray] = {}
        for pattern in self.patterns:
            width = len(pattern.tokens)
            if width > n:
                continue
            hits = np.ones(n - width + 1, dtype=bool)
            for offset, tests in enumerate(pattern.tokens):
                for test in tests:
                    result = results.get(test)
                    if result is None:
                        result = results[test] = test(columns, doc)
                    hits &= result[offset : offset + n - width + 1]
            for start in np.flatnonzero(hits).tolist():
                found.add((pattern.attr_id, pattern.match_id, start, start + width))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None:
            raise ModelError(f"{NAME} was not given the model's attribute ruler")
        ruler: Any = self.ruler  # spaCy's method is untyped
        ruler.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _compile(vocab: Vocab, key: str, value: Any) -> Test:
    if key not in _COLUMNS:
        raise ModelError(f"the attribute ruler tests {key!r}, which strife cannot match")
    column = _COLUMNS[key]
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise ModelError(f"the attribute ruler tests IS_SPACE against {value!r}")
        wanted = int(value)
        return lambda columns, doc: columns[:, column] == wanted
    if isinstance(value, str):
        code = vocab.strings.add(value) if value else 0
        return lambda columns, doc: columns[:, column] == code
    if isinstance(value, dict) and len(value) == 1:
        ((operator, argument),) = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(argument, list):
            codes = np.array([vocab.strings.add(a) if a else 0 for a in argument], dtype=np.uint64)
            if operator == "IN":
                return lambda columns, doc: np.isin(columns[:, column], codes)
            return lambda columns, doc: ~np.isin(columns[:, column], codes)
        if operator == "REGEX" and isinstance(argument, str) and key == "LOWER":
            return _RegexTest(argument)
    raise ModelError(f"the attribute ruler tests {key} with {value!r}, which strife cannot match")


class _RegexTest:
    """``re.search`` on each token's lower-case form, as spaCy's REGEX predicate does, run
    once per distinct word and remembered."""

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern)
        self.known: dict[int, bool] = {}

    def __call__(self, columns: np.ndarray, doc: Doc) -> np.ndarray:
        words, where = np.unique(columns[:, _COLUMNS["LOWER"]], return_inverse=True)
        strings = doc.vocab.strings
        hits = np.zeros(len(words), dtype=bool)
        for i, code in enumerate(words.tolist()):
            hit = self.known.get(code)
            if hit is None:
                hit = self.known[code] = self.regex.search(strings[code]) is not None
            hits[i] = hit
        return hits[where.reshape(-1)]
