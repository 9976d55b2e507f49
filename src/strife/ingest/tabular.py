"""Reading JSON lines and CSV: one article per line or row, each accepted or refused alone.

The readers stream: they yield one pending article per record, built only when asked
for, so a bad row costs only that row and a large file is never held whole.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Final, Protocol

from strife.errors import EmptyInput, InputError, MalformedRecord
from strife.ingest.decode import Line, decode_line, decode_text, too_large
from strife.ingest.html import article_from_html
from strife.ingest.meta import parse_published_value
from strife.ingest.text import article_from_text
from strife.records import Article

PendingArticle = Callable[[], Article]

# Field names other tools write for the same facts (the Guardian sample has date/source).
PUBLISHED_FIELDS: Final = ("published", "date", "publish_date", "pubdate", "published_at")
PUBLICATION_FIELDS: Final = ("publication", "outlet", "sitename", "source")
# Python's csv module refuses fields over 128 kB unless told otherwise, process-wide.
MIN_CSV_FIELD_LIMIT: Final = 131_072
MAX_CSV_FIELD_LIMIT: Final = 2**31 - 1  # a C long on every platform


class RecordTooLarge(Exception):
    """A CSV record grew over the size limit (an over-long line, or a quote left open)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"CSV record of {size} bytes")
        self.size = size


class CsvLines:
    """The decoded lines of a CSV file, fed to ``csv.reader`` one record at a time.

    It remembers the lines of the record being read, so that a record broken by a stray
    quote can give back every line after its first, to be read again; and it refuses a
    record that grows over ``max_bytes``, so that an open quote never gathers the rest of
    a large file in memory.
    """

    def __init__(self, lines: Iterator[Line], name: str, max_bytes: int) -> None:
        self.name = name
        self.max_bytes = max_bytes
        self._lines = lines
        self._again: deque[Line] = deque()
        self._taken: list[Line] = []
        self._size = 0

    def __iter__(self) -> CsvLines:
        return self

    def __next__(self) -> str:
        line = self._again.popleft() if self._again else next(self._lines)
        self._taken.append(line)
        self._size += line.size
        if line.data is None or self._size > self.max_bytes:
            raise RecordTooLarge(self._size)
        return decode_line(line.data, f"{self.name}:{line.number}")

    @property
    def first_line(self) -> int:
        return self._taken[0].number if self._taken else 0

    def start_record(self) -> None:
        self._taken = []
        self._size = 0

    def fail(self) -> int:
        """Give back the lines of a failed record after its first; its first line's number."""
        first = self.first_line
        self._again.extendleft(reversed(self._taken[1:]))
        self._taken = self._taken[:1]
        return first

    def unbalanced_quotes(self) -> bool:
        """Whether the record just read has an odd number of quotes: the tail of a field
        whose opening quote was lost, or a quote inside an unquoted field."""
        return sum((line.data or b"").count(b'"') for line in self._taken) % 2 == 1


def jsonl_entries(
    lines: Iterable[Line], name: str, max_bytes: int, columns: Mapping[str, str] | None = None
) -> Iterator[PendingArticle]:
    """One pending article per non-blank line; its source is ``name:LINE``.

    ``columns`` maps strife fields to the keys that hold them (``{"text": "body"}``).
    """
    renames = _renames(columns)
    records = 0
    for line in lines:
        source = f"{name}:{line.number}"
        if line.data is None:
            records += 1
            yield refusal(too_large(source, max_bytes, line.size))
        elif line.data.strip():
            records += 1
            yield functools.partial(_article_from_json_line, line.data, source, renames)
    if records == 0:
        raise EmptyInput(name, "empty (no JSON lines)")


def _article_from_json_line(raw: bytes, source: str, renames: Mapping[str, str]) -> Article:
    """The Article in one JSON line holding an object with ``text`` or ``html``."""
    record = _parse_json(decode_text(raw, source), source)
    if not isinstance(record, dict):
        raise MalformedRecord(source, "JSONL line is not a JSON object")
    fields = {str(key).lower(): value for key, value in record.items()}
    for column, name in renames.items():
        if column in fields:
            fields[name] = fields[column]
    return article_from_record(fields, source, kind="JSONL line")


def csv_entries(
    lines: Iterable[Line], name: str, max_bytes: int, columns: Mapping[str, str] | None = None
) -> Iterator[PendingArticle]:
    """One pending article per data row; its source is ``name:ROW``, the header being row 1.

    Each line is decoded on its own (UTF-8, else cp1252), so one badly encoded row does
    not condemn the file. ``columns`` maps strife fields to the columns that hold them.
    A row is refused, naming the line it starts on, when its quotes are broken, when it
    has more or fewer fields than the header or when it is over ``max_bytes``: so a stray
    quote costs its own row, and no piece of a broken row is ever read as an article.
    """
    csv.field_size_limit(min(max(max_bytes, MIN_CSV_FIELD_LIMIT), MAX_CSV_FIELD_LIMIT))
    source = CsvLines(iter(lines), name, max_bytes)
    rows = csv.reader(source, strict=True)
    renames = _renames(columns)
    header = [renames.get(column, column) for column in _csv_columns(rows, source, renames)]
    for number in itertools.count(start=2):
        row = _next_row(rows, source, f"{name}:{number}", len(header))
        if row is None:
            return
        if isinstance(row, InputError):
            yield refusal(row)
        elif any(cell.strip() for cell in row):
            record = dict(zip(header, row, strict=True))
            yield functools.partial(article_from_record, record, f"{name}:{number}", kind="CSV row")


def article_from_record(fields: Mapping[str, object], source: str, *, kind: str) -> Article:
    """The Article in a record with ``text`` or ``html`` and optional metadata fields.

    A record's own ``id`` is not used: the article's id is always its content hash.
    """
    body, read = _body(fields, source, kind)
    return read(
        body,
        source,
        url=_string_field(fields, "url"),
        title=_string_field(fields, "title"),
        publication=_first_string(fields, PUBLICATION_FIELDS),
        published=_published(fields),
    )


class _ArticleReader(Protocol):
    def __call__(
        self,
        raw: str,
        source: str,
        /,
        *,
        url: str | None = None,
        title: str | None = None,
        publication: str | None = None,
        published: datetime | None = None,
    ) -> Article: ...


def _body(fields: Mapping[str, object], source: str, kind: str) -> tuple[str, _ArticleReader]:
    text, html = fields.get("text"), fields.get("html")
    if isinstance(text, str) and text.strip():
        return text, article_from_text
    if isinstance(html, str) and html.strip():
        return html, article_from_html
    if isinstance(text, str) or isinstance(html, str):
        raise EmptyInput(source, "empty (no text)")
    raise MalformedRecord(source, f"{kind} has no 'text' or 'html' field")


def _parse_json(line: str, source: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise MalformedRecord(source, f"invalid JSON: {err.msg} (column {err.colno})") from err
    except RecursionError as err:
        raise MalformedRecord(source, "invalid JSON: nested too deeply") from err
    except ValueError as err:  # e.g. an integer too long to convert
        raise MalformedRecord(source, f"invalid JSON: {err}") from err


def _csv_columns(
    rows: Iterator[list[str]], source: CsvLines, renames: Mapping[str, str]
) -> list[str]:
    name = source.name
    source.start_record()
    try:
        header = next(rows, None)
    except csv.Error as err:
        raise MalformedRecord(name, f"invalid CSV header: {err}") from err
    except RecordTooLarge as err:
        raise too_large(name, source.max_bytes, err.size) from err
    if header is None:
        raise EmptyInput(name, "empty (no CSV header)")
    columns = [column.strip().lower() for column in header]
    fields = {renames.get(column, column) for column in columns}
    if "text" not in fields and "html" not in fields:
        raise MalformedRecord(name, "CSV header has no 'text' or 'html' column")
    return columns


def _renames(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Input column (lower case) -> the strife field it holds."""
    return {column.strip().lower(): field for field, column in (columns or {}).items()}


def _next_row(
    rows: Iterator[list[str]], source: CsvLines, row: str, fields: int
) -> list[str] | InputError | None:
    """The next row with as many fields as the header, an error refusing one, or None at
    the end. A row broken by its quotes gives back the lines after its first, to be read
    again as rows of their own: the quote opened on that first line was the stray one."""
    source.start_record()
    try:
        cells = next(rows)
    except StopIteration:
        return None
    except csv.Error as err:
        first = source.fail()
        return MalformedRecord(row, f"invalid CSV row (line {first}): {err}")
    except RecordTooLarge as err:
        source.fail()
        return too_large(row, source.max_bytes, err.size)
    if source.unbalanced_quotes():
        return MalformedRecord(row, f"invalid CSV row (line {source.first_line}): stray quote")
    if not any(cell.strip() for cell in cells):
        return cells  # a blank row is skipped, whatever its commas
    if len(cells) != fields:
        where = f"line {source.first_line}"
        return MalformedRecord(row, f"{len(cells)} fields where the header has {fields} ({where})")
    return cells


def refusal(error: InputError) -> PendingArticle:
    """A pending article that raises ``error``: one record refused, in its place."""
    return functools.partial(_refuse, error)


def _refuse(error: InputError) -> Article:
    raise error


def _string_field(fields: Mapping[str, object], name: str) -> str | None:
    value = fields.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _first_string(fields: Mapping[str, object], names: Iterable[str]) -> str | None:
    for name in names:
        value = _string_field(fields, name)
        if value:
            return value
    return None


def _published(fields: Mapping[str, object]) -> datetime | None:
    for name in PUBLISHED_FIELDS:
        moment = parse_published_value(fields.get(name))
        if moment is not None:
            return moment
    return None
