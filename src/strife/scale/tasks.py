"""The task a Dask worker runs for one batch of articles.

Each worker process keeps one Coder (``pipeline.process_coder``, loaded by the first
task it runs). With ``ship``, it also encodes the coded articles as a Parquet partition
(``store.parts``) and returns the files' bytes with the batch: the client writes them
beside its store, so the workers need no file system in common with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from strife.pipeline import CodedArticle, CodedBatch, code_chunk
from strife.records import Article, Rejection
from strife.store.parts import partition_bytes


@dataclass(frozen=True, slots=True)
class ShippedBatch:
    """A coded batch and, when asked for, its partition's files (name -> bytes)."""

    batch: CodedBatch
    files: dict[str, bytes] | None


def code_partition(chunk: list[Article | Rejection], ship: bool) -> ShippedBatch:
    """Code ``chunk``; with ``ship``, the partition's files come back with it."""
    batch = code_chunk(chunk)
    if not ship:
        return ShippedBatch(batch, None)
    coded = [(r.article, r.events) for r in batch.results if isinstance(r, CodedArticle)]
    return ShippedBatch(batch, partition_bytes(coded))
