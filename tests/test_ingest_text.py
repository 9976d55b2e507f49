"""Plain-text ingest: boilerplate removal, header reading (title, outlet, date), ids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from strife.errors import EmptyInput, NotEnglish
from strife.ingest import article_from_text, article_id
from strife.ingest.clean import assemble_paragraphs, default_rules, is_menu
from strife.ingest.meta import default_header_reader, parse_date_line, parse_published_value

SHARED = Path(__file__).resolve().parents[2] / "shared"
KARABAKH = SHARED / "examples" / "karabakh-2020-10-31.txt"

# A scraped page in the shape of the project's first real input, written for this test.
SCRAPED_PAGE = """\
Find Your Next Role in Logistics and Supply Chain Careers - JOIN NOW


Northern Gazette

Border clashes leave two soldiers wounded as river truce collapses

Northern Gazette

Tuesday, 9 March 2021 11:20 AM

The regional defence office says two soldiers were wounded overnight when rival units \
exchanged fire across the river, hours after a local truce was announced.

Officials on both sides blamed each other for opening fire first.

Talks moved to the capital

Negotiators had been due to meet in the border town on Wednesday, but the meeting was \
moved to the capital after the shooting, a spokesman said.

The river has marked a disputed line since the 1990s, when a brief war displaced \
thousands of families.

Join the mailing list"""

LEAD = "The regional defence office says two soldiers were wounded overnight"


class TestScrapedPage:
    def test_header_is_read(self) -> None:
        article = article_from_text(SCRAPED_PAGE, "page.txt")
        assert article.title == "Border clashes leave two soldiers wounded as river truce collapses"
        assert article.publication == "Northern Gazette"
        assert article.published == datetime(2021, 3, 9, 11, 20)
        assert article.source == "page.txt"
        assert article.lang == "en"

    def test_body_starts_with_lead_and_keeps_subheading(self) -> None:
        text = article_from_text(SCRAPED_PAGE, "page.txt").text
        assert text.startswith(LEAD)
        paragraphs = text.split("\n\n")
        assert "Talks moved to the capital" in paragraphs
        assert paragraphs[-1].startswith("The river has marked a disputed line")
        assert len(paragraphs) == 5

    def test_site_furniture_is_gone(self) -> None:
        text = article_from_text(SCRAPED_PAGE, "page.txt").text
        for furniture in ("JOIN NOW", "mailing list", "Northern Gazette", "Tuesday, 9 March"):
            assert furniture not in text

    def test_caller_metadata_wins_but_header_lines_still_leave_the_body(self) -> None:
        given = datetime(2021, 3, 10, tzinfo=UTC)
        article = article_from_text(
            SCRAPED_PAGE,
            "page.txt",
            url="https://example.org/a",
            title="Given title",
            publication="Given outlet",
            published=given,
        )
        assert (article.title, article.publication, article.published) == (
            "Given title",
            "Given outlet",
            given,
        )
        assert article.url == "https://example.org/a"
        assert article.text.startswith(LEAD)


@pytest.mark.skipif(not KARABAKH.exists(), reason="../shared/examples is not available")
def test_karabakh_example() -> None:
    article = article_from_text(KARABAKH.read_text(encoding="utf-8"), str(KARABAKH))
    assert article.title == (
        "Russia ready to provide Armenia with 'all necessary help' as Karabakh 4th truce "
        "falls apart"
    )
    assert article.publication == "Iran Press TV"
    assert article.published == datetime(2020, 10, 31, 16, 35)
    assert article.text.startswith("Russia says it will provide Armenia with")
    assert "JOIN NOW" not in article.text
    assert "mailing list" not in article.text
    assert "Armenia formally requests Russia's help" in article.text.split("\n\n")


def test_text_without_header_is_kept_whole() -> None:
    raw = (
        "Police arrested twelve protesters in the capital on Tuesday after clashes.\n\n"
        "Witnesses said officers used tear gas to clear the square outside parliament."
    )
    article = article_from_text(raw, "plain.txt")
    assert article.text == raw
    assert (article.title, article.publication, article.published) == (None, None, None)


def test_dateline_stays_in_the_lead() -> None:
    raw = (
        "MOSCOW (Reuters) - Russia said on Saturday it was ready to help Armenia if the "
        "fighting spread, as a new truce collapsed within hours.\n\n"
        "The foreign ministry gave no details of what help it could offer."
    )
    assert article_from_text(raw, "wire.txt").text.startswith("MOSCOW (Reuters) - Russia said")


def test_hard_wrapped_paragraphs_are_joined_and_short_header_lines_are_not() -> None:
    raw = (
        "Border clashes leave two soldiers wounded as river truce collapses\n"
        "Reuters\n"
        "October 31, 2020 16:35 GMT\n\n"
        "MOSCOW (Reuters) - Russia said on Saturday it would provide Armenia with all\n"
        "necessary help if fighting over the disputed region spread to Armenian\n"
        "territory, as a new truce collapsed within hours of being agreed.\n\n"
        "The foreign ministry said in a statement that Moscow was ready to hold\n"
        "consultations with Yerevan on the kind of assistance it could give.\n"
    )
    article = article_from_text(raw, "wrapped.txt")
    assert article.title == "Border clashes leave two soldiers wounded as river truce collapses"
    assert article.publication == "Reuters"
    assert article.published == datetime(2020, 10, 31, 16, 35, tzinfo=UTC)
    first, second = article.text.split("\n\n")
    assert first.startswith("MOSCOW (Reuters) - Russia said") and "all necessary help" in first
    assert second.endswith("the kind of assistance it could give.")


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Share this:",
        "Follow us on Telegram",
        "Sign up for our newsletter",
        "Read more",
        "Related: Armenia asks Moscow for security talks",
        "© 2021 Northern Gazette. All rights reserved.",
        "Copyright 2021 Northern Gazette",
        "We use cookies to improve your experience. By continuing you agree to our policy.",
        "Home | World | Europe | Sport | Business",
        "News • Opinion • Video • Podcasts",
        "Facebook Twitter WhatsApp Email",
        "Facebook | X | Telegram",
        "4 min read",
        "* * *",
        "Defence Jobs for Cleared Professionals - JOIN NOW",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert default_rules().is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Officials on both sides blamed each other for opening fire first.",
        "Talks moved to the capital",
        "The party said it would share power with the opposition after the vote.",
        "Armenia formally requests Russia's help",
    ],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not default_rules().is_boilerplate(line)


def test_story_list_after_related_heading_is_dropped() -> None:
    lines = [
        "The ministry said the talks would resume next week in the capital.",
        "",
        "Related stories",
        "Ceasefire talks stall in the capital",
        "Aid convoy reaches the besieged town",
        "",
        "A final paragraph of the article closes the report with a quote.",
    ]
    kept = [line for line in default_rules().strip(lines) if line]
    assert kept == [lines[0], lines[-1]]


def test_menu_needs_three_short_items() -> None:
    assert is_menu("Home > World > Europe")
    assert not is_menu("Temperatures > 40C")


def test_header_reader_splits_outlet_from_title() -> None:
    paragraphs = assemble_paragraphs(
        [
            "Clashes resume along the river | Northern Gazette",
            "",
            "Fighting resumed along the river on Monday, residents and officials said.",
        ]
    )
    header = default_header_reader().read(paragraphs)
    assert header.title == "Clashes resume along the river"
    assert header.publication == "Northern Gazette"
    assert header.body == (paragraphs[-1],)


def test_byline_before_the_lead_leaves_the_body() -> None:
    raw = (
        "Clashes resume along the disputed river\n\nBy Jane Example\n\n"
        "Fighting resumed along the river on Monday, residents and officials said."
    )
    article = article_from_text(raw, "byline.txt")
    assert article.title == "Clashes resume along the disputed river"
    assert article.text.startswith("Fighting resumed")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday, 31 October 2020 4:35 PM", datetime(2020, 10, 31, 16, 35)),
        ("31 Oct 2020", datetime(2020, 10, 31)),
        ("October 31, 2020 16:35 GMT", datetime(2020, 10, 31, 16, 35, tzinfo=UTC)),
        ("2020-10-31T16:35:00Z", datetime(2020, 10, 31, 16, 35, tzinfo=UTC)),
        (
            "2020-10-31T16:35:00+03:00",
            datetime(2020, 10, 31, 16, 35, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("Published: 31 October 2020", datetime(2020, 10, 31)),
        ("Updated 31 Oct 2020 | 4 min read", datetime(2020, 10, 31)),
    ],
)
def test_date_lines(line: str, expected: datetime) -> None:
    parsed = parse_date_line(line)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "line",
    ["yesterday", "2 hours ago", "Oct 31", "Iran Press TV", "May the talks succeed in 2021"],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_published_values() -> None:
    assert parse_published_value("2019-04-10") == datetime(2019, 4, 10)
    assert parse_published_value(1_600_000_000) == datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC)
    assert parse_published_value(1_600_000_000_000) == parse_published_value(1_600_000_000)
    assert parse_published_value("not a date") is None
    assert parse_published_value(True) is None
    assert parse_published_value(None) is None


def test_boilerplate_only_text_is_empty() -> None:
    with pytest.raises(EmptyInput, match="empty after removing site boilerplate"):
        article_from_text("Advertisement\n\nJoin the mailing list\n\nShare this\n", "ads.txt")


def test_blank_text_is_empty() -> None:
    with pytest.raises(EmptyInput):
        article_from_text("  \n\n \t", "blank.txt")


def test_french_text_is_refused() -> None:
    raw = (
        "Le gouvernement a annoncé samedi que les négociations avec les rebelles seraient "
        "suspendues, selon un communiqué publié par le ministère de la défense dans la capitale."
    )
    with pytest.raises(NotEnglish, match=r"not English \(detected: fr\)"):
        article_from_text(raw, "fr.txt")


class TestArticleId:
    def test_same_text_same_id(self) -> None:
        first = article_from_text(SCRAPED_PAGE, "a.txt")
        second = article_from_text(SCRAPED_PAGE, "b.txt")
        assert first.id == second.id
        assert len(first.id) == 16
        assert int(first.id, 16) >= 0

    def test_id_ignores_whitespace(self) -> None:
        assert article_id("Two  soldiers\nwere wounded.") == article_id(
            " Two soldiers were\twounded. "
        )
        assert article_id("Two soldiers were wounded.") != article_id(
            "Three soldiers were wounded."
        )

    def test_same_article_scraped_with_other_furniture_gets_same_id(self) -> None:
        rescraped = "Advertisement\n\n" + SCRAPED_PAGE.replace("\n\n", "\n\n\n") + "\n\nShare this"
        assert article_from_text(rescraped, "c.txt").id == article_from_text(SCRAPED_PAGE, "a").id


def test_tagline_banner_before_the_outlet_is_not_the_title() -> None:
    page = (
        "Breaking news and analysis from the Sahel - SUBSCRIBE FOR FULL ACCESS\n\n"
        "Sahel Courier\n\n"
        "Mali junta expels French ambassador after television interview\n\n"
        "By Courier staff\n\n"
        "Tuesday, 31 January 2023 10:05 AM\n\n"
        "Mali's transitional government ordered the French ambassador to leave the country "
        "within 72 hours on Monday, state television said, after remarks it called hostile.\n"
    )
    article = article_from_text(page, "sahel.txt")
    assert article.title == "Mali junta expels French ambassador after television interview"
    assert article.publication == "Sahel Courier"
    assert article.published == datetime(2023, 1, 31, 10, 5)
    assert article.text.startswith("Mali's transitional government")
