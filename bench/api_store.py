"""A generated event store for API benchmarks: random but plausible events, built by hand.

Usage::

    .venv/bin/python bench/api_store.py OUT.duckdb [--events 100000] [--seed 7]

Every event is made with the same record types the coder produces (``strife.records``), so
the store holds what ``strife code`` would write: one article per report, its sentences, the
actors, the place (a real town with its coordinates), the date, casualties, claims and
denials, with offsets that point into the article text. About 1 in 10 events is contested.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from strife.plover import MODES, QUAD
from strife.records import (
    ActorRef,
    Article,
    Casualties,
    CiteInfo,
    Claim,
    Count,
    Event,
    Place,
    TextInfo,
)
from strife.store import Store

# (code, demonym, capital, places: (name, geonameid, lat, lon, admin1))
COUNTRIES: tuple[tuple[str, str, str, tuple[tuple[str, int, float, float, str], ...]], ...] = (
    (
        "UKR",
        "Ukrainian",
        "Kyiv",
        (
            ("Kyiv", 703448, 50.45, 30.52, "12"),
            ("Kharkiv", 706483, 49.98, 36.25, "07"),
            ("Bakhmut", 712165, 48.60, 38.00, "05"),
            ("Kherson", 706448, 46.64, 32.61, "08"),
        ),
    ),
    (
        "RUS",
        "Russian",
        "Moscow",
        (("Moscow", 524901, 55.75, 37.62, "48"), ("Belgorod", 578072, 50.61, 36.58, "09")),
    ),
    (
        "ARM",
        "Armenian",
        "Yerevan",
        (("Yerevan", 616052, 40.18, 44.51, "11"), ("Tegh", 616177, 39.56, 46.48, "09")),
    ),
    (
        "AZE",
        "Azerbaijani",
        "Baku",
        (("Baku", 587084, 40.38, 49.89, "09"), ("Terter", 585170, 40.34, 46.93, "60")),
    ),
    (
        "SYR",
        "Syrian",
        "Damascus",
        (
            ("Damascus", 170654, 33.51, 36.29, "13"),
            ("Raqqa", 163915, 35.95, 39.01, "04"),
            ("Manbij", 166365, 36.53, 37.95, "09"),
        ),
    ),
    (
        "TUR",
        "Turkish",
        "Ankara",
        (("Ankara", 323786, 39.92, 32.85, "68"), ("Gaziantep", 314830, 37.06, 37.38, "83")),
    ),
    ("ISR", "Israeli", "Jerusalem", (("Jerusalem", 281184, 31.77, 35.22, "06"),)),
    ("SDN", "Sudanese", "Khartoum", (("Khartoum", 379252, 15.55, 32.53, "29"),)),
    ("TCD", "Chadian", "N'Djamena", (("Abeche", 245785, 13.83, 20.83, "20"),)),
    ("MMR", "Burmese", "Naypyidaw", (("Mandalay", 1311874, 21.97, 96.08, "08"),)),
    ("COD", "Congolese", "Kinshasa", (("Goma", 216281, -1.68, 29.22, "11"),)),
    ("GEO", "Georgian", "Tbilisi", (("Tbilisi", 611717, 41.69, 44.83, "51"),)),
    ("CHN", "Chinese", "Beijing", (("Beijing", 1816670, 39.91, 116.40, "22"),)),
    ("TWN", "Taiwanese", "Taipei", (("Taipei", 1668341, 25.05, 121.53, "03"),)),
    ("MLI", "Malian", "Bamako", (("Bamako", 2460596, 12.65, -8.00, "08"),)),
    ("COL", "Colombian", "Bogota", (("Bogota", 3688689, 4.61, -74.08, "34"),)),
)
SECTORS = ("GOV", "MIL", "COP", "REB", "CVL")
SECTOR_WORDS = {
    "GOV": "government",
    "MIL": "forces",
    "COP": "police",
    "REB": "rebels",
    "CVL": "civilians",
}
VERBS = {
    "AGREE": "agreed with",
    "CONSULT": "held talks with",
    "SUPPORT": "praised",
    "CONCEDE": "apologised to",
    "COOPERATE": "signed a pact with",
    "AID": "sent aid to",
    "RETREAT": "withdrew from positions held by",
    "REQUEST": "urged",
    "ACCUSE": "accused",
    "REJECT": "rejected demands of",
    "THREATEN": "threatened",
    "PROTEST": "protested against",
    "SANCTION": "imposed sanctions on",
    "MOBILIZE": "deployed troops against",
    "COERCE": "arrested members of",
    "ASSAULT": "shelled",
}
# Conflict is what the news is mostly about: weight types the way conflict reporting does.
TYPE_WEIGHTS = {kind: (4 if QUAD[kind] == 4 else 2 if QUAD[kind] == 3 else 1) for kind in QUAD}
FIRST_DAY = date(2021, 1, 1)
DAYS = 4 * 365


@dataclass(slots=True)
class _Writer:
    """Accumulates an article's text and returns the offsets of each piece appended."""

    text: str = ""

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)


def _actor(writer: _Writer, country: tuple[str, str, str, tuple[object, ...]]) -> ActorRef:
    code, demonym, _, _ = country
    sector = random.choice(SECTORS)
    words = f"{demonym} {SECTOR_WORDS[sector]}"
    start, end = writer.add(words)
    return ActorRef(words, code, sector, None, start, end)


def _place(writer: _Writer, code: str, spec: tuple[str, int, float, float, str]) -> Place:
    name, geonameid, lat, lon, admin1 = spec
    start, end = writer.add(name)
    return Place(name, name, geonameid, lat, lon, code, "PPL", admin1, start, end)


def _event(writer: _Writer, article_id: str, seq: int, day: date, cite: CiteInfo) -> Event:
    kind = random.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    one, two = random.sample(COUNTRIES, 2)
    sentence_start = len(writer.text)
    actor = _actor(writer, one)
    writer.add(" ")
    event_start, event_end = writer.add(VERBS[kind])
    writer.add(" ")
    recipient = _actor(writer, two)
    writer.add(" near ")
    where = random.choice((one, two))
    place = _place(writer, where[0], random.choice(where[3]))
    writer.add(" on ")
    date_start, date_end = writer.add(day.strftime("%A"))
    dead = None
    if QUAD[kind] == 4 and random.random() < 0.3:
        dead_start, dead_end = writer.add(f", killing {random.randint(1, 40)} people")
        words = writer.text[dead_start + 2 : dead_end]
        dead = Count(int(words.split()[1]), words)
    writer.add(", ")
    claim_start, claim_end = writer.add(f"{one[2]} said")
    sentence_end = len(writer.text) + 1
    writer.add(". ")
    claims = [Claim(one[2], "asserts", f"{one[2]} said", claim_start, claim_end, one[0], "GOV")]
    if random.random() < 0.1:
        deny_start, deny_end = writer.add(f"{two[2]} denied")
        writer.add(" the report. ")
        claims.append(Claim(two[2], "denies", f"{two[2]} denied", deny_start, deny_end, two[0]))
    sentence = writer.text[sentence_start:sentence_end]
    modes = MODES[kind]
    return Event(
        id=hashlib.sha256(f"{article_id}-{seq}".encode()).hexdigest()[:16],
        article_id=article_id,
        date=day,
        date_source="text",
        event=kind,
        mode=random.choice(modes) if modes and random.random() < 0.5 else None,
        context=("military",) if QUAD[kind] == 4 else (),
        quad_code=QUAD[kind],
        actor=(actor,),
        recipient=(recipient,),
        event_loc=place,
        size=Casualties(dead=dead),
        event_text=VERBS[kind],
        event_start=event_start,
        event_end=event_end,
        text=sentence,
        text_info=TextInfo(seq, sentence_start, sentence_end),
        claims=tuple(claims),
        contested=len(claims) > 1,
        aux=None,
        cite_info=cite,
        confidence=round(random.uniform(0.3, 1.0), 2),
        date_text=writer.text[date_start:date_end],
    )


def make_article(index: int, n_events: int) -> tuple[Article, list[Event]]:
    """One generated article of ``n_events`` events, all on one day."""
    day = FIRST_DAY + timedelta(days=random.randrange(DAYS))
    published = datetime(day.year, day.month, day.day, random.randrange(24), random.randrange(60))
    article_id = hashlib.sha256(f"bench-article-{index}".encode()).hexdigest()[:16]
    url = f"https://bench.example/{index}"
    cite = CiteInfo(url, f"Report {index}", "Bench Wire", published.isoformat())
    writer = _Writer()
    day -= timedelta(days=1)
    events = [_event(writer, article_id, seq, day, cite) for seq in range(n_events)]
    article = Article(
        article_id, writer.text, f"bench:{index}", url, f"Report {index}", "Bench Wire", published
    )
    return article, events


def generate(path: Path, n_events: int, seed: int = 7, batch: int = 2000) -> int:
    """Write a store of about ``n_events`` events at ``path``; return how many it holds."""
    random.seed(seed)
    written, index, pending = 0, 0, []
    with Store.open(path) as store:
        while written < n_events:
            size = min(random.randint(1, 9), n_events - written)
            pending.append(make_article(index, size))
            written, index = written + size, index + 1
            if len(pending) >= batch:
                store.save_many(pending)
                pending = []
        store.save_many(pending)
        return store.counts()["events"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="DuckDB file to create (must not exist)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists; give a new file")
    start = time.perf_counter()
    n = generate(args.out, args.events, args.seed)
    print(f"{n} events in {args.out} ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
