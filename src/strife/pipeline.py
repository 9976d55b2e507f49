"""The orchestrator: sequences the stages, batches documents, applies one error policy.

::

    Article -> nlp (spaCy Doc) -> actors, places, dates -> events (with claims) -> CodedArticle

A failure while coding one article turns into a :class:`Rejection` for that article; the
batch goes on. With ``jobs > 1`` articles are coded in worker processes, each loading the
model once; results come back in input order.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from strife.actors import ActorResolver
from strife.dates import find_dates
from strife.errors import CodingError
from strife.events import EventCoder, Mentions
from strife.ingest import article_from_text
from strife.nlp import load_nlp
from strife.places import Gazetteer, Geoparser
from strife.records import Article, Event, Rejection

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article and the events coded from it."""

    article: Article
    events: tuple[Event, ...]


class Coder:
    """The loaded model and every stage's component. Build once per process."""

    def __init__(
        self,
        nlp: Any,
        actors: ActorResolver,
        geoparser: Geoparser,
        events: EventCoder,
    ) -> None:
        self.nlp = nlp
        self.actors = actors
        self.geoparser = geoparser
        self.events = events

    @classmethod
    def load(cls) -> Coder:
        nlp = load_nlp()
        actors = ActorResolver.from_data(nlp.vocab)
        return cls(
            nlp=nlp,
            actors=actors,
            geoparser=Geoparser(Gazetteer.load()),
            events=EventCoder.from_data(country_of=actors.lookup_country),
        )

    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        """Code one parsed article."""
        actors = self.actors.find(doc)
        hints = tuple(dict.fromkeys(m.ref.code for m in actors if m.ref.code))
        places = self.geoparser.find(doc, hints)
        dates = find_dates(doc, article.published)
        events = self.events.code(doc, article, Mentions(actors, places, dates))
        return CodedArticle(article, tuple(events))

    def code(
        self, articles: Iterable[Article], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[CodedArticle | Rejection]:
        """Code a stream of articles; a failing article becomes a Rejection."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._code_safely(doc, article)

    def _code_safely(self, doc: Doc, article: Article) -> CodedArticle | Rejection:
        try:
            return self.code_doc(doc, article)
        except Exception as exc:  # the one error policy: one article fails, not the batch
            log.exception("coding %s failed", article.source)
            reason = f"internal error while coding ({type(exc).__name__}: {exc})"
            return Rejection(article.source, reason, article.id)


def code_text(
    text: str,
    *,
    source: str = "<text>",
    published: datetime | None = None,
    url: str | None = None,
    title: str | None = None,
    publication: str | None = None,
) -> list[Event]:
    """Code one article given as a string (the simplest entry point of the library).

    Raises the ``strife.errors.InputError`` subclasses for input that cannot be coded, and
    ``CodingError`` when coding itself fails.
    """
    article = article_from_text(
        text, source, url=url, title=title, publication=publication, published=published
    )
    coder = _process_coder()
    result = coder._code_safely(coder.nlp(article.text), article)
    if isinstance(result, Rejection):
        raise CodingError(result.source, result.reason)
    return list(result.events)


def code_articles(
    items: Iterable[Article | Rejection],
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[CodedArticle | Rejection]:
    """Code articles from ``ingest.read_inputs``; rejections pass through in order."""
    if jobs <= 1:
        yield from _code_in_process(items, batch_size)
    else:
        yield from _code_in_workers(items, jobs, batch_size)


def _code_in_process(
    items: Iterable[Article | Rejection], batch_size: int
) -> Iterator[CodedArticle | Rejection]:
    coder = _process_coder()
    for chunk in _chunks(items, batch_size):
        yield from _code_chunk_with(coder, chunk, batch_size)


def _code_chunk_with(
    coder: Coder, chunk: list[Article | Rejection], batch_size: int
) -> list[CodedArticle | Rejection]:
    articles = [item for item in chunk if isinstance(item, Article)]
    coded = iter(coder.code(articles, batch_size))
    return [item if isinstance(item, Rejection) else next(coded) for item in chunk]


def _code_in_workers(
    items: Iterable[Article | Rejection], jobs: int, batch_size: int
) -> Iterator[CodedArticle | Rejection]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=jobs, initializer=_process_coder) as pool:
        chunks = _chunks(items, batch_size)
        for result in pool.imap(_code_chunk_in_worker, chunks):
            yield from result


def _code_chunk_in_worker(chunk: list[Article | Rejection]) -> list[CodedArticle | Rejection]:
    return _code_chunk_with(_process_coder(), chunk, len(chunk))


@functools.lru_cache(maxsize=1)
def _process_coder() -> Coder:
    """The process's Coder, loaded on first use (once per worker process)."""
    return Coder.load()


def _chunks(items: Iterable[Article | Rejection], size: int) -> Iterator[list[Article | Rejection]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
