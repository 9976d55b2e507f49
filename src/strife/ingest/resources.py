"""Loading the data files the ingest components are built from."""

from __future__ import annotations

import json
from typing import Any

from strife.datafiles import data_file
from strife.errors import ModelError


def load_ingest_json(name: str) -> dict[str, Any]:
    """Read ``strife/data/ingest/<name>``, a JSON object shipped with the package."""
    resource = data_file("ingest", name)
    try:
        loaded = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"cannot load the ingest data file {name!r}: {err}") from err
    if not isinstance(loaded, dict):
        raise ModelError(f"the ingest data file {name!r} does not hold a JSON object")
    return loaded
