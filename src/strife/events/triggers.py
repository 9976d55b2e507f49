"""Finding the words that signal an event (triggers) in a parsed sentence.

A verb trigger fires on its lemma (and particle, and required object when the lexicon asks
for one). A noun trigger ("attack", "request", "sanctions") fires too; when it is the object
of a light verb ("sent a request", "imposed sanctions", "launched an attack") the light verb
is kept, because its subject is the event's actor.

Events inside the content of a verbal event ("accused each other of attacks", "pledged not to
target civilians", "called for the release of prisoners") are not events of their own: they
are what is accused, promised or requested, and only lend their words to the mode.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from strife.events.lexicon import LEARNED_FLAG, WORDS, EventLexicon, TriggerSpec
from strife.events.markers import own_words, refine_mode
from strife.events.sequence import in_other_act
from strife.events.uses import flags_allow, ruled_out
from strife.plover import EventType
from strife.syntax import (
    AMOUNT_ENTITIES,
    CLAUSAL_MODIFIER_DEPS,
    COMPLEMENT_DEPS,
    EVENT_CONTENT_DEPS,
    NOUN_POS,
    PLACE_ENTITIES,
    TIME_ENTITIES,
    VERB_POS,
    clause_verb,
    coordinated_apart,
    is_infinitive,
    is_verb,
    with_conjuncts,
)

# The words are in data/events/words.json, each list with why it is there.
LIGHT_VERBS = WORDS["light_verbs"]
CARRYING_VERBS = WORDS["carrying_verbs"]
CARRYING_PREPS = WORDS["carrying_preps"]
AMOUNTS = WORDS["amounts"]
RECEIVING_VERBS = WORDS["receiving_verbs"]
CONTENT_PREPS = WORDS["content_preps"]
CIRCUMSTANCE_PREPS = WORDS["circumstance_preps"]
STATEMENT_VERBS = WORDS["statement_verbs"]
LABOUR_WORDS = WORDS["labour_words"]
LABOUR_MODIFIERS = WORDS["labour_modifiers"]
RELATION_PARTICIPLES = WORDS["relation_participles"]
ASPECTUAL_VERBS = WORDS["aspectual_verbs"]
# An object word of a lexicon row that stands for any object named as a place ("entered
# Goma", "captured Raqqa"), beside the place nouns the row lists.
PLACE_OBJECT = "@place"
# An object word of a lexicon row that stands for any act of force or coercion its clause
# complement names ("vowed to shoot down the missiles", "vowed to wage a guerrilla war"):
# a promise of such an act is a threat (PLOVER), whichever verb names it.
HARM_OBJECT = "to @harm"
HARMS: frozenset[EventType] = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# Verbal event types whose complement is content, not a separate event.
CONTENT_TAKING: frozenset[EventType] = frozenset(
    {"REQUEST", "ACCUSE", "REJECT", "AGREE", "THREATEN", "SUPPORT"}
)
# What an order to forces may send them to do and still be their deployment ("ordered the
# army to help the police"); any other act it orders is the event itself.
DEPLOYMENT_PURPOSES: frozenset[EventType] = frozenset({"MOBILIZE", "AID", "SUPPORT", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger token (``token``, doc index), its lexicon entry and the evidence span
    (token indices [token_start, token_end))."""

    token: int
    spec: TriggerSpec
    token_start: int
    token_end: int
    light_verb: int | None = None
    # Triggers of the same event below this one ("killed when gunmen opened fire").
    absorbed: tuple[Trigger, ...] = ()

    @property
    def event(self) -> EventType | None:
        return self.spec.event

    def carriers(self, doc: Doc) -> list[Token]:
        """The trigger's token and the light verb that carries it, if any ("sent a
        request")."""
        token = doc[self.token]
        return [token] if self.light_verb is None else [token, doc[self.light_verb]]


def find_triggers(
    sent: Span,
    lexicon: EventLexicon,
    inside_names: frozenset[int] = frozenset(),
    learned: frozenset[str] = frozenset(),
    statements: bool = False,
    places: frozenset[int] = frozenset(),
) -> list[Trigger]:
    """All triggers in ``sent``, without the ones that are content of another event.

    ``inside_names`` are tokens of multi-word names ("Organization for Security and
    Cooperation in Europe"), which are never triggers. ``learned`` are verb lemmas that
    head events in the typer's training data (the model's ``predicates.txt``): a verb the
    lexicon does not know but that is one of them is an untyped trigger (event None),
    for the model to type or turn down, unless a typed verb trigger is in
    its subtree or above it (the typed one says more; an event noun it carries does not:
    "cancelled a visit", nor one in a relative clause: "returned antiquities that were
    seized", nor one that tells an act days apart: "Jalalabad was taken, a day after the
    insurgents captured Mazar-i-Sharif"). With ``statements``, a verb of saying with no
    event reported in what it says is an untyped trigger too ("said Taliban militants were
    responsible").
    ``places`` are the tokens of the sentence's toponyms, which a row's PLACE_OBJECT
    accepts as objects ("swept into Aleppo") beside the parser's place entities.
    """
    found: list[Trigger] = []
    for token in sent:
        if token.i in inside_names:
            continue
        spec = _match(token, lexicon, places)
        if spec is None and is_verb(token) and token.lemma_.lower() in learned:
            spec = None if ruled_out(token, lexicon) else _untyped(token.lemma_.lower())
        elif spec is None and statements and _is_statement(token):
            spec = _untyped(token.lemma_.lower(), "speech")
        # Whether the word describes who someone is: asked of the few words that match,
        # as it walks up the parse.
        if spec is not None and not _tells_who_of(token):
            found.append(_trigger(token, spec))
    kept = _merge_same_event(_drop_content_events(_drop_acted_on(found, sent), sent), sent, lexicon)
    kept = _orders_or_acts(_drop_circumstances(kept, sent), sent, lexicon)
    return _without_related_untyped(kept, sent)


def _untyped(lemma: str, *flags: str) -> TriggerSpec:
    return TriggerSpec(
        lemma, None, "VERB", None, None, frozenset(), frozenset({LEARNED_FLAG, *flags})
    )


def _is_statement(token: Token) -> bool:
    """'the government said Taliban militants were responsible', 'the EU says Venezuela must
    hold elections': a statement about another party, an event of its own when no event is
    reported in it (PLV codes them as accusations, demands, rejections)."""
    return (
        is_verb(token)
        and token.lemma_.lower() in STATEMENT_VERBS
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def _without_related_untyped(triggers: list[Trigger], sent: Span) -> list[Trigger]:
    doc = sent.doc
    typed = [
        doc[t.token]
        for t in triggers
        if t.event is not None and (t.spec.pos == "VERB" or t.light_verb is not None)
    ]

    def related(token: Token) -> bool:
        return any(
            (other.is_ancestor(token) and not in_other_act(other, token, days_apart=True))
            or (
                token.is_ancestor(other)
                and not _describes(other, token)
                and not in_other_act(token, other, days_apart=True)
            )
            for other in typed
        )

    return [t for t in triggers if t.event is not None or not related(doc[t.token])]


def _own_mode(doc: Doc, trigger: Trigger, lexicon: EventLexicon) -> str | None:
    """The mode the trigger's row gives, or that its own words cue ("bombed": explosives,
    "warplanes bombed": aerial, "banned rallies": restrict), not the verbs joined to it."""
    if trigger.event is None:
        return trigger.spec.mode
    return refine_mode(trigger.event, trigger.spec.mode, own_words(doc[trigger.token]), lexicon)


def _describes(inner: Token, outer: Token) -> bool:
    """Whether ``inner`` sits in a relative clause below ``outer`` ("returned antiquities to
    the government of Iraq that were seized"): it describes a participant, another event."""
    current = inner
    while current.i != outer.i and current.head.i != current.i:
        if current.dep_ in CLAUSAL_MODIFIER_DEPS:
            return True
        current = current.head
    return False


def _match(token: Token, lexicon: EventLexicon, places: frozenset[int]) -> TriggerSpec | None:
    # "the confiscated songbirds", "the besieged town": a participle that only describes a
    # noun reports no event of this sentence.
    if is_verb(token) and token.dep_ != "amod":
        for spec in lexicon.lookup(token.lemma_, "VERB"):
            if (
                _particle_ok(token, spec)
                and _objects_ok(token, spec, places, lexicon)
                and flags_allow(token, spec)
            ):
                return spec
    if _is_noun(token) and token.ent_type_ not in TIME_ENTITIES:
        modifiers = {c.lemma_.lower() for c in token.children}
        specs = tuple(
            spec
            for spec in lexicon.lookup(token.lemma_, "NOUN")
            if (not spec.objects or spec.objects & modifiers) and flags_allow(token, spec)
        )
        if len(specs) > 1:
            return _pick_noun_sense(token, specs)
        return specs[0] if specs else None
    return None


def _is_noun(token: Token) -> bool:
    """A noun, or an adjective the parse puts in a noun's place, the object of a verb or a
    preposition ("launched a counter-offensive": 'offensive' tagged JJ after the hyphen)."""
    return token.pos_ in NOUN_POS or (token.pos_ == "ADJ" and token.dep_ in ("dobj", "pobj"))


def _particle_ok(token: Token, spec: TriggerSpec) -> bool:
    if spec.particle is None:
        return True
    return any(
        child.lower_ == spec.particle and child.dep_ in ("prt", "prep", "advmod")
        for child in token.children
    )


def tells_who(verb: Token) -> bool:
    """ "rebels backed by Rwanda", "the Houthis, who are backed by Iran": a standing
    relation describing a noun, which tells who it is rather than what happened."""
    return (
        verb.dep_ in CLAUSAL_MODIFIER_DEPS
        and verb.tag_ in ("VBN", "VBG")
        and verb.lemma_.lower() in RELATION_PARTICIPLES
    )


def _tells_who_of(token: Token) -> bool:
    """The word is, or lies in, a description of who someone is ("rebels backed by Rwanda",
    "forces, backed by US air support,"): the nearest verb at or above it tells who."""
    verb = clause_verb(token)
    return verb is not None and tells_who(verb)


def _objects_ok(
    token: Token, spec: TriggerSpec, places: frozenset[int], lexicon: EventLexicon
) -> bool:
    if not spec.objects:
        return True
    if "command" in spec.flags:  # "ordered the army to ...", not "ordered the arrest of"
        named = [m for f in sent_forces(token) for m in with_conjuncts(f)]
        return any({m.lemma_.lower(), m.lower_} & spec.objects for m in named)
    if spec.objects & set(object_words(token, places)):
        return True
    return HARM_OBJECT in spec.objects and _names_harm(token, lexicon, places)


def _names_harm(verb: Token, lexicon: EventLexicon, places: frozenset[int]) -> bool:
    """The verb's clause complement, not negated, is an act of force or coercion (a verb,
    or an event noun it carries: "to shoot down", "to wage a war", "to keep fighting"), as
    the lexicon's rows for that word say, with their own conditions."""
    for act in _complement_verbs(verb):
        if any(c.dep_ == "neg" for c in act.children):
            continue
        words = [act, *(c for c in act.children if c.dep_ == "dobj")]
        for word in words:
            spec = _match(word, lexicon, places)
            if spec is not None and spec.event in HARMS:
                return True
    return False


def _complement_verbs(verb: Token) -> list[Token]:
    """The verbs of the clause complements of ``verb``, through an aspectual verb ("vowed to
    keep fighting": fighting)."""
    out = []
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS and is_verb(child):
            out.append(child)
            if child.lemma_.lower() in ASPECTUAL_VERBS:
                out += [g for g in child.children if g.dep_ in COMPLEMENT_DEPS and is_verb(g)]
    return out


def sent_forces(verb: Token) -> list[Token]:
    """The forces an order to forces (flag "command") sends: its direct objects ("ordered
    the army to deploy"). They are its means, never its recipient."""
    return [child for child in verb.children if child.dep_ == "dobj"]


def _is_time(prep: Token) -> bool:
    """'called Bashir on Saturday': a preposition of time says nothing of the event."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in TIME_ENTITIES for o in objects)


def _object_and_of(obj: Token, places: frozenset[int]) -> Iterable[str]:
    yield from _object_word(obj, places)
    yield from (c.lower_ for c in obj.children if c.dep_ == "compound")
    # "declared a state of emergency": what the object is a state of; "provided $40
    # million for assistance": what an amount is for.
    amount = obj.like_num or obj.ent_type_ in AMOUNT_ENTITIES
    preps = ("of", "for") if amount else ("of",)
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for grand in prep.children:
                if grand.dep_ == "pobj":  # "thousands of soldiers", "the centre of Goma"
                    yield from _object_word(grand, places)


def _object_word(obj: Token, places: frozenset[int]) -> Iterable[str]:
    """An object's lemma and form, and PLACE_OBJECT when it is a place's name."""
    yield from (obj.lemma_.lower(), obj.lower_)
    if _is_place(obj, places):
        yield PLACE_OBJECT


def _is_place(token: Token, places: frozenset[int]) -> bool:
    return token.i in places or token.ent_type_ in PLACE_ENTITIES


def object_words(token: Token, places: frozenset[int] = frozenset()) -> Iterable[str]:
    """Lemmas and forms of a verb's objects, prepositions and their objects (PLACE_OBJECT
    for an object that is one of ``places`` or a place entity)."""
    if token.dep_ in CLAUSAL_MODIFIER_DEPS:  # "the pact that was signed": the pact is the object
        yield from (token.head.lemma_.lower(), token.head.lower_)
    for child in token.children:
        if child.dep_ in COMPLEMENT_DEPS:
            yield child.dep_
            if child.pos_ == "ADJ":  # "found the regime guilty"
                yield child.lemma_.lower()
            # "declared a state of siege to begin at midnight": the parse makes the object
            # the subject of what follows.
            for subject in child.children:
                if subject.dep_ == "nsubj":
                    yield from _object_and_of(subject, places)
        if child.dep_ in ("dobj", "dative", "attr", "nsubjpass", "oprd"):
            yield from _object_and_of(child, places)
        elif child.dep_ in ("prep", "prt", "agent") and not _is_time(child):
            yield child.lower_
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    yield from _object_word(grand, places)
    # "vowed to retaliate", "vowed Israel would be punished", "vowed to keep fighting"
    yield from (f"to {verb.lemma_.lower()}" for verb in _complement_verbs(token))


def _pick_noun_sense(token: Token, specs: tuple[TriggerSpec, ...]) -> TriggerSpec:
    """Choose between senses of an ambiguous noun ("strike": labour or military); a sense
    its modifiers select ("a scathing attack") comes first."""
    for spec in specs:
        if spec.objects:
            return spec
    own = {child.lower_ for child in token.children}
    # "a general strike", "a hunger strike": as its own modifiers only ("charged a Russian
    # general with ordering strikes"); "employees ... staging a sit-in strike": anywhere.
    labour = own & LABOUR_MODIFIERS or {tok.lower_ for tok in token.sent} & LABOUR_WORDS
    for spec in specs:
        if "labour" in spec.flags and labour:
            return spec
    for spec in specs:
        if "labour" not in spec.flags:
            return spec
    return specs[0]


def _trigger(token: Token, spec: TriggerSpec) -> Trigger:
    start, end = token.i, token.i + 1
    light = _light_verb(token) if spec.pos == "NOUN" else None
    if light is not None:
        start, end = min(start, light), max(end, light + 1)
    for child in token.children:
        if child.dep_ in ("prt", "compound", "amod") and abs(child.i - token.i) <= 2:
            start, end = min(start, child.i), max(end, child.i + 1)
        if spec.particle and child.lower_ == spec.particle:
            # "came under artillery fire": the object a row asks for is part of the trigger;
            # "broke through a gate of the headquarters": a bare particle ends it.
            bare = child.dep_ == "prep" and not spec.objects
            last = child.i + 1 if bare else _span_end(child)
            start, end = min(start, child.i), max(end, last)
    return Trigger(token=token.i, spec=spec, token_start=start, token_end=end, light_verb=light)


def _light_verb(noun: Token) -> int | None:
    """The verb that carries a noun trigger: "sent a request", "came under fire", and
    deeper in its object "provided $2 million in assistance", "went on strike", "launched a
    mediation effort"; a noun joined to another shares its verb ("expressed its rejection and
    condemnation")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "pobj") and head.i != noun.i:
        lemma = head.lemma_.lower()
        if lemma in LIGHT_VERBS or lemma in RECEIVING_VERBS:
            return head.i
        if head.dep_ == "prep" and head.head.lemma_.lower() in ("come", "be"):
            return head.head.i  # "came under fire"
    current = noun
    for _ in range(4):
        if current.head.i == current.i or not _carried(current):
            return None
        current = current.head
        if current.pos_ in VERB_POS:
            lemma = current.lemma_.lower()
            carrying = LIGHT_VERBS | RECEIVING_VERBS | CARRYING_VERBS
            return current.i if lemma in carrying else None
    return None


def _carried(token: Token) -> bool:
    if token.dep_ == "pobj":
        # "launched a new wave of airstrikes", "began a round of joint exercises".
        of_amount = token.head.lower_ == "of" and token.head.head.lemma_.lower() in AMOUNTS
        return token.head.lower_ in CARRYING_PREPS or of_amount
    return token.dep_ in ("prep", "dobj", "compound")


def _span_end(token: Token) -> int:
    return max(t.i for t in token.subtree) + 1


def _drop_acted_on(triggers: list[Trigger], sent: Span) -> list[Trigger]:
    """Remove noun triggers that a verb trigger acts on and needs to fire: "lifted the
    sanctions", "called off the strike" are concessions, not sanctions or strikes."""
    doc = sent.doc
    acted_on: set[int] = set()
    for trig in triggers:
        if trig.spec.pos != "VERB" or not trig.spec.objects:
            continue
        for child in doc[trig.token].children:
            if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in trig.spec.objects:
                acted_on.add(child.i)
    return [t for t in triggers if t.spec.pos != "NOUN" or t.token not in acted_on]


def _drop_circumstances(triggers: list[Trigger], sent: Span) -> list[Trigger]:
    """Remove a noun trigger that says why or when a verb trigger's act was done ("shot
    protesters during demonstrations", "expelled diplomats over the killings"): the
    circumstance of that event, told without a doer of its own, whose doer the parse would
    otherwise take from the verb's subject."""
    doc = sent.doc
    verbs = {t.token for t in triggers if t.spec.pos == "VERB"}
    return [t for t in triggers if not _is_circumstance(doc[t.token], verbs)]


def _is_circumstance(token: Token, verbs: set[int]) -> bool:
    if token.pos_ not in NOUN_POS or token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in CIRCUMSTANCE_PREPS and prep.head.i in verbs


def _orders_or_acts(triggers: list[Trigger], sent: Span, lexicon: EventLexicon) -> list[Trigger]:
    """An order to forces (flag "command") and the act it orders them to do: the act where
    the lexicon knows its verb as one of force or a withdrawal, fired or not ("ordered
    troops to withdraw", "ordered US forces to leave by the spring"), else the order, a
    deployment, and the act only says what for ("ordered the army to help the police",
    "to confront the ruling party"; "to deploy" was merged into it, :func:`_merge_same_event`)."""
    doc = sent.doc
    dropped: set[int] = set()
    for trig in triggers:
        if "command" not in trig.spec.flags:
            continue
        verbs = [c for c in doc[trig.token].children if c.dep_ in COMPLEMENT_DEPS]
        ordered = {t.i for verb in verbs for t in verb.subtree}
        acts = [t for t in triggers if t.token in ordered and t.event is not None]
        kinds = {t.event for t in acts}
        kinds |= {spec.event for verb in verbs for spec in lexicon.lookup(verb.lemma_, "VERB")}
        if kinds - DEPLOYMENT_PURPOSES - {None}:
            dropped.add(trig.token)
        else:
            dropped.update(t.token for t in acts)
    return [t for t in triggers if t.token not in dropped]


def _drop_content_events(triggers: list[Trigger], sent: Span) -> list[Trigger]:
    """Remove triggers inside the content clause of a content-taking verbal trigger."""
    doc = sent.doc
    content: set[int] = set()
    for trig in triggers:
        if trig.event not in CONTENT_TAKING:
            continue
        anchor = doc[trig.token]
        for child in anchor.children:
            if child.dep_ in EVENT_CONTENT_DEPS and _is_content(child):
                content.update(t.i for t in child.subtree)
    return [t for t in triggers if t.token not in content]


def _is_content(token: Token) -> bool:
    """Whether a dependent says what is requested, promised or alleged.

    Prepositions other than "of", "for", "about", "over" name participants, places and
    times; objects naming who receives the event are arguments; a participle describing a
    noun ("the agreement negotiated in Geneva") is an event of its own; an infinitive
    ("the agreement to cease shelling") is content.
    """
    if token.dep_ == "prep":
        return token.lower_ in CONTENT_PREPS
    if token.dep_ == "dobj":
        return token.pos_ not in ("PROPN", "PRON")
    if token.dep_ == "acl":
        return is_infinitive(token)
    return True


def _merge_same_event(triggers: list[Trigger], sent: Span, lexicon: EventLexicon) -> list[Trigger]:
    """One event when a trigger sits in the subtree of another of the same type.

    "were wounded in attacks on the city" is one ASSAULT; the outer trigger is kept, since it
    carries the voice, and the inner ones are remembered: "12 people were killed when soldiers
    opened fire" takes its actor from the inner "opened fire".
    """
    doc = sent.doc

    def within(outer: Trigger, inner: Trigger) -> bool:
        return (
            inner.token != outer.token
            and inner.event == outer.event is not None
            and doc[outer.token].is_ancestor(doc[inner.token])
            and not coordinated_apart(doc[outer.token], doc[inner.token])
            and not _other_act_joined(doc, outer, inner, lexicon)
            and not in_other_act(doc[outer.token], doc[inner.token])
        )

    kept: list[Trigger] = []
    for trig in triggers:
        if any(within(other, trig) for other in triggers):
            continue
        inner = tuple(other for other in triggers if within(trig, other))
        kept.append(replace(trig, absorbed=inner) if inner else trig)
    return kept


def _other_act_joined(doc: Doc, outer: Trigger, inner: Trigger, lexicon: EventLexicon) -> bool:
    """ "suspended a treaty and expelled advisers": coordinated verbs (``inner`` a conjunct,
    at any depth, of ``outer``) whose own modes differ tell two acts of one doer; "killed 26
    and wounded 17" stays one attack."""
    modes = (_own_mode(doc, outer, lexicon), _own_mode(doc, inner, lexicon))
    if None in modes or modes[0] == modes[1]:
        return False
    current = doc[inner.token]
    while current.i != outer.token:
        if current.dep_ != "conj":
            return False
        current = current.head
    return True
