"""Screenshots of the dashboard on a store, for the record (not a test).

Usage::

    .venv/bin/python scripts/web/screenshot.py STORE.duckdb --out test-artifacts --name karabakh

Starts ``strife serve`` on the store (127.0.0.1, a free port), opens the dashboard in
Debian's chromium through Playwright and saves three screenshots: the overview, the ASSAULT
events, and the panel of the first contested event (or of the first event when none is
contested). The server is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def serve(store: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {key: value for key, value in os.environ.items() if key != "STRIFE_TOKEN"}
    command = [sys.executable, "-m", "strife", "serve", "--db", str(store), "--port", str(port)]
    process = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(url + "/api/health", timeout=1).raise_for_status()
            return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("strife serve did not start")


def shoot(page: Page, url: str, out: Path, name: str) -> None:
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.screenshot(path=str(out / f"{name}-overview.png"))
    rows = page.locator("#events-table tr.event-row.contested")
    row = rows.first if rows.count() else page.locator("#events-table tr.event-row").first
    row.click()
    page.wait_for_selector("#evidence mark")
    page.screenshot(path=str(out / f"{name}-event.png"))
    page.locator("#event-panel .close").click()
    page.select_option("#f-event", "ASSAULT")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events-table tr.event-row .type')]"
        ".every((el) => el.textContent.trim() === 'ASSAULT')"
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(out / f"{name}-assault.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--out", type=Path, default=Path("test-artifacts"))
    parser.add_argument("--name", default="dashboard")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    process, url = serve(args.store)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            shoot(page, url, args.out, args.name)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(f"screenshots in {args.out}/{args.name}-*.png")


if __name__ == "__main__":
    main()
