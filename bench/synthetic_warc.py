"""A synthetic news WARC: distinct stories, wire copies of them, and web-archive noise.

Usage::

    .venv/bin/python bench/synthetic_warc.py OUT.warc.gz [--pages 2000] [--dup-share 0.3]
    .venv/bin/python bench/synthetic_warc.py OUT.warc.gz --run [--jobs 2]

The stories are written from templates of this file (countries, cities, armed forces,
attacks, talks, arrests, sanctions, protests) with random fillers, so that two stories
share few word 5-grams. ``--dup-share`` of the HTML pages are near duplicates of a story
(another outlet's copy: another headline and site furniture, a sentence added or cut, a
word changed); a tenth of the stories are follow-ups that retell an earlier story's lead
event in new words around it. Around them the WARC holds what crawls hold: a warcinfo
record, requests, images, robots.txt, 404s, redirects and a few French and Spanish pages.

``--run`` codes the WARC twice from scratch, with ``strife code --jobs N`` and with
``strife code --dask local --jobs N``, and checks that both stores hold the same events,
groups and copies; it prints each run's time and summary line.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

# (adjective, country, cities): every city is in the GeoNames gazetteer strife builds.
COUNTRIES = (
    ("Russian", "Russia", ("Belgorod", "Kursk", "Bryansk")),
    ("Ukrainian", "Ukraine", ("Kharkiv", "Kherson", "Zaporizhzhia", "Sumy")),
    ("Armenian", "Armenia", ("Goris", "Jermuk", "Kapan")),
    ("Azerbaijani", "Azerbaijan", ("Ganja", "Tartar", "Barda")),
    ("Sudanese", "Sudan", ("Omdurman", "El Obeid", "Nyala")),
    ("Ethiopian", "Ethiopia", ("Mekele", "Gondar", "Dessie")),
    ("Syrian", "Syria", ("Aleppo", "Idlib", "Homs")),
    ("Malian", "Mali", ("Gao", "Timbuktu", "Mopti")),
    ("Nigerian", "Nigeria", ("Maiduguri", "Kano", "Kaduna")),
    ("Somali", "Somalia", ("Kismayo", "Baidoa", "Beledweyne")),
    ("Colombian", "Colombia", ("Cali", "Cucuta", "Medellin")),
    ("Pakistani", "Pakistan", ("Peshawar", "Quetta", "Bannu")),
    ("Myanmar", "Myanmar", ("Mandalay", "Sagaing", "Lashio")),
    ("Congolese", "Democratic Republic of the Congo", ("Goma", "Bunia", "Beni")),
    ("Israeli", "Israel", ("Sderot", "Ashkelon", "Haifa")),
    ("Lebanese", "Lebanon", ("Tyre", "Sidon", "Nabatieh")),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OUTLETS = (
    "Caspian Courier",
    "Sahel Tribune",
    "Northern Ledger",
    "Harbour Gazette",
    "Meridian Wire",
    "Highland Post",
    "Delta Observer",
    "Capital Chronicle",
    "Frontier Daily",
    "Atlas Herald",
)
LEADS = (
    "{adj} forces shelled the city of {city} on {day}, killing {n} civilians, the {vadj}"
    " defence ministry said.",
    "{adj} troops attacked positions near {city} on {day} with drones and artillery, the"
    " {vadj} army said in a statement.",
    "Police in {vcity} arrested {n} protesters on {day} after clashes outside the regional"
    " parliament, witnesses said.",
    "The {adj} foreign minister met his {vadj} counterpart in {vcity} on {day} to discuss a"
    " ceasefire along the border.",
    "{country} imposed sanctions on {vadj} officials on {day} over the fighting near {vcity}.",
    "Thousands of people protested in {vcity} on {day} against the {vadj} government's"
    " handling of the crisis.",
)
BODY = (
    "Residents of {vcity} said the fighting on {day} lasted {h} hours and damaged {n} homes.",
    "The {vadj} government accused {country} of breaking the truce it signed in {month}.",
    "{country} denied the accusation on {next} and said its {unit} had only returned fire.",
    "Aid agencies said {n2} families had fled {vcity} since the {month} offensive began.",
    "The United Nations envoy for {vcountry} called on {country} to protect {n2} civilians.",
    "A spokesman for the {adj} defence ministry said {n} soldiers had been wounded near {vcity}.",
    "Officials in {vcity} said power and water were cut for {h} hours in the {quarter} district.",
    "Doctors at the {quarter} hospital in {vcity} said they had treated {n2} wounded people.",
    "The {vadj} president will address parliament about the {month} attacks on {next}.",
    "Analysts in {capital} said the clashes near {vcity} were the worst since {month}.",
    "{country} said on {next} it would send {n} diplomats to talks in {capital}.",
    "The European Union urged {country} to withdraw its {unit} from around {vcity} by {next}.",
    "Footage shared on {day} showed smoke rising over the {quarter} district of {vcity}.",
    "The {vadj} interior ministry said {n2} suspects had been detained in {vcity} since {month}.",
    "Schools in {vcity} will stay closed until {next}, governor {name} said.",
    "Prices of bread and fuel in {vcity} have risen by {pct} percent since {month}.",
    "Opposition leader {name} demanded an inquiry into the {unit} and their conduct in {vcity}.",
    "Rights groups said at least {n2} civilians had died around {vcity} since {month}.",
    "{name}, a teacher from {vcity}, said {n} of her pupils had left with their families.",
    "Convoys carrying {n2} tonnes of food reached {vcity} on {next}, the {vadj} Red Crescent said.",
    "The {adj} embassy in {capital} said {n} of its citizens were trapped near {vcity}.",
    "Satellite images from {month} showed {n} new trenches dug south of {vcity}.",
    "Farmers near {vcity} said they had lost {pct} percent of the {month} harvest.",
    "{name}, the {vadj} army chief, visited front-line {unit} near {vcity} on {day}.",
)
UNITS = ("units", "troops", "forces", "gunners", "brigades", "patrols")
NAMES = (
    "Amina Yusuf",
    "Karen Petrosyan",
    "Omar Haddad",
    "Lena Markova",
    "Ibrahim Diallo",
    "Sofia Arias",
    "Tigist Bekele",
    "Rashid Khan",
    "Nadia Saleh",
    "Aung Min",
)
CAPITALS = ("Geneva", "Vienna", "Doha", "Ankara", "Nairobi", "Oslo", "Brussels", "Istanbul")
FOLLOW_UP = (
    "New details emerged on {next_day} about the attack, which officials described as deliberate.",
    "Witnesses gave fresh accounts of the violence to reporters in {vcity} this week.",
    "The {vadj} parliament held an emergency session about the events of last week.",
)
ADDED = (
    "This story has been updated with comment from officials.",
    "Additional reporting by our correspondent in the region.",
    "The report could not be independently verified.",
)
FRENCH = (
    "Les forces armées ont bombardé la ville jeudi, selon les autorités locales. Le"
    " gouvernement a condamné cette attaque et a demandé une enquête internationale sur"
    " les victimes civiles de la région."
)
SPANISH = (
    "Las fuerzas armadas atacaron la ciudad el jueves, según las autoridades locales. El"
    " gobierno condenó el ataque y pidió una investigación internacional sobre las víctimas"
    " civiles de la región."
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
QUARTERS = ("northern", "southern", "eastern", "western", "old", "industrial")
START = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)
BODY_SENTENCES = 16
# What a copy changes: a sentence added or cut, and perhaps a word.
EDITS = (("add",), ("cut",), ("word",), ("add", "word"), ("cut", "word"))


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page of the crawl. ``story`` is its story's number (copies share it)."""

    url: str
    outlet: str
    headline: str
    paragraphs: tuple[str, ...]
    published: datetime
    story: int
    copy_of: int | None = None
    lang: str = "en"


def make_pages(n_pages: int, dup_share: float = 0.3, seed: int = 7) -> list[Page]:
    """``n_pages`` article pages: distinct stories and ``dup_share`` of near duplicates."""
    rng = random.Random(seed)
    n_dups = round(n_pages * dup_share)
    stories = [_story(rng, number) for number in range(n_pages - n_dups)]
    for number in range(len(stories) // 10):  # follow-ups retell an earlier lead event
        earlier = stories[rng.randrange(len(stories))]
        stories[-1 - number] = _follow_up(rng, earlier, stories[-1 - number])
    copies = [_copy(rng, rng.choice(stories), n) for n in range(n_dups)]
    pages = stories + copies
    rng.shuffle(pages)
    return pages


def _fillers(rng: random.Random) -> dict[str, str]:
    adj, country, _ = rng.choice(COUNTRIES)
    vadj, vcountry, vcities = rng.choice([c for c in COUNTRIES if c[1] != country])
    return {
        "adj": adj,
        "country": country,
        "city": rng.choice(vcities),
        "vadj": vadj,
        "vcountry": vcountry,
        "vcity": rng.choice(vcities),
        "day": rng.choice(WEEKDAYS),
        "next_day": rng.choice(WEEKDAYS),
        "next": rng.choice(WEEKDAYS),
        "n": str(rng.randint(2, 90)),
        "n2": str(rng.randint(3, 400)),
        "h": str(rng.randint(2, 14)),
        "pct": str(rng.randint(5, 60)),
        "month": rng.choice(MONTHS),
        "quarter": rng.choice(QUARTERS),
        "unit": rng.choice(UNITS),
        "name": rng.choice(NAMES),
        "capital": rng.choice(CAPITALS),
    }


def _story(rng: random.Random, number: int) -> Page:
    fill = _fillers(rng)
    lead = rng.choice(LEADS).format(**fill)
    body = [t.format(**_fillers(rng) | _keep(fill)) for t in rng.sample(BODY, BODY_SENTENCES)]
    outlet = rng.choice(OUTLETS)
    return Page(
        url=f"https://{_host(outlet)}/world/{number:05d}-{_slug(lead)}",
        outlet=outlet,
        headline=_headline(lead),
        paragraphs=(lead, *body),
        published=START + timedelta(hours=rng.randint(0, 24 * 60)),
        story=number,
    )


def _follow_up(rng: random.Random, earlier: Page, page: Page) -> Page:
    """``page`` rewritten to open with ``earlier``'s lead event, published the same day."""
    fill = _fillers(rng)
    extra = [rng.choice(FOLLOW_UP).format(**fill) for _ in range(2)]
    return Page(
        url=page.url,
        outlet=page.outlet,
        headline=page.headline,
        paragraphs=(earlier.paragraphs[0], *dict.fromkeys(extra), *page.paragraphs[1:]),
        published=earlier.published + timedelta(minutes=rng.randint(5, 300)),
        story=page.story,
    )


def _copy(rng: random.Random, story: Page, number: int) -> Page:
    """Another outlet's copy of ``story``: a sentence more or less, perhaps a word changed."""
    paragraphs = list(story.paragraphs)
    edits = rng.choice(EDITS)
    if "add" in edits:
        paragraphs.append(rng.choice(ADDED))
    if "cut" in edits and len(paragraphs) > 4:
        paragraphs.pop()
    if "word" in edits:
        i = rng.randrange(1, len(paragraphs))
        paragraphs[i] = paragraphs[i].replace(" said", " told reporters", 1)
    outlet = rng.choice([o for o in OUTLETS if o != story.outlet])
    return Page(
        url=f"https://{_host(outlet)}/news/wire-{number:05d}",
        outlet=outlet,
        headline=f"{story.headline} ({outlet.split()[0]})",
        paragraphs=tuple(paragraphs),
        published=story.published + timedelta(minutes=rng.randint(1, 180)),
        story=story.story,
        copy_of=story.story,
    )


def _keep(fill: dict[str, str]) -> dict[str, str]:
    # Body sentences stay in the story's place and countries, with their own numbers.
    return {key: fill[key] for key in ("adj", "country", "vadj", "vcountry", "vcity")}


def _headline(lead: str) -> str:
    words = lead.rstrip(".").split()
    return " ".join(words[:9]).rstrip(",")


def _slug(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def _host(outlet: str) -> str:
    return outlet.lower().replace(" ", "") + ".example"


def page_html(page: Page) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in page.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{page.lang}"><head><meta charset="utf-8">
<title>{page.headline} | {page.outlet}</title>
<meta property="og:site_name" content="{page.outlet}">
<meta property="og:title" content="{page.headline}">
<meta property="article:published_time" content="{page.published.isoformat()}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
<a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>{page.headline}</h1>
{body}
</article></main>
<footer><p>Copyright 2024 {page.outlet}. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></p></footer>
</body></html>
"""


# --- WARC writing ----------------------------------------------------------------------------


def write_warc(pages: Sequence[Page], path: Path, *, seed: int = 7, noise: bool = True) -> int:
    """Write ``pages`` (and, with ``noise``, the crawl's other records) as a WARC.gz file,
    one gzip member per record; return the number of records."""
    rng = random.Random(seed)
    records = list(_records(pages, rng, noise))
    with path.open("wb") as out:
        for record in records:
            out.write(gzip.compress(record, mtime=0))
    return len(records)


def _records(pages: Sequence[Page], rng: random.Random, noise: bool) -> Iterator[bytes]:
    info = b"software: strife bench/synthetic_warc.py\r\n"
    yield warc_record("warcinfo", None, START, info, "application/warc-fields")
    for number, page in enumerate(pages):
        crawled = page.published + timedelta(minutes=30)
        yield warc_record("request", page.url, crawled, _http_request(page.url), _HTTP_REQUEST)
        yield response_record(page.url, crawled, page_html(page).encode(), _HTML)
        if noise and number % 50 == 0:
            yield from _noise(page, crawled, rng)


def _noise(page: Page, crawled: datetime, rng: random.Random) -> Iterator[bytes]:
    host = page.url.split("/")[2]
    image = bytes(rng.randrange(256) for _ in range(600))
    yield response_record(f"https://{host}/logo.png", crawled, image, "image/png")
    yield response_record(f"https://{host}/robots.txt", crawled, b"User-agent: *\n", "text/plain")
    yield response_record(f"https://{host}/gone", crawled, b"<p>Not found</p>", _HTML, 404)
    yield response_record(f"https://{host}/old", crawled, b"", "text/html", 301)
    for lang, text in (("fr", FRENCH), ("es", SPANISH)):
        foreign = Page(
            url=f"https://{host}/{lang}/{page.story}",
            outlet=page.outlet,
            headline=text.split(",")[0],
            paragraphs=(text,),
            published=page.published,
            story=-1,
            lang=lang,
        )
        html = page_html(foreign).encode()
        yield response_record(foreign.url, crawled, html, _HTML)


_HTML = "text/html; charset=utf-8"
_HTTP_REQUEST = "application/http; msgtype=request"
_HTTP_RESPONSE = "application/http; msgtype=response"
_STATUS = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}


def response_record(
    url: str, when: datetime, body: bytes, content_type: str, status: int = 200
) -> bytes:
    head = f"HTTP/1.1 {status} {_STATUS[status]}\r\nContent-Type: {content_type}\r\n"
    if status == 301:
        head += "Location: /\r\n"
    head += f"Content-Length: {len(body)}\r\n\r\n"
    return warc_record("response", url, when, head.encode() + body, _HTTP_RESPONSE)


def _http_request(url: str) -> bytes:
    parts = urlsplit(url)
    return f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode()


def warc_record(
    kind: str, url: str | None, when: datetime, block: bytes, content_type: str
) -> bytes:
    headers = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{_record_id(kind, url, block)}>",
        f"WARC-Date: {when.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
    ]
    if url is not None:
        headers.append(f"WARC-Target-URI: {url}")
    headers += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def _record_id(kind: str, url: str | None, block: bytes) -> uuid.UUID:
    # Derived from the content, so that the same pages always make the same file.
    return uuid.UUID(bytes=hashlib.md5(kind.encode() + (url or "").encode() + block).digest())


# --- the bench: --jobs N and --dask local on the same WARC ---------------------------------


def code_warc(warc: Path, db: Path, *extra: str) -> tuple[float, str]:
    """Run ``strife code WARC --db DB EXTRA...``; return its time and its summary line."""
    command = [sys.executable, "-m", "strife", "code", str(warc), "--db", str(db), *extra]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{done.stderr}")
    return seconds, done.stderr.strip().splitlines()[-1]


def store_snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything a run should decide, as sorted rows: articles, copies, events, groups."""
    import duckdb

    queries = {
        "articles": "SELECT id, source, url FROM articles",
        "copies": "SELECT article_id, source, outlet, round(similarity, 6) FROM article_sources",
        "events": "SELECT id, article_id, group_id, event, date FROM events",
        "groups": (
            "SELECT e.group_id, count(DISTINCT e.article_id), count(DISTINCT s.outlet)"
            " FROM events e LEFT JOIN article_sources s USING (article_id) GROUP BY 1"
        ),
        "rejections": "SELECT source, reason FROM rejections",
    }
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {name: sorted(conn.execute(sql).fetchall()) for name, sql in queries.items()}
    finally:
        conn.close()


def run_bench(warc: Path, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            f"--jobs {jobs}": ("--jobs", str(jobs)),
            f"--dask local --jobs {jobs}": ("--dask", "local", "--jobs", str(jobs)),
        }
        snapshots: dict[str, dict[str, list[tuple[object, ...]]]] = {}
        for name, extra in runs.items():
            db = Path(tmp) / f"{len(snapshots)}.duckdb"
            seconds, line = code_warc(warc, db, *extra)
            snapshots[name] = store_snapshot(db)
            print(f"  {name:24s} {seconds:7.1f} s  {line}")
        first, second = snapshots.values()
        for table in first:
            same = "identical" if first[table] == second[table] else "DIFFERENT"
            print(f"  {table:10s} {len(first[table]):6d} rows, {same}")
        if first != second:
            raise SystemExit("bench: the two runs stored different results")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the WARC.gz file to write")
    parser.add_argument("--pages", type=int, default=2000, help="HTML article pages")
    parser.add_argument("--dup-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--run", action="store_true", help="code it with --jobs and --dask")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    pages = make_pages(args.pages, args.dup_share, args.seed)
    n_records = write_warc(pages, args.out, seed=args.seed)
    copies = sum(1 for page in pages if page.copy_of is not None)
    size_mb = args.out.stat().st_size / 1e6
    print(
        f"{args.out}: {len(pages)} article pages ({copies} near duplicates),"
        f" {n_records} WARC records, {size_mb:.1f} MB"
    )
    if args.run:
        run_bench(args.out, args.jobs)


if __name__ == "__main__":
    main()
