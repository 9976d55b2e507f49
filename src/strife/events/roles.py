"""Who fills the roles: the learned ranker over a candidate's possible participants.

The role rules of :mod:`strife.events.arguments` give each candidate an actor and a
recipient. The ranker then reads every possible participant of the sentence (each actor
mention in it and each party the rules chose) for each role, as named features: the
dependency path from it to the trigger, the preposition it hangs from, voice, side and
distance, whether it owns or modifies the trigger noun, its coding and sector, the
candidate's type, and which role the rules gave it, if any. A logistic regression
(:mod:`strife.events.linear`, trained by ``train/train_roles.py`` on the actor and recipient
spans of the evaluation suite's development parts) gives each the probability of filling
the role. Per role, the most probable participant takes it when its probability reaches the
model's threshold; below it the ranker abstains and the rules' choice stands. The passive
subject of a material act's trigger verb ("two soldiers were killed") is never the ranker's
actor.

Nothing is loaded at import time: :meth:`RoleRanker.load` reads the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from spacy.tokens import Span, Token

from strife.datafiles import data_file
from strife.events.arguments import Arguments, named_doers
from strife.events.lexicon import SWAPPING_FLAGS, WORDS
from strife.events.linear import LinearModel
from strife.events.references import SPEECH_LEMMAS
from strife.events.sequence import enclosing_other_act
from strife.events.triggers import sent_forces, tells_who
from strife.events.typer import Candidate, TypeChoice
from strife.plover import MATERIAL_CONFLICT, MATERIAL_COOPERATION, QUAD
from strife.records import ActorMention, ActorRef
from strife.syntax import (
    NOUN_MODIFIER_DEPS,
    NOUN_POS,
    SUBJECT_DEPS,
    coordinated_apart,
    is_passive,
    prep_objects,
    relative_pronoun,
    subjects,
)

MODEL_FILE = "roles.onnx"
WHAT = "the role ranker"
ROLES = ("actor", "recipient")
MAX_PATH = 4
# Prepositions that say where a party is ("the U.N. mission in Libya").
LOCATING_PREPS = frozenset({"in", "inside"})
MATERIAL_QUADS = frozenset({MATERIAL_COOPERATION, MATERIAL_CONFLICT})
GETTING_VERBS = frozenset(WORDS["getting_verbs"])
# What the subject does itself when it takes something in: letting observers in or giving
# up ("received a mission of observers from the OSCE", "accepted demands from rebels").
TAKEN_IN = frozenset({"RETREAT", "CONCEDE"})


class RoleAssigner(Protocol):
    """Gives a typed candidate its actor and recipient, from ``options``."""

    def assign(
        self,
        sent: Span,
        candidate: Candidate,
        choice: TypeChoice,
        options: Sequence[ActorRef],
    ) -> Arguments: ...


def default_model_dir() -> Path:
    return data_file("models", "roles")


def role_options(
    sent: Span, candidate: Candidate, mentions: Sequence[ActorMention], excluded: frozenset[int]
) -> list[ActorRef]:
    """The parties the rules chose and every actor mention of the sentence (not in
    ``excluded``, the dateline), each span once, in text order. A mention that says what the
    trigger's clause reports ("Stepanyan said civilians were wounded") is not one unless the
    rules chose it ("Russia says it will send"): it is the claimant (:mod:`strife.claims`).
    Nor are the forces an order sends ("ordered the army to deploy"), nor, for an act told
    before or after another, the parties of the clause it is told against, nor a place
    that only says where another mention's party is ("the U.N. mission in Libya")."""
    args = candidate.args
    found: dict[tuple[int, int], ActorRef] = {}
    for ref in (*args.actors, *args.recipients):
        found.setdefault((ref.start, ref.end), ref)
    anchor = _anchor(sent, candidate)
    # An act told before or after another takes no party from the clause it is told
    # against ("Iraq complained to the UN, after Iran fired missiles at Erbil").
    told = enclosing_other_act(anchor)
    named = {
        i
        for m in mentions
        if sent.start <= m.token_start < sent.end
        for i in range(m.token_start, m.token_end)
    }
    for mention in mentions:
        if not sent.start <= mention.token_start < sent.end or mention.token_start in excluded:
            continue
        head = sent.doc[mention.token_start : mention.token_end].root
        if _is_speaker(head, anchor) or coordinated_apart(head, anchor):
            continue
        if told is not None and not (told.i == head.i or told.is_ancestor(head)):
            continue
        if _only_locates(head, named):
            continue
        if _sent_forces(head, anchor, candidate):
            continue
        if not _describes_another(head, anchor):
            found.setdefault((mention.ref.start, mention.ref.end), mention.ref)
    return [found[key] for key in sorted(found)]


def _only_locates(head: Token, named: set[int]) -> bool:
    """ "The U.N. mission in Libya called for", "Russian troops in Syria attacked": where a
    doer named by another mention ("U.N.", "Russian") is; no party itself. (Where the
    phrase is what is acted on, "attacked US troops in Syria", the place may stand for
    the target.)"""
    if head.dep_ != "pobj" or head.head.lower_ not in LOCATING_PREPS:
        return False
    noun = head.head.head
    return (
        noun.dep_ in SUBJECT_DEPS
        and noun.pos_ in NOUN_POS
        and any(c.dep_ in NOUN_MODIFIER_DEPS and c.i in named for c in noun.children)
    )


def _sent_forces(head: Token, anchor: Token, candidate: Candidate) -> bool:
    """``head`` is the forces an order sends ("ordered the army to deploy"): no party."""
    command = "command" in candidate.trigger.spec.flags
    return command and any(f.i == head.i for f in sent_forces(anchor))


def _describes_another(head: Token, anchor: Token) -> bool:
    """ "Rebels supported by Turkey seized the town": Turkey only tells who the rebels
    are; it takes no part in the seizure."""
    for above in head.ancestors:
        if tells_who(above):
            return not (above.i == anchor.i or above.is_ancestor(anchor))
    return False


class RoleRanker:
    """The trained ranker: per role, the most probable option at or above the threshold."""

    def __init__(self, model: LinearModel) -> None:
        self._model = model
        self.threshold = model.threshold

    @classmethod
    def load(cls, model_dir: Path | None = None) -> RoleRanker:
        """Read ``roles.onnx`` and ``features.json`` from ``model_dir`` (the shipped model
        by default); :class:`ModelError` when either is unusable."""
        return cls(LinearModel.load(model_dir or default_model_dir(), MODEL_FILE, WHAT))

    def assign(
        self,
        sent: Span,
        candidate: Candidate,
        choice: TypeChoice,
        options: Sequence[ActorRef],
    ) -> Arguments:
        args = candidate.args
        if not options or args.reciprocal:
            return args  # "each other": both directions are the rules' to build
        given = _given(sent, candidate, choice, options)
        if given is not None:
            return replace(args, actors=given[0], recipients=given[1])
        rows = [
            option_features(sent, candidate, choice, option, role)
            for role in ROLES
            for option in options
        ]
        probabilities = [float(p) for p in self._model.probabilities(rows)]
        n = len(options)
        sufferers = tuple(o for o in options if _suffers(sent, candidate, choice, o))
        if any(_named_doer(sent, candidate, a) for a in args.actors):
            actors = args.actors  # "the expulsion of diplomats by Prague": the text says who
        else:
            actors = self._pick(options, probabilities[:n], args.actors, (), sufferers)
        means = tuple(o for o in options if _moved(sent, candidate, o, actors))
        ruled = tuple(r for r in args.recipients if not _among(r, means))
        recipients = self._pick(options, probabilities[n:], ruled, actors, means)
        return replace(args, actors=actors, recipients=recipients)

    def _pick(
        self,
        options: Sequence[ActorRef],
        probabilities: Sequence[float],
        ruled: tuple[ActorRef, ...],
        taken: tuple[ActorRef, ...],
        barred: tuple[ActorRef, ...] = (),
    ) -> tuple[ActorRef, ...]:
        spans = {(r.start, r.end) for r in taken}
        unfit = spans | {(r.start, r.end) for r in barred}
        ranked = sorted(
            (i for i, o in enumerate(options) if (o.start, o.end) not in unfit),
            key=lambda i: -probabilities[i],
        )
        if not ranked or probabilities[ranked[0]] < self.threshold:
            return tuple(r for r in ruled if (r.start, r.end) not in spans)  # abstains
        best = options[ranked[0]]
        if any((r.start, r.end) == (best.start, best.end) for r in ruled):
            return tuple(r for r in ruled if (r.start, r.end) not in spans)  # the rules agree
        return (best,)


def option_features(
    sent: Span, candidate: Candidate, choice: TypeChoice, option: ActorRef, role: str
) -> list[str]:
    """The named features of ``option`` filling ``role`` of ``candidate``, each prefixed
    with the role ("actor:path=nsubj<")."""
    doc = sent.doc
    trigger = candidate.trigger
    anchor = _anchor(sent, candidate)
    args = candidate.args
    ruled = (
        "actor"
        if _among(option, args.actors)
        else "recipient"
        if _among(option, args.recipients)
        else "none"
    )
    out = [
        "bias",
        f"rule={ruled}",
        f"type={choice.event}",
        f"quad={QUAD[choice.event]}",
        f"rule={ruled}+quad={QUAD[choice.event]}",
        f"coded={option.code is not None}",
        f"sector={option.sector or '-'}",
        f"trigger_pos={doc[trigger.token].pos_}",
    ]
    head = _head(sent, option)
    if head is None:
        out.append("outside")
    else:
        out += _parse_features(head, doc[trigger.token], anchor, ruled, QUAD[choice.event])
    return [f"{role}:{name}" for name in out]


def _parse_features(head: Token, token: Token, anchor: Token, ruled: str, quad: int) -> list[str]:
    path = _path(head, anchor)
    dep = _clause_dep(head, anchor)
    out = [
        f"path={path}",
        f"path={path}+rule={ruled}",
        f"dep={dep}",
        f"side={'before' if head.i < anchor.i else 'after'}",
        f"distance={_bucket(abs(head.i - anchor.i))}",
    ]
    if head.dep_ == "pobj":
        out.append(f"prep={head.head.lower_}")
        out.append(f"prep={head.head.lower_}+head_pos={head.head.head.pos_}")
        # "an explosion at a hospital" against "an attack by rebels": the same path.
        out.append(f"path={path}+prep={head.head.lower_}")
    if is_passive(anchor):
        out.append("passive")
        out.append(f"passive+dep={dep}")
    if head.head.i == token.i and head.dep_ in NOUN_MODIFIER_DEPS:
        out.append(f"modifies_trigger={head.dep_}")
    if head.i in {t.i for t in anchor.subtree}:
        out.append("in_subtree")
    if _is_speaker(head, anchor):
        # Chosen by the rules ("Russia says it will"): the actor of what it says (a
        # demand, an accusation) more often than of what it reports (an attack).
        out += ["speaker", f"speaker+quad={quad}"]
    return out


def _clause_dep(head: Token, anchor: Token) -> str:
    """How the option stands in the trigger's clause: its own dependency label, or, for the
    noun a relative clause describes, the label of the pronoun that stands for it there
    ("the Christians, who were targeted by Isis": nsubjpass, not their place in the main
    clause)."""
    pronoun = relative_pronoun(anchor) if anchor.head.i == head.i else None
    return pronoun.dep_ if pronoun is not None else head.dep_


def _anchor(sent: Span, candidate: Candidate) -> Token:
    """The trigger's word, or the light verb that carries it ("sent a request")."""
    trigger = candidate.trigger
    return sent.doc[trigger.light_verb if trigger.light_verb is not None else trigger.token]


def _suffers(sent: Span, candidate: Candidate, choice: TypeChoice, option: ActorRef) -> bool:
    """``option`` is the passive subject of a material act's trigger verb ("two soldiers were
    killed", "the hospitals were bombed", "were detained"), or what that subject is made of
    ("a convoy of vehicles was ambushed"): the one it was done to, never the one who did it.
    Not for verbal events, whose participle may state the subject's own stance ("is
    committed to reform", "is opposed to an offensive"), nor where the trigger's roles are
    swapped ("was hosted by")."""
    trigger = candidate.trigger
    if QUAD[choice.event] not in MATERIAL_QUADS or trigger.spec.flags & SWAPPING_FLAGS:
        return False
    head = _head(sent, option)
    while head is not None and head.head.i != head.i:
        if head.dep_ == "conj":
            head = head.head
        elif _of_noun(head):
            head = head.head.head  # "a convoy of vehicles was ambushed": the vehicles too
        else:
            break
    return head is not None and head.dep_ == "nsubjpass" and head.head.i == trigger.token


def _given(
    sent: Span, candidate: Candidate, choice: TypeChoice, options: Sequence[ActorRef]
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]] | None:
    """ "Ukraine received its first F-16 jets from Denmark and the Netherlands": the parties
    named with "from" after a verb of getting (``getting_verbs``) gave it and are the
    actors; the subject that got it is the recipient. None where no option is so named,
    or where taking something in is the subject's own act (``TAKEN_IN``)."""
    anchor = _anchor(sent, candidate)
    if anchor.lemma_.lower() not in GETTING_VERBS or choice.event in TAKEN_IN:
        return None
    # "from" on the verb or on what was got ("received an invitation from Putin").
    carriers = [anchor, *(c for c in anchor.children if c.dep_ == "dobj")]
    froms = [c for t in carriers for c in t.children if c.dep_ == "prep" and c.lower_ == "from"]
    givers = {t.i for prep in froms for o in prep_objects(prep) for t in (o, *o.conjuncts)}
    getters = {t.i for s in subjects(anchor) for t in (s, *s.conjuncts)}
    heads = [(o, _head(sent, o)) for o in options]
    actors = tuple(o for o, h in heads if h is not None and h.i in givers)
    if not actors:
        return None
    return actors, tuple(o for o, h in heads if h is not None and h.i in getters)


def _moved(sent: Span, candidate: Candidate, option: ActorRef, actors: Sequence[ActorRef]) -> bool:
    """``option`` is what the actor deploys, sends or withdraws: the direct object of a
    mobilisation or withdrawal with no country but the actor's and no owner but the actor
    ("will pull its troops out of Niger", "withdrew his ambassador", "sent 10,000 soldiers
    to the frontier with Belarus"). It is the act's means; whom the act is aimed at is
    elsewhere (Niger, Belarus). Not what is released or disarmed: those are its
    recipients."""
    spec = candidate.trigger.spec
    if not (spec.event == "MOBILIZE" or (spec.event == "RETREAT" and spec.mode == "withdraw")):
        return False
    head = _head(sent, option)
    anchor = _anchor(sent, candidate)
    if head is None or head.dep_ != "dobj" or head.head.i != anchor.i or not actors:
        return False
    if option.code is not None and option.code not in {a.code for a in actors}:
        return False  # "its troops from Iraq" is read as Iraq's: where they leave
    return all(
        o.pos_ == "PRON" or any(a.start < o.idx + len(o) and o.idx < a.end for a in actors)
        for o in head.children
        if o.dep_ == "poss"
    )


def _of_noun(token: Token) -> bool:
    """The object of a preposition that hangs on a noun ("of vehicles" in "a convoy of
    vehicles")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in NOUN_POS


def _named_doer(sent: Span, candidate: Candidate, option: ActorRef) -> bool:
    """``option`` is a doer the text names with "by" (:func:`named_doers`: "was shelled by
    rebels", "the expulsion of 18 diplomats by Prague"). Not where the trigger's roles are
    swapped ("was hosted by")."""
    trigger = candidate.trigger
    head = _head(sent, option)
    if head is None or trigger.spec.flags & SWAPPING_FLAGS:
        return False
    return any(d.i == head.i for d in named_doers(sent.doc[trigger.token]))


def _is_speaker(head: Token, anchor: Token) -> bool:
    """``head`` is the subject of a verb of saying above ``anchor``."""
    verb = head.head
    return (
        head.dep_ in SUBJECT_DEPS
        and verb.lemma_.lower() in SPEECH_LEMMAS
        and verb.i != anchor.i
        and anchor.i in {t.i for t in verb.subtree}
    )


def _head(sent: Span, option: ActorRef) -> Token | None:
    doc = sent.doc
    span = doc.char_span(option.start, option.end, alignment_mode="expand")
    if span is None or not len(span) or not sent.start <= span.start < sent.end:
        return None
    return span.root


def _path(head: Token, anchor: Token) -> str:
    """Dependency labels from ``head`` up to the lowest common ancestor ("<" each) and
    down to ``anchor`` (">" each); "far" when longer than MAX_PATH."""
    up: list[Token] = [head, *head.ancestors]
    down: list[Token] = [anchor, *anchor.ancestors]
    down_ids = [t.i for t in down]
    for steps_up, token in enumerate(up):
        if token.i in down_ids:
            steps_down = down_ids.index(token.i)
            if steps_up + steps_down > MAX_PATH:
                return "far"
            labels = [f"{t.dep_}<" for t in up[:steps_up]]
            labels += [f"{t.dep_}>" for t in reversed(down[:steps_down])]
            return "".join(labels) or "self"
    return "far"


def _among(ref: ActorRef, refs: Sequence[ActorRef]) -> bool:
    return any((r.start, r.end) == (ref.start, ref.end) for r in refs)


def _bucket(distance: int) -> str:
    for limit in (1, 2, 4, 8):
        if distance <= limit:
            return str(limit)
    return "more"
