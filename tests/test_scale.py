"""Parallel and distributed coding give the store a single process gives it.

Real worker processes, a real Dask ``LocalCluster`` with two worker processes, a real
DuckDB file; inputs are small synthetic WARCs (``bench/synthetic_warc.py`` has the big
ones).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from strife.runner import CodeOptions, run
from strife.scale.runs import parts_root
from synthetic import make_pages, store_snapshot, write_warc

ROOT = Path(__file__).resolve().parents[1]
MAX_WORKER_RSS_MB = 1024


def _warc(folder: Path, pages: int, seed: int) -> Path:
    path = folder / "crawl.warc.gz"
    write_warc(make_pages(pages, 0.3, seed), path, seed=seed)
    return path


def _strife(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "strife", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )


@pytest.mark.slow
def test_jobs_and_dask_local_store_the_same(tmp_path: Path) -> None:
    warc = _warc(tmp_path, pages=40, seed=11)
    stores = {}
    for name, extra in {
        "jobs": ("--jobs", "2"),
        "dask": ("--dask", "local", "--jobs", "2"),
    }.items():
        db = tmp_path / f"{name}.duckdb"
        done = _strife("code", str(warc), "--db", str(db), *extra)
        assert done.returncode == 1, done.stderr  # the crawl's French and Spanish pages
        assert "near duplicates kept as copies" in done.stderr
        stores[name] = store_snapshot(db)
    assert stores["jobs"] == stores["dask"]
    # 28 stories, and 12 copies of them (another outlet's, a sentence more or less).
    assert len(stores["jobs"]["articles"]) == 28
    assert len(stores["jobs"]["copies"]) == 40
    assert not parts_root(tmp_path / "dask.duckdb").exists()


@pytest.mark.slow
def test_a_running_cluster_codes_with_workers_under_a_gigabyte(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    warc = _warc(tmp_path, pages=24, seed=5)
    db = tmp_path / "tcp.duckdb"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = run(
            CodeOptions(paths=[str(warc)], db=db, dask=cluster.scheduler_address, batch_size=4)
        )
    assert summary.coded > 0 and summary.near_duplicates > 0
    assert len(summary.workers) == 2
    assert all(0 < mb <= MAX_WORKER_RSS_MB for mb in summary.workers.values())
    snapshot = store_snapshot(db)
    assert len(snapshot["articles"]) == summary.coded
    assert not parts_root(db).exists()


CHILD = """
import json, sys
from strife.runner import CodeOptions, run
summary = run(CodeOptions(paths=[sys.argv[1]], db=None, jobs=2, batch_size=4))
print(json.dumps({"spacy": "spacy" in sys.modules, "workers": summary.workers,
                  "coded": summary.coded}))
"""


@pytest.mark.slow
def test_workers_load_the_model_and_the_main_process_never_does(tmp_path: Path) -> None:
    warc = _warc(tmp_path, pages=16, seed=3)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(warc)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["spacy"] is False
    assert report["coded"] > 4 and len(report["workers"]) == 2
    assert all(mb <= MAX_WORKER_RSS_MB for mb in report["workers"].values())


def test_a_worker_sends_its_partition_back_and_writes_nowhere(tmp_path: Path) -> None:
    """The task takes no path: its partition's files travel with its result, and the
    client writes them where it keeps the run (the workers need no folder in common)."""
    from strife.records import Rejection
    from strife.scale.tasks import code_partition
    from strife.store import Store
    from strife.store.parts import place_partition

    shipped = code_partition([Rejection("a.txt", "empty")], ship=True)
    assert shipped.files is not None
    assert set(shipped.files) == {"articles.parquet", "events.parquet"}
    assert shipped.batch.results == [Rejection("a.txt", "empty")]
    folder = place_partition(tmp_path / "part-000000", shipped.files)
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.load_partition(folder) == 0
    assert code_partition([], ship=False).files is None


@pytest.mark.slow
def test_a_cluster_whose_workers_have_their_own_folders(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    warc = _warc(tmp_path, pages=16, seed=7)
    client_side = tmp_path / "client"
    client_side.mkdir()
    stores = {}
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        local_directory=str(tmp_path / "workers"),
    ) as cluster:
        summary = run(
            CodeOptions(
                paths=[str(warc)],
                db=client_side / "dask.duckdb",
                dask=cluster.scheduler_address,
                batch_size=4,
            )
        )
    assert summary.coded > 0
    stores["dask"] = store_snapshot(client_side / "dask.duckdb")
    run(CodeOptions(paths=[str(warc)], db=tmp_path / "one.duckdb", batch_size=4))
    stores["one"] = store_snapshot(tmp_path / "one.duckdb")
    assert stores["dask"] == stores["one"]
    assert not parts_root(client_side / "dask.duckdb").exists()


WORKER = """
import json, os, sys
from strife.pipeline import process_coder, start_worker
from strife.records import Article
from strife.scale.lifeline import Parent
start_worker(Parent(os.getppid(), main_thread=False))
text = "Rebels attacked the town of Palma on Wednesday, the army said."
article = Article(id="worker-test", source="worker-test", text=text)
coded = process_coder().code_one(article)
import thinc.compat
print(json.dumps({"torch": sys.modules.get("torch") is not None,
                  "thinc_torch": thinc.compat.has_torch,
                  "imported": sorted(m for m in LIBRARIES if m in sys.modules),
                  "events": [event.event for event in coded.events]}))
"""
# Libraries the main process's readers and deduplication use, which a worker has no use for.
WORKER_FREE_OF = ("datasketch", "scipy", "trafilatura", "feedparser", "fastwarc", "duckdb")


@pytest.fixture(scope="module")
def worker_report() -> dict[str, object]:
    """What a ``--jobs`` worker imported after it started and coded one article."""
    script = f"LIBRARIES = {WORKER_FREE_OF!r}\n{WORKER}"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    report: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return report


@pytest.mark.slow
def test_a_jobs_worker_codes_without_the_readers_libraries(
    worker_report: dict[str, object],
) -> None:
    """The readers' and the deduplication's libraries take about half a second to import,
    once per worker; a worker that codes never imports them."""
    assert worker_report["events"] == ["ASSAULT"]
    assert worker_report["imported"] == []


@pytest.mark.slow
def test_a_jobs_worker_codes_without_importing_torch(worker_report: dict[str, object]) -> None:
    """Where torch is installed (the ``train`` extra), spaCy's thinc would import it in each
    worker, a second of its start and ~180 MB of its memory; a worker leaves it out."""
    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed here: there is nothing for a worker to leave out")
    assert worker_report["torch"] is False
    assert worker_report["thinc_torch"] is False


def test_the_strife_scripts_import_leaves_the_commands_out() -> None:
    """A ``--jobs`` worker started by the ``strife`` script runs that script first (as
    multiprocessing's spawn does with the parent's main script), and the script imports
    ``strife.cli.main``: that import must not bring the commands' libraries with it."""
    libraries = ("typer", "rich", "duckdb", "datasketch", "trafilatura", "spacy")
    script = (
        "import sys; from strife.cli import main; "
        f"print(sorted(m for m in {libraries!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_a_local_clusters_workers_code_without_importing_torch() -> None:
    """``--dask local`` workers leave torch out as ``--jobs`` workers do (the plugin that
    arms their lifeline)."""
    distributed = pytest.importorskip("distributed")
    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed here: there is nothing for a worker to leave out")
    from strife.scale.lifeline import Parent
    from strife.scale.plugin import Lifeline

    def torch_after_spacy() -> bool:
        import spacy  # noqa: F401  (thinc imports torch where it can)

        return sys.modules.get("torch") is not None

    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            plugins=(Lifeline(Parent.started_elsewhere()),),
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert list(client.run(torch_after_spacy).values()) == [False]
