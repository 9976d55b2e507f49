"""The attribute rules matched by arrays find exactly what spaCy's ruler finds."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from parsed import VOCAB, parse
from strife.attribute_rules import ArrayAttributeRuler
from strife.errors import ModelError

# Every kind of test the model's rules use: a tag, a word and a tag, a dependency label in
# and out of a list ("" is a missing label), a regular expression on the word, a space, and
# two-token rules that set either token.
RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "shelled"}]], "attrs": {"LEMMA": "shell"}},
    {"patterns": [[{"DEP": {"IN": ["nsubj", "dobj"]}, "LOWER": "it"}]], "attrs": {"MORPH": "X=1"}},
    {
        "patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": "aux"}]],
        "attrs": {"POS": "AUX"},
    },
    {
        "patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]],
        "attrs": {"POS": "X"},
    },
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {
        "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]],
        "attrs": {"POS": "VERB"},
        "index": -1,
    },
    {"patterns": [[{"TAG": "NNP"}], [{"LOWER": "it"}]], "attrs": {"POS": "NOUN"}},
]

SENTENCES = """
Rebels PROPN NNP nsubj 2 rebel
did AUX VBD aux 2 do
n't PART RB neg 2 not
stop VERB VB ROOT 3 stop
it PRON PRP dobj 3 it
; PUNCT : punct 3 ;
there PRON EX expl 6 there
was VERB VBD ROOT 6 be
that DET DT nsubj 6 that
, PUNCT , punct 6 ,
gon VERB VBG ROOT 9 go
na PART TO aux 9 to
shelled VERB VBD conj 9 shell
the DET DT det 12 the
town NOUN NN dobj 10 town
. PUNCT . punct 9 .
"""


def _ruler(rules: list[dict[str, Any]]) -> AttributeRuler:
    ruler = AttributeRuler(VOCAB)
    ruler.add_patterns(rules)
    return ruler


def test_hand_built_rules_match_as_spacy_matches_them() -> None:
    ruler = _ruler(RULES)
    array = ArrayAttributeRuler()
    array.use(ruler)
    doc = parse(SENTENCES)
    spaced = Doc(VOCAB, words=["Kyiv", "\n\n", "fell"], spaces=[False, False, False])
    expected = ruler.match(doc)
    assert {m[0] for m in expected + ruler.match(spaced)} == set(range(len(RULES)))
    assert array.match(doc) == expected
    assert array.match(spaced) == ruler.match(spaced) != []
    array(doc)
    assert [doc[i].pos_ for i in (0, 1, 8)] == ["NOUN", "AUX", "X"]
    assert doc[11].lemma_ == "to" and doc[7].pos_ == "VERB"


@pytest.mark.parametrize(
    "rule",
    [
        {"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": {"REGEX": "^NN"}}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": {">=": 3}}]], "attrs": {"POS": "NOUN"}},
    ],
)
def test_a_rule_it_cannot_match_exactly_is_refused(rule: dict[str, Any]) -> None:
    with pytest.raises(ModelError):
        ArrayAttributeRuler().use(_ruler([rule]))


TEXT = (
    "Let's be clear: I ain't gonna sign it, y'all, the minister said. It was there that "
    "the talks broke down, and there is no deal. He did not have it; she has had enough.\n\n"
    "Troops shelled the town. But it gets worse, and he got it.  Who did this? Those who "
    "fled said so. Gotta go, c'mon."
)


def test_the_models_rules_match_as_spacy_matches_them(nlp: Any) -> None:
    """On real parses, with the model's own 179 rules."""
    array = nlp.get_pipe("attribute_ruler")
    assert isinstance(array, ArrayAttributeRuler) and array.ruler is not None
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") :]
    (doc,) = nlp.pipe([TEXT], disable=after)
    expected = array.ruler.match(doc)
    assert len(expected) > len(doc)
    assert array.match(doc) == expected
