"""Finding the title, the outlet and the publication date in the header of a scraped page.

The header is what comes before the first line of prose: typically the outlet's name
(often twice), the headline, a byline and a date line. Those lines are taken out of the
body; anything else before the last of them is page furniture and goes too.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final

import dateparser

from strife.errors import ModelError
from strife.ingest.clean import Paragraph, is_headline, is_prose, line_key
from strife.ingest.resources import load_ingest_json
from strife.plausible_dates import RANGE_TEXT, is_plausible_moment

log = logging.getLogger(__name__)

# The header is looked for among this many lines before the first paragraph of prose.
MAX_HEADER_LINES: Final = 10
MAX_OUTLET_WORDS: Final = 6
MAX_DATE_LINE_CHARS: Final = 80
# A header line naming an earlier year is not the page's date line.
EARLIEST_HEADER_YEAR: Final = 1900

# dateparser reads only absolute dates: a header never means "2 hours ago" for the event.
_DATEPARSER_SETTINGS: Final[Mapping[str, Any]] = {
    "PREFER_DATES_FROM": "past",
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}
_DATE_PREFIX: Final = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)|date[d]?)"
    r"(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_MONTH_DATE: Final = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b.*\b(?:1[89]|20)\d\d\b"
    r"|\b(?:1[89]|20)\d\d\b.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_NUMERIC_DATE: Final = re.compile(r"\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_PART_SEPARATOR: Final = re.compile(r"\s+[|•·]\s+")
_BYLINE: Final = re.compile(r"^(?:by|written by|reporting by)\s+\S", re.IGNORECASE)
_TITLE_OUTLET_SEPARATOR: Final = re.compile(r"\s+[|–—-]\s+")


@dataclass(frozen=True, slots=True)
class Header:
    """What the header said, and the paragraphs of the page without it."""

    title: str | None
    publication: str | None
    published: datetime | None
    body: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class HeaderReader:
    """Reads the header of a scraped page. Build with :meth:`from_data`."""

    outlet_names: frozenset[str]
    outlet_words: frozenset[str]

    @classmethod
    def from_data(cls) -> HeaderReader:
        """Build from the outlet lists shipped in ``data/ingest/outlets.json``."""
        data = load_ingest_json("outlets.json")
        try:
            return cls(
                outlet_names=frozenset(name.lower() for name in data["names"]),
                outlet_words=frozenset(word.lower() for word in data["name_words"]),
            )
        except (KeyError, TypeError, AttributeError) as err:
            raise ModelError(f"outlets.json is missing or has a bad list: {err}") from err

    def read(self, paragraphs: Sequence[Paragraph]) -> Header:
        """Split a page's paragraphs into what its header says and the article body."""
        repeated = _repeated_short_lines(paragraphs)
        publication = None
        published: datetime | None = None
        headlines: list[str] = []
        last_header = -1
        for index, line in _header_candidates(paragraphs):
            date = parse_date_line(line)
            if date is not None:
                published = published or date
            elif line in repeated or self.is_outlet(line):
                publication = publication or line
            elif _BYLINE.match(line):
                pass  # a byline belongs to the header but names no field we keep
            elif is_headline(line) and published is None:
                headlines.append(line)
            else:
                continue
            last_header = index
        # Banners and taglines come first; the headline is the last one before the date.
        title = None
        if headlines:
            title, outlet = self._split_outlet_suffix(headlines[-1])
            publication = publication or outlet
        if last_header < 0:
            return Header(None, None, None, tuple(paragraphs))
        body = tuple(
            paragraph
            for index, paragraph in enumerate(paragraphs)
            if index > last_header and paragraph != (publication,)
        )
        return Header(title, publication, published, body)

    def is_outlet(self, line: str) -> bool:
        """A line that names a news outlet: a known name, or a short capitalised name
        with a word outlets use ("Northern Gazette", "Iran Press TV")."""
        key = line_key(line)
        if key in self.outlet_names:
            return True
        words = line.split()
        return (
            len(words) <= MAX_OUTLET_WORDS
            and all(word[:1].isupper() or not word[:1].isalpha() for word in words)
            and any(word.lower() in self.outlet_words for word in words)
        )

    def _split_outlet_suffix(self, line: str) -> tuple[str, str | None]:
        # Page titles often end with the outlet: "Clashes resume | Northern Gazette".
        parts = _TITLE_OUTLET_SEPARATOR.split(line)
        if len(parts) > 1 and self.is_outlet(parts[-1]) and is_headline(" ".join(parts[:-1])):
            return line[: line.rfind(parts[-1])].rstrip(" |–—-"), parts[-1]
        return line, None


@functools.lru_cache(maxsize=1)
def default_header_reader() -> HeaderReader:
    """The reader built from the shipped outlet lists, built once per process."""
    return HeaderReader.from_data()


def parse_date_line(line: str) -> datetime | None:
    """The publication date a header line states, or None if it is not a date line.

    Accepts "Saturday, 31 October 2020 4:35 PM", "31 Oct 2020", "Published: October 31,
    2020 16:35 GMT", "2020-10-31T16:35:00Z"; a time zone, when given, is kept.
    """
    if len(line) > MAX_DATE_LINE_CHARS:
        return None
    for part in _PART_SEPARATOR.split(_DATE_PREFIX.sub("", line.strip())):
        if _MONTH_DATE.search(part) or _NUMERIC_DATE.search(part):
            parsed = _parse_absolute_date(part.strip())
            if parsed is not None and parsed.year >= EARLIEST_HEADER_YEAR:
                return parsed
    return None


def parse_published_value(value: object) -> datetime | None:
    """A publication date given as a field value: ISO or written date, or epoch seconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(float(value))
    if isinstance(value, str) and value.strip():
        return _parse_absolute_date(value.strip())
    return None


def publication_date(source: str, *candidates: datetime | None) -> datetime | None:
    """The first of ``candidates`` (best first) within the plausible range, after UTC
    conversion; the input is named in one warning line when an implausible one is passed
    over. The article is coded either way: a date outside the range is a placeholder or a
    typo, and an unreadable date is dropped the same way."""
    passed_over: datetime | None = None
    chosen: datetime | None = None
    for moment in candidates:
        if moment is not None and is_plausible_moment(moment):
            chosen = moment
            break
        passed_over = passed_over or moment
    if passed_over is not None:
        log.warning(
            "%s: ignored the publication date %s (outside %s)",
            source,
            passed_over.isoformat(),
            RANGE_TEXT,
        )
    return chosen


def _header_candidates(paragraphs: Sequence[Paragraph]) -> list[tuple[int, str]]:
    """The lines before the first paragraph of prose, with their paragraph's index."""
    candidates: list[tuple[int, str]] = []
    for index, paragraph in enumerate(paragraphs):
        if is_prose(" ".join(paragraph)):
            return candidates
        candidates.extend((index, line) for line in paragraph)
        if len(candidates) >= MAX_HEADER_LINES:
            break
    # No prose soon enough: only a date line marks where a header would end.
    dated = [position for position, (_, line) in enumerate(candidates) if parse_date_line(line)]
    return candidates[: dated[0] + 1] if dated else []


def _repeated_short_lines(paragraphs: Sequence[Paragraph]) -> frozenset[str]:
    counts = Counter(
        line
        for paragraph in paragraphs
        for line in paragraph
        if len(line.split()) <= MAX_OUTLET_WORDS
    )
    return frozenset(line for line, count in counts.items() if count > 1 and not is_prose(line))


def _parse_absolute_date(text: str) -> datetime | None:
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = _dateparser_parse(text)
    return None if parsed is None else _standard_timezone(parsed)


def _dateparser_parse(text: str) -> datetime | None:
    if len(text) > MAX_DATE_LINE_CHARS:  # a sentence, not a date; and parsing it is slow
        return None
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=dict(_DATEPARSER_SETTINGS))
    except (ValueError, OverflowError):
        return None
    return parsed if isinstance(parsed, datetime) else None


def _standard_timezone(moment: datetime) -> datetime:
    # dateparser returns its own tzinfo classes; a plain offset pickles and stores cleanly.
    offset = moment.utcoffset()
    if offset is None:
        return moment
    zone = UTC if offset == timedelta(0) else timezone(offset)
    return moment.replace(tzinfo=zone)


def _from_timestamp(seconds: float) -> datetime | None:
    if seconds > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
