"""The run's deduplication: which articles are coded, and which are copies of another.

It runs in the main process, in input order, before any article is sent to a worker, so
the answer does not depend on ``--jobs``, on Dask or on timing:

1. an article whose id (content hash) this run has already taken is an exact copy;
2. an article the store already holds is not coded again (unless ``recode``);
3. an article whose signature matches, at the threshold or above, a stored article or one
   taken earlier in this run, published within the near-duplicate window of it
   (``window`` days, 7 by default; 0 compares with every article), is a near duplicate of
   the most similar one;
4. any other article is taken: it is indexed at once and goes on to be coded.

Copies (1-3) are not coded: their source, URL, outlet and date are kept as copies of
the original article. Only originals enter the index, so a chain of small edits does not
drift away from the first article of a story.

Nothing is rebuilt at start-up: stored articles are found through the band hashes the
store keeps (``Store.band_candidates``), asked for ``LOOKAHEAD`` articles at a time; only
the articles this run has taken and not yet stored are held in memory. An article stored
meanwhile leaves memory only before the next question to the store, so the store and the
memory together always hold the same articles, whatever the timing of writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Literal

from strife.dedupe.bands import DEFAULT_WINDOW_DAYS, dedupe_day, probes
from strife.dedupe.copies import Copy
from strife.dedupe.index import Match, NearDuplicateIndex
from strife.dedupe.minhash import Signature, from_bytes, signature, similarity, to_bytes
from strife.records import Article, Rejection

if TYPE_CHECKING:
    from strife.store import Store

# Articles whose stored candidates are asked for in one query.
LOOKAHEAD = 256


@dataclass(slots=True)
class DedupeCounts:
    """What deduplication decided so far in a run."""

    exact: int = 0
    near: int = 0
    stored: int = 0


@dataclass(frozen=True, slots=True)
class Verdict:
    """What became of one article: ``new`` (to be coded), or a copy of ``original``.

    ``stored``: the store already holds the same text; ``exact``: the same text was taken
    earlier in the run; ``near``: a near duplicate of ``original`` at ``similarity``.
    """

    kind: Literal["new", "stored", "exact", "near"]
    original: str
    similarity: float = 1.0


@dataclass(slots=True)
class _Taken:
    """An article on its way to be coded: its signature and the copies seen meanwhile."""

    signature: bytes
    copies: list[Copy] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An article's signature and day, and the stored articles that may be its original."""

    signature: Signature
    day: date
    stored: dict[str, Signature]


class Deduplicator:
    """Filters a stream of ingested articles down to the ones to code (see module doc)."""

    def __init__(
        self,
        index: NearDuplicateIndex | None = None,
        *,
        store: Store | None = None,
        recode: bool = False,
        on_stored: Callable[[Article], None] | None = None,
        window: int = DEFAULT_WINDOW_DAYS,
    ) -> None:
        self.index = index if index is not None else NearDuplicateIndex()
        self.store = store
        self.recode = recode
        self.on_stored = on_stored
        self.window = window
        self.counts = DedupeCounts()
        self._seen: set[str] = set()
        self._taken: dict[str, _Taken] = {}
        self._loose: list[Copy] = []
        self._failed: set[str] = set()
        self._written: list[str] = []

    @classmethod
    def for_store(
        cls,
        store: Store | None,
        *,
        recode: bool = False,
        on_stored: Callable[[Article], None] | None = None,
        window: int = DEFAULT_WINDOW_DAYS,
    ) -> Deduplicator:
        """A deduplicator over ``store``'s articles (nothing is read until asked)."""
        return cls(store=store, recode=recode, on_stored=on_stored, window=window)

    def filter(self, items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
        """Yield the rejections and the articles to code, in input order."""
        iterator = iter(items)
        while chunk := list(islice(iterator, LOOKAHEAD)):
            prepared = self._prepare([item for item in chunk if isinstance(item, Article)])
            for item in chunk:
                verdict = (
                    None
                    if isinstance(item, Rejection)
                    else self._decide(item, prepared.get(item.id))
                )
                if verdict is None or verdict.kind == "new":
                    yield item

    def decide(self, article: Article) -> Verdict:
        """Take ``article`` to be coded, or keep it as a copy (see the module doc)."""
        return self._decide(article, self._prepare([article]).get(article.id))

    def written(self, article_ids: Sequence[str]) -> None:
        """These taken articles are now in the store: it answers for them from the next
        question on (they leave memory then, not before)."""
        self._written.extend(article_ids)

    def _prepare(self, articles: Sequence[Article]) -> dict[str, _Prepared]:
        """Signatures, days and stored candidates of the articles that will be compared."""
        for article_id in self._written:
            if article_id not in self._taken:
                self.index.discard(article_id)
        self._written.clear()
        return self._lookup([a for a in articles if a.id not in self._seen and not self._held(a)])

    def _lookup(self, articles: Sequence[Article]) -> dict[str, _Prepared]:
        """Signatures and days of ``articles``, and the stored articles that share a band
        with each within its window (one question to the store)."""
        prepared = {a.id: (signature(a.text), dedupe_day(a.published)) for a in articles}
        found: dict[int, set[str]] = {}
        if self.store is not None and prepared:
            asked = [
                probe
                for position, (sig, day) in enumerate(prepared.values())
                for probe in probes(position, sig, day, self.window)
            ]
            found = self.store.band_candidates(asked)
        wanted = {aid for ids in found.values() for aid in ids}
        stored = self.store.signatures_of(wanted) if self.store is not None and wanted else {}
        return {
            article_id: _Prepared(
                sig,
                day,
                {aid: from_bytes(stored[aid]) for aid in sorted(found.get(i, ())) if aid in stored},
            )
            for i, (article_id, (sig, day)) in enumerate(prepared.items())
        }

    def _held(self, article: Article) -> bool:
        """The store holds the article's text and it is not to be coded again."""
        return self.store is not None and not self.recode and self.store.has_article(article.id)

    def _decide(self, article: Article, prepared: _Prepared | None) -> Verdict:
        if article.id in self._seen:
            self.counts.exact += 1
            self._copy(Copy.of(article, article.id))
            return Verdict("exact", article.id)
        self._seen.add(article.id)
        if prepared is None:
            # Not prepared: the store held it then (an article prepared was not held, and
            # only this run, which has seen it now, could have stored it since).
            if self._stored(article):
                return Verdict("stored", article.id)
            prepared = self._lookup([article])[article.id]
        match = self._match(article.id, prepared)
        if match is not None:
            self.counts.near += 1
            self._copy(Copy.of(article, match.article_id, match.similarity))
            return Verdict("near", match.article_id, match.similarity)
        self._keep(article, prepared.signature, prepared.day)
        return Verdict("new", article.id)

    def _match(self, article_id: str, prepared: _Prepared) -> Match | None:
        """The most similar original at the threshold: a stored article (the one with the
        smallest id among equals) before one taken in this run (the first taken)."""
        best: Match | None = None
        for stored_id, sig in prepared.stored.items():
            if stored_id == article_id or stored_id in self._failed:
                continue
            score = similarity(prepared.signature, sig)
            if score >= self.index.threshold and (best is None or score > best.similarity):
                best = Match(stored_id, score)
        mine = self.index.match(
            prepared.signature, exclude=article_id, day=prepared.day, window=self.window
        )
        fresher = mine is not None and mine.article_id not in prepared.stored
        if fresher and mine is not None and (best is None or mine.similarity > best.similarity):
            best = mine
        return best

    def settle(self, article_id: str) -> tuple[bytes, list[Copy]] | None:
        """The signature and copies of a taken article, once it is coded (then forgotten)."""
        taken = self._taken.pop(article_id, None)
        return None if taken is None else (taken.signature, taken.copies)

    def fail(self, article_id: str) -> None:
        """A taken article could not be coded: its copies have nothing to attach to, and
        it leaves the index, so that no later article is kept as a copy of it."""
        if self._taken.pop(article_id, None) is not None:
            self._failed.add(article_id)
            self.index.discard(article_id)

    def take_loose(self) -> list[Copy]:
        """Copies of articles already stored, to be written with the next batch."""
        loose = [copy for copy in self._loose if copy.article_id not in self._failed]
        self._loose.clear()
        return loose

    def _stored(self, article: Article) -> bool:
        if self.store is None or self.recode or not self.store.has_article(article.id):
            return False
        self.counts.stored += 1
        self._loose.append(Copy.of(article, article.id))
        if self.on_stored is not None:
            self.on_stored(article)
        return True

    def _keep(self, article: Article, sig: Signature, day: date) -> None:
        self.index.add(article.id, sig, day)
        self._taken[article.id] = _Taken(to_bytes(sig), [Copy.of(article, article.id)])

    def _copy(self, copy: Copy) -> None:
        taken = self._taken.get(copy.article_id)
        if taken is not None:
            taken.copies.append(copy)
        else:
            self._loose.append(copy)
