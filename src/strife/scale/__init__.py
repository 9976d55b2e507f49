"""Scaling out: coding article batches on a Dask (``dask.distributed``) cluster.

* ``tasks``: what a worker runs: code a batch with the worker's Coder (loaded once per
  worker process) and write it as a Parquet partition.
* ``cluster``: connecting to a cluster (or starting a local one) and streaming batches
  through it, in input order.
"""

from __future__ import annotations

from strife.scale.cluster import PartitionBatch, code_on_dask

__all__ = ["PartitionBatch", "code_on_dask"]
