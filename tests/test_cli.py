"""The ``strife`` command end to end: real model, real DuckDB file, real subprocesses."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from strife.cli import app
from strife.display import ProgressDisplay, summary_line
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
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_killed_at_a_random_point_resumes_to_the_same_store(
    crawl: tuple[Path, Path, float], tmp_path: Path, jobs: str
) -> None:
    warc, clean, duration = crawl
    seed = random.randrange(1_000_000)
    kill_at = random.Random(seed).uniform(0.0, duration)
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
    assert done.returncode == 1, f"seed {seed}: {done.stderr}"
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
