"""Alleged violations of a truce: events between its parties, in its time and scope, or
said to breach it; with who is accused, who accuses, and whether anyone denies it."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from strife.plover import NON_STATE_CODES, EventType
from strife.records import Event
from strife.truces.cues import cues
from strife.truces.model import Evidence, Site, Violation

VIOLATION_EVENTS: frozenset[EventType] = frozenset(
    {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "ACCUSE"}
)
NOT_HAPPENED = frozenset({"negation", "hypothetical", "future", "historical"})


def involves(event: Event, codes: Collection[str]) -> bool:
    """The event could break a truce between ``codes``: a fighting event that happened,
    whose actors are parties (or unknown), with a party on some side, in their lands."""
    if event.event not in VIOLATION_EVENTS or event.aux in NOT_HAPPENED or event.date is None:
        return False
    actors = {ref.code for ref in event.actor if ref.code}
    if actors - set(codes):
        return False
    sides = actors | {ref.code for ref in event.recipient if ref.code}
    sides |= {claim.code for claim in event.claims if claim.code}
    if not sides & set(codes):
        return False
    loc = event.event_loc
    if loc is not None and loc.country_code and loc.country_code not in codes:
        return False
    return event.event != "ACCUSE" or cues().attack.search(event.text) is not None


def in_period(event: Event, first: date | None, until: date | None) -> bool:
    """On or after ``first`` and before ``until`` (the next truce's start)."""
    if event.date is None or first is None or event.date < first:
        return False
    return until is None or event.date < until


def violation(event: Event, codes: Collection[str], *, explicit: bool) -> Violation | None:
    """The event as an alleged violation of a truce between ``codes``; None when neither
    who fired nor who says so can be told."""
    parties = [code for code in codes if code not in NON_STATE_CODES]
    accuser, accused = _sides(event, parties)
    if accuser is None and accused is None:
        return None
    loc = event.event_loc
    place = (
        None
        if loc is None
        else Site(
            loc.resolved_place,
            loc.geonameid,
            loc.country_code,
            loc.lat,
            loc.lon,
            Evidence(event.article_id, loc.start, loc.end, loc.extracted_place),
        )
    )
    return Violation(
        event_id=event.id,
        article_id=event.article_id,
        date=event.date,
        event=event.event,
        accused=accused,
        accuser=accuser,
        contested=event.contested or any(c.stance == "denies" for c in event.claims),
        place=place,
        explicit=explicit,
        evidence=Evidence(event.article_id, event.event_start, event.event_end, event.event_text),
    )


def _sides(event: Event, parties: list[str]) -> tuple[str | None, str | None]:
    """(accuser, accused): who says it happened and whom they blame."""
    if event.event == "ACCUSE":
        accuser = _first_party([ref.code for ref in event.actor], parties)
        accused = _first_party([ref.code for ref in event.recipient], parties, not_=accuser)
        return accuser, accused
    asserting = [c.code for c in event.claims if c.stance == "asserts"]
    accuser = _first_party(asserting, parties)
    actor = _first_party([ref.code for ref in event.actor], parties)
    target = _first_party([ref.code for ref in event.recipient], parties, not_=actor)
    if actor is not None and accuser == actor and target is not None:
        # A side does not allege its own attack on the other: the claim was given the
        # wrong side, and the one attacked is the one who says so.
        accuser = target
    accused = actor if actor != accuser else None
    if accused is None and accuser is not None and len(parties) == 2:
        # "Our regions came under fire": the other side.
        accused = next(code for code in parties if code != accuser)
    return accuser, accused


def _first_party(
    codes: list[str | None], parties: list[str], not_: str | None = None
) -> str | None:
    for code in codes:
        if code is not None and code in parties and code != not_:
            return code
    return None
