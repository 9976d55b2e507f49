"""Roles as an event's type shapes them, once the typer has spoken.

The role rules (:mod:`strife.events.arguments`) read the parse; some roles depend on what
the event turned out to be:

* a verb of suffering typed as a material act ("Twelve civilians died in a mortar attack")
  names no doer, and its subject is the one the act was done to (:func:`suffered_roles`);
* MOBILIZE: the forces sent are the actor's means, not its recipient; SANCTION 'withdraw':
  what is withdrawn is the actor's own; an event done together has every party as its
  actor (:func:`specialise_roles`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from strife.events.arguments import Arguments
from strife.events.lexicon import WORDS
from strife.plover import EventType
from strife.syntax import ANY_SUBJECT_DEPS, is_verb, phrase_chars

SUFFERING_VERBS = WORDS["suffering_verbs"]
# Events done together: "Kuwait and its allies agreed" has both as its actors.
JOINT_EVENTS: frozenset[EventType] = frozenset({"AGREE", "CONSULT", "COOPERATE"})
MOBILIZED_SECTORS = frozenset({"MIL", "COP", "PRM", "REB"})
MODE_SECTOR = {"troops": "MIL", "weapons": "MIL", "police": "COP", "militia": "PRM"}


def suffered_roles(token: Token, args: Arguments) -> Arguments:
    """ "Twelve civilians died in a mortar attack": a verb of suffering (``suffering_verbs``)
    typed as a material act names no doer, and its subject is the one the act was done to;
    so is it for the act a noun under the verb names ("the attack"), whose doer is its own."""
    verb = token
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        verb = token.head.head
    if verb.lemma_.lower() not in SUFFERING_VERBS or not is_verb(verb):
        return args
    spans = [phrase_chars(s) for s in verb.children if s.dep_ in ANY_SUBJECT_DEPS]
    sufferers = tuple(r for r in args.actors if any(r.start < e and b < r.end for b, e in spans))
    if verb.i == token.i:
        return Arguments((), sufferers or args.recipients, args.reciprocal)
    if not sufferers:
        return args
    actors = tuple(a for a in args.actors if a not in sufferers)
    return Arguments(actors, sufferers + args.recipients, args.reciprocal, args.partners)


def specialise_roles(event: EventType, mode: str | None, args: Arguments) -> Arguments:
    """MOBILIZE: the forces sent are not its recipient but the actor's means ("Brazil sent
    60 soldiers" -> Brazil as BRA MIL; "60 soldiers were deployed" -> the soldiers), and a
    state that mobilises troops or weapons acts through its military. SANCTION
    'withdraw': the peacekeepers, diplomats or staff withdrawn are the actor's own, not
    whom it is aimed at ("the UN withdrew peacekeepers from Sinai"). An event done together
    has all its parties as actors ("Kuwait and its allies agreed")."""
    # PLOVER codes an event done together as one event whose actor lists every party, with
    # no recipient ("Kuwait and its allies agreed"; manual, "Compound and Reciprocal
    # Actors"); a thing agreed on is no party to it ("agreed a free trade agreement").
    things_only = all(r.code is None and r.sector is None for r in args.recipients)
    together = args.actors + args.partners
    if event in JOINT_EVENTS and things_only and len(together) >= 2:
        return Arguments(together, (), args.reciprocal)
    if event == "SANCTION" and mode == "withdraw":
        codes = {a.code for a in args.actors} | {None}
        rest = tuple(r for r in args.recipients if r.sector is None or r.code not in codes)
        return Arguments(args.actors, rest, args.reciprocal)
    if event != "MOBILIZE":
        return args
    codes = {a.code for a in args.actors}
    units = [
        r for r in args.recipients if r.sector in MOBILIZED_SECTORS and r.code in codes | {None}
    ]
    if units:
        rest = tuple(r for r in args.recipients if r not in units)
        if args.actors:
            # The one who sends them acts, through their sector ("Brazil sent 60 soldiers":
            # Brazil, MIL).
            actors = tuple(replace(a, sector=units[0].sector) for a in args.actors)
        else:
            actors = tuple(units)
        return Arguments(actors, rest, args.reciprocal)
    sector = MODE_SECTOR.get(mode or "")
    if sector is None:
        return args
    actors = tuple(replace(a, sector=sector) if a.sector == "GOV" else a for a in args.actors)
    return Arguments(actors, args.recipients, args.reciprocal)
