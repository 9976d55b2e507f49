"""Actors: who acts and who is acted upon, coded as PLOVER country + sector.

``ActorResolver.from_data(vocab)`` loads the dictionaries once; ``find(doc)`` returns
the ``ActorMention`` records of one parsed Doc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strife.actors.lexicon import SECTORS
from strife.plover import NON_STATE_CODES

if TYPE_CHECKING:
    from strife.actors.resolver import ActorResolver

__all__ = ["NON_STATE_CODES", "SECTORS", "ActorResolver"]


def __getattr__(name: str) -> Any:
    # The resolver needs spaCy; the dictionaries alone (strife.actors.lexicon, read by the
    # truce stage in the process that writes the store) do not.
    if name == "ActorResolver":
        from strife.actors.resolver import ActorResolver

        return ActorResolver
    raise AttributeError(f"module 'strife.actors' has no attribute {name!r}")
