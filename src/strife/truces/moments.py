"""Days and local times in a truce's words: when it was agreed, when it starts and ends.

Day expressions are read by ``strife.dates.resolve_expression`` against the article's
day; a weekday in a start clause is the coming one when the clause looks ahead ("to take
effect at 8 a.m. on Monday") and the last one when it looks back ("took effect on
Monday"). A time of day ("midnight", "noon", "8 a.m.", "12:00") is kept as ``HH:MM``:
the local time the text states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from strife.dates import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS, resolve_expression

DAY_EXPRESSION = (
    rf"(?:(?:(?:this|last|next|on)\s+)?(?:{WEEKDAY_NAMES})(?:,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:{MONTH_NAMES})|(?:{MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?))?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})(?:\s+\d{{4}})?"
    rf"|(?:{MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    r"|yesterday|today|tonight|tomorrow|last\s+week|last\s+night)"
)
TIME_EXPRESSION = (
    r"(?:midnight|noon|midday"
    r"|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\d{1,2}:\d{2}(?:\s*hours)?|\d{4}\s*(?:GMT|UTC|hours|hrs))"
)
_ZONE = r"(?:\s*\(?\s*(?:local\s+time|local|Moscow\s+time|\d{4}\s*GMT|\d{4}\s*UTC|GMT|UTC)\s*\)?)*"
# What follows a start word: a time, a day, or both, in either order.
WHEN = re.compile(
    rf"\s+(?:the\s+)?(?:(?P<time>{TIME_EXPRESSION}){_ZONE}"
    rf"(?:,?\s*(?:on|of)?\s*(?P<day>{DAY_EXPRESSION}))?"
    rf"|(?:on\s+)?(?P<day2>{DAY_EXPRESSION})(?:,?\s+(?:at\s+)?(?P<time2>{TIME_EXPRESSION}){_ZONE})?)",
    re.IGNORECASE,
)
DAY_IN_TEXT = re.compile(rf"(?<![\w-])(?:on\s+)?{DAY_EXPRESSION}(?![\w-])", re.IGNORECASE)
YEAR = re.compile(r"(?<![\w-])(1[89]\d\d|20\d\d)(?![\w-])")
DURATION = re.compile(
    r"(?:for\s+(?P<n>\d+|one|two|three|four|five|six|seven|ten|twelve)\s+(?P<unit>hours?|days?|weeks?)"
    r"|(?P<n2>\d+|one|two|three|four|five|six|seven|ten|twelve)-(?P<unit2>hour|day|week)\b)",
    re.IGNORECASE,
)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
    "twelve": 12,
}
LOOKING_BACK = re.compile(
    r"\b(?:took|came|went|began|started|kicked|entered|was|had)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class When:
    """A day and/or a time read from the words at ``start:end`` (relative offsets)."""

    day: date | None
    time: str | None
    start: int
    end: int


def clock(text: str) -> str | None:
    """``HH:MM`` of a time expression, or None."""
    words = " ".join(text.lower().split())
    if words in ("midnight",):
        return "00:00"
    if words in ("noon", "midday"):
        return "12:00"
    match = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)?", words)
    if match is None:
        return None
    if re.fullmatch(r"\d{4}\s*(?:gmt|utc|hours|hrs)", words):
        hour, minute = int(words[:2]), int(words[2:4])
    else:
        hour, minute = int(match[1]), int(match[2] or 0)
        suffix = match[3]
        if suffix in ("p.m.", "pm") and hour < 12:
            hour += 12
        elif suffix in ("a.m.", "am") and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def read_day(expression: str, published: date | None, *, ahead: bool = False) -> date | None:
    """The day an expression names, read against ``published``; a bare weekday is the
    coming one when ``ahead``."""
    words = " ".join(expression.lower().split())
    words = re.sub(r"^on\s+", "", words)
    if ahead and published is not None and words in WEEKDAYS:
        return published + timedelta(days=(WEEKDAYS.index(words) - published.weekday()) % 7)
    moment = None if published is None else datetime(published.year, published.month, published.day)
    resolved = resolve_expression(words, moment)
    return None if resolved is None else resolved.date


def when_after(text: str, at: int, published: date | None, reference: date | None) -> When | None:
    """A time and/or day right after position ``at`` (a start or end word's end)."""
    match = WHEN.match(text, at)
    if match is None:
        return None
    time_text = match["time"] or match["time2"]
    day_text = match["day"] or match["day2"]
    if time_text is None and day_text is None:
        return None
    lead = text[max(0, at - 40) : at]
    ahead = LOOKING_BACK.search(lead) is None
    anchor = reference or published
    day = read_day(day_text, anchor, ahead=ahead) if day_text else None
    time = clock(time_text) if time_text else None
    if day is None and time is not None and anchor is not None:
        # "from midnight" after an agreement: the midnight that follows it; "began at
        # midnight" in the day's news: the one that began the day.
        day = anchor + timedelta(days=1) if time == "00:00" and ahead else anchor
    return When(day, time, match.start(), match.end())


def duration(text: str) -> tuple[int, str] | None:
    """A stated length ("for 72 hours", "a three-day truce"): (number, "hours"/"days"...)."""
    match = DURATION.search(text)
    if match is None:
        return None
    count = match["n"] or match["n2"]
    unit = (match["unit"] or match["unit2"]).lower().rstrip("s") + "s"
    number = int(count) if count.isdigit() else _NUMBERS[count.lower()]
    return number, unit


def later(day: date, time: str | None, length: tuple[int, str]) -> tuple[date, str | None]:
    """The day (and time) ``length`` after ``day`` at ``time``."""
    number, unit = length
    hours = number * {"hours": 1, "days": 24, "weeks": 168}[unit]
    hour, minute = (int(part) for part in (time or "00:00").split(":"))
    moment = datetime(day.year, day.month, day.day, hour, minute) + timedelta(hours=hours)
    return moment.date(), (moment.strftime("%H:%M") if time is not None else None)
