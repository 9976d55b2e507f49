"""The PLOVER 2.0 ontology as strife uses it: event types, their modes and quad categories.

Quad codes follow PLOVER's four-way grouping: 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Literal, get_args

VERBAL_COOPERATION: Final = 1
MATERIAL_COOPERATION: Final = 2
VERBAL_CONFLICT: Final = 3
MATERIAL_CONFLICT: Final = 4

# The 16 types, in PLOVER's order (cooperation to conflict).
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]

QUAD: Final[MappingProxyType[EventType, int]] = MappingProxyType(
    {
        "AGREE": VERBAL_COOPERATION,
        "CONSULT": VERBAL_COOPERATION,
        "SUPPORT": VERBAL_COOPERATION,
        "CONCEDE": VERBAL_COOPERATION,
        "COOPERATE": MATERIAL_COOPERATION,
        "AID": MATERIAL_COOPERATION,
        "RETREAT": MATERIAL_COOPERATION,
        "REQUEST": VERBAL_CONFLICT,
        "ACCUSE": VERBAL_CONFLICT,
        "REJECT": VERBAL_CONFLICT,
        "THREATEN": VERBAL_CONFLICT,
        "PROTEST": MATERIAL_CONFLICT,
        "SANCTION": MATERIAL_CONFLICT,
        "MOBILIZE": MATERIAL_CONFLICT,
        "COERCE": MATERIAL_CONFLICT,
        "ASSAULT": MATERIAL_CONFLICT,
    }
)

EVENT_TYPES: Final[tuple[EventType, ...]] = get_args(EventType)
_BY_NAME: Final[dict[str, EventType]] = {event: event for event in EVENT_TYPES}
if tuple(QUAD) != EVENT_TYPES:
    raise AssertionError("plover: QUAD must list EventType's types in its order")

MODES: Final = MappingProxyType(
    {
        "AGREE": (),
        "CONSULT": ("visit", "third-party", "multilateral", "phone"),
        "SUPPORT": (),
        "CONCEDE": (),
        "COOPERATE": (),
        "AID": (),
        "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
        "REQUEST": ("assist", "change", "yield", "meet"),
        "ACCUSE": ("disapprove", "investigate", "allege"),
        "REJECT": ("assist", "change", "yield", "meet"),
        "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
        "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
        "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
        "MOBILIZE": ("troops", "weapons", "police", "militia"),
        "COERCE": (
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        ),
        "ASSAULT": (
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        ),
    }
)

CONTEXTS: Final = (
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
)

AUX_MARKERS: Final = ("negation", "future", "hypothetical", "historical")

#: Codes of actors that are not states: intergovernmental bodies, NGOs, international
#: social movements, transnational militarized groups, multinational companies.
NON_STATE_CODES: Final = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
#: Intergovernmental bodies coded apart from the generic IGO: the United Nations, the EU.
IGO_KINDS: Final = ("UNO", "EUR")


def as_event_type(name: str) -> EventType | None:
    """``name`` as a PLOVER type (exact spelling), or None when it names none."""
    return _BY_NAME.get(name)
