"""Local agents take the country of the place they act in.

"Police arrested 37 protesters" in Tbilisi are Georgian police and Georgian protesters;
"residents said" in Rutshuru are Congolese residents. An actor, recipient or claimant named
only by its role (code None, sector known) takes the country of the event's place, else the
country the article is mostly about. And an event done at a place with no named target
("shelled the towns of Bakhmut and Avdiivka", "suspended aid deliveries in Borno State",
"declared a ceasefire in Yemen", "deployed troops in Belarus", "delivered food to camps in
Chad": ASSAULT, COERCE, SANCTION, CONCEDE, RETREAT, MOBILIZE, AID) has that place's country
as its recipient, unless the actor is from that country; the place replaces an uncoded
phrase ("the towns") that stood as recipient. When the actor is from that country, the
uncoded target of an attack or a crackdown takes the country and keeps its words ("the
army recaptured the presidential palace in Khartoum"). An arrest, deportation, curfew, martial law,
censorship, conviction or expulsion with no actor named ("was arrested in Rwanda") is the
doing of the state where it happened: that country's government is its actor, pointing at
the place's words.
"""

from __future__ import annotations

from dataclasses import replace

from strife.actors.lexicon import party_code_of_place
from strife.plover import EventType
from strife.records import ActorRef, Claim, Place

# What only a state does: "was arrested in Rwanda", "were expelled from North Korea".
STATE_ACTS = frozenset(
    {
        ("COERCE", "arrest"),
        ("COERCE", "deport"),
        ("COERCE", "curfew"),
        ("COERCE", "martial-law"),
        ("COERCE", "censor"),
        ("SANCTION", "convict"),
        ("SANCTION", "expel"),
    }
)
# Events whose place stands as their recipient when no party receives them ("shelled the
# towns"); a place of no one country ("the Red Sea", "the Sahel") is no party and never does.
AIMED_AT_PLACES = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "CONCEDE", "RETREAT", "MOBILIZE", "AID"}
)

# Of those, the ones whose target at a place of the actor's own country is of that country:
# a civil war's or a crackdown's ("the army recaptured the presidential palace in Khartoum",
# "rebels attacked military posts in Shan"); troops deployed or aid sent at home are not.
DOMESTIC_TARGETS = frozenset({"ASSAULT", "COERCE"})


def localize(
    event: EventType,
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...],
    place: Place | None,
    claims: tuple[Claim, ...],
    home: str | None,
    mode: str | None = None,
    filed: bool = False,
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...], tuple[Claim, ...]]:
    """Actors, recipients and claims with role-only entities given a country.

    ``filed``: the place is only the dateline's, where the report was filed. It is never a
    participant, and gives its country only where the article has no home country.
    """
    if filed:
        country = home or _country_of(place)
        return (
            _fill(actors, country),
            _fill(recipients, country),
            localize_claims(claims, None, country),
        )
    at = _country_of(place)
    country = at or home
    if not actors and place is not None and place.country_code and (event, mode) in STATE_ACTS:
        actors = (replace(_place_as_recipient(place), sector="GOV"),)
    actors = _fill(actors, country)
    recipients = _fill(recipients, country)
    claims = localize_claims(claims, place, home)
    if (
        not any(_known(r) for r in recipients)
        and place is not None
        and place.country_code
        and event in AIMED_AT_PLACES
    ):
        if at not in {a.code for a in actors}:
            recipients = (_place_as_recipient(place),)
        elif event in DOMESTIC_TARGETS:  # none of them is coded: not _known
            recipients = tuple(replace(r, code=at) for r in recipients)
    return actors, recipients, claims


def localize_claims(
    claims: tuple[Claim, ...], place: Place | None, home: str | None
) -> tuple[Claim, ...]:
    """Claimants named by role only ("residents said") take the place's country."""
    country = _country_of(place) or home
    if country is None:
        return claims
    return tuple(replace(c, code=country) if c.code is None and c.sector else c for c in claims)


def _known(ref: ActorRef) -> bool:
    """Coded or at least a role; an uncoded phrase ("the towns") yields to the place."""
    return ref.code is not None or ref.sector is not None


def _fill(refs: tuple[ActorRef, ...], country: str | None) -> tuple[ActorRef, ...]:
    if country is None:
        return refs
    return tuple(
        replace(r, code=country) if r.code is None and r.sector is not None else r for r in refs
    )


def _country_of(place: Place | None) -> str | None:
    """The place's country, as the actor dictionary codes it (a place in Puerto Rico gives
    USA, one in Kosovo KOS); None for a place of no one country ("the Rhine", "the Sahel")."""
    return party_code_of_place(place.country_code) if place is not None else None


def _place_as_recipient(place: Place) -> ActorRef:
    return ActorRef(
        entity_text=place.extracted_place,
        code=_country_of(place),
        sector=None,
        name=place.resolved_place,
        start=place.start,
        end=place.end,
    )
