"""A MinHash LSH index of stored articles: finds the one an article duplicates, if any.

datasketch's ``MinHashLSH`` cuts each 128-value signature into 16 bands of 8 values: two
articles become candidates when one band is equal, which catches a pair at Jaccard 0.8
with probability 0.95 and at 0.85 with 0.99, while a pair at 0.5 is a candidate 6% of
the time. Candidates are then checked on the whole signature against the threshold.

This index lives in memory and holds the articles a run has taken and not yet stored (or
every article of a run without a store); the stored ones are found through the band hashes
the store keeps (``strife.dedupe.bands``). Each article carries its day, and ``match``
looks only at articles within the near-duplicate window of the one it is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from strife.dedupe.bands import BANDS, ROWS, band_key, in_window
from strife.dedupe.minhash import NUM_PERM, SCHEME, SEED, THRESHOLD, Signature, similarity

_INITIAL_ROWS = 1024


@dataclass(frozen=True, slots=True)
class Match:
    """The stored article an article duplicates, and their estimated similarity."""

    article_id: str
    similarity: float


class NearDuplicateIndex:
    """The articles seen so far, by signature; ``match`` finds an article's original."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS), hashfunc=band_key)
        self._ids: list[str] = []
        self._days: list[date | None] = []
        self._rows: dict[str, int] = {}
        self._signatures = np.zeros((_INITIAL_ROWS, NUM_PERM), dtype=np.uint32)

    @classmethod
    def from_signatures(
        cls, signatures: Iterable[tuple[str, Signature]], threshold: float = THRESHOLD
    ) -> NearDuplicateIndex:
        index = cls(threshold)
        for article_id, sig in signatures:
            index.add(article_id, sig)
        return index

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._rows

    def add(self, article_id: str, sig: Signature, day: date | None = None) -> None:
        """Index an article of ``day`` (a second add of the same id changes nothing)."""
        if article_id in self._rows:
            return
        row = len(self._ids)
        if row == len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.zeros_like(self._signatures)])
        self._signatures[row] = sig
        self._ids.append(article_id)
        self._days.append(day)
        self._rows[article_id] = row
        self._lsh.insert(row, _lean(sig), check_duplication=False)

    def discard(self, article_id: str) -> None:
        """Forget an article (one never stored, or one the store now answers for)."""
        row = self._rows.pop(article_id, None)
        if row is not None:
            self._lsh.remove(row)
        if len(self._ids) > 2 * len(self._rows) + _INITIAL_ROWS:
            self._compact()

    def _compact(self) -> None:
        """Drop the rows of forgotten articles (kept in their order: ties stay the same)."""
        live = sorted(self._rows.values())
        ids, days, signatures = self._ids, self._days, self._signatures
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS), hashfunc=band_key)
        self._ids, self._days, self._rows = [], [], {}
        self._signatures = np.zeros((max(_INITIAL_ROWS, 2 * len(live)), NUM_PERM), dtype=np.uint32)
        for row in live:
            self.add(ids[row], signatures[row], days[row])

    def match(
        self,
        sig: Signature,
        *,
        exclude: str | None = None,
        day: date | None = None,
        window: int = 0,
    ) -> Match | None:
        """The indexed article most similar to ``sig`` at or above the threshold, if any,
        among those within ``window`` days of ``day`` (all, for a window of 0 or no day).

        Ties go to the article indexed first, so the answer does not depend on the
        order of the LSH's buckets. ``exclude`` is never returned (an article recoded
        is not a duplicate of itself).
        """
        best: tuple[float, int] | None = None
        for row in self._lsh.query(_lean(sig)):
            if self._ids[row] == exclude:
                continue
            theirs = self._days[row]
            if day is not None and theirs is not None and not in_window(day, theirs, window):
                continue
            score = similarity(sig, self._signatures[row])
            if score >= self.threshold and (best is None or (score, -row) > (best[0], -best[1])):
                best = (score, row)
        return None if best is None else Match(self._ids[best[1]], best[0])


def _lean(sig: Signature) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)
