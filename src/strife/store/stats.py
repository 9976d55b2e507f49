"""What a store holds, in numbers: for ``strife stats``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

TOP = 10


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts over a whole store.

    ``copies`` counts every place articles were read from (each article's own source
    included); ``duplicates`` those that were not coded because they repeat a stored
    article; ``groups`` the event groups, ``multi_article_groups`` those told by more
    than one article. ``rejections`` counts the distinct inputs that were rejected (a run
    resumed over the same inputs reports what a clean run does); ``rejections_seen`` how
    many times they were, all runs together; ``rejections_by_reason`` distinct inputs.
    """

    path: str
    schema_version: int
    articles: int
    copies: int
    duplicates: int
    outlets: int
    events: int
    groups: int
    multi_article_groups: int
    rejections: int
    rejections_seen: int
    first_date: date | None
    last_date: date | None
    events_by_type: list[tuple[str, int]] = field(default_factory=list)
    top_outlets: list[tuple[str, int]] = field(default_factory=list)
    rejections_by_reason: list[tuple[str, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "schema_version": self.schema_version,
            "articles": self.articles,
            "copies": self.copies,
            "duplicates": self.duplicates,
            "outlets": self.outlets,
            "events": self.events,
            "groups": self.groups,
            "multi_article_groups": self.multi_article_groups,
            "rejections": self.rejections,
            "rejections_seen": self.rejections_seen,
            "first_date": None if self.first_date is None else self.first_date.isoformat(),
            "last_date": None if self.last_date is None else self.last_date.isoformat(),
            "events_by_type": dict(self.events_by_type),
            "top_outlets": dict(self.top_outlets),
            "rejections_by_reason": dict(self.rejections_by_reason),
        }


_TOTALS = """
SELECT
    (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'),
    (SELECT count(*) FROM articles),
    (SELECT count(*) FROM article_sources),
    (SELECT count(*) FROM article_sources s
        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id
                          AND a.source = s.source)),
    (SELECT count(DISTINCT outlet) FROM article_sources),
    (SELECT count(*) FROM events),
    (SELECT count(DISTINCT group_id) FROM events),
    (SELECT count(*) FROM (SELECT group_id FROM events GROUP BY group_id
                           HAVING count(DISTINCT article_id) > 1)),
    (SELECT count(DISTINCT source) FROM rejections),
    (SELECT coalesce(sum("count"), 0) FROM rejections),
    (SELECT min(date) FROM events),
    (SELECT max(date) FROM events)
"""


def store_stats(conn: duckdb.DuckDBPyConnection, path: str) -> StoreStats:
    [row] = conn.execute(_TOTALS).fetchall()  # an aggregate: always one row
    version, articles, copies, duplicates, outlets, events, groups, multi = row[:8]
    return StoreStats(
        path=path,
        schema_version=int(version or 0),
        articles=int(articles),
        copies=int(copies),
        duplicates=int(duplicates),
        outlets=int(outlets),
        events=int(events),
        groups=int(groups),
        multi_article_groups=int(multi),
        rejections=int(row[8]),
        rejections_seen=int(row[9]),
        first_date=row[10],
        last_date=row[11],
        events_by_type=_pairs(conn, "SELECT event, count(*) FROM events GROUP BY 1"),
        top_outlets=_pairs(conn, "SELECT outlet, count(*) FROM article_sources GROUP BY 1"),
        rejections_by_reason=_pairs(
            conn, "SELECT reason, count(DISTINCT source) FROM rejections GROUP BY 1"
        ),
    )


def _pairs(conn: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[str, int]]:
    rows = conn.execute(f"{sql} ORDER BY 2 DESC, 1 LIMIT {TOP}").fetchall()
    return [(str(name), int(count)) for name, count in rows]
