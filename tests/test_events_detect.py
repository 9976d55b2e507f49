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
from strife.events.detect import EventDetector, candidate_features, default_model_dir
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
