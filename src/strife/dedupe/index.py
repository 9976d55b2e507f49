"""A MinHash LSH index of stored articles: finds the one an article duplicates, if any.

datasketch's ``MinHashLSH`` cuts each 128-value signature into 16 bands of 8 values: two
articles become candidates when one band is equal, which catches a pair at Jaccard 0.8
with probability 0.95 and at 0.85 with 0.99, while a pair at 0.5 is a candidate 6% of
the time. Candidates are then checked on the whole signature against the threshold.

The index lives in memory and is rebuilt from the signatures the store keeps (about
0.5 kB a stored article in the store, and about 3 kB in this index), so a resumed or a
later run sees every article stored before it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from strife.dedupe.minhash import NUM_PERM, SCHEME, SEED, THRESHOLD, Signature, similarity

BANDS = 16
ROWS = 8
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
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS), hashfunc=_band_key)
        self._ids: list[str] = []
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

    def add(self, article_id: str, sig: Signature) -> None:
        """Index an article (a second add of the same id changes nothing)."""
        if article_id in self._rows:
            return
        row = len(self._ids)
        if row == len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.zeros_like(self._signatures)])
        self._signatures[row] = sig
        self._ids.append(article_id)
        self._rows[article_id] = row
        self._lsh.insert(row, _lean(sig), check_duplication=False)

    def discard(self, article_id: str) -> None:
        """Forget an article (one indexed on its way to be coded that was never stored)."""
        row = self._rows.pop(article_id, None)
        if row is not None:
            self._lsh.remove(row)

    def match(self, sig: Signature, *, exclude: str | None = None) -> Match | None:
        """The indexed article most similar to ``sig`` at or above the threshold, if any.

        Ties go to the article indexed first, so the answer does not depend on the
        order of the LSH's buckets. ``exclude`` is never returned (an article recoded
        is not a duplicate of itself).
        """
        best: tuple[float, int] | None = None
        for row in self._lsh.query(_lean(sig)):
            if self._ids[row] == exclude:
                continue
            score = similarity(sig, self._signatures[row])
            if score >= self.threshold and (best is None or (score, -row) > (best[0], -best[1])):
                best = (score, row)
        return None if best is None else Match(self._ids[best[1]], best[0])


def _lean(sig: Signature) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)


def _band_key(values: Signature) -> bytes:
    # 8 bytes per band instead of the 32 the band's values take: less memory per article.
    return hashlib.blake2b(np.ascontiguousarray(values).tobytes(), digest_size=8).digest()
