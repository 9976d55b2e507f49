"""Reading every input a user names, streaming, into Articles and Rejections."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO, Final

from strife.errors import EmptyInput, InputError, UnreadableInput
from strife.ingest.containers import MAX_DEPTH, Member, members, rewound
from strife.ingest.decode import (
    check_file_size,
    check_not_binary,
    decode_text,
    open_binary,
    read_bounded,
    read_lines,
)
from strife.ingest.feeds import feed_entries, feed_url_entries, url_list_entries
from strife.ingest.html import article_from_html
from strife.ingest.options import DEFAULT_MAX_BYTES, ReadOptions
from strife.ingest.sources import (
    CONTAINERS,
    InputFormat,
    InputSource,
    expand_paths,
    sniff_format,
)
from strife.ingest.tabular import PendingArticle, csv_entries, jsonl_entries, refusal
from strife.ingest.text import article_from_text
from strife.ingest.warc import warc_entries
from strife.records import Article, Rejection

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs"]

# Enough of the start of an input to tell its format and whether it is binary.
SNIFF_BYTES: Final = 4096
# What decompressing a damaged archive raises, besides OSError (gzip.BadGzipFile is one).
ARCHIVE_ERRORS: Final = (OSError, EOFError, zlib.error, zipfile.BadZipFile, tarfile.TarError)


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Article | Rejection]:
    """Yield an Article, or a Rejection saying why not, for every article in ``paths``.

    Paths are files, directories (read recursively), glob patterns, feed URLs or ``-``
    for ``stdin`` (standard input when None). A JSONL or CSV file holds one article per
    line or row, a WARC file one per HTML response, a feed one per entry, an archive
    (``.gz``, ``.zip``, ``.tar.gz``) the inputs it contains. A bad input, row or record
    is rejected and the rest goes on; nothing is read before it is asked for.
    ``max_bytes`` (default ``options.max_bytes``) bounds a text or HTML input, each JSONL
    line or CSV row, WARC record and fetched page, all counted once decompressed.
    """
    settings = options or ReadOptions()
    if max_bytes is not None:
        settings = _with_max_bytes(settings, max_bytes)
    sources = list(expand_paths(paths))
    if settings.progress is not None:
        settings.progress.start(sources)
    for source in sources:
        yield from _settle(_source_entries(source, stdin, settings))
        if settings.progress is not None:
            settings.progress.finish(source)


def _with_max_bytes(options: ReadOptions, max_bytes: int) -> ReadOptions:
    return dataclasses.replace(options, max_bytes=max_bytes)


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


def _source_entries(
    source: InputSource, stdin: BinaryIO | None, options: ReadOptions
) -> Iterator[PendingArticle]:
    if source.is_url:
        yield from feed_url_entries([source.name], source.name, options)
        return
    with _open(source, stdin) as stream:
        if options.progress is not None and source.path is not None:
            options.progress.follow(stream)
        try:
            yield from _stream_entries(
                Member(source.name, stream, source.format, None), options, depth=0, file=source
            )
        except OSError as err:  # the file or pipe failed under us: what came before stays
            raise UnreadableInput(source.name, f"cannot read: {err.strerror or err}") from err


def _stream_entries(
    member: Member, options: ReadOptions, *, depth: int, file: InputSource | None = None
) -> Iterator[PendingArticle]:
    """The pending articles of one input stream, whatever its format."""
    name, stream = member.name, member.stream
    head = stream.read(SNIFF_BYTES)
    if not head:
        raise EmptyInput(name, "empty file" if file is None or file.path else "empty input")
    input_format = member.format or sniff_format(head)
    if input_format in CONTAINERS:
        yield from _archive_entries(member, head, input_format, options, depth)
    elif input_format == "warc":
        yield from warc_entries(rewound(head, stream), name, options.max_bytes)
    elif input_format in ("jsonl", "csv"):
        yield from _table_entries(name, stream, head, input_format, options)
    else:
        yield from _document_entries(member, head, input_format, options, file)


def _archive_entries(
    archive: Member, head: bytes, kind: InputFormat, options: ReadOptions, depth: int
) -> Iterator[PendingArticle]:
    if depth >= MAX_DEPTH:
        raise UnreadableInput(archive.name, "archives nested too deeply")
    try:
        for member in members(archive.name, rewound(head, archive.stream), kind):
            try:
                yield from _stream_entries(member, options, depth=depth + 1)
            except InputError as err:  # one bad member is rejected alone
                yield refusal(err)
            except ARCHIVE_ERRORS as err:
                error = UnreadableInput(member.name, f"broken archive: {err}")
                yield refusal(error)
    except ARCHIVE_ERRORS as err:
        raise UnreadableInput(archive.name, f"broken archive: {err}") from err


def _table_entries(
    name: str, stream: BinaryIO, head: bytes, input_format: InputFormat, options: ReadOptions
) -> Iterator[PendingArticle]:
    # Only the first line speaks for the whole table: a later bad line is refused alone.
    check_not_binary(head.split(b"\n", 1)[0], name)
    # Lines are read within the limit: a line of a decompression bomb is never held whole.
    lines = read_lines(rewound(head, stream), options.max_bytes)
    entries = jsonl_entries if input_format == "jsonl" else csv_entries
    yield from entries(lines, name, options.max_bytes, options.columns)


def _document_entries(
    member: Member,
    head: bytes,
    input_format: InputFormat,
    options: ReadOptions,
    file: InputSource | None,
) -> Iterator[PendingArticle]:
    """A text, HTML or feed input, or a URL list: read whole, within the size limit."""
    name = member.name
    if file is not None and file.path is not None:
        check_file_size(file.path, options.max_bytes, name)
    data = read_bounded(member.stream, options.max_bytes, name, head=head)
    if input_format == "feed":
        yield from feed_entries(data, name, options)
    elif input_format == "urls":
        yield from url_list_entries(data, name, options)
    else:
        text = decode_text(data, name)
        read = article_from_html if input_format == "html" else article_from_text
        yield functools.partial(read, text, name)


def _open(
    source: InputSource, stdin: BinaryIO | None
) -> contextlib.AbstractContextManager[BinaryIO]:
    if source.path is None:
        # Standard input belongs to the caller: read it, never close it.
        return contextlib.nullcontext(stdin if stdin is not None else sys.stdin.buffer)
    return open_binary(source.path, source.name)
