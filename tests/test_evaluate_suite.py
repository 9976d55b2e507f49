"""The evaluation suite: its split, the CAMEO and no-event readers, the measures, the training
scripts' held-out guard, and ``strife eval events --suite`` end to end on a tiny data folder.

Every input is written here by hand; none comes from ../shared/data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from data import Example, drop_heldout
from typer.testing import CliRunner

from strife.errors import MalformedRecord
from strife.evaluate.cameo import (
    CLASS_TYPES,
    class_admits,
    detokenise,
    read_cameo,
    read_cameo_class,
    read_cameo_ner,
)
from strife.evaluate.event_gold import NO_EVENT, GoldItem, Mention, read_gold_jsonl
from strife.evaluate.events import Coded
from strife.evaluate.splits import HELDOUT, part_of
from strife.evaluate.suite import MEASURES, Corpus, CorpusScores, macro, score_corpus
from strife.plover import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]

APPEAL = "On Monday, a Kenyan court rejected the Tanzanian governmentʼs appeal."
NER_APPEAL = [
    ("On", "O"),
    ("Monday", "O"),
    (",", "O"),
    ("a", "B-S"),
    ("Kenyan", "I-S"),
    ("court", "I-S"),
    ("rejected", "B-R"),
    ("the", "O"),
    ("Tanzanian", "B-T"),
    ("government", "I-T"),
    ("'s", "I-T"),
    ("appeal", "I-T"),
    (".", "O"),
]
NER_LAGOS = [
    ("Soldiers", "B-S"),
    ("fired", "B-R"),
    ("on", "O"),
    ("protesters", "B-T"),
    ("in", "O"),
    ("Lagos", "O"),
    (",", "O"),
    ("witnesses", "O"),
    ("said", "O"),
    (".", "O"),
]


# The split


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("Chadian soldiers attacked Boko Haram fighters near Lake Chad.", "heldout"),
        ("Kenya has long been a hub for regional trade.", "heldout"),
        ("Mali accused Algeria of harbouring rebels.", "heldout"),
        ("Ethiopian troops shelled Eritrean positions near Badme on Sunday.", "dev"),
        ("Ukraine and Poland signed a defence pact in Warsaw.", "dev"),
        ("The report, released on Tuesday, lists 40 towns.", "dev"),
    ],
)
def test_a_sentence_always_falls_in_the_same_part(sentence: str, part: str) -> None:
    assert part_of(sentence) == part
    assert part_of(f"  {sentence.replace(' ', chr(9) + ' ')}\n") == part


def test_about_thirty_percent_of_sentences_are_held_out() -> None:
    sentences = [f"Report {n}: {n % 97} soldiers crossed border post {n * 7}." for n in range(6000)]
    share = sum(1 for s in sentences if part_of(s) == HELDOUT) / len(sentences)
    assert 0.28 <= share <= 0.32, share


# Readers


def _write_cameo(
    folder: Path, rows: list[tuple[str, str]], ner: list[list[tuple[str, str]]]
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"{text}\t{label}" for text, label in rows]
    (folder / "cameo_class_train.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    blocks = ["\n".join(f"{token} {tag}" for token, tag in sentence) for sentence in ner]
    (folder / "cameo_ner_train.txt").write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")


def _text(item: GoldItem, mentions: tuple[Mention, ...]) -> list[str]:
    return [item.text[m.start : m.end] for m in mentions]


def test_cameo_class_and_ner_files_are_joined_on_their_letters(tmp_path: Path) -> None:
    rows = [(APPEAL, "3"), ("The spokesman said the talks were useful.", "0")]
    rows += [("Rebels attacked a police post near Goma.", "4"), (APPEAL, "3")]
    _write_cameo(tmp_path, rows, [NER_APPEAL, NER_LAGOS])
    items = read_cameo(tmp_path / "cameo_class_train.tsv", tmp_path / "cameo_ner_train.txt")
    appeal, statement, rebels, lagos = items  # the repeated sentence is read once
    assert appeal.text == APPEAL and appeal.quad == 3 and appeal.event == ""
    assert _text(appeal, appeal.actors) == ["a Kenyan court"]
    assert _text(appeal, appeal.recipients) == ["Tanzanian governmentʼs appeal"]
    assert [APPEAL[s:e] for s, e in appeal.extra["event_words"]] == ["rejected"]
    assert appeal.typed and appeal.has_pair and not appeal.no_event
    assert statement.no_event and statement.quad == NO_EVENT and not statement.has_pair
    assert rebels.quad == 4 and not rebels.actors and rebels.typed
    assert lagos.text == "Soldiers fired on protesters in Lagos, witnesses said."
    assert lagos.quad is None and not lagos.typed and lagos.has_pair
    assert _text(lagos, lagos.actors) == ["Soldiers"]
    assert _text(lagos, lagos.recipients) == ["protesters"]
    assert {i.corpus for i in items} == {"cameo"}


def test_ner_spans_of_one_role_split_on_a_new_begin(tmp_path: Path) -> None:
    tags = [("Iran", "B-S"), ("Iraq", "B-S"), ("and", "O"), ("Syria", "B-T"), ("met", "B-R")]
    path = tmp_path / "ner.txt"
    path.write_text("\n".join(f"{t} {g}" for t, g in tags) + "\n", encoding="utf-8")
    (sentence,) = read_cameo_ner(path)
    assert sentence.spans == {"S": ((0, 1), (1, 2)), "T": ((3, 4),), "R": ((4, 5),)}


def test_malformed_cameo_lines_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cameo_class_train.tsv"
    path.write_text("Rebels attacked a post.\t4\nNo label on this line\n", encoding="utf-8")
    with pytest.raises(MalformedRecord, match=r"cameo_class_train\.tsv:2: expected"):
        list(read_cameo_class(path))
    ner = tmp_path / "ner.txt"
    ner.write_text("Rebels B-S\nattacked B-X\n", encoding="utf-8")
    with pytest.raises(MalformedRecord, match=r"ner\.txt:2"):
        list(read_cameo_ner(ner))


def test_detokenised_text_keeps_each_token_span() -> None:
    tokens = ["Troops", "(", "about", "200", ")", "left", "Gao", "'s", "camp", "."]
    text, spans = detokenise(tokens)
    assert text == "Troops (about 200) left Gao's camp."
    assert [text[s:e] for s, e in (sp for sp in spans if sp)] == tokens


def test_no_event_sentences_of_the_own_gold_are_read(tmp_path: Path) -> None:
    path = tmp_path / "no_events.jsonl"
    lines = [
        {
            "id": "none-001",
            "text": "Kenya has long been a hub for regional trade.",
            "kind": "background",
        },
        {"id": "none-002", "text": "Analysts expect rates to hold.", "kind": "forecast"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    first, second = read_gold_jsonl(path)
    assert first.no_event and first.event == "" and first.extra == {"kind": "background"}
    assert second.quad == NO_EVENT and second.corpus == "gold" and not second.typed
    path.write_text(json.dumps({**lines[0], "kind": "rumour"}) + "\n", encoding="utf-8")
    with pytest.raises(MalformedRecord, match=r"no_events\.jsonl:1: needs text"):
        list(read_gold_jsonl(path))


# Measures


def _item(id_: str, text: str, quad: int | None, roles: bool = True, event: str = "") -> GoldItem:
    actors = (Mention(0, 4),) if roles else ()
    recipients = (Mention(10, 15),) if roles else ()
    return GoldItem(id_, text, event, actors=actors, recipients=recipients, corpus="t", quad=quad)


def test_each_measure_counts_the_items_it_applies_to() -> None:
    items = (
        _item("a", "A", 4),  # assault found with its roles
        _item("b", "B", 3),  # roles found, wrong quad
        _item("c", "C", 0, roles=False),  # no event, one coded
        _item("d", "D", 0, roles=False),  # no event, none coded
        _item("e", "E", None),  # NER only: event of unknown quad, nothing coded
        _item("f", "F", 2, roles=False),  # quad only: an AID event anywhere counts
    )
    assault = Coded("ASSAULT", ((0, 4),), ((12, 14),))
    coded = {"A": (assault,), "B": (assault,), "C": (Coded("ACCUSE"),), "D": (), "E": ()}
    coded["F"] = (Coded("AID", ((30, 35),)),)
    typed = {"a": "ASSAULT", "b": "REQUEST"}
    scores = score_corpus(Corpus("t", items), coded, typed)
    assert scores.counts == {
        "type_accuracy": (2, 2),
        "pair_found": (2, 3),
        "pair_typed": (1, 2),
        "type_source": (0, 0),  # no gold here codes its actor's country
        "quad_event": (2, 3),
        "precision": (1, 2),
        "coded_on_none": (1, 2),
    }
    assert scores.value("pair_found") == pytest.approx(2 / 3)
    assert scores.none_types == {"ACCUSE": 1}


def test_type_and_source_country_ask_the_actors_code_not_its_span() -> None:
    def coded_actor(text: str, code: str | None) -> GoldItem:
        return GoldItem(text, text, "ASSAULT", actors=(Mention(0, 4, code),), corpus="t")

    items = (
        coded_actor("A", "RUS"),  # found: an ASSAULT by a RUS actor elsewhere in it
        coded_actor("B", "RUS"),  # the RUS actor's event is of another type
        coded_actor("C", "SYR"),  # an ASSAULT by the wrong country
        coded_actor("D", None),  # the gold codes no country: not asked
    )
    by_russia = Coded("ASSAULT", ((20, 26),), actor_codes=("RUS",))
    coded = {
        "A": (by_russia,),
        "B": (Coded("ACCUSE", ((0, 4),), actor_codes=("RUS",)),),
        "C": (by_russia,),
        "D": (by_russia,),
    }
    scores = score_corpus(Corpus("t", items), coded, {})
    assert scores.counts["type_source"] == (1, 3)
    # strife's UN code counts as the gold's intergovernmental one, not the other way round.
    un = Coded("ASSAULT", ((0, 4),), actor_codes=("UNO",))
    items = (coded_actor("E", "IGO"), coded_actor("F", "UNO"))
    igo = Coded("ASSAULT", ((0, 4),), actor_codes=("IGO",))
    scores = score_corpus(Corpus("t", items), {"E": (un,), "F": (igo,)}, {})
    assert scores.counts["type_source"] == (1, 2)


def test_cameo_classes_admit_each_plover_type_where_its_cameo_codes_fall() -> None:
    # Every type in one class but REQUEST (an appeal, class 0, or a demand, class 3); where
    # CAMEO's classes and PLOVER's quad part: CONCEDE (yield) and SANCTION (reduce relations).
    admitted = [t for types in CLASS_TYPES.values() for t in types]
    assert sorted(admitted) == sorted([*EVENT_TYPES, "REQUEST"])
    assert class_admits(0, "REQUEST") and class_admits(3, "REQUEST")
    assert class_admits(2, "CONCEDE") and not class_admits(1, "CONCEDE")
    assert class_admits(3, "SANCTION") and not class_admits(4, "SANCTION")
    assert not class_admits(None, "ASSAULT") and not class_admits(0, "ASSAULT")


def test_an_appeal_coded_on_a_cameo_statement_is_not_a_false_alarm() -> None:
    def cameo(id_: str, text: str, quad: int) -> GoldItem:
        return GoldItem(id_, text, "", corpus="cameo", quad=quad)

    items = (
        cameo("a", "A", 0),  # "urged Washington to lift sanctions": a REQUEST is right
        cameo("b", "B", 0),  # a statement given an ASSAULT
        cameo("c", "C", 3),  # "suspended military aid": SANCTION, CAMEO's verbal conflict
        cameo("d", "D", 2),  # "lifted sanctions": CONCEDE, CAMEO's material cooperation
    )
    coded = {
        "A": (Coded("REQUEST"),),
        "B": (Coded("REQUEST"), Coded("ASSAULT")),
        "C": (Coded("SANCTION"),),
        "D": (Coded("CONCEDE"),),
    }
    scores = score_corpus(Corpus("cameo", items), coded, {})
    assert scores.counts["coded_on_none"] == (1, 2)
    assert scores.none_types == {"ASSAULT": 1}
    assert scores.counts["quad_event"] == (2, 2)
    own = GoldItem("e", "E", "", corpus="gold", quad=NO_EVENT)  # strife's own: nothing is right
    mine = score_corpus(Corpus("gold", (own,)), {"E": (Coded("REQUEST"),)}, {})
    assert mine.counts["coded_on_none"] == (1, 1)


def test_type_and_root_are_compared_as_the_corpus_labels_them() -> None:
    # PLV labels by root: a coded RETREAT is the gold YIELD. Two gold pairs on one sentence:
    # its events are counted once for precision.
    text = "Iran freed Iraqi prisoners."
    first = GoldItem("1", text, "YIELD", actors=(Mention(0, 4),), recipients=(Mention(11, 16),))
    second = GoldItem("2", text, "YIELD", actors=(Mention(0, 4),), recipients=(Mention(17, 26),))
    coded = {text: (Coded("RETREAT", ((0, 4),), ((11, 16),)),)}
    scores = score_corpus(Corpus("plv", (first, second)), coded, {"1": "CONCEDE", "2": "AID"})
    assert scores.counts["pair_typed"] == (1, 2)
    assert scores.counts["precision"] == (1, 1)
    assert scores.counts["type_accuracy"] == (1, 2)
    assert scores.value("quad_event") is None


def test_macro_averages_over_the_corpora_a_measure_applies_to() -> None:
    empty = dict.fromkeys(MEASURES, (0, 0))
    one = CorpusScores("x", 4, {**empty, "pair_found": (1, 4), "coded_on_none": (1, 2)})
    two = CorpusScores("y", 2, {**empty, "pair_found": (2, 2)})
    averages = macro([one, two])
    assert averages["pair_found"] == pytest.approx(0.625)
    assert averages["coded_on_none"] == pytest.approx(0.5)
    assert averages["quad_event"] is None


# Training never sees a held-out sentence


def test_training_drops_held_out_sentences_of_every_suite_corpus() -> None:
    held, dev = (
        "Mali accused Algeria of harbouring rebels.",
        "Ukraine and Poland signed a defence pact in Warsaw.",
    )
    items = [
        GoldItem("1", held, "ACCUSE", corpus="plv"),
        GoldItem("2", dev, "AGREE", corpus="plv"),
        GoldItem("3", held, "ACCUSE", corpus="cameo"),
        GoldItem("4", held, "ACCUSE", corpus="ngec"),  # synthetic, not in the suite
    ]
    kept, dropped = drop_heldout([Example(item, 1.0, False) for item in items])
    assert [e.item.id for e in kept] == ["2", "4"]
    assert dropped == {"plv": 1, "cameo": 1}


# End to end


def _data_folder(root: Path) -> tuple[Path, Path]:
    data, own = root / "data", root / "own"
    (data / "plv").mkdir(parents=True)
    plv = [
        "sentence_id\tmarked_sentence\tgold_root",
        "1\t<s>Chadian soldiers</s> attacked <t>Boko Haram fighters</t> near Lake Chad.\tASSAULT",
        "2\t<s>Ethiopian troops</s> shelled <t>Eritrean positions</t> near Badme.\tASSAULT",
    ]
    (data / "plv" / "PLV_train.tsv").write_text("\n".join(plv) + "\n", encoding="utf-8")
    (data / "plover").mkdir()
    record = {
        "id": "p1",
        "text": "Mali accused Algeria of harbouring rebels.",
        "event": "DISAPPROVE",
    }
    record |= {"source": [{"actorText": "Mali"}], "target": [{"actorText": "Algeria"}]}
    (data / "plover" / "PLOVER_GSR_CAMEO.json").write_text(json.dumps([record]), encoding="utf-8")
    rows = [(APPEAL, "3"), ("The spokesman said the talks were useful.", "0")]
    rows.append(("Rebels attacked a police post near Goma.", "4"))
    _write_cameo(data / "conflibert", rows, [NER_APPEAL, NER_LAGOS])
    own.mkdir()
    gold = {
        "id": "g1",
        "text": "Ukraine and Poland signed a defence pact in Warsaw.",
        "event": "AGREE",
    }
    (own / "plover_gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    none = {
        "id": "none-001",
        "text": "Kenya has long been a hub for regional trade.",
        "kind": "background",
    }
    (own / "no_events.jsonl").write_text(json.dumps(none) + "\n", encoding="utf-8")
    return data, own


@pytest.mark.slow
def test_the_suite_command_scores_each_corpus_on_its_part(tmp_path: Path) -> None:
    from strife.cli import app

    data, own = _data_folder(tmp_path)
    runner = CliRunner()
    args = ["eval", "events", "--suite", "--data", str(data), "--own", str(own), "-f", "json"]
    held = runner.invoke(app, args)
    assert held.exit_code == 0, held.output
    report = json.loads(held.stdout)
    assert report["part"] == "heldout" and report["skipped"] == {}
    corpora = report["corpora"]
    assert {name: row["items"] for name, row in corpora.items()} == {
        "plv": 1,
        "plover": 1,
        "cameo": 3,
        "gold": 1,
    }
    assert all(set(MEASURES) <= set(row) for row in corpora.values())
    assert corpora["plv"]["pair_typed"] == 1.0  # "Chadian soldiers attacked ..."
    assert corpora["cameo"]["counts"]["coded_on_none"][1] == 1
    none_types = corpora["cameo"]["coded_on_none_types"]
    assert sum(none_types.values()) >= corpora["cameo"]["counts"]["coded_on_none"][0]
    assert corpora["cameo"]["counts"]["quad_event"][1] == 2
    assert corpora["gold"]["counts"]["pair_found"] == [0, 0]
    assert corpora["gold"]["counts"]["coded_on_none"][1] == 1
    assert set(report["macro"]) == set(MEASURES)
    dev = json.loads(runner.invoke(app, [*args, "--part", "dev"]).stdout)
    assert {name: row["items"] for name, row in dev["corpora"].items()} == {
        "plv": 1,
        "plover": 0,
        "cameo": 1,
        "gold": 1,
    }
    table = runner.invoke(app, args[:-2])
    assert table.exit_code == 0 and "macro" in table.stdout and "coded on none" in table.stdout


def test_the_table_rounds_the_macro_average_once(tmp_path: Path) -> None:
    """15/61 and 3/61 average 0.14754: the table says 0.148, not 0.147 from 0.1475."""
    from rich.console import Console

    from strife.evaluate.suite_report import print_suite, suite_dict

    empty = dict.fromkeys(MEASURES, (0, 0))
    scores = [
        CorpusScores("cameo", 61, {**empty, "coded_on_none": (15, 61)}),
        CorpusScores("gold", 61, {**empty, "coded_on_none": (3, 61)}),
    ]
    report = suite_dict(scores, {}, "heldout", tmp_path, "model")
    assert report["macro"]["coded_on_none"] == pytest.approx(18 / 122)
    console = Console(record=True, width=200)
    print_suite(console, report)
    macro_row = next(line for line in console.export_text().splitlines() if "macro" in line)
    assert "0.148" in macro_row and "0.147" not in macro_row
