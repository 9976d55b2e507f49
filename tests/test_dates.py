"""Temporal expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from parsed import tokens
from strife.dates import find_dates, resolve_expression

# Saturday 31 October 2020, 16:35: the Karabakh article.
SATURDAY = datetime(2020, 10, 31, 16, 35)
# Tuesday 3 January 2023: the month and the year roll over.
NEW_YEAR = datetime(2023, 1, 3, 9, 0)

PAST = True
RECENT = False

SATURDAY_TABLE = [
    ("Saturday", date(2020, 10, 31), RECENT),
    ("on Saturday", date(2020, 10, 31), RECENT),
    ("Friday", date(2020, 10, 30), RECENT),
    ("on Friday", date(2020, 10, 30), RECENT),
    ("Friday night", date(2020, 10, 30), RECENT),
    ("last Tuesday", date(2020, 10, 27), RECENT),
    ("Sunday", date(2020, 10, 25), RECENT),
    ("last Saturday", date(2020, 10, 24), RECENT),
    ("next Monday", date(2020, 11, 2), RECENT),
    ("today", date(2020, 10, 31), RECENT),
    ("this morning", date(2020, 10, 31), RECENT),
    ("yesterday", date(2020, 10, 30), RECENT),
    ("last night", date(2020, 10, 30), RECENT),
    ("the day before yesterday", date(2020, 10, 29), RECENT),
    ("tomorrow", date(2020, 11, 1), RECENT),
    ("last week", date(2020, 10, 24), RECENT),
    ("next week", date(2020, 11, 7), RECENT),
    ("last month", date(2020, 9, 30), RECENT),
    ("earlier this month", date(2020, 10, 1), RECENT),
    ("earlier this week", date(2020, 10, 26), RECENT),
    ("the weekend", date(2020, 10, 31), RECENT),
    ("early October", date(2020, 10, 5), RECENT),
    ("mid-October", date(2020, 10, 15), RECENT),
    ("late September", date(2020, 9, 25), RECENT),
    ("in late September", date(2020, 9, 25), RECENT),
    ("late November", date(2019, 11, 25), RECENT),
    ("September", date(2020, 9, 1), RECENT),
    ("October 30", date(2020, 10, 30), RECENT),
    ("Oct. 30", date(2020, 10, 30), RECENT),
    ("30 October", date(2020, 10, 30), RECENT),
    ("the 30th of October", date(2020, 10, 30), RECENT),
    ("November 3", date(2020, 11, 3), RECENT),
    ("December 25", date(2019, 12, 25), RECENT),
    ("October 30, 2020", date(2020, 10, 30), RECENT),
    ("30 October 2020", date(2020, 10, 30), RECENT),
    ("Saturday, 31 October 2020", date(2020, 10, 31), RECENT),
    ("2020-10-30", date(2020, 10, 30), RECENT),
    ("Sept. 11, 2001", date(2001, 9, 11), PAST),
    ("October 2019", date(2019, 10, 1), PAST),
    ("mid-September 2019", date(2019, 9, 15), PAST),
    ("in 1997", date(1997, 1, 1), PAST),
    ("since 1992", date(1992, 1, 1), PAST),
    ("1997", date(1997, 1, 1), PAST),
    ("in 2020", date(2020, 1, 1), RECENT),
    ("last year", date(2019, 1, 1), PAST),
    ("in the 1990s", date(1990, 1, 1), PAST),
    ("the '90s", date(1990, 1, 1), PAST),
    ("decades ago", date(2000, 1, 1), PAST),
    ("two decades ago", date(2000, 1, 1), PAST),
    ("two years ago", date(2018, 10, 31), PAST),
    ("three days ago", date(2020, 10, 28), RECENT),
    ("a week ago", date(2020, 10, 24), RECENT),
]

NOT_POINTS_IN_TIME = [
    "six-hour",
    "hours",
    "24 hours",
    "decades",
    "in decades",
    "monthlong",
    "so far",
    "two weeks",
    "the past 24 hours",
    "later",
    "recently",
    "30,000",
    "February 30, 2020",
]

NEW_YEAR_TABLE = [
    ("late December", date(2022, 12, 25), RECENT),
    ("December 30", date(2022, 12, 30), RECENT),
    ("January 2", date(2023, 1, 2), RECENT),
    ("January 20", date(2023, 1, 20), RECENT),
    ("last month", date(2022, 12, 3), RECENT),
    ("earlier this month", date(2023, 1, 1), RECENT),
    ("Monday", date(2023, 1, 2), RECENT),
    ("Tuesday", date(2023, 1, 3), RECENT),
    ("Wednesday", date(2022, 12, 28), RECENT),
    ("last week", date(2022, 12, 27), RECENT),
    ("early January", date(2023, 1, 5), RECENT),
    ("in 2022", date(2022, 1, 1), PAST),
    ("last year", date(2022, 1, 1), PAST),
    ("December 2021", date(2021, 12, 1), PAST),
]


# Explicit dates in other formats, and ranges: (expression, first day, last day, relative).
FORMATS_AND_RANGES = [
    ("31/10/2020", date(2020, 10, 31), None, False),
    ("10/31/2020", date(2020, 10, 31), None, False),
    ("31.10.2020", date(2020, 10, 31), None, False),
    ("2020/10/31", date(2020, 10, 31), None, False),
    ("Sat 31 Oct 2020", date(2020, 10, 31), None, False),
    ("October 10-12", date(2020, 10, 10), date(2020, 10, 12), True),
    ("Oct. 10-12", date(2020, 10, 10), date(2020, 10, 12), True),
    ("10-12 October", date(2020, 10, 10), date(2020, 10, 12), True),
    ("between October 10 and 12", date(2020, 10, 10), date(2020, 10, 12), True),
    ("between 10 and 12 October", date(2020, 10, 10), date(2020, 10, 12), True),
    ("October 10 to 12, 2019", date(2019, 10, 10), date(2019, 10, 12), False),
    ("between Oct 30 and Nov 2", date(2020, 10, 30), date(2020, 11, 2), True),
    ("from Monday to Wednesday", date(2020, 10, 26), date(2020, 10, 28), True),
    ("from Thursday until Saturday", date(2020, 10, 29), date(2020, 10, 31), True),
    ("between 2014 and 2016", date(2014, 1, 1), date(2016, 1, 1), False),
    ("2014-2016", date(2014, 1, 1), date(2016, 1, 1), False),
    ("from 2014 to 2016", date(2014, 1, 1), date(2016, 1, 1), False),
    ("Friday", date(2020, 10, 30), None, True),
    ("late September", date(2020, 9, 25), None, True),
    ("late September 2019", date(2019, 9, 25), None, False),
    ("since 1992", date(1992, 1, 1), None, False),
]

NOT_ONE_READING = ["05/06/2020", "October 12-10", "2016-2014", "13/13/2020"]


@pytest.mark.parametrize(("expression", "expected", "historical"), SATURDAY_TABLE)
def test_expressions_against_a_saturday_paper(
    expression: str, expected: date, historical: bool
) -> None:
    resolved = resolve_expression(expression, SATURDAY)
    assert resolved is not None
    assert (resolved.date, resolved.historical) == (expected, historical)


@pytest.mark.parametrize(("expression", "first", "last", "relative"), FORMATS_AND_RANGES)
def test_other_formats_and_ranges(
    expression: str, first: date, last: date | None, relative: bool
) -> None:
    resolved = resolve_expression(expression, SATURDAY)
    assert resolved is not None
    assert (resolved.date, resolved.until, resolved.relative) == (first, last, relative)


@pytest.mark.parametrize("expression", NOT_ONE_READING)
def test_ambiguous_numeric_dates_and_reversed_ranges_resolve_to_nothing(expression: str) -> None:
    assert resolve_expression(expression, SATURDAY) is None


def test_without_publication_date_relative_expressions_resolve_to_nothing() -> None:
    assert resolve_expression("Friday", None) is None
    assert resolve_expression("October 10-12", None) is None
    resolved = resolve_expression("31/10/2020", None)
    assert resolved is not None and resolved.date == date(2020, 10, 31)


@pytest.mark.parametrize(("expression", "expected", "historical"), NEW_YEAR_TABLE)
def test_expressions_across_the_new_year(expression: str, expected: date, historical: bool) -> None:
    resolved = resolve_expression(expression, NEW_YEAR)
    assert resolved is not None
    assert (resolved.date, resolved.historical) == (expected, historical)


@pytest.mark.parametrize("expression", NOT_POINTS_IN_TIME)
def test_durations_and_vague_words_resolve_to_nothing(expression: str) -> None:
    assert resolve_expression(expression, SATURDAY) is None


def test_ranges_in_a_text_are_one_mention_with_both_days() -> None:
    doc = tokens("talks were held from Monday to Wednesday in Geneva")
    (mention,) = find_dates(doc, SATURDAY)
    assert (mention.text, mention.date, mention.until) == (
        "from Monday to Wednesday",
        date(2020, 10, 26),
        date(2020, 10, 28),
    )
    assert mention.relative


KARABAKH_LINES = tokens(
    "Stepanyan said Saturday that the city was shelled , in Geneva on Friday . After six - "
    "hour talks , a pact signed in 1997 and a war since 1992 , the conflict re - erupted "
    "in late September , the worst in decades .",
    [
        ("Saturday", "DATE"),
        ("Friday", "DATE"),
        ("six - hour", "TIME"),
        ("1997", "DATE"),
        ("late September", "DATE"),
        ("decades", "DATE"),
    ],
)


def test_find_dates_resolves_entities_and_the_patterns_the_model_misses() -> None:
    mentions = find_dates(KARABAKH_LINES, SATURDAY)
    assert [(m.text, m.date, m.historical) for m in mentions] == [
        ("Saturday", date(2020, 10, 31), False),
        ("Friday", date(2020, 10, 30), False),
        ("1997", date(1997, 1, 1), True),
        ("1992", date(1992, 1, 1), True),
        ("late September", date(2020, 9, 25), False),
    ]
    for mention in mentions:
        assert KARABAKH_LINES.text[mention.start : mention.end] == mention.text
        assert KARABAKH_LINES[mention.token_start : mention.token_end].text == mention.text


def test_without_publication_date_only_explicit_dates_resolve() -> None:
    mentions = find_dates(KARABAKH_LINES, None)
    assert [(m.text, m.date) for m in mentions] == [
        ("1997", date(1997, 1, 1)),
        ("1992", date(1992, 1, 1)),
    ]


def test_full_date_with_weekday_is_one_mention() -> None:
    doc = tokens("Saturday , 31 October 2020 4:35 PM")
    (mention,) = find_dates(doc, None)
    assert (mention.text, mention.date, mention.token_start, mention.token_end) == (
        "Saturday, 31 October 2020",
        date(2020, 10, 31),
        0,
        5,
    )


def test_lower_case_may_and_march_are_not_months() -> None:
    doc = tokens("the troops may march on .")
    assert find_dates(doc, SATURDAY) == []


def test_a_name_that_begins_like_a_month_is_no_date() -> None:
    doc = tokens("Mark Campbell and Junaid Hussein met in Dec. and again on Sept 3 .")
    assert [m.text for m in find_dates(doc, SATURDAY)] == ["Dec.", "Sept 3"]


def test_a_month_inside_a_persons_name_is_the_person() -> None:
    text = "David Cameron , May 's predecessor , spoke in May again ."
    doc = tokens(text, ents=[("May", "PERSON")])
    assert [(m.text, m.token_start) for m in find_dates(doc, SATURDAY)] == [("May", 9)]


SHARED = Path(__file__).resolve().parents[2] / "shared"
KARABAKH_ARTICLE = SHARED / "examples" / "karabakh-2020-10-31.txt"


@pytest.mark.slow
def test_dates_of_an_own_article_with_the_real_model(nlp: Any) -> None:
    doc = nlp(
        "Rebels attacked the base on Thursday, two days after talks collapsed. The truce, "
        "agreed in early October and in force since 2016, held until last week."
    )
    found = {(m.text, m.date) for m in find_dates(doc, SATURDAY)}
    assert ("Thursday", date(2020, 10, 29)) in found
    assert ("early October", date(2020, 10, 5)) in found
    assert ("2016", date(2016, 1, 1)) in found
    assert ("last week", date(2020, 10, 24)) in found


@pytest.mark.slow
@pytest.mark.skipif(not KARABAKH_ARTICLE.is_file(), reason="../shared is not checked out")
def test_dates_of_the_karabakh_article(nlp: Any) -> None:
    doc = nlp(KARABAKH_ARTICLE.read_text(encoding="utf-8"))
    found = [(m.text, m.date, m.historical) for m in find_dates(doc, SATURDAY)]
    assert found == [
        ("Saturday, 31 October 2020", date(2020, 10, 31), False),
        ("Saturday", date(2020, 10, 31), False),
        ("Friday", date(2020, 10, 30), False),
        ("1997", date(1997, 1, 1), True),
        ("1992", date(1992, 1, 1), True),
        ("late September", date(2020, 9, 25), False),
        ("2007", date(2007, 1, 1), True),
    ]


@pytest.mark.parametrize(
    "expression", ["5000 years ago", "99999999 days ago", "in 1750", "in 2150", "March 2150"]
)
def test_dates_outside_1800_to_2100_resolve_to_nothing(expression: str) -> None:
    assert resolve_expression(expression, SATURDAY) is None


def test_nothing_is_read_against_an_implausible_publication_date() -> None:
    # Year 10000 in UTC: "tomorrow" used to overflow and fail the whole article.
    overflowing = datetime.fromisoformat("9999-12-31T23:59:59-14:00")
    for expression in ("tomorrow", "next week", "Friday", "three days ago"):
        assert resolve_expression(expression, overflowing) is None
    stated = resolve_expression("31 October 2020", overflowing)
    assert stated is not None and stated.date == date(2020, 10, 31)
