"""Who did it and to whom: actor and recipient of a trigger, read off the dependency parse.

Actors come from the actor stage as token spans (:class:`ActorMention`); this module only
decides which mention fills which role. Rules, in order:

* active verb: subject -> actor; direct object, dative and "to/on/against/at/with" objects
  -> recipient. Passive: the "by" agent -> actor, the passive subject -> recipient.
* a verb without a subject takes it from the verb it depends on ("pledged not to target":
  the pledgers target), and "it"/"they" after a verb of saying take the speaker's identity
  ("Russia says it will provide").
* a noun trigger: its possessor or "by" object and nationality modifiers -> actor; "on",
  "against", "to" objects -> recipient. When it is the object of a light verb ("sent a
  request to Putin"), the light verb's subject and objects count.
* "the two sides", "both countries", "the warring sides" -> the article's two sides.
* "each other" / "one another" makes the event reciprocal: one event in each direction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from strife.events.triggers import RECEIVING_VERBS, Trigger
from strife.events.unresolved import is_named, unresolved_refs
from strife.records import ActorMention, ActorRef

RECIPIENT_PREPS = frozenset(
    "to on against at with toward towards into upon via from for over".split()
)
NOUN_RECIPIENT_PREPS = frozenset("on against to at with toward towards into upon via".split())
SPEECH_LEMMAS = frozenset(
    "say tell state announce claim allege report add insist confirm declare note write tweet "
    "stress explain acknowledge assert maintain argue suggest indicate warn".split()
)
THING_PARTY_PREPS = frozenset("of from for by with to against on into".split())
PURE_LOCATIVES = frozenset("in at near inside outside around across throughout within".split())
OBJECT_PARTY_PREPS = frozenset("on against by to toward towards".split())
SIDE_NOUNS = frozenset("side party country nation rival foe belligerent neighbor neighbour".split())
SIDE_MARKERS = frozenset("two both warring rival opposing".split())
RESOLVABLE_PRONOUNS = frozenset({"it", "they", "he", "she"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "appos"})
# "thousands of protesters", "a group of lawmakers": the people are in the "of" phrase.
# "the homes of activists", "families of the victims": whose homes, whose families.
# Bodies through which their owner acts ("Japan PM's office").
OWN_NOUNS = frozenset(
    "office presidency campaign spokesman spokeswoman spokesperson administration cabinet "
    "government regime team camp".split()
)
OF_NOUNS = frozenset(
    "thousands hundreds dozens scores tens millions group groups number members member "
    "crowd crowds delegation team unit units contingent column convoy some many most all "
    "several few dozen hundred thousand home homes house houses office offices headquarters "
    "family families relatives supporters".split()
)


@dataclass(frozen=True, slots=True)
class Arguments:
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    reciprocal: bool = False


class MentionIndex:
    """Actor mentions of one Doc, findable by token. ``excluded`` tokens (a wire dateline)
    fill no role, by a mention or otherwise."""

    def __init__(
        self, mentions: Sequence[ActorMention], excluded: frozenset[int] = frozenset()
    ) -> None:
        self.excluded = excluded
        mentions = [m for m in mentions if m.start not in excluded]
        self.mentions = tuple(mentions)
        self._by_token: dict[int, ActorMention] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
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
        if token.lower_ in OWN_NOUNS:
            # "Japan PM's office", "Trump's campaign": the owner acts through it.
            for child in token.children:
                if child.dep_ == "poss" and (found := self.for_phrase(child)) is not None:
                    return found
        if token.lower_ in OF_NOUNS or token.pos_ == "NUM":
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in _prep_objects(child):
                        found = self.for_phrase(obj)
                        if found is not None:
                            return found
        return None


def find_sides(doc: Doc, index: MentionIndex) -> tuple[ActorRef, ...]:
    """The article's two opposing sides, for "both sides" and unattributed agreements.

    The first pair of differently coded countries that act on "each other" or stand
    "between X and Y" wins; otherwise the two most mentioned country codes, if both recur.
    """
    for mention in index.mentions:
        head = doc[mention.end - 1]
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
    return verb is not None and any(_is_each_other(c) for c in verb.children)


def _is_each_other(token: Token) -> bool:
    words = {c.lower_ for c in token.children}
    return (token.lower_ == "other" and "each" in words) or (
        token.lower_ == "one" and "another" in words
    )


CountryOf = Callable[[str], str | None]


def extract_arguments(
    trigger: Trigger,
    doc: Doc,
    index: MentionIndex,
    sides: tuple[ActorRef, ...],
    country_of: CountryOf | None = None,
) -> Arguments:
    """Actor and recipient lists of one trigger.

    ``country_of`` maps a nationality word to its code, so that "the Azeri regions" (not an
    actor, but whose country is plain) can be a recipient.
    """
    token = doc[trigger.token]
    if trigger.spec.pos == "NOUN":
        actor_toks, recipient_toks = _noun_roles(token, trigger, doc)
    else:
        actor_toks, recipient_toks = _verb_roles(token)
    reciprocal = any(_is_each_other(t) for t in recipient_toks)
    resolver = _Resolver(doc, index, sides, country_of)
    actors = resolver.refs(actor_toks)
    recipients = resolver.refs(t for t in recipient_toks if not _is_each_other(t))
    for inner in trigger.absorbed:
        inner_actors, inner_recipients = _verb_roles(doc[inner])
        actors = actors or resolver.refs(inner_actors)
        recipients = recipients or resolver.refs(inner_recipients)
    if not recipients and trigger.spec.pos == "VERB":
        recipients = resolver.content_recipients(token, actors)
    if trigger.event == "REQUEST" and trigger.spec.pos == "VERB":
        # "demanded that Yediyurappa step down": who is asked is the content's subject.
        addressees = _addressees(token)
        recipients = recipients or resolver.refs(addressees)
        recipient_toks = [*recipient_toks, *addressees]
    swapped = bool(trigger.spec.flags & {"swap", "passive"})
    # Participants no dictionary knows: the phrase itself, uncoded (see strife.events.unresolved).
    # A noun trigger's own modifiers ("the Gaza attack") are not its participants.
    actor_toks = [t for t in actor_toks if t.dep_ not in PHRASE_DEPS]
    # The object a trigger needs to fire says what the event is ("imposed martial law",
    # "declared a state of siege"), not whom it is aimed at.
    described = frozenset(
        t.i for t in recipient_toks if trigger.spec.objects and t.head.i == token.i
    )
    actors = actors or resolver.fallback(actor_toks, named_only=not swapped)
    recipients = recipients or resolver.fallback(recipient_toks, swapped, described)
    if swapped:
        actors, recipients = recipients, actors
    if not actors and "reciprocal" in trigger.spec.flags and _takes_sides(trigger, token):
        actors = sides
    recipients = tuple(r for r in recipients if all(r.start != a.start for a in actors))
    return Arguments(actors=actors, recipients=recipients, reciprocal=reciprocal)


def _addressees(verb: Token) -> list[Token]:
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for subject in clause.children
        if subject.dep_ in SUBJECT_DEPS and subject.pos_ != "PRON"
    ]


def _takes_sides(trigger: Trigger, token: Token) -> bool:
    """Whether an event without named parties is the two sides' doing.

    Verbs ("reaching an agreement", "pledged") and nouns that are acted or described
    ("the agreement negotiated in Geneva", "talks involving ministers") are; a bare noun
    ("in the fighting") is too vague to say.
    """
    if trigger.spec.pos == "VERB" or trigger.light_verb is not None:
        return True
    return any(c.dep_ in ("acl", "relcl") for c in token.children)


def _verb_roles(verb: Token) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            actors.append(child)
        elif child.dep_ == "nsubjpass":
            recipients.append(child)
        elif child.dep_ == "agent":
            actors.extend(_prep_objects(child))
        elif child.dep_ in ("dobj", "iobj"):
            recipients.extend([child, *_possessors(child), *_object_parties(child)])
        elif child.dep_ == "dative":
            recipients.extend(_dative(child))
        elif child.dep_ == "prep" and child.lower_ == "between":
            actors.extend(_prep_objects(child))
        elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            recipients.extend(_prep_objects(child))
    if not actors and not any(c.dep_ == "nsubjpass" for c in verb.children):
        actors.extend(_inherited_subjects(verb))
    return actors, recipients


def _noun_roles(noun: Token, trigger: Trigger, doc: Doc) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            actors.append(child)
        elif (child.dep_ == "prep" and child.lower_ == "by") or (
            child.dep_ == "prep" and child.lower_ == "between"
        ):
            actors.extend(_prep_objects(child))
        elif child.dep_ == "prep" and child.lower_ in NOUN_RECIPIENT_PREPS:
            recipients.extend(_prep_objects(child))
        elif child.dep_ in ("acl", "relcl"):
            actors.extend(_parties_of_description(child))
    if not recipients:
        # "an investigation of Flynn", "the release of 12 prisoners": whom it is done to.
        recipients = [
            obj
            for child in noun.children
            if child.dep_ == "prep" and child.lower_ == "of"
            for obj in _prep_objects(child)
        ]
    if trigger.light_verb is not None:
        light = doc[trigger.light_verb]
        light_actors, light_recipients = _verb_roles(light)
        light_recipients = [
            t for t in light_recipients if t.i != noun.i and not t.is_ancestor(noun)
        ]
        if light.lemma_.lower() in RECEIVING_VERBS:
            light_actors, light_recipients = light_recipients, light_actors
        actors.extend(light_actors)
        recipients.extend(light_recipients)
    return actors, recipients


def _parties_of_description(verb: Token) -> list[Token]:
    """'a pact signed between Armenia and Russia', 'an attack carried out by rebels'."""
    parties: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "between"):
            parties.extend(_prep_objects(child))
    return parties


def _object_parties(noun: Token) -> list[Token]:
    """'imposed sanctions on Belarus', 'rejected a call by Venezuela', 'condemned the
    killings by Myanmar troops': who the object is aimed at, or whose doing it was."""
    parties: list[Token] = []
    for member in [noun, *noun.conjuncts]:
        for child in member.children:
            if child.dep_ == "prep" and child.lower_ in OBJECT_PARTY_PREPS:
                parties.extend(_prep_objects(child))
    return parties


def _possessors(noun: Token) -> list[Token]:
    """ "requests Russia's help": the one whose help is asked is the recipient."""
    return [c for c in noun.children if c.dep_ == "poss"]


def _prep_objects(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _dative(token: Token) -> list[Token]:
    if token.pos_ == "ADP":
        return _prep_objects(token)
    return [token]


def _inherited_subjects(verb: Token) -> list[Token]:
    """Subject of a verb that has none: from its governing verb or modified noun."""
    current = verb
    for _ in range(4):
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.i != current.i:
            current = current.head
            subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                return subjects
        elif current.dep_ in ("relcl", "acl") and current.tag_ != "VBN":
            return [current.head]
        else:
            break
    return []


class _Resolver:
    """Turns role tokens into ActorRefs: mentions, sides, and pronouns of speakers."""

    def __init__(
        self,
        doc: Doc,
        index: MentionIndex,
        sides: tuple[ActorRef, ...],
        country_of: CountryOf | None,
    ) -> None:
        self.doc, self.index, self.sides, self.country_of = doc, index, sides, country_of

    def refs(self, tokens: Iterable[Token]) -> tuple[ActorRef, ...]:
        out: list[ActorRef] = []
        for token in tokens:
            for member in _with_conjuncts(token):
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
        if mention is not None:
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
        self, tokens: Sequence[Token], named_only: bool, described: frozenset[int] = frozenset()
    ) -> tuple[ActorRef, ...]:
        """Roles no mention filled, uncoded: the names among them; for a recipient without
        one, the party a thing belongs to or comes from ("refused a request from the
        justice minister", "lifted its blockade of the U.K."), else the things, less those
        that only describe the event (``described``)."""
        tokens = [t for t in tokens if t.i not in self.index.excluded]
        names = unresolved_refs(self.doc, tokens, named_only=True)
        if named_only or names:
            return names
        parties = [p for t in tokens if not is_named(t) for p in _parties_of_thing(t)]
        found = self.refs(parties) or unresolved_refs(self.doc, parties, named_only=True)
        things = [t for t in tokens if t.i not in described]
        return found or unresolved_refs(self.doc, things, named_only=False)

    def content_recipients(self, verb: Token, actors: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
        """'threatened to take military action against Taiwan': whom the threat, request
        or warning is about, when the verb itself names no one."""
        subjects = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        taken = {a.code for a in actors}
        for child in verb.children:
            if child.dep_ not in ("xcomp", "ccomp"):
                continue
            for token in child.subtree:
                if token.i in subjects or token.dep_ in SUBJECT_DEPS or _is_located_at(token):
                    continue
                for ref in self._refs_for(token):
                    if ref.code and ref.code not in taken:
                        return (ref,)
        return ()

    def _national(self, noun: Token) -> Iterator[ActorRef]:
        """'the Azeri regions': a noun whose nationality modifier names a country."""
        if self.country_of is None or noun.pos_ not in ("NOUN", "PROPN"):
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
        while clause.dep_ in ("ccomp", "conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
            if clause.lemma_.lower() in SPEECH_LEMMAS:
                for child in clause.children:
                    if child.dep_ in SUBJECT_DEPS and child.lower_ not in RESOLVABLE_PRONOUNS:
                        found = list(self._refs_for(child))
                        # "Obama said he will not lift the embargo": a speaker no
                        # dictionary knows is still the one who said it.
                        yield from found or unresolved_refs(self.doc, [child], named_only=True)
                return


def _parties_of_thing(noun: Token, depth: int = 2) -> list[Token]:
    """Objects of the thing's prepositions ("the death of X", "an apology from X") and
    who made it ("an appeal filed by X")."""
    parties: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in THING_PARTY_PREPS:
            for obj in _prep_objects(child):
                parties.append(obj)
                if depth > 1 and not is_named(obj):
                    parties.extend(_parties_of_thing(obj, depth - 1))
        elif child.dep_ in ("acl", "relcl"):  # "threats made by the government"
            parties.extend(_parties_of_description(child))
    return parties


def _is_located_at(token: Token) -> bool:
    """'meet again in Brussels': a place the content happens at, not someone it targets."""
    return token.dep_ == "pobj" and token.head.lower_ in PURE_LOCATIVES


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts] if token.dep_ != "conj" else [token]


def _is_sides_phrase(token: Token) -> bool:
    if token.lemma_.lower() not in SIDE_NOUNS:
        return False
    return any(c.lower_ in SIDE_MARKERS for c in token.children)


MOBILIZED_SECTORS = frozenset({"MIL", "COP", "PRM", "REB"})
MODE_SECTOR = {"troops": "MIL", "weapons": "MIL", "police": "COP", "militia": "PRM"}


def specialise_roles(event: str, mode: str | None, args: Arguments) -> Arguments:
    """MOBILIZE: the forces sent are not its recipient but the actor's means ("Brazil sent
    60 soldiers" -> Brazil as BRA MIL; "60 soldiers were deployed" -> the soldiers), and a
    state that mobilises troops or weapons acts through its military."""
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
