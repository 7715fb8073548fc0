"""Headless Chromium (Debian's, driven by Playwright) runs an example query on ``/``."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def test_editor_runs_an_example_and_loads_nothing_from_elsewhere(server):
    from playwright.sync_api import sync_playwright

    hosts = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda r: hosts.append(urlsplit(r.url).hostname))
            page.goto(server + "/")
            assert "events" in page.locator("#counts").inner_text()
            page.locator("button.example").first.click()
            page.wait_for_selector("tr.result-row", timeout=15000)
            assert page.locator("tr.result-row").count() >= 1
            assert "row" in page.locator("#status").inner_text()
        finally:
            browser.close()
    assert hosts and set(hosts) == {"127.0.0.1"}
