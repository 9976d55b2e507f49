"""strife: code conflict news into PLOVER 2.0 events with evidence for every field."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["__version__"]
