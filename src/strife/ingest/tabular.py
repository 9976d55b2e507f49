"""Reading JSON lines and CSV: one article per line or row, each accepted or refused alone.

The readers stream: they yield one pending article per record, built only when asked
for, so a bad row costs only that row and a large file is never held whole.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Final, Protocol

from strife.errors import EmptyInput, InputError, InputTooLarge, MalformedRecord
from strife.ingest.decode import decode_line, decode_text, human_size
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


def jsonl_entries(
    lines: Iterable[bytes], name: str, max_bytes: int, columns: Mapping[str, str] | None = None
) -> Iterator[PendingArticle]:
    """One pending article per non-blank line; its source is ``name:LINE``.

    ``columns`` maps strife fields to the keys that hold them (``{"text": "body"}``).
    """
    renames = _renames(columns)
    records = 0
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            records += 1
            yield functools.partial(
                _article_from_json_line, raw, f"{name}:{number}", max_bytes, renames
            )
    if records == 0:
        raise EmptyInput(name, "empty (no JSON lines)")


def _article_from_json_line(
    raw: bytes, source: str, max_bytes: int, renames: Mapping[str, str]
) -> Article:
    """The Article in one JSON line holding an object with ``text`` or ``html``."""
    if len(raw) > max_bytes:
        size = f"{human_size(max_bytes)} ({human_size(len(raw))})"
        raise InputTooLarge(source, f"larger than {size}")
    record = _parse_json(decode_text(raw, source), source)
    if not isinstance(record, dict):
        raise MalformedRecord(source, "JSONL line is not a JSON object")
    fields = {str(key).lower(): value for key, value in record.items()}
    for column, name in renames.items():
        if column in fields:
            fields[name] = fields[column]
    return article_from_record(fields, source, kind="JSONL line")


def csv_entries(
    lines: Iterable[bytes], name: str, max_bytes: int, columns: Mapping[str, str] | None = None
) -> Iterator[PendingArticle]:
    """One pending article per data row; its source is ``name:ROW``, the header being row 1.

    Each line is decoded on its own (UTF-8, else cp1252), so one badly encoded row does
    not condemn the file. ``columns`` maps strife fields to the columns that hold them.
    """
    csv.field_size_limit(min(max(max_bytes, MIN_CSV_FIELD_LIMIT), MAX_CSV_FIELD_LIMIT))
    rows = csv.reader(decode_line(raw) for raw in lines)
    renames = _renames(columns)
    header = [renames.get(column, column) for column in _csv_columns(rows, name, renames)]
    for number in itertools.count(start=2):
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as err:
            error = MalformedRecord(f"{name}:{number}", f"invalid CSV row: {err}")
            yield functools.partial(_refuse, error)
            continue
        if any(cell.strip() for cell in row):
            record = dict(zip(header, row, strict=False))
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


def _csv_columns(rows: Iterator[list[str]], name: str, renames: Mapping[str, str]) -> list[str]:
    try:
        header = next(rows, None)
    except csv.Error as err:
        raise MalformedRecord(name, f"invalid CSV header: {err}") from err
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
