"""Attacks whose doer the sentence does not name are still attacks.

The event detector learns from strife's own disaster sentences that deaths a flood or a
crash caused are no event; its positives, though, need a gold actor, so an attack told
without one ("were killed in shelling") is never among them. A model that learnt "killed"
itself as a sign of no event dropped some of these (a detector trained with 40 more
disaster sentences did); every one must keep its ASSAULT. The real pipeline and the
shipped models, sentences written for this test.
"""

from __future__ import annotations

import pytest

ATTACKS = [
    "Three soldiers were killed on Monday in the Donetsk region, the defence ministry said.",
    "Two civilians were killed and five wounded in shelling of Kharkiv overnight.",
    "At least 20 people were killed when a car bomb exploded near a market in Mogadishu.",
    "Gunmen killed 12 villagers in Zamfara state on Sunday.",
    "Five policemen were killed in an ambush in Borno state.",
    "Israeli strikes killed 30 people in Gaza overnight, health officials said.",
    "Militants killed three soldiers in an attack on a checkpoint in North Waziristan.",
    "A suicide bomber killed 14 people at a mosque in Peshawar.",
    "Two Azerbaijani civilians were killed in Terter by Armenian shelling.",
    "Security forces shot dead four protesters in Khartoum on Thursday.",
    "A drone strike killed a senior al-Shabaab commander near Jilib.",
    "Four people died after police opened fire on demonstrators in Nairobi.",
]

pytestmark = pytest.mark.slow


def test_every_attack_keeps_its_assault() -> None:
    from strife.evaluate.events import Coded, code_sentences
    from strife.pipeline import Coder

    coded = code_sentences(ATTACKS, Coder.load())
    missed = [
        text
        for text in ATTACKS
        if not any(e.event == "ASSAULT" and Coded.of(e).fact for e in coded[text])
    ]
    assert missed == []


# Written for this test: the killing is told by a participle whose clause names the place.
PARTICIPLE_ATTACKS = {
    "A roadside bomb exploded near a police vehicle in Kunar province on Monday, killing "
    "three officers, a spokesman said.": "AFG",
    "Two bombs exploded in a crowded market in Baghdad on Tuesday, killing 20 people.": "IRQ",
    "A car bomb went off outside a hotel in Beledweyne, killing at least 13 people.": "SOM",
}


def test_an_attack_told_by_a_participle_is_placed_where_its_clause_is() -> None:
    """Where, not whether: the event detector is off, since whether an attack with no doer
    named ("a car bomb went off") is kept is the detector's call near its threshold (the
    Beledweyne sentence scores 0.39 against 0.40 with the detector of 2026-12-06)."""
    from strife.evaluate.events import code_sentences
    from strife.pipeline import Coder

    coder = Coder.load()
    coder.events.detector = None
    coded = code_sentences(list(PARTICIPLE_ATTACKS), coder)
    placed = {
        text: [e.event_loc.country_code for e in coded[text] if e.event_loc is not None]
        for text in PARTICIPLE_ATTACKS
    }
    assert placed == {text: [country] for text, country in PARTICIPLE_ATTACKS.items()}


# Written for this test: the dead are the subject of "died".
DIED = [
    "Seven soldiers died in an attack on their base near Gao on Monday, the army said.",
    "At least 40 civilians died in an air strike on a market in northern Yemen.",
]


def test_those_who_died_are_never_the_attackers() -> None:
    from strife.evaluate.events import code_sentences
    from strife.pipeline import Coder

    coded = code_sentences(DIED, Coder.load())
    for text, victims in zip(DIED, ("soldiers", "civilians"), strict=True):
        events = [e for e in coded[text] if e.event == "ASSAULT"]
        assert not any(victims in a.entity_text for e in events for a in e.actor), text
        assert any(victims in r.entity_text for e in events for r in e.recipient), text
