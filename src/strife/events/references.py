"""Whom a role's words refer to: actor mentions, the article's two sides, speakers.

:mod:`strife.events.arguments` decides which tokens fill a trigger's roles; this module turns
those tokens into :class:`ActorRef` values:

* a token inside an actor mention is that mention ("Russian warplanes"); a phrase refers to
  the mention of its name parts, of the owner it acts for ("Japan PM's office", "the EU's
  diplomatic chief"), of the body a role belongs to ("the chairman of the AU Commission") or
  of the people it counts ("thousands of protesters");
* "the two sides", "both countries" are the article's two sides (:func:`find_sides`);
* "it", "they", "he", "she" after a verb of saying are the speaker ("Russia says it will");
* a nationality modifier names a country ("the Azeri regions");
* a role no mention fills keeps its words, uncoded (:mod:`strife.events.unresolved`), and a
  trigger whose roles name no recipient takes the participant nearest it in its own clause
  (:meth:`Resolver.nearby`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from strife.claims import SPEECH_VERBS
from strife.events.lexicon import WORDS
from strife.events.unresolved import is_named, unresolved_refs
from strife.nlp import CONJUNCTIONS
from strife.records import ActorMention, ActorRef
from strife.syntax import (
    CLAUSAL_MODIFIER_DEPS,
    COMPLEMENT_DEPS,
    NEAR_DEPS,
    NOUN_POS,
    PHRASE_DEPS,
    SUBJECT_DEPS,
    prep_objects,
    subjects,
    with_conjuncts,
)

# The words are in data/events/words.json (and the verbs of saying in data/claims.json),
# each list with why it is there.
SPEECH_LEMMAS = SPEECH_VERBS
THING_PARTY_PREPS = WORDS["thing_party_preps"]
LOCATED_AT_PREPS = WORDS["located_at_preps"]
SIDE_NOUNS = WORDS["side_nouns"]
SIDE_MARKERS = WORDS["side_markers"]
RESOLVABLE_PRONOUNS = WORDS["resolvable_pronouns"]
CIRCUMSTANCE_PREPS = WORDS["circumstance_preps"]
ROLE_NOUNS = WORDS["role_nouns"]
OF_NOUNS = WORDS["of_nouns"]
VIOLENT_ACTS = WORDS["violent_acts"]
OWNER_PRONOUNS = WORDS["owner_pronouns"]
CountryOf = Callable[[str], str | None]


def is_actors_own(ref: ActorRef, actors: tuple[ActorRef, ...]) -> bool:
    """The actor itself, or a possessive pronoun standing for it ("pledged his support")."""
    if any(ref.start == a.start for a in actors):
        return True
    return ref.entity_text.lower() in OWNER_PRONOUNS and any(
        (ref.code is not None and ref.code == a.code) or (ref.name and ref.name == a.name)
        for a in actors
    )


class MentionIndex:
    """Actor mentions of one Doc, findable by token. ``excluded`` tokens (a wire dateline)
    fill no role, by a mention or otherwise."""

    def __init__(
        self, mentions: Sequence[ActorMention], excluded: frozenset[int] = frozenset()
    ) -> None:
        self.excluded = excluded
        mentions = [m for m in mentions if m.token_start not in excluded]
        self.mentions = tuple(mentions)
        self._by_token: dict[int, ActorMention] = {}
        for mention in mentions:
            for i in range(mention.token_start, mention.token_end):
                self._by_token[i] = mention

    def at(self, i: int) -> ActorMention | None:
        return self._by_token.get(i)

    def for_phrase(self, token: Token) -> ActorMention | None:
        """The mention a noun phrase headed by ``token`` refers to, if any."""
        found = self.at(token.i)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ in PHRASE_DEPS:
                found = self.for_phrase(child)
                if found is not None:
                    return found
        if token.pos_ in NOUN_POS:
            # The owner acts through what is its own: "Japan PM's office", "the EU's
            # diplomatic chief", "Russia's warplanes".
            for child in token.children:
                if child.dep_ == "poss" and (found := self.for_phrase(child)) is not None:
                    return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _referring_preps(token):
                for obj in prep_objects(child):
                    if (found := self.for_phrase(obj)) is not None:
                        return found
        return None


def _members(token: Token) -> list[Token]:
    """The token and the words joined to it; people in a plural role stand for the parties
    of their "of" phrase when it names several ("the leaders of Armenia and Azerbaijan", "the
    foreign ministers of Congo and Rwanda"): each is a party."""
    members: list[Token] = []
    for member in with_conjuncts(token):
        parties = _parties_of_role(member)
        members += parties if len(parties) > 1 else [member]
    return members


def _parties_of_role(token: Token) -> list[Token]:
    if token.tag_ != "NNS" or token.lower_ not in ROLE_NOUNS:
        return []
    return [
        party
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep_objects(prep)
        for party in with_conjuncts(obj)
    ]


def _referring_preps(token: Token) -> tuple[str, ...]:
    """Prepositions whose object a phrase refers to: "the chairman of", "a spokesman for",
    "thousands of"."""
    if token.lower_ in ROLE_NOUNS:
        return ("of", "for")
    if token.lower_ in OF_NOUNS or token.pos_ == "NUM":
        return ("of",)
    return ()


def find_sides(doc: Doc, index: MentionIndex) -> tuple[ActorRef, ...]:
    """The article's two opposing sides, for "both sides" and unattributed agreements.

    The first pair of differently coded countries that act on "each other" or stand
    "between X and Y" wins; otherwise the two most mentioned country codes, if both recur.
    """
    for mention in index.mentions:
        head = doc[mention.token_end - 1]
        if mention.ref.code is None:
            continue
        for conj in head.conjuncts:
            other = index.at(conj.i)
            if other is None or other.ref.code in (None, mention.ref.code):
                continue
            if _is_reciprocal_pair(head):
                return (mention.ref, other.ref)
    codes = Counter(
        m.ref.code for m in index.mentions if m.ref.code and m.kind in ("country", "agent")
    )
    common = [(code, n) for code, n in codes.most_common(2) if n >= 2]
    if len(common) < 2:
        return ()
    first = {code: m.ref for m in reversed(index.mentions) if (code := m.ref.code)}
    return (first[common[0][0]], first[common[1][0]])


def _is_reciprocal_pair(token: Token) -> bool:
    root = token
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "between":
        return True
    verb = root.head if root.dep_ in SUBJECT_DEPS else None
    return verb is not None and any(is_each_other(c) for c in verb.children)


def is_each_other(token: Token) -> bool:
    words = {c.lower_ for c in token.children}
    return (token.lower_ == "other" and "each" in words) or (
        token.lower_ == "one" and "another" in words
    )


def parties_of_description(verb: Token) -> list[Token]:
    """'a pact signed between Armenia and Russia', 'an attack carried out by rebels'."""
    parties: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "between"):
            parties.extend(prep_objects(child))
    return parties


class Resolver:
    """Turns role tokens into ActorRefs: mentions, sides, and pronouns of speakers."""

    def __init__(
        self,
        doc: Doc,
        index: MentionIndex,
        sides: tuple[ActorRef, ...],
        country_of: CountryOf | None,
    ) -> None:
        self.doc, self.index, self.sides, self.country_of = doc, index, sides, country_of

    def _sharing(self, mention: ActorMention) -> Iterator[ActorRef]:
        """The party of a lone region word that shares the mention's name ("North" in
        "North and South Korea"), which the parse hangs on that name."""
        lone = mention.token_start - 2
        if lone < 0 or self.doc[lone + 1].lower_ not in CONJUNCTIONS:
            return
        other = self.index.at(lone)
        head = self.doc[lone].head.i
        if (
            other is not None
            and other.token_end == lone + 1
            and mention.token_start <= head < mention.token_end
        ):
            yield other.ref

    def refs(self, tokens: Iterable[Token]) -> tuple[ActorRef, ...]:
        out: list[ActorRef] = []
        for token in tokens:
            for member in _members(token):
                for ref in self._refs_for(member):
                    if all((ref.start, ref.code) != (seen.start, seen.code) for seen in out):
                        out.append(ref)
        return tuple(out)

    def _refs_for(self, token: Token) -> Iterator[ActorRef]:
        if token.i in self.index.excluded:
            # "THE HAGUE -- A UN prosecutor charged": the parse may hang the subject
            # on the dateline.
            for child in token.children:
                if child.dep_ in ("appos", "conj"):
                    yield from self._refs_for(child)
            return
        mention = self.index.for_phrase(token)
        if mention is not None and mention.kind == "pronoun":
            # "Klaus said he had rejected", "Putin said his country will not": the speaker,
            # by the syntax, over the article's most recent person.
            speaker = list(self._speaker_of(self.doc[mention.token_start]))
            yield from speaker or [mention.ref]
        elif mention is not None:
            yield from self._sharing(mention)
            yield mention.ref
        elif _is_sides_phrase(token):
            span = self.doc[token.left_edge.i : token.i + 1]
            for side in self.sides:
                yield replace(side, entity_text=span.text, start=span.start_char, end=span.end_char)
        elif token.lower_ in RESOLVABLE_PRONOUNS:
            yield from self._speaker_of(token)
        else:
            yield from self._national(token)

    def _country_name(self, token: Token) -> Iterator[ActorRef]:
        """A country named where the actor stage saw a place ('warships towards Taiwan')."""
        if self.country_of is None:
            return
        first = min([token.i, *(c.i for c in token.children if c.dep_ == "compound")])
        span = self.doc[first : token.i + 1]
        code = self.country_of(span.text)
        if code:
            yield ActorRef(span.text, code, "GOV", span.text, span.start_char, span.end_char)

    def fallback(
        self,
        tokens: Sequence[Token],
        named_only: bool,
        described: frozenset[int] = frozenset(),
        near: tuple[ActorRef, ...] = (),
        actors: tuple[ActorRef, ...] = (),
    ) -> tuple[ActorRef, ...]:
        """Roles no mention filled, uncoded: the names among them; for a recipient without
        one, the party a thing belongs to, comes from or is shared with ("refused a request
        from the justice minister", "lifted its blockade of the U.K.", "suspended air links
        with 21 countries"), else the things, less those that only describe the event
        (``described``), else ``near`` (:meth:`nearby`). Parties that are the ``actors``' own do
        not count."""
        tokens = [t for t in tokens if t.i not in self.index.excluded]
        things = [t for t in tokens if t.i not in described]
        names = unresolved_refs(self.doc, things, named_only=True)
        if named_only or names:
            return names
        parties = [
            p
            for t in tokens
            for m in with_conjuncts(t)
            if not is_named(m)
            for p in _parties_of_thing(m)
        ]
        # "released his deputy of his duties": not the actor's own.
        found = tuple(r for r in self.refs(parties) if not is_actors_own(r, actors))
        found = found or unresolved_refs(self.doc, parties, named_only=True)
        found = found or unresolved_refs(self.doc, parties, named_only=False)
        return found or unresolved_refs(self.doc, things, named_only=False) or near

    def nearby(
        self, clause: list[Token], actors: tuple[ActorRef, ...], skip: frozenset[int]
    ) -> tuple[ActorRef, ...]:
        """The participant nearest the trigger in its own clause (tree distance first)."""
        taken = {a.start for a in actors}
        # Not a state actor's own country either ("threatening to pull US funding"); a
        # rebel group's country is whom it acts against ("in Colombia, the ELN declared").
        own = {a.code for a in actors if a.code is not None and a.sector == "GOV"}
        # "pledged not to target civilians": things in what is pledged, demanded or
        # threatened are its content, not whom it is addressed to; named parties still are.
        content = {t.i for c in clause[0].children if c.dep_ in COMPLEMENT_DEPS for t in c.subtree}
        tiers: list[tuple[int, int, tuple[ActorRef, ...]]] = []
        for rank, token in enumerate(clause):
            if token.i in self.index.excluded or token.i in skip:
                continue
            mention = self.index.at(token.i)
            if mention is not None:
                refs = tuple(
                    r
                    for r in self.refs([token])
                    if not is_actors_own(r, actors)
                    and not (r.code in own and mention.kind == "country")
                )
                if refs and mention.ref.start not in taken:
                    tiers.append((0, rank, refs))
                continue
            if token.dep_ in NEAR_DEPS and not (
                token.dep_ == "pobj" and token.head.lower_ in CIRCUMSTANCE_PREPS
            ):
                # What the actor's own country qualifies is its own ("to cut US funding").
                owned = token.pos_ == "NOUN" and any(
                    c.dep_ == "compound"
                    and (m := self.index.at(c.i)) is not None
                    and m.ref.code in own
                    for c in token.children
                )
                named = () if owned else unresolved_refs(self.doc, [token], named_only=True)
                if named:
                    tiers.append((1, rank, named))
                elif token.dep_ in ("dobj", "pobj") and token.i not in content:
                    things = unresolved_refs(self.doc, [token], named_only=False)
                    if things:
                        tiers.append((2, rank, things))
        if not tiers:
            return ()
        return min(tiers)[2]

    def content_recipients(self, verb: Token, actors: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
        """'threatened to take military action against Taiwan': whom the threat, request
        or warning is about, when the verb itself names no one."""
        subject_tokens = {t.i for c in subjects(verb) for t in c.subtree}
        taken = {a.code for a in actors}
        for child in verb.children:
            if child.dep_ not in COMPLEMENT_DEPS:
                continue
            for token in child.subtree:
                if token.i in subject_tokens or token.dep_ in SUBJECT_DEPS or _is_located_at(token):
                    continue
                for ref in self._refs_for(token):
                    if ref.code and ref.code not in taken:
                        return (ref,)
        return ()

    def nationality(self, word: Token, sector: str | None) -> tuple[ActorRef, ...]:
        """'Nigerian' in "Nigerian and British armed forces": that country, acting in the
        sector of what it qualifies."""
        code = self.country_of(word.text) if self.country_of is not None else None
        if code is None:
            return ()
        return (ActorRef(word.text, code, sector, None, word.idx, word.idx + len(word.text)),)

    def nationals(self, modifiers: Iterable[Token]) -> tuple[ActorRef, ...]:
        """The countries the nationality adjectives among ``modifiers`` name ("a Turkish
        offensive", "an Israeli strike": whose act it is); not a place's name ("the Gaza
        attack" says where)."""
        return tuple(
            ref
            for word in modifiers
            if word.dep_ == "amod" and word.pos_ == "ADJ"
            for ref in self.nationality(word, None)
        )

    def _national(self, noun: Token) -> Iterator[ActorRef]:
        """'the Azeri regions': a noun whose nationality modifier names a country."""
        if self.country_of is None or noun.pos_ not in NOUN_POS:
            return
        if noun.pos_ == "PROPN":
            yield from self._country_name(noun)
            return
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and (code := self.country_of(child.text)):
                span = self.doc[child.i : noun.i + 1]
                yield ActorRef(span.text, code, None, None, span.start_char, span.end_char)
                return

    def _speaker_of(self, pronoun: Token) -> Iterator[ActorRef]:
        clause = pronoun.head
        if pronoun.dep_ == "poss" and clause.dep_ in SUBJECT_DEPS:
            clause = clause.head  # "said his country will not lift the ban"
        while clause.dep_ in ("ccomp", "conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
            if clause.lemma_.lower() in SPEECH_LEMMAS:
                for child in subjects(clause):
                    if child.lower_ not in RESOLVABLE_PRONOUNS:
                        found = list(self._refs_for(child))
                        # "Obama said he will not lift the embargo": a speaker no
                        # dictionary knows is still the one who said it.
                        yield from found or unresolved_refs(self.doc, [child], named_only=True)
                return


def _parties_of_thing(noun: Token, depth: int = 2) -> list[Token]:
    """Objects of the thing's prepositions ("the death of X", "an apology from X") and
    who made it ("an appeal filed by X")."""
    parties: list[Token] = []
    # "the attack on a church": who suffered an act of violence is not its party.
    preps = {"by", "from"} if noun.lemma_.lower() in VIOLENT_ACTS else THING_PARTY_PREPS
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in prep_objects(child):
                parties.append(obj)
                if depth > 1 and not is_named(obj):
                    parties.extend(_parties_of_thing(obj, depth - 1))
        elif child.dep_ in CLAUSAL_MODIFIER_DEPS:  # "threats made by the government"
            parties.extend(parties_of_description(child))
    return parties


def _is_located_at(token: Token) -> bool:
    """'meet again in Brussels': a place the content happens at, not someone it targets."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATED_AT_PREPS


def _is_sides_phrase(token: Token) -> bool:
    if token.lemma_.lower() not in SIDE_NOUNS:
        return False
    return any(c.lower_ in SIDE_MARKERS for c in token.children)
