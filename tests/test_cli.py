"""The ``strife`` command end to end: real model, real DuckDB file, real subprocesses."""

from __future__ import annotations

import csv
import dataclasses
import errno
import io
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from factories import make_article, make_event
from strife.cli import CLOSED_PIPE, app
from strife.display import ProgressDisplay, stdout_console, summary_line
from strife.records import Rejection
from strife.runner import Summary
from strife.store import Store
from synthetic import make_pages, store_snapshot, write_warc

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

GOOD = """Caspian Courier

Tajik and Kyrgyz border guards exchange fire near disputed enclave

Friday, 16 September 2022 11:20 AM

Kyrgyz border guards fired mortars at a Tajik village near the Vorukh enclave on Thursday,
Tajikistan's border service said. Two Tajik civilians were killed and four were wounded.

Kyrgyzstan's foreign ministry denied the report and accused Tajik forces of shelling the
town of Batken first.
"""


def strife(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "strife", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def stored_events(path: Path, count: int = 300, **first: Any) -> Path:
    """A store of ``count`` events of one article (about 2 kB each as JSON); ``first``
    replaces fields of the first event."""
    text_info = make_event().text_info
    events = [
        make_event(id=f"e{i:04d}", text_info=dataclasses.replace(text_info, sequence=i))
        for i in range(count)
    ]
    events[0] = dataclasses.replace(events[0], **first)
    with Store.open(path) as store:
        store.save(make_article(), events)
    return path


def bad_inputs(folder: Path) -> dict[str, str]:
    """One file of each kind of bad input, and the words its rejection must contain."""
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (folder / "empty.txt").write_text("   \n\n", encoding="utf-8")
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        handle.write(("Troops shelled the town. " * 40 + "\n") * 21_000)
    (folder / "latin.txt").write_bytes(b"\xff\xfe\x00\xd8" * 300)
    (folder / "french.txt").write_text(
        "Les forces armées ont bombardé la ville de Goma jeudi, selon les autorités locales. "
        "Le gouvernement a condamné cette attaque et a demandé une enquête internationale.\n",
        encoding="utf-8",
    )
    (folder / "boilerplate.txt").write_text(
        "Subscribe to our newsletter\n\nShare this article\n\nJoin the mailing list\n",
        encoding="utf-8",
    )
    return {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "huge.txt": "MB",
        "latin.txt": "",
        "french.txt": "not English",
        "boilerplate.txt": "empty",
    }


@pytest.mark.slow
def test_bad_inputs_are_rejected_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = bad_inputs(inputs)
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    done = strife("code", str(inputs), "--db", str(db))
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("strife: rejected")]
    assert len(lines) == len(expected)
    for name, words in expected.items():
        (line,) = [line for line in lines if f"{name}:" in line]
        assert words in line
    assert "coded 1 articles" in done.stderr
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        rejected = {Path(r.source).name for r in store.rejections()}
    assert counts["articles"] == 1 and counts["events"] >= 2
    assert rejected == set(expected)


@pytest.mark.slow
def test_coding_twice_stores_once(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    first = strife("code", str(article), "--db", str(db), "--format", "jsonl", "--quiet")
    assert first.returncode == 0, first.stderr
    second = strife("code", str(article), "--db", str(db), "--format", "jsonl")
    assert second.returncode == 0, second.stderr
    assert "1 already stored" in second.stderr
    assert sorted(first.stdout.splitlines()) == sorted(second.stdout.splitlines())
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 1
        assert store.counts()["events"] == len(first.stdout.splitlines())


@pytest.mark.slow
def test_stdin_csv_and_table(tmp_path: Path) -> None:
    done = strife("code", "-", "--no-store", "--format", "csv", "-q", stdin=GOOD)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert any(r["event"] == "ASSAULT" and "KGZ" in r["actor_codes"] for r in rows)
    assert done.stderr == ""
    table = strife("code", "-", "--no-store", "--format", "table", "-q", stdin=GOOD)
    assert "ASSAULT" in table.stdout and "KGZ" in table.stdout


@pytest.mark.slow
def test_events_command_reads_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert strife("code", str(EXAMPLES), "--db", str(db), "-q").returncode == 0
    done = strife("events", "--db", str(db), "--event", "protest", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events and {e["event"] for e in events} == {"PROTEST"}
    dates = strife("events", "--db", str(db), "--since", "2023-08-01", "--format", "jsonl")
    assert all(json.loads(line)["date"] >= "2023-08-01" for line in dates.stdout.splitlines())


@pytest.mark.slow
def test_parallel_workers_give_the_same_events(tmp_path: Path) -> None:
    one = strife("code", str(EXAMPLES), "--no-store", "--format", "jsonl", "-q")
    two = strife("code", str(EXAMPLES), "--no-store", "--format", "jsonl", "-q", "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout.splitlines() and one.stdout.splitlines() == two.stdout.splitlines()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """A synthetic WARC (with near duplicates), a clean run's store, and its duration."""
    folder = tmp_path_factory.mktemp("crawl")
    warc = folder / "crawl.warc.gz"
    write_warc(make_pages(60, 0.3, seed=21), warc, seed=21)
    clean = folder / "clean.duckdb"
    start = time.monotonic()
    assert strife("code", str(warc), "--db", str(clean), "-q").returncode == 1  # fr/es pages
    return warc, clean, time.monotonic() - start


@pytest.mark.slow
@pytest.mark.parametrize(("jobs", "fraction"), [("1", 0.3), ("2", 0.7)])
def test_a_killed_run_resumes_to_the_same_store(
    crawl: tuple[Path, Path, float], tmp_path: Path, jobs: str, fraction: float
) -> None:
    """Killed at a fixed share of a clean run's time (random points: bench/resume_soak.py)."""
    warc, clean, duration = crawl
    kill_at = fraction * duration
    resumed = tmp_path / "resumed.duckdb"
    command = [sys.executable, "-m", "strife", "code", str(warc), "--db", str(resumed), "-q"]
    process = subprocess.Popen(
        [*command, "--jobs", jobs], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        process.wait(timeout=kill_at)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    done = strife("code", str(warc), "--db", str(resumed), "--jobs", jobs, "-q")
    assert done.returncode == 1, done.stderr
    assert store_snapshot(resumed) == store_snapshot(clean), f"killed at {kill_at:.1f} s"


@pytest.mark.slow
def test_stats_and_export_read_the_store(crawl: tuple[Path, Path, float], tmp_path: Path) -> None:
    _, clean, _ = crawl
    stats = strife("stats", "--db", str(clean), "--format", "json")
    assert stats.returncode == 0, stats.stderr
    counts = json.loads(stats.stdout)
    assert counts["articles"] == 42 and counts["copies"] == 60 and counts["duplicates"] == 18
    assert counts["events"] > counts["articles"] and counts["groups"] <= counts["events"]
    assert "articles coded" in strife("stats", "--db", str(clean)).stdout
    parquet = tmp_path / "events.parquet"
    done = strife("export", "--db", str(clean), "--format", "parquet", "--output", str(parquet))
    assert done.returncode == 0 and f"exported {counts['events']} events" in done.stderr
    rows = strife("export", "--db", str(clean), "--format", "csv", "--event", "assault")
    table = list(csv.DictReader(io.StringIO(rows.stdout)))
    assert table and {row["event"] for row in table} == {"ASSAULT"}
    assert all(int(row["n_sources"]) >= 1 for row in table)
    assert any(int(row["n_sources"]) > 1 for row in table)
    assert strife("export", "--db", str(clean), "--format", "parquet").returncode == 2


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["code"]).exit_code == 2
    assert runner.invoke(app, ["code", "x.txt", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["code", "x.txt", "--jobs", "0"]).exit_code == 2
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
    bad_date = runner.invoke(app, ["events", "--since", "yesterday"])
    assert bad_date.exit_code == 2
    assert runner.invoke(app, ["code", "x.csv", "--column", "body"]).exit_code == 2
    assert runner.invoke(app, ["code", "x.csv", "--column", "colour=red"]).exit_code == 2
    assert runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2


def test_a_store_that_is_not_a_database_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("not a database", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    done = CliRunner().invoke(app, ["code", str(article), "--db", str(db)])
    assert done.exit_code == 2
    assert "notes.duckdb" in done.output


def test_version() -> None:
    done = CliRunner().invoke(app, ["--version"])
    assert done.exit_code == 0 and done.output.startswith("strife ")


def test_progress_bar_and_summary_line_show_the_counts() -> None:
    summary = Summary(coded=40, events=120, rejected=2)
    summary.dedupe.near, summary.dedupe.stored = 7, 3
    summary.workers = {"101": 612.4, "102": 598.0}
    summary.progress.total_bytes, summary.seconds = 1000, 4.0
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    with ProgressDisplay(console, enabled=True) as display:
        display.update(summary)
        display._progress.refresh()  # type: ignore[union-attr]
    shown = out.getvalue()
    assert "43 articles · 120 events · 2 rejected · 10.0 articles/s" in shown
    assert "ETA" in shown
    line = summary_line(summary, Path("s.duckdb"))
    assert line == (
        "strife: coded 40 articles, 3 already stored, 7 near duplicates kept as copies,"
        " 120 events, 2 rejected, 10.0 articles/s, peak RSS per worker 612, 598 MB -> s.duckdb"
    )
    quiet = io.StringIO()
    with ProgressDisplay(Console(file=quiet, force_terminal=True), enabled=False) as display:
        display.update(summary)
    assert quiet.getvalue() == ""


# --- the edge: output files, filters, one-line messages, closed pipes, stats --------------


def _one_line(stderr: str) -> str:
    assert stderr.endswith("\n") and stderr.count("\n") == 1, repr(stderr)
    return stderr.rstrip("\n")


def test_export_to_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    db = stored_events(tmp_path / "s.duckdb", 3)
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / "missing" / f"events.{fmt}"
        done = strife("export", "--db", str(db), "--format", fmt, "--output", str(out))
        assert done.returncode == 2, done.stderr
        line = _one_line(done.stderr)
        assert line.startswith(f"strife: cannot write {out}: ") and "No such file" in line
        assert not out.parent.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_export_to_a_full_disk_is_one_line_and_exit_2(tmp_path: Path) -> None:
    db = stored_events(tmp_path / "s.duckdb", 3)
    done = strife("export", "--db", str(db), "--format", "csv", "--output", "/dev/full")
    assert done.returncode == 2
    assert _one_line(done.stderr) == "strife: cannot write /dev/full: No space left on device"
    with open("/dev/full", "w", encoding="utf-8") as full:
        to_stdout = subprocess.run(
            [sys.executable, "-m", "strife", "export", "--db", str(db), "--format", "jsonl"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=ROOT,
        )
    assert to_stdout.returncode == 2
    assert _one_line(to_stdout.stderr).startswith("strife: cannot write standard output: ")


def _limit_file_size() -> None:
    # Files over 8 kB cannot grow: a disk that fills up halfway through the export.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_an_export_that_fails_halfway_leaves_the_previous_file(tmp_path: Path, fmt: str) -> None:
    db = stored_events(tmp_path / "s.duckdb", 300)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / f"events.{fmt}"
    out.write_text("the previous export\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "strife", "export", "--db", str(db), "-f", fmt, "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        preexec_fn=_limit_file_size,
    )
    assert done.returncode == 2, done.stderr
    assert _one_line(done.stderr).startswith(f"strife: cannot write {out}: ")
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--event", "FOO"], "'--event'"),
        (["--country", "X OR 1=1"], "'--country'"),
        (["--country", "UK"], "'--country'"),
        (["--since", "2024-05-01", "--until", "2024-01-01"], "--since"),
    ],
)
def test_filters_the_api_refuses_are_usage_errors(
    tmp_path: Path, args: list[str], flag: str
) -> None:
    db = stored_events(tmp_path / "s.duckdb", 3)
    for command in ("events", "export"):
        done = CliRunner().invoke(app, [command, "--db", str(db), *args])
        assert done.exit_code == 2, done.output
        assert done.stdout == ""
        assert done.stderr.startswith(f"strife: Invalid value for {flag}: ")


def test_filters_are_read_in_any_case(tmp_path: Path) -> None:
    db = stored_events(tmp_path / "s.duckdb", 3)
    args = ["--event", "assault", "--country", "aze", "--format", "csv"]
    for command in ("events", "export"):
        done = CliRunner().invoke(app, [command, "--db", str(db), *args])
        assert done.exit_code == 0, done.output
        assert len(done.stdout.splitlines()) == 1 + 3


def test_every_message_on_stderr_is_one_line(tmp_path: Path) -> None:
    long = "x" * 220
    junk = tmp_path / f"{long}.duckdb"
    junk.write_text("not a database", encoding="utf-8")
    not_a_store = strife("events", "--db", str(junk))
    assert not_a_store.returncode == 2 and str(junk) in _one_line(not_a_store.stderr)
    db = stored_events(tmp_path / "s.duckdb", 3)
    usage = strife("events", "--db", str(db), "--event", long)
    assert usage.returncode == 2 and long in _one_line(usage.stderr)
    out = tmp_path / f"{long}.csv"
    exported = strife("export", "--db", str(db), "--format", "csv", "--output", str(out))
    assert _one_line(exported.stderr) == f"strife: exported 3 events -> {out}"
    unknown = strife("events", "--db", str(db), "--no-such-option")
    assert unknown.returncode == 2 and "--no-such-option" in _one_line(unknown.stderr)


def test_a_rejection_is_one_line_whatever_its_source(tmp_path: Path) -> None:
    forged = tmp_path / ("x" * 200 + "\nstrife: coded 9 articles\x1b[2J.jsonl")
    forged.write_text('{"text": 5}\n', encoding="utf-8")
    done = strife("code", str(forged), "--no-store")
    assert done.returncode == 1
    rejected, summary = done.stderr.splitlines()
    assert len(rejected) > 200 and rejected.startswith("strife: rejected ")
    assert "\x1b" not in done.stderr and "x" * 200 + " strife: coded 9" in rejected
    assert summary.startswith("strife: coded 0 articles")


def _closed_early(*args: str) -> tuple[int, str]:
    """Run strife, read one line of its standard output, close it; exit status and stderr."""
    with subprocess.Popen(
        [sys.executable, "-m", "strife", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read().decode("utf-8")
        return proc.wait(timeout=120), stderr


@pytest.mark.parametrize(
    "args", [["events", "--format", "jsonl"], ["events", "--format", "csv"], ["export"]]
)
def test_a_closed_pipe_ends_quietly_with_141(tmp_path: Path, args: list[str]) -> None:
    db = stored_events(tmp_path / "s.duckdb", 300)  # far more than a pipe's 64 kB buffer
    status, stderr = _closed_early(*args, "--db", str(db))
    assert (status, stderr) == (CLOSED_PIPE, "")


def test_a_table_console_leaves_a_closed_pipe_to_the_edge() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "closed")

    with pytest.raises(BrokenPipeError):  # rich's own handling would exit 1
        stdout_console(Closed(), width=80).print("a table")


def test_a_table_into_a_closed_pipe_never_says_rejected(tmp_path: Path) -> None:
    # The table is one large write: when the pipe closes during it, Python reports a short
    # write, not an error, and the command ends with 0; it must never be 1 (rich's choice).
    db = stored_events(tmp_path / "s.duckdb", 300)
    status, stderr = _closed_early("events", "--db", str(db))
    assert status in (0, CLOSED_PIPE) and stderr == ""


@pytest.mark.slow
def test_coding_into_a_closed_pipe_ends_quietly_with_141(
    crawl: tuple[Path, Path, float], tmp_path: Path
) -> None:
    warc, _, _ = crawl
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.duckdb"
        args = ("code", str(warc), "--db", str(db), "--format", "jsonl", "--jobs", jobs)
        status, stderr = _closed_early(*args)
        assert status == CLOSED_PIPE, stderr
        assert "Traceback" not in stderr and "Exception" not in stderr
        assert all(line.startswith("strife: rejected ") for line in stderr.splitlines())


def test_stats_count_rejected_inputs_not_times_seen(tmp_path: Path) -> None:
    db = stored_events(tmp_path / "s.duckdb", 1)
    with Store.open(db) as store:
        for _ in range(3):  # the same inputs rejected by a run and two resumed runs
            store.record_rejection(Rejection("a.txt", "not English (detected: fr)"))
            store.record_rejection(Rejection("b.txt", "not English (detected: fr)"))
    done = strife("stats", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert (stats["rejections"], stats["rejections_seen"]) == (2, 6)
    assert stats["rejections_by_reason"] == {"not English (detected: fr)": 2}
    table = strife("stats", "--db", str(db)).stdout
    assert "rejected inputs" in table and "rejections seen (all runs)" in table
