"""Truce records across articles: mentions merged into truces, linked, ordered, violated.

Mentions are grouped by war (the parties they name: two mentions sharing two parties, or
their one party, are of one war). Within a war:

1. mentions that announce a truce with a day (agreed or starting) make the records; two
   of the same parties agreed or starting within a day of each other, with mediators and
   scope that do not disagree, are one truce;
2. ``the 1994 ceasefire``-like mentions make one historical record per year;
3. mentions that count earlier truces ("Russia brokered two ceasefires") link to that
   many earlier records with a shared mediator, and make undated records for those no
   article dates;
4. the rest ("a fourth ceasefire attempt falls apart", "the truce") link to the truce
   their article announces, else to the one by number, else to the latest agreed by the
   article's day; with none, the article's mention makes an undated record.

Records are ordered by day (an undated earlier one just before the truce it was counted
from); each is superseded by the next. Its alleged violations are the events between
its parties from its start until the next truce starts, and those its words call a
breach. Its status history: announced, in force (a stated start), violated (first
alleged violation), collapsed (words say so), superseded.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from strife.records import Event
from strife.truces.model import (
    STATUSES,
    Evidence,
    Kind,
    Moment,
    Party,
    Site,
    StatusChange,
    Term,
    Truce,
    TruceMention,
    Violation,
)
from strife.truces.moments import DAY_IN_TEXT
from strife.truces.violations import in_period, involves, violation

MERGE_DAYS = 1
# Fighting has resumed at scale when this many alleged attacks, by both sides, fall within
# this many days: a truce's record then collapses even if no article says so.
RESUMED_ATTACKS = 3
RESUMED_DAYS = 3
ID_HEX_CHARS = 16
_KIND_PRIORITY: tuple[Kind, ...] = (
    "humanitarian ceasefire",
    "unilateral ceasefire",
    "peace agreement",
)


@dataclass(slots=True)
class _Draft:
    """A truce being assembled from its mentions."""

    day: date | None
    mentions: list[TruceMention] = field(default_factory=list)
    announcing: list[TruceMention] = field(default_factory=list)
    earlier_than: _Draft | None = None
    ordinal: int | None = None
    historical: bool = False
    year: int | None = None
    anchor: date | None = None
    serial: int = 0

    def add(self, mention: TruceMention, *, announcing: bool) -> None:
        self.mentions.append(mention)
        if announcing:
            self.announcing.append(mention)
        if mention.ordinal is not None and self.ordinal is None and not mention.earlier:
            self.ordinal = mention.ordinal

    def mediator_codes(self) -> set[str]:
        return {p.code for m in self.own_mentions() for p in m.mediators}

    def own_mentions(self) -> list[TruceMention]:
        """Mentions about this truce itself, not counting it among earlier ones (unless
        that is all there is: an undated earlier truce)."""
        return [m for m in self.mentions if not m.earlier] or self.mentions

    def scope_country(self) -> str | None:
        return next((m.scope.country_code for m in self.announcing if m.scope), None)

    def sort_key(self) -> tuple[date, int]:
        if self.day is not None:
            return self.day, 1
        if self.earlier_than is not None:
            anchor = self.earlier_than.sort_key()
            return anchor[0], anchor[1] - 1
        return self.anchor or date.max, 1


def build_truces(
    mentions: Iterable[TruceMention],
    events: Sequence[Event],
    outlets: Mapping[str, frozenset[str]] | None = None,
) -> list[Truce]:
    """Every truce the mentions tell of, with its violations among ``events``.

    ``outlets`` maps article ids to the outlets that published them (for ``n_sources``;
    one outlet per article when absent).
    """
    truces: list[Truce] = []
    for war in wars(list(mentions)):
        truces.extend(_build_war(war, events, outlets or {}))
    return truces


def wars(mentions: list[TruceMention]) -> list[list[TruceMention]]:
    """Mentions grouped by war: two share two parties, or their only party."""
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Linear in the mentions: each joins the first mention seen with a pair of its codes
    # (or with its only code).
    first_with: dict[tuple[str, ...], int] = {}
    for i, mention in enumerate(mentions):
        codes = sorted({p.code for p in mention.parties})
        keys: list[tuple[str, ...]] = [(a, b) for n, a in enumerate(codes) for b in codes[n + 1 :]]
        keys = keys or [tuple(codes)]
        for key in keys:
            if key in first_with:
                parent[root(i)] = root(first_with[key])
            else:
                first_with[key] = i
    # A mention naming one side joins the one war of that side, when there is one.
    wars_of: dict[str, set[int]] = {}
    for i, mention in enumerate(mentions):
        if len({p.code for p in mention.parties}) >= 2:
            for party in mention.parties:
                wars_of.setdefault(party.code, set()).add(root(i))
    for i, mention in enumerate(mentions):
        sides = {p.code for p in mention.parties}
        if len(sides) == 1:
            found = {root(j) for j in wars_of.get(next(iter(sides)), set())}
            if len(found) == 1:
                parent[root(i)] = found.pop()
    groups: dict[int, list[TruceMention]] = {}
    for i, mention in enumerate(mentions):
        groups.setdefault(root(i), []).append(mention)
    return list(groups.values())


def conflict_of(mentions: Sequence[TruceMention]) -> tuple[str, ...]:
    """The war's parties: every code at least two mentions name, else all of them."""
    counts = Counter(code for m in mentions for code in {p.code for p in m.parties})
    common = sorted(code for code, n in counts.items() if n >= 2)
    return tuple(common) if len(common) >= 2 else tuple(sorted(counts))


def _build_war(
    mentions: list[TruceMention], events: Sequence[Event], outlets: Mapping[str, frozenset[str]]
) -> list[Truce]:
    conflict = conflict_of(mentions)
    names = {p.code: p.name for m in mentions for p in m.parties if p.name}
    mentions = [_named(m, names) for m in mentions]
    ordered = sorted(mentions, key=lambda m: (m.published or date.min, m.article_id, m.cue.start))
    drafts: list[_Draft] = []
    links: dict[int, list[_Draft]] = {}
    # Days the words state first: a day read from the publication date may be a day late.
    for mention in sorted(ordered, key=lambda m: not _stated(m)):
        day = _day(mention)
        if mention.historical or mention.earlier or day is None or mention.reference:
            continue
        draft = _matching(drafts, mention, day) or _new(drafts, day)
        draft.add(mention, announcing=True)
        links[id(mention)] = [draft]
    for mention in ordered:
        if mention.historical and not mention.earlier and id(mention) not in links:
            links[id(mention)] = [_historical(drafts, mention)]
    for mention in ordered:
        if not mention.earlier and id(mention) not in links:
            links[id(mention)] = [_link_reference(drafts, mention, links, ordered)]
    for mention in ordered:
        if mention.earlier and id(mention) not in links:
            links[id(mention)] = _link_earlier(drafts, mention, links, ordered)
    current = sorted((d for d in drafts if not d.historical), key=_Draft.sort_key)
    periods = _periods(current)
    fighting = [event for event in events if involves(event, conflict)]
    said = _said_to_breach(fighting, _explicit(ordered, links))
    truces: dict[int, Truce] = {}
    following: _Draft | None = None
    for draft in reversed(current):
        truces[id(draft)] = _finish(
            draft,
            conflict,
            following=truces.get(id(following)) if following else None,
            violations=_violations(draft, conflict, fighting, periods, said),
            outlets=outlets,
        )
        following = draft
    for draft in drafts:
        if draft.historical:
            truces[id(draft)] = _finish(draft, conflict, None, (), outlets)
    return sorted(truces.values(), key=lambda t: (t.first_day or date.max, t.id))


# --- grouping mentions into drafts ----------------------------------------------------------


def _day(mention: TruceMention) -> date | None:
    for moment in (mention.agreed_on, mention.starts):
        if moment is not None and moment.date is not None:
            return moment.date
    return None


def _named(mention: TruceMention, names: Mapping[str, str | None]) -> TruceMention:
    """The mention with its unnamed parties named as the war's other mentions name them."""
    if all(p.name for p in mention.parties):
        return mention
    parties = tuple(
        p if p.name else Party(p.code, names.get(p.code), p.evidence) for p in mention.parties
    )
    return dataclasses.replace(mention, parties=parties)


def _stated(mention: TruceMention) -> bool:
    """The mention's day comes from a date expression of its own words."""
    moments = (mention.agreed_on, mention.starts)
    return any(m is not None and DAY_IN_TEXT.search(m.evidence.text) for m in moments)


def _new(drafts: list[_Draft], day: date | None) -> _Draft:
    draft = _Draft(day)
    drafts.append(draft)
    return draft


def _matching(drafts: list[_Draft], mention: TruceMention, day: date) -> _Draft | None:
    mediators = {p.code for p in mention.mediators}
    scope = mention.scope.country_code if mention.scope else None
    best: _Draft | None = None
    for draft in drafts:
        if draft.day is None or draft.historical or abs((draft.day - day).days) > MERGE_DAYS:
            continue
        theirs = draft.mediator_codes()
        if mediators and theirs and not mediators & theirs:
            continue
        if scope and draft.scope_country() and scope != draft.scope_country():
            continue
        if best is None or abs((draft.day - day).days) < abs(((best.day or day) - day).days):
            best = draft
    return best


def _historical(drafts: list[_Draft], mention: TruceMention) -> _Draft:
    for draft in drafts:
        if draft.historical and draft.year == mention.year:
            draft.add(mention, announcing=True)
            return draft
    draft = _new(drafts, None)
    draft.historical, draft.year = True, mention.year
    draft.add(mention, announcing=True)
    return draft


def _announced_in(
    article_id: str, ordered: list[TruceMention], links: Mapping[int, list[_Draft]]
) -> _Draft | None:
    """The truce an article announces (its first mention with a day of its own)."""
    for mention in ordered:
        if mention.article_id == article_id and not mention.earlier and not mention.reference:
            for draft in links.get(id(mention), []):
                if draft.day is not None:
                    return draft
    return None


def _link_earlier(
    drafts: list[_Draft],
    mention: TruceMention,
    links: Mapping[int, list[_Draft]],
    ordered: list[TruceMention],
) -> list[_Draft]:
    current = _announced_in(mention.article_id, ordered, links)
    before = current.day if current is not None else mention.published
    mediators = {p.code for p in mention.mediators}
    candidates = [
        d
        for d in drafts
        if d.day is not None
        and not d.historical
        and (before is None or d.day < before)
        and (not mediators or mediators & d.mediator_codes())
    ]
    candidates.sort(key=lambda d: d.day or date.min, reverse=True)
    wanted = mention.count if mention.count > 1 else max(len(candidates), 1)
    chosen = candidates[:wanted]
    for draft in chosen:
        draft.add(mention, announcing=False)
    created: list[_Draft] = []
    for serial in range(wanted - len(chosen)):
        draft = _new(drafts, None)
        draft.serial = serial
        draft.earlier_than = current
        draft.anchor = mention.published
        draft.add(mention, announcing=True)
        created.append(draft)
    return chosen + created


def _link_reference(
    drafts: list[_Draft],
    mention: TruceMention,
    links: Mapping[int, list[_Draft]],
    ordered: list[TruceMention],
) -> _Draft:
    own = _announced_in(mention.article_id, ordered, links)
    dated = [
        d
        for d in drafts
        if d.day is not None
        and not d.historical
        and (mention.published is None or d.day <= mention.published)
    ]
    numbered = [d for d in dated if mention.ordinal is not None and d.ordinal == mention.ordinal]
    if own is not None:
        target = own
    elif numbered:
        target = numbered[0]
    elif dated:
        target = max(dated, key=lambda d: d.day or date.min)
    else:
        target = next(
            (
                d
                for d in drafts
                if d.day is None
                and not d.historical
                and d.earlier_than is None
                and any(m.article_id == mention.article_id for m in d.mentions)
            ),
            None,
        ) or _undated_reference(drafts, mention)
    target.add(mention, announcing=False)
    return target


def _undated_reference(drafts: list[_Draft], mention: TruceMention) -> _Draft:
    draft = _new(drafts, None)
    draft.anchor = mention.published
    return draft


# --- violations --------------------------------------------------------------------------------


def _periods(current: list[_Draft]) -> dict[int, tuple[date | None, date | None]]:
    """Each dated truce's days: from its start to the next dated truce's start."""
    periods: dict[int, tuple[date | None, date | None]] = {}
    dated = [d for d in current if d.day is not None]
    for i, draft in enumerate(dated):
        start = _start_day(draft)
        until = _start_day(dated[i + 1]) if i + 1 < len(dated) else None
        periods[id(draft)] = (start, until)
    return periods


def _start_day(draft: _Draft) -> date | None:
    for mention in draft.announcing:
        if mention.starts is not None and mention.starts.date is not None:
            return mention.starts.date
    return draft.day


def _explicit(
    ordered: list[TruceMention], links: Mapping[int, list[_Draft]]
) -> dict[tuple[str, int, int], _Draft]:
    """Words that call something a breach of a truce: (article, window) -> that truce."""
    found: dict[tuple[str, int, int], _Draft] = {}
    for mention in ordered:
        drafts = links.get(id(mention), [])
        if mention.breach is not None and len(drafts) == 1:
            found[(mention.article_id, *mention.window)] = drafts[0]
    return found


def _said_to_breach(
    events: Sequence[Event], explicit: Mapping[tuple[str, int, int], _Draft]
) -> dict[str, list[_Draft]]:
    """Event id -> the truces whose breach words stand around the event."""
    by_article: dict[str, list[tuple[int, int, _Draft]]] = {}
    for (article, start, end), draft in explicit.items():
        by_article.setdefault(article, []).append((start, end, draft))
    said: dict[str, list[_Draft]] = {}
    for event in events:
        for start, end, draft in by_article.get(event.article_id, ()):
            if start <= event.event_start < end:
                said.setdefault(event.id, []).append(draft)
    return said


def _violations(
    draft: _Draft,
    conflict: tuple[str, ...],
    fighting: Sequence[Event],
    periods: Mapping[int, tuple[date | None, date | None]],
    said: Mapping[str, list[_Draft]],
) -> tuple[Violation, ...]:
    """The war's fighting events (``involves``) that allegedly violate ``draft``."""
    first, until = periods.get(id(draft), (None, None))
    found: dict[str, Violation] = {}
    for event in fighting:
        explicit = any(target is draft for target in said.get(event.id, ()))
        if not explicit and not in_period(event, first, until):
            continue
        alleged = violation(event, conflict, explicit=explicit)
        if alleged is not None:
            found[event.id] = alleged
    return tuple(sorted(found.values(), key=lambda v: (v.date or date.max, v.event_id)))


# --- the record ----------------------------------------------------------------------------------


def _finish(
    draft: _Draft,
    conflict: tuple[str, ...],
    following: Truce | None,
    violations: Sequence[Violation],
    outlets: Mapping[str, frozenset[str]],
) -> Truce:
    told = draft.announcing or draft.mentions
    articles = tuple(sorted({m.article_id for m in draft.mentions}))
    sources = (
        set().union(*(outlets.get(a, frozenset({a})) for a in articles)) if articles else set()
    )
    stated_first = sorted(told, key=lambda m: not _stated(m))
    agreed_on = _first_moment(m.agreed_on for m in stated_first)
    starts = _first_moment(m.starts for m in stated_first)
    history = _history(draft, agreed_on, starts, violations, following)
    return Truce(
        id=_truce_id(conflict, draft),
        kind=_kind(told),
        conflict=conflict,
        parties=tuple(
            sorted(
                _merged(p for m in told for p in m.parties if p.code in conflict or not conflict),
                key=lambda p: p.code,
            )
        ),
        mediators=_merged(p for m in draft.own_mentions() for p in m.mediators),
        agreed_on=agreed_on,
        starts=starts,
        ends=_first_moment(m.ends for m in told),
        place=_first_site(m.place for m in told),
        scope=_first_site(m.scope for m in draft.mentions),
        terms=_terms(told),
        status=history[-1].status,
        status_history=history,
        superseded_by=following.id if following is not None else None,
        violations=tuple(violations),
        articles=articles,
        n_sources=len(sources),
        ordinal=draft.ordinal,
        historical=draft.historical,
        year=draft.year,
        evidence=tuple(m.cue for m in draft.mentions),
    )


def _history(
    draft: _Draft,
    agreed_on: Moment | None,
    starts: Moment | None,
    violations: Sequence[Violation],
    following: Truce | None,
) -> tuple[StatusChange, ...]:
    first = draft.mentions[0]
    changes = [
        StatusChange(
            "announced",
            agreed_on.date if agreed_on else None,
            agreed_on.evidence if agreed_on else first.cue,
        )
    ]
    if starts is not None:
        changes.append(StatusChange("in force", starts.date, starts.evidence))
    if violations:
        v = violations[0]
        changes.append(StatusChange("violated", v.date, v.evidence))
    collapses: list[tuple[date | None, Evidence]] = [
        (None if m.earlier else m.published, m.collapse)
        for m in draft.mentions
        if m.collapse is not None
    ]
    resumed = fighting_resumed(violations)
    if resumed is not None:
        collapses.append((resumed.date, resumed.evidence))
    if collapses:
        day, evidence = min(collapses, key=lambda c: c[0] or date.max)
        changes.append(StatusChange("collapsed", day, evidence))
    if following is not None:
        changes.append(StatusChange("superseded", following.first_day, following.evidence[0]))
    return tuple(sorted(changes, key=lambda c: STATUSES.index(c.status)))


def fighting_resumed(violations: Sequence[Violation]) -> Violation | None:
    """The alleged violation with which fighting resumed at scale: the attack that makes
    ``RESUMED_ATTACKS`` within ``RESUMED_DAYS`` days, with both sides accused among them."""
    attacks = [v for v in violations if v.event == "ASSAULT" and v.date is not None]
    attacks.sort(key=lambda v: v.date or date.min)
    for i, last in enumerate(attacks):
        assert last.date is not None
        recent = [
            v
            for v in attacks[: i + 1]
            if v.date is not None and (last.date - v.date).days < RESUMED_DAYS
        ]
        accused = {v.accused for v in recent if v.accused is not None}
        if len(recent) >= RESUMED_ATTACKS and len(accused) >= 2:
            return last
    return None


def _truce_id(conflict: tuple[str, ...], draft: _Draft) -> str:
    first = min(draft.mentions, key=lambda m: (m.published or date.min, m.article_id, m.cue.start))
    key = "\x1f".join(
        (
            ",".join(conflict),
            draft.day.isoformat() if draft.day else f"undated:{draft.year}:{draft.serial}",
            first.article_id,
            str(first.cue.start),
        )
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def _kind(told: Sequence[TruceMention]) -> Kind:
    kinds = [m.kind for m in told]
    for kind in _KIND_PRIORITY:
        if kind in kinds:
            return kind
    return Counter(kinds).most_common(1)[0][0]


def _first_moment(moments: Iterable[Moment | None]) -> Moment | None:
    return next((m for m in moments if m is not None and m.date is not None), None)


def _first_site(sites: Iterable[Site | None]) -> Site | None:
    return next((s for s in sites if s is not None), None)


def _merged(parties: Iterable[Party]) -> tuple[Party, ...]:
    found: dict[tuple[str, str | None], Party] = {}
    codes: dict[str, Party] = {}
    for party in parties:
        if party.code in codes and party.code not in ("IGO", "NGO", "UNO", "EUR"):
            continue
        codes.setdefault(party.code, party)
        found.setdefault((party.code, party.name), party)
    return tuple(found.values())


def _terms(told: Sequence[TruceMention]) -> tuple[Term, ...]:
    found: dict[str, Term] = {}
    for mention in told:
        for term in mention.terms:
            found.setdefault(term.text.lower(), term)
    return tuple(found.values())


__all__ = ["Evidence", "build_truces", "conflict_of", "wars"]
