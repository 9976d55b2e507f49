"""Building actor phrases from dictionary atoms.

The rules, applied in this order to the atoms of one Doc:

1. **Agent chains.** Adjacent agent words form one agent: "army" + "spokesman" is a
   military spokesman, "defense ministry" + "spokeswoman" a GOV (MIL) spokeswoman,
   "spokesman" + "Colonel" a GOV spokesman who holds a rank. The first body word gives the
   sector, except GOV and OPP, which yield to a more specific one ("government hospitals"
   is MED with GOV as other sector); without a body, the first title does.
2. **Affiliation.** A country name ("Azerbaijan's defense ministry"), demonym ("Armenian
   defense ministry", "four Saudi men"), capital ("Moscow's envoy"), seat of power
   ("Kremlin spokesman"), organisation ("Hamas fighters", "UN peacekeepers") or person
   ("Trump administration") right before an agent gives it its code. A bare title takes
   the sector of an organisation, seat or person that affiliates it ("Hezbollah commander"
   is REB, "Pentagon spokesman" MIL); a body keeps its own ("Hamas government" is GOV).
   Up to two qualifiers may come between ("Israel's top diplomat", "Syrian Kurdish
   fighters"), and "X-led" / "X-run" affiliates too ("Hamas-run health ministry").
3. **Ethnic kin and disputed territories.** "ethnic Armenian separatists" names a people,
   not the state: it is coded to the kin state (ARM REB) when no territory is named in the
   phrase. When a disputed territory is part of the phrase ("Karabakh separatists",
   "Karabakh Armenian forces", "the government of Karabakh"), PLOVER's rule for partially
   recognised entities applies: the sovereign state plus PRE (AZE REB, PRE).
4. **Prepositions.** "President of Azerbaijan", "soldiers from Armenia", "Spokeswoman for
   the Armenian defense ministry": an uncoded agent followed by of / from (or "for" before
   an institution) takes the code of what follows, and a bare title its sector. Local
   agents (police, courts, officials, civilians, ...) take the code of the capital or
   country they are "in" ("police in Nairobi"); soldiers, rebels and refugees do not.
5. **Names.** A title followed by a name makes a person: "Russian President Vladimir
   Putin" is RUS GOV "Vladimir Putin". Names come from the persons file or, for people it
   does not know, from the parser's proper nouns and PERSON entities. Appositions work both
   ways: "Nikol Pashinyan, Armenia's prime minister" and "Armenia's prime minister, Nikol
   Pashinyan".
6. **Qualifiers.** "former" makes the sector ELI (the old sector moves to other sectors);
   "anti-government" adds OPP.
7. **Leftovers.** A demonym that affiliates nothing ("Azeri regions") is not an actor, nor
   is a capital after a locative preposition ("talks in Moscow"), a weapon nobody is said
   to own ("fired rockets"), or an agent adjective that only qualifies a noun ("military
   assistance").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.symbols import PERSON, PROPN
from spacy.tokens import Doc, Span, Token

from strife.actors.lexicon import WORDS, Category, Entry, Role
from strife.actors.match import NAME_NEUTRAL, Atom
from strife.nlp import CONJUNCTIONS
from strife.records import MentionKind
from strife.syntax import NOT_PERSON_ENTITIES

# The words are in data/actors/words.json, each list with why it is there.
POSSESSIVE = WORDS["possessive_markers"]
QUALIFIERS = WORDS["qualifiers"]
FORMER = WORDS["former"]
ANTI_TARGETS = WORDS["anti_targets"]
AFFILIATING_PARTICIPLES = WORDS["affiliating_participles"]
# A capital after these prepositions names a place ("talks in Moscow"), not a government.
CAPITAL_PLACE_PREPS = WORDS["capital_place_preps"]
INSTITUTION_POSSESSIVES = WORDS["institution_possessives"]
INSTITUTION_SUBJECTS = WORDS["institution_subjects"]
MODIFIERS: frozenset[Category] = frozenset(
    {"country", "capital", "demonym", "seat", "org", "person"}
)
LENDS_SECTOR: frozenset[Category] = frozenset({"seat", "org", "person"})
YIELDING_SECTORS = frozenset({"GOV", "OPP"})
# Agents that belong to the place they are in ("police in Nairobi", "a court in Minsk");
# soldiers, rebels or refugees in a country are often foreign to it.
LOCAL_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "CVL", "EDU", "MED", "LAB", "JRN", "REL"})
GROUP_ROLES = frozenset({"body", "equipment"})
MAX_NAME_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Coding:
    """An actor's coding, without the words it was read from."""

    code: str | None
    sector: str | None
    other_sectors: tuple[str, ...] = ()
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Phrase:
    """An actor phrase being built: tokens [start, end) and its coding so far.

    ``category`` is that of the head atom ("agent" for agent-headed phrases). For agents,
    ``role`` and ``head`` (the head word, lower case) are set, and ``lead`` when a longer
    chain opens with an institution ("ministry" in "ministry spokesman"); document memory
    looks both up. ``defers`` marks bare titles, which take an organisation's sector;
    ``affiliated`` marks phrases whose code came from their own words; ``named`` those
    that carry a person's name.
    """

    start: int
    end: int
    coding: Coding
    kind: MentionKind
    category: Category
    role: Role | None = None
    head: str | None = None
    lead: str | None = None
    defers: bool = False
    affiliated: bool = False
    named: bool = False


def compose(doc: Doc, atoms: Sequence[Atom]) -> list[Phrase]:
    """Actor phrases of a Doc, sorted and non-overlapping, before document memory."""
    phrases = _chains(doc, atoms)
    phrases = _affiliate(doc, phrases)
    phrases = _attach_prepositions(doc, phrases)
    phrases = _attach_names(doc, phrases)
    phrases = _attach_appositions(doc, phrases)
    phrases = [_qualify(doc, phrase) for phrase in phrases]
    return [p for p in phrases if _is_actor(doc, p)]


def merge_sectors(sector: str | None, *groups: Iterable[str | None]) -> tuple[str, ...]:
    """Other sectors: the union of ``groups`` in order, without the primary ``sector``."""
    merged: dict[str, None] = {}
    for group in groups:
        merged.update((s, None) for s in group if s and s != sector)
    return tuple(merged)


# --- 1. agent chains ------------------------------------------------------------------


def _chains(doc: Doc, atoms: Sequence[Atom]) -> list[Phrase]:
    phrases: list[Phrase] = []
    run: list[Atom] = []
    for atom in [*atoms, None]:
        if atom is not None and run and _continues_chain(run[-1], atom):
            run.append(atom)
            continue
        if run:
            phrases.append(_chain_phrase(doc, run))
        run = []
        if atom is None:
            break
        if atom.entry.category == "agent":
            run = [atom]
        else:
            phrases.append(_standalone(atom))
    return phrases


def _continues_chain(previous: Atom, atom: Atom) -> bool:
    """An agent word right after a body ("army spokesman") or a title ("spokesman Colonel
    Zhao") belongs to the same agent; nothing follows a plural ("officials police")."""
    return (
        atom.entry.category == "agent"
        and previous.entry.role in ("body", "title", "equipment")
        and previous.end == atom.start
    )


def _chain_phrase(doc: Doc, run: Sequence[Atom]) -> Phrase:
    bodies = [a.entry for a in run if a.entry.role in GROUP_ROLES]
    head = run[-1].entry
    if bodies:
        sector, other = _body_sectors(bodies)
        other = merge_sectors(sector, other, *(a.entry.other_sectors for a in run))
    else:
        # The first title says whom the person speaks for: "spokesman Colonel Zhao".
        sector = run[0].entry.sector
        other = merge_sectors(sector, *(a.entry.other_sectors for a in run))
    return Phrase(
        start=run[0].start,
        end=run[-1].end,
        coding=Coding(None, sector, other),
        kind="agent",
        category="agent",
        role=head.role,
        head=doc[run[-1].end - 1].lower_,
        lead=doc[run[0].end - 1].lower_ if len(run) > 1 and run[0].entry.role == "body" else None,
        defers=not bodies,
    )


def _body_sectors(bodies: Sequence[Entry]) -> tuple[str | None, tuple[str, ...]]:
    sectors = [b.sector for b in bodies if b.sector]
    specific = [s for s in sectors if s not in YIELDING_SECTORS]
    sector = specific[0] if specific and sectors[0] in YIELDING_SECTORS else sectors[0]
    return sector, merge_sectors(sector, sectors)


def _standalone(atom: Atom) -> Phrase:
    entry = atom.entry
    coding = Coding(entry.code, entry.sector, entry.other_sectors, entry.name)
    return Phrase(
        start=atom.start,
        end=atom.end,
        coding=coding,
        kind=entry.kind,
        category=entry.category,
        named=entry.category == "person",
    )


# --- 2-3. affiliation -----------------------------------------------------------------


def _affiliate(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    result: list[Phrase] = []
    for phrase in phrases:
        if phrase.category == "agent":
            phrase = _take_modifiers(doc, phrase, result)
        result.append(phrase)
    return result


def _take_modifiers(doc: Doc, agent: Phrase, before: list[Phrase]) -> Phrase:
    """Pop the modifiers of ``agent`` off ``before`` and fold them into it."""
    modifiers: list[Phrase] = []
    start = agent.start
    while before and len(modifiers) < 2 and before[-1].category in MODIFIERS:
        candidate = before[-1]
        gap = doc[candidate.end : start]
        if not (_affiliation_gap(gap) if not modifiers else len(gap) == 0):
            break
        modifiers.append(before.pop())
        start = candidate.start
    if not modifiers:
        return agent
    territory = [m for m in modifiers if "PRE" in m.coding.other_sectors]
    nearest = territory[0] if territory else modifiers[0]
    if (
        len(modifiers) == 1
        and before
        and (joined := _conjoined_agent(doc, agent, nearest, before[-1]))
    ):
        before[-1] = joined
    return replace(
        agent,
        start=start,
        coding=_affiliated_coding(agent, nearest),
        affiliated=True,
    )


def _conjoined_agent(doc: Doc, agent: Phrase, nearest: Phrase, other: Phrase) -> Phrase | None:
    """ "Pakistani and Indian troops": a demonym (``other``) joined to the agent's own
    modifier, which the parse hangs on the agent, is an agent of its own, of the same kind
    ("Pakistani" troops); None for any other phrase."""
    if other.category != "demonym" or other.end != nearest.start - 1:
        return None
    if doc[other.end].lower_ not in CONJUNCTIONS:
        return None
    head = doc[other.start].head.i
    if not (agent.start <= head < agent.end or head == nearest.start):
        return None
    coding = _affiliated_coding(agent, other)
    return replace(agent, start=other.start, end=other.end, coding=coding, affiliated=True)


def _affiliation_gap(gap: Span) -> bool:
    """Words allowed between an affiliation and its agent."""
    words = [t.lower_ for t in gap]
    if words and words[0] in POSSESSIVE:
        words = words[1:]
    elif len(words) == 2 and words[0] == "-" and words[1] in AFFILIATING_PARTICIPLES:
        return True
    if len(words) > 2:
        return False
    return all(
        w in QUALIFIERS or (t.pos_ == "ADJ" and t.is_alpha)
        for w, t in zip(words, gap[len(gap) - len(words) :], strict=True)
    )


def _affiliated_coding(agent: Phrase, modifier: Phrase) -> Coding:
    lent = modifier.coding.sector if modifier.category in LENDS_SECTOR else None
    sector = lent if agent.defers and lent else agent.coding.sector
    other = merge_sectors(sector, agent.coding.other_sectors, modifier.coding.other_sectors)
    name = modifier.coding.name if modifier.category == "org" else agent.coding.name
    return Coding(modifier.coding.code, sector, other, name)


# --- 4. prepositions ------------------------------------------------------------------


def _attach_prepositions(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    result: list[Phrase] = []
    index = 0
    while index < len(phrases):
        phrase = phrases[index]
        target = phrases[index + 1] if index + 1 < len(phrases) else None
        after = phrases[index + 2] if index + 2 < len(phrases) else None
        if target and _governs(doc, phrase, target) and not _in_list(doc, target, after):
            result.append(_of_phrase(phrase, target))
            index += 2
        else:
            result.append(phrase)
            index += 1
    return result


def _governs(doc: Doc, phrase: Phrase, target: Phrase) -> bool:
    """Whether ``phrase`` + of / from / for [the] + ``target`` is one actor."""
    if phrase.category != "agent" or phrase.affiliated or phrase.named:
        return False
    words = [t.lower_ for t in doc[phrase.end : target.start]]
    if words[-1:] == ["the"]:
        words = words[:-1]
    if target.category in ("demonym", "people") or len(words) != 1:
        return False
    if words[0] == "in":
        local = phrase.coding.sector in LOCAL_SECTORS
        return local and target.category in ("capital", "country")
    if words[0] not in ("of", "from", "for"):
        return False
    if target.coding.code is None and not phrase.defers:
        # "the families of soldiers": two actors, and joining them would lose one.
        return False
    # "for" affiliates only with an institution: "the envoy for Syria" is not Syrian.
    return words[0] != "for" or target.category in ("agent", "org", "seat")


def _in_list(doc: Doc, target: Phrase, after: Phrase | None) -> bool:
    """Whether ``target`` opens a list ("envoys from France, Russia and the United
    States"): coding the envoys as French would drop the others, so none is chosen."""
    if after is None or after.category != target.category:
        return False
    gap = {t.lower_ for t in doc[target.end : after.start]}
    return bool(gap) and gap <= {",", "and", "or", "the"}


def _of_phrase(phrase: Phrase, target: Phrase) -> Phrase:
    lends = target.category == "agent" or target.category in LENDS_SECTOR
    lent = target.coding.sector if lends else None
    sector = lent if phrase.defers and lent else phrase.coding.sector
    other = merge_sectors(sector, phrase.coding.other_sectors, target.coding.other_sectors)
    name = target.coding.name if target.category == "org" else phrase.coding.name
    return replace(
        phrase,
        end=target.end,
        coding=Coding(target.coding.code, sector, other, name),
        affiliated=target.coding.code is not None,
    )


# --- 5. names -------------------------------------------------------------------------


def _attach_names(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    covered = _covered(phrases)
    starts = {p.start: p for p in phrases}
    result: list[Phrase] = []
    skip: set[int] = set()
    for phrase in phrases:
        if phrase.start in skip:
            continue
        if _takes_name(phrase):
            person = starts.get(phrase.end)
            if person is not None and person.category == "person" and not person.role:
                skip.add(person.start)
                phrase = _named(phrase, person)
            elif (run := name_run(doc, phrase.end, covered)) is not None:
                phrase = _named(phrase, _unknown_person(doc, run))
        result.append(phrase)
    return result


def _takes_name(phrase: Phrase) -> bool:
    return phrase.role == "title" and not phrase.named


def name_run(doc: Doc, start: int, covered: set[int]) -> tuple[int, int] | None:
    """Tokens [start, end) of a proper name not in any dictionary, or None."""
    end = start
    names = 0
    while end < len(doc) and names < MAX_NAME_TOKENS and end not in covered:
        token = doc[end]
        if is_name_token(token):
            names += 1
            end += 1
        elif names and _joins_name_parts(doc, end):
            end += 2
        else:
            break
    return (start, end) if names else None


def _joins_name_parts(doc: Doc, hyphen: int) -> bool:
    """A hyphen inside a name: "Jean-Yves", "Lin Yu-chen", "Moon Jae-in"."""
    if doc[hyphen].text != "-" or hyphen + 1 >= len(doc) or doc[hyphen - 1].whitespace_:
        return False
    part = doc[hyphen + 1]
    return not doc[hyphen].whitespace_ and part.is_alpha and (part.is_lower or is_name_token(part))


def is_name_token(token: Token) -> bool:
    """A word of a person's name the dictionaries do not know: a capitalised proper noun
    (or PERSON entity) that the parser does not take for a place or a date."""
    # Integer attributes first: most tokens are no proper noun, and reading a string
    # attribute of a Token builds a Python string (this runs on every token).
    if (token.pos != PROPN and token.ent_type != PERSON) or not token.is_alpha:
        return False
    return (
        token.text[:1].isupper()
        and token.lower_ not in NAME_NEUTRAL
        and token.ent_type_ not in NOT_PERSON_ENTITIES
    )


def _unknown_person(doc: Doc, run: tuple[int, int]) -> Phrase:
    text = doc[run[0] : run[1]].text
    return Phrase(run[0], run[1], Coding(None, None, (), text), "person", "person", named=True)


def _named(title: Phrase, person: Phrase) -> Phrase:
    """A title phrase joined with the name next to it, on either side."""
    known = person.coding
    sector = title.coding.sector
    if title.defers and not title.affiliated and known.sector:
        # A bare title ("Leader Yahya Sinwar") says less than the persons file does.
        sector = known.sector
    other = merge_sectors(sector, title.coding.other_sectors, known.other_sectors)
    return replace(
        title,
        start=min(title.start, person.start),
        end=max(title.end, person.end),
        coding=Coding(title.coding.code or known.code, sector, other, known.name),
        kind="person",
        named=True,
    )


def _attach_appositions(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    """ "Nikol Pashinyan, Armenia's prime minister" and the reverse order."""
    covered = _covered(phrases)
    by_start = {p.start: p for p in phrases}
    by_end = {p.end: p for p in phrases}
    merged: dict[int, Phrase] = {}
    dropped: set[int] = set()
    for title in phrases:
        if not _takes_name(title):
            continue
        # A name after the title wins: in "on Baghuz, a German woman, Laura Hensel," the
        # name before is a place.
        person = _name_after(doc, title, by_start, covered) or _name_before(
            doc, title, by_end, covered
        )
        # Two bare names around a comma ("the spokesman, John Smith") code nothing.
        if person is not None and (title.coding.code or person.coding.code):
            merged[title.start] = _named(title, person)
            dropped.add(person.start)
    result = [merged.get(p.start, p) for p in phrases if p.start not in dropped]
    return sorted(result, key=lambda p: p.start)


def _name_before(
    doc: Doc, title: Phrase, by_end: dict[int, Phrase], covered: set[int]
) -> Phrase | None:
    if title.start < 2:
        return None
    determiner = doc[title.start - 1].lower_ in ("the", "a", "an")
    comma = title.start - 2 if determiner else title.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    person = by_end.get(comma)
    if person is not None:
        return person if person.category == "person" and not person.role else None
    start = comma
    while start > 0 and start - 1 not in covered and is_name_token(doc[start - 1]):
        start -= 1
    if start == comma or comma - start > MAX_NAME_TOKENS:
        return None
    return _unknown_person(doc, (start, comma))


def _name_after(
    doc: Doc, title: Phrase, by_start: dict[int, Phrase], covered: set[int]
) -> Phrase | None:
    if title.end + 1 >= len(doc) or doc[title.end].text != ",":
        return None
    person = by_start.get(title.end + 1)
    if person is not None:
        return person if person.category == "person" and not person.role else None
    run = name_run(doc, title.end + 1, covered)
    if run is None or (run[1] < len(doc) and not doc[run[1]].is_punct):
        return None
    return _unknown_person(doc, run)


# --- 6-7. qualifiers and leftovers ----------------------------------------------------


def _qualify(doc: Doc, phrase: Phrase) -> Phrase:
    """Take in "ethnic", "former", "anti-government" right before a phrase."""
    if phrase.category != "agent":
        return phrase
    start, coding = phrase.start, phrase.coding
    if start > 0 and doc[start - 1].lower_ == "ethnic":
        start -= 1
    words = [t.lower_ for t in doc[max(start - 3, 0) : start]]
    if words[-3:-1] == ["anti", "-"] and words[-1] in ANTI_TARGETS:
        start -= 3
        others = merge_sectors(coding.sector, coding.other_sectors, ["OPP"])
        coding = replace(coding, other_sectors=others)
    if start > 0 and doc[start - 1].lower_ in FORMER:
        start -= 1
    elif start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in FORMER:
        start -= 2
    if start < phrase.start and doc[start].lower_ in FORMER and coding.sector != "ELI":
        others = merge_sectors("ELI", [coding.sector], coding.other_sectors)
        coding = replace(coding, sector="ELI", other_sectors=others)
    return replace(phrase, start=start, coding=coding)


def _is_actor(doc: Doc, phrase: Phrase) -> bool:
    if phrase.category == "demonym":
        return False
    if phrase.category == "capital" and phrase.start > 0:
        return doc[phrase.start - 1].lower_ not in CAPITAL_PLACE_PREPS
    if phrase.role == "equipment" and phrase.coding.code is None:
        # "its aircraft", "army warplanes": document memory may learn whose
        # (strife.actors.memory).
        owned = phrase.start > 0 and doc[phrase.start - 1].lower_ in INSTITUTION_POSSESSIVES
        return owned or phrase.lead is not None
    if phrase.category != "agent" or phrase.named or phrase.end >= len(doc):
        return True
    # "military operations" describes, but "a U.S. military airstrike" is the U.S. military's.
    last, following = doc[phrase.end - 1], doc[phrase.end]
    return phrase.coding.code is not None or not (last.pos_ == "ADJ" and following.pos_ == "NOUN")


def _covered(phrases: Iterable[Phrase]) -> set[int]:
    return {i for p in phrases for i in range(p.start, p.end)}
