"""Reading every input a user names, streaming, into Articles and Rejections."""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO, Final

from strife.errors import EmptyInput, InputError
from strife.ingest.decode import (
    check_file_size,
    check_not_binary,
    decode_text,
    open_binary,
    read_bounded,
)
from strife.ingest.html import article_from_html
from strife.ingest.sources import InputSource, expand_paths, sniff_format
from strife.ingest.tabular import PendingArticle, csv_entries, jsonl_entries
from strife.ingest.text import article_from_text
from strife.records import Article, Rejection

DEFAULT_MAX_BYTES: Final = 20_000_000
# Enough of the start of an input to tell its format and whether it is binary.
SNIFF_BYTES: Final = 4096


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Rejection]:
    """Yield an Article, or a Rejection saying why not, for every article in ``paths``.

    Paths are files, directories (read recursively) or ``-`` for ``stdin`` (standard
    input when None). A JSONL or CSV file holds one article per line or row. A bad input
    or row is rejected and the rest goes on; nothing is read before it is asked for.
    ``max_bytes`` bounds a text or HTML input, and each JSONL line or CSV field.
    """
    for source in expand_paths(paths):
        yield from _settle(_pending_articles(source, stdin, max_bytes))


def _settle(pending: Iterator[PendingArticle]) -> Iterator[Article | Rejection]:
    # The one place where input errors become rejections: the inner handler refuses one
    # record, the outer one a whole input that could not be opened or decoded.
    try:
        for build in pending:
            try:
                yield build()
            except InputError as err:
                yield _rejection(err)
    except InputError as err:
        yield _rejection(err)


def _rejection(error: InputError) -> Rejection:
    return Rejection(source=error.source, reason=error.reason)


def _pending_articles(
    source: InputSource, stdin: BinaryIO | None, max_bytes: int
) -> Iterator[PendingArticle]:
    with _open(source, stdin) as stream:
        head = stream.read(SNIFF_BYTES)
        if not head:
            raise EmptyInput(source.name, "empty file" if source.path else "empty input")
        input_format = source.format or sniff_format(head)
        if input_format in ("jsonl", "csv"):
            # Only the first line speaks for the whole table: a later bad line is refused alone.
            check_not_binary(head.split(b"\n", 1)[0], source.name)
            # Finish the line the sniffed head cut, then read the rest line by line.
            lines = itertools.chain(io.BytesIO(head + stream.readline()), stream)
            entries = jsonl_entries if input_format == "jsonl" else csv_entries
            yield from entries(lines, source.name, max_bytes)
            return
        if source.path is not None:
            check_file_size(source.path, max_bytes, source.name)
        data = read_bounded(stream, max_bytes, source.name, head=head)
        text = decode_text(data, source.name)
        read = article_from_html if input_format == "html" else article_from_text
        yield functools.partial(read, text, source.name)


def _open(
    source: InputSource, stdin: BinaryIO | None
) -> contextlib.AbstractContextManager[BinaryIO]:
    if source.path is None:
        # Standard input belongs to the caller: read it, never close it.
        return contextlib.nullcontext(stdin if stdin is not None else sys.stdin.buffer)
    return open_binary(source.path, source.name)
