"""Near-duplicate articles and event groups.

* ``minhash``: the MinHash signature of an article's cleaned text (word shingles).
* ``index``: a MinHash LSH index of the stored articles, rebuilt from the store.
* ``copies``: where an article was seen (source, URL, outlet, date), duplicates included.
* ``stage``: the run's deduplication, in input order, before any coding.
* ``groups``: the key that puts events of the same story from different articles together.
"""

from __future__ import annotations

from strife.dedupe.copies import Copy, outlet_of
from strife.dedupe.groups import group_id, with_group
from strife.dedupe.index import Match, NearDuplicateIndex
from strife.dedupe.minhash import THRESHOLD, signature, signature_bytes, similarity
from strife.dedupe.stage import DedupeCounts, Deduplicator, Verdict

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
