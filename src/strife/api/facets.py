"""Derived search columns of the events, kept in an in-memory table beside the store.

Filters on actor or recipient sector, place name and text search need fields that live only
inside the JSON ``record``; parsing every record on every query would cost more than the
rest of the query. The server extracts them once when it opens the store into
``memory.facets``, and refreshes the rows of the articles it writes itself. The store is
never changed: while the server holds it, no other process can write it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import duckdb

TABLE: Final = "memory.main.facets"

_SELECT: Final = """
    SELECT
        id,
        article_id,
        lower(concat_ws(' ',
            record->>'$.text',
            record->>'$.event_loc.resolved_place',
            record->>'$.event_loc.extracted_place',
            array_to_string(json_extract_string(record, '$.actor[*].name'), ' '),
            array_to_string(json_extract_string(record, '$.recipient[*].name'), ' ')
        )) AS haystack,
        json_extract_string(record, '$.actor[*].sector') AS actor_sectors,
        json_extract_string(record, '$.recipient[*].sector') AS recipient_sectors,
        record->>'$.event_loc.resolved_place' AS place_name,
        lower(record->>'$.event_loc.resolved_place') AS place_key,
        lower(record->>'$.event_loc.extracted_place') AS place_text_key
    FROM store.main.events
"""


def build(conn: duckdb.DuckDBPyConnection) -> None:
    """Create the facets of every stored event (replacing any earlier table)."""
    conn.execute(f"CREATE OR REPLACE TABLE {TABLE} AS {_SELECT}")


def refresh(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Recompute the facets of these articles' events after they were written."""
    if not article_ids:
        return
    ids = list(article_ids)
    conn.execute(f"DELETE FROM {TABLE} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    conn.execute(
        f"INSERT INTO {TABLE} {_SELECT} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    )
