"""Places: the gazetteer index and the geoparser that finds and resolves toponyms in a Doc."""

from __future__ import annotations

from strife.places.gazetteer import Gazetteer
from strife.places.geoparser import Geoparser
from strife.places.names import Candidate, GazetteerEntry, normalize_name

__all__ = ["Candidate", "Gazetteer", "GazetteerEntry", "Geoparser", "normalize_name"]
