"""The event contract: one JSON object per event, and its exact inverse.

``event_to_dict`` is the output of ``strife code --format jsonl``, the object the store
keeps (``events.record``) and what the API returns; ``event_from_dict`` rebuilds the
``Event`` from it, checking every field. Every format (:mod:`strife.output`), the store and
the API (``strife.api.schemas.EventOut``, checked against this by ``tests/test_contract.py``)
agree on this one shape; ``docs/output.md`` describes it field by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar, get_args

from strife.errors import MalformedRecord
from strife.plover import EVENT_TYPES
from strife.records import (
    ActorRef,
    Aux,
    Casualties,
    CiteInfo,
    Claim,
    Count,
    DateSource,
    Event,
    Level,
    Place,
    ResolvedBy,
    Stance,
    TextInfo,
)

_DATE_SOURCES: tuple[DateSource, ...] = get_args(DateSource)
_STANCES: tuple[Stance, ...] = get_args(Stance)
_AUXES: tuple[Aux, ...] = get_args(Aux)
_LEVELS: tuple[Level, ...] = get_args(Level)
_RESOLVED_BY: tuple[ResolvedBy, ...] = get_args(ResolvedBy)
# One of a vocabulary's values (a Literal of strings).
Word = TypeVar("Word", bound=str)


# --- Event -> dict -------------------------------------------------------------------------


def event_to_dict(event: Event) -> dict[str, Any]:
    """Return the output-contract object of ``event`` (JSON-serialisable, key order fixed)."""
    return {
        "id": event.id,
        "article_id": event.article_id,
        "date": None if event.date is None else event.date.isoformat(),
        "date_source": event.date_source,
        "date_text": event.date_text,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "quad_code": event.quad_code,
        "actor": [_actor_to_dict(ref) for ref in event.actor],
        "recipient": [_actor_to_dict(ref) for ref in event.recipient],
        "event_loc": None if event.event_loc is None else _place_to_dict(event.event_loc),
        "size": {
            "dead": _count_to_dict(event.size.dead),
            "injured": _count_to_dict(event.size.injured),
            "arrested": _count_to_dict(event.size.arrested),
        },
        "event_text": event.event_text,
        "event_start": event.event_start,
        "event_end": event.event_end,
        "text": event.text,
        "text_info": {
            "sequence": event.text_info.sequence,
            "start": event.text_info.start,
            "end": event.text_info.end,
        },
        "claims": [_claim_to_dict(claim) for claim in event.claims],
        "contested": event.contested,
        "aux": event.aux,
        "cite_info": {
            "url": event.cite_info.url,
            "title": event.cite_info.title,
            "publication": event.cite_info.publication,
            "published": event.cite_info.published,
        },
        "confidence": event.confidence,
        "group_id": event.group_id,
        "n_articles": event.n_articles,
        "n_sources": event.n_sources,
    }


def _actor_to_dict(ref: ActorRef) -> dict[str, Any]:
    return {
        "entity_text": ref.entity_text,
        "code": ref.code,
        "sector": ref.sector,
        "name": ref.name,
        "start": ref.start,
        "end": ref.end,
        "other_sectors": list(ref.other_sectors),
    }


def _place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "extracted_place": place.extracted_place,
        "resolved_place": place.resolved_place,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "feature_code": place.feature_code,
        "admin1": place.admin1,
        "start": place.start,
        "end": place.end,
        "level": place.level,
        "resolved_by": place.resolved_by,
    }


def _count_to_dict(count: Count | None) -> dict[str, Any] | None:
    return None if count is None else {"min": count.min, "text": count.text}


def _claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "by": claim.by,
        "stance": claim.stance,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "code": claim.code,
        "sector": claim.sector,
    }


# --- dict -> Event -------------------------------------------------------------------------


class _Reader:
    """Typed access to one JSON object; every mismatch becomes a ``MalformedRecord``.

    ``where`` names the object ("event X", "event X actor 0") so that the error points at
    the field that is wrong, not only at the record.
    """

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, Mapping):
            raise MalformedRecord(where, f"expected an object, got {type(data).__name__}")
        self._data: Mapping[str, Any] = data
        self.where = where

    def _get(self, key: str) -> Any:
        if key not in self._data:
            raise MalformedRecord(self.where, f"missing key {key!r}")
        return self._data[key]

    def _fail(self, key: str, expected: str) -> MalformedRecord:
        value = self._data.get(key)
        return MalformedRecord(
            self.where, f"{key!r} must be {expected}, got {type(value).__name__}"
        )

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def opt_text(self, key: str) -> str | None:
        return None if self._data.get(key) is None else self.text(key)

    def integer(self, key: str) -> int:
        value = self._get(key)
        # bool is an int subclass; a JSON true in an offset is a bug, not the number 1.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._fail(key, "an integer")
        return value

    def opt_integer(self, key: str) -> int | None:
        return None if self._data.get(key) is None else self.integer(key)

    def number(self, key: str) -> float:
        value = self._get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self._fail(key, "a number")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def choice(self, key: str, allowed: tuple[Word, ...]) -> Word:
        """The value of ``key`` as the one of ``allowed`` it spells (so typed as they are)."""
        value = self.text(key)
        for option in allowed:
            if option == value:
                return option
        raise MalformedRecord(self.where, f"{key!r} must be one of {allowed}, got {value!r}")

    def opt_choice(self, key: str, allowed: tuple[Word, ...]) -> Word | None:
        return None if self._data.get(key) is None else self.choice(key, allowed)

    def items(self, key: str) -> list[Any]:
        value = self._get(key)
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        items = self.items(key)
        if not all(isinstance(item, str) for item in items):
            raise self._fail(key, "a list of strings")
        return tuple(items)

    def sub(self, key: str) -> _Reader:
        return _Reader(self._get(key), f"{self.where} {key}")

    def opt_sub(self, key: str) -> _Reader | None:
        return None if self._data.get(key) is None else self.sub(key)


def event_from_dict(data: object) -> Event:
    """Rebuild the ``Event`` that ``event_to_dict`` produced (exact inverse).

    ``data`` is typically fresh from ``json.loads``, so it is checked, not trusted: raises
    ``MalformedRecord`` naming the event and the field when it does not follow the contract
    (missing key, wrong type, unknown ``date_source``/``stance``/``aux``).
    """
    where = f"event {data.get('id')!r}" if isinstance(data, Mapping) else "event"
    r = _Reader(data, where)
    loc = r.opt_sub("event_loc")
    info = r.sub("text_info")
    return Event(
        id=r.text("id"),
        article_id=r.text("article_id"),
        date=_read_date(r),
        date_source=r.opt_choice("date_source", _DATE_SOURCES),
        event=r.choice("event", EVENT_TYPES),
        mode=r.opt_text("mode"),
        context=r.texts("context"),
        quad_code=r.integer("quad_code"),
        actor=_read_actors(r, "actor"),
        recipient=_read_actors(r, "recipient"),
        event_loc=None if loc is None else _read_place(loc),
        size=_read_size(r.sub("size")),
        event_text=r.text("event_text"),
        event_start=r.integer("event_start"),
        event_end=r.integer("event_end"),
        text=r.text("text"),
        text_info=TextInfo(info.integer("sequence"), info.integer("start"), info.integer("end")),
        claims=tuple(_read_claim(c) for c in _sub_list(r, "claims")),
        contested=r.flag("contested"),
        aux=r.opt_choice("aux", _AUXES),
        cite_info=_read_cite(r.sub("cite_info")),
        confidence=r.number("confidence"),
        date_text=r.opt_text("date_text"),
        group_id=r.opt_text("group_id"),
        n_articles=r.opt_integer("n_articles"),
        n_sources=r.opt_integer("n_sources"),
    )


def _sub_list(r: _Reader, key: str) -> list[_Reader]:
    return [_Reader(item, f"{r.where} {key}[{i}]") for i, item in enumerate(r.items(key))]


def _read_date(r: _Reader) -> date | None:
    value = r.opt_text("date")
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise MalformedRecord(r.where, f"'date' is not YYYY-MM-DD: {exc}") from exc


def _read_actors(r: _Reader, key: str) -> tuple[ActorRef, ...]:
    return tuple(
        ActorRef(
            entity_text=a.text("entity_text"),
            code=a.opt_text("code"),
            sector=a.opt_text("sector"),
            name=a.opt_text("name"),
            start=a.integer("start"),
            end=a.integer("end"),
            other_sectors=a.texts("other_sectors"),
        )
        for a in _sub_list(r, key)
    )


def _read_place(p: _Reader) -> Place:
    return Place(
        extracted_place=p.text("extracted_place"),
        resolved_place=p.text("resolved_place"),
        geonameid=p.integer("geonameid"),
        lat=p.number("lat"),
        lon=p.number("lon"),
        country_code=p.text("country_code"),
        feature_code=p.text("feature_code"),
        admin1=p.opt_text("admin1"),
        start=p.integer("start"),
        end=p.integer("end"),
        level=p.opt_choice("level", _LEVELS),
        # Records written before places could be resolved by their context lack the key.
        resolved_by=p.opt_choice("resolved_by", _RESOLVED_BY) or "name",
    )


def _read_size(s: _Reader) -> Casualties:
    def count(key: str) -> Count | None:
        c = s.opt_sub(key)
        return None if c is None else Count(min=c.integer("min"), text=c.text("text"))

    return Casualties(dead=count("dead"), injured=count("injured"), arrested=count("arrested"))


def _read_claim(c: _Reader) -> Claim:
    return Claim(
        by=c.text("by"),
        stance=c.choice("stance", _STANCES),
        text=c.text("text"),
        start=c.integer("start"),
        end=c.integer("end"),
        code=c.opt_text("code"),
        sector=c.opt_text("sector"),
    )


def _read_cite(c: _Reader) -> CiteInfo:
    return CiteInfo(
        url=c.opt_text("url"),
        title=c.opt_text("title"),
        publication=c.opt_text("publication"),
        published=c.opt_text("published"),
    )
