"""Which of the article's places an event happened at.

An event takes the places named in its own clause. A name that is also an actor
("Yerevan and Baku accused each other", "envoys from France") is a place only after a
locative preposition ("attacks on Baku", "talks in Geneva"). When the clause names places at several
levels ("the city of Shushi, in Karabakh"), only the most precise level is kept; when it
names several places at that level ("Terter, Aghdam and Aghjabedi"), the event is coded
once per place, sharing the same evidence (ACLED's convention).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from strife.records import ActorMention, Place, PlaceMention

LOCATIVE_PREPS = frozenset(
    "in at near outside inside around across throughout within into on over toward towards "
    "against along beyond".split()
)

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


def event_places(
    doc: Doc, mentions: Sequence[PlaceMention], clause: set[int], actors: set[int]
) -> list[Place]:
    """The most precise distinct places among those named in the clause.

    ``actors`` holds the token indices of actor mentions.
    """
    inside = [
        m.place
        for m in mentions
        if m.start in clause and (m.start not in actors or _after_locative(doc, m))
    ]
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


def _after_locative(doc: Doc, mention: PlaceMention) -> bool:
    head = doc[mention.end - 1]
    while head.dep_ in ("conj", "compound", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS
