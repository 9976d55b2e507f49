"""The second verb of saying the model joins to what was said goes on from the speaker."""

from __future__ import annotations

from typing import Any

import pytest

from parsed import actor, code_events, parse
from strife.events import EventCoder
from strife.reattach import reattach_speech_conjuncts, speech_conjuncts

# "Obama said the terms were not negotiable and demanded that Gaddafi stop", parsed as
# the model parses it: "demanded" joined to "were". {verb} and {tag} vary the second verb.
SAID_COPULA_AND = """
Obama PROPN NNP nsubj 1 Obama
said VERB VBD ROOT 1 say
the DET DT det 3 the
terms NOUN NNS nsubj 4 term
were AUX VBD ccomp 1 be
not PART RB neg 4 not
negotiable ADJ JJ acomp 4 negotiable
and CCONJ CC cc 4 and
{verb} VERB {tag} conj 4 {lemma}
that SCONJ IN mark 11 that
Gaddafi PROPN NNP nsubj 11 Gaddafi
stop VERB VB ccomp 8 stop
. PUNCT . punct 1 .
"""
# "The agency said units were moving into Kherson and urged soldiers to surrender".
SAID_PROGRESSIVE_AND = """
The DET DT det 1 the
agency NOUN NN nsubj 2 agency
said VERB VBD ROOT 2 say
units NOUN NNS nsubj 5 unit
were AUX VBD aux 5 be
moving VERB VBG ccomp 2 move
into ADP IN prep 5 into
Kherson PROPN NNP pobj 6 Kherson
and CCONJ CC cc 5 and
{verb} VERB {tag} conj 5 {lemma}
soldiers NOUN NNS dobj 9 soldier
to PART TO aux 12 to
surrender VERB VB xcomp 9 surrender
. PUNCT . punct 2 .
"""
# "Assad said his troops would liberate the country and warned the Kurds".
SAID_MODAL_AND = """
Assad PROPN NNP nsubj 1 Assad
said VERB VBD ROOT 1 say
his PRON PRP$ poss 3 his
troops NOUN NNS nsubj 5 troop
would AUX MD aux 5 would
liberate VERB VB ccomp 1 liberate
the DET DT det 7 the
country NOUN NN dobj 5 country
and CCONJ CC cc 5 and
{verb} VERB {tag} conj 5 {lemma}
the DET DT det 11 the
Kurds PROPN NNPS dobj 9 Kurds
. PUNCT . punct 1 .
"""
# "Officials said the rebels seized the town and attacked the base": the second verb
# shares the first's form and subject, as the model read it.
SAID_PAST_AND = """
Officials NOUN NNS nsubj 1 official
said VERB VBD ROOT 1 say
the DET DT det 3 the
rebels NOUN NNS nsubj 4 rebel
seized VERB VBD ccomp 1 seize
the DET DT det 6 the
town NOUN NN dobj 4 town
and CCONJ CC cc 4 and
{verb} VERB {tag} conj 4 {lemma}
the DET DT det 10 the
base NOUN NN dobj 8 base
. PUNCT . punct 1 .
"""


def _doc(template: str, verb: str, tag: str, lemma: str) -> Any:
    return parse(template.format(verb=verb, tag=tag, lemma=lemma))


@pytest.mark.parametrize(
    ("template", "verb", "lemma", "speaker"),
    [
        (SAID_COPULA_AND, "demanded", "demand", "said"),
        (SAID_PROGRESSIVE_AND, "urged", "urge", "said"),
        (SAID_MODAL_AND, "warned", "warn", "said"),
    ],
)
def test_a_second_verb_of_saying_in_the_speakers_form_goes_on_from_the_speaker(
    template: str, verb: str, lemma: str, speaker: str
) -> None:
    doc = _doc(template, verb, "VBD", lemma)
    second = next(token for token in doc if token.text == verb)
    said = next(token for token in doc if token.text == speaker)
    assert [(v.i, s.i) for v, s in speech_conjuncts(doc)] == [(second.i, said.i)]
    reattach_speech_conjuncts(doc)
    assert second.head.i == said.i and second.dep_ == "conj"
    assert doc[second.i - 1].head.i == said.i  # its "and" goes with it


def test_the_speaker_does_the_second_act(rule_coder: EventCoder) -> None:
    doc = _doc(SAID_COPULA_AND, "demanded", "VBD", "demand")
    mentions = [actor(doc, 0, 1, "USA", "GOV"), actor(doc, 10, 11, "LBY", "GOV")]
    before = [e for e in code_events(rule_coder, doc, mentions) if e.event == "REQUEST"]
    assert [e.actor for e in before] == [()]  # read as said of "the terms": no doer
    reattach_speech_conjuncts(doc)
    (after,) = [e for e in code_events(rule_coder, doc, mentions) if e.event == "REQUEST"]
    assert [a.code for a in after.actor] == ["USA"]
    assert [r.code for r in after.recipient] == ["LBY"]


@pytest.mark.parametrize(
    ("template", "verb", "tag", "lemma"),
    [
        # Sharing the first verb's auxiliary: part of what was said.
        (SAID_MODAL_AND, "warn", "VB", "warn"),
        (SAID_PROGRESSIVE_AND, "urging", "VBG", "urge"),
        # Sharing its form with no auxiliary to tell them apart: left as parsed.
        (SAID_PAST_AND, "accused", "VBD", "accuse"),
        # No act done in words: the rebels attacked, as the model read it.
        (SAID_MODAL_AND, "attacked", "VBD", "attack"),
        # Not in the speaker's form ("said ... and demands").
        (SAID_COPULA_AND, "demands", "VBZ", "demand"),
    ],
)
def test_a_second_verb_that_may_belong_to_what_was_said_stays_there(
    template: str, verb: str, tag: str, lemma: str
) -> None:
    doc = _doc(template, verb, tag, lemma)
    heads = [token.head.i for token in doc]
    assert list(speech_conjuncts(doc)) == []
    reattach_speech_conjuncts(doc)
    assert [token.head.i for token in doc] == heads


# "... and he demanded that Gaddafi stop": the second verb has a doer of its own.
SAID_COPULA_AND_HE = """
Obama PROPN NNP nsubj 1 Obama
said VERB VBD ROOT 1 say
the DET DT det 3 the
terms NOUN NNS nsubj 4 term
were AUX VBD ccomp 1 be
negotiable ADJ JJ acomp 4 negotiable
and CCONJ CC cc 4 and
he PRON PRP nsubj 8 he
demanded VERB VBD conj 4 demand
talks NOUN NNS dobj 8 talk
. PUNCT . punct 1 .
"""


def test_a_second_verb_with_a_doer_of_its_own_stays_there() -> None:
    assert list(speech_conjuncts(parse(SAID_COPULA_AND_HE))) == []


def test_the_real_pipeline_gives_the_speaker_the_second_act(nlp: Any) -> None:
    doc = nlp(
        "The UN mission warned that the country was on the brink of war and called on "
        "leaders to release detained officials."
    )
    called = next(token for token in doc if token.text == "called")
    assert called.head.text == "warned"
