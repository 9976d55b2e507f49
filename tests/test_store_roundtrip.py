"""Property test: any events survive a trip through the store unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import events_strategy, make_actor, make_article, make_event, texts
from strife.records import Event
from strife.store import Store

ARTICLE = make_article()


def _unique_ids(events: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.id, event)
    return list(seen.values())


@settings(max_examples=60, deadline=None)
@given(
    events=st.lists(events_strategy(article_id=ARTICLE.id), max_size=5).map(_unique_ids),
    article_text=texts,
)
def test_any_events_round_trip_through_the_store(events: list[Event], article_text: str) -> None:
    article = make_article(id=ARTICLE.id, text=article_text, title=article_text)

    with Store.open(":memory:") as store:
        store.save(article, events)
        stored = store.events(article_id=article.id)
        stored_article = store.article(article.id)

    assert sorted(stored, key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
    assert stored_article == article


AWKWARD = "a\x00b \"quoted\" 'single' \n\r\t 🚀 שלום \u2028 \\ ; DROP TABLE events; --"


def test_awkward_text_round_trips_through_the_store() -> None:
    article = make_article(text=AWKWARD, title=AWKWARD, source=AWKWARD)
    event = make_event(
        id=AWKWARD,
        article_id=article.id,
        text=AWKWARD,
        event_text=AWKWARD,
        actor=(make_actor(entity_text=AWKWARD, code=None),),
    )

    with Store.open(":memory:") as store:
        store.save(article, [event])

        assert store.events(article_id=article.id) == [event]
        assert store.article(article.id) == article
        assert store.counts() == {"articles": 1, "events": 1, "rejections": 0}
