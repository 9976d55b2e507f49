"""Telling English articles from the rest, fast and deterministically.

Two signals, both cheap: the writing system (Cyrillic, Arabic, CJK ... name a language
outright) and, for Latin script, which language's function words the text uses. News in
any language is dense with its function words (a third of English tokens), so a few
dozen per language separate the languages news most often arrives in.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from strife.errors import ModelError
from strife.ingest.resources import load_ingest_json

UNDETERMINED: Final = "und"
# Enough text to decide; reading more only costs time.
SAMPLE_CHARS: Final = 4000
# Below this many words a text is too short to judge and passes as English.
SHORT_TEXT_WORDS: Final = 20
# The least share of tokens that must be a language's function words to name it.
MIN_FUNCTION_WORD_SHARE: Final = 0.08
# Share of letters a non-Latin script must hold to decide the language.
MIN_SCRIPT_SHARE: Final = 0.5

_WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER: Final = re.compile(r"[^\W\d_]")
_NON_LATIN_LETTER: Final = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")

# Writing systems in the order they are tested, with the share of letters each needs:
# kana come first and need less, because Japanese mixes them with Han characters.
_SCRIPTS: Final[tuple[tuple[str, re.Pattern[str], float], ...]] = (
    ("ja", re.compile(r"[\u3040-\u30ff]"), 0.2),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"), MIN_SCRIPT_SHARE),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"), MIN_SCRIPT_SHARE),
    ("ru", re.compile(r"[\u0400-\u04ff]"), MIN_SCRIPT_SHARE),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"), MIN_SCRIPT_SHARE),
    ("he", re.compile(r"[\u0590-\u05ff]"), MIN_SCRIPT_SHARE),
    ("el", re.compile(r"[\u0370-\u03ff]"), MIN_SCRIPT_SHARE),
    ("hi", re.compile(r"[\u0900-\u097f]"), MIN_SCRIPT_SHARE),
    ("bn", re.compile(r"[\u0980-\u09ff]"), MIN_SCRIPT_SHARE),
    ("th", re.compile(r"[\u0e00-\u0e7f]"), MIN_SCRIPT_SHARE),
    ("hy", re.compile(r"[\u0530-\u058f]"), MIN_SCRIPT_SHARE),
    ("ka", re.compile(r"[\u10a0-\u10ff]"), MIN_SCRIPT_SHARE),
)
# Letters only one language of a script uses tell it from the script's default language.
_REFINEMENTS: Final[dict[str, tuple[tuple[str, re.Pattern[str]], ...]]] = {
    "ru": (("uk", re.compile(r"[іїєґІЇЄҐ]")),),
    "ar": (("ur", re.compile(r"[ٹڈڑےں]")), ("fa", re.compile(r"[پچژگکی]"))),
}


@dataclass(frozen=True, slots=True)
class LanguageDetector:
    """Names the language of a text from its script and its function words."""

    languages_by_word: Mapping[str, tuple[str, ...]]

    @classmethod
    def from_data(cls) -> LanguageDetector:
        """Build from the function-word lists shipped in ``data/ingest``."""
        lists = load_ingest_json("function_words.json").get("languages")
        if not isinstance(lists, dict) or "en" not in lists:
            raise ModelError("function_words.json has no 'languages' with an 'en' list")
        return cls.from_word_lists(lists)

    @classmethod
    def from_word_lists(cls, lists: Mapping[str, Iterable[str]]) -> LanguageDetector:
        owners: dict[str, list[str]] = {}
        for language, words in lists.items():
            for word in words:
                owners.setdefault(word.lower(), []).append(language)
        return cls({word: tuple(languages) for word, languages in owners.items()})

    def detect(self, text: str) -> str:
        """Return an ISO 639-1 code ("en", "fr" ...) or "und" when it cannot tell."""
        sample = text[:SAMPLE_CHARS]
        script_language = _script_language(sample)
        if script_language is not None:
            return script_language
        words = _WORD.findall(sample.lower())
        if not words:
            return UNDETERMINED
        votes = Counter(
            language for word in words for language in self.languages_by_word.get(word, ())
        )
        if len(words) < SHORT_TEXT_WORDS:
            return _short_text_language(votes)
        return _long_text_language(votes, len(words))


@functools.lru_cache(maxsize=1)
def default_detector() -> LanguageDetector:
    """The detector built from the shipped word lists, built once per process."""
    return LanguageDetector.from_data()


def detect_language(text: str) -> str:
    """The language of ``text`` as an ISO 639-1 code, or "und" when it cannot tell."""
    return default_detector().detect(text)


def _script_language(sample: str) -> str | None:
    letters = len(_LETTER.findall(sample))
    non_latin = len(_NON_LATIN_LETTER.findall(sample))
    # Every script test needs a fifth of the letters at least: skip them for Latin text.
    if letters == 0 or non_latin / letters < min(share for _, _, share in _SCRIPTS):
        return None
    for language, script, min_share in _SCRIPTS:
        if len(script.findall(sample)) / letters >= min_share:
            return _refine(language, sample)
    return None


def _refine(language: str, sample: str) -> str:
    for variant, marker in _REFINEMENTS.get(language, ()):
        if marker.search(sample):
            return variant
    return language


def _short_text_language(votes: Counter[str]) -> str:
    # A headline or a one-line report has too few words to judge: it passes unless it
    # clearly uses another language's function words and none of English's.
    best, count = votes.most_common(1)[0] if votes else ("en", 0)
    if best != "en" and count >= 2 and votes["en"] == 0:
        return best
    return "en"


def _long_text_language(votes: Counter[str], word_count: int) -> str:
    if not votes:
        return UNDETERMINED
    best, count = max(votes.items(), key=lambda item: (item[1], item[0] == "en"))
    if count / word_count < MIN_FUNCTION_WORD_SHARE:
        return UNDETERMINED
    return best
