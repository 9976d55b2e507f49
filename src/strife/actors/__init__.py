"""Actors: who acts and who is acted upon, coded as PLOVER country + sector.

``ActorResolver.from_data(vocab)`` loads the dictionaries once; ``find(doc)`` returns
the ``ActorMention`` records of one parsed Doc.
"""

from __future__ import annotations

from strife.actors.lexicon import NON_STATE_CODES, SECTORS
from strife.actors.resolver import ActorResolver

__all__ = ["NON_STATE_CODES", "SECTORS", "ActorResolver"]
