"""The context benchmark builds its texts so that each sentence can be found again in them."""

from __future__ import annotations

from typing import Any

import pytest

from context_invariance import CONTEXTS, dateline_for

SENTENCES = [
    "The army shelled the town on Monday.",
    "Police arrested 12 protesters in the capital.",
    "Russia and Ukraine held talks in Istanbul.",
    "No full stop here",
]


@pytest.mark.parametrize("context", sorted(CONTEXTS))
def test_each_sentence_lies_where_its_placing_says(context: str, nlp: Any) -> None:
    built = CONTEXTS[context](SENTENCES, nlp)
    assert built
    for text, placed in built:
        for p in placed:
            inside = text[p.start : p.end]
            # The sentence itself, less its full stop where another sentence or a source
            # follows, and a lower-cased first letter where it opens a second clause.
            assert inside[1:] == p.text[1 : len(inside)], (context, inside, p.text)
            assert inside[0].lower() == p.text[0].lower()


def test_the_dateline_is_the_sentences_own() -> None:
    assert dateline_for(SENTENCES[0]) == dateline_for(SENTENCES[0])
    assert dateline_for(SENTENCES[0]).rstrip().endswith(("-", "--", "—"))


def test_a_second_clause_keeps_the_capital_of_a_name(nlp: Any) -> None:
    built = CONTEXTS["coordination"](SENTENCES[1:3] + SENTENCES[0:1], nlp)
    (text, placed) = built[0]
    assert text == (
        "Police arrested 12 protesters in the capital, and Russia and Ukraine held talks "
        "in Istanbul."
    )
    assert placed[1].start == text.index("Russia")


def test_a_sentence_that_names_its_source_is_not_attributed_again(nlp: Any) -> None:
    said = "Rebels shelled the town, the army said."
    built = CONTEXTS["attribution"]([said, SENTENCES[0]], nlp)
    assert [placed[0].text for _, placed in built] == [SENTENCES[0]]
