"""Response bodies built from stored event records: JSON without re-parsing, and CSV.

A stored record is already the contract's JSON object (``output.event_to_dict``, written by
``json.dumps``), so a page is the JSON of its other fields with the records spliced in as
they are. CSV rebuilds each event and uses ``output.write_csv``, so it has the same columns
as ``strife code --format csv``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi.responses import Response

from strife.contract import event_from_dict
from strife.output import write_csv

JSON = "application/json"
CSV = "text/csv; charset=utf-8"


def json_with_records(fields: Mapping[str, Any], key: str, records: Sequence[str]) -> Response:
    """``fields`` as a JSON object with ``key`` set to the list of raw JSON ``records``."""
    head = json.dumps({**fields, key: []}, ensure_ascii=False, allow_nan=False)
    body = head[: -len("[]}")] + "[" + ",".join(records) + "]}"
    return Response(body.encode("utf-8"), media_type=JSON)


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return Response(body.encode("utf-8"), status_code=status, media_type=JSON)


def csv_response(records: Sequence[str], filename: str) -> Response:
    out = io.StringIO()
    write_csv((event_from_dict(json.loads(record)) for record in records), out)
    disposition = f'attachment; filename="{filename}"'
    return Response(
        out.getvalue().encode("utf-8"),
        media_type=CSV,
        headers={"Content-Disposition": disposition},
    )
