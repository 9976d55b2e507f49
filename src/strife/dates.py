"""The dates stage: temporal expressions in a Doc, resolved against the publication date.

News dates events relative to the day it is published ("on Friday", "late September",
"since 1992"). A table of anchored patterns reads each expression whole, so what no rule
knows resolves to nothing rather than to a guess: durations ("six-hour", "decades", "so
far") are not points in time. Candidates are the model's DATE entities plus the patterns
the small model misses; only those spans are resolved, never every token.

``historical`` marks expressions that place an event well before publication: a year before
the publication year ("in 1997", "since 1992", "last year"), a decade, "decades ago", or a
day more than a year before the article. A range ("October 10-12", "from Monday to
Wednesday", "between 2014 and 2016") resolves to its first day and keeps its last. Every
resolution says whether it was read against the publication date (``relative``) or stated
by the text. Numeric dates are read when only one reading is possible ("31/10/2020",
"10/31/2020"); "05/06/2020" is left unresolved rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from strife.plausible_dates import LATEST, is_plausible_day, is_plausible_moment
from strife.records import DateMention

if TYPE_CHECKING:
    # spaCy only where a Doc is read: resolving an expression (the truce stage, in the
    # process that writes the store) does not load it.
    from spacy.tokens import Doc

Resolution = tuple[date, bool]
# The type under another name: a field called ``date`` hides it inside a class body.
Day = date


@dataclass(frozen=True, slots=True)
class Resolved:
    """What one expression resolves to: its (first) day, whether it is historical, the last
    day of a range (for a range of years, the first day of its last year), and whether it
    was read against the publication date."""

    date: Day
    historical: bool
    until: Day | None = None
    relative: bool = False


# A date without a year is read in the year that puts it nearest the article, but never
# more than this many days after it ("November 3" in late October is the coming election).
FUTURE_TOLERANCE_DAYS = 31
HISTORICAL_AFTER_DAYS = 365
PART_OF_MONTH_DAY = {
    "early": 5,
    "mid": 15,
    "late": 25,
    "start of": 1,
    "beginning of": 1,
    "middle of": 15,
    "end of": 28,
}
VAGUE_COUNT = 2  # "years ago", "weeks ago"
DECADES_AGO_YEARS = 20

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SMALL_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBER_WORDS = {word: value for value, word in enumerate(_SMALL_NUMBERS, start=1)} | {
    "a": 1,
    "an": 1,
    "a few": 3,
    "few": 3,
    "several": 3,
}
_RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
}

MONTH_NAMES = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH = f"(?P<month>{MONTH_NAMES.lower()})"
_WEEKDAY = f"(?P<weekday>{WEEKDAY_NAMES.lower()})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY_ABBREVIATIONS = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_OPT_WEEKDAY = f"(?:(?:{WEEKDAY_NAMES.lower()}|{_WEEKDAY_ABBREVIATIONS}) )?"
_PART_OF_DAY_WORDS = "(?:morning|afternoon|evening|night)"
_COUNT = rf"(?P<count>\d+|{'|'.join(_NUMBER_WORDS)})"
# Leading words that do not change the date an expression names.
_PREFIXES = re.compile(r"^(?:on|in|since|from|until|till|by|during|at|of|over|as of) ")


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None], Resolution | None]
    needs_publication: bool


def count_word(word: str) -> int | None:
    """The number a small count says ("a", "two", "3"), None for any other word."""
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def resolve_expression(text: str, published: datetime | None) -> Resolved | None:
    """What one temporal expression names; None for durations and for what cannot be read
    (and, without a publication date, for what only it could anchor)."""
    return _resolve(text, _reference(published))


def find_dates(doc: Doc, published: datetime | None) -> list[DateMention]:
    """The resolved temporal expressions of ``doc`` in text order. Without a publication
    date only explicit dates ("31 October 2020", "in 1997") are resolved."""
    reference = _reference(published)
    from strife.nlp import doc_text

    text = doc_text(doc)
    mentions: list[DateMention] = []
    # Candidates come in order of start: one overlaps a taken span when it starts before
    # the furthest end taken so far (linear in a long article, where a list was quadratic).
    reach = -1
    # "May's predecessor", "Jun Ji-hyun": a month's name inside a person's is the person.
    persons = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    for start, end in sorted(_candidate_spans(doc, text), key=lambda s: (s[0], -s[1])):
        if start < reach:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.i in persons for t in span):
            continue
        resolved = _resolve(text[start:end], reference)
        if resolved is not None:
            reach = max(reach, end)
            mentions.append(_mention(span.start, span.end, text[start:end], start, resolved))
    return sorted(mentions, key=lambda m: m.start)


def _reference(published: datetime | None) -> date | None:
    """The day relative expressions are read against: none for an implausible date."""
    if published is None or not is_plausible_moment(published):
        return None
    return published.date()


def _mention(start: int, end: int, text: str, char_start: int, resolved: Resolved) -> DateMention:
    return DateMention(
        token_start=start,
        token_end=end,
        text=text,
        date=resolved.date,
        start=char_start,
        end=char_start + len(text),
        historical=resolved.historical,
        until=resolved.until,
        relative=resolved.relative,
    )


# --- finding candidate expressions -----------------------------------------------------

# A whole word: "Mark", "Junaid" and "Decker" begin with a month's abbreviation.
_CAP_MONTH = rf"(?:{MONTH_NAMES})(?:\.|\b)"
_CAP_WEEKDAY = f"(?:{WEEKDAY_NAMES})"
_LEAD_WEEKDAY = rf"(?:(?:{_CAP_WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+)?"
_ORDINAL_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
_TRAILING_YEAR = r"(?:,?\s+\d{4}\b)?"
_PART = r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s]|(?:the\s+)?(?:start|beginning|middle|end)\s+of\s+)"
_AGO_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|(?:a\s+)?few)"
_TO = r"\s*(?:-|–|\bto\b|\band\b|\bthrough\b|\buntil\b)\s*"
_RANGE_END = (
    rf"(?:{_CAP_WEEKDAY}|{_CAP_MONTH}\s+{_ORDINAL_DAY}|{_ORDINAL_DAY}\s+{_CAP_MONTH}|\d{{4}}\b)"
)
# Month and weekday names must be capitalised: "may" and "march" are also verbs.
_CANDIDATES = re.compile(
    "|".join(
        (
            r"\b\d{4}-\d{2}-\d{2}\b",
            rf"\b{_LEAD_WEEKDAY}{_CAP_MONTH}\s+{_ORDINAL_DAY}{_TRAILING_YEAR}",
            rf"\b{_LEAD_WEEKDAY}{_ORDINAL_DAY}\s+(?:of\s+)?{_CAP_MONTH}{_TRAILING_YEAR}",
            rf"\b{_PART}?{_CAP_MONTH}{_TRAILING_YEAR}",
            rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?{_CAP_WEEKDAY}\b"
            r"(?:\s+(?:morning|afternoon|evening|night)\b)?",
            r"\b(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Ll]ast night)\b",
            r"\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+(?:week|month|year|weekend)\b",
            r"\b[Ee]arlier\s+this\s+(?:week|month|year)\b",
            rf"\b(?:{_AGO_COUNT}\s+)?(?:days?|weeks?|months?|years?|decades?)\s+ago\b",
            r"(?<=\b[Ii]n\s)(?:the\s+)?\d{4}s?\b|(?<=\b[Ss]ince\s)\d{4}\b",
            r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b|\b\d{4}/\d{1,2}/\d{1,2}\b",
            rf"\b{_CAP_MONTH}\s+{_ORDINAL_DAY}{_TO}\d{{1,2}}\b{_TRAILING_YEAR}",
            rf"\b\d{{1,2}}{_TO}{_ORDINAL_DAY}\s+(?:of\s+)?{_CAP_MONTH}{_TRAILING_YEAR}",
            rf"\b(?:[Bb]etween|[Ff]rom)\s+{_RANGE_END}{_TO}{_RANGE_END}{_TRAILING_YEAR}",
            r"\b\d{4}\s*[-–]\s*\d{4}\b",
        )
    )
)


def _candidate_spans(doc: Doc, text: str) -> Iterator[tuple[int, int]]:
    """Character spans worth resolving: the model's DATE entities and the patterns it
    misses (weekday names, "late September", years after "in" or "since")."""
    for entity in doc.ents:
        if entity.label_ == "DATE":
            yield entity.start_char, entity.end_char
    for match in _CANDIDATES.finditer(text):
        yield match.span()


# --- resolving one expression ----------------------------------------------------------


def _resolve(text: str, published: date | None) -> Resolved | None:
    expression = _normalise(text)
    ranged = _resolve_range(expression, published)
    if ranged is not None:
        return ranged
    for rule in _RULES:
        if rule.needs_publication and published is None:
            continue
        match = rule.pattern.fullmatch(expression)
        if match is not None:
            return _plausible(_apply(rule, match, published), rule.needs_publication)
    return None


def _apply(rule: _Rule, match: re.Match[str], published: date | None) -> Resolution | None:
    try:
        return rule.resolve(match, published)
    except (ValueError, OverflowError):  # "5000 years ago": before the first year there is
        return None


def _plausible(resolution: Resolution | None, relative: bool) -> Resolved | None:
    if resolution is None or not is_plausible_day(resolution[0]):
        return None
    return Resolved(*resolution, relative=relative)


def _resolve_range(expression: str, published: date | None) -> Resolved | None:
    """ "october 10 12" (written "October 10-12"), "10 to 12 october", "between 2014 and
    2016", "from monday to wednesday": both ends resolved, the first day kept as the date."""
    for pattern in _DAY_RANGES:
        match = pattern.fullmatch(expression)
        if match is not None:
            start = " ".join(filter(None, (match["month"], match["day"], match["year"])))
            first = _resolve(start, published)
            if first is None:
                return None
            last_day = _safe_date(first.date.year, first.date.month, int(match["last"]))
            return _range(first, last_day)
    match = next(filter(None, (span.fullmatch(expression) for span in _SPANS)), None)
    if match is None:
        return None
    first, last = _resolve(match["first"], published), _resolve(match["second"], published)
    if first is None or last is None:
        return None
    return _range(first, last.date)


def _range(first: Resolved, last: date | None) -> Resolved | None:
    if last is None or last <= first.date or first.until is not None or last > LATEST:
        return None
    return Resolved(first.date, first.historical, until=last, relative=first.relative)


def _normalise(text: str) -> str:
    lowered = " ".join(text.lower().replace(",", " ").replace(".", " ").split())
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", lowered):
        lowered = " ".join(re.sub(r"[-‐–]", " ", lowered).split())
    while True:
        shorter = _PREFIXES.sub("", lowered, count=1)
        if shorter == lowered:
            return lowered
        lowered = shorter


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3]) + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_old(day: date, published: date | None) -> bool:
    return published is not None and (published - day).days > HISTORICAL_AFTER_DAYS


def _year_is_past(year: int, published: date | None) -> bool:
    return published is not None and year < published.year


def _plausible_year(year: int, published: date | None) -> bool:
    latest = published.year + 10 if published is not None else LATEST.year
    return is_plausible_day(date(year, 1, 1)) and year <= latest


def _numeric(match: re.Match[str], published: date | None) -> Resolution | None:
    """ "31/10/2020" or "10/31/2020": read only when one of the two numbers cannot be a
    month (or both are the same)."""
    first, second = int(match["first"]), int(match["second"])
    if first <= 12 and second <= 12 and first != second:
        return None
    day, month = (first, second) if first > 12 else (second, first)
    resolved = _safe_date(int(match["year"]), month, day)
    return None if resolved is None else (resolved, _is_old(resolved, published))


def _iso(match: re.Match[str], published: date | None) -> Resolution | None:
    day = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return None if day is None else (day, _is_old(day, published))


def _full_date(match: re.Match[str], published: date | None) -> Resolution | None:
    day = _safe_date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
    return None if day is None else (day, _is_old(day, published))


def _month_of_year(match: re.Match[str], published: date | None) -> Resolution | None:
    year = int(match["year"])
    if not _plausible_year(year, published):
        return None
    first = date(year, _month_number(match["month"]), 1)
    return first, _is_old(first, published)


def _day_of_month(match: re.Match[str], published: date | None) -> Resolution | None:
    if published is None:
        return None
    month, day = _month_number(match["month"]), int(match["day"])
    options = [
        _safe_date(year, month, day) for year in range(published.year - 1, published.year + 2)
    ]
    near = [d for d in options if d is not None and (d - published).days <= FUTURE_TOLERANCE_DAYS]
    best = min(near, key=lambda d: abs((d - published).days), default=None)
    return None if best is None else (best, False)


def _part_of_month(match: re.Match[str], published: date | None) -> Resolution | None:
    month = _month_number(match["month"])
    day = PART_OF_MONTH_DAY[match["part"]] if match["part"] else 1
    if match["year"]:
        year = int(match["year"])
    elif published is not None:
        # The most recent such month not after publication: "late December" in January.
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    resolved = date(year, month, day)
    return resolved, _is_old(resolved, published)


def _year(match: re.Match[str], published: date | None) -> Resolution | None:
    year = int(match["year"])
    if not _plausible_year(year, published):
        return None
    return date(year, 1, 1), _year_is_past(year, published)


def _decade(match: re.Match[str], published: date | None) -> Resolution | None:
    digits = match["decade"]
    year = int(digits) * 10 if len(digits) == 3 else 1900 + int(digits) * 10
    # Historical when the whole decade lies before the publication year.
    return date(year, 1, 1), _year_is_past(year + 9, published)


def _ago(match: re.Match[str], published: date | None) -> Resolution | None:
    if published is None:
        return None
    spoken = match.groupdict().get("count")
    count = VAGUE_COUNT if spoken is None else _NUMBER_WORDS.get(spoken) or int(spoken)
    unit = match["unit"]
    if unit == "decade":
        resolved = date(published.year - count * 10, 1, 1)
        return resolved, True
    if unit in {"day", "week"}:
        resolved = published - timedelta(days=count * (7 if unit == "week" else 1))
    else:
        resolved = _shift_months(published, -count * (12 if unit == "year" else 1))
    return resolved, _is_old(resolved, published)


def _decades_ago(match: re.Match[str], published: date | None) -> Resolution | None:
    return None if published is None else (date(published.year - DECADES_AGO_YEARS, 1, 1), True)


def _relative_day(match: re.Match[str], published: date | None) -> Resolution | None:
    if published is None:
        return None
    return published + timedelta(days=_RELATIVE_DAYS[match["word"]]), False


def _weekday(match: re.Match[str], published: date | None) -> Resolution | None:
    if published is None:
        return None
    return _weekday_date(WEEKDAYS.index(match["weekday"]), published, match["modifier"]), False


def _weekday_date(wanted: int, published: date, modifier: str | None) -> date:
    """The most recent such day on or before publication; "next"/"coming" look ahead."""
    if modifier in {"next", "coming"}:
        return published + timedelta(days=(wanted - published.weekday()) % 7 or 7)
    back = (published.weekday() - wanted) % 7
    if back == 0 and modifier in {"last", "past"}:
        back = 7  # "last Saturday" in a Saturday paper is a week ago
    return published - timedelta(days=back)


def _period(match: re.Match[str], published: date | None) -> Resolution | None:
    if published is None:
        return None
    modifier, unit = match["modifier"] or "this", match["unit"]
    if unit == "weekend":
        return _weekday_date(WEEKDAYS.index("saturday"), published, modifier), False
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[modifier]
    if unit == "week":
        return published + timedelta(days=7 * step), False
    if unit == "month":
        return _shift_months(published, step), False
    if step == 0:
        return published, False
    return date(published.year + step, 1, 1), step < 0


def _earlier_this(match: re.Match[str], published: date | None) -> Resolution | None:
    if published is None:
        return None
    unit = match["unit"]
    if unit == "week":
        return published - timedelta(days=published.weekday()), False
    if unit == "month":
        return published.replace(day=1), False
    return published.replace(month=1, day=1), False


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for candidate_day in range(day.day, 0, -1):
        shifted = _safe_date(year, month + 1, candidate_day)
        if shifted is not None:
            return shifted
    raise ValueError(day)  # pragma: no cover - day 1 always exists


_RELATIVE_DAY = "|".join(_RELATIVE_DAYS)
_PARTS_OF_MONTH = "|".join(PART_OF_MONTH_DAY)
_CONNECTIVE = r"(?:to|and|through|until|till)"
_LAST_DAY = r"(?P<last>\d{1,2})(?:st|nd|rd|th)?"
_BETWEEN = "(?:between |from )?"
_DAY_RANGES = (
    re.compile(f"{_BETWEEN}{_MONTH} {_DAY} (?:{_CONNECTIVE} )?{_LAST_DAY}(?: {_YEAR})?"),
    re.compile(
        f"{_BETWEEN}(?:the )?{_DAY} (?:{_CONNECTIVE} )?{_LAST_DAY} (?:of )?{_MONTH}(?: {_YEAR})?"
    ),
)
_SPANS = (
    re.compile(f"{_BETWEEN}(?P<first>.+?) {_CONNECTIVE} (?P<second>.+)"),
    re.compile(f"{_BETWEEN}(?P<first>\\d{{4}}) (?P<second>\\d{{4}})"),
)
_RULES: tuple[_Rule, ...] = (
    _Rule(re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"), _iso, False),
    _Rule(re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"), _iso, False),
    _Rule(
        re.compile(r"(?P<first>\d{1,2})[/ ](?P<second>\d{1,2})[/ ](?P<year>\d{4})"),
        _numeric,
        False,
    ),
    _Rule(re.compile(f"{_OPT_WEEKDAY}{_MONTH} {_DAY} {_YEAR}"), _full_date, False),
    _Rule(re.compile(f"{_OPT_WEEKDAY}(?:the )?{_DAY} (?:of )?{_MONTH} {_YEAR}"), _full_date, False),
    _Rule(re.compile(f"{_MONTH} (?:of )?{_YEAR}"), _month_of_year, False),
    _Rule(
        re.compile(f"(?:the )?(?:(?P<part>{_PARTS_OF_MONTH}) )?{_MONTH} {_YEAR}"),
        _part_of_month,
        False,
    ),
    _Rule(
        re.compile(f"(?:the )?(?:(?P<part>{_PARTS_OF_MONTH}) )?{_MONTH}(?P<year>)"),
        _part_of_month,
        True,
    ),
    _Rule(re.compile(f"{_OPT_WEEKDAY}{_MONTH} {_DAY}"), _day_of_month, True),
    _Rule(re.compile(f"{_OPT_WEEKDAY}(?:the )?{_DAY} (?:of )?{_MONTH}"), _day_of_month, True),
    _Rule(re.compile(f"(?:the )?(?:year )?{_YEAR}"), _year, False),
    _Rule(re.compile(r"(?:the )?'?(?P<decade>\d{3}|\d)0s"), _decade, False),
    _Rule(re.compile(f"{_COUNT} (?P<unit>day|week|month|year|decade)s? ago"), _ago, True),
    _Rule(re.compile(r"(?P<unit>day|week|month|year)s ago"), _ago, True),
    _Rule(re.compile(r"decades ago"), _decades_ago, True),
    _Rule(re.compile(f"(?P<word>{_RELATIVE_DAY})(?: {_PART_OF_DAY_WORDS})?"), _relative_day, True),
    _Rule(
        re.compile(
            f"(?:(?P<modifier>last|next|this|past|coming) )?{_WEEKDAY}(?: {_PART_OF_DAY_WORDS})?"
        ),
        _weekday,
        True,
    ),
    _Rule(
        re.compile(r"(?:(?P<modifier>last|past|this|next) |the )(?P<unit>week|month|year|weekend)"),
        _period,
        True,
    ),
    _Rule(re.compile(r"earlier this (?P<unit>week|month|year)"), _earlier_this, True),
)
