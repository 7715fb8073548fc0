"""The network API and the interactive pages, through the Flask test client."""

from __future__ import annotations

import json
import re
from datetime import date

import networkx as nx
import pytest
from helpers import PUTIN, RUS, TUR, UKR, make_event

from kg.model import Actor, Article

ERDOGAN = Actor("Q39259", "Recep Tayyip Erdoğan", "person", country="TUR", sector="GOV", wikidata="Q39259")
ZELENSKY = Actor("Q3874799", "Volodymyr Zelensky", "person", country="UKR", sector="GOV", wikidata="Q3874799")
HOSTILE = Actor("x-evil", "<img src=x onerror=alert(1)></script><script>alert(2)</script>", "group", resolved=False)


@pytest.fixture
def network_kg(kg):
    s1 = "Putin met Erdogan in Sochi."
    s2 = "Erdogan spoke with Zelensky by phone."
    s3 = "Russia attacked Ukraine."
    s4 = "<img src=x onerror=alert(1)> criticised Turkey."
    text = " ".join([s1, s2, s3, s4])
    at = [0, len(s1) + 1, len(s1) + len(s2) + 2, len(s1) + len(s2) + len(s3) + 3]
    events = [
        make_event(PUTIN, ERDOGAN, "040", s1, at[0], date="2023-09"),
        make_event(ERDOGAN, ZELENSKY, "041", s2, at[1], date="2024-01"),
        make_event(RUS, UKR, "190", s3, at[2], date="2022-02-24"),
        make_event(HOSTILE, TUR, "111", s4, at[3], date="2024-01"),
    ]
    kg.write_articles([(Article("net-1", text, published=date(2024, 1, 29)), events)], extractor="test/1")
    return kg


@pytest.fixture
def nclient(app, network_kg):
    return app.test_client()


def test_path_from_putin_to_zelensky_runs_through_erdogan_with_evidence(nclient):
    body = nclient.get("/api/paths?from=Q7747&to=Q3874799").get_json()
    path = body["paths"][0]
    assert path["nodes"] == ["Q7747", "Q39259", "Q3874799"]
    sentences = [ev["sentence"] for hop in path["hops"] for ev in hop["evidence"]]
    assert "Putin met Erdogan in Sochi." in sentences and "Erdogan spoke with Zelensky by phone." in sentences


def test_no_path_is_an_answer_and_unknown_actor_a_404(nclient):
    body = nclient.get("/api/paths?from=Q7747&to=UKR&since=2025").get_json()
    assert body["paths"] == [] and body["reason"]
    missing = nclient.get("/api/paths?from=Q7747&to=NOPE-NOPE")
    assert missing.status_code == 404 and missing.get_json()["ok"] is False
    assert nclient.get("/api/paths?to=UKR").status_code == 400


def test_centrality_ranks_erdogan_as_broker(nclient):
    body = nclient.get("/api/centrality?measure=betweenness&top=3").get_json()
    text = json.dumps(body)
    assert "Q39259" in text
    assert nclient.get("/api/centrality?measure=degree&k=5").status_code == 400
    bad = nclient.get("/api/centrality?measure=magic")
    assert bad.status_code == 400 and bad.get_json()["where"] == "measure"


def test_actor_search_and_profile(nclient):
    found = nclient.get("/api/actors?q=erdo").get_json()["actors"]
    assert any(a["key"] == "Q39259" for a in found)
    profile = nclient.get("/api/actors/Q39259").get_json()
    assert "Q7747" in json.dumps(profile) and "Q3874799" in json.dumps(profile)
    assert nclient.get("/api/actors?q=").status_code == 400


def test_communities_and_network_exports(nclient):
    assert nclient.get("/api/communities").status_code == 200
    graphml = nclient.get("/api/network.graphml")
    assert graphml.status_code == 200 and "graphml" in graphml.mimetype
    G = nx.parse_graphml(graphml.get_data(as_text=True))
    assert {"Q7747", "Q39259", "Q3874799"} <= set(G.nodes)
    assert nclient.get("/api/network.gexf").status_code == 200
    assert "nodes" in nclient.get("/api/network.json").get_json()
    assert nclient.get("/api/network.exe").status_code == 400


def _tags(html: str) -> list[tuple[str, dict]]:
    """Real start tags (an HTML parser skips what is inside script and style)."""
    from html.parser import HTMLParser

    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


@pytest.mark.parametrize("url", ["/viz", "/viz/actor/Q39259?depth=2", "/viz/path?from=Q7747&to=Q3874799"])
def test_pages_are_self_contained_and_locked_by_a_nonce(nclient, url):
    response = nclient.get(url)
    assert response.status_code == 200 and response.mimetype == "text/html"
    csp = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    html = response.get_data(as_text=True)
    tags = _tags(html)
    scripts = [attrs for name, attrs in tags if name in ("script", "style")]
    assert scripts and all(attrs.get("nonce") == nonce for attrs in scripts)
    assert not re.search(r"""(src|href)=["']?https?://""", html)
    assert "default-src 'none'" in csp


def test_hostile_actor_text_never_becomes_markup(nclient):
    html = nclient.get("/viz").get_data(as_text=True)
    assert "<img src=x onerror" not in html
    assert "</script><script>alert(2)" not in html


def test_bad_page_parameters_are_400s_in_the_error_shape(nclient):
    for url in ("/viz?size=nope", "/viz/actor/Q39259?depth=99", "/viz?from=2024-13"):
        response = nclient.get(url)
        assert response.status_code == 400, url
        assert set(response.get_json()) == {"ok", "error", "status", "message", "where"}
    assert nclient.get("/viz/actor/NOPE-NOPE").status_code == 404
