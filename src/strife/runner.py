"""Coding a batch of inputs into the store: what ``strife code`` does, as a library call.

The runner reads inputs, skips articles the store already holds (so a killed run resumes
where it stopped and nothing is coded twice), codes the rest, writes them in small
transactions, records rejections, and reports every result to the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from strife.ingest import read_inputs
from strife.pipeline import DEFAULT_BATCH_SIZE, CodedArticle, code_articles
from strife.records import Article, Event, Rejection
from strife.store import Store

WRITE_EVERY = 32


@dataclass(frozen=True, slots=True)
class CodeOptions:
    """Settings of one coding run; the CLI maps its flags onto these, once."""

    paths: Sequence[str]
    db: Path | None = Path("strife.duckdb")
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    recode: bool = False
    max_bytes: int = 20_000_000


@dataclass(slots=True)
class Summary:
    """What a run did: counts, for the closing line and the exit status."""

    coded: int = 0
    already_stored: int = 0
    duplicates: int = 0
    events: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)


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
        items = read_inputs(options.paths, stdin=stdin, max_bytes=options.max_bytes)
        fresh = _new_articles(items, store, options.recode, summary, on_result)
        pending: list[tuple[Article, Sequence[Event]]] = []
        for result in code_articles(fresh, jobs=options.jobs, batch_size=options.batch_size):
            _count(result, summary)
            if isinstance(result, Rejection):
                _reject(store, result)
            else:
                pending.append((result.article, result.events))
                if len(pending) >= WRITE_EVERY and store is not None:
                    store.save_many(pending)
                    pending.clear()
            if on_result is not None:
                on_result(result, summary)
        if store is not None and pending:
            store.save_many(pending)
    finally:
        if store is not None:
            store.close()
    return summary


def _new_articles(
    items: Iterable[Article | Rejection],
    store: Store | None,
    recode: bool,
    summary: Summary,
    on_result: Listener | None,
) -> Iterator[Article | Rejection]:
    """Drop articles seen earlier in this run; replay the ones the store already holds."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        if item.id in seen:
            summary.duplicates += 1
            continue
        seen.add(item.id)
        if store is not None and not recode and store.has_article(item.id):
            summary.already_stored += 1
            stored = CodedArticle(item, tuple(store.events(article_id=item.id)))
            summary.events += len(stored.events)
            if on_result is not None:
                on_result(stored, summary)
            continue
        yield item


def _count(result: CodedArticle | Rejection, summary: Summary) -> None:
    if isinstance(result, Rejection):
        summary.rejected += 1
        summary.rejections.append(result)
    else:
        summary.coded += 1
        summary.events += len(result.events)


def _reject(store: Store | None, rejection: Rejection) -> None:
    if store is not None:
        store.record_rejection(rejection)
