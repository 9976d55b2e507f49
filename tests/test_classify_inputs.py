"""The classification mode's inputs: gold readers, role marks, cues, scores, request lines."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from data import Example, refuse_leaks

from strife.classify.cues import N_CUES, cue_vector
from strife.classify.encode import CONTEXT_CHARS, MAX_ROLE_SPREAD, Pair, focus, mark
from strife.cli.classify import parse_request
from strife.errors import MalformedRecord
from strife.evaluate.event_gold import (
    GoldItem,
    Mention,
    read_corpus,
    read_gold_jsonl,
    read_plover_gold,
    read_plv,
    unmark,
)
from strife.evaluate.events import labeller
from strife.evaluate.scoring import score
from strife.plover import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]


def test_unmark_gives_the_text_and_the_marked_spans() -> None:
    text, spans = unmark("<s>The Libyan National Army (LNA) </s>agreed to lift <t>a blockade</t>.")
    assert text == "The Libyan National Army (LNA) agreed to lift a blockade."
    (start, end), = spans["s"]  # fmt: skip
    assert text[start:end] == "The Libyan National Army (LNA)"
    assert [text[s:e] for s, e in spans["t"]] == ["a blockade"]


def test_plv_rows_become_items_with_roots(tmp_path: Path) -> None:
    path = tmp_path / "plv.tsv"
    header = "\tsentence_id\tsentence\tmarked_sentence\tgold_root"
    rows = [
        "0\t7\tx\t<s>Iran</s> freed <t>two sailors</t>.\tYIELD",
        "1\t9\tx\t<s>UN officials</s> complained.\tACCUSE",
    ]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    first, second = read_plv(path)
    assert (first.id, first.event, first.text) == ("plv-7", "YIELD", "Iran freed two sailors.")
    assert first.recipient is not None and first.text[slice(*first.recipient)] == "two sailors"
    assert second.recipient is None and second.actor == (0, 12)


def test_plover_records_map_old_names_and_codes_and_locate_actors(tmp_path: Path) -> None:
    records = [
        {"id": "d", "event": "DOCUMENT", "eventText": "docs"},
        {
            "id": "x",
            "event": "INVESTIGATE",
            "text": "Kenya probed Somali officials.",
            "source": [{"actorText": "Kenya", "code": "KEN"}],
            "target": [{"actorText": "Somali officials", "code": "SOM"}],
        },
        {
            "id": "j",
            "event": "DEMAND",
            "text": "Japan asked Italy for help.",
            "source": [{"actorText": "Japan", "code": "JAP"}],
            "target": [{"actorText": "Italy", "code": "ITL"}],
        },
        {"id": "y", "event": "DEMAND", "text": "Chad asked for aid.", "target": ""},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    first, old_codes, second = read_plover_gold(path)
    assert (first.event, first.mode) == ("ACCUSE", "investigate")
    assert first.recipients == (Mention(13, 29, "SOM", None),)
    # Older CAMEO country codes some records carry read as the ISO codes strife gives.
    assert [m.code for m in (*old_codes.actors, *old_codes.recipients)] == ["JPN", "ITA"]
    assert (second.event, second.recipients) == ("REQUEST", ())


def test_own_gold_offsets_are_checked(tmp_path: Path) -> None:
    good = {
        "id": "g1",
        "text": "Chad shelled Sudan.",
        "event": "ASSAULT",
        "mode": "heavy-weapons",
        "actor": [{"text": "Chad", "start": 0, "end": 4, "code": "TCD", "sector": "MIL"}],
        "recipient": [],
    }
    bad = {**good, "actor": [{"text": "Chad", "start": 1, "end": 5}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(MalformedRecord, match=r"gold\.jsonl:2"):
        list(read_gold_jsonl(path))
    assert next(iter(read_gold_jsonl(path))).actors[0].code == "TCD"


def test_the_project_gold_set_covers_every_type_in_wire_style() -> None:
    items = read_corpus(ROOT / "tests" / "gold" / "plover_gold.jsonl")
    assert len(items) >= 150
    assert {i.event for i in items} == set(EVENT_TYPES)
    assert len({i.text for i in items}) == len(items)
    assert sum(1 for i in items if i.actor) >= 150


def test_marks_wrap_the_roles_and_tell_where_they_open() -> None:
    text, actor, recipient = mark(Pair("Russia shelled Kharkiv.", (0, 6), (15, 22)))
    assert text == "@ Russia @ shelled # Kharkiv #."
    assert actor == 0 and recipient is not None and text[recipient] == "#"
    text, actor, recipient = mark(Pair("Both sides agreed.", (0, 10), (5, 10)))
    assert text == "@ Both sides @ agreed." and recipient is None


def test_cue_vector_has_trigger_sentence_and_role_parts() -> None:
    vector = cue_vector("ASSAULT", ["ASSAULT", "ACCUSE"], True, False)
    index = EVENT_TYPES.index
    assert vector.shape == (N_CUES,)
    assert vector[index("ASSAULT")] == 1.0 and vector[:16].sum() == 1.0
    assert vector[16 + index("ACCUSE")] == 1.0 and vector[16:32].sum() == 2.0
    assert list(vector[-2:]) == [1.0, 0.0]
    assert not np.any(cue_vector(None, [], False, False))


def test_scores_accuracy_macro_f1_and_per_type() -> None:
    scores = score(["A", "A", "B", "C"], ["A", "B", "B", None])
    assert scores.accuracy == pytest.approx(0.5)
    by = {t.label: t for t in scores.per_type}
    assert by["A"].recall == pytest.approx(0.5) and by["A"].precision == pytest.approx(1.0)
    assert by["B"].precision == pytest.approx(0.5) and by["C"].f1 == 0.0
    assert scores.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 0.0) / 3)


def test_plv_gold_is_scored_by_roots() -> None:
    plv = [GoldItem("1", "t", "YIELD"), GoldItem("2", "t", "ASSAULT")]
    assert labeller(plv)("RETREAT") == "YIELD"
    assert labeller([GoldItem("1", "t", "RETREAT")])("RETREAT") == "RETREAT"


def test_request_lines_are_checked() -> None:
    line = json.dumps({"id": 3, "text": "Iran freed them.", "actor": [0, 4], "recipient": None})
    request = parse_request(line)
    assert request.id == 3 and request.pair == Pair("Iran freed them.", (0, 4), None)
    for bad in ('{"id": 1}', "not json", '{"text": "abc", "actor": [2, 9]}'):
        with pytest.raises(MalformedRecord):
            parse_request(bad)


def test_a_long_text_is_cut_around_its_roles_at_white_space() -> None:
    filler = "Earlier reports said little. " * 300
    sentence = "Russia shelled Kharkiv on Monday."
    text = filler + sentence + " " + filler
    start = len(filler)
    cut = focus(Pair(text, (start, start + 6), (start + 15, start + 22)))
    low = text.index(cut.text)  # unique: the cut holds the sentence
    assert CONTEXT_CHARS - 20 < start - low <= CONTEXT_CHARS
    assert len(cut.text) <= 2 * CONTEXT_CHARS + len(sentence)
    assert text[low - 1] == " " and text[low + len(cut.text)] == " "
    assert cut.actor == (start - low, start - low + 6)
    assert cut.recipient is not None and cut.text[slice(*cut.recipient)] == "Kharkiv"
    # A sentence comes back as it is; a text without roles is cut after the context.
    short = Pair(sentence, (0, 6), None)
    assert focus(short) is short
    assert focus(Pair(text)).text == text[: text.rindex(" ", 0, CONTEXT_CHARS)]


def test_a_request_whose_roles_no_sentence_holds_is_refused() -> None:
    gap = "x " * MAX_ROLE_SPREAD
    line = json.dumps(
        {"text": f"Iran {gap}Iraq", "actor": [0, 4], "recipient": [len(gap) + 5, len(gap) + 9]}
    )
    with pytest.raises(MalformedRecord, match="8,009 characters apart"):
        parse_request(line)
    near = json.dumps(
        {"text": f"{gap}Iran freed Iraq", "actor": [len(gap), len(gap) + 4], "recipient": None}
    )
    assert parse_request(near).pair.actor == (len(gap), len(gap) + 4)


def test_training_refuses_sentences_of_an_evaluation_set(tmp_path: Path) -> None:
    held_out = {
        "id": "g",
        "text": "Chad shelled Sudanese border posts on Monday.",
        "event": "ASSAULT",
    }
    path = tmp_path / "eval.jsonl"
    path.write_text(json.dumps(held_out) + "\n", encoding="utf-8")
    leaked = GoldItem("a", "CHAD shelled  Sudanese border posts on Monday!", "ASSAULT")
    inside = GoldItem(
        "b", "Reports: Chad shelled Sudanese border posts on Monday. More soon.", "ASSAULT"
    )
    clean = GoldItem("c", "Niger shelled Mali.", "ASSAULT")
    examples = [Example(i, 1.0, False) for i in (leaked, inside, clean)]
    kept, refused = refuse_leaks(examples, [path])
    assert [e.item.id for e in kept] == ["c"]
    assert [e.item.id for e in refused] == ["a", "b"]
