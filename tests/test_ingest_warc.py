"""WARC and WARC.gz files: HTML responses become articles with their URL and date."""

from __future__ import annotations

import gzip
import io
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from strife.ingest import read_inputs
from strife.records import Article, Rejection
from synthetic import Page, page_html, response_record, warc_record

CRAWLED = datetime(2024, 3, 6, 12, 0, tzinfo=UTC)
REPORT = (
    "Sudanese forces shelled the city of Omdurman on Monday, killing twelve civilians, the"
    " health ministry said. Residents said the fighting lasted several hours and damaged a"
    " school and a clinic near the market."
)
FRENCH = (
    "Les forces armées ont bombardé la ville jeudi, selon les autorités locales. Le"
    " gouvernement a condamné cette attaque et a demandé une enquête internationale."
)


def _page(text: str = REPORT, lang: str = "en", dated: bool = True) -> bytes:
    page = Page(
        url="https://wire.example/a",
        outlet="Wire Example",
        headline="Shelling in Omdurman",
        paragraphs=(text,),
        published=datetime(2024, 3, 4, 9, 30, tzinfo=UTC),
        story=0,
        lang=lang,
    )
    html = page_html(page)
    if not dated:
        html = "\n".join(line for line in html.splitlines() if "published_time" not in line)
    return html.encode()


def _write(path: Path, records: list[bytes], compress: bool = True) -> Path:
    with path.open("wb") as out:
        for record in records:
            out.write(gzip.compress(record) if compress else record)
    return path


def _crawl() -> list[bytes]:
    return [
        warc_record("warcinfo", None, CRAWLED, b"software: test\r\n", "application/warc-fields"),
        warc_record(
            "request",
            "https://wire.example/a",
            CRAWLED,
            b"GET /a HTTP/1.1\r\n\r\n",
            "application/http; msgtype=request",
        ),
        response_record("https://wire.example/a", CRAWLED, _page(), "text/html; charset=utf-8"),
        response_record("https://wire.example/logo.png", CRAWLED, b"\x89PNG\r\n", "image/png"),
        response_record("https://wire.example/gone", CRAWLED, _page(), "text/html", 404),
        response_record("https://wire.example/fr", CRAWLED, _page(FRENCH, "fr"), "text/html"),
        response_record("https://wire.example/b", CRAWLED, _page(dated=False), "text/html"),
    ]


def test_html_responses_become_articles_with_url_and_date(tmp_path: Path) -> None:
    warc = _write(tmp_path / "crawl.warc.gz", _crawl())

    results = list(read_inputs([str(warc)]))

    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [a.url for a in articles] == ["https://wire.example/a", "https://wire.example/b"]
    assert "Sudanese forces shelled the city of Omdurman" in articles[0].text
    assert articles[0].publication == "Wire Example"
    # The page's own date wins; the record's date (the crawl) stands in when there is none.
    assert articles[0].published == datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    assert articles[1].published == CRAWLED
    assert [r.reason for r in rejections] == ["not English (detected: fr)"]
    assert all(r.source.startswith(f"{warc}@") for r in results)
    offsets = [int(r.source.rsplit("@", 1)[1]) for r in results]
    assert offsets == sorted(offsets) and len(set(offsets)) == 3


def test_uncompressed_warc_and_sniffed_warc(tmp_path: Path) -> None:
    plain = _write(tmp_path / "crawl.warc", _crawl(), compress=False)
    unnamed = _write(tmp_path / "crawl.bin", _crawl())

    for path in (plain, unnamed):
        results = list(read_inputs([str(path)]))
        assert sum(isinstance(r, Article) for r in results) == 2, path


def test_a_record_over_the_limit_is_rejected_alone(tmp_path: Path) -> None:
    big = _page(REPORT + " " + "More detail followed. " * 400)
    records = [response_record("https://wire.example/big", CRAWLED, big, "text/html"), *_crawl()]
    warc = _write(tmp_path / "crawl.warc.gz", records)

    results = list(read_inputs([str(warc)], max_bytes=5_000))

    assert isinstance(results[0], Rejection) and "larger than 5 kB" in results[0].reason
    assert sum(isinstance(r, Article) for r in results) == 2


def test_a_truncated_warc_keeps_what_came_before(tmp_path: Path) -> None:
    data = b"".join(gzip.compress(r) for r in _crawl()[:3])
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(data + gzip.compress(_crawl()[5])[:-40])

    results = list(read_inputs([str(warc)]))

    assert isinstance(results[0], Article)
    assert all(r.source.startswith(str(warc)) for r in results)


class _Pipe(io.RawIOBase):
    """A pipe: reads in small pieces, cannot seek or tell, and may fail after some reads."""

    def __init__(self, data: bytes, fail_after: int | None = None) -> None:
        super().__init__()
        self._data = io.BytesIO(data)
        self._reads = 0
        self._fail_after = fail_after

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self._reads += 1
        if self._fail_after is not None and self._reads > self._fail_after:
            raise OSError(5, "Input/output error")
        piece = self._data.read(min(len(buffer), 512))
        buffer[: len(piece)] = piece
        return len(piece)


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_on_standard_input_is_read(compress: bool) -> None:
    data = b"".join(gzip.compress(r) if compress else r for r in _crawl())
    stdin = io.BufferedReader(_Pipe(data), buffer_size=512)

    results = list(read_inputs(["-"], stdin=stdin))

    assert [r.url for r in results if isinstance(r, Article)] == [
        "https://wire.example/a",
        "https://wire.example/b",
    ]


def test_a_warc_in_a_tar_archive_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crawls.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in (("a.warc", b"".join(_crawl())), ("b.warc.gz", _gzipped(_crawl()))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))

    results = list(read_inputs([str(path)]))

    assert sum(isinstance(r, Article) for r in results) == 4
    assert {r.source.split("@")[0] for r in results} == {f"{path}!a.warc", f"{path}!b.warc.gz"}


def test_a_pipe_failing_inside_a_warc_keeps_the_records_before(tmp_path: Path) -> None:
    data = b"".join(_crawl()) * 100  # far more than fastwarc reads ahead
    stdin = io.BufferedReader(_Pipe(data, fail_after=len(data) // 512 // 2), buffer_size=512)

    *before, last = read_inputs(["-"], stdin=stdin)

    assert sum(isinstance(r, Article) for r in before) > 20
    assert isinstance(last, Rejection)
    assert (last.source, last.reason) == ("-", "broken WARC file: [Errno 5] Input/output error")


def _gzipped(records: list[bytes]) -> bytes:
    return b"".join(gzip.compress(record) for record in records)


class PanicException(BaseException):
    """Named as pyo3 names a Rust panic, which derives from BaseException too."""


class _PanickingStream(io.RawIOBase):
    def __init__(self, data: bytes, panic_at: int) -> None:
        super().__init__()
        self._data = io.BytesIO(data)
        self._panic_at = panic_at

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._data.tell() >= self._panic_at:
            raise PanicException("called `Result::unwrap()` on an `Err` value")
        piece = self._data.read(min(len(buffer), 4096))
        buffer[: len(piece)] = piece
        return len(piece)


def test_a_panic_in_the_warc_reader_ends_the_file_not_the_run(tmp_path: Path) -> None:
    data = b"".join(_crawl()) * 100
    stdin = io.BufferedReader(_PanickingStream(data, len(data) // 2), buffer_size=4096)
    after = _write(tmp_path / "after.warc.gz", _crawl())

    results = list(read_inputs(["-", str(after)], stdin=stdin))

    from_stdin = [r for r in results if r.source.startswith("-")]
    assert sum(isinstance(r, Article) for r in from_stdin) > 20
    assert isinstance(from_stdin[-1], Rejection)
    assert from_stdin[-1].reason == "broken WARC file: the WARC reader failed on it"
    assert sum(isinstance(r, Article) and r.source.startswith(str(after)) for r in results) == 2
