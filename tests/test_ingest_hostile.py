"""Hostile inputs: decompression bombs, truncated WARC records, broken CSV quoting and stray
bytes cost their own record, never the batch, and never more memory than the limit."""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastwarc.stream_io import BrotliWriter

from strife.ingest import article_from_html, article_from_text, read_inputs
from strife.records import Article, Rejection
from synthetic import response_record, warc_record

ROOT = Path(__file__).resolve().parents[1]
CRAWLED = datetime(2024, 3, 6, 12, 0, tzinfo=UTC)
LIMIT = 100_000
# Each bomb inflates to this: 300 times the limit, from a few tens of kilobytes.
BOMB_BYTES = 30_000_000
# What reading a bomb may allocate at most: a few times the limit, far below the bomb.
MEMORY_BOUND = 20 * LIMIT
REPORTS = [
    "Rebels attacked an army post near the town of Kidal on Monday, killing three soldiers,"
    " the army said in a statement.",
    "Police arrested twelve protesters in the capital on Tuesday after clashes outside"
    " parliament, witnesses said.",
    "Sudanese forces shelled the city of Omdurman on Monday, killing twelve civilians, the"
    " health ministry said.",
    "Militants fired rockets at a military base near the airport on Wednesday, wounding"
    " four soldiers, officials said.",
    "Troops clashed with armed herders in the north of the country on Thursday, leaving"
    " six people dead, the governor said.",
    "The government imposed a curfew in the port city on Friday after two days of riots in"
    " which shops were burned, police said.",
]


def _peak_allocated(
    read: Callable[[], list[Article | Rejection]],
) -> tuple[list[Article | Rejection], int]:
    """What ``read`` returns, and the most memory Python held at once while it ran."""
    _warm_up()
    tracemalloc.start()
    try:
        results = read()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return results, peak


def _warm_up() -> None:
    # The first page read loads trafilatura's stop lists and the language detector (tens
    # of megabytes, once a process): not what the bound is about.
    article_from_html(_page(REPORTS[0]).decode(), "warm-up")
    article_from_text(REPORTS[0], "warm-up")


def _bomb_chunks(prefix: bytes) -> Iterator[bytes]:
    yield prefix
    for _ in range(BOMB_BYTES // 1_000_000):
        yield b"a" * 1_000_000


def _gzip_bomb(prefix: bytes, wbits: int = 31) -> bytes:
    """``prefix`` and BOMB_BYTES of one letter, compressed without holding them whole."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return b"".join(packer.compress(chunk) for chunk in _bomb_chunks(prefix)) + packer.flush()


def _brotli_bomb(prefix: bytes) -> bytes:
    out = io.BytesIO()
    writer = BrotliWriter(out)
    for chunk in _bomb_chunks(prefix):
        writer.write(chunk)
    writer.close()  # finishes the stream, and leaves ``out`` open
    return out.getvalue()


def _json_line(text: str) -> bytes:
    return json.dumps({"text": text}).encode() + b"\n"


def _kinds(results: list[Article | Rejection]) -> list[str]:
    return [type(result).__name__ for result in results]


# --- decompression bombs -----------------------------------------------------------------


def test_a_gzipped_jsonl_line_that_inflates_far_over_the_limit_is_refused_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "day.jsonl.gz"
    bomb = _gzip_bomb(b'{"text": "')
    lines = _json_line(REPORTS[0]), bomb, _json_line(REPORTS[1])
    # Three gzip members make one stream: the good lines around the bomb's one line.
    path.write_bytes(gzip.compress(lines[0]) + lines[1] + gzip.compress(b"\n" + lines[2]))
    assert path.stat().st_size < 100_000

    results, peak = _peak_allocated(lambda: list(read_inputs([str(path)], max_bytes=LIMIT)))

    assert _kinds(results) == ["Article", "Rejection", "Article"]
    bad = results[1]
    assert isinstance(bad, Rejection) and bad.source == f"{path}:2"
    assert bad.reason == "larger than 100 kB (30 MB)"
    assert peak < MEMORY_BOUND, f"reading the bomb held {peak / 1e6:.1f} MB at once"


def test_a_zip_member_bomb_is_refused_alone_and_the_other_members_are_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", REPORTS[0])
        with archive.open("b.jsonl", "w") as member:
            member.write(_json_line(REPORTS[1]))
            for chunk in _bomb_chunks(b'{"text": "'):
                member.write(chunk)
            member.write(b'"}\n' + _json_line(REPORTS[2]))
        archive.writestr("c.txt", REPORTS[3])

    results, peak = _peak_allocated(lambda: list(read_inputs([str(path)], max_bytes=LIMIT)))

    assert [(r.source.removeprefix(f"{path}!"), type(r).__name__) for r in results] == [
        ("a.txt", "Article"),
        ("b.jsonl:1", "Article"),
        ("b.jsonl:2", "Rejection"),
        ("b.jsonl:3", "Article"),
        ("c.txt", "Article"),
    ]
    assert isinstance(results[2], Rejection) and "larger than 100 kB" in results[2].reason
    assert peak < MEMORY_BOUND, f"reading the bomb held {peak / 1e6:.1f} MB at once"


def _page(text: str) -> bytes:
    return f"<html><head><title>Report</title></head><body><p>{text}</p></body></html>".encode()


def _response(body: bytes, *headers: str) -> bytes:
    head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    head += "".join(f"{header}\r\n" for header in headers)
    head += f"Content-Length: {len(body)}\r\n\r\n"
    block = head.encode() + body
    return warc_record("response", "https://wire.example/x", CRAWLED, block, _HTTP)


_HTTP = "application/http; msgtype=response"


def _chunked(data: bytes) -> bytes:
    pieces = [data[i : i + 4096] for i in range(0, len(data), 4096)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


BOMBS: dict[str, Callable[[], tuple[bytes, tuple[str, ...]]]] = {
    "gzip": lambda: (_gzip_bomb(b"<html><p>"), ("Content-Encoding: gzip",)),
    "deflate": lambda: (_gzip_bomb(b"<html><p>", 15), ("Content-Encoding: deflate",)),
    "raw-deflate": lambda: (_gzip_bomb(b"<html><p>", -15), ("Content-Encoding: deflate",)),
    "br": lambda: (_brotli_bomb(b"<html><p>"), ("Content-Encoding: br",)),
    "chunked-gzip": lambda: (
        _chunked(_gzip_bomb(b"<html><p>")),
        ("Transfer-Encoding: chunked", "Content-Encoding: gzip"),
    ),
}


@pytest.mark.parametrize("encoding", sorted(BOMBS))
def test_an_encoded_warc_response_is_limited_by_its_decoded_size(
    tmp_path: Path, encoding: str
) -> None:
    bomb, headers = BOMBS[encoding]()
    assert len(bomb) < LIMIT  # the record itself is under the limit: only its payload is not
    records = [
        _response(_page(REPORTS[0])),
        _response(bomb, *headers),
        _response(_page(REPORTS[1])),
    ]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(record) for record in records))

    results, peak = _peak_allocated(lambda: list(read_inputs([str(path)], max_bytes=LIMIT)))

    assert _kinds(results) == ["Article", "Rejection", "Article"]
    assert [r.text for r in results if isinstance(r, Article)] == REPORTS[:2]
    assert isinstance(results[1], Rejection)
    assert results[1].reason == "larger than 100 kB once decompressed"
    assert peak < MEMORY_BOUND, f"reading the bomb held {peak / 1e6:.1f} MB at once"


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_encoded_warc_responses_within_the_limit_are_read(tmp_path: Path, encoding: str) -> None:
    page = _page(REPORTS[2])
    if encoding == "br":
        out = io.BytesIO()
        writer = BrotliWriter(out)
        writer.write(page)
        writer.close()
        body = out.getvalue()
    else:
        body = zlib.compress(page) if encoding == "deflate" else gzip.compress(page)
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        _response(body, f"Content-Encoding: {encoding}")
        + _response(_chunked(page), "Transfer-Encoding: chunked")
    )

    results = list(read_inputs([str(path)]))

    assert [r.text for r in results if isinstance(r, Article)] == [REPORTS[2]] * 2


def test_a_broken_gzip_payload_is_refused_alone(tmp_path: Path) -> None:
    records = [
        _response(gzip.compress(_page(REPORTS[0]))[:-30], "Content-Encoding: gzip"),
        _response(b"\x1f\x8bnot gzip at all", "Content-Encoding: gzip"),
        _response(_page(REPORTS[1])),
    ]
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(records))

    results = list(read_inputs([str(path)]))

    assert _kinds(results) == ["Rejection", "Rejection", "Article"]
    assert [r.reason.split(":")[0] for r in results[:2]] == [
        "truncated compressed payload",
        "broken compressed payload",
    ]


# --- truncated WARC records --------------------------------------------------------------


def _long_page(text: str) -> bytes:
    return _page(" ".join([text] * 40))


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [30, 400, 2_000], ids=["in-headers", "in-http", "in-page"])
def test_a_warc_cut_inside_its_second_response_keeps_the_first_and_refuses_the_second(
    tmp_path: Path, compressed: bool, cut: int
) -> None:
    records = [_response(_long_page(text)) for text in REPORTS[:3]]
    members = [gzip.compress(record) if compressed else record for record in records]
    second = len(members[0])
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    if compressed:  # a gzip member cut at the same place in what it holds
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        path.write_bytes(members[0] + packer.compress(records[1][:cut]) + packer.flush(2))
    else:
        path.write_bytes(members[0] + records[1][:cut])

    results = list(read_inputs([str(path)]))

    assert _kinds(results) == ["Article", "Rejection"]
    first, refused = results
    assert isinstance(first, Article) and first.text == " ".join([REPORTS[0]] * 40)
    assert isinstance(refused, Rejection)
    assert (refused.source, refused.reason) == (f"{path}@{second}", "truncated record")


def test_a_truncated_image_record_is_reported_too(tmp_path: Path) -> None:
    image = response_record("https://wire.example/a.png", CRAWLED, b"\x89PNG" * 500, "image/png")
    path = tmp_path / "cut.warc"
    path.write_bytes(_response(_page(REPORTS[0])) + image[:-600])

    results = list(read_inputs([str(path)]))

    assert _kinds(results) == ["Article", "Rejection"]
    assert results[1].reason == "truncated record"


# --- broken CSV quoting ------------------------------------------------------------------


def _csv_rows(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _good_rows() -> list[list[str]]:
    return [[str(n), text, f"Title {n}"] for n, text in enumerate(REPORTS, start=1)]


def test_one_unbalanced_quote_costs_its_own_row_and_no_fragment_becomes_an_article(
    tmp_path: Path,
) -> None:
    lines = _csv_rows([["id", "text", "title"], *_good_rows()]).splitlines()
    # Row 3 loses the closing quote of its text: the rest of the file would be its text.
    lines[3] = lines[3].replace('said.",', "said.,", 1)
    assert lines[3].count('"') == 1
    path = tmp_path / "rows.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    results = list(read_inputs([str(path)]))

    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [a.text for a in articles] == REPORTS[:2] + REPORTS[3:]
    assert [a.title for a in articles] == ["Title 1", "Title 2", "Title 4", "Title 5", "Title 6"]
    assert [(r.source, r.reason.split(":")[0]) for r in rejections] == [
        (f"{path}:4", "invalid CSV row (line 4)")
    ]


def test_a_quote_left_open_at_the_end_of_the_file_is_refused_with_its_line(
    tmp_path: Path,
) -> None:
    rows = _csv_rows([["text", "title"], [REPORTS[0], "One"], [REPORTS[1], "Two"]])
    path = tmp_path / "open.csv"
    last = "Militants fired rockets at a military base on Wednesday and wounded four soldiers."
    path.write_text(rows + f'"{REPORTS[2]},Three\n{last},Four\n', encoding="utf-8")

    results = list(read_inputs([str(path)]))

    # The line after the open quote is a row of its own again.
    assert [r.text for r in results if isinstance(r, Article)] == [*REPORTS[:2], last]
    assert [(r.source, r.reason) for r in results if isinstance(r, Rejection)] == [
        (f"{path}:4", "invalid CSV row (line 4): unexpected end of data")
    ]


def test_rows_with_more_or_fewer_fields_than_the_header_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text(
        "text,title\n"
        f'"{REPORTS[0]}",One\n'
        f'"{REPORTS[1]}",Two,extra\n'
        f'"{REPORTS[2]}"\n'
        f'"{REPORTS[3]}",Four\n',
        encoding="utf-8",
    )

    results = list(read_inputs([str(path)]))

    assert [r.text for r in results if isinstance(r, Article)] == [REPORTS[0], REPORTS[3]]
    assert [r.reason for r in results if isinstance(r, Rejection)] == [
        "3 fields where the header has 2 (line 3)",
        "1 fields where the header has 2 (line 4)",
    ]


def test_a_badly_quoted_multiline_field_leaves_no_fragment_behind(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(
        "text,title\n"
        f'"{REPORTS[0]}",One\n'
        f'"He said "no" to the rebels\n\nin the capital on Monday",Two\n'
        f'"{REPORTS[1]}",Three\n',
        encoding="utf-8",
    )

    results = list(read_inputs([str(path)]))

    assert [r.text for r in results if isinstance(r, Article)] == REPORTS[:2]
    assert all(r.source != f"{path}:2" for r in results if isinstance(r, Rejection))


def test_an_open_quote_never_gathers_more_than_the_limit(tmp_path: Path) -> None:
    body = "".join(f"{n} {'words ' * 200}\n" for n in range(300))
    path = tmp_path / "open.csv"
    path.write_text(f'text,title\n"{REPORTS[0]}",One\n"Opened,never closed\n{body}', "utf-8")

    results, peak = _peak_allocated(lambda: list(read_inputs([str(path)], max_bytes=LIMIT)))

    assert isinstance(results[0], Article) and results[0].text == REPORTS[0]
    assert isinstance(results[1], Rejection) and results[1].source == f"{path}:3"
    assert peak < MEMORY_BOUND


# --- UTF-8 with a stray byte -------------------------------------------------------------

STRAY = REPORTS[0].replace("Rebels", "Russia\u2019s rebels").encode() + b" \xff More later."


def test_utf8_with_a_stray_byte_stays_utf8_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(STRAY)

    with caplog.at_level(logging.WARNING, logger="strife"):
        (result,) = read_inputs([str(path)])

    assert isinstance(result, Article)
    assert "Russia\u2019s rebels" in result.text and "\u00e2" not in result.text
    assert "\ufffd More later." in result.text
    assert [r.getMessage() for r in caplog.records] == [f"{path}: 1 invalid UTF-8 bytes replaced"]


def test_stray_bytes_in_jsonl_and_csv_rows_stay_utf8(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = STRAY.decode("utf-8", "replace")
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_bytes(b'{"text": "' + STRAY + b'"}\n')
    table = tmp_path / "rows.csv"
    table.write_bytes(b'text\n"' + STRAY + b'"\n')

    with caplog.at_level(logging.WARNING, logger="strife"):
        results = list(read_inputs([str(jsonl), str(table)]))

    assert [r.text for r in results if isinstance(r, Article)] == [text, text]
    assert [r.getMessage() for r in caplog.records] == [
        f"{jsonl}:1: 1 invalid UTF-8 bytes replaced",
        f"{table}:2: 1 invalid UTF-8 bytes replaced",
    ]


def test_text_that_is_not_utf8_at_all_is_still_read_as_cp1252(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Russia\u2019s army said \u201cno\u201d to the caf\u00e9 owners\u2019 request on Monday."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))

    with caplog.at_level(logging.WARNING, logger="strife"):
        (result,) = read_inputs([str(path)])

    assert isinstance(result, Article) and result.text == text
    assert caplog.records == []


@pytest.mark.slow
def test_strife_code_shows_the_warning_as_one_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_bytes(b'{"body": "' + STRAY + b'"}\n')

    done = subprocess.run(
        [sys.executable, "-m", "strife", "code", str(path), "--no-store"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )

    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0] == f"strife: warning: {path}:1: 1 invalid UTF-8 bytes replaced"
    assert lines[1] == f"strife: rejected {path}:1: JSONL line has no 'text' or 'html' field"
