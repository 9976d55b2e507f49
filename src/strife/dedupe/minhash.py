"""MinHash signatures of article texts: what near-duplicate detection compares.

An article is the set of its 5-word shingles (lower-cased words, punctuation dropped), so
that a wire story republished with another headline, a byline or a sentence more or less
keeps most of its shingles. A signature is 128 MinHash values (datasketch, fixed seed):
the share of equal values estimates the Jaccard similarity of two shingle sets.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

Signature = npt.NDArray[np.uint32]

NUM_PERM: Final = 128
SEED: Final = 1
SHINGLE_WORDS: Final = 5
# datasketch's permutation scheme (2.0 and later); signatures of other schemes differ.
SCHEME: Final = "affine32"
# Two articles at or above this estimated Jaccard similarity are the same article.
THRESHOLD: Final = 0.8

_WORD: Final = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The article's word 5-grams (the whole text when it has fewer words)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> Signature:
    """The MinHash signature of ``text`` (NUM_PERM unsigned 32-bit values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch(sorted(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def signature_bytes(text: str) -> bytes:
    """The signature as the store keeps it: NUM_PERM little-endian uint32 values."""
    return to_bytes(signature(text))


def to_bytes(sig: Signature) -> bytes:
    return np.asarray(sig, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


@functools.lru_cache(maxsize=1)
def _permutations() -> npt.NDArray[np.uint64]:
    # Drawing the permutations costs more than hashing a short article: draw them once.
    permutations: npt.NDArray[np.uint64] = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME
    ).permutations
    return permutations
