"""The folders Dask runs write their Parquet partitions to, beside the store file.

The client writes there the partitions its workers send back (no folder is shared with
them). A run writes to ``<store>.parts/run-<time>-<pid>/part-NNNNNN/``; each partition is deleted
once loaded into the store, and the run's folder when the run ends. Only the process that
holds the store (DuckDB's lock) writes there, so a folder left by a killed run is stale:
the next run removes it (its articles are coded again, as the store does not hold them).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path


def parts_root(db: Path) -> Path:
    return db.with_name(db.name + ".parts")


def new_run_folder(db: Path) -> Path:
    """A fresh, empty folder for this run's partitions (stale runs' folders removed)."""
    root = parts_root(db)
    shutil.rmtree(root, ignore_errors=True)
    folder = root / f"run-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def remove_partition(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def finish_run(folder: Path) -> None:
    """Remove the run's folder, and the parts folder when no other run left anything."""
    shutil.rmtree(folder, ignore_errors=True)
    with contextlib.suppress(OSError):  # not empty, or already gone
        folder.parent.rmdir()
