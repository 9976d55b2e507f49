"""How inputs are read: the settings ``read_inputs`` takes beyond the paths."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from strife.ingest.fetch_policy import FetchPolicy
from strife.ingest.progress import ReadProgress

DEFAULT_MAX_BYTES: Final = 20_000_000
# The fields a JSONL/CSV column can be mapped onto (``--column FIELD=NAME``).
MAPPABLE_FIELDS: Final = ("text", "html", "url", "title", "published", "publication")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings of a read.

    ``columns`` maps a strife field to the JSONL key or CSV column holding it, e.g.
    ``{"text": "body", "published": "pubDate"}``. ``fetch`` lets feed readers use the
    network (feed URLs, entry pages) within its policy; None keeps them offline.
    ``progress`` is updated as files are read.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    columns: Mapping[str, str] = field(default_factory=dict)
    fetch: FetchPolicy | None = None
    progress: ReadProgress | None = None
