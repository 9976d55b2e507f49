"""Is a candidate an event at all? The learned detector that turns down non-events.

The trigger lexicon and the learned verbs propose candidates generously; many are not events
that happened: statements of concern or condolence, reports and statements being issued,
appeals, background ("the 1994 talks"), plans. The detector reads each typed candidate as a
set of named features of its parse and its roles (:func:`candidate_features`), and the
sentence's words as one score (:class:`SentenceWords`), and gives the probability that it
reports an event; below the model's threshold the candidate is not coded. The model is a
logistic regression over those features, trained by
``train/train_detector.py`` on the development parts of the evaluation suite's corpora
(events found there are positive, every candidate of a sentence that reports none is
negative), exported to ONNX and run with onnxruntime. ``MODEL_CARD.md`` beside the model
says from what, and with which held-out figures.

Nothing is loaded at import time: :meth:`EventDetector.load` reads the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span, Token

from strife.datafiles import data_file
from strife.errors import ModelError
from strife.events.lexicon import WORDS, EventLexicon
from strife.events.linear import LinearModel
from strife.events.typer import Candidate, TypeChoice
from strife.plover import QUAD
from strife.syntax import NOUN_POS, SUBJECT_DEPS, VERBAL_POS, antecedent, phrase_chars

MODEL_FILE = "detector.onnx"
WORDS_FILE = "wordpieces.npy"
#: The real-valued feature that carries the sentence's word score (:class:`SentenceWords`).
SENTENCE_WORDS = "sentence_words"
WHAT = "the event detector"
_ROLE_NAMES = ("actor", "recipient")
_MODAL_TAGS = frozenset({"MD"})
_MAX_CLAUSE_STEPS = 3  # clauses climbed to find the agent ("... , killing 12, and ...")
_MAX_FRAME_STEPS = 4  # words climbed from a noun trigger to the verb whose clause holds it
# Natural hazards, diseases and accidents (words.json): a doer that tells a disaster.
HAZARDS = WORDS["hazards"]


class Detector(Protocol):
    """Decides which typed candidates of one sentence are events (True: code it)."""

    def keep(
        self,
        sent: Span,
        candidates: Sequence[Candidate],
        choices: Sequence[TypeChoice],
    ) -> list[bool]: ...


def default_model_dir() -> Path:
    return data_file("models", "detector")


class SentenceWords:
    """What the words of a sentence say about whether it reports an event: the mean, over
    its word pieces, of one score per piece of the MiniLM vocabulary (the typer's
    tokenizer). The scores are a linear read-out of the pieces' input embeddings
    (all-MiniLM-L6-v2), fitted with the detector, so pieces whose embeddings are alike score
    alike, seen in training or not ("cyclone" like "flood", "survey" like "report"; the
    model card gives the shipped scores)."""

    def __init__(self, scores: npt.NDArray[np.float32], tokenizer: Any) -> None:
        self._scores = scores
        self._tokenizer = tokenizer

    @classmethod
    def load(cls, path: Path, tokenizer_file: Path) -> SentenceWords:
        """Read the scores (``wordpieces.npy``) and the tokenizer; :class:`ModelError` when
        either is unusable or they do not fit each other."""
        from strife.classify.encode import load_tokenizer

        try:
            scores = np.load(path, allow_pickle=False).astype(np.float32)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the word scores of {WHAT} {path}: {exc}") from exc
        tokenizer = load_tokenizer(tokenizer_file)
        if scores.ndim != 1 or len(scores) != tokenizer.get_vocab_size():
            raise ModelError(f"{path}: {WHAT} scores {scores.shape} do not fit {tokenizer_file}")
        return cls(scores, tokenizer)

    def score(self, text: str) -> float:
        ids = self._tokenizer.encode(text, add_special_tokens=False).ids
        return float(self._scores[ids].mean()) if ids else 0.0


class EventDetector:
    """The trained detector: features to a probability, kept at or above ``threshold``."""

    def __init__(self, model: LinearModel, words: SentenceWords | None = None) -> None:
        self._model = model
        self._words = words
        self.threshold = model.threshold

    @classmethod
    def load(cls, model_dir: Path | None = None) -> EventDetector:
        """Read ``detector.onnx`` and ``features.json`` from ``model_dir`` (the shipped
        model by default), and ``wordpieces.npy`` when the model reads the sentence's words;
        :class:`ModelError` when a file is unusable."""
        from strife.classify.model import TOKENIZER_FILE
        from strife.classify.model import default_model_dir as typer_dir

        folder = model_dir or default_model_dir()
        model = LinearModel.load(folder, MODEL_FILE, WHAT)
        if not model.has_feature(SENTENCE_WORDS):
            return cls(model)
        return cls(model, SentenceWords.load(folder / WORDS_FILE, typer_dir() / TOKENIZER_FILE))

    def probabilities(
        self, rows: Sequence[Sequence[str]], sentences: Sequence[str] | None = None
    ) -> npt.NDArray[np.float32]:
        """P(event) of each candidate, given its feature names (unknown names count 0) and
        the text of the sentence it is in (read only by a model that reads words)."""
        values = None
        if self._words is not None and sentences is not None:
            scores = {text: self._words.score(text) for text in set(sentences)}
            values = [{SENTENCE_WORDS: scores[text]} for text in sentences]
        return self._model.probabilities(rows, values)

    def keep(
        self, sent: Span, candidates: Sequence[Candidate], choices: Sequence[TypeChoice]
    ) -> list[bool]:
        rows = [candidate_features(sent, c, t) for c, t in zip(candidates, choices, strict=True)]
        probabilities = self.probabilities(rows, [sent.text] * len(rows))
        return [bool(p >= self.threshold) for p in probabilities]


def candidate_features(sent: Span, candidate: Candidate, choice: TypeChoice) -> list[str]:
    """The named binary features of one typed candidate (order does not matter)."""
    doc = sent.doc
    trigger = candidate.trigger
    token = doc[trigger.token]
    verb = doc[trigger.light_verb] if trigger.light_verb is not None else _governor(token)
    out = [
        "bias",
        f"type={choice.event}",
        f"quad={QUAD[choice.event]}",
        f"lexicon={trigger.event or 'learned'}",
        f"agrees={trigger.event == choice.event}",
        f"pos={token.pos_}",
        f"tag={verb.tag_}",
        f"dep={token.dep_}",
        f"verb_dep={verb.dep_}",
        f"lemma={token.lemma_.lower()}",
        f"verb={verb.lemma_.lower()}",
        f"words={min(trigger.token_end - trigger.token_start, 3)}",
        f"probability={_bucket(choice.probability)}",
        *(f"flag={flag}" for flag in trigger.spec.flags),
    ]
    if trigger.event is None and "speech" in trigger.spec.flags:
        out.append("speech")
    out += _parse_features(token, verb)
    if _counts_its_victims(verb):
        out.append("counted")
    out += _role_features(candidate)
    out += _agent_features(verb, candidate)
    out += _frame_features(token)
    out += _sentence_features(sent, token)
    return out


def _governor(token: Token) -> Token:
    """A noun trigger's verb ("launched an attack", "in an attack"), or the token."""
    if token.pos_ in NOUN_POS:
        head = token.head.head if token.dep_ == "pobj" else token.head
        if head.pos_ in VERBAL_POS and head.i != token.i:
            return head
    return token


def _parse_features(token: Token, verb: Token) -> list[str]:
    out: list[str] = []
    for child in (*verb.children, *(token.children if token is not verb else ())):
        lower = child.lower_
        if child.dep_ == "neg":
            out.append("negated")
        elif child.dep_ in ("aux", "auxpass") and (child.tag_ in _MODAL_TAGS or lower == "to"):
            out.append(f"aux={lower}")
        elif child.dep_ == "auxpass":
            out.append("passive")
        elif child.dep_ == "mark" and lower != "that":
            # "if", "whether", "unless"; "that" only opens what someone says or claims.
            out.append(f"mark={lower}")
        elif child.dep_ in ("dobj", "attr") and child.i != token.i:
            out.append(f"object={child.lemma_.lower()}")
            out.append(f"verb_object={verb.lemma_.lower()}+{child.lemma_.lower()}")
        elif child.dep_ in ("det", "poss", "amod") and token.pos_ in NOUN_POS:
            out.append(f"{child.dep_}={lower if child.dep_ != 'poss' else child.pos_}")
        elif child.dep_ == "prep":
            out.append(f"prep={lower}")
    if verb.dep_ == "ccomp":
        # What a clause reports is judged as the event it reports: who says or claims it
        # is the claims stage's business, not a reason to drop it.
        out.append("under=ccomp")
    elif verb.dep_ in ("xcomp", "advcl", "acl", "relcl", "pcomp", "conj"):
        out.append(f"under={verb.dep_}+{verb.head.lemma_.lower()}")
    return out


def _counts_its_victims(verb: Token) -> bool:
    """The act counts whom it struck ("killed at least 12 people", "12 soldiers were
    wounded", "killed 12"): its object or passive subject is, or carries, a number."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and (
            child.like_num or any(c.dep_ == "nummod" for c in child.children)
        ):
            return True
    return False


def _frame_features(token: Token) -> list[str]:
    """Where a noun trigger sits: the verb whose clause holds it and the path up to it
    ("claimed responsibility for the attack": claim, pobj>prep>dobj; "were killed in an
    attack": kill, pobj>prep). An act named by a noun is often what someone feels or says
    something about, not what the sentence reports."""
    if token.pos_ not in NOUN_POS:
        return []
    path: list[str] = []
    node = token
    for _ in range(_MAX_FRAME_STEPS):
        if node.head.i == node.i:
            break
        path.append(node.dep_)
        node = node.head
        if node.pos_ in VERBAL_POS:
            return [
                f"noun={token.lemma_.lower()}",
                f"frame={node.lemma_.lower()}",
                f"frame_path={'>'.join(path)}",
            ]
    return [f"noun={token.lemma_.lower()}", "frame=none"]


def _role_features(candidate: Candidate) -> list[str]:
    args = candidate.args
    out: list[str] = []
    for role, refs in zip(_ROLE_NAMES, (args.actors, args.recipients), strict=True):
        if not refs:
            out.append(f"{role}=none")
            continue
        ref = refs[0]
        out.append(f"{role}={'coded' if ref.code else 'uncoded'}")
        out.append(f"{role}_sector={ref.sector or '-'}")
    if args.reciprocal:
        out.append("reciprocal")
    return out


def agent_of(verb: Token) -> Token | None:
    """Who or what does the act: the subject of the trigger's clause, or of the clause it
    hangs from ("floods swept the valley, killing 12": the floods), through a relative
    pronoun to the noun it stands for ("mudslides that killed 16"); in the passive, the
    object of "by"."""
    clause: Token | None = verb
    for _ in range(_MAX_CLAUSE_STEPS):
        if clause is None:
            return None
        for child in clause.children:
            if child.dep_ in SUBJECT_DEPS:
                return antecedent(child)
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if any(child.dep_ == "nsubjpass" for child in clause.children):
            return None  # a passive without "by": the agent is not named
        up = clause.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl", "pcomp")
        clause = clause.head if up and clause.head.i != clause.i else None
    return None


def _agent_features(verb: Token, candidate: Candidate) -> list[str]:
    """What kind of thing does it: a party the candidate's actor stands for, a named entity,
    or a common noun (an air strike, a flood, a fire) and which."""
    agent = agent_of(verb)
    if agent is None:
        return ["agent=none"]
    start, end = phrase_chars(agent)
    out = []
    if any(ref.start < end and start < ref.end for ref in candidate.args.actors):
        out.append("agent=actor")
    if _names_hazard(agent):
        out.append("agent=hazard")
    elif _names_weapon(agent):
        out.append("agent=weapon")
    out.append(f"agent_pos={agent.pos_}")
    if agent.ent_type_:
        out.append(f"agent_ent={agent.ent_type_}")
    elif agent.pos_ == "NOUN":
        out.append(f"agent_noun={agent.lemma_.lower()}")
    return out


def _names_weapon(agent: Token) -> bool:
    """Is the agent a violent act or its weapon ("a roadside bomb", "a drone strike",
    "shelling", "gunmen"): the head word of its noun phrase is one of the lexicon's violent
    acts or attack-mode words. Such an agent tells an attack whose doer is not named; a
    flood, a fire, a stampede or a helicopter crash does not."""
    words = _weapon_words()
    return agent.lower_ in words or agent.lemma_.lower() in words


def _names_hazard(agent: Token) -> bool:
    """Is the agent a natural hazard, a disease or an accident ("flash floods", "lightning
    strikes", "a stampede"), by its head word or a compound of it: it tells a disaster, not
    an attack, whatever its head ("strikes")."""
    words = (agent, *(c for c in agent.children if c.dep_ == "compound"))
    return any(w.lower_ in HAZARDS or w.lemma_.lower() in HAZARDS for w in words)


@cache
def _weapon_words() -> frozenset[str]:
    cues = EventLexicon.from_data().mode_cues.get("ASSAULT", ())
    return frozenset(WORDS["violent_acts"]).union(*(cue.lemmas for cue in cues))


def _sentence_features(sent: Span, token: Token) -> list[str]:
    """What the sentence around it says; not who claims it (a claimed event is coded with
    its claim, so the frame of saying is not evidence against it)."""
    out: list[str] = []
    if sent.root.i == token.i:
        out.append("is_root")
    if any(t.like_num for t in sent):
        out.append("number")
    if any(t.text in ('"', "“", "”") for t in sent):
        out.append("quoted")
    return out


def _bucket(probability: float | None) -> str:
    if probability is None:
        return "none"
    return f"{min(int(probability * 5), 4)}"
