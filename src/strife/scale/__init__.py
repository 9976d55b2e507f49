"""Scaling out: coding article batches on a Dask (``dask.distributed``) cluster.

* ``tasks``: what a worker runs: code a batch with the worker's Coder (loaded once per
  worker process) and write it as a Parquet partition.
* ``cluster``: connecting to a cluster (or starting a local one) and streaming batches
  through it, in input order.
* ``lifeline``: worker processes (of a local cluster or of ``--jobs``) exit when the
  process that started them dies.

``code_on_dask`` and ``PartitionBatch`` are imported on first use: the pipeline imports
``lifeline``, and ``cluster`` imports the pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["PartitionBatch", "code_on_dask"]

if TYPE_CHECKING:
    from strife.scale.cluster import PartitionBatch, code_on_dask


def __getattr__(name: str) -> Any:
    if name in __all__:
        from strife.scale import cluster

        return getattr(cluster, name)
    raise AttributeError(f"module 'strife.scale' has no attribute {name!r}")
