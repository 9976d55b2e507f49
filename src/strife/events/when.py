"""When an event happened: the dates of the trigger's own words first.

An event takes the dates of its own clause; a participle that goes on telling a clause
takes that clause's ("launched an offensive on Tuesday, pounding Armenian positions": the
pounding was on Tuesday, though the sentence ends "the ministry said on Wednesday"); else
the sentence's date nearest its root. What a verbal event is about ("agreed to meet in
July") holds the date of the meeting, not of the agreement, and a year that qualifies a
noun ("suspended a 1960 treaty on Wednesday", "the group blamed for the 2016 coup attempt")
tells when that thing came about, not when the event happened, unless the noun is the
trigger ("the 1948 killing of 24 civilians"). A clause that happened a stated number of
days or weeks after or before the act whose date it borrows is moved by them ("resigned on
Tuesday, a day after police fired on protesters": the firing was on Monday). With no date,
the article's publication date stands.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from strife.events.sequence import day_offset
from strife.events.triggers import CONTENT_PREPS, Trigger
from strife.plover import QUAD, VERBAL_CONFLICT
from strife.records import Article, DateMention, DateSource
from strife.syntax import CLAUSAL_MODIFIER_DEPS, COMPLEMENT_DEPS, NOUN_POS

# How a noun takes part in the act of the verb above it (a clause on it tells of the act).
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# How a date qualifies a noun: "a 1960 treaty", "the 2016 coup attempt".
NOUN_QUALIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})


def event_dates(
    trigger: Trigger,
    dates: Sequence[DateMention],
    own: set[int],
    told: set[int],
    sent: Span,
    dateline: frozenset[int],
) -> list[DateMention]:
    """The dates that may say when ``trigger``'s event happened, the likeliest first.

    ``own`` holds the token indices of the trigger's clause, ``told`` those of the clause it
    goes on telling (:func:`strife.events.places.told_clause`), ``dateline`` those of the
    article's dateline, whose date is the report's, not the event's."""
    doc = sent.doc
    carriers = {t.i for t in trigger.carriers(doc)}
    in_sentence = [d for d in dates if sent.start <= d.token_start < sent.end]
    qualifying = _qualifying(in_sentence, doc, carriers)
    # A participant's past ("Protasevich, a former editor of the channel that helped to
    # organise protests in 2020"), not the day that a trailing phrase gives where the parse
    # hangs it in a clause on one of the act's own participants ("was kidnapped by armed men
    # wearing balaclavas in November 2013").
    historical = [d for d in in_sentence if d.historical]
    described = _describing_clauses(sent, carriers) if historical else set()
    past = {
        i for d in historical if d.token_start in described
        for i in range(d.token_start, d.token_end)
    }  # fmt: skip
    content = _content_tokens(trigger, doc) | dateline | qualifying | past
    offset = day_offset(doc[trigger.token])
    if offset is not None:
        # "a day after", which the date parser may read as a date of its own
        content |= set(range(offset[0].start, offset[0].end))
    found = _event_dates(in_sentence, own - content, sent, content, told - content)
    if offset is None or not found or found[0].token_start in own:
        return found
    words, days = offset
    anchor = found[0]
    moved = replace(
        anchor,
        token_start=words.start,
        token_end=words.end,
        text=words.text,
        start=words.start_char,
        end=words.end_char,
        date=anchor.date + timedelta(days=days),
        until=None,
        relative=True,
    )
    return [moved, *found[1:]]


def _qualifying(dates: Sequence[DateMention], doc: Doc, carriers: set[int]) -> set[int]:
    """The tokens of dates that qualify a noun other than the trigger ("a 1960 treaty")."""
    out: set[int] = set()
    for mention in dates:
        root = doc[mention.token_start : mention.token_end].root
        head = root.head
        # "last year's protests": a past year that owns a noun qualifies it; "Tuesday's
        # attack" may be the day of the event told around it.
        qualifies = root.dep_ in NOUN_QUALIFIER_DEPS or (root.dep_ == "poss" and mention.historical)
        if (
            qualifies
            and head.pos_ in NOUN_POS
            and not mention.token_start <= head.i < mention.token_end
            and head.i not in carriers
        ):
            out.update(range(mention.token_start, mention.token_end))
    return out


def _describing_clauses(sent: Span, carriers: set[int]) -> set[int]:
    """The tokens of clauses that describe a noun and hold no word of the trigger, where that
    noun is not one of the trigger's own participants (its subject, object or agent)."""
    out: set[int] = set()
    for token in sent:
        noun = token.head
        if (
            token.dep_ not in CLAUSAL_MODIFIER_DEPS
            or noun.pos_ not in NOUN_POS
            or noun.i in carriers  # "talks that started late last year": the event's own
        ):
            continue
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if governor.i in carriers and noun.dep_ in PARTICIPANT_DEPS:
            continue
        inside = {t.i for t in token.subtree}
        if not inside & carriers:
            out |= inside
    return out


def _content_tokens(trigger: Trigger, doc: Doc) -> set[int]:
    """What a verbal event is about ("agreed to meet in July"): not its own time or place."""
    if trigger.event is None or (
        QUAD[trigger.event] != VERBAL_CONFLICT and trigger.event not in ("AGREE", "SUPPORT")
    ):
        return set()
    out: set[int] = set()
    for child in doc[trigger.token].children:
        if child.dep_ in COMPLEMENT_DEPS or (
            child.dep_ == "prep" and child.lower_ in CONTENT_PREPS
        ):
            out.update(t.i for t in child.subtree)
    return out


def _event_dates(
    dates: Sequence[DateMention],
    clause: Collection[int],
    sent: Span,
    excluded: set[int],
    told: Collection[int] = (),
) -> list[DateMention]:
    """Of the sentence's ``dates``: those in the trigger's own clause, else in the clause it
    goes on telling ("launched an offensive on Tuesday, pounding positions"), else all but
    the ``excluded``, nearest the root first."""
    for scope in (clause, told):
        if own := [d for d in dates if d.token_start in scope]:
            return own
    kept = [d for d in dates if d.token_start not in excluded]
    return sorted(kept, key=lambda d: abs(d.token_start - sent.root.i))


def resolve_date(
    dates: list[DateMention], article: Article
) -> tuple[date | None, DateSource | None, str | None]:
    """The first date's day and its source, else the publication date's."""
    if dates:
        return dates[0].date, "text", dates[0].text
    if article.published is not None:
        return article.published.date(), "published", None
    return None, None, None
