"""Archives (.gz, .zip, .tar.gz), globs and JSONL/CSV column mapping."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strife.ingest import ReadOptions, ReadProgress, read_inputs
from strife.records import Article, Rejection

REPORT = (
    "Rebels attacked an army post near the town on Monday, killing three soldiers, the army "
    "said in a statement. Residents said the fighting lasted several hours."
)
OTHER = (
    "Police arrested twelve protesters in the capital on Tuesday after clashes outside "
    "parliament, witnesses said. Officers used tear gas to clear the square."
)


def _sources(paths: list[str], **options: object) -> list[tuple[str, str]]:
    results = list(read_inputs(paths, options=ReadOptions(**options)))  # type: ignore[arg-type]
    return [(r.source, type(r).__name__) for r in results]


def test_gzip_file_is_read_as_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl.gz"
    lines = [json.dumps({"text": REPORT}), json.dumps({"text": OTHER})]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))

    assert _sources([str(path)]) == [(f"{path}:1", "Article"), (f"{path}:2", "Article")]


def test_zip_members_with_known_extensions_are_read_in_order(tmp_path: Path) -> None:
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a/report.txt", REPORT)
        archive.writestr("a/notes.md", REPORT)
        archive.writestr("b/rows.csv", f'text,date\n"{OTHER}",2024-03-05\n')
        archive.writestr("b/.hidden.txt", REPORT)

    assert _sources([str(path)]) == [
        (f"{path}!a/report.txt", "Article"),
        (f"{path}!b/rows.csv:2", "Article"),
    ]


def test_tar_gz_members_and_a_bad_member_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in (("one.txt", REPORT.encode()), ("bad.txt", b"\x00\x01" * 50),
                           ("two.html", f"<html><p>{OTHER}</p></html>".encode())):  # fmt: skip
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))

    assert _sources([str(path)]) == [
        (f"{path}!one.txt", "Article"),
        (f"{path}!bad.txt", "Rejection"),
        (f"{path}!two.html", "Article"),
    ]


def test_broken_archive_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 not really a zip")

    [(source, kind)] = _sources([str(path)])
    assert (source, kind) == (str(path), "Rejection")


def test_globs_expand_in_sorted_order(tmp_path: Path) -> None:
    for name, text in (("b.txt", OTHER), ("a.txt", REPORT), ("c.md", REPORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")

    assert _sources([str(tmp_path / "*.txt")]) == [
        (str(tmp_path / "a.txt"), "Article"),
        (str(tmp_path / "b.txt"), "Article"),
    ]
    assert _sources([str(tmp_path / "*.nothing")])[0][1] == "Rejection"


def test_columns_are_mapped_onto_fields(tmp_path: Path) -> None:
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(json.dumps({"body": REPORT, "link": "https://x.example/1"}) + "\n")
    table = tmp_path / "rows.csv"
    table.write_text(f'Story,Outlet,When\n"{OTHER}",Harbour Gazette,2024-03-05\n')
    columns = {"text": "body", "url": "link"}

    [from_json] = read_inputs([str(jsonl)], options=ReadOptions(columns=columns))
    [from_csv] = read_inputs(
        [str(table)],
        options=ReadOptions(
            columns={"text": "story", "publication": "outlet", "published": "When"}
        ),
    )

    assert isinstance(from_json, Article) and from_json.url == "https://x.example/1"
    assert isinstance(from_csv, Article) and from_csv.publication == "Harbour Gazette"
    assert from_csv.published is not None and from_csv.published.day == 5
    [unmapped] = read_inputs([str(table)])
    assert isinstance(unmapped, Rejection) and "no 'text' or 'html' column" in unmapped.reason


def test_progress_counts_bytes_of_the_files(tmp_path: Path) -> None:
    paths = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_text(REPORT + f" Report {n}.", encoding="utf-8")
        paths.append(str(path))
    progress = ReadProgress()
    results = read_inputs(paths, options=ReadOptions(progress=progress))

    next(results)
    total = sum(Path(p).stat().st_size for p in paths)
    assert progress.total_bytes == total and 0 < progress.done_bytes <= total
    list(results)
    assert progress.done_bytes == total


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=300),
    suffix=st.sampled_from([".gz", ".zip", ".tar.gz", ".warc", ".warc.gz", ".rss", ".urls"]),
    magic=st.sampled_from([b"", b"\x1f\x8b", b"PK\x03\x04", b"WARC/1.0\r\n", b"<rss>"]),
)
def test_archives_never_raise_on_arbitrary_bytes(data: bytes, suffix: str, magic: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(magic + data)
        results = list(read_inputs([str(path)], max_bytes=1_000))
    assert all(isinstance(result, Article | Rejection) for result in results)
    assert all(result.source.startswith(str(path)) for result in results)


@pytest.mark.slow
def test_guardian_zip_reads_whole() -> None:
    guardian = (
        Path(__file__).resolve().parents[2] / "shared/data/articles/Guardian_SDF_sample.csv.zip"
    )
    if not guardian.exists():
        pytest.skip("../shared/data/articles is not available")
    results = list(read_inputs([str(guardian)]))
    assert len(results) == 249
    assert sum(isinstance(r, Article) for r in results) >= 245
