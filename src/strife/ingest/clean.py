"""Removing site boilerplate from scraped text and rebuilding the article's paragraphs.

Scraped pages wrap the article in site furniture: banners, newsletter prompts, share
buttons, menus, copyright lines, "related" lists. It is recognised line by line, from
phrase lists in ``data/ingest/boilerplate.json`` and from the shape of a line (menus are
short items between separators, button rows are only network names).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from strife.errors import ModelError
from strife.ingest.resources import load_ingest_json

# Lines up to this many words may be site furniture; longer ones are article prose.
SHORT_LINE_WORDS: Final = 20
# A line with at least this many words is prose even without a final full stop.
LONG_PROSE_WORDS: Final = 26
MIN_PROSE_WORDS: Final = 6
HEADLINE_WORDS: Final = range(4, 26)
# Hard-wrapped text (e-mail, wire feeds) has no line wider than this.
MAX_WRAP_WIDTH: Final = 100
# A wrapped line (not the last of its paragraph) fills at least this share of the width.
WRAPPED_LINE_SHARE: Final = 0.6

_SPACES: Final = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE: Final = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MENU_SEPARATORS: Final = re.compile(r"\s*[|•·›»>]\s*")
_EDGE_PUNCTUATION: Final = " \t:;,.!?-–—|•·›»>«<*#()[]'\""
_TERMINAL: Final = re.compile(r"[.!?…][\"'”’»)\]]*$")
_HAS_LETTER: Final = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Recognises lines of site furniture. Build with :meth:`from_data`."""

    whole_lines: frozenset[str]
    line_starts: tuple[str, ...]
    short_line_phrases: re.Pattern[str]
    social_words: frozenset[str]
    footer_markers: frozenset[str]

    @classmethod
    def from_data(cls) -> BoilerplateRules:
        """Build from the phrase lists shipped in ``data/ingest/boilerplate.json``."""
        return cls.from_mapping(load_ingest_json("boilerplate.json"))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> BoilerplateRules:
        try:
            phrases = "|".join(re.escape(p.lower()) for p in data["short_line_contains"])
            return cls(
                whole_lines=frozenset(p.lower() for p in data["whole_lines"]),
                line_starts=tuple(p.lower() for p in data["line_starts"]),
                short_line_phrases=re.compile(rf"(?<!\w)(?:{phrases})(?!\w)"),
                social_words=frozenset(p.lower() for p in data["social_words"]),
                footer_markers=frozenset(p.lower() for p in data["footer_markers"]),
            )
        except (KeyError, TypeError, AttributeError) as err:
            raise ModelError(f"boilerplate.json is missing or has a bad list: {err}") from err

    def is_boilerplate(self, line: str) -> bool:
        """True for a line that belongs to the site, not to the article."""
        lowered = line.lower()
        key = line_key(line)
        if not _HAS_LETTER.search(line) or key in self.whole_lines:
            return True
        if lowered.startswith(self.line_starts):
            return True
        if len(line.split()) > SHORT_LINE_WORDS:
            return False
        return (
            self.short_line_phrases.search(lowered) is not None
            or is_menu(line)
            or self._is_button_row(key)
        )

    def is_footer_marker(self, line: str) -> bool:
        """True for a heading that introduces a list of other stories."""
        return line_key(line) in self.footer_markers

    def strip(self, lines: Sequence[str]) -> list[str]:
        """Blank out boilerplate lines, keeping blank lines so paragraph breaks survive.

        After a "Related stories"-like heading the lines that follow are other stories'
        headlines, so they go too, up to the next line of prose.
        """
        kept: list[str] = []
        in_story_list = False
        for line in lines:
            if not line:
                kept.append(line)
            elif self.is_footer_marker(line):
                in_story_list = True
                kept.append("")
            elif self.is_boilerplate(line) or (in_story_list and not is_prose(line)):
                kept.append("")
            else:
                in_story_list = False
                kept.append(line)
        return kept

    def _is_button_row(self, key: str) -> bool:
        words = [word for word in re.split(r"[\s|•·/,]+", key) if word]
        return bool(words) and all(word in self.social_words for word in words)


@functools.lru_cache(maxsize=1)
def default_rules() -> BoilerplateRules:
    """The rules built from the shipped phrase lists, built once per process."""
    return BoilerplateRules.from_data()


def normalise_text(raw: str) -> str:
    """Unify line breaks and spaces, drop invisible and control characters, and trim
    every line, so that only the words and the line structure are left to clean."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub(" ", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def line_key(line: str) -> str:
    """A line reduced for phrase matching: lower case, outer punctuation gone."""
    return " ".join(line.lower().strip(_EDGE_PUNCTUATION).split())


def is_menu(line: str) -> bool:
    """A navigation bar: three or more short items between separators."""
    items = [item for item in _MENU_SEPARATORS.split(line) if item]
    return len(items) >= 3 and all(len(item.split()) <= 4 for item in items)


def is_prose(line: str) -> bool:
    """A line that reads as article prose: a sentence, or too long to be anything else."""
    words = len(line.split())
    return words >= LONG_PROSE_WORDS or (
        words >= MIN_PROSE_WORDS and _TERMINAL.search(line) is not None
    )


def is_headline(line: str) -> bool:
    """A line shaped like a headline: 4 to 25 words, with letters and no final full stop."""
    return (
        len(line.split()) in HEADLINE_WORDS
        and _HAS_LETTER.search(line) is not None
        and not line.rstrip("\"'”’»)").endswith((".", ":", ";", ","))
    )


Paragraph = tuple[str, ...]


def assemble_paragraphs(lines: Sequence[str]) -> list[Paragraph]:
    """The paragraphs in ``lines``, each as the lines it is made of; blank lines break.

    Scraped pages put one paragraph per line. Hard-wrapped text (wire feeds, e-mail)
    breaks a paragraph across lines that fill most of the width; there a line joins the
    one before it unless that one ended short, as paragraphs, titles and date lines do.
    """
    if not _is_hard_wrapped(lines):
        return [(line,) for line in lines if line]
    width = max(len(line) for line in lines)
    paragraphs: list[Paragraph] = []
    for block in _blocks(lines):
        paragraphs.append((block[0],))
        for previous, line in itertools.pairwise(block):
            if len(previous) >= WRAPPED_LINE_SHARE * width:
                paragraphs[-1] += (line,)
            else:
                paragraphs.append((line,))
    return paragraphs


def join_paragraphs(paragraphs: Iterable[Paragraph]) -> str:
    """The article text: each paragraph on one line, a blank line between paragraphs."""
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs if paragraph)


def _blocks(lines: Sequence[str]) -> Iterable[list[str]]:
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    blocks = list(_blocks(lines))
    wrapped_lines = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if len(wrapped_lines) < 2:
        return False
    width = max(len(line) for block in blocks for line in block)
    if width > MAX_WRAP_WIDTH:
        return False
    # Inside a wrapped paragraph every line but the last fills most of the width.
    full = sum(1 for line in wrapped_lines if len(line) >= WRAPPED_LINE_SHARE * width)
    return full / len(wrapped_lines) >= 0.8
