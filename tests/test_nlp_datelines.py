"""A wire dateline is found from words and tags, and the parse starts a sentence after it."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from parsed import VOCAB
from strife.nlp import dateline_break, dateline_end


def _tagged(text: str) -> Doc:
    """An unparsed Doc of ``word/TAG`` items, as the pipeline has it before the parser."""
    words, tags = zip(*(item.rsplit("/", 1) for item in text.split()), strict=True)
    return Doc(VOCAB, words=list(words), tags=list(tags))


WIRE = (
    "ANKARA/NNP ,/, Feb/NNP 28/CD (/-LRB- Reuters/NNP )/-RRB- -/: Thirty/CD -/HYPH three/CD "
    "soldiers/NNS were/VBD killed/VBN ./."
)
SENTENCE = "ISIS/NNP carried/VBD out/RP an/DT attack/NN -/: a/DT big/JJ one/NN ./."
LOWER = "Officials/NNS in/IN Kyiv/NNP -/: the/DT capital/NN -/: said/VBD so/RB ./."


def test_the_dateline_ends_at_its_dash() -> None:
    assert dateline_end(_tagged(WIRE)) == 7
    assert dateline_end(_tagged(SENTENCE)) is None  # a verb comes before the dash
    assert dateline_end(_tagged(LOWER)) is None  # no word in capitals opens it


def test_the_parse_starts_a_sentence_after_the_dateline() -> None:
    doc = dateline_break(_tagged(WIRE))
    assert doc[8].is_sent_start and doc[8].text == "Thirty"
    doc = dateline_break(_tagged(SENTENCE))
    assert not any(token.is_sent_start for token in doc[1:])


def test_the_real_pipeline_parses_the_lede_apart(nlp: Any) -> None:
    doc = nlp("ANKARA, Feb 28 - Thirty-three Turkish soldiers were killed in Idlib on Thursday.")
    first, second = list(doc.sents)[:2]
    assert first.text == "ANKARA, Feb 28 -"
    assert second.text.startswith("Thirty-three Turkish soldiers were killed")
    three = next(token for token in doc if token.text == "three")
    assert three.head.text == "soldiers"
