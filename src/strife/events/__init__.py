"""The event stage: PLOVER events from a parsed article and the mentions found in it."""

from __future__ import annotations

from strife.events.coder import EventCoder, Mentions
from strife.events.lexicon import EventLexicon

__all__ = ["EventCoder", "EventLexicon", "Mentions"]
