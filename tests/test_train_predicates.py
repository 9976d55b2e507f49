"""The training scripts' reading of the parse (``train/predicates.py``): which verb governs
a pair of mentions. Hand-built parses (tests/parsed.py)."""

from __future__ import annotations

from predicates import governing_verb

from parsed import parse
from test_events_typer import QUASHED


def test_the_governing_verb_of_a_pair_is_read_off_the_parse() -> None:
    doc = parse(QUASHED)
    court, ankara = (doc[0:2].start_char, doc[0:2].end_char), (doc[6].idx, doc[6].idx + 6)
    verb = governing_verb(doc, court, ankara)
    assert verb is not None and verb.lemma_ == "quash"
    assert governing_verb(doc, None, None) is None
