"""The task a Dask worker runs for one batch of articles.

Each worker process keeps one Coder (``pipeline.process_coder``, loaded by the first
task it runs) and writes its results as a Parquet partition (``store.parts``) in the
run's folder, which must be reachable from the workers and the client alike (a shared
file system when the workers run on other machines).
"""

from __future__ import annotations

from pathlib import Path

from strife.pipeline import CodedArticle, CodedBatch, code_chunk
from strife.records import Article, Rejection
from strife.store.parts import write_partition


def code_partition(chunk: list[Article | Rejection], folder: str | None) -> CodedBatch:
    """Code ``chunk``; when ``folder`` is given, write the coded articles there too."""
    batch = code_chunk(chunk)
    if folder is not None:
        coded = [(r.article, r.events) for r in batch.results if isinstance(r, CodedArticle)]
        write_partition(Path(folder), coded)
    return batch
