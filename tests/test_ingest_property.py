"""Properties of ingest under damage: random bytes, truncations and mutations of valid JSONL,
CSV, HTML, WARC and archives never raise out of ``read_inputs`` (only Articles and
Rejections come out), a truncated WARC or archive yields no Article that the intact file
does not, and reading never holds much more memory than the size limit."""

from __future__ import annotations

import csv
import dataclasses
import functools
import gzip
import io
import json
import tarfile
import tempfile
import tracemalloc
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strife.ingest import article_from_html, read_inputs
from strife.records import Article, Rejection
from synthetic import warc_record

LIMIT = 50_000
# Reading inputs of a few kilobytes (and bombs inflating to megabytes) within LIMIT.
MEMORY_BOUND = 40 * LIMIT
CRAWLED = datetime(2024, 3, 6, 12, 0, tzinfo=UTC)
REPORTS = (
    "Rebels attacked an army post near the town of Kidal on Monday, killing three soldiers,"
    " the army said in a statement. Residents said the fighting lasted several hours.",
    "Police arrested twelve protesters in the capital on Tuesday after clashes outside"
    ' parliament, witnesses said. "We were only marching," one of them said.',
    "Sudanese forces shelled the city of Omdurman on Monday, killing twelve civilians, the"
    " health ministry said. A school and a clinic near the market were damaged.",
)


def _page(text: str) -> bytes:
    return f"<html><head><title>Report</title></head><body><p>{text}</p></body></html>".encode()


def _jsonl() -> bytes:
    return b"".join(json.dumps({"text": text}).encode() + b"\n" for text in REPORTS)


def _csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["text", "title"])
    writer.writerow([f"{REPORTS[0]}\n\nA second paragraph.", "One"])
    writer.writerows([[text, "Other"] for text in REPORTS[1:]])
    return out.getvalue().encode()


def _warc_records() -> list[bytes]:
    records = []
    for n, text in enumerate(REPORTS):
        body = _page(text)
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n"
        block = head.encode() + body
        records.append(
            warc_record("response", f"https://wire.example/{n}", CRAWLED, block, "application/http")
        )
    return records


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", REPORTS[0])
        archive.writestr("b.jsonl", _jsonl())
        archive.writestr("c.warc", b"".join(_warc_records()))
    return out.getvalue()


def _tar_gz() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        members = (("a.txt", REPORTS[1].encode()), ("b.csv", _csv()), ("c.html", _page(REPORTS[2])))
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _bomb() -> bytes:
    """A gzipped JSONL file: a good line, a line inflating to 80 times the limit, a good line."""
    lines = [json.dumps({"text": REPORTS[0]}).encode(), b"x" * (80 * LIMIT), _jsonl()]
    return gzip.compress(b"\n".join(lines))


@functools.cache
def _inputs() -> dict[str, bytes]:
    """Valid inputs, by the file name they are read under."""
    return {
        "in.jsonl": _jsonl(),
        "in.csv": _csv(),
        "in.html": _page(REPORTS[0]),
        "in.warc": b"".join(_warc_records()),
        "in.warc.gz": b"".join(gzip.compress(record) for record in _warc_records()),
        "in.jsonl.gz": gzip.compress(_jsonl()),
        "in.zip": _zip(),
        "in.tar.gz": _tar_gz(),
        "bomb.jsonl.gz": _bomb(),
    }


# Formats whose damage can be told: a record or member cut short is refused, never read.
TELLS_TRUNCATION = ("in.warc", "in.warc.gz", "in.jsonl.gz", "in.zip", "in.tar.gz")


def _read(name: str, data: bytes) -> list[Article | Rejection]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results = list(read_inputs([str(path)], max_bytes=LIMIT))
        assert all(isinstance(result, Article | Rejection) for result in results)
        assert all(result.source.startswith(str(path)) for result in results)
        # The same folder name is not reused: compare what does not name it.
        return [_anonymous(result, str(path)) for result in results]


def _anonymous(result: Article | Rejection, path: str) -> Article | Rejection:
    return dataclasses.replace(result, source=result.source.replace(path, "IN"))


@functools.cache
def _intact_articles(name: str) -> tuple[Article, ...]:
    return tuple(r for r in _read(name, _inputs()[name]) if isinstance(r, Article))


def _bounded_read(name: str, data: bytes) -> list[Article | Rejection]:
    # The first page read loads trafilatura's stop lists (once a process): not ours to count.
    article_from_html(_page(REPORTS[0]).decode(), "warm-up")
    tracemalloc.start()
    try:
        results = _read(name, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"{name}: {peak / 1e6:.1f} MB held at once"
    return results


@st.composite
def _damaged(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """A valid input and a damaged copy of it: cut short, bytes changed, or random bytes."""
    name = draw(st.sampled_from(sorted(_inputs())))
    data = _inputs()[name]
    how = draw(st.sampled_from(["truncate", "mutate", "random"]))
    if how == "truncate":
        return name, data[: draw(st.integers(0, len(data) - 1))], how
    if how == "random":
        return name, draw(st.binary(max_size=2_000)), how
    damaged = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(damaged) - 1))
        change = draw(st.sampled_from(["flip", "insert", "delete"]))
        if change == "flip":
            damaged[at] ^= draw(st.integers(1, 255))
        elif change == "insert":
            damaged[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif len(damaged) > 1:
            del damaged[at : at + draw(st.integers(1, 64))]
    return name, bytes(damaged), how


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=_damaged())
def test_damaged_inputs_never_raise_never_yield_partial_records_and_stay_bounded(
    case: tuple[str, bytes, str],
) -> None:
    name, data, how = case

    results = _bounded_read(name, data)

    if how == "truncate" and name in TELLS_TRUNCATION:
        intact = _intact_articles(name)
        partial = [r for r in results if isinstance(r, Article) and r not in intact]
        assert partial == [], f"{name} cut at {len(data)} yielded a partial record"


def test_the_intact_inputs_are_read_whole() -> None:
    counts = {name: len(_intact_articles(name)) for name in TELLS_TRUNCATION}
    assert counts == {
        "in.warc": 3,
        "in.warc.gz": 3,
        "in.jsonl.gz": 3,
        "in.zip": 7,
        "in.tar.gz": 5,
    }
    bomb = _bounded_read("bomb.jsonl.gz", _inputs()["bomb.jsonl.gz"])
    assert [type(r).__name__ for r in bomb] == ["Article", "Rejection", *["Article"] * 3]
