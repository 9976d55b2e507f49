"""Shared test set-up: the objects several test files load the same way, each loaded once
per session. ``tests/``, ``bench/`` and ``train/`` are importable through ``pythonpath`` in
pyproject.toml's ``[tool.pytest.ini_options]``.

Tests that change what they are given (a coder whose detector they swap) build their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from strife.classify.model import EventTyper
    from strife.events import EventCoder
    from strife.events.lexicon import EventLexicon
    from strife.places import Geoparser


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real spaCy pipeline (``strife.nlp.load_nlp``)."""
    from strife.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def event_lexicon() -> EventLexicon:
    """The shipped trigger lexicon."""
    from strife.events.lexicon import EventLexicon

    return EventLexicon.from_data()


@pytest.fixture(scope="session")
def rule_coder() -> EventCoder:
    """The event coder that types its triggers by the lexicon alone (no typer model)."""
    from strife.events import EventCoder

    return EventCoder.from_data(typing="rules")


@pytest.fixture(scope="session")
def shipped_coder() -> EventCoder:
    """The event coder as shipped: typer, detector and role ranker models."""
    from strife.events import EventCoder

    return EventCoder.from_data()


@pytest.fixture(scope="session")
def detectorless_coder() -> EventCoder:
    """The shipped typer and role ranker without the event detector: for tests of what the
    coder does to a candidate (its markers, the claims around it) whatever the detector,
    which retraining moves on sentences near its threshold, decides to keep (as
    ``bench/event_stages.py`` switches it off)."""
    from strife.events import EventCoder

    coder = EventCoder.from_data()
    coder.detector = None
    return coder


@pytest.fixture(scope="session")
def typer_model() -> EventTyper:
    """The shipped event typer model."""
    from strife.classify.model import EventTyper

    return EventTyper.load()


@pytest.fixture(scope="session")
def real_geoparser() -> Geoparser:
    """The geoparser on the full gazetteer index (built in the default cache on first use)."""
    from strife.places import Gazetteer, Geoparser

    return Geoparser(Gazetteer.load())
