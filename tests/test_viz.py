"""Network pages: offline, escaped, CSP-ready, bounded in size."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from dataclasses import replace

import helpers
import networkx as nx
import pytest
from helpers import make_event

from kg.errors import InputError
from kg.model import Actor, Article, Place
from kg.store import KnowledgeGraph
from kg.viz import content_security_policy, network_view, render_network, safe_json
from kg.viz.assets import vis_css, vis_js
from kg.viz.network import QUAD_COLORS
from kg.viz.pages import actor_page, network_page, path_page

# Described in the article graph (no gazetteer needed; see bare_store).
RUS, TUR, UKR, PUTIN = (replace(a, resolved=False) for a in (helpers.RUS, helpers.TUR, helpers.UKR, helpers.PUTIN))
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
EVIL = Actor("evil-img", IMG, "group", resolved=False)
EVIL2 = Actor("evil-script", SCRIPT + " \u2028", "group", resolved=False)


@pytest.fixture(scope="module")
def store():
    # Without the reference graph: loading the gazetteer dominates a store's start-up.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(KnowledgeGraph, "ensure_reference", lambda self: False)
        kg = KnowledgeGraph("memory:")
    s = [
        f"{IMG} met Turkey's foreign minister.",
        f"{SCRIPT} criticised Russia.",
        "Putin will visit Turkey next month.",
        "Turkey sent aid to Ukraine.",
        "Russia attacked Ukraine.",
    ]
    text = " ".join(s)
    events = [
        make_event(EVIL, TUR, "042", s[0], text.index(s[0]), date="2024-01"),
        make_event(EVIL2, RUS, "111", s[1], text.index(s[1]), date="2024-01"),
        make_event(PUTIN, TUR, "036", s[2], text.index(s[2]), date="2024-02", modality="planned"),
        make_event(TUR, UKR, "070", s[3], text.index(s[3]), date="2024-02"),
        make_event(RUS, UKR, "190", s[4], text.index(s[4]), date="2022"),
    ]
    kg.write_articles([(Article("hostile", text, title=f"News {SCRIPT}"), events)], extractor="test/1")
    yield kg
    kg.close()


def data_of(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="dkg-data"[^>]*>(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def external_refs(page: str) -> list[str]:
    """Every attribute or CSS reference that would make the browser fetch from another host."""
    refs = re.findall(r"""\b(?:src|href|action|data)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]*)""", page, re.I)
    refs += re.findall(r"""url\(\s*["']?((?:https?:)?//[^)"']*)""", page, re.I)
    refs += re.findall(r"""@import\s+["']?((?:https?:)?//[^"';]*)""", page, re.I)
    return refs


def test_pages_load_nothing_from_outside_the_host(store):
    pages = [
        network_page(store, nonce="n0nce-1234567"),
        actor_page(store, "TUR", depth=2),
        path_page(store, "Q7747", "UKR"),
    ]
    for page in pages:
        assert external_refs(page) == []
        assert "<link" not in page.lower() and "bootstrap" not in page.lower()
        assert "vis-network" in page and "@version 9.1.2" in page  # the library is inline


def test_hostile_labels_and_sentences_stay_text(store):
    page = network_page(store)
    assert IMG not in page and "</script><script>" not in page
    # vis-network, the data block, the page script: nothing injected (vis-network's own code
    # mentions "<script>" in a string, so it is taken out before counting).
    assert len(re.findall(r"<script\b", page.replace(vis_js(), ""))) == 3
    assert "\u2028" not in page.split('id="dkg-data"')[1]
    data = data_of(page)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["evil-img"] == IMG  # shown as text on the canvas, intact
    assert labels["evil-script"].startswith(SCRIPT)
    tips = " ".join(e["title"] for e in data["edges"])
    assert f"“{IMG} met Turkey's foreign minister.”" in tips  # evidence sentence in the tooltip, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the HTML actor list escapes it
    title = re.search(r"<title>(.*?)</title>", render_network(nx.DiGraph(), title=f"News {SCRIPT}")).group(1)
    assert title == "News &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"


def test_safe_json_cannot_close_a_script_element():
    text = safe_json({"a": "</script><!-- & \u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_nonce_goes_on_every_script_and_style():
    page = render_network(nx.path_graph(["A", "B"]), nonce="Zm9vYmFyYmF6")
    tags = re.findall(r"<(script|style)\b([^>]*)>", page.replace(vis_js(), "").replace(vis_css(), ""))
    assert len(tags) == 5
    assert all('nonce="Zm9vYmFyYmF6"' in attrs for _, attrs in tags)
    assert "http-equiv" not in page  # the service sends the header
    policy = content_security_policy("Zm9vYmFyYmF6")
    assert "script-src 'nonce-Zm9vYmFyYmF6'" in policy and "unsafe" not in policy
    assert "default-src 'none'" in policy
    with pytest.raises(InputError):
        render_network(nx.Graph(), nonce='x" onload="alert(1)')


def test_standalone_page_pins_its_own_code_by_hash():
    page = render_network(nx.path_graph(["A", "B"]))
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    bodies = re.findall(r"<(?:script|style)>(.*?)</(?:script|style)>", page, re.S)
    assert len(bodies) == 4  # the JSON data block is not code and needs no hash
    for body in bodies:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in meta
    assert "unsafe-inline" not in meta
    assert page.index("http-equiv") < page.index("<style")  # the policy precedes what it governs


def test_node_limit_keeps_the_top_actors_and_says_what_was_left_out():
    G = nx.DiGraph()
    for i in range(1, 50):
        G.add_edge(f"N{i:02d}", "HUB", weight=1, count=1, quad={1: 1})
    G.add_edge("N01", "N02", weight=1, count=1, quad={4: 1})
    view = network_view(G, size_by="degree", node_limit=10, highlight_path=["N49", "HUB"])
    ids = {n["id"] for n in view.nodes}
    assert len(ids) == 10 and {"HUB", "N01", "N02", "N49"} <= ids
    assert view.omitted_nodes == 40
    (notice, *_) = view.notices
    assert notice.startswith("Showing 10 of 50 actors, the top by degree; 40 actors and 40 relations are left out")
    page = render_network(G, size_by="degree", node_limit=10)
    assert "Showing 10 of 50 actors" in page and len(data_of(page)["nodes"]) == 10


def test_sizes_colours_widths_and_profile_links():
    G = nx.DiGraph()
    G.add_node("a/b?", label="Odd key", type="person")
    G.add_edge("a/b?", "RUS", weight=8, count=8, quad={4: 6, 1: 2})
    G.add_edge("UKR", "RUS", weight=1, count=1, quad={1: 1})
    G.add_node("RUS", label="Russia", type="state")
    view = network_view(G, size_by="degree", profile_link="/viz/actor/{key}")
    nodes = {n["id"]: n for n in view.nodes}
    assert nodes["RUS"]["size"] > nodes["UKR"]["size"]
    assert nodes["a/b?"]["url"] == "/viz/actor/a%2Fb%3F"
    assert nodes["RUS"]["color"] != nodes["a/b?"]["color"]  # state and person
    edges = {(e["from"], e["to"]): e for e in view.edges}
    assert edges[("a/b?", "RUS")]["color"]["color"] == QUAD_COLORS[4][0]  # mostly material conflict
    assert edges[("UKR", "RUS")]["color"]["color"] == QUAD_COLORS[1][0]
    assert edges[("a/b?", "RUS")]["width"] > edges[("UKR", "RUS")]["width"]
    assert "Odd key → Russia\n8 events: 2 verbal cooperation, 6 material conflict" in edges[("a/b?", "RUS")]["title"]
    assert [name for _, name in view.legend["edges"]][-1] == "Material conflict"
    assert "url" not in network_view(G, profile_link=None).nodes[0]
    with pytest.raises(InputError):
        network_view(G, profile_link="javascript:alert('{key}')")
    by_community = network_view(nx.barbell_graph(4, 0), color_by="community")
    assert len({n["color"] for n in by_community.nodes}) == 2


def test_large_graphs_stabilise_briefly_or_get_a_fixed_layout():
    G = nx.gnm_random_graph(400, 800, seed=1, directed=True)
    view = network_view(G, size_by="degree")
    physics = view.options["physics"]
    assert physics["enabled"] and physics["stabilization"]["iterations"] <= 120
    assert view.options["edges"]["smooth"] is False and view.options["layout"]["improvedLayout"] is False
    fixed = network_view(G, size_by="degree", physics=False)
    assert fixed.options["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in fixed.nodes)
    small = network_view(nx.path_graph(5))
    assert small.options["physics"]["stabilization"]["iterations"] == 250 and "x" not in small.nodes[0]


def test_pages_from_the_store(store):
    page = path_page(store, "Q7747", "UKR")
    assert "The highlighted path: " in page and "Ukraine" in page
    data = data_of(page)
    assert any(n.get("borderWidth") == 4 for n in data["nodes"])
    assert "No path:" in path_page(store, "UKR", "Q7747", directed=True)
    ego = data_of(actor_page(store, "TUR"))
    assert {n["id"] for n in ego["nodes"]} == {"TUR", "Q7747", "UKR", "evil-img"}
    assert all(n["url"].startswith("/viz/actor/") for n in ego["nodes"])


def test_evidence_tooltips_say_where_and_whether_the_date_is_stated():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(KnowledgeGraph, "ensure_reference", lambda self: False)
        kg = KnowledgeGraph("memory:")
    turkey, ukraine, russia = helpers.TUR, helpers.UKR, helpers.RUS
    s = ["Turkey sent aid to Ukraine.", "Russia shelled Kharkiv on Monday."]
    text = " ".join(s)
    events = [
        make_event(turkey, ukraine, "070", s[0], 0, date="2024-02-12", date_basis="published"),
        make_event(
            russia, ukraine, "190", s[1], len(s[0]) + 1, date="2024-02-12", date_basis="text",
            place=Place("Kharkiv", "UKR"),
        ),
    ]  # fmt: skip
    kg.write_articles([(Article("a", text, title="Weekly", published=dt.date(2024, 2, 12)), events)], extractor="t/1")
    tips = {(e["from"], e["to"]): e["title"] for e in data_of(network_page(kg))["edges"]}
    kg.close()
    assert "“Turkey sent aid to Ukraine.” (published 2024-02-12, Weekly)" in tips[("TUR", "UKR")]
    assert "“Russia shelled Kharkiv on Monday.” (in Kharkiv, 2024-02-12, Weekly)" in tips[("RUS", "UKR")]
