"""LSH bands of MinHash signatures, and the day an article counts from for the window.

A signature's 128 values are cut into 16 bands of 8; each band is hashed to 8 bytes. Two
articles are candidate near duplicates when one band hash is equal (the index's rule,
``strife.dedupe.index``). The store keeps the band hashes of every stored article with its
day (``article_bands``), so that a run asks the store for candidates instead of holding
every stored signature in memory.

The near-duplicate window: copies of a wire story appear within days of each other, so an
article is compared only with articles whose day lies within ``window`` days of its own
(0: with every article). An article's day is its publication day (UTC), or the day it was
stored (read) when it has none.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Final

import numpy as np

from strife.dedupe.minhash import Signature

BANDS: Final = 16
ROWS: Final = 8
DEFAULT_WINDOW_DAYS: Final = 7
# One probe of the store's band table: (position of the article in the batch, band, hash,
# first day, last day of its window; None for no window).
Probe = tuple[int, int, int, date | None, date | None]


def band_key(values: Signature) -> bytes:
    """One band's hash: 8 bytes instead of the 32 its values take."""
    return hashlib.blake2b(np.ascontiguousarray(values).tobytes(), digest_size=8).digest()


def band_hashes(sig: Signature) -> list[int]:
    """The 16 band hashes of a signature, as unsigned 64-bit integers (the store's)."""
    values = np.asarray(sig, dtype=np.uint32)
    return [
        int.from_bytes(band_key(values[i * ROWS : (i + 1) * ROWS]), "little") for i in range(BANDS)
    ]


def dedupe_day(published: datetime | None, today: date | None = None) -> date:
    """The day an article counts from: its publication day in UTC, else ``today``."""
    if published is None:
        return today or datetime.now(UTC).date()
    if published.tzinfo is not None:
        return published.astimezone(UTC).date()
    return published.date()


def in_window(a: date, b: date, window: int) -> bool:
    """Whether two days are within ``window`` days (always, for a window of 0)."""
    return window <= 0 or abs((a - b).days) <= window


def probes(position: int, sig: Signature, day: date, window: int) -> list[Probe]:
    """The probes of one article: its 16 bands, within ``window`` days of ``day``."""
    lo = None if window <= 0 else day - timedelta(days=window)
    hi = None if window <= 0 else day + timedelta(days=window)
    hashes = band_hashes(sig)
    return [(position, band, value, lo, hi) for band, value in enumerate(hashes)]
