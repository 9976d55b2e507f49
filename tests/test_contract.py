"""The event contract is written once: the API's models name exactly its keys, recursively."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from factories import make_event
from strife.api.schemas import EventOut
from strife.contract import event_from_dict, event_to_dict
from strife.errors import MalformedRecord
from strife.records import Casualties, Count


def _full_event_dict() -> dict[str, Any]:
    """An event with every optional part filled: place, every count, claims, a group."""
    size = Casualties(
        dead=Count(2, "two killed"), injured=Count(5, "five hurt"), arrested=Count(1, "one held")
    )
    event = make_event(size=size, aux="historical", group_id="g1", n_articles=3, n_sources=2)
    return event_to_dict(event)


def _schema_keys(model: type[BaseModel], value: Any, path: str) -> list[str]:
    """Where ``value`` and ``model`` disagree on keys, walking nested models and lists."""
    problems: list[str] = []
    fields = model.model_fields
    if set(value) != set(fields):
        problems.append(f"{path or 'event'}: contract {sorted(value)} != schema {sorted(fields)}")
    for name, field in fields.items():
        sub = value.get(name)
        for candidate in _models(field.annotation):
            items = sub if isinstance(sub, list) else [sub]
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    problems += _schema_keys(candidate, item, f"{path}{name}[{i}].")
    return problems


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation holds (``X | None``, ``list[X]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models(arg)]


def test_the_api_model_names_every_key_of_the_contract_and_no_other() -> None:
    record = _full_event_dict()
    assert _schema_keys(EventOut, record, "") == []
    # And it takes the object as is: same values back, nothing coerced or added.
    assert EventOut.model_validate(record).model_dump() == record


def test_the_key_walk_finds_a_key_the_schema_lacks() -> None:
    record = _full_event_dict()
    record["event_loc"]["altitude"] = 12
    assert _schema_keys(EventOut, record, "") == [
        "event_loc[0].: contract ['admin1', 'altitude', 'country_code', 'end', 'extracted_place',"
        " 'feature_code', 'geonameid', 'lat', 'level', 'lon', 'resolved_by', 'resolved_place',"
        " 'start'] != schema ['admin1', 'country_code', 'end', 'extracted_place',"
        " 'feature_code', 'geonameid', 'lat', 'level', 'lon', 'resolved_by', 'resolved_place',"
        " 'start']"
    ]
    with pytest.raises(ValidationError, match="altitude"):
        EventOut.model_validate(record)


@pytest.mark.parametrize(
    ("key", "value"),
    [("event", "SHELLING"), ("aux", "rumoured"), ("date_source", "guess")],
)
def test_the_api_model_refuses_values_outside_the_vocabularies(key: str, value: str) -> None:
    record = _full_event_dict()
    record[key] = value
    with pytest.raises(ValidationError):
        EventOut.model_validate(record)


def test_a_place_level_outside_the_levels_is_malformed() -> None:
    record = _full_event_dict()
    assert event_from_dict(record).event_loc is not None
    record["event_loc"]["level"] = "street"
    with pytest.raises(MalformedRecord, match="level"):
        event_from_dict(record)
    with pytest.raises(ValidationError):
        EventOut.model_validate(record)


def test_a_place_stored_before_resolved_by_existed_reads_as_resolved_by_its_name() -> None:
    record = _full_event_dict()
    assert record["event_loc"]["resolved_by"] == "name"
    del record["event_loc"]["resolved_by"]
    place = event_from_dict(record).event_loc
    assert place is not None and place.resolved_by == "name"
    record["event_loc"]["resolved_by"] = "guess"
    with pytest.raises(MalformedRecord, match="resolved_by"):
        event_from_dict(record)
