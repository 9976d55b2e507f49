"""Near-duplicate articles and event groups.

* ``minhash``: the MinHash signature of an article's cleaned text (word shingles).
* ``index``: a MinHash LSH index of the stored articles, rebuilt from the store.
* ``copies``: where an article was seen (source, URL, outlet, date), duplicates included.
* ``stage``: the run's deduplication, in input order, before any coding.
* ``groups``: the key that puts events of the same story from different articles together.

The names below are imported on first use: a coding worker process needs only ``groups``,
and ``minhash`` and ``index`` import datasketch, which imports SciPy (over a third of a
second, once per worker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strife.lazy import lazy_names

if TYPE_CHECKING:
    from strife.dedupe.copies import Copy, outlet_of
    from strife.dedupe.groups import group_id, with_group
    from strife.dedupe.index import Match, NearDuplicateIndex
    from strife.dedupe.minhash import THRESHOLD, signature, signature_bytes, similarity
    from strife.dedupe.stage import DedupeCounts, Deduplicator, Verdict

_HOMES = {
    "THRESHOLD": "minhash",
    "Copy": "copies",
    "DedupeCounts": "stage",
    "Deduplicator": "stage",
    "Match": "index",
    "NearDuplicateIndex": "index",
    "Verdict": "stage",
    "group_id": "groups",
    "outlet_of": "copies",
    "signature": "minhash",
    "signature_bytes": "minhash",
    "similarity": "minhash",
    "with_group": "groups",
}

__all__ = [
    "THRESHOLD",
    "Copy",
    "DedupeCounts",
    "Deduplicator",
    "Match",
    "NearDuplicateIndex",
    "Verdict",
    "group_id",
    "outlet_of",
    "signature",
    "signature_bytes",
    "similarity",
    "with_group",
]

__getattr__ = lazy_names(__name__, _HOMES)
