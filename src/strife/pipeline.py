"""The orchestrator: sequences the stages, batches documents, applies one error policy.

::

    Article -> nlp (spaCy Doc) -> actors, places, dates -> events (with claims) -> CodedArticle

A failure while coding one article turns into a :class:`Rejection` for that article; the
batch goes on. With ``jobs > 1`` articles are coded in worker processes, each loading the
model once (a model that cannot be loaded fails the run with its ``ModelError``, a worker
that dies with a ``ClusterError``); the main process never loads spaCy. Batches stream
through the workers with a bounded number in flight, and results come back in input order.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import resource
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from strife.dedupe.groups import with_group
from strife.errors import ClusterError, CodingError
from strife.ingest import article_from_text
from strife.ingest.article import MAX_ARTICLE_CHARS
from strife.records import Article, Event, Rejection
from strife.scale.lifeline import Parent, arm

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from strife.actors import ActorResolver
    from strife.events import EventCoder
    from strife.places import Geoparser

log = logging.getLogger(__name__)
# How the reason of an article that failed inside strife (a bug, not its input) begins.
INTERNAL_ERROR = "internal error while coding"
T = TypeVar("T")

# Articles a worker takes at a time: enough for nlp.pipe to batch, small enough that at
# most two queued per worker keep the main process's memory flat (docs/scale.md).
DEFAULT_BATCH_SIZE = 16
# Documents spaCy parses together inside a batch. Four long articles at a time keep a
# worker's peak memory about 160 MB lower than sixteen, at the same speed
# (bench/throughput.py on the Guardian sample).
NLP_BATCH_SIZE = 4
# Batches queued per worker beyond the one it codes: enough to keep it busy, few enough
# that reading never runs far ahead of coding.
QUEUED_PER_WORKER = 2
# A longer article is parsed in pieces of at most this many characters (strife.nlp.parse_text):
# parsing 200,000 characters whole takes 355 MB over the loaded model, in pieces of 20,000
# 83 MB, at the same speed.
PIECE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article and the events coded from it."""

    article: Article
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class CodedBatch:
    """The results of one batch, in input order, and the process that coded it.

    ``peak_rss_mb`` is that process's peak resident memory so far (ru_maxrss).
    """

    results: list[CodedArticle | Rejection]
    worker: str
    peak_rss_mb: float


@dataclass(frozen=True, slots=True)
class TextLimits:
    """How long an article may be. Longer than ``max_chars``: rejected before parsing.
    Longer than ``piece_chars``: parsed in pieces of at most that many characters."""

    max_chars: int = MAX_ARTICLE_CHARS
    piece_chars: int = PIECE_CHARS


class Coder:
    """The loaded model and every stage's component. Build once per process."""

    def __init__(
        self,
        nlp: Any,
        actors: ActorResolver,
        geoparser: Geoparser,
        events: EventCoder,
        limits: TextLimits = TextLimits(),
    ) -> None:
        self.nlp = nlp
        self.actors = actors
        self.geoparser = geoparser
        self.events = events
        self.limits = limits

    @classmethod
    def load(cls, limits: TextLimits = TextLimits()) -> Coder:
        # Imported here: a process that only reads and stores (the main process when
        # workers code) never imports spaCy.
        from strife.actors import ActorResolver
        from strife.events import EventCoder
        from strife.nlp import load_nlp
        from strife.places import Gazetteer, Geoparser

        nlp = load_nlp()
        actors = ActorResolver.from_data(nlp.vocab)
        return cls(
            nlp=nlp,
            actors=actors,
            geoparser=Geoparser(Gazetteer.load()),
            events=EventCoder.from_data(country_of=actors.lookup_country),
            limits=limits,
        )

    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        """Code one parsed article (each event with its ``group_id``)."""
        from strife.dates import find_dates
        from strife.events import Mentions
        from strife.nlp import remember_text

        remember_text(doc, article.text)
        actors = self.actors.find(doc)
        hints = tuple(dict.fromkeys(m.ref.code for m in actors if m.ref.code))
        places = self.geoparser.find(doc, hints)
        dates = find_dates(doc, article.published)
        events = self.events.code(doc, article, Mentions(actors, places, dates))
        return CodedArticle(article, tuple(with_group(event) for event in events))

    def code(
        self, articles: Iterable[Article], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[CodedArticle | Rejection]:
        """Code a stream of articles; a failing article becomes a Rejection, and nothing
        one article holds (its length, a parser error) fails the others."""
        from strife.nlp import Unparsed, parse_texts

        for group in chunks(articles, max(batch_size, 1)):
            texts = [article.text for article in group]
            parsed = parse_texts(self.nlp, texts, self.limits.piece_chars, self.limits.max_chars)
            # Lazily: a long Doc is coded before the next one is parsed.
            for article, doc in zip(group, parsed, strict=True):
                if isinstance(doc, Unparsed):
                    yield Rejection(article.source, doc.reason, article.id)
                else:
                    yield self._code_safely(doc, article)

    def code_one(self, article: Article) -> CodedArticle | Rejection:
        """Code one article under the same limits and error policy as :meth:`code`."""
        return next(self.code([article]))

    def _code_safely(self, doc: Doc, article: Article) -> CodedArticle | Rejection:
        try:
            return self.code_doc(doc, article)
        except Exception as exc:  # the one error policy: one article fails, not the batch
            log.exception("coding %s failed", article.source)
            reason = f"{INTERNAL_ERROR} ({type(exc).__name__}: {exc})"
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
    result = process_coder().code_one(article)
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
    for batch in code_batches(items, jobs=jobs, batch_size=batch_size):
        yield from batch.results


def code_batches(
    items: Iterable[Article | Rejection],
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[CodedBatch]:
    """``code_articles`` batch by batch, each with the memory of the process that coded it.

    ``items`` is consumed in the calling thread, a few batches ahead of the results.
    """
    if jobs <= 1:
        for chunk in chunks(items, batch_size):
            yield code_chunk(chunk)
    else:
        yield from _code_in_workers(items, jobs, batch_size)


def code_chunk(chunk: list[Article | Rejection]) -> CodedBatch:
    """Code one batch in this process (loading the model on first use)."""
    coder = process_coder()
    articles = [item for item in chunk if isinstance(item, Article)]
    coded = iter(coder.code(articles, NLP_BATCH_SIZE))
    results = [item if isinstance(item, Rejection) else next(coded) for item in chunk]
    return CodedBatch(results, worker=str(os.getpid()), peak_rss_mb=peak_rss_mb())


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB.

    Linux's VmHWM is the peak of this process's own memory since it started its program;
    ru_maxrss (the fallback elsewhere) also keeps the peak of the parent it was forked from,
    which overstates a worker started by a large process.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _code_in_workers(
    items: Iterable[Article | Rejection], jobs: int, batch_size: int
) -> Iterator[CodedBatch]:
    # A process pool that notices a dead worker (killed, out of memory) and says so,
    # where multiprocessing.Pool would wait for its result for ever.
    context = multiprocessing.get_context("spawn")
    # Each worker exits when this process dies (killed while the workers load the model).
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=start_worker, initargs=(Parent.here(),)
    ) as pool:
        window: deque[Future[CodedBatch]] = deque()
        try:
            for chunk in chunks(items, batch_size):
                window.append(pool.submit(code_chunk, chunk))
                if len(window) > jobs * QUEUED_PER_WORKER:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except BrokenProcessPool as exc:
            raise ClusterError(f"a worker process died while coding ({exc})") from exc
        finally:
            for pending in window:
                pending.cancel()


def start_worker(parent: Parent) -> None:
    """A ``--jobs`` worker's first step, before it reads a task: exit when ``parent`` dies
    (:func:`strife.scale.lifeline.arm`), and never import torch.

    spaCy's thinc imports torch wherever it is installed (the ``train`` extra installs it),
    to offer it to models that run on it. The coder's models do not (spaCy's small model
    runs on numpy, the event models on onnxruntime), and the import takes about a second
    of each worker's start. A module set to None in ``sys.modules`` reads as not installed
    to ``import``, which thinc handles as it does a machine without torch. Where something
    in the worker imported torch already, it stays."""
    arm(parent)
    leave_torch_out()


def leave_torch_out() -> None:
    """Make ``import torch`` fail in this worker process unless it is imported already (see
    :func:`start_worker`); Dask workers of a local cluster do the same
    (:class:`strife.scale.plugin.Lifeline`)."""
    sys.modules.setdefault("torch", None)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=1)
def process_coder() -> Coder:
    """The process's Coder, loaded on first use (once per worker process)."""
    return Coder.load()


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
