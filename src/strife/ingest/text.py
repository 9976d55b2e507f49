"""Reading plain text: a scraped page saved as text, or an article body given in a field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from strife.errors import EmptyInput
from strife.ingest.article import finish_article
from strife.ingest.clean import (
    assemble_paragraphs,
    default_rules,
    join_paragraphs,
    normalise_text,
)
from strife.ingest.meta import default_header_reader, publication_date
from strife.records import Article


@dataclass(frozen=True, slots=True)
class CleanedText:
    """An article body without site furniture, and what its header said."""

    text: str
    title: str | None
    publication: str | None
    published: datetime | None


def clean_article_text(raw: str) -> CleanedText:
    """Remove boilerplate and the header (title, outlet, date lines) from scraped text."""
    lines = default_rules().strip(normalise_text(raw).split("\n"))
    header = default_header_reader().read(assemble_paragraphs(lines))
    return CleanedText(
        text=join_paragraphs(header.body),
        title=header.title,
        publication=header.publication,
        published=header.published,
    )


def article_from_text(
    raw: str,
    source: str,
    *,
    url: str | None = None,
    title: str | None = None,
    publication: str | None = None,
    published: datetime | None = None,
) -> Article:
    """The Article in a scraped or plain text. What the caller gives wins over what the
    text's header says; header lines are removed from the body either way.

    Raises EmptyInput or NotEnglish (both InputError) when the text cannot be coded.
    """
    if not raw.strip():
        raise EmptyInput(source, "empty (no text)")
    cleaned = clean_article_text(raw)
    return finish_article(
        cleaned.text,
        source,
        url=url,
        title=title or cleaned.title,
        publication=publication or cleaned.publication,
        published=publication_date(source, published, cleaned.published),
    )
