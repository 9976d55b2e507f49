"""The dashboard in a real browser: Debian's chromium driven by Playwright, against
``strife serve`` on a store coded from the project's example articles, and on one holding
the truces of ``test_api_truces`` (for the truce lane and panel).

Screenshots go to ``test-artifacts/``. Without ``/usr/bin/chromium`` the tests skip, except
under CI (``CI`` set), where a missing browser is a failure: CI installs it (``.ci/run``).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from strife.store import Store
from strife.truces.model import Truce
from test_api_truces import by_place, truce_store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WEEKLY_AFTER_DAYS = 180  # as js/main.js: the timeline counts weeks over longer spans
# A ceiling, not a measure of speed: on a 2-core machine busy with other work, the private
# server's page once took more than 15 s to be ready.
TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Expected:
    """What the store holds, counted with SQL, independently of the API."""

    events: int
    places: int
    contested_places: int
    assault_events: int
    assault_places: int
    assault_buckets: int


def _count(conn: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = conn.execute(sql).fetchone()
    return 0 if row is None else int(row[0])


def _buckets(conn: duckdb.DuckDBPyConnection, kind: str) -> int:
    first, last = conn.execute(
        "SELECT min(date), max(date) FROM events WHERE event = ?", [kind]
    ).fetchone() or (None, None)
    unit = "week" if (last - first).days > WEEKLY_AFTER_DAYS else "day"
    row = conn.execute(
        "SELECT count(DISTINCT date_trunc(?, date)) FROM events WHERE event = ?", [unit, kind]
    ).fetchone()
    return int(row[0]) if row else 0


def expected_counts(store: Path) -> Expected:
    with duckdb.connect(str(store), read_only=True) as conn:
        return Expected(
            events=_count(conn, "SELECT count(*) FROM events"),
            places=_count(conn, "SELECT count(DISTINCT geonameid) FROM events"),
            contested_places=_count(
                conn, "SELECT count(DISTINCT geonameid) FROM events WHERE contested"
            ),
            assault_events=_count(conn, "SELECT count(*) FROM events WHERE event = 'ASSAULT'"),
            assault_places=_count(
                conn, "SELECT count(DISTINCT geonameid) FROM events WHERE event = 'ASSAULT'"
            ),
            assault_buckets=_buckets(conn, "ASSAULT"),
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def strife(*args: str) -> list[str]:
    return [sys.executable, "-m", "strife", *args]


@pytest.fixture(scope="module")
def chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Path:
    path = tmp_path_factory.mktemp("web") / "examples.duckdb"
    done = subprocess.run(
        strife("code", str(ROOT / "examples"), "--db", str(path), "--quiet"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def expected(store: Path) -> Expected:
    return expected_counts(store)


@pytest.fixture(scope="module")
def server(store: Path, expected: Expected) -> Iterator[str]:
    env = {key: value for key, value in os.environ.items() if key != "STRIFE_TOKEN"}
    with serving(store, env) as url:
        yield url


@contextmanager
def serving(store: Path, env: dict[str, str], *flags: str) -> Iterator[str]:
    """``strife serve`` on ``store`` with ``env``, its URL while it runs."""
    port = free_port()
    process = subprocess.Popen(
        strife("serve", "--db", str(store), "--port", str(port), *flags),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_until_up(url: str, process: subprocess.Popen[bytes], limit_s: float = 60) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            raise AssertionError(f"strife serve exited: {stderr}")
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"strife serve did not answer within {limit_s} s")


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    with dashboard(browser, server) as opened:
        yield opened


@contextmanager
def dashboard(browser: Browser, server: str) -> Iterator[Page]:
    """The dashboard of ``server``, loaded; no page error or console error may occur."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    opened.goto(server + "/")
    opened.wait_for_selector("body[data-ready=true]")
    yield opened
    context.close()
    assert problems == [], problems


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{name}.png"), full_page=False)


def wait_for_count(page: Page, selector: str, count: int) -> None:
    page.wait_for_function(
        "([selector, count]) => document.querySelectorAll(selector).length === count",
        arg=[selector, count],
    )


def test_map_shows_a_point_per_place(page: Page, expected: Expected) -> None:
    wait_for_count(page, "#map circle.map-point", expected.places)
    assert page.locator("#map circle.map-point.contested").count() == expected.contested_places
    assert page.locator("#map path.country").count() > 150  # the bundled world outline
    assert f"{expected.events} events" in page.locator("#summary").inner_text()
    screenshot(page, "examples")


def test_filtering_by_type_updates_map_timeline_and_table(page: Page, expected: Expected) -> None:
    bars_before = page.locator("#timeline rect.timeline-bar").count()
    page.select_option("#f-event", "ASSAULT")
    wait_for_count(page, "#map circle.map-point", expected.assault_places)
    page.wait_for_function(  # bars drawn, and early ones left off a long thin tail
        "(n) => document.querySelectorAll('#timeline rect.timeline-bar').length"
        " + Number(document.getElementById('timeline').dataset.hidden) === n",
        arg=expected.assault_buckets,
    )
    wait_for_count(page, "#events-table tr.event-row", min(50, expected.assault_events))
    assert expected.assault_buckets < bars_before
    types = page.locator("#events-table tr.event-row td:nth-child(2) .type").all_inner_texts()
    assert {text.strip() for text in types} == {"ASSAULT"}
    assert f"{expected.assault_events} events" in page.locator("#summary").inner_text()
    screenshot(page, "assault")


def _record(store: Path, event_id: str) -> dict[str, Any]:
    with duckdb.connect(str(store), read_only=True) as conn:
        row = conn.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchone()
    assert row is not None
    return dict(json.loads(row[0]))


def test_clicking_an_event_shows_its_evidence(page: Page, store: Path) -> None:
    row = page.locator("#events-table tr.event-row.contested").first
    event = _record(store, row.get_attribute("data-id") or "")
    row.click()
    passage = page.locator("#event-panel #evidence")
    passage.wait_for()
    assert event["text"].strip()[:40] in passage.inner_text()
    actors = "".join(page.locator("#evidence mark.role-actor").all_inner_texts())
    assert all(actor["entity_text"] in actors for actor in event["actor"])
    if event["event_loc"]:
        places = page.locator("#evidence mark.role-place").all_inner_texts()
        assert event["event_loc"]["extracted_place"] in "".join(places)
    denials = page.locator("#event-panel .claims li.denies").all_inner_texts()
    deniers = [claim["by"] for claim in event["claims"] if claim["stance"] == "denies"]
    assert deniers and all(any(by in text for text in denials) for by in deniers)
    assert page.locator("#event-panel .contested-banner").is_visible()
    title = event["cite_info"]["title"]
    assert page.locator("#source-link").inner_text() == title
    screenshot(page, "evidence")


def test_brushing_the_timeline_filters_map_and_table(page: Page, expected: Expected) -> None:
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.9, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.995, y, steps=5)
    page.mouse.up()
    page.wait_for_function("document.getElementById('f-since').value !== ''")
    since = date.fromisoformat(page.input_value("#f-since"))
    until = date.fromisoformat(page.input_value("#f-until"))
    page.wait_for_function(
        "(n) => document.querySelectorAll('#map circle.map-point').length < n", arg=expected.places
    )
    dates = page.locator("#events-table tr.event-row td:first-child").all_inner_texts()
    assert dates and all(since <= date.fromisoformat(d) <= until for d in dates)
    screenshot(page, "brushed")


def test_clicking_a_place_filters_the_table(page: Page) -> None:
    point = page.locator("#map circle.map-point").first
    name = point.get_attribute("data-name") or ""
    point.dispatch_event("click")
    page.locator("#place-chip").wait_for()
    page.wait_for_function(
        "(name) => [...document.querySelectorAll('#events-table tr.event-row td:nth-child(5)')]"
        ".every((td) => td.textContent.startsWith(name))",
        arg=name,
    )
    assert name in page.locator("#place-chip").inner_text()


@dataclass(frozen=True)
class TruceStore:
    path: Path
    truces: dict[str, Truce]  # by where they were agreed: Moscow, Washington, Minsk


@pytest.fixture(scope="module")
def truce_db(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> TruceStore:
    path = truce_store(tmp_path_factory.mktemp("web-truces") / "truces.duckdb")
    with Store.open(path, read_only=True) as store:
        truces = by_place(store.truces())
    assert set(truces) == {"Moscow", "Washington", "Minsk"}  # as test_api_truces checks
    return TruceStore(path, truces)


@pytest.fixture(scope="module")
def truce_server(truce_db: TruceStore) -> Iterator[str]:
    env = {key: value for key, value in os.environ.items() if key != "STRIFE_TOKEN"}
    with serving(truce_db.path, env) as url:
        yield url


@pytest.fixture
def truce_page(browser: Browser, truce_server: str) -> Iterator[Page]:
    with dashboard(browser, truce_server) as opened:
        yield opened


def _bar(page: Page, truce: Truce) -> Any:
    return page.locator(f'#truce-lane rect.truce-bar[data-id="{truce.id}"]')


def _box(locator: Any) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return dict(box)


def test_the_truce_lane_draws_each_truce_with_its_violations(
    truce_page: Page, truce_db: TruceStore
) -> None:
    page, known = truce_page, truce_db.truces
    moscow, washington, minsk = known["Moscow"], known["Washington"], known["Minsk"]
    wait_for_count(page, "#truce-lane rect.truce-bar", 3)
    # Each bar from its agreement to its supersession or collapse; one still on runs to
    # the end of the drawn dates.
    assert _bar(page, moscow).get_attribute("data-from") == "2020-10-10"
    assert _bar(page, moscow).get_attribute("data-to") == "2020-10-25"
    assert _bar(page, washington).get_attribute("data-to") == "2020-10-26"
    assert _bar(page, minsk).get_attribute("data-to") == ""
    lane, timeline = _box(page.locator("#truce-lane")), _box(page.locator("#timeline"))
    assert lane["width"] == timeline["width"]  # one axis for both
    minsk_box = _bar(page, minsk)
    end_of_dates = timeline["x"] + timeline["width"] - 10  # the timeline's right margin
    assert abs(_box(minsk_box)["x"] + _box(minsk_box)["width"] - end_of_dates) < 1.5
    moscow_box = _box(_bar(page, moscow))
    assert moscow_box["x"] < _box(_bar(page, washington))["x"]

    # Violations: ticks on the bar, coloured by the accuser, hollow when contested.
    ticks = page.locator(f'#truce-lane g.truce[data-id="{moscow.id}"] circle.violation-tick')
    assert ticks.count() == len(moscow.violations) == 2
    by_accuser = {tick.get_attribute("data-accuser"): tick for tick in ticks.all()}
    assert set(by_accuser) == {"AZE", "ARM"}
    aze, arm = by_accuser["AZE"].get_attribute("class"), by_accuser["ARM"].get_attribute("class")
    assert aze and arm and "contested" in aze.split() and "contested" not in arm.split()
    side = {name for name in aze.split() if name.startswith("side-")}
    assert side and side.isdisjoint(arm.split())
    fill = page.eval_on_selector_all(
        "#truce-lane circle.violation-tick",
        "(ticks) => ticks.map((t) => [t.dataset.accuser, t.classList.contains('contested'),"
        " getComputedStyle(t).fill, getComputedStyle(t).stroke])",
    )
    colours = {code: (filled, stroke) for code, contested, filled, stroke in fill if not contested}
    hollow = [(filled, stroke) for code, contested, filled, stroke in fill if contested]
    assert hollow and all(filled == "rgb(255, 255, 255)" for filled, _ in hollow)
    assert hollow[0][1] != colours["ARM"][0]  # AZE's colour, not ARM's
    for tick in ticks.all():
        x = _box(tick)["x"] + _box(tick)["width"] / 2
        assert moscow_box["x"] <= x <= moscow_box["x"] + moscow_box["width"]
    legend = page.locator("#truce-legend li[data-code]").all_inner_texts()
    assert [text.strip() for text in legend] == ["ARM", "AZE"]
    assert "3 truces" in page.locator("#truce-label").inner_text()
    screenshot(page, "truce-lane")


def test_a_truce_opens_in_the_panel_and_its_violations_on_the_map(
    truce_page: Page, truce_db: TruceStore
) -> None:
    page, moscow = truce_page, truce_db.truces["Moscow"]
    wait_for_count(page, "#map circle.map-point", 6)  # the six articles' places
    _bar(page, moscow).click(position={"x": 2, "y": 5})
    panel = page.locator("#event-panel")
    panel.locator(".truce-fields").wait_for()
    fields = panel.locator(".truce-fields").inner_text()
    assert "Armenia (ARM)" in fields and "Azerbaijan (AZE)" in fields
    assert "Russia (RUS)" in fields and "2020-10-10" in fields and "Moscow (RUS)" in fields
    assert "superseded" in panel.locator(".truce-title").inner_text()
    history = [text.split() for text in panel.locator(".history li").all_inner_texts()]
    assert [words[:2] for words in history] == [
        ["2020-10-10", "announced"],
        ["2020-10-11", "violated"],
        ["2020-10-25", "superseded"],
    ]
    assert "not to target civilians" in panel.locator(".terms").inner_text()
    quotes = panel.locator(".quotes q").all_inner_texts()
    assert "humanitarian ceasefire" in quotes and "pledged not to target civilians" in quotes
    screenshot(page, "truce-panel")

    # A violation opens its event in the event panel, with a way back.
    contested = next(v for v in moscow.violations if v.contested)
    panel.locator(f'button.violation-link[data-event-id="{contested.event_id}"]').click()
    panel.locator("#evidence").wait_for()
    assert "Armenian forces shelled Ganja" in panel.locator("#evidence").inner_text()
    assert panel.locator(".contested-banner").is_visible()
    page.click("#panel-back")
    panel.locator(".truce-fields").wait_for()

    # The map shows the places of the truce's violations only, until cleared.
    page.click("#truce-map")
    wait_for_count(page, "#map circle.map-point", 2)
    shown = page.eval_on_selector_all(
        "#map circle.map-point", "(points) => points.map((p) => [p.dataset.name, p.dataset.events])"
    )
    assert sorted(shown) == sorted(
        [v.place.name if v.place else "", v.event_id] for v in moscow.violations
    )
    assert "violations of the ARM–AZE humanitarian ceasefire" in page.inner_text("#truce-chip")
    assert page.inner_text("#truce-map") == "Show all events on map"
    screenshot(page, "truce-map")
    page.click("#truce-chip button")
    wait_for_count(page, "#map circle.map-point", 6)
    assert page.locator("#truce-chip").is_hidden()

    # The truce that superseded it is one click away.
    panel.locator(f'button.truce-link[data-id="{truce_db.truces["Washington"].id}"]').click()
    page.wait_for_function(  # a function: the page's CSP allows no eval of an expression
        "() => document.querySelector('#event-panel .truce-title')?.textContent"
        ".includes('collapsed')"
    )
    assert "United States (USA)" in panel.locator(".truce-fields").inner_text()


def wait_for_bars(page: Page, truces: list[Truce]) -> None:
    """Wait until the lane draws exactly these truces."""
    page.wait_for_function(
        "(ids) => [...document.querySelectorAll('#truce-lane rect.truce-bar')]"
        ".map((bar) => bar.dataset.id).sort().join(' ') === ids",
        arg=" ".join(sorted(truce.id for truce in truces)),
    )


def test_the_truce_lane_follows_the_filters(truce_page: Page, truce_db: TruceStore) -> None:
    page, known = truce_page, truce_db.truces
    wait_for_bars(page, list(known.values()))
    page.fill("#f-country", "UKR")
    page.press("#f-country", "Tab")
    wait_for_bars(page, [known["Minsk"]])
    page.fill("#f-country", "ARM")
    page.fill("#f-since", "2020-10-26")
    page.press("#f-since", "Tab")
    wait_for_bars(page, [known["Washington"]])
    page.click("#f-reset")
    wait_for_bars(page, list(known.values()))


PRIVATE_TOKEN = "dashboard-test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def private_server(store: Path, expected: Expected) -> Iterator[str]:
    # With a token the server may write: its own copy, not the other server's store.
    copy = store.with_name("private.duckdb")
    shutil.copyfile(store, copy)
    with serving(copy, {**os.environ, "STRIFE_TOKEN": PRIVATE_TOKEN}, "--private") as url:
        yield url


def test_the_csv_of_a_private_server_downloads_with_its_token(
    browser: Browser, private_server: str, expected: Expected
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(private_server + "/")
    page.fill("#token-input", PRIVATE_TOKEN)
    page.click("#token-form button[type=submit]")
    page.wait_for_selector("body[data-ready=true]")
    with page.expect_download() as info:
        page.click("#csv-link")
    with Path(info.value.path()).open(encoding="utf-8", newline="") as saved:
        rows = list(csv.DictReader(saved))
    context.close()
    assert info.value.suggested_filename == "strife-events.csv"
    assert len(rows) == min(expected.events, 500) and all(row["id"] for row in rows)
    # Without the token the same address is refused: the link alone could not have worked.
    assert httpx.get(private_server + "/api/events?format=csv").status_code == 401
