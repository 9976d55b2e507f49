"""The shipped event typer: loading, encoding windows, typing pairs, the classify command."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from strife.classify.cues import N_CUES, cue_vector
from strife.classify.encode import CLS_ID, SEP_ID, Encoder, Pair
from strife.classify.model import EventTyper, default_model_dir
from strife.classify.pairs import PairClassifier
from strife.cli import app
from strife.errors import ModelError
from strife.plover import EVENT_TYPES, MODES, QUAD


def test_the_model_ships_small_with_its_card() -> None:
    base = default_model_dir()
    assert (base / "model.onnx").stat().st_size < 50 * 1024 * 1024
    card = (base / "MODEL_CARD.md").read_text(encoding="utf-8")
    for words in ("PLV_train.tsv", "NGEC", "license", "train/train_typer.py"):
        assert words in card


def test_a_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        EventTyper.load(tmp_path)


def test_long_sentences_keep_a_window_around_the_marks() -> None:
    encoder = Encoder(default_model_dir() / "tokenizer.json", max_tokens=24)
    text = "Early words " * 30 + "Russia shelled Kharkiv on Monday." + " Late words" * 30
    start = text.index("Russia")
    batch = encoder.encode([Pair(text, (start, start + 6), (start + 15, start + 22))])
    ids = batch.input_ids[0]
    assert ids[0] == CLS_ID and ids[-1] == SEP_ID and len(ids) == 24
    assert 0 < batch.actor_pos[0] < batch.recipient_pos[0] < 23
    short = encoder.encode([Pair("Talks resumed.")])
    assert short.actor_pos[0] == 0 and short.recipient_pos[0] == 0


def _cues(trigger: str | None, actor: bool, recipient: bool) -> np.ndarray:
    events = [trigger] if trigger else []
    return cue_vector(trigger, events, actor, recipient).reshape(1, N_CUES)


@pytest.mark.parametrize(
    ("text", "actor", "recipient", "trigger", "expected"),
    [
        ("Russian warplanes bombed rebel positions in Idlib.", "Russian warplanes",
         "rebel positions", "ASSAULT", "ASSAULT"),
        ("Tens of thousands of people marched in Tbilisi against the bill.",
         "Tens of thousands of people", None, "PROTEST", "PROTEST"),
        ("Germany expelled two Russian diplomats on Monday.", "Germany",
         "two Russian diplomats", "SANCTION", "SANCTION"),
    ],
)  # fmt: skip
def test_clear_pairs_get_their_type_and_a_valid_mode(
    typer_model: EventTyper,
    text: str,
    actor: str,
    recipient: str | None,
    trigger: str,
    expected: str,
) -> None:
    a = text.index(actor)
    r = text.index(recipient) if recipient else None
    span = (r, r + len(recipient)) if recipient is not None and r is not None else None
    pair = Pair(text, (a, a + len(actor)), span)
    typing = typer_model.type_pairs([pair], _cues(trigger, True, recipient is not None))[0]
    assert typing.event == expected
    assert typing.mode is None or typing.mode in MODES[expected]
    assert typing.quad_code == QUAD[expected]
    assert 0.0 < typing.confidence <= 1.0
    assert set(typing.probabilities) == set(EVENT_TYPES)
    assert sum(typing.probabilities.values()) == pytest.approx(1.0, abs=1e-3)


@pytest.mark.slow
def test_classify_command_types_each_line_and_names_bad_ones(tmp_path: Path) -> None:
    text = "Police arrested dozens of protesters in Tehran on Saturday."
    lines = [
        {"id": "a", "text": text, "actor": [0, 6], "recipient": [16, 36]},
        {
            "id": "b",
            "text": "Chad and Sudan held talks in Doha.",
            "actor": [0, 4],
            "recipient": None,
        },
        {"id": "c", "text": "short", "actor": [3, 99]},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", str(path)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [o["id"] for o in out] == ["a", "b"]
    assert (out[0]["event"], out[0]["mode"]) == ("COERCE", "arrest")
    assert out[1]["event"] == "CONSULT"
    assert set(out[0]) == {"id", "event", "mode", "quad_code", "confidence"}
    assert "pairs.jsonl:3" in result.stderr


def _long_pair(chars: int) -> Pair:
    """A paragraph repeated to ``chars`` characters on one line, the pair in its middle.
    (With "..., the city's mayor said." as the tail, the typer trained with CAMEO's classes
    reads the repeated reports as ACCUSE, 0.27 against ASSAULT 0.23: see its model card.)"""
    paragraph = "Russian forces shelled Kharkiv on Monday, killing two civilians. "
    text = (paragraph * (chars // len(paragraph) + 1))[:chars]
    start = text.index("Russian forces", chars // 2)
    return Pair(text, (start, start + 14), (start + 23, start + 30))


def _seconds(classifier: PairClassifier, pair: Pair) -> float:
    started = time.perf_counter()
    (typing,) = classifier.classify([pair])
    assert typing.event == "ASSAULT"
    return time.perf_counter() - started


@pytest.mark.slow
def test_a_long_line_is_classified_in_time_linear_in_its_length() -> None:
    classifier = PairClassifier.load()
    _seconds(classifier, _long_pair(1_000))  # the first parse warms the pipeline up
    half, full = (_seconds(classifier, _long_pair(n)) for n in (100_000, 200_000))
    # Parsed whole as one sentence, the 200 kB line took over a minute and four times
    # as long as the 100 kB one; the slack keeps timer noise on tiny times harmless.
    assert full < 5.0, (half, full)
    assert full < 3 * half + 0.5, (half, full)


@pytest.mark.slow
def test_classify_command_reads_a_long_line_and_skips_roles_too_far_apart(
    tmp_path: Path,
) -> None:
    long = _long_pair(200_000)
    gap = "and " * 2_000
    lines = [
        {"id": "long", "text": long.text, "actor": long.actor, "recipient": long.recipient},
        {"id": "far", "text": f"Iran {gap}Iraq", "actor": [0, 4], "recipient": [8005, 8009]},
        {"id": "short", "text": "Police arrested dozens in Tehran.", "actor": [0, 6]},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", str(path)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(o["id"], o["event"]) for o in out] == [("long", "ASSAULT"), ("short", "COERCE")]
    problem = " ".join(result.stderr.split())
    assert "pairs.jsonl:2: actor and recipient are 8,009 characters apart" in problem
    assert "pairs.jsonl:1" not in problem and "pairs.jsonl:3" not in problem


def test_a_pairs_reading_does_not_depend_on_the_pairs_typed_with_it(
    typer_model: EventTyper,
) -> None:
    alone = Pair("The warring sides pledged not to target civilians.", (0, 17), None)
    other = Pair(
        "Yerevan and Baku accused each other of attacks on civilians in a long week of "
        "shelling along the whole line of contact and in the towns behind it.",
        (0, 7),
        (12, 16),
    )
    cues = np.concatenate([_cues("AGREE", True, False), _cues("ACCUSE", True, True)])
    (by_itself,) = typer_model.type_pairs([alone], cues[:1])
    with_other, _ = typer_model.type_pairs([alone, other], cues)
    assert with_other.probabilities == by_itself.probabilities


def test_the_learned_trigger_verbs_are_read_with_the_model(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    for name in ("model.onnx", "tokenizer.json", "labels.json"):
        (model / name).symlink_to(default_model_dir() / name)
    assert EventTyper.load(model).predicates == frozenset()
    (model / "predicates.txt").write_text("quash\t3\nrevoke\t2\n", encoding="utf-8")
    assert EventTyper.load(model).predicates == frozenset({"quash", "revoke"})
    (model / "predicates.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ModelError, match="predicates"):
        EventTyper.load(model)
