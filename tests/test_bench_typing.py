"""The typing benchmark's timing wrapper stands in for any type chooser."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from parsed import actor, parse
from strife.events import EventCoder, Mentions
from strife.records import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from typing_overhead import TimedChooser

SAID_RESPONSIBLE = """
The DET DT det 1 the
government NOUN NN nsubj 2 government
said VERB VBD ROOT 2 say
rebels NOUN NNS nsubj 4 rebel
attacked VERB VBD ccomp 2 attack
Kyiv PROPN NNP dobj 4 Kyiv
. PUNCT . punct 2 .
"""


def test_the_timed_chooser_codes_as_the_chooser_it_wraps() -> None:
    plain = EventCoder.from_data(typing="rules")
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
