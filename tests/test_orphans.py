"""Worker processes go when the run that started them is killed.

A real ``strife code`` run with two workers (a process pool, then a Dask LocalCluster) is
SIGKILLed while its workers load the model; every process it had started must be gone
within seconds. Then the two halves of ``scale.lifeline`` alone: the watch ends an orphan
without the parent-death signal, and the signal is not armed where it would kill a worker
whose parent lives on. Processes are found through /proc (Linux): each is named by its pid
and its start time, so a pid reused by the system is never mistaken for a survivor.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from strife.scale.lifeline import WATCH_INTERVAL_S, Parent, arm
from synthetic import make_pages, write_warc

ROOT = Path(__file__).resolve().parents[1]
PROC = Path("/proc")
START_TIMEOUT_S = 120
GONE_WITHIN_S = 10
# A worker past its imports and into the model: spaCy alone takes more than this.
LOADING_RSS_MB = 120

pytestmark = pytest.mark.skipif(not (PROC / "self" / "stat").exists(), reason="needs /proc")

Process = tuple[int, int]  # pid, start time in clock ticks since boot
Popen = subprocess.Popen[bytes]


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), or None."""
    try:
        text = (PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return text.rpartition(")")[2].split()


def _descendants(root: int) -> set[Process]:
    children: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in PROC.iterdir():
        fields = _stat(int(entry.name)) if entry.name.isdigit() else None
        if fields is None or fields[0] == "Z":
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        starts[int(entry.name)] = int(fields[19])
    found: set[Process] = set()
    todo = list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.add((pid, starts[pid]))
        todo.extend(children.get(pid, []))
    return found


def _alive(process: Process) -> bool:
    fields = _stat(process[0])
    return fields is not None and fields[0] != "Z" and int(fields[19]) == process[1]


def _cmdline(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _rss_mb(pid: int) -> float:
    try:
        pages = int((PROC / str(pid) / "statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _loading_workers(root: int) -> set[Process]:
    """The run's spawned worker processes once two of them are loading the model."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        workers = {p for p in _descendants(root) if "spawn_main" in _cmdline(p[0])}
        if len([p for p in workers if _rss_mb(p[0]) > LOADING_RSS_MB]) >= 2:
            return workers
        time.sleep(0.2)
    raise AssertionError(f"two workers of pid {root} never started loading the model")


@contextmanager
def _started(command: list[str], stdout: int = subprocess.DEVNULL) -> Iterator[Popen]:
    """``command`` run in the background; whatever it leaves is killed afterwards."""
    run = subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.DEVNULL
    )
    seen = _SEEN.setdefault(run.pid, set())
    try:
        yield run
    finally:
        seen |= _descendants(run.pid)
        run.kill()
        run.wait()
        if run.stdout is not None:
            run.stdout.close()
        for process in _SEEN.pop(run.pid):
            if _alive(process):
                os.kill(process[0], signal.SIGKILL)


def _run(*args: str) -> AbstractContextManager[Popen]:
    """A ``strife code`` run in the background."""
    return _started([sys.executable, "-m", "strife", "code", *args])


# The processes each run had started, by the run's pid: survivors are killed by _run.
_SEEN: dict[int, set[Process]] = {}


def _killed_leaves_nothing(run: Popen) -> None:
    workers = _loading_workers(run.pid)
    started = _SEEN[run.pid]
    started |= _descendants(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + GONE_WITHIN_S
    while time.monotonic() < deadline and any(map(_alive, started)):
        time.sleep(0.1)
    left = sorted(f"{p[0]} {_cmdline(p[0])[:80]}" for p in started if _alive(p))
    assert not left, f"{len(workers)} workers; still running {GONE_WITHIN_S} s on: {left}"


def _warc(folder: Path) -> Path:
    # 70 distinct stories: batches for both workers (16 a batch with --jobs, 32 with Dask).
    path = folder / "crawl.warc.gz"
    write_warc(make_pages(100, 0.3, 3), path, seed=3)
    return path


@pytest.mark.slow
def test_pool_workers_exit_when_the_run_is_killed(tmp_path: Path) -> None:
    with _run(str(_warc(tmp_path)), "--db", str(tmp_path / "s.duckdb"), "--jobs", "2") as run:
        _killed_leaves_nothing(run)


@pytest.mark.slow
def test_dask_local_workers_exit_when_the_run_is_killed(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    db = str(tmp_path / "s.duckdb")
    with _run(str(_warc(tmp_path)), "--db", db, "--dask", "local", "--jobs", "2") as run:
        _killed_leaves_nothing(run)


def test_a_worker_started_by_a_thread_that_ends_lives_on() -> None:
    # The kernel's parent-death signal follows the thread that started a worker: armed
    # for a pool driven from a passing thread, it would kill the worker with that thread.
    started: list[tuple[ProcessPoolExecutor, int]] = []

    def start() -> None:
        pool = ProcessPoolExecutor(
            1, multiprocessing.get_context("spawn"), initializer=arm, initargs=(Parent.here(),)
        )
        started.append((pool, pool.submit(os.getpid).result(timeout=60)))

    thread = threading.Thread(target=start)
    thread.start()
    thread.join()
    pool, worker = started[0]
    with pool:
        time.sleep(4 * WATCH_INTERVAL_S)
        assert pool.submit(os.getpid).result(timeout=60) == worker


ORPHAN_DRIVER = """
import multiprocessing, sys, time
from strife.scale.lifeline import Parent, arm

def worker(parent):
    arm(parent)
    time.sleep(600)

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    child = context.Process(target=worker, args=(Parent.started_elsewhere(),))
    child.start()
    print(child.pid, flush=True)
    time.sleep(600)
"""


def test_the_watch_alone_ends_an_orphan(tmp_path: Path) -> None:
    # Without the parent-death signal (other platforms, workers a library thread starts),
    # the watch of the parent's pid is what ends the worker.
    driver = tmp_path / "driver.py"
    driver.write_text(ORPHAN_DRIVER, encoding="utf-8")
    with _started([sys.executable, str(driver)], stdout=subprocess.PIPE) as run:
        assert run.stdout is not None
        pid = int(run.stdout.readline())
        (worker,) = [p for p in _descendants(run.pid) if p[0] == pid]
        _SEEN[run.pid].add(worker)
        time.sleep(2 * WATCH_INTERVAL_S)
        assert _alive(worker)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 4 * WATCH_INTERVAL_S
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker)
