"""Where events happen (``strife.events.places``): the dateline is read off the first
sentence and its city takes no part in the events.

Hand-built parses (tests/parsed.py); the trigger lexicon types the events, no model.
"""

from __future__ import annotations

from parsed import actor, code_events, parse
from strife.events import EventCoder
from strife.events.places import dateline_tokens

DATELINED = """
BERLIN PROPN NNP nsubj 4 Berlin
-- PUNCT : punct 4 --
a DET DT det 3 a
court NOUN NN appos 0 court
convicted VERB VBD ROOT 4 convict
three NUM CD nummod 6 three
men NOUN NNS dobj 4 man
. PUNCT . punct 4 .
"""

HYPHENATED_OPENING = """
ISIS PROPN NNP nsubj 1 ISIS
claimed VERB VBD ROOT 1 claim
a DET DT det 5 a
multi ADJ JJ amod 5 multi
- PUNCT HYPH punct 3 -
pronged ADJ JJ amod 6 pronged
attack NOUN NN dobj 1 attack
. PUNCT . punct 1 .
"""


def test_a_hyphen_in_the_first_sentence_is_no_dateline() -> None:
    assert dateline_tokens(parse(HYPHENATED_OPENING)) == frozenset()
    assert dateline_tokens(parse(DATELINED)) == frozenset({0, 1})


def test_the_datelines_city_is_never_a_participant(rule_coder: EventCoder) -> None:
    doc = parse(DATELINED)
    events = code_events(rule_coder, doc, [actor(doc, 0, 1, "DEU", "GOV")])
    assert events and all(a.code != "DEU" for e in events for a in (*e.actor, *e.recipient))
