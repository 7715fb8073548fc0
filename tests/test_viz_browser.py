"""Headless Chromium renders the network pages offline, and hostile article text stays text."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import pytest
from helpers import PUTIN, RUS, TUR, UKR, make_event
from test_browser import ARGS, CHROMIUM
from test_clients import _serve

from kg.model import Actor, Article

HOSTILE = Actor(
    "x-hostile", "<img src=x onerror=window.pwned=1></script><script>window.pwned=2</script>", "group", resolved=False
)


@pytest.fixture(scope="module")
def viz_server(tmp_path_factory):
    from kg.store import KnowledgeGraph

    tmp = tmp_path_factory.mktemp("viz")
    store = f"oxigraph:{tmp / 'store'}"
    s1 = "Putin met Erdogan in Turkey."
    s2 = "Russia attacked Ukraine."
    s3 = f"{HOSTILE.label} criticised Turkey <img src=x onerror=window.pwned=3>."
    text = " ".join([s1, s2, s3])
    events = [
        make_event(PUTIN, TUR, "040", s1, 0, date="2023-09"),
        make_event(RUS, UKR, "190", s2, len(s1) + 1, date="2022-02-24"),
        make_event(HOSTILE, TUR, "111", s3, len(s1) + len(s2) + 2, date="2024-01"),
    ]
    with KnowledgeGraph(store) as kg:
        kg.write_articles([(Article("viz-1", text, published=date(2024, 1, 29)), events)], extractor="test/1")
    proc, log, url = _serve(store, tmp, "viz")
    yield url
    proc.terminate()
    proc.wait(10)
    log.close()


@pytest.mark.parametrize(("path", "nodes", "edges"), [("/viz", 5, 3), ("/viz/actor/TUR", 3, 2)])
def test_network_page_renders_offline_with_the_expected_graph(viz_server, path, nodes, edges):
    from playwright.sync_api import sync_playwright

    hosts, dialogs = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda r: hosts.append(urlsplit(r.url).hostname))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(viz_server + path)
            page.wait_for_function("window.dkgNetwork !== undefined", timeout=15000)
            counts = page.evaluate(
                "[window.dkgNetwork.body.data.nodes.length, window.dkgNetwork.body.data.edges.length]"
            )
            labels = page.evaluate("window.dkgNetwork.body.data.nodes.get().map(n => n.label).join(' ')")
            pwned = page.evaluate("window.pwned === undefined ? null : window.pwned")
            images = page.evaluate("document.querySelectorAll('img').length")
        finally:
            browser.close()
    assert counts == [nodes, edges]
    if path == "/viz":
        assert "onerror" in labels, "the hostile actor is shown, as text"
    assert pwned is None and not dialogs and images == 0
    assert hosts and set(hosts) == {"127.0.0.1"}
