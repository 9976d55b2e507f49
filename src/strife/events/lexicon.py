"""The event lexicon: trigger words, mode cues and context cues, loaded from data files,
and the word lists the event rules read.

The files live in ``strife/data/events/`` and are written and owned by the project. The
trigger, mode and context files are read once when an :class:`EventLexicon` is built; the
word lists of ``words.json`` (:data:`WORDS`: light verbs, prepositions of recipients and
places, role nouns ...) once, at import.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from strife.datafiles import data_file, read_words
from strife.errors import ModelError
from strife.plover import CONTEXTS, MODES, EventType, as_event_type

#: What a trigger row's flags may say (data/events/triggers.tsv), each read by one rule.
TRIGGER_FLAGS = frozenset(
    {
        "reciprocal",  # done together: every party is an actor, no recipient (AGREE, CONSULT)
        "swap",  # the subject is the recipient, the object the actor ("Paris hosted ...")
        "passive",  # read as passive: the subject is the recipient ("came under fire")
        "complement",  # its complement's subject is the recipient ("found the regime guilty")
        "labour",  # a labour sense of the word ("strike" by workers), chosen after others
        "speech",  # also a verb of reported speech ("alleged that ...")
        "crowd",  # fires only when protesters do it ("protesters gathered", "rioters torched")
        "armed",  # fires only when armed men do it ("rebels entered Goma", "troops crossed into")
        "label",  # fires only when it calls its object a wrong ("called the detention a coup")
        "ahead",  # fires only for an act ahead, a warning ("would be punished", "will pay a price")
        "command",  # an order to forces, its direct object ("ordered the army to ...")
        "warning",  # a threat only when it warns of the warner's own act ("warned it would")
        "custody",  # sets free, not publishes: not of a text or record ("released a statement")
        "accord",  # reaches an accord, not shares a view ("agreed with him" is none)
        "in_force",  # a truce that holds or takes effect, not one declared ("the truce held")
        "attempt",  # asks for a thing, not tries an act ("sought help", not "sought to limit")
    }
)
#: Flags under which the trigger's subject is its recipient and its agent the actor.
SWAPPING_FLAGS = frozenset({"swap", "passive"})
#: Set by strife.events.triggers, never in the file: a verb the typer learned, no lexicon row.
LEARNED_FLAG = "learned"

#: The lists of ``data/events/words.json``; each says in the file why it is there.
WORD_LISTS = (
    "statement_verbs",
    "suffering_verbs",
    "alleging_verbs",
    "light_verbs",
    "carrying_verbs",
    "carrying_preps",
    "receiving_verbs",
    "getting_verbs",
    "amounts",
    "content_preps",
    "labour_modifiers",
    "labour_words",
    "recipient_preps",
    "noun_recipient_preps",
    "object_party_preps",
    "subject_control_preps",
    "thing_party_preps",
    "circumstance_preps",
    "sequence_marks",
    "contrast_marks",
    "located_at_preps",
    "event_place_preps",
    "documents",
    "published_things",
    "in_force",
    "view_preps",
    "transfer_verbs",
    "contact_verbs",
    "proposals",
    "violent_acts",
    "hazards",
    "role_nouns",
    "of_nouns",
    "crowd_nouns",
    "armed_nouns",
    "forces",
    "sites",
    "areas",
    "envoys",
    "aspectual_verbs",
    "judgements",
    "relation_participles",
    "side_nouns",
    "side_markers",
    "resolvable_pronouns",
    "owner_pronouns",
    "empty_nouns",
    "imprisonment_words",
)
#: Tables (word -> number) of the same file (:mod:`strife.events.when`).
WORD_TABLES = ("offset_units", "offset_directions")
WORDS = read_words(
    data_file("events", "words.json"), "the event word lists", WORD_LISTS, WORD_TABLES
)


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """One lexicon row: a word that can signal an event of ``event`` (and ``mode``); a
    learned trigger has no row and no type (``event`` None) until the model gives one."""

    lemma: str
    particle: str | None
    pos: str
    event: EventType | None
    mode: str | None
    objects: frozenset[str]
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class Cue:
    """A mode or context cue: single lemmas or lowercased multi-word phrases."""

    label: str
    lemmas: frozenset[str]
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Trigger specs by (lemma, pos), and the ordered mode and context cues."""

    triggers: dict[tuple[str, str], tuple[TriggerSpec, ...]]
    mode_cues: dict[str, tuple[Cue, ...]]
    context_cues: tuple[Cue, ...]

    @classmethod
    def from_data(cls, data_dir: Path | None = None) -> EventLexicon:
        base = data_dir or data_file("events")
        triggers: dict[tuple[str, str], list[TriggerSpec]] = {}
        for spec in _read_triggers(base / "triggers.tsv"):
            triggers.setdefault((spec.lemma, spec.pos), []).append(spec)
        mode_cues: dict[str, list[Cue]] = {}
        for row in _rows(base / "modes.tsv"):
            event, mode = row["event"], row["mode"]
            _check(mode in MODES.get(event, ()), base / "modes.tsv", f"{event}/{mode}")
            mode_cues.setdefault(event, []).append(_cue(mode, row["cues"]))
        contexts = []
        for row in _rows(base / "contexts.tsv"):
            _check(row["context"] in CONTEXTS, base / "contexts.tsv", row["context"])
            contexts.append(_cue(row["context"], row["cues"]))
        return cls(
            triggers={key: tuple(specs) for key, specs in triggers.items()},
            mode_cues={event: tuple(cues) for event, cues in mode_cues.items()},
            context_cues=tuple(contexts),
        )

    def lookup(self, lemma: str, pos: str) -> tuple[TriggerSpec, ...]:
        return self.triggers.get((lemma.lower(), pos), ())


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if line.strip() and not line.startswith("#"))
            yield from csv.DictReader(lines, delimiter="\t")
    except OSError as exc:
        raise ModelError(f"cannot read the event lexicon {path}: {exc.strerror}") from exc


def _read_triggers(path: Path) -> Iterator[TriggerSpec]:
    for row in _rows(path):
        lemma, _, particle = row["lemma"].partition("+")
        event, mode = _event_type(path, row["event"]), _dash_none(row["mode"])
        _check(mode is None or mode in MODES[event], path, f"{event}/{mode}")
        flags = _word_set(row["flags"])
        if not flags <= TRIGGER_FLAGS:
            unknown = ", ".join(sorted(flags - TRIGGER_FLAGS))
            raise ModelError(f"{path}: {lemma}: unknown flag {unknown} ({sorted(TRIGGER_FLAGS)})")
        yield TriggerSpec(
            lemma=lemma,
            particle=particle or None,
            pos=row["pos"],
            event=event,
            mode=mode,
            objects=_objects(row["objects"]),
            flags=flags,
        )


def _event_type(path: Path, value: str) -> EventType:
    event = as_event_type(value)
    if event is None:
        raise ModelError(f"{path}: {value!r} is not a PLOVER 2.0 event type")
    return event


def _cue(label: str, cues: str) -> Cue:
    words = [w.strip().lower() for w in cues.split(",") if w.strip()]
    return Cue(
        label=label,
        lemmas=frozenset(w for w in words if " " not in w),
        phrases=tuple(w for w in words if " " in w),
    )


def _objects(field: str) -> frozenset[str]:
    """A row's objects, with each "@name" that names a list of words.json spelt out
    ("@forces"); "@place" and "to @harm" stay, for the trigger rules to read."""
    words = _word_set(field)
    named = {w for w in words if w.startswith("@") and w[1:] in WORDS.lists}
    return (words - named).union(*(WORDS[w[1:]] for w in named))


def _word_set(field: str) -> frozenset[str]:
    if field.strip() in ("", "-"):
        return frozenset()
    return frozenset(w.strip().lower() for w in field.split(",") if w.strip())


def _dash_none(field: str) -> str | None:
    return None if field.strip() in ("", "-") else field.strip()


def _check(ok: bool, path: Path, what: str) -> None:
    if not ok:
        raise ModelError(f"{path}: {what!r} is not a PLOVER 2.0 label")
