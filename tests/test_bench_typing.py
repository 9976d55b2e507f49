"""The typing benchmark's timing wrappers stand in for the parts they time."""

from __future__ import annotations

from datetime import datetime

from parsed import actor, parse
from strife.events import EventCoder, Mentions
from strife.records import Article
from typing_overhead import TimedChooser, TimedDetector, TimedRoles

SAID_RESPONSIBLE = """
The DET DT det 1 the
government NOUN NN nsubj 2 government
said VERB VBD ROOT 2 say
rebels NOUN NNS nsubj 4 rebel
attacked VERB VBD ccomp 2 attack
Kyiv PROPN NNP dobj 4 Kyiv
. PUNCT . punct 2 .
"""


def test_the_timed_chooser_codes_as_the_chooser_it_wraps(rule_coder: EventCoder) -> None:
    plain = rule_coder
    timed = EventCoder.from_data(typing="rules")
    wrapper = TimedChooser(timed.chooser)
    timed.chooser = wrapper
    doc = parse(SAID_RESPONSIBLE)
    mentions = Mentions(
        [actor(doc, 0, 2, "UKR", "GOV", kind="agent"), actor(doc, 5, 6, "UKR", "GOV")], [], []
    )
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    assert timed.code(doc, article, mentions) == plain.code(doc, article, mentions)
    assert wrapper.candidates == 1 and wrapper.seconds >= 0.0


def test_the_timed_detector_and_ranker_code_as_the_models_they_wrap(
    shipped_coder: EventCoder,
) -> None:
    plain = shipped_coder
    timed = EventCoder.from_data()
    assert timed.detector is not None and timed.roles is not None
    detector, roles = TimedDetector(timed.detector), TimedRoles(timed.roles)
    timed.detector, timed.roles = detector, roles
    doc = parse(SAID_RESPONSIBLE)
    mentions = Mentions(
        [actor(doc, 0, 2, "UKR", "GOV", kind="agent"), actor(doc, 3, 4, None, "REB", kind="agent")],
        [],
        [],
    )
    article = Article(id="a1", text=doc.text, source="test", published=datetime(2024, 5, 2))
    events = timed.code(doc, article, mentions)
    assert events == plain.code(doc, article, mentions) and events
    assert detector.seconds > 0.0 and roles.seconds > 0.0
