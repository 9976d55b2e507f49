"""``POST /api/articles``: turn a submission into articles, code them and store them.

The coder (spaCy model, dictionaries, gazetteer) is loaded on the first submission, once per
process, and codes one submission at a time. An article that cannot be read or coded
becomes a rejection (recorded in the store, as ``strife code`` does) and the rest goes on.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from strife.api.database import Database
from strife.api.schemas import ArticleIn, Submission
from strife.errors import InputError
from strife.ingest import article_from_html, article_from_text
from strife.ingest.fetch import fetch_page
from strife.ingest.fetch_policy import FetchPolicy
from strife.pipeline import CodedArticle, Coder
from strife.records import Article, Rejection


class Submitter:
    def __init__(
        self, db: Database, limits: FetchPolicy, load_coder: Callable[[], Coder] = Coder.load
    ) -> None:
        self._db = db
        self._limits = limits
        self._load_coder = load_coder
        self._coder: Coder | None = None
        self._lock = threading.Lock()

    def submit(self, submission: Submission) -> dict[str, Any]:
        """Code and store every article of ``submission``; report what became of each."""
        items = list(self._articles(submission))
        rejected = [item for item in items if isinstance(item, Rejection)]
        articles = [item for item in items if isinstance(item, Article)]
        with self._lock:
            coder = self._coder = self._coder or self._load_coder()
            results = list(coder.code(articles)) if articles else []
        rejected += [result for result in results if isinstance(result, Rejection)]
        coded = [result for result in results if isinstance(result, CodedArticle)]
        stored = self._db.save([(c.article, c.events) for c in coded], rejected)
        return {
            "stored": stored,
            "coded": [_coded(result) for result in coded],
            "rejected": [{"source": r.source, "reason": r.reason} for r in rejected],
        }

    def _articles(self, submission: Submission) -> Iterator[Article | Rejection]:
        for given in submission.articles:
            yield _settle(partial(_from_body, given))
        for url in submission.urls:
            yield _settle(partial(self._from_url, url))

    def _from_url(self, url: str) -> Article:
        page = fetch_page(url, url, self._limits)
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


def _coded(result: CodedArticle) -> dict[str, Any]:
    return {
        "source": result.article.source,
        "article_id": result.article.id,
        "events": [event.id for event in result.events],
    }
