"""Where an article was seen: its own source and those of its duplicates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from strife.records import Article


@dataclass(frozen=True, slots=True)
class Copy:
    """One place a stored article was read from.

    ``article_id`` is the stored article; ``similarity`` is 1.0 for the article itself
    and its exact copies, else the estimated Jaccard similarity of the near duplicate.
    """

    article_id: str
    source: str
    url: str | None
    title: str | None
    publication: str | None
    published: datetime | None
    similarity: float = 1.0

    @classmethod
    def of(cls, article: Article, stored_id: str, similarity: float = 1.0) -> Copy:
        """``article`` seen as a copy of the stored article ``stored_id``."""
        return cls(
            article_id=stored_id,
            source=article.source,
            url=article.url,
            title=article.title,
            publication=article.publication,
            published=article.published,
            similarity=similarity,
        )

    @property
    def outlet(self) -> str:
        return outlet_of(self.publication, self.url, self.source)


def outlet_of(publication: str | None, url: str | None, source: str) -> str:
    """The outlet a copy counts for: its publication's name, else its URL's host, else
    the input it came from (case and a leading ``www.`` ignored)."""
    if publication and publication.strip():
        return " ".join(publication.lower().split())
    host = urlsplit(url).hostname if url else None
    if host:
        return host.lower().removeprefix("www.")
    return f"source:{source}"
