"""Who did it and to whom: actor and recipient of a trigger, read off the dependency parse.

Actors come from the actor stage as token spans (:class:`ActorMention`); this module only
decides which mention fills which role. Rules, in order:

* active verb: subject -> actor; direct object, dative and "to/on/against/at/with" objects
  -> recipient ("over" gives a reason). Passive: the "by" agent -> actor, the passive
  subject -> recipient. A verb of giving with a "to" goal gives to the goal, not to what
  it gives ("returned a portrait to its owner").
* a verb without a subject takes it from the verb it depends on ("pledged not to target":
  the pledgers target), and "it"/"they"/"he"/"his country" after a verb of saying take the
  speaker's identity ("Russia says it will provide").
* a noun trigger: its possessor or "by" object (or one the parse hangs on its "of" object:
  "the expulsion of 18 diplomats by Prague") and nationality modifiers -> actor; "on",
  "against", "to" objects -> recipient, and "for" for support and aid. When it is the
  object of a light verb ("sent a request to Putin"), the light verb's subject and objects
  count; nouns joined to it share that verb.
* refusing or granting a proposal answers whoever made it ("rejected a call from Bush").
* "the two sides", "both countries", "the warring sides" -> the article's two sides; an
  event done together lists all its parties as actors (PLOVER's compound actors).
* "each other" / "one another" makes the event reciprocal: one event in each direction.
* no recipient named: whom a demand's or refusal's clause names, whom the call or letter
  the trigger is part of went to, else the participant nearest the trigger in its own
  clause ("imposed new sanctions, including travel bans, on Myanmar commanders"), never a
  thing inside what is pledged or demanded, nor a state actor's own country.

Which mention, side or speaker the role tokens refer to is :mod:`strife.events.references`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from strife.events.lexicon import SWAPPING_FLAGS, WORDS
from strife.events.references import (
    VIOLENT_ACTS,
    CountryOf,
    MentionIndex,
    Resolver,
    is_actors_own,
    is_each_other,
    parties_of_description,
)
from strife.events.triggers import RECEIVING_VERBS, Trigger, sent_forces
from strife.events.unresolved import is_named, unresolved_refs
from strife.plover import EventType
from strife.records import ActorRef
from strife.syntax import (
    ANY_SUBJECT_DEPS,
    CLAUSAL_MODIFIER_DEPS,
    CLAUSE_EDGES,
    NOUN_MODIFIER_DEPS,
    NOUN_POS,
    PHRASE_DEPS,
    SUBJECT_DEPS,
    VERBAL_POS,
    antecedent,
    children_with,
    is_verb,
    prep_objects,
    subjects,
)

# The words are in data/events/words.json, each list with why it is there.
RECIPIENT_PREPS = WORDS["recipient_preps"]
NOUN_RECIPIENT_PREPS = WORDS["noun_recipient_preps"]
OBJECT_PARTY_PREPS = WORDS["object_party_preps"]
SUBJECT_CONTROL_PREPS = WORDS["subject_control_preps"]
DOCUMENTS = WORDS["documents"]
TRANSFER_VERBS = WORDS["transfer_verbs"]
CONTACT_VERBS = WORDS["contact_verbs"]
PROPOSALS = WORDS["proposals"]
# Events whose noun's "from" names who sends them ("criticism from the U.N.", "threats from
# Iran", "aid from Japan"); for a withdrawal or a release "from" is a place.
FROM_SENDERS: frozenset[EventType] = frozenset(
    {"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AID", "AGREE", "COOPERATE"}
)
# Events whose noun's "for" names whom they are for ("support for the GNA", "aid for
# Gaza"); for others it is what is asked or argued about ("calls for restraint").
FOR_RECIPIENTS: frozenset[EventType] = frozenset({"SUPPORT", "AID"})


@dataclass(frozen=True, slots=True)
class Arguments:
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    reciprocal: bool = False
    # Parties joined to the actor that its mentions miss ("Kuwait and its allies agreed",
    # "UK and EU negotiators"): co-actors of an event done together (shaping.specialise_roles).
    partners: tuple[ActorRef, ...] = ()


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
    site = _Site(trigger, doc[trigger.token], Resolver(doc, index, sides, country_of))
    if "speech" in trigger.spec.flags:
        return _statement_roles(site)
    token, resolver = site.token, site.resolver
    if trigger.spec.pos == "NOUN":
        actor_toks, recipient_toks = _noun_roles(token, trigger, doc)
    else:
        actor_toks, recipient_toks = _verb_roles(token)
    given = _given(token, trigger)
    recipient_toks = _without_given(recipient_toks, given, index)
    reciprocal = any(is_each_other(t) for t in recipient_toks)
    actors = (
        resolver.refs(actor_toks)
        or resolver.refs(_authors(token))
        or resolver.refs(_doers_of_subject(actor_toks))
        or (resolver.nationals(actor_toks) if trigger.spec.pos == "NOUN" else ())
    )
    partners = _partners(actor_toks, actors, resolver, doc) if actors else ()
    recipients = resolver.refs(t for t in recipient_toks if not is_each_other(t))
    recipients = tuple(r for r in recipients if not is_actors_own(r, actors))
    actors, recipients = _with_absorbed(site, actors, recipients)
    if not recipients:
        recipients, recipient_toks = _recipients_beyond(site, actors, recipient_toks)
    swapped = bool(trigger.spec.flags & SWAPPING_FLAGS)
    # Participants no dictionary knows: the phrase itself, uncoded (see strife.events.unresolved).
    # A noun trigger's own modifiers ("the Gaza attack") are not its participants.
    actor_toks = [t for t in actor_toks if t.dep_ not in PHRASE_DEPS]
    actors = actors or resolver.fallback(actor_toks, named_only=not swapped)
    if not recipients:
        recipients = _fallback_recipients(site, actors, actor_toks, recipient_toks, given, swapped)
    if swapped:
        actors, recipients = recipients, actors
    if not actors and "reciprocal" in trigger.spec.flags and _takes_sides(trigger, token):
        actors = resolver.sides
    recipients = tuple(r for r in recipients if not is_actors_own(r, actors))
    if "command" in trigger.spec.flags:  # the forces it sends, however the rules found them
        recipients = tuple(r for r in recipients if not _holds(r, given, doc))
    return Arguments(actors, recipients, reciprocal, partners)


def _holds(ref: ActorRef, tokens: frozenset[int], doc: Doc) -> bool:
    """``ref``'s words hold one of ``tokens``."""
    return any(ref.start <= doc[i].idx < ref.end for i in tokens)


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a trigger's roles are read: the trigger, its token, the resolver (and its Doc)."""

    trigger: Trigger
    token: Token
    resolver: Resolver

    @property
    def doc(self) -> Doc:
        return self.resolver.doc


def _statement_roles(site: _Site) -> Arguments:
    """A statement about another party: the speaker, and the party it is about."""
    token, resolver = site.token, site.resolver
    actors = resolver.refs(subjects(token))
    about = [s for c in token.children if c.dep_ == "ccomp" for s in _clause_subjects(c)]
    return Arguments(actors, tuple(r for r in resolver.refs(about) if r not in actors))


def _without_given(tokens: list[Token], given: frozenset[int], index: MentionIndex) -> list[Token]:
    """ "returned a portrait of a young girl to its owner": what is given, and who is in it,
    is not whom it goes to (forces sent stay: MOBILIZE reads them in shaping.specialise_roles)."""
    if not given:
        return tokens
    return [
        t
        for t in tokens
        if not (t.i in given and index.for_phrase(t) is None)
        and not any(a.i in given for a in t.ancestors)
    ]


def _with_absorbed(
    site: _Site, actors: tuple[ActorRef, ...], recipients: tuple[ActorRef, ...]
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """Roles the trigger's own dependents left open, from the triggers of the same event
    below it ("were killed when ISIL launched an attack on the embassy")."""
    for inner in site.trigger.absorbed:
        if inner.spec.pos == "NOUN":
            inner_actors, inner_recipients = _noun_roles(site.doc[inner.token], inner, site.doc)
        else:
            inner_actors, inner_recipients = _verb_roles(site.doc[inner.token])
        actors = actors or site.resolver.refs(inner_actors)
        if inner.spec.pos == "NOUN":
            actors = actors or site.resolver.nationals(inner_actors)
        inner_refs = site.resolver.refs(inner_recipients)
        recipients = recipients or tuple(r for r in inner_refs if not is_actors_own(r, actors))
    return actors, recipients


def _recipients_beyond(
    site: _Site, actors: tuple[ActorRef, ...], recipient_toks: list[Token]
) -> tuple[tuple[ActorRef, ...], list[Token]]:
    """Recipients outside the trigger's direct dependents, and the role tokens extended
    with the addressees of a demand or refusal."""
    trigger, token, resolver = site.trigger, site.token, site.resolver
    if trigger.spec.pos == "VERB" and (
        trigger.event in ("REQUEST", "REJECT", None) or "complement" in trigger.spec.flags
    ):
        # "demanded that Yediyurappa step down": who is asked is the content's subject;
        # "rejected Netanyahu to delay the trial": who is refused; "found the regime
        # guilty": who is found so; for a verb the model types, whom it takes in a clause
        # ("will not accept refugees fleeing").
        addressees = _addressees(token)
        recipient_toks = [*recipient_toks, *addressees]
        found = resolver.refs(addressees) or unresolved_refs(site.doc, addressees, named_only=True)
        if found:
            return found, recipient_toks
    if trigger.spec.pos == "VERB":
        # "threatened to act against Taiwan"; "called Lavrov to discuss Syria": whom the
        # verb it completes names.
        found = resolver.content_recipients(token, actors)
        return found or resolver.refs(_inherited_objects(token)), recipient_toks
    if trigger.light_verb is not None:
        # "called Erdogan to convey Pakistan's support".
        light = site.doc[trigger.light_verb]
        return resolver.refs(_inherited_objects(light)), recipient_toks
    return (), recipient_toks


def _fallback_recipients(
    site: _Site,
    actors: tuple[ActorRef, ...],
    actor_toks: list[Token],
    recipient_toks: list[Token],
    given: frozenset[int],
    swapped: bool,
) -> tuple[ActorRef, ...]:
    """No recipient resolved: uncoded participants, else the nearest one in the clause."""
    trigger, token = site.trigger, site.token
    # The object a trigger needs to fire says what the event is ("imposed martial law",
    # "declared a state of siege"), not whom it is aimed at; nor does what the actor itself
    # owns ("pledged his support", "at his office").
    described = frozenset(
        t.i for t in recipient_toks if trigger.spec.objects and t.head.i == token.i
    )
    described |= given | {t.i for t in recipient_toks if _owned_by(t, actors, site.resolver.index)}
    near: tuple[ActorRef, ...] = ()
    if not swapped:
        # Not the trigger, what carries it ("a round of exercises"), nor the actor.
        skip = described | {token.i, *(a.i for a in token.ancestors)}
        if trigger.spec.pos == "NOUN":  # "launched a counter-offensive": not "a counter"
            skip |= set(_word_of(token))
        skip |= {t.i for a in actor_toks for t in a.subtree}
        near = site.resolver.nearby(_own_clause(token, trigger), actors, skip)
    return site.resolver.fallback(recipient_toks, swapped, described, near, actors)


def _own_clause(token: Token, trigger: Trigger) -> list[Token]:
    """Tokens of the trigger's clause in breadth-first order, without its subject and the
    clauses it heads."""
    roots = trigger.carriers(token.doc)
    seen = {t.i for t in roots}
    order: list[Token] = []
    queue = list(roots)
    while queue:
        current = queue.pop(0)
        order.append(current)
        for child in sorted(current.children, key=lambda c: (c.i < token.i, abs(c.i - token.i))):
            if child.i in seen or child.dep_ in CLAUSE_EDGES:
                continue
            if child.dep_ == "conj" and child.pos_ in VERBAL_POS:
                continue  # "declared a curfew and sent in troops": another event
            seen.add(child.i)
            queue.append(child)
    return order


def _owned_by(thing: Token, actors: tuple[ActorRef, ...], index: MentionIndex) -> bool:
    """Whether the actor's own possessive qualifies the thing ("its troops": a state or an
    organisation is "it", and the thing it moves is its own). A named person is someone
    else, whoever's deputy ("released his deputy Jacob Zuma")."""
    if any(is_named(t) for t in (thing, *thing.children) if t is thing or t.dep_ == "appos"):
        return False
    if thing.dep_ == "dative" or (thing.dep_ == "pobj" and thing.head.lower_ == "to"):
        return False  # "returned a Bible to its owners": "its" is the Bible's
    for owner in (c for c in thing.children if c.dep_ == "poss"):
        mention = index.at(owner.i)
        if mention is not None and is_actors_own(mention.ref, actors):
            return True
        if mention is None and owner.lower_ == "its" and actors:
            return True
    return False


def _doers_of_subject(subject_toks: list[Token]) -> list[Token]:
    """'A car bombing by the Islamic State killed 75': who did what the subject names."""
    return [
        obj
        for subject in subject_toks
        if subject.dep_ in SUBJECT_DEPS and subject.pos_ == "NOUN"
        for child in subject.children
        if child.dep_ == "prep" and child.lower_ == "by"
        for obj in prep_objects(child)
    ]


def _authors(verb: Token) -> list[Token]:
    """Who acts through the document a verb describes ("put out a report accusing")."""
    document = verb.head
    if verb.dep_ not in CLAUSAL_MODIFIER_DEPS or document.lower_ not in DOCUMENTS:
        return []
    carrier = document.head
    if document.dep_ not in ("dobj", "nsubjpass", "attr") or carrier.i == document.i:
        return []
    return subjects(carrier) or [
        a for c in carrier.children if c.dep_ == "agent" for a in prep_objects(c)
    ]


def _clause_subjects(clause: Token) -> list[Token]:
    return children_with(clause, ANY_SUBJECT_DEPS)


def _inherited_objects(verb: Token) -> list[Token]:
    """'called Lavrov to discuss', 'called King Salman, discussing': whom the verb a
    trigger completes, or the call or visit it is part of, names."""
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ != "xcomp" and not (verb.dep_ == "advcl" and head.lemma_.lower() in CONTACT_VERBS):
        return []
    objects = [c for c in head.children if c.dep_ == "dobj"]
    # "sent a letter to the WHO chief threatening to pull funding": to whom it went.
    return objects + [o for c in head.children if c.dep_ == "dative" for o in _dative(c)]


def _given(token: Token, trigger: Trigger) -> frozenset[int]:
    """What a verb of giving gives when it names whom to ("returned a Bible to its
    owners"): the goal is the recipient, the object only describes the event; and the forces
    an order sends."""
    given: set[int] = set()
    if "command" in trigger.spec.flags:
        # "ordered the army to confront the ruling party": the army is sent, not targeted.
        given |= {t.i for t in sent_forces(token)}
    for verb in trigger.carriers(token.doc):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in TRANSFER_VERBS:
            continue
        children = list(verb.children)
        if any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in children):
            given |= {c.i for c in children if c.dep_ == "dobj"}
    return frozenset(given)


def _partners(
    actor_toks: list[Token], actors: tuple[ActorRef, ...], resolver: Resolver, doc: Doc
) -> tuple[ActorRef, ...]:
    """Subjects joined to the actor that resolve to no mention ("Kuwait and its gulf war
    allies", "India and MERCOSUR"), and countries joined in the subject's qualifier ("UK
    and EU negotiators", "Nigerian and British armed forces")."""
    subject_toks = [t for t in actor_toks if t.dep_ in SUBJECT_DEPS]
    joined = [m for s in subject_toks for m in s.conjuncts if not resolver.refs([m])]
    partners = list(unresolved_refs(doc, joined, named_only=False))
    sector = actors[0].sector if actors else None
    for subject in subject_toks:
        for child in subject.children:
            if child.dep_ in PHRASE_DEPS and any(c.dep_ == "cc" for c in child.children):
                mention = resolver.index.for_phrase(child)
                partners.extend(
                    (mention.ref,) if mention is not None else resolver.nationality(child, sector)
                )
    taken, codes = {a.start for a in actors}, {a.code for a in actors}
    return tuple(
        p for p in partners if p.start not in taken and (p.code is None or p.code not in codes)
    )


def _addressees(verb: Token) -> list[Token]:
    """Subjects of the clause a verb takes, also through the verb it governs ("refused to
    allow an Ethiopian plane to land")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return [
        subject
        for governing in verbs
        for clause in governing.children
        if clause.dep_ == "ccomp"
        for subject in subjects(clause)
        if subject.pos_ != "PRON"
    ]


def _takes_sides(trigger: Trigger, token: Token) -> bool:
    """Whether an event without named parties is the two sides' doing.

    Verbs ("reaching an agreement", "pledged") and nouns that are acted or described
    ("the agreement negotiated in Geneva", "talks involving ministers") are; a bare noun
    ("in the fighting") is too vague to say.
    """
    if trigger.spec.pos == "VERB" or trigger.light_verb is not None:
        return True
    return any(c.dep_ in CLAUSAL_MODIFIER_DEPS for c in token.children)


def _verb_roles(verb: Token) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            actors.append(antecedent(child))
        elif child.dep_ == "nsubjpass":
            recipients.append(antecedent(child))
        elif child.dep_ == "agent":
            actors.extend(prep_objects(child))
        elif child.dep_ in ("dobj", "iobj"):
            party = antecedent(child)
            recipients.extend([party, *_possessors(party), *_object_parties(party)])
        elif child.dep_ == "dative":
            recipients.extend(_dative(child))
        elif child.dep_ == "prep" and child.lower_ == "between":
            actors.extend(prep_objects(child))
        elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            # "called for sanctions against Moscow": whom what is asked for targets.
            objects = prep_objects(child)
            recipients.extend([*objects, *(p for o in objects for p in _object_parties(o))])
    if not actors and not any(c.dep_ == "nsubjpass" for c in verb.children):
        actors.extend(_inherited_subjects(verb))
    return actors, recipients


def _noun_roles(noun: Token, trigger: Trigger, doc: Doc) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in noun.children:
        if child.dep_ in NOUN_MODIFIER_DEPS:
            actors.append(child)
        elif child.dep_ == "prep" and (
            child.lower_ in ("by", "between")
            or (child.lower_ == "from" and trigger.event in FROM_SENDERS)
        ):
            actors.extend(prep_objects(child))
        elif child.dep_ == "prep" and (
            child.lower_ in NOUN_RECIPIENT_PREPS
            or (child.lower_ == "for" and trigger.event in FOR_RECIPIENTS)
        ):
            recipients.extend(prep_objects(child))
        elif child.dep_ in CLAUSAL_MODIFIER_DEPS:
            actors.extend(parties_of_description(child))
    done_to = _objects_of(noun, "of")
    if not actors:
        # "the expulsion of 18 diplomats by Prague": the parse hangs the doer on the nearest
        # noun, the one the act is done to.
        actors = [a for obj in done_to for a in _objects_of(obj, "by")]
    if not recipients:
        # "an investigation of Flynn", "the release of 12 prisoners": whom it is done to.
        recipients = done_to
    if trigger.light_verb is not None:
        light = doc[trigger.light_verb]
        light_actors, light_recipients = _verb_roles(light)
        word = _word_of(noun)  # "launched a counter-offensive": not "a counter"
        light_recipients = [
            t
            for t in light_recipients
            if t.i != noun.i and not t.is_ancestor(noun) and t.head.i != noun.i and t.i not in word
        ]
        if light.lemma_.lower() in RECEIVING_VERBS:
            light_actors, light_recipients = light_recipients, light_actors
        actors.extend(light_actors)
        recipients.extend(light_recipients)
    return actors, recipients


def _word_of(token: Token) -> range:
    """The token indices of the written word ``token`` is part of: tokens written together,
    none of them punctuation but a hyphen ("counter-offensive", three tokens)."""
    doc = token.doc

    def glued(i: int) -> bool:  # tokens i and i + 1 are parts of one word
        parts = (doc[i], doc[i + 1])
        return not doc[i].whitespace_ and all(t.text == "-" or not t.is_punct for t in parts)

    start, end = token.i, token.i
    while start > 0 and glued(start - 1):
        start -= 1
    while end + 1 < len(doc) and glued(end):
        end += 1
    return range(start, end + 1)


def named_doers(token: Token) -> list[Token]:
    """Whom the text names with "by" as the doer of the act ``token`` tells: on the trigger
    ("was vetoed by Russia", "an attack by rebels") or, for a noun, on what it is done to,
    where the parse hangs it ("the expulsion of 18 diplomats by Prague")."""
    doers = _objects_of(token, "by", ("prep", "agent"))
    if token.pos_ in NOUN_POS:
        doers += [d for obj in _objects_of(token, "of") for d in _objects_of(obj, "by")]
    return doers


def _objects_of(token: Token, word: str, deps: Collection[str] = ("prep",)) -> list[Token]:
    """The objects of ``token``'s preposition ``word``."""
    return [
        obj
        for child in token.children
        if child.dep_ in deps and child.lower_ == word
        for obj in prep_objects(child)
    ]


def _object_parties(noun: Token) -> list[Token]:
    """'imposed sanctions on Belarus', 'rejected a call by Venezuela', 'condemned the
    killings by Myanmar troops': who the object is aimed at, or whose doing it was."""
    parties: list[Token] = []
    for member in [noun, *noun.conjuncts]:
        # "condemned the attack on a church": the church suffered it; only "by" names
        # whose doing an act of violence was.
        preps = {"by"} if member.lemma_.lower() in VIOLENT_ACTS else OBJECT_PARTY_PREPS
        if member.lower_ in PROPOSALS:
            # "rejected the appeal of an Australian citizen", "the JIA demand".
            preps = preps | {"of", "from"}
            parties.extend(c for c in member.children if c.dep_ == "compound" and is_named(c))
        for child in member.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                parties.extend(prep_objects(child))
    return parties


def _possessors(noun: Token) -> list[Token]:
    """ "requests Russia's help": the one whose help is asked is the recipient."""
    return [c for c in noun.children if c.dep_ == "poss"]


def _dative(token: Token) -> list[Token]:
    if token.pos_ == "ADP":
        return prep_objects(token)
    return [token]


def _inherited_subjects(verb: Token) -> list[Token]:
    """Subject of a verb that has none: from its governing verb or modified noun, also
    through a preposition ("ordered an offensive after accusing the region of attacks")."""
    current = verb
    for _ in range(4):
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.i != current.i:
            current = current.head
            found = subjects(current)
            if found:
                return found
        elif _gerund_after_verb(current):
            current = current.head.head
            found = subjects(current)
            if found:
                return found
        elif current.dep_ in CLAUSAL_MODIFIER_DEPS and current.tag_ != "VBN":
            return [current.head]
        else:
            break
    return []


def _gerund_after_verb(token: Token) -> bool:
    """ "after accusing", "by shelling": a gerund that a verb's preposition governs, done by
    the verb's subject."""
    prep = token.head
    return (
        token.dep_ == "pcomp"
        and token.tag_ == "VBG"
        and prep.dep_ == "prep"
        and prep.lower_ in SUBJECT_CONTROL_PREPS
        and prep.head.i != prep.i
        and is_verb(prep.head)
    )
