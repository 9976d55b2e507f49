"""strife: code conflict news into PLOVER 2.0 events with evidence for every field.

Public API::

    from strife import code_text, code_articles, Coder

``code_text(text, published=...)`` codes one article given as a string; ``code_articles``
codes a stream of ``Article`` records (from ``strife.ingest.read_inputs``); ``Coder`` holds
the loaded model and components for repeated use. They are imported on first use, so that
``import strife`` stays light.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Coder", "__version__", "code_articles", "code_text"]

if TYPE_CHECKING:
    from strife.pipeline import Coder, code_articles, code_text


def __getattr__(name: str) -> Any:
    if name in ("Coder", "code_articles", "code_text"):
        from strife import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'strife' has no attribute {name!r}")
