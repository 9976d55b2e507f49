"""Event groups: the same event told by several articles, counted once.

Two events are in one group when they share the date, the PLOVER type, the auxiliary
marker (a denied attack is not the attack), the sets of actor and recipient codes, and the
place (GeoNames id; no place is a value of its own). An event without a date, or without
any actor code, recipient code or place, is too vague to be matched across articles: its
group is scoped to its own article. Modes, contexts and casualty figures may differ
between reports of one event and do not split groups.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Final

from strife.records import Event

GROUP_ID_HEX_CHARS: Final = 16


def group_id(event: Event) -> str:
    """The id of the event's group (a hash of its key)."""
    actors = sorted({ref.code for ref in event.actor if ref.code})
    recipients = sorted({ref.code for ref in event.recipient if ref.code})
    place = "" if event.event_loc is None else str(event.event_loc.geonameid)
    vague = event.date is None or not (actors or recipients or place)
    key = (
        event.article_id if vague else "",
        "" if event.date is None else event.date.isoformat(),
        event.event,
        event.aux or "",
        ",".join(actors),
        ",".join(recipients),
        place,
    )
    digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()
    return digest[:GROUP_ID_HEX_CHARS]


def with_group(event: Event) -> Event:
    """``event`` with its ``group_id`` set."""
    return dataclasses.replace(event, group_id=group_id(event))
