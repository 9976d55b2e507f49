"""``POST /api/articles``: turn a submission into articles, code them and store them.

The rules are those of ``strife code``, through the same stages: the deduplication stage
(``dedupe.stage``) decides in submission order which articles are new, and
``runner.Recorder`` codes nothing twice and writes the articles, their copies and the
rejections. An article the store already holds, or an exact or near copy of one stored or
submitted before it, is not coded: its source, URL, outlet and date are kept as a copy of
the original. Stored originals are found through the band hashes the store keeps (nothing
is rebuilt per submission); the model is loaded on the first submission, once per process.
Submissions are coded one at a time. An article that cannot be read or coded becomes a
rejection (recorded in the store) and the rest goes on.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from strife.api.database import Database, Writer
from strife.api.schemas import ArticleIn, Submission
from strife.dedupe import Verdict
from strife.errors import InputError
from strife.ingest import article_from_html, article_from_text
from strife.ingest.fetch import fetch_page
from strife.ingest.fetch_policy import FetchPolicy
from strife.pipeline import CodedArticle, code_batches
from strife.records import Article, Rejection
from strife.runner import Recorder, Summary


@dataclass(slots=True)
class _Outcome:
    """What became of a submission's articles, in submission order."""

    coded: list[CodedArticle] = field(default_factory=list)
    copies: list[tuple[Article, Verdict]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "stored": len(self.coded),  # an article the store held is a copy, not coded
            "coded": [_coded(result) for result in self.coded],
            "duplicates": [_duplicate(article, verdict) for article, verdict in self.copies],
            "rejected": [{"source": r.source, "reason": r.reason} for r in self.rejected],
        }


class Submitter:
    def __init__(self, db: Database, policy: FetchPolicy) -> None:
        self._db = db
        self._policy = policy
        self._lock = threading.Lock()

    def submit(self, submission: Submission) -> dict[str, Any]:
        """Code and store the new articles of ``submission``; report what became of each."""
        items = list(self._articles(submission))
        with self._lock, self._db.writer() as writer:
            outcome = self._record(items, writer)
        return outcome.to_json()

    def _record(self, items: Sequence[Article | Rejection], writer: Writer) -> _Outcome:
        recorder = Recorder(writer.store, Summary(), None, recode=False)
        outcome = _Outcome()
        fresh: list[Article | Rejection] = []
        for item in items:
            if isinstance(item, Article):
                verdict = recorder.dedupe.decide(item)
                if verdict.kind != "new":
                    outcome.copies.append((item, verdict))
                    continue
            fresh.append(item)
        for batch in code_batches(fresh):
            recorder.record(batch, None)
            for result in batch.results:
                _add(outcome, result)
        recorder.flush()
        writer.refresh([result.article.id for result in outcome.coded])
        return outcome

    def _articles(self, submission: Submission) -> Iterator[Article | Rejection]:
        for given in submission.articles:
            yield _settle(partial(_from_body, given))
        for url in submission.urls:
            yield _settle(partial(self._from_url, url))

    def _from_url(self, url: str) -> Article:
        page = fetch_page(url, url, self._policy)
        read = article_from_html if page.is_html else article_from_text
        return read(page.text, url, url=url)


def _from_body(given: ArticleIn) -> Article:
    body = given.text if given.text is not None else given.html or ""
    source = given.url or "api:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    read = article_from_text if given.text is not None else article_from_html
    return read(
        body,
        source,
        url=given.url,
        title=given.title,
        publication=given.publication,
        published=given.published,
    )


def _settle(make: Callable[[], Article]) -> Article | Rejection:
    try:
        return make()
    except InputError as exc:
        return Rejection(exc.source, exc.reason)


def _add(outcome: _Outcome, result: CodedArticle | Rejection) -> None:
    # A rejected article has left the index already (``Deduplicator.fail``, through the
    # recorder): a later submission never finds it as the original of anything.
    if isinstance(result, CodedArticle):
        outcome.coded.append(result)
    else:
        outcome.rejected.append(result)


def _duplicate(article: Article, verdict: Verdict) -> dict[str, Any]:
    return {
        "source": article.source,
        "article_id": verdict.original,
        "kind": verdict.kind,
        "similarity": round(verdict.similarity, 3),
    }


def _coded(result: CodedArticle) -> dict[str, Any]:
    return {
        "source": result.article.source,
        "article_id": result.article.id,
        "events": [event.id for event in result.events],
    }
