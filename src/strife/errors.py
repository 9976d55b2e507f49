"""The exception tree of strife. The library raises these; the CLI and the API translate
them into messages and exit codes or HTTP errors, once, at the edge.

::

    StrifeError
    ├── InputError            an input cannot be coded (names the input and the reason)
    │   ├── UnreadableInput   missing, a directory where a file is needed, no permission
    │   ├── BinaryInput       not text
    │   ├── EncodingError     not decodable as UTF-8 / Latin-1
    │   ├── EmptyInput        nothing left once boilerplate is removed
    │   ├── InputTooLarge     over the size limit
    │   ├── NotEnglish        the coder only reads English
    │   ├── MalformedRecord   a JSONL/CSV row without usable text
    │   └── CodingError       the coder failed on this input (a bug: please report it)
    ├── ModelError            the spaCy model or a data file cannot be loaded
    ├── StoreError            the database cannot be opened or written
    ├── OutputError           an export's file or stream cannot be written (folder, disk)
    └── ClusterError          a worker process died, or a Dask cluster failed or is unreachable
"""

from __future__ import annotations


class StrifeError(Exception):
    """Base class of every error strife raises on purpose."""


class InputError(StrifeError):
    """An input cannot be coded. ``source`` names it; ``reason`` says why in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnreadableInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingError(InputError):
    pass


class EmptyInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class NotEnglish(InputError):
    pass


class MalformedRecord(InputError):
    pass


class ModelError(StrifeError):
    """The language model or a data file shipped with strife cannot be loaded."""


class StoreError(StrifeError):
    """The event store cannot be opened, read or written."""


class OutputError(StrifeError):
    """An output (an export's file, standard output) cannot be written; says which and why."""


class CodingError(InputError):
    """Coding one article failed inside strife; the article is rejected, the batch goes on."""


class ClusterError(StrifeError):
    """A worker process died, or a Dask cluster cannot be reached or failed a batch."""
