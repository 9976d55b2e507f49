"""Routes on articles: read one with its events; submit new ones to code (token needed).

Submissions run on threads of their own, a few at a time: a fetch may take its whole
deadline, and on the threadpool of the read routes a handful of slow submissions would hold
every ``GET`` waiting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Final

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import APIRouter, Path
from fastapi.responses import Response

from strife.api import queries, schemas
from strife.api.auth import DOCUMENTED
from strife.api.database import Database
from strife.api.errors import NotFound
from strife.api.responses import json_response, json_with_records
from strife.api.submit import Submitter

# Submissions fetching or coding at once; more wait without holding a thread.
SUBMISSION_THREADS: Final = 4
ArticleId = Annotated[str, Path(min_length=1, max_length=200, description="the article's id")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.Error, "description": "the body cannot be read (not UTF-8 JSON)"},
    401: {"model": schemas.Error, "description": "no valid token"},
    413: {"model": schemas.Error, "description": "the body is over the limit"},
}


def articles_router(db: Database, submitter: Submitter, read: Sequence[Any]) -> APIRouter:
    """``GET /api/articles/{id}`` and ``POST /api/articles`` (which needs the token).

    ``read`` documents the token on the read route (with --private); ``auth.AccessControl``
    enforces it.
    """
    router = APIRouter(prefix="/api", tags=["articles"])
    submissions = CapacityLimiter(SUBMISSION_THREADS)

    @router.get(
        "/articles/{article_id}",
        response_model=schemas.ArticleDetail,
        responses={404: {"model": schemas.Error}},
        dependencies=list(read),
    )
    def get_article(article_id: ArticleId) -> Response:
        """An article: its metadata, its cleaned text and the events coded from it."""
        with db.reader() as cur:
            article = queries.article(cur, article_id)
            records = [] if article is None else queries.article_events(cur, article_id)
        if article is None:
            raise NotFound(f"no article with id {article_id!r}")
        return json_with_records({**article.summary(), "text": article.text}, "events", records)

    @router.post(
        "/articles",
        response_model=schemas.SubmissionResult,
        responses=_ERRORS,
        dependencies=[DOCUMENTED],
    )
    async def post_articles(submission: schemas.Submission) -> Response:
        """Code articles (text, HTML, or URLs the server fetches) and store them."""
        result = await anyio.to_thread.run_sync(submitter.submit, submission, limiter=submissions)
        return json_response(result)

    return router
