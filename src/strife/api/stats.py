"""Aggregations of the events a filter selects: counts by day, week, type, quad, dyad, place.

Each aggregation is one parameterised query over the selected events (the place names come
from the in-memory facets).
"""

from __future__ import annotations

from typing import Any, Final

import duckdb

from strife.api.facets import TABLE as FACETS
from strife.api.filters import EventFilter, where

MAX_DYADS: Final = 50
MAX_PLACES: Final = 5000

_COLUMNS: Final = (
    "id, date, event, quad_code, contested, dead, injured, arrested, actor_codes,"
    " recipient_codes, geonameid, country_code, lat, lon"
)
_MATERIALIZE: Final = f"CREATE OR REPLACE TEMP TABLE selected AS SELECT {_COLUMNS} FROM events "
_BUCKETS: Final = {
    "by_day": "strftime(date, '%Y-%m-%d')",
    "by_week": "strftime(date_trunc('week', date), '%Y-%m-%d')",
    "by_type": "event",
    "by_quad": "CAST(quad_code AS VARCHAR)",
}
_TOTALS: Final = """
    SELECT count(*), count(*) FILTER (WHERE contested),
        coalesce(sum(dead), 0), coalesce(sum(injured), 0), coalesce(sum(arrested), 0),
        strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d')
    FROM {source}
"""
_BUCKET: Final = """
    SELECT {key} AS key, count(*), coalesce(sum(dead), 0) FROM {source}
    GROUP BY key HAVING key IS NOT NULL ORDER BY {order}
"""
_DYADS: Final = """
    SELECT actor, recipient, count(*) AS n FROM (
        SELECT actor, unnest(recipient_codes) AS recipient FROM (
            SELECT unnest(actor_codes) AS actor, recipient_codes FROM {source}
        )
    ) GROUP BY actor, recipient ORDER BY n DESC, actor, recipient LIMIT ?
"""
_PLACES: Final = """
    WITH places AS (
        SELECT geonameid, any_value(id) AS sample, any_value(country_code) AS country,
            any_value(lat) AS lat, any_value(lon) AS lon, count(*) AS n,
            count(*) FILTER (WHERE contested) AS contested, coalesce(sum(dead), 0) AS dead,
            mode(quad_code) AS quad
        FROM {source} WHERE geonameid IS NOT NULL GROUP BY geonameid
    )
    SELECT p.geonameid, f.place_name, p.country, p.lat, p.lon, p.n, p.contested, p.dead, p.quad
    FROM places p JOIN {facets} f ON f.id = p.sample
    ORDER BY p.n DESC, p.geonameid LIMIT ?
"""


def stats(cur: duckdb.DuckDBPyConnection, condition: EventFilter) -> dict[str, Any]:
    """Every aggregation of the events ``condition`` selects, as the API returns it."""
    clause, params = where(condition)
    # A filter on the facets (text, sectors, place name) is worth running once, into a
    # table private to this cursor; plain column filters are cheaper to repeat in each
    # query than to copy (bench/api_latency.py times both kinds).
    materialize = FACETS in clause
    if materialize:
        cur.execute(_MATERIALIZE + clause, params)
        source, params = "selected", []
    else:
        source = f"(SELECT {_COLUMNS} FROM events {clause})"
    try:
        return _aggregations(cur, source, params)
    finally:
        if materialize:
            cur.execute("DROP TABLE IF EXISTS selected")


def _aggregations(
    cur: duckdb.DuckDBPyConnection, source: str, params: list[object]
) -> dict[str, Any]:
    result = _totals(cur, source, params)
    for name, key in _BUCKETS.items():
        order = "count(*) DESC, key" if name == "by_type" else "key"
        sql = _BUCKET.format(key=key, order=order, source=source)
        rows = cur.execute(sql, params).fetchall()
        result[name] = [{"key": k, "count": int(n), "dead": int(d)} for k, n, d in rows]
    dyads = cur.execute(_DYADS.format(source=source), [*params, MAX_DYADS]).fetchall()
    result["by_dyad"] = [{"actor": a, "recipient": r, "count": int(n)} for a, r, n in dyads]
    result["by_place"] = _places(cur, source, params)
    return result


def _totals(cur: duckdb.DuckDBPyConnection, source: str, params: list[object]) -> dict[str, Any]:
    row = cur.execute(_TOTALS.format(source=source), params).fetchone()
    total, contested, dead, injured, arrested, first, last = row or (0, 0, 0, 0, 0, None, None)
    return {
        "total": int(total),
        "contested": int(contested),
        "first_date": first,
        "last_date": last,
        "fatalities": {"dead": int(dead), "injured": int(injured), "arrested": int(arrested)},
    }


def _places(
    cur: duckdb.DuckDBPyConnection, source: str, params: list[object]
) -> list[dict[str, Any]]:
    sql = _PLACES.format(source=source, facets=FACETS)
    rows = cur.execute(sql, [*params, MAX_PLACES]).fetchall()
    return [
        {
            "geonameid": int(gid),
            "name": name,
            "country_code": country,
            "lat": lat,
            "lon": lon,
            "count": int(n),
            "contested": int(contested),
            "dead": int(dead),
            "quad": int(quad),
        }
        for gid, name, country, lat, lon, n, contested, dead, quad in rows
    ]
