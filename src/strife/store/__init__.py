"""The event store (DuckDB): ``Store`` and what it reads and writes.

* ``core``: the ``Store`` class (open, save, load partitions, read).
* ``tables``: the columns and statements; ``rows``: records to rows and back.
* ``schema``: creating, checking and upgrading a store file.
* ``parts``: Parquet partitions (Dask runs) and Parquet exports.
* ``stats``: what a store holds, for ``strife stats``.
"""

from __future__ import annotations

from strife.store.core import DEFAULT_PATH, MEMORY, EventCriteria, EventQuery, Store
from strife.store.schema import SCHEMA_VERSION
from strife.store.stats import StoreStats

__all__ = [
    "DEFAULT_PATH",
    "MEMORY",
    "SCHEMA_VERSION",
    "EventCriteria",
    "EventQuery",
    "Store",
    "StoreStats",
]
