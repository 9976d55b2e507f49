"""Truce records as JSON objects (the CLI's lines, the API's bodies, the store's records).

Dates are ISO strings; ``starts`` and ``ends`` carry the local time when the text states
one (``2020-10-18T00:00``). Every field read from the text has its words under
``evidence``: ``evidence.agreed_on``, ``evidence.starts``, ``evidence.ends``, and
``evidence.mentions`` (every report merged into the truce); parties, mediators, places,
terms and violations carry theirs inline. Each piece of evidence is ``{article_id,
start, end, text}`` with offsets into the article's stored text.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from strife.truces.model import (
    Evidence,
    Kind,
    Moment,
    Party,
    Site,
    Status,
    StatusChange,
    Term,
    Truce,
    TruceMention,
    Violation,
)

Json = dict[str, Any]


def truce_to_dict(truce: Truce) -> Json:
    """The JSON object of one truce (``strife truces``, ``GET /api/truces``)."""
    return {
        "id": truce.id,
        "kind": truce.kind,
        "conflict": list(truce.conflict),
        "agreed_on": _day(truce.agreed_on),
        "starts": _moment(truce.starts),
        "ends": _moment(truce.ends),
        "parties": [_party(p) for p in truce.parties],
        "mediators": [_party(p) for p in truce.mediators],
        "place": _site(truce.place),
        "scope": _site(truce.scope),
        "terms": [_term(t) for t in truce.terms],
        "status": truce.status,
        "status_history": [_change(c) for c in truce.status_history],
        "superseded_by": truce.superseded_by,
        "violations": [_violation(v) for v in truce.violations],
        "articles": list(truce.articles),
        "n_sources": truce.n_sources,
        "ordinal": truce.ordinal,
        "historical": truce.historical,
        "year": truce.year,
        "evidence": {
            "agreed_on": _evidence(truce.agreed_on.evidence) if truce.agreed_on else None,
            "starts": _evidence(truce.starts.evidence) if truce.starts else None,
            "ends": _evidence(truce.ends.evidence) if truce.ends else None,
            "mentions": [_evidence(e) for e in truce.evidence],
        },
    }


def truce_from_dict(data: Json) -> Truce:
    """Rebuild a truce from ``truce_to_dict``'s object."""
    evidence = data["evidence"]
    return Truce(
        id=data["id"],
        kind=cast(Kind, data["kind"]),
        conflict=tuple(data["conflict"]),
        parties=tuple(_read_party(p) for p in data["parties"]),
        mediators=tuple(_read_party(p) for p in data["mediators"]),
        agreed_on=_read_moment(data["agreed_on"], evidence["agreed_on"]),
        starts=_read_moment(data["starts"], evidence["starts"]),
        ends=_read_moment(data["ends"], evidence["ends"]),
        place=_read_site(data["place"]),
        scope=_read_site(data["scope"]),
        terms=tuple(_read_term(t) for t in data["terms"]),
        status=cast(Status, data["status"]),
        status_history=tuple(_read_change(c) for c in data["status_history"]),
        superseded_by=data["superseded_by"],
        violations=tuple(_read_violation(v) for v in data["violations"]),
        articles=tuple(data["articles"]),
        n_sources=int(data["n_sources"]),
        ordinal=data["ordinal"],
        historical=bool(data["historical"]),
        year=data["year"],
        evidence=tuple(_read_evidence(e) for e in evidence["mentions"]),
    )


def mention_to_dict(mention: TruceMention) -> Json:
    """The stored form of one article's report of a truce."""
    return {
        "article_id": mention.article_id,
        "kind": mention.kind,
        "cue": _evidence(mention.cue),
        "published": _iso(mention.published),
        "parties": [_party(p) for p in mention.parties],
        "mediators": [_party(p) for p in mention.mediators],
        "agreed_on": _moment_record(mention.agreed_on),
        "starts": _moment_record(mention.starts),
        "ends": _moment_record(mention.ends),
        "place": _site(mention.place),
        "scope": _site(mention.scope),
        "terms": [_term(t) for t in mention.terms],
        "ordinal": mention.ordinal,
        "count": mention.count,
        "earlier": mention.earlier,
        "reference": mention.reference,
        "historical": mention.historical,
        "year": mention.year,
        "collapse": _evidence(mention.collapse) if mention.collapse else None,
        "breach": _evidence(mention.breach) if mention.breach else None,
        "fresh": mention.fresh,
        "window": list(mention.window),
    }


def mention_from_dict(data: Json) -> TruceMention:
    return TruceMention(
        article_id=data["article_id"],
        kind=cast(Kind, data["kind"]),
        cue=_read_evidence(data["cue"]),
        published=_read_day(data["published"]),
        parties=tuple(_read_party(p) for p in data["parties"]),
        mediators=tuple(_read_party(p) for p in data["mediators"]),
        agreed_on=_read_moment_record(data["agreed_on"]),
        starts=_read_moment_record(data["starts"]),
        ends=_read_moment_record(data["ends"]),
        place=_read_site(data["place"]),
        scope=_read_site(data["scope"]),
        terms=tuple(_read_term(t) for t in data["terms"]),
        ordinal=data["ordinal"],
        count=int(data["count"]),
        earlier=bool(data["earlier"]),
        reference=bool(data["reference"]),
        historical=bool(data["historical"]),
        year=data["year"],
        collapse=_read_evidence(data["collapse"]) if data["collapse"] else None,
        breach=_read_evidence(data["breach"]) if data["breach"] else None,
        fresh=bool(data["fresh"]),
        window=(int(data["window"][0]), int(data["window"][1])),
    )


# --- writing -----------------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(moment: Moment | None) -> str | None:
    return None if moment is None else _iso(moment.date)


def _moment(moment: Moment | None) -> str | None:
    """``2020-10-18``, ``2020-10-18T00:00`` with a time; None without a day."""
    if moment is None or moment.date is None:
        return None
    day = moment.date.isoformat()
    return day if moment.time is None else f"{day}T{moment.time}"


def _moment_record(moment: Moment | None) -> Json | None:
    if moment is None:
        return None
    return {"date": _iso(moment.date), "time": moment.time, "evidence": _evidence(moment.evidence)}


def _evidence(evidence: Evidence) -> Json:
    return {
        "article_id": evidence.article_id,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
    }


def _term(term: Term) -> Json:
    return {"text": term.text, "evidence": _evidence(term.evidence)}


def _party(party: Party) -> Json:
    return {
        "code": party.code,
        "name": party.name,
        "evidence": None if party.evidence is None else _evidence(party.evidence),
    }


def _site(site: Site | None) -> Json | None:
    if site is None:
        return None
    return {
        "name": site.name,
        "geonameid": site.geonameid,
        "country_code": site.country_code,
        "lat": site.lat,
        "lon": site.lon,
        "evidence": None if site.evidence is None else _evidence(site.evidence),
    }


def _change(change: StatusChange) -> Json:
    return {
        "status": change.status,
        "date": _iso(change.date),
        "evidence": None if change.evidence is None else _evidence(change.evidence),
    }


def _violation(violation: Violation) -> Json:
    return {
        "event_id": violation.event_id,
        "article_id": violation.article_id,
        "date": _iso(violation.date),
        "event": violation.event,
        "accused": violation.accused,
        "accuser": violation.accuser,
        "contested": violation.contested,
        "place": _site(violation.place),
        "explicit": violation.explicit,
        "evidence": _evidence(violation.evidence),
    }


# --- reading -----------------------------------------------------------------------------


def _read_day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _read_evidence(data: Json) -> Evidence:
    return Evidence(data["article_id"], int(data["start"]), int(data["end"]), data["text"])


def _read_optional_evidence(data: Json | None) -> Evidence | None:
    return None if data is None else _read_evidence(data)


def _read_term(data: Json) -> Term:
    return Term(data["text"], _read_evidence(data["evidence"]))


def _read_party(data: Json) -> Party:
    return Party(data["code"], data["name"], _read_optional_evidence(data["evidence"]))


def _read_moment(value: str | None, evidence: Json | None) -> Moment | None:
    if evidence is None:
        return None
    day, _, time = (value or "").partition("T")
    return Moment(_read_day(day or None), time or None, _read_evidence(evidence))


def _read_moment_record(data: Json | None) -> Moment | None:
    if data is None:
        return None
    return Moment(_read_day(data["date"]), data["time"], _read_evidence(data["evidence"]))


def _read_site(data: Json | None) -> Site | None:
    if data is None:
        return None
    return Site(
        data["name"],
        int(data["geonameid"]),
        data["country_code"],
        float(data["lat"]),
        float(data["lon"]),
        _read_optional_evidence(data["evidence"]),
    )


def _read_change(data: Json) -> StatusChange:
    return StatusChange(
        cast(Status, data["status"]),
        _read_day(data["date"]),
        _read_optional_evidence(data["evidence"]),
    )


def _read_violation(data: Json) -> Violation:
    return Violation(
        event_id=data["event_id"],
        article_id=data["article_id"],
        date=_read_day(data["date"]),
        event=data["event"],
        accused=data["accused"],
        accuser=data["accuser"],
        contested=bool(data["contested"]),
        place=_read_site(data["place"]),
        explicit=bool(data["explicit"]),
        evidence=_read_evidence(data["evidence"]),
    )
