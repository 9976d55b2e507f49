"""A wire dateline is found from words and tags, the coder parses it apart from the lede,
and the parse starts a sentence after it."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from parsed import VOCAB
from strife.nlp import dateline_break, dateline_cut, dateline_end, parse_texts, text_pieces

# The tokenizer alone: dateline_cut reads no tags.
TOKENIZER = spacy.blank("en")


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


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("KABUL, May 3 (Reuters) - Twelve people were killed.", 25),
        ("NEW DELHI, June 16 -  Twenty soldiers died.", 21),
        ("WASHINGTON (AP) -- The Senate voted.", 19),
        ("LA PAZ, June 27 (Wire) - Police arrested him.", 25),  # two letters, then capitals
        ("N'DJAMENA, Jan 9 (Wire) - Forces killed 18.", 26),  # an apostrophe in the name
        ("US troops - and allies - left.", None),  # two letters, then lower case
        ("ISIS carried out an attack - a big one.", None),  # a lower-case word first
        ("Officials in Kyiv - the capital - said so.", None),  # no word in capitals opens it
        ("KABUL -", None),  # nothing after the dash
    ],
)
def test_the_text_after_a_dateline_starts_after_its_dash(text: str, cut: int | None) -> None:
    assert dateline_cut(TOKENIZER, text) == cut


def test_the_pieces_join_back_into_the_text() -> None:
    text = "KABUL, May 3 - Twelve people were killed. " + "Officials said so. " * 20
    pieces = text_pieces(TOKENIZER, text, 100)
    assert pieces[0] == "KABUL, May 3 - " and "".join(pieces) == text
    assert all(len(piece) <= 100 for piece in pieces)
    assert text_pieces(TOKENIZER, "Officials said so.", 100) == ["Officials said so."]


def test_the_lede_is_parsed_as_if_it_had_no_dateline(nlp: Any) -> None:
    """With the dateline in its window the tagger read "Twenty" as a name, and the parser
    made it a sentence of its own: the lede lost its figure."""
    text = "NEW DELHI, June 16 - Twenty Indian soldiers were killed in a clash on Monday."
    (doc,) = parse_texts(nlp, [text], piece_chars=10_000, max_chars=100_000)
    assert isinstance(doc, Doc) and doc.text == text
    twenty = doc[6]
    assert (twenty.text, twenty.tag_, twenty.head.text) == ("Twenty", "CD", "soldiers")
    assert dateline_end(doc) == 5
    assert [s.text for s in doc.sents] == [text[:20], text[21:]]
