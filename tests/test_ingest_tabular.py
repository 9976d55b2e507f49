"""JSON lines and CSV: one article per record, bad records refused one by one."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

from strife.ingest import article_id, read_inputs
from strife.records import Article, Rejection

REPORT = (
    "Rebels attacked an army post near the town of Kidal on Monday, killing three soldiers, "
    "the army said in a statement."
)
OTHER_REPORT = (
    "Police arrested twelve protesters in the capital on Tuesday after clashes outside "
    "parliament, witnesses said."
)
PAGE = (
    "<html><head><title>Army post attacked</title></head><body><article>"
    f"<p>{REPORT}</p><p>{OTHER_REPORT}</p></article></body></html>"
)
FRENCH = (
    "Le gouvernement a annoncé samedi que les négociations avec les rebelles seraient "
    "suspendues, selon un communiqué publié par le ministère de la défense dans la capitale."
)


def _by_source(results: list[Article | Rejection]) -> dict[str, Article | Rejection]:
    return {result.source: result for result in results}


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "batch.jsonl",
        [
            json.dumps({"id": "row-1", "text": REPORT, "url": "https://x.example/1"}),
            "",
            "{not json",
            json.dumps({"title": "no body"}),
            json.dumps(["a", "list"]),
            json.dumps({"html": PAGE, "published": "2021-05-03T10:00:00Z", "publication": "W"}),
            json.dumps({"text": FRENCH}),
            json.dumps({"text": "   "}),
            json.dumps({"text": 42}),
        ],
    )
    results = _by_source(list(read_inputs([str(path)])))
    name = str(path)
    assert sorted(results) == sorted(f"{name}:{n}" for n in (1, 3, 4, 5, 6, 7, 8, 9))

    first = results[f"{name}:1"]
    assert isinstance(first, Article)
    assert first.text == REPORT
    assert first.url == "https://x.example/1"
    assert first.id == article_id(REPORT)  # the row's own id is not used

    page = results[f"{name}:6"]
    assert isinstance(page, Article)
    assert page.text == f"{REPORT}\n\n{OTHER_REPORT}"
    assert page.published == datetime(2021, 5, 3, 10, tzinfo=UTC)
    assert page.publication == "W"

    reasons = {source: r.reason for source, r in results.items() if isinstance(r, Rejection)}
    assert reasons[f"{name}:3"].startswith("invalid JSON: ")
    assert reasons[f"{name}:4"] == "JSONL line has no 'text' or 'html' field"
    assert reasons[f"{name}:5"] == "JSONL line is not a JSON object"
    assert reasons[f"{name}:7"] == "not English (detected: fr)"
    assert reasons[f"{name}:8"].startswith("empty")
    assert reasons[f"{name}:9"] == "JSONL line has no 'text' or 'html' field"


def test_jsonl_line_over_the_limit_is_refused_alone(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "big.jsonl",
        [json.dumps({"text": REPORT * 20}), json.dumps({"text": REPORT})],
    )
    results = list(read_inputs([str(path)], max_bytes=500))
    assert isinstance(results[0], Rejection)
    assert results[0].reason.startswith("larger than 500 bytes")
    assert isinstance(results[1], Article)


def test_jsonl_line_with_bad_bytes_is_refused_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(json.dumps({"text": REPORT}).encode() + b"\n" + b'{"text": "\x00\x00"}\n')
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article)
    assert isinstance(second, Rejection) and second.source == f"{path}:2"
    assert "binary" in second.reason


def test_jsonl_without_records_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n", encoding="utf-8")
    (result,) = read_inputs([str(path)])
    assert isinstance(result, Rejection) and result.source == str(path)


def test_csv_good_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "Text", "date", "source"])
        writer.writerow(["1", REPORT, "2019-04-10", "Guardian"])
        writer.writerow(["2", "", "", ""])
        writer.writerow(["3", f"{OTHER_REPORT}\n\nA second paragraph, quoted over lines.", "", ""])
        writer.writerow(["4", FRENCH, "", ""])
    results = _by_source(list(read_inputs([str(path)])))
    name = str(path)
    assert sorted(results) == [f"{name}:{n}" for n in (2, 3, 4, 5)]

    first = results[f"{name}:2"]
    assert isinstance(first, Article)
    assert (first.text, first.publication) == (REPORT, "Guardian")
    assert first.published == datetime(2019, 4, 10)
    third = results[f"{name}:4"]
    assert isinstance(third, Article)
    assert third.text.split("\n\n") == [OTHER_REPORT, "A second paragraph, quoted over lines."]
    assert isinstance(results[f"{name}:3"], Rejection)
    assert isinstance(results[f"{name}:5"], Rejection)


def test_csv_with_long_texts(tmp_path: Path) -> None:
    long_text = " ".join([REPORT] * 2000)  # far over the csv module's 128 kB default
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["text"], [long_text]])
    (result,) = read_inputs([str(path)])
    assert isinstance(result, Article)
    assert len(result.text) == len(long_text)


def test_csv_without_text_column_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "notext.csv"
    path.write_text("id,body\n1,something\n2,else\n", encoding="utf-8")
    (result,) = read_inputs([str(path)])
    assert isinstance(result, Rejection)
    assert result.reason == "CSV header has no 'text' or 'html' column"


def test_csv_row_in_cp1252_is_decoded_alone(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    row = f"\u201c{REPORT}\u201d"
    quoted = [
        f'"{text}"\n'.encode(encoding) for text, encoding in ((row, "cp1252"), (REPORT, "utf-8"))
    ]
    path.write_bytes(b"text\n" + b"".join(quoted))
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article) and first.text == row
    assert isinstance(second, Article) and second.text == REPORT
