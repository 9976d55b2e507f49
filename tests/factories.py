"""Hand-built records for tests, shared by every test module.

``make_article()`` and ``make_event()`` return one consistent example (an Azerbaijani
shelling of Tegh that Armenia asserts and Baku denies) whose offsets all point into
``ARTICLE_TEXT``. Pass keyword overrides to change any field. ``events_strategy`` draws
arbitrary valid events for property tests.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from strife.plover import AUX_MARKERS, CONTEXTS, MODES, QUAD
from strife.records import (
    ActorRef,
    Article,
    Casualties,
    CiteInfo,
    Claim,
    Count,
    Event,
    Place,
    TextInfo,
)

SENTENCE = (
    "Azerbaijani forces shelled the village of Tegh on Monday, killing two civilians, "
    "Armenia's defense ministry said."
)
ARTICLE_TEXT = f"{SENTENCE} Baku denied the claim."
ARTICLE_ID = hashlib.sha256(ARTICLE_TEXT.encode()).hexdigest()[:16]
# Yerevan time: a non-UTC offset, so that time zones are exercised by default.
PUBLISHED = datetime(2024, 3, 5, 13, 30, tzinfo=timezone(timedelta(hours=4)))


def span(needle: str, text: str = ARTICLE_TEXT) -> tuple[int, int]:
    """Return the [start, end) offsets of the first ``needle`` in ``text``."""
    start = text.index(needle)
    return start, start + len(needle)


def make_article(**overrides: Any) -> Article:
    """An article; its id follows its text unless ``id`` is given."""
    text = overrides.get("text", ARTICLE_TEXT)
    base = Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        text=text,
        source="tests/tegh.txt",
        url="https://news.example/tegh",
        title="Shelling of Tegh",
        publication="Example News",
        published=PUBLISHED,
    )
    return dataclasses.replace(base, **overrides)


def make_actor(**overrides: Any) -> ActorRef:
    start, end = span("Azerbaijani forces")
    base = ActorRef(
        entity_text="Azerbaijani forces",
        code="AZE",
        sector="MIL",
        name="Azerbaijan",
        start=start,
        end=end,
    )
    return dataclasses.replace(base, **overrides)


def make_recipient(**overrides: Any) -> ActorRef:
    start, end = span("civilians")
    base = ActorRef(
        entity_text="civilians", code="ARM", sector="CVL", name=None, start=start, end=end
    )
    return dataclasses.replace(base, **overrides)


def make_place(**overrides: Any) -> Place:
    start, end = span("Tegh")
    base = Place(
        extracted_place="Tegh",
        resolved_place="Tegh",
        geonameid=616177,
        lat=39.5585,
        lon=46.4788,
        country_code="ARM",
        feature_code="PPL",
        admin1="Syunik",
        start=start,
        end=end,
        level="city",
    )
    return dataclasses.replace(base, **overrides)


def make_claim(**overrides: Any) -> Claim:
    start, end = span("Armenia's defense ministry said")
    base = Claim(
        by="Armenia's defense ministry",
        stance="asserts",
        text="Armenia's defense ministry said",
        start=start,
        end=end,
        code="ARM",
        sector="MIL",
    )
    return dataclasses.replace(base, **overrides)


def make_event(**overrides: Any) -> Event:
    """An event of ``make_article()``; ``id`` defaults to ``<article_id>-<sequence>``."""
    event_start, event_end = span("shelled")
    date_start, date_end = span("on Monday")
    denial_start, denial_end = span("Baku denied")
    base = Event(
        id=f"{ARTICLE_ID}-0",
        article_id=ARTICLE_ID,
        date=date(2024, 3, 4),
        date_source="text",
        event="ASSAULT",
        mode="heavy-weapons",
        context=("military",),
        quad_code=QUAD["ASSAULT"],
        actor=(make_actor(),),
        recipient=(make_recipient(),),
        event_loc=make_place(),
        size=Casualties(dead=Count(min=2, text="killing two civilians")),
        event_text="shelled",
        event_start=event_start,
        event_end=event_end,
        text=SENTENCE,
        text_info=TextInfo(sequence=0, start=0, end=len(SENTENCE)),
        claims=(
            make_claim(),
            make_claim(
                by="Baku",
                stance="denies",
                text="Baku denied",
                start=denial_start,
                end=denial_end,
                code="AZE",
                sector="GOV",
            ),
        ),
        contested=True,
        aux=None,
        cite_info=CiteInfo(
            url="https://news.example/tegh",
            title="Shelling of Tegh",
            publication="Example News",
            published=PUBLISHED.isoformat(),
        ),
        confidence=0.82,
        date_text=ARTICLE_TEXT[date_start:date_end],
    )
    return dataclasses.replace(base, **overrides)


# --- hypothesis strategies -----------------------------------------------------------------

# Any unicode a news page may carry (quotes, newlines, emoji, RTL), minus lone surrogates,
# which cannot be encoded as UTF-8 and so never reach the coder.
texts = st.text(st.characters(codec="utf-8"), max_size=40)
opt_texts = st.none() | texts
offsets = st.integers(min_value=0, max_value=1_000_000)
finite = st.floats(allow_nan=False, allow_infinity=False)
codes = st.none() | st.sampled_from(("ARM", "AZE", "USA", "IGO", "UNO", "RUS"))
sectors = st.none() | st.sampled_from(("GOV", "MIL", "REB", "CVL", "PRE"))

actor_refs = st.builds(
    ActorRef,
    entity_text=texts,
    code=codes,
    sector=sectors,
    name=opt_texts,
    start=offsets,
    end=offsets,
    other_sectors=st.lists(st.sampled_from(("PRE", "ELI", "OPP")), max_size=2).map(tuple),
)
places = st.builds(
    Place,
    extracted_place=texts,
    resolved_place=texts,
    geonameid=st.integers(min_value=1, max_value=2**40),
    lat=st.floats(min_value=-90, max_value=90),
    lon=st.floats(min_value=-180, max_value=180),
    country_code=st.sampled_from(("ARM", "AZE", "UKR")),
    feature_code=st.sampled_from(("PPL", "ADM1", "PCLI")),
    admin1=opt_texts,
    start=offsets,
    end=offsets,
    level=st.none() | st.sampled_from(("city", "district", "province", "country")),
)
counts = st.none() | st.builds(Count, min=st.integers(min_value=0, max_value=10**6), text=texts)
claims = st.builds(
    Claim,
    by=texts,
    stance=st.sampled_from(("asserts", "denies")),
    text=texts,
    start=offsets,
    end=offsets,
    code=codes,
    sector=sectors,
)


@st.composite
def events_strategy(draw: st.DrawFn, article_id: str | None = None) -> Event:
    """Any valid event; ids are drawn freely unless ``article_id`` pins the article."""
    kind = draw(st.sampled_from(sorted(QUAD)))
    return Event(
        id=draw(texts.filter(bool)),
        article_id=article_id if article_id is not None else draw(texts),
        date=draw(st.none() | st.dates()),
        date_source=draw(st.none() | st.sampled_from(("text", "published"))),
        event=kind,
        mode=draw(st.none() | st.sampled_from(MODES[kind])) if MODES[kind] else None,
        context=tuple(draw(st.lists(st.sampled_from(CONTEXTS), max_size=3))),
        quad_code=QUAD[kind],
        actor=tuple(draw(st.lists(actor_refs, max_size=3))),
        recipient=tuple(draw(st.lists(actor_refs, max_size=3))),
        event_loc=draw(st.none() | places),
        size=Casualties(dead=draw(counts), injured=draw(counts), arrested=draw(counts)),
        event_text=draw(texts),
        event_start=draw(offsets),
        event_end=draw(offsets),
        text=draw(texts),
        text_info=TextInfo(draw(offsets), draw(offsets), draw(offsets)),
        claims=tuple(draw(st.lists(claims, max_size=3))),
        contested=draw(st.booleans()),
        aux=draw(st.none() | st.sampled_from(AUX_MARKERS)),
        cite_info=CiteInfo(draw(opt_texts), draw(opt_texts), draw(opt_texts), draw(opt_texts)),
        confidence=draw(finite),
        date_text=draw(opt_texts),
    )
