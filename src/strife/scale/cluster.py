"""Streaming article batches through a Dask cluster, results in input order.

``address`` is a scheduler address (``tcp://HOST:PORT``) or ``local``: then a
``LocalCluster`` of ``workers`` processes with one thread each is started for the run
and stopped after it; its workers exit when this process dies (``lifeline``). A bounded
number of batches is in flight at a time (two per worker beyond the one each codes), so
reading never runs far ahead of coding and the client's memory stays flat.
"""

from __future__ import annotations

import importlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from strife.errors import ClusterError
from strife.pipeline import QUEUED_PER_WORKER, CodedBatch, chunks
from strife.records import Article, Rejection
from strife.scale.lifeline import Parent
from strife.scale.tasks import ShippedBatch, code_partition
from strife.store.parts import place_partition

if TYPE_CHECKING:
    from strife.scale.plugin import Lifeline

LOCAL: Final = "local"
CONNECT_TIMEOUT_S: Final = 30


@dataclass(frozen=True, slots=True)
class PartitionBatch:
    """A batch coded on the cluster, and the partition folder it was written to."""

    batch: CodedBatch
    folder: Path | None


def code_on_dask(
    items: Iterable[Article | Rejection],
    *,
    address: str,
    workers: int,
    batch_size: int,
    run_dir: Path | None,
) -> Iterator[PartitionBatch]:
    """Code ``items`` on the cluster; with ``run_dir``, each batch is also a partition
    ``run_dir/part-NNNNNN``: the worker sends its files with the result, and they are
    written here (the workers see none of this machine's folders)."""
    with dask_client(address, workers) as client:
        window: deque[tuple[Path | None, Any]] = deque()
        ahead = max(1, _worker_count(client)) * QUEUED_PER_WORKER
        ship = run_dir is not None
        for number, chunk in enumerate(chunks(items, batch_size)):
            folder = None if run_dir is None else run_dir / f"part-{number:06d}"
            window.append((folder, client.submit(code_partition, chunk, ship, pure=False)))
            if len(window) > ahead:
                yield _result(*window.popleft())
        while window:
            yield _result(*window.popleft())


@contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A client of the cluster at ``address``, or of a local cluster started for it."""
    # Imported on use: dask.distributed takes a second to import and most runs are local.
    distributed: Any = importlib.import_module("distributed")
    cluster = None
    try:
        if address == LOCAL:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.WARNING,
                plugins=(_lifeline(),),
            )
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask cluster at {address}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _lifeline() -> Lifeline:
    """The plugin that ends a local worker with this process (armed before the worker
    takes a task); its nanny and the scheduler run in this process and end with it."""
    from strife.scale.plugin import Lifeline

    # The nanny's thread starts the worker, so only the portable watch applies.
    return Lifeline(Parent.started_elsewhere())


def _worker_count(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))


def _result(folder: Path | None, future: Any) -> PartitionBatch:
    try:
        shipped = future.result()
    except Exception as exc:  # a task's failure arrives as its own type: report it once
        raise ClusterError(f"a batch failed on the Dask cluster: {exc}") from exc
    if not isinstance(shipped, ShippedBatch) or not isinstance(shipped.batch, CodedBatch):
        raise ClusterError(f"a Dask task returned {type(shipped).__name__}, not a coded batch")
    if folder is None or shipped.files is None:
        return PartitionBatch(shipped.batch, None)
    return PartitionBatch(shipped.batch, place_partition(folder, shipped.files))
