"""Coding a batch of inputs into the store: what ``strife code`` does, as a library call.

The runner reads inputs, drops duplicates before coding (``dedupe.stage``: exact and
near copies, and articles the store already holds, so that a killed run resumes where it
stopped and nothing is coded twice), codes the rest in this process, in worker processes
or on a Dask cluster, writes them in small transactions in input order, records
rejections, and reports every result to the caller.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from strife.dedupe import Copy, DedupeCounts, Deduplicator
from strife.dedupe.bands import DEFAULT_WINDOW_DAYS
from strife.ingest import ReadOptions, ReadProgress, read_inputs
from strife.ingest.fetch_policy import FetchPolicy
from strife.pipeline import DEFAULT_BATCH_SIZE, CodedArticle, CodedBatch, code_batches
from strife.records import Article, Event, Rejection
from strife.scale import code_on_dask, runs
from strife.store import DEFAULT_PATH, MEMORY, Store

# Coded articles written to the store in one transaction: one commit per 32 articles, and
# at most 32 articles' work lost (and redone on resume) when a run is killed.
WRITE_EVERY = 32
# Articles per Dask task: each task ships its results back as one Parquet partition, so a
# task must be large enough that scheduling and transfer are small beside coding it.
DASK_BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class CodeOptions:
    """Settings of one coding run; the CLI maps its flags onto these, once.

    ``dask`` is a scheduler address (``tcp://HOST:PORT``) or ``local``; ``jobs`` is then
    the number of workers of the local cluster. ``batch_size`` is the number of articles
    sent to a worker at a time (16, or 32 on Dask, when None). ``columns`` maps strife
    fields to JSONL keys or CSV columns; ``fetch`` lets feed readers use the network within
    its policy (None: offline). ``dedupe_window``: near duplicates are looked for among
    articles published within that many days of each other (0: among all).
    """

    paths: Sequence[str]
    db: Path | None = Path(DEFAULT_PATH)
    jobs: int = 1
    batch_size: int | None = None
    recode: bool = False
    max_bytes: int = 20_000_000
    columns: Mapping[str, str] = field(default_factory=dict)
    fetch: FetchPolicy | None = None
    dask: str | None = None
    dedupe_window: int = DEFAULT_WINDOW_DAYS


@dataclass(slots=True)
class Summary:
    """What a run did: counts, for the progress bar, the closing line and the exit status.

    ``workers`` maps each process that coded (a pid, or a Dask worker's) to its peak
    resident memory in MB.
    """

    coded: int = 0
    events: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    dedupe: DedupeCounts = field(default_factory=DedupeCounts)
    workers: dict[str, float] = field(default_factory=dict)
    progress: ReadProgress = field(default_factory=ReadProgress)
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    @property
    def already_stored(self) -> int:
        return self.dedupe.stored

    @property
    def duplicates(self) -> int:
        return self.dedupe.exact

    @property
    def near_duplicates(self) -> int:
        return self.dedupe.near

    @property
    def rate(self) -> float:
        """Articles coded per second so far."""
        elapsed = self.seconds or (time.perf_counter() - self.started)
        return self.coded / elapsed if elapsed > 0 else 0.0


Listener = Callable[[CodedArticle | Rejection, Summary], None]


def run(
    options: CodeOptions,
    *,
    stdin: BinaryIO | None = None,
    on_result: Listener | None = None,
) -> Summary:
    """Code ``options.paths`` into ``options.db`` (or nowhere when it is None)."""
    summary = Summary()
    store = Store.open(options.db) if options.db is not None else None
    try:
        recorder = Recorder(store, summary, on_result, options.recode, options.dedupe_window)
        read = ReadOptions(
            max_bytes=options.max_bytes,
            columns=options.columns,
            fetch=options.fetch,
            progress=summary.progress,
        )
        fresh = recorder.dedupe.filter(read_inputs(options.paths, stdin=stdin, options=read))
        for batch, folder in _coded(fresh, options):
            recorder.record(batch, folder)
        recorder.flush()
    finally:
        summary.seconds = time.perf_counter() - summary.started
        if store is not None:
            store.close()
    return summary


def _coded(
    items: Iterator[Article | Rejection], options: CodeOptions
) -> Iterator[tuple[CodedBatch, Path | None]]:
    """Coded batches in input order, each with its partition folder (Dask runs)."""
    if options.dask is None:
        size = options.batch_size or DEFAULT_BATCH_SIZE
        for batch in code_batches(items, jobs=options.jobs, batch_size=size):
            yield batch, None
        return
    db = options.db
    run_dir = runs.new_run_folder(db) if db is not None and str(db) != MEMORY else None
    try:
        for part in code_on_dask(
            items,
            address=options.dask,
            workers=options.jobs,
            batch_size=options.batch_size or DASK_BATCH_SIZE,
            run_dir=run_dir,
        ):
            yield part.batch, part.folder
    finally:
        if run_dir is not None:
            runs.finish_run(run_dir)


class Recorder:
    """Counts and reports results, and writes them (with their copies) in input order."""

    def __init__(
        self,
        store: Store | None,
        summary: Summary,
        on_result: Listener | None,
        recode: bool,
        window: int = DEFAULT_WINDOW_DAYS,
    ) -> None:
        """``window`` is the near-duplicate window in days (0: compare with everything)."""
        self.store = store
        self.summary = summary
        self.on_result = on_result
        self.dedupe = Deduplicator.for_store(
            store, recode=recode, on_stored=self._replay, window=window
        )
        summary.dedupe = self.dedupe.counts
        self._pending: list[tuple[Article, Sequence[Event]]] = []
        self._copies: list[Copy] = []
        self._signatures: dict[str, bytes] = {}

    def record(self, batch: CodedBatch, folder: Path | None) -> None:
        """Take in one coded batch; ``folder`` holds its partition when a worker wrote one."""
        workers = self.summary.workers
        workers[batch.worker] = max(workers.get(batch.worker, 0.0), batch.peak_rss_mb)
        for result in batch.results:
            self._take(result, keep=folder is None)
            if self.on_result is not None:
                self.on_result(result, self.summary)
        if folder is not None:
            self._load(folder)
        elif len(self._pending) >= WRITE_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write what is pending, and the copies of stored articles seen meanwhile."""
        copies = self._copies + self.dedupe.take_loose()
        if self.store is not None and (self._pending or copies):
            self.store.save_many(self._pending, copies=copies, signatures=self._signatures)
            self.dedupe.written([article.id for article, _ in self._pending])
        self._pending.clear()
        self._copies.clear()
        self._signatures.clear()

    def _take(self, result: CodedArticle | Rejection, *, keep: bool) -> None:
        if isinstance(result, Rejection):
            self.summary.rejected += 1
            self.summary.rejections.append(result)
            if result.article_id is not None:
                self.dedupe.fail(result.article_id)
            if self.store is not None:
                self.store.record_rejection(result)
            return
        self.summary.coded += 1
        self.summary.events += len(result.events)
        settled = self.dedupe.settle(result.article.id)
        if settled is not None:
            self._signatures[result.article.id] = settled[0]
            self._copies.extend(settled[1])
        if keep:
            self._pending.append((result.article, result.events))

    def _load(self, folder: Path) -> None:
        copies = self._copies + self.dedupe.take_loose()
        if self.store is not None:
            self.store.load_partition(folder, copies=copies, signatures=self._signatures)
            self.dedupe.written(list(self._signatures))
        runs.remove_partition(folder)
        self._copies.clear()
        self._signatures.clear()

    def _replay(self, article: Article) -> None:
        """An article the store holds: report its stored events (nothing is written)."""
        if self.store is None:
            return
        stored = CodedArticle(article, tuple(self.store.events(article_id=article.id)))
        self.summary.events += len(stored.events)
        if self.on_result is not None:
            self.on_result(stored, self.summary)
