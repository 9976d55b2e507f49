"""Which of the article's places an event happened at.

An event takes the places named in its own clause. When the clause names places at several
levels ("the city of Shushi, in Karabakh"), only the most precise level is kept; when it
names several places at that level ("Terter, Aghdam and Aghjabedi"), the event is coded
once per place, sharing the same evidence (ACLED's convention).
"""

from __future__ import annotations

from collections.abc import Sequence

from strife.records import Place, PlaceMention

# GeoNames feature codes by precision: populated places and sites over districts over
# first-level regions over countries.
_COUNTRY = ("PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR")
_REGION = ("ADM1", "RGN", "ADMD", "ZN", "PRSH")
_DISTRICT = ("ADM2", "ADM3", "ADM4")


def precision(feature_code: str) -> int:
    """3 for a town or site, 2 district, 1 region or province, 0 country."""
    if feature_code in _COUNTRY:
        return 0
    if feature_code in _REGION:
        return 1
    if feature_code in _DISTRICT:
        return 2
    return 3


def event_places(mentions: Sequence[PlaceMention], clause: set[int]) -> list[Place]:
    """The most precise distinct places among those named in the clause."""
    inside = [m.place for m in mentions if m.start in clause]
    if not inside:
        return []
    best = max(precision(p.feature_code) for p in inside)
    seen: set[int] = set()
    out: list[Place] = []
    for place in inside:
        if precision(place.feature_code) == best and place.geonameid not in seen:
            seen.add(place.geonameid)
            out.append(place)
    return out
