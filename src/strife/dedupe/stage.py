"""The run's deduplication: which articles are coded, and which are copies of another.

It runs in the main process, in input order, before any article is sent to a worker, so
the answer does not depend on ``--jobs``, on Dask or on timing:

1. an article whose id (content hash) this run has already taken is an exact copy;
2. an article the store already holds is not coded again (unless ``recode``);
3. an article whose signature matches an indexed one (a stored article or one taken
   earlier in this run) at the threshold or above is a near duplicate of it;
4. any other article is taken: it is indexed at once and goes on to be coded.

Copies (1-3) are not coded: their source, URL, outlet and date are kept as copies of
the original article. Only originals enter the index, so a chain of small edits does not
drift away from the first article of a story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from strife.dedupe.copies import Copy
from strife.dedupe.index import NearDuplicateIndex
from strife.dedupe.minhash import Signature, from_bytes, signature, to_bytes
from strife.records import Article, Rejection

if TYPE_CHECKING:
    from strife.store import Store


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


class Deduplicator:
    """Filters a stream of ingested articles down to the ones to code (see module doc)."""

    def __init__(
        self,
        index: NearDuplicateIndex,
        *,
        store: Store | None = None,
        recode: bool = False,
        on_stored: Callable[[Article], None] | None = None,
    ) -> None:
        self.index = index
        self.store = store
        self.recode = recode
        self.on_stored = on_stored
        self.counts = DedupeCounts()
        self._seen: set[str] = set()
        self._taken: dict[str, _Taken] = {}
        self._loose: list[Copy] = []
        self._failed: set[str] = set()

    @classmethod
    def for_store(
        cls,
        store: Store | None,
        *,
        recode: bool = False,
        on_stored: Callable[[Article], None] | None = None,
    ) -> Deduplicator:
        """A deduplicator whose index holds every article ``store`` holds."""
        signatures = () if store is None else store.signatures()
        index = NearDuplicateIndex.from_signatures(
            (article_id, from_bytes(data)) for article_id, data in signatures
        )
        return cls(index, store=store, recode=recode, on_stored=on_stored)

    def filter(self, items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
        """Yield the rejections and the articles to code, in input order."""
        for item in items:
            if isinstance(item, Rejection) or self.decide(item).kind == "new":
                yield item

    def decide(self, article: Article) -> Verdict:
        """Take ``article`` to be coded, or keep it as a copy (see the module doc)."""
        if article.id in self._seen:
            self.counts.exact += 1
            self._copy(Copy.of(article, article.id))
            return Verdict("exact", article.id)
        self._seen.add(article.id)
        if self._stored(article):
            return Verdict("stored", article.id)
        sig = signature(article.text)
        match = self.index.match(sig, exclude=article.id)
        if match is not None:
            self.counts.near += 1
            self._copy(Copy.of(article, match.article_id, match.similarity))
            return Verdict("near", match.article_id, match.similarity)
        self._keep(article, sig)
        return Verdict("new", article.id)

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

    def _keep(self, article: Article, sig: Signature) -> None:
        self.index.add(article.id, sig)
        self._taken[article.id] = _Taken(to_bytes(sig), [Copy.of(article, article.id)])

    def _copy(self, copy: Copy) -> None:
        taken = self._taken.get(copy.article_id)
        if taken is not None:
            taken.copies.append(copy)
        else:
            self._loose.append(copy)
