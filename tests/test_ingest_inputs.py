"""read_inputs: paths, directories, stdin, every kind of bad input, and robustness."""

from __future__ import annotations

import codecs
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strife.ingest import DEFAULT_MAX_BYTES, read_inputs
from strife.records import Article, Rejection

SHARED = Path(__file__).resolve().parents[2] / "shared"
GUARDIAN = SHARED / "data" / "articles" / "Guardian_SDF_sample.csv.zip"

REPORT = (
    "Rebels attacked an army post near the town on Monday, killing three soldiers, the army "
    "said in a statement. Residents said the fighting lasted several hours."
)
OTHER_REPORT = (
    "Police arrested twelve protesters in the capital on Tuesday after clashes outside "
    "parliament, witnesses said. Officers used tear gas to clear the square."
)


def _only(results: list[Article | Rejection]) -> Article | Rejection:
    assert len(results) == 1, results
    return results[0]


def _reason(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    result = _only(list(read_inputs([str(path)], max_bytes=max_bytes)))
    assert isinstance(result, Rejection), result
    assert result.source == str(path)
    return result.reason


class TestPaths:
    def test_plain_text_file(self, tmp_path: Path) -> None:
        path = tmp_path / "report.txt"
        path.write_text(REPORT, encoding="utf-8")
        result = _only(list(read_inputs([str(path)])))
        assert isinstance(result, Article)
        assert (result.text, result.source) == (REPORT, str(path))

    def test_directory_is_read_recursively_in_order_without_hidden_or_unknown_files(
        self, tmp_path: Path
    ) -> None:
        (tmp_path / "b" / "deep").mkdir(parents=True)
        (tmp_path / ".cache").mkdir()
        (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
        (tmp_path / "b" / "deep" / "c.text").write_text(OTHER_REPORT, encoding="utf-8")
        (tmp_path / "b" / "page.htm").write_text(f"<html><p>{OTHER_REPORT}</p></html>", "utf-8")
        (tmp_path / "b" / "notes.md").write_text(REPORT, encoding="utf-8")
        (tmp_path / ".hidden.txt").write_text(REPORT, encoding="utf-8")
        (tmp_path / ".cache" / "x.txt").write_text(REPORT, encoding="utf-8")
        (tmp_path / "README").write_text(REPORT, encoding="utf-8")
        sources = [result.source for result in read_inputs([str(tmp_path)])]
        assert sources == [
            str(tmp_path / "README"),
            str(tmp_path / "a.txt"),
            str(tmp_path / "b" / "deep" / "c.text"),
            str(tmp_path / "b" / "page.htm"),
        ]

    def test_file_named_explicitly_is_read_whatever_its_extension(self, tmp_path: Path) -> None:
        path = tmp_path / "notes.md"
        path.write_text(REPORT, encoding="utf-8")
        assert isinstance(_only(list(read_inputs([str(path)]))), Article)

    def test_missing_file_is_rejected_and_the_batch_goes_on(self, tmp_path: Path) -> None:
        good = tmp_path / "good.txt"
        good.write_text(REPORT, encoding="utf-8")
        missing = tmp_path / "missing.txt"
        results = list(read_inputs([str(missing), str(good)]))
        assert isinstance(results[0], Rejection)
        assert results[0].reason.startswith("cannot read: No such file")
        assert isinstance(results[1], Article)

    def test_nothing_is_read_before_it_is_asked_for(self, tmp_path: Path) -> None:
        results = read_inputs([str(tmp_path / "missing.txt")])
        (tmp_path / "missing.txt").write_text(REPORT, encoding="utf-8")
        assert isinstance(next(results), Article)


class TestStdin:
    @pytest.mark.parametrize(
        "data",
        [
            REPORT.encode(),
            f"<html><body><article><p>{REPORT}</p></article></body></html>".encode(),
            (json.dumps({"text": REPORT}) + "\n").encode(),
        ],
        ids=["text", "html", "jsonl"],
    )
    def test_format_is_sniffed(self, data: bytes) -> None:
        result = _only(list(read_inputs(["-"], stdin=io.BytesIO(data))))
        assert isinstance(result, Article)
        assert result.text == REPORT

    def test_jsonl_lines_are_numbered(self) -> None:
        lines = [json.dumps({"text": REPORT}), "{broken", json.dumps({"text": OTHER_REPORT})]
        stdin = io.BytesIO("\n".join(lines).encode())
        assert [r.source for r in read_inputs(["-"], stdin=stdin)] == ["-:1", "-:2", "-:3"]

    def test_jsonl_longer_than_the_sniffed_head(self) -> None:
        lines = [json.dumps({"text": f"{REPORT} Number {n}."}) for n in range(100)]
        stdin = io.BytesIO("\n".join(lines).encode())
        results = list(read_inputs(["-"], stdin=stdin))
        assert len(results) == 100 and all(isinstance(r, Article) for r in results)

    def test_stdin_over_the_limit(self) -> None:
        result = _only(list(read_inputs(["-"], stdin=io.BytesIO(REPORT.encode()), max_bytes=50)))
        assert isinstance(result, Rejection)
        assert result.reason == "larger than 50 bytes"

    def test_empty_stdin(self) -> None:
        result = _only(list(read_inputs(["-"], stdin=io.BytesIO(b""))))
        assert isinstance(result, Rejection) and result.source == "-"


class TestBadInputs:
    def test_binary_with_nul_bytes(self, tmp_path: Path) -> None:
        path = tmp_path / "image.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        assert _reason(path) == "binary file (NUL bytes), not text"

    def test_binary_with_control_characters(self, tmp_path: Path) -> None:
        path = tmp_path / "blob.txt"
        path.write_bytes(bytes(range(1, 32)) * 20 + REPORT.encode())
        assert _reason(path) == "binary file (many control characters), not text"

    def test_empty_file(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        assert _reason(path) == "empty file"

    def test_whitespace_only_file(self, tmp_path: Path) -> None:
        path = tmp_path / "blank.txt"
        path.write_text("\n \n\t\n", encoding="utf-8")
        assert _reason(path).startswith("empty")

    def test_boilerplate_only_file(self, tmp_path: Path) -> None:
        path = tmp_path / "ads.txt"
        path.write_text("Advertisement\n\nJoin the mailing list\n\nFollow us\n", encoding="utf-8")
        assert _reason(path) == "empty after removing site boilerplate"

    def test_file_over_the_limit_is_refused_before_reading(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.txt"
        path.write_bytes(b"a" * 174_000)
        assert _reason(path, max_bytes=100_000) == "larger than 100 kB (174 kB)"

    def test_size_message_in_megabytes(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.txt"
        path.write_bytes(b"a" * 3_420_000)
        assert _reason(path, max_bytes=2_000_000) == "larger than 2 MB (3.4 MB)"

    def test_undecodable_bytes(self, tmp_path: Path) -> None:
        path = tmp_path / "sjis.txt"
        path.write_bytes(
            "政府は土曜日、反政府勢力との交渉を停止すると発表した。".encode("shift_jis") * 5
        )
        assert _reason(path) == "not valid UTF-8 or Latin-1 text"

    def test_non_english(self, tmp_path: Path) -> None:
        path = tmp_path / "de.txt"
        path.write_text(
            "Die Regierung hat am Samstag mitgeteilt, dass die Verhandlungen mit den Rebellen "
            "bis auf weiteres ausgesetzt werden, wie das Ministerium in einer Erklärung sagte.",
            encoding="utf-8",
        )
        assert _reason(path) == "not English (detected: de)"

    def test_directory_given_where_a_file_is_expected_is_read_as_directory(
        self, tmp_path: Path
    ) -> None:
        assert list(read_inputs([str(tmp_path)])) == []


class TestEncodings:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (codecs.BOM_UTF8 + "“Quoted” report.".encode(), "“Quoted” report."),
            ("“Quoted” report.".encode("cp1252"), "“Quoted” report."),
            ("Café attacked in Liège.".encode("latin-1"), "Café attacked in Liège."),
            ("Café attacked.".encode("utf-16"), "Café attacked."),
        ],
        ids=["utf-8-sig", "cp1252", "latin-1", "utf-16"],
    )
    def test_decoded(self, tmp_path: Path, data: bytes, expected: str) -> None:
        path = tmp_path / "enc.txt"
        path.write_bytes(data)
        result = _only(list(read_inputs([str(path)])))
        assert isinstance(result, Article)
        assert result.text == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(["{", "}", '"text"', ":", '"', ",", "\n", "<p>", "a b"]))
        .map("".join)
        .map(str.encode),
    ),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".dat"]),
)
def test_read_inputs_never_raises_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        results = list(read_inputs([str(path)], max_bytes=1_000))
    assert all(isinstance(result, Article | Rejection) for result in results)
    assert all(result.source.startswith(str(path)) for result in results)


@pytest.mark.slow
def test_guardian_sample_reads_whole(tmp_path: Path) -> None:
    if not GUARDIAN.exists():
        pytest.skip("../shared/data/articles is not available")
    with zipfile.ZipFile(GUARDIAN) as archive:
        archive.extractall(tmp_path)
    (csv_path,) = tmp_path.glob("*.csv")
    results = list(read_inputs([str(csv_path)]))
    articles = [result for result in results if isinstance(result, Article)]
    assert len(results) == 249
    assert len(articles) >= 245
    assert all(article.publication == "Guardian" and article.published for article in articles)
    assert len({article.id for article in articles}) >= 240
