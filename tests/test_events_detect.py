"""The event detector: what it reads of a candidate, and that the shipped model turns down
statements while keeping acts. Parses are built by hand; the model is the shipped one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsed import actor, parse
from strife.errors import ModelError
from strife.events import EventCoder, Mentions
from strife.events.arguments import Arguments
from strife.events.detect import EventDetector, agent_of, candidate_features, default_model_dir
from strife.events.lexicon import TriggerSpec
from strife.events.triggers import Trigger
from strife.events.typer import Candidate, TypeChoice
from strife.records import ActorRef, Article
from test_events_typer import BOMBED

# "The minister expressed condolences to the families": a feeling stated, not an act.
CONDOLENCES = """
The DET DT det 1 the
minister NOUN NN nsubj 2 minister
expressed VERB VBD ROOT 2 express
condolences NOUN NNS dobj 2 condolence
to ADP IN prep 2 to
the DET DT det 6 the
families NOUN NNS pobj 4 family
. PUNCT . punct 2 .
"""

# "Iran said it would not attack ships": a negated attack ahead, under a verb of saying.
WOULD_NOT = """
Iran PROPN NNP nsubj 1 Iran
said VERB VBD ROOT 1 say
it PRON PRP nsubj 5 it
would AUX MD aux 5 would
not PART RB neg 5 not
attack VERB VB ccomp 1 attack
ships NOUN NNS dobj 5 ship
. PUNCT . punct 1 .
"""

Refs = tuple[ActorRef, ...]


def _candidate(lemma: str, event: str, token: int, actors: Refs, recipients: Refs) -> Candidate:
    spec = TriggerSpec(lemma, None, "VERB", event, None, frozenset(), frozenset())
    return Candidate(Trigger(token, spec, token, token + 1), Arguments(actors, recipients))


@pytest.fixture(scope="module")
def detector() -> EventDetector:
    return EventDetector.load()


def test_features_name_the_type_the_roles_and_the_object() -> None:
    doc = parse(CONDOLENCES)
    minister = actor(doc, 1, 2, "GBR", "GOV", kind="agent").ref
    families = actor(doc, 6, 7, None, "CVL", kind="agent").ref
    cand = _candidate("express", "SUPPORT", 2, (minister,), (families,))
    features = set(candidate_features(doc[:], cand, TypeChoice("SUPPORT", None, 0.93)))
    assert {"type=SUPPORT", "quad=1", "lexicon=SUPPORT", "agrees=True", "pos=VERB"} <= features
    assert {"object=condolence", "verb_object=express+condolence", "prep=to"} <= features
    assert {"actor=coded", "actor_sector=GOV", "recipient=uncoded", "recipient_sector=CVL"} <= (
        features
    )
    assert {"probability=4", "is_root", "bias"} <= features
    assert "negated" not in features


def test_features_read_negation_modals_what_governs_and_who_claims() -> None:
    doc = parse(WOULD_NOT)
    iran = actor(doc, 0, 1, "IRN", "GOV", kind="agent").ref
    cand = _candidate("attack", "ASSAULT", 5, (iran,), ())
    features = set(candidate_features(doc[:], cand, TypeChoice("ASSAULT", None, None)))
    assert {"negated", "aux=would", "under=ccomp", "recipient=none"} <= features
    assert {"probability=none", "dep=ccomp"} <= features
    # Who says it is not evidence against it: a claimed event is coded with its claim.
    assert not any("say" in f for f in features) and "is_root" not in features


def test_the_shipped_model_reads_feature_names_and_ignores_unknown_ones(
    detector: EventDetector,
) -> None:
    known = detector.probabilities([["bias", "type=ASSAULT"], ["bias", "no such feature"]])
    assert known.shape == (2,) and all(0.0 < p < 1.0 for p in known)
    same = detector.probabilities([["bias"], ["bias", "no such feature"]])
    assert same[0] == pytest.approx(same[1])
    assert detector.probabilities([]).shape == (0,)
    assert 0.0 < detector.threshold < 1.0


def test_condolences_are_turned_down_and_a_bombing_is_kept(detector: EventDetector) -> None:
    bombed = parse(BOMBED)
    warplanes = actor(bombed, 0, 2, "RUS", "MIL", kind="agent").ref
    positions = actor(bombed, 3, 5, "SYR", "REB", kind="agent").ref
    attack = _candidate("bomb", "ASSAULT", 2, (warplanes,), (positions,))
    kept = detector.keep(bombed[:], [attack], [TypeChoice("ASSAULT", "aerial", 0.98)])
    condolences = parse(CONDOLENCES)
    minister = actor(condolences, 1, 2, "GBR", "GOV", kind="agent").ref
    families = actor(condolences, 6, 7, None, "CVL", kind="agent").ref
    said = _candidate("express", "SUPPORT", 2, (minister,), (families,))
    refused = detector.keep(condolences[:], [said], [TypeChoice("SUPPORT", None, 0.9)])
    assert kept == [True] and refused == [False]


def test_the_coder_codes_nothing_the_detector_turns_down(detector: EventDetector) -> None:
    doc = parse(BOMBED)
    actors = [actor(doc, 0, 2, "RUS", "MIL", kind="agent"), actor(doc, 3, 5, "SYR", "REB")]
    mentions = Mentions(actors, [], [])
    article = Article(id="a1", text=doc.text, source="test")

    class Nothing:
        def keep(self, sent: object, candidates: list[Candidate], *_: object) -> list[bool]:
            return [False] * len(candidates)

    coder = EventCoder.from_data()
    assert [e.event for e in coder.code(doc, article, mentions)] == ["ASSAULT"]
    coder.detector = Nothing()
    assert coder.code(doc, article, mentions) == []


def test_a_broken_model_folder_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="features"):
        EventDetector.load(tmp_path)
    (tmp_path / "features.json").write_text(json.dumps({"features": ["bias"], "threshold": 2}))
    with pytest.raises(ModelError, match="threshold"):
        EventDetector.load(tmp_path)
    (tmp_path / "features.json").write_text(json.dumps({"features": ["bias"], "threshold": 0.5}))
    with pytest.raises(ModelError, match="cannot load the event detector"):
        EventDetector.load(tmp_path)


def test_the_shipped_files_agree(detector: EventDetector) -> None:
    card = json.loads((default_model_dir() / "features.json").read_text(encoding="utf-8"))
    assert len(card["features"]) == len(set(card["features"]))
    assert card["threshold"] == detector.threshold
    # One model column per feature name: every name at once runs (a mismatch raises).
    assert detector.probabilities([card["features"]]).shape == (1,)


# "Floods swept the valley, killing 12 people": the killing's agent is the main clause's.
FLOODS_KILLING = """
Floods NOUN NNS nsubj 1 flood
swept VERB VBD ROOT 1 sweep
the DET DT det 3 the
valley NOUN NN dobj 1 valley
, PUNCT , punct 1 ,
killing VERB VBG advcl 1 kill
12 NUM CD nummod 7 12
people NOUN NNS dobj 5 people
. PUNCT . punct 1 .
"""

# "Mudslides that killed 16 people": through the relative pronoun to its noun.
MUDSLIDES_THAT = """
Rains NOUN NNS nsubj 1 rain
caused VERB VBD ROOT 1 cause
mudslides NOUN NNS dobj 1 mudslide
that PRON WDT nsubj 4 that
killed VERB VBD relcl 2 kill
16 NUM CD nummod 6 16
people NOUN NNS dobj 4 people
. PUNCT . punct 1 .
"""

# "Soldiers were killed by a bomb" and "Soldiers were killed in an ambush".
KILLED_BY = """
Soldiers NOUN NNS nsubjpass 2 soldier
were AUX VBD auxpass 2 be
killed VERB VBN ROOT 2 kill
by ADP IN agent 2 by
a DET DT det 5 a
bomb NOUN NN pobj 3 bomb
. PUNCT . punct 2 .
"""

# "Lightning strikes killed four farmers": the head is a violent act's word, the compound
# names a hazard.
LIGHTNING_KILLED = """
Lightning NOUN NN compound 1 lightning
strikes NOUN NNS nsubj 2 strike
killed VERB VBD ROOT 2 kill
four NUM CD nummod 4 four
farmers NOUN NNS dobj 2 farmer
. PUNCT . punct 2 .
"""

# "An air strike killed four farmers".
STRIKE_KILLED = """
An DET DT det 2 an
air NOUN NN compound 2 air
strike NOUN NN nsubj 3 strike
killed VERB VBD ROOT 3 kill
four NUM CD nummod 5 four
farmers NOUN NNS dobj 3 farmer
. PUNCT . punct 3 .
"""

KILLED_IN = """
Soldiers NOUN NNS nsubjpass 2 soldier
were AUX VBD auxpass 2 be
killed VERB VBN ROOT 2 kill
in ADP IN prep 2 in
an DET DT det 5 an
ambush NOUN NN pobj 3 ambush
. PUNCT . punct 2 .
"""


@pytest.mark.parametrize(
    ("sentence", "kill", "agent"),
    [
        (FLOODS_KILLING, 5, "Floods"),
        (MUDSLIDES_THAT, 4, "mudslides"),
        (KILLED_BY, 2, "bomb"),
        (KILLED_IN, 2, None),
        (WOULD_NOT, 5, "it"),
    ],
)
def test_the_agent_is_the_subject_of_the_clause_or_what_the_passive_names(
    sentence: str, kill: int, agent: str | None
) -> None:
    doc = parse(sentence)
    found = agent_of(doc[kill])
    assert (found.text if found is not None else None) == agent


def test_agent_features_tell_a_party_from_a_thing() -> None:
    doc = parse(FLOODS_KILLING)
    cand = _candidate("kill", "ASSAULT", 5, (), ())
    features = set(candidate_features(doc[:], cand, TypeChoice("ASSAULT", None, None)))
    assert {"agent_pos=NOUN", "agent_noun=flood"} <= features and "agent=actor" not in features
    bombed = parse(BOMBED)
    warplanes = actor(bombed, 0, 2, "RUS", "MIL", kind="agent").ref
    attack = _candidate("bomb", "ASSAULT", 2, (warplanes,), ())
    features = set(candidate_features(bombed[:], attack, TypeChoice("ASSAULT", None, None)))
    assert "agent=actor" in features
    ambush = parse(KILLED_IN)
    passive = _candidate("kill", "ASSAULT", 2, (), ())
    assert "agent=none" in candidate_features(ambush[:], passive, TypeChoice("ASSAULT", None, None))


# "The group claimed responsibility for the attack": an act named by a noun under a claim.
CLAIMED_FOR = """
The DET DT det 1 the
group NOUN NN nsubj 2 group
claimed VERB VBD ROOT 2 claim
responsibility NOUN NN dobj 2 responsibility
for ADP IN prep 3 for
the DET DT det 6 the
attack NOUN NN pobj 4 attack
. PUNCT . punct 2 .
"""


def test_frame_features_say_which_verb_holds_a_noun_trigger_and_how() -> None:
    doc = parse(CLAIMED_FOR)
    claimed = _candidate("attack", "ASSAULT", 6, (), ())
    features = set(candidate_features(doc[:], claimed, TypeChoice("ASSAULT", None, None)))
    assert {"noun=attack", "frame=claim", "frame_path=pobj>prep>dobj"} <= features
    ambush = parse(KILLED_IN)
    killed_in = _candidate("ambush", "ASSAULT", 5, (), ())
    features = set(candidate_features(ambush[:], killed_in, TypeChoice("ASSAULT", None, None)))
    assert {"noun=ambush", "frame=kill", "frame_path=pobj>prep"} <= features
    # A verb trigger has no frame: its own clause is read by the other features.
    verb = _candidate("kill", "ASSAULT", 2, (), ())
    features = candidate_features(ambush[:], verb, TypeChoice("ASSAULT", None, None))
    assert not any(f.startswith(("frame", "noun=")) for f in features)


def test_an_agent_that_names_a_weapon_or_a_violent_act_is_marked() -> None:
    bomb = parse(KILLED_BY)
    cand = _candidate("kill", "ASSAULT", 2, (), ())
    assert "agent=weapon" in candidate_features(bomb[:], cand, TypeChoice("ASSAULT", None, None))
    floods = parse(FLOODS_KILLING)
    cand = _candidate("kill", "ASSAULT", 5, (), ())
    features = candidate_features(floods[:], cand, TypeChoice("ASSAULT", None, None))
    assert "agent=weapon" not in features


def test_an_agent_that_names_a_hazard_is_marked_and_weighs_against_an_attack(
    detector: EventDetector,
) -> None:
    floods = parse(FLOODS_KILLING)
    features = candidate_features(
        floods[:], _candidate("kill", "ASSAULT", 5, (), ()), TypeChoice("ASSAULT", None, None)
    )
    assert "agent=hazard" in features
    lightning = parse(LIGHTNING_KILLED)
    by_lightning = candidate_features(
        lightning[:], _candidate("kill", "ASSAULT", 2, (), ()), TypeChoice("ASSAULT", None, None)
    )
    assert "agent=hazard" in by_lightning and "agent=weapon" not in by_lightning
    strike = parse(STRIKE_KILLED)
    by_strike = candidate_features(
        strike[:], _candidate("kill", "ASSAULT", 3, (), ()), TypeChoice("ASSAULT", None, None)
    )
    assert "agent=weapon" in by_strike and "agent=hazard" not in by_strike
    # The shipped model: the same killing is less likely an event with a hazard as its doer.
    p_lightning, p_strike = detector.probabilities([by_lightning, by_strike])
    assert p_lightning < p_strike


# "Gunmen killed villagers": the same act with no count of whom it struck.
GUNMEN_KILLED = """
Gunmen NOUN NNS nsubj 1 gunman
killed VERB VBD ROOT 1 kill
villagers NOUN NNS dobj 1 villager
. PUNCT . punct 1 .
"""

# "Twelve soldiers were killed": the count on the passive subject.
TWELVE_KILLED = """
Twelve NUM CD nummod 1 twelve
soldiers NOUN NNS nsubjpass 3 soldier
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
. PUNCT . punct 3 .
"""


def test_an_act_that_counts_whom_it_struck_is_marked(detector: EventDetector) -> None:
    def features(table: str, token: int) -> list[str]:
        candidate = _candidate("kill", "ASSAULT", token, (), ())
        return candidate_features(parse(table)[:], candidate, TypeChoice("ASSAULT", None, None))

    counted = features(STRIKE_KILLED, 3)  # "killed four farmers"
    assert "counted" in counted
    assert "counted" in features(TWELVE_KILLED, 3)
    uncounted = features(GUNMEN_KILLED, 1)
    assert "counted" not in uncounted
    # The shipped model weighs a count for the act.
    with_count, without = detector.probabilities([counted, [f for f in counted if f != "counted"]])
    assert with_count > without
