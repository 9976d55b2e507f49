"""Resolution levels: how precise a place is, from its GeoNames feature code."""

from __future__ import annotations

from strife.records import Level

#: Coarsest first: a level's index is its precision.
LEVELS: tuple[Level, ...] = ("continent", "country", "province", "district", "city")

_COUNTRY = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
_PROVINCE = frozenset({"ADM1", "RGN", "ADMD", "ZN", "PRSH"})
# Seas, rivers, mountains and the like: areas, as precise as a province.
_FEATURE_AREAS = frozenset(
    {"SEA", "OCN", "GULF", "STRT", "CNL", "STM", "LK", "MTS", "MT", "DSRT", "PEN", "VAL", "DLTA"}
    | {"ISL", "ISLS", "PLAT"}
)
_DISTRICT = frozenset({"ADM2", "ADM3", "ADM4"})
#: The first- and second-level divisions.
DIVISIONS = frozenset({"ADM1", "ADM2"})
#: Cues that say a name is a division ("Aleppo province", "Karak district").
DIVISION_CUES = frozenset({"area", "district"})
#: Cues that say a name's level, a division's or a town's ("the town of Clinton").
LEVEL_CUES = DIVISION_CUES | {"settlement"}


def level_of(feature_code: str) -> Level:
    """ "city" for a town or a site (populated places, airports, buildings), "district" for
    second- to fourth-level divisions, "province" for first-level divisions and regions."""
    if feature_code == "CONT":
        return "continent"
    if feature_code in _COUNTRY:
        return "country"
    if feature_code in _PROVINCE or feature_code in _FEATURE_AREAS:
        return "province"
    if feature_code in _DISTRICT:
        return "district"
    return "city"


def is_feature_area(feature_code: str) -> bool:
    """A sea, river, mountain range, island or the like (not a settlement or a division)."""
    return feature_code in _FEATURE_AREAS


def precision_of(feature_code: str) -> int:
    """0 for a continent up to 4 for a town: higher is more precise."""
    return LEVELS.index(level_of(feature_code))
