"""The commitments a truce mention states: "pledged not to target civilians and to exchange
prisoners" gives two terms, and in the sentence that names the truce, the phrases its term
nouns open ("an exchange of prisoners and bodies"). Each term keeps the words it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from strife.truces.cues import Cues, cues
from strife.truces.model import Evidence, Term

#: The most words a term keeps; a longer clause is cut there.
MAX_TERM_WORDS = 12
_PLEDGE_OBJECT = re.compile(r"\s+(?:(?:themselves|each other|both|also)\s+)?(?=(?:not\s+)?to\s)")
_PLEDGE_PIECE = re.compile(r"(?:not\s+)?to\s+.+?(?=\s+and\s+(?:not\s+)?to\s|[,.;:]|\s+but\s|$)")
_NEXT_PIECE = re.compile(r"\s+and\s+(?=(?:not\s+)?to\s)")


def pledged_terms(text: str, article_id: str, c: Cues, start: int, end: int) -> Iterator[Term]:
    """Each "to ..." a pledge verb governs in ``text[start:end]``: "vowed not to target
    civilians and to allow aid in" gives two terms."""
    for verb in c.pledges.finditer(text, start, end):
        at = verb.end()
        match = _PLEDGE_OBJECT.match(text[at:end])
        if match is None:
            continue
        at += match.end()
        while at < end:
            piece = _PLEDGE_PIECE.match(text[at:end])
            if piece is None:
                break
            term = term_between(text, article_id, at, at + piece.end())
            if term is not None:
                yield term
            follow = _NEXT_PIECE.match(text[at + piece.end() : end])
            if follow is None:
                break
            at += piece.end() + follow.end()


def noun_terms(text: str, article_id: str, c: Cues, start: int, end: int) -> Iterator[Term]:
    """The clauses a term noun opens in ``text[start:end]`` ("an exchange of prisoners")."""
    for match in c.term_nouns.finditer(text, start, end):
        term = term_between(text, article_id, match.start(), clause_end(text[:end], match.end()))
        if term is not None:
            yield term


def term_between(text: str, article_id: str, start: int, end: int) -> Term | None:
    """The term ``text[start:end]`` states, cut to :data:`MAX_TERM_WORDS` words; None for
    a single word."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 2:
        return None
    if len(words) > MAX_TERM_WORDS:
        end = start + words[MAX_TERM_WORDS - 1].end()
    evidence = Evidence(article_id, start, end, text[start:end])
    return Term(" ".join(evidence.text.split()), evidence)


def clause_end(words: str, at: int) -> int:
    """Where the clause that starts at ``at`` ends: a full stop, a semicolon or a new clause."""
    match = cues().clause_end.search(words, at)
    return match.start() if match is not None else len(words)
