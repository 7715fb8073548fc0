"""The actor network: projection and filters, paths with evidence, centrality, structure, exports, CLI."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import helpers
import networkx as nx
import pytest
from helpers import make_event
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.analysis import Filters, betweenness, centrality, communities, ego_network, pagerank, project
from kg.analysis.api import actor_profile, community_report, find_paths, rank_actors
from kg.analysis.centrality import closeness, degree, eigenvector
from kg.analysis.export import export_network
from kg.analysis.filters import date_overlaps
from kg.analysis.paths import shortest_paths
from kg.analysis.projection import actor_iri_of, actor_table, node_key
from kg.analysis.queries import event_evidence, resolve_actor, search_actors
from kg.analysis.series import centrality_series
from kg.analysis.structure import undirected
from kg.errors import InputError, NotFoundError
from kg.model import MODALITIES, Actor, Article, Place
from kg.store import KnowledgeGraph
from kg.vocab import DKG, event_iri

# Actors are described in the article graphs themselves (resolved=False), so these tests
# need no gazetteer: loading it dominates a store's start-up (see bare_store).
RUS, TUR, UKR, PUTIN = (replace(a, resolved=False) for a in (helpers.RUS, helpers.TUR, helpers.UKR, helpers.PUTIN))
ERDOGAN = Actor("Q39259", "Recep Tayyip Erdoğan", "person", country="TUR", wikidata="Q39259", resolved=False)
ZELENSKY = Actor("Q3874799", "Volodymyr Zelensky", "person", country="UKR", wikidata="Q3874799", resolved=False)
DEU = Actor("DEU", "Germany", "state", country="DEU", wikidata="Q183", resolved=False)

# The seed article in miniature: who did what to whom, with the sentences that say so.
SEED_EVENTS = [
    (PUTIN, TUR, "036", "Russian President Vladimir Putin will visit Turkey next month.", "2024-02", "planned"),
    (ERDOGAN, PUTIN, "042", "Erdoğan visited the Russian Black Sea city of Sochi to meet with Putin.", "2023-09", None),
    (
        ERDOGAN,
        ZELENSKY,
        "040",
        "Erdoğan held a phone call with Ukrainian President Volodymyr Zelensky.",
        "2024-01",
        None,
    ),
    (TUR, UKR, "070", "Ankara has supported Ukraine with military supplies.", "2022", None),
    (TUR, RUS, "046", "Turkey hosted two rounds of peace talks in Antalya and Istanbul.", "2022", None),
    (RUS, UKR, "190", "Russia launched its full-scale invasion of Ukraine on February 24, 2022.", "2022-02-24", None),
    (PUTIN, DEU, "042", "Putin traveled to Germany in 2020.", "2020", None),
]


def seed_article(article_id: str = "seed") -> tuple[Article, list]:
    text = " ".join(s for _, _, _, s, _, _ in SEED_EVENTS)
    events = []
    for src, tgt, code, sentence, when, modality in SEED_EVENTS:
        kw = {"date": when}
        if modality:
            kw["modality"] = modality
        events.append(make_event(src, tgt, code, sentence, text.index(sentence), **kw))
    return Article(article_id, text, title="Putin to visit Turkey", url="https://example.org/seed"), events


def bare_store(url: str = "memory:") -> KnowledgeGraph:
    """A store without the reference graph (ontology, CAMEO scheme, gazetteer).

    The network needs none of it, and building it (tens of thousands of
    gazetteer actors) takes most of a store's start-up.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(KnowledgeGraph, "ensure_reference", lambda self: False)
        return KnowledgeGraph(url)


@pytest.fixture(scope="module")
def _store():
    store = bare_store()
    yield store
    store.close()


WRITTEN: set[str] = set()


@pytest.fixture
def seed_kg(_store):
    """The store holding the miniature seed article (tests must not write to it)."""
    if not _store.article_states(["seed"]):
        _store.write_articles([seed_article()], extractor="test/1")
    return _store


@pytest.fixture
def scratch(_store):
    """The store, empty, for tests that write (emptied again afterwards)."""
    if _store.article_states(["seed"]):
        _store.delete_article("seed")
    yield _store
    for article_id in _store.article_states(sorted(WRITTEN)):
        _store.delete_article(article_id)
    WRITTEN.clear()


def write(kg, events, article_id="a", text=None, **kw):
    text = text if text is not None else " ".join(e.sentence for e in events)
    kg.write_articles([(Article(article_id, text, **kw), events)], extractor="test/1")
    WRITTEN.add(article_id)
    return [str(event_iri(e.key(article_id))) for e in events]


def ev(src, tgt, code, date=None, n=0, **kw):
    return make_event(src, tgt, code, f"Sentence {n}: {src.label} and {tgt.label}.", n * 100, date=date, **kw)


# ------------------------------------------------------------------ the seed-like graph


def test_path_from_putin_to_zelensky_runs_through_erdogan_or_turkey_with_evidence(seed_kg):
    result = find_paths(seed_kg, "Q7747", "Q3874799")
    assert result.found
    path = result.paths[0]
    assert path.nodes[0] == "Q7747" and path.nodes[-1] == "Q3874799"
    assert set(path.nodes[1:-1]) <= {"Q39259", "TUR"} and path.nodes[1:-1]
    text = seed_article()[0].text
    for hop in path.hops:
        assert hop.evidence, f"hop {hop.source}-{hop.target} has no evidence"
        for row in hop.evidence:
            assert row["sentence"] in text
            assert row["article"]["id"] == "seed" and row["article"]["url"] == "https://example.org/seed"
            assert {row["source"], row["target"]} == {hop.source, hop.target}
    assert "Sochi" in path.hops[0].evidence[0]["sentence"]
    assert path.hops[0].directions == ["backward"]  # Erdoğan went to Putin, not the other way


def test_turkey_ranks_first_by_betweenness_among_states(seed_kg):
    scores = rank_actors(seed_kg, "betweenness", actor_type="state")["scores"]
    assert scores[0]["key"] == "TUR"
    assert scores[0]["score"] > scores[1]["score"]
    assert {s["key"] for s in scores} == {"TUR", "RUS", "UKR", "DEU"}


def test_projection_edges_carry_counts_codes_goldstein_dates_and_event_iris(seed_kg):
    p = project(seed_kg)
    assert p.events == len(SEED_EVENTS)
    edge = p.graph["RUS"]["UKR"]
    assert edge["count"] == edge["weight"] == 1
    assert edge["quad"] == {4: 1} and edge["roots"] == {"19": 1}
    assert edge["goldstein_sum"] == edge["goldstein_mean"] == -10.0
    assert edge["first"] == edge["last"] == "2022-02-24"
    (iri,) = edge["events"]
    assert event_evidence(seed_kg, [iri])[iri]["cameo"] == "190"
    assert p.multigraph.has_edge("RUS", "UKR", key=4)
    assert p.graph.nodes["TUR"]["type"] == "state" and p.graph.nodes["TUR"]["country"] == "TUR"
    assert p.graph.nodes["Q39259"]["type"] == "person"


def test_projection_is_cached_per_filter_set_and_a_write_invalidates_it(scratch):
    write(scratch, [ev(RUS, UKR, "190", "2022")])
    first = project(scratch, Filters(start="2022"))
    assert project(scratch, Filters(start="2022")) is first
    assert project(scratch, Filters(start=2022)) is first  # equal filters share the entry
    assert project(scratch, Filters(start="2023")) is not first
    write(scratch, [ev(TUR, UKR, "070", "2022", n=1)], article_id="b")
    second = project(scratch, Filters(start="2022"))
    assert second is not first and second.events == 2
    with pytest.raises(nx.NetworkXError):
        second.graph.add_edge("X", "Y")  # handed-out graphs are frozen: the cache stays right


def test_filters_window_quad_cameo_modality_weight(scratch):
    events = [
        ev(RUS, UKR, "190", "2022-02-24", 0),
        ev(RUS, UKR, "193", "2022", 1),
        ev(PUTIN, TUR, "036", "2024-02", 2, modality="planned"),
        ev(TUR, UKR, "070", None, 3),
        ev(TUR, RUS, "046", "2023-05", 4, modality="negated"),
        ev(TUR, RUS, "043", "2023-06-01", 5, modality="reported"),
    ]
    write(scratch, events)

    def edges(**kw):
        return sorted(project(scratch, Filters(**kw)).graph.edges)

    assert ("TUR", "UKR") in edges()  # undated events count when no window is set
    assert ("TUR", "UKR") not in edges(start="2020")  # ... and not when one is
    assert edges(start="2022-03", end="2022-12") == [("RUS", "UKR")]  # the year-dated event overlaps
    assert project(scratch, Filters(start="2022-03", end="2022-12")).graph["RUS"]["UKR"]["count"] == 1
    assert edges(start="2024") == [("Q7747", "TUR")]
    assert edges(start="2024", exclude_modalities="planned") == []
    assert edges(quad_classes=[4]) == [("RUS", "UKR")]
    assert edges(cameo="03") == [("Q7747", "TUR")]
    assert project(scratch, Filters(cameo="04")).graph["TUR"]["RUS"]["count"] == 1  # 046 is negated: left out
    assert edges(cameo="046", modalities=["negated"]) == [("TUR", "RUS")]
    assert edges(min_weight=2) == [("RUS", "UKR")]
    assert edges(actor_types="state") == [("RUS", "UKR"), ("TUR", "RUS"), ("TUR", "UKR")]
    assert edges(actor_types="person", actor_match="either") == [("Q7747", "TUR")]
    assert edges(countries="TUR", actor_match="either") == [("Q7747", "TUR"), ("TUR", "RUS"), ("TUR", "UKR")]
    assert edges(countries="RUS,UKR") == [("RUS", "UKR")]


def test_country_level_merges_people_into_their_states(seed_kg):
    G = project(seed_kg, Filters(level="country")).graph
    assert "Q7747" not in G and "Q39259" not in G
    assert G.has_edge("TUR", "RUS")  # Erdoğan -> Putin and Turkey -> Russia
    assert G["TUR"]["RUS"]["count"] == 2
    assert not any(u == v for u, v in G.edges)  # Putin -> Russia would be internal
    result = find_paths(seed_kg, "Q7747", "Q3874799", filters=Filters(level="country"))
    assert result.paths[0].nodes[0] == "RUS" and result.paths[0].nodes[-1] == "UKR"


# António Guterres acted for Portugal as prime minister and for the UN as its Secretary-General.
GUTERRES_PM = Actor("Q311440", "António Guterres", "person", country="PRT", sector="GOV", resolved=False)
GUTERRES_SG = replace(GUTERRES_PM, country=None, affiliation="Q1065")
UN = Actor("Q1065", "United Nations", "organization", resolved=False)
ESP = Actor("ESP", "Spain", "state", country="ESP", resolved=False)


def guterres_articles() -> list[tuple[Article, list]]:
    items = []
    for article_id, source, target, sentence, when in (
        ("pm", GUTERRES_PM, ESP, "Portuguese Prime Minister António Guterres met Spain's leaders.", "2001-05"),
        ("sg", GUTERRES_SG, TUR, "UN Secretary-General António Guterres met Turkey's leaders.", "2022-03"),
        ("un", UN, RUS, "The United Nations called on Russia to withdraw.", "2022-03"),
    ):
        items.append((Article(article_id, sentence), [make_event(source, target, "040", sentence, date=when)]))
    return items


@pytest.mark.parametrize("oxigraph", [False, True], ids=["memory", "oxigraph"])
def test_country_level_counts_a_person_for_whom_they_acted_then(oxigraph, store_url):
    with bare_store(store_url if oxigraph else "memory:") as kg:
        kg.write_articles(guterres_articles(), extractor="test/1")
        assert actor_table(kg)[str(actor_iri_of("Q311440"))]["country"] == "PRT"  # as the actor is described
        country = Filters(level="country")
        assert sorted(project(kg, country).graph.edges) == [("PRT", "ESP"), ("Q1065", "RUS"), ("Q1065", "TUR")]
        # A country filter judges the country the actor acted for, not the one it belongs to.
        assert sorted(project(kg, Filters(countries="PRT", actor_match="either")).graph.edges) == [("Q311440", "ESP")]
        assert sorted(project(kg, Filters(countries="TUR", actor_match="either")).graph.edges) == [("Q311440", "TUR")]
        assert node_key(kg, "Q311440", country) == "PRT"
        assert node_key(kg, "Q311440", Filters(level="country", start="2020")) == "Q1065"
        assert find_paths(kg, "Q311440", "TUR", filters=Filters(level="country", start="2020")).paths[0].nodes == [
            "Q1065",
            "TUR",
        ]


def test_country_level_reads_the_actor_for_events_stored_without_roles():
    # Events stored before they stated their actors' roles count as the actor's own country.
    with bare_store() as kg:
        kg.write_articles(guterres_articles()[:2], extractor="test/1")
        kg.dataset.update(
            "DELETE { GRAPH ?g { ?e ?p ?v } }"
            " WHERE { VALUES ?p { dkg:sourceCountry dkg:sourceSector } GRAPH ?g { ?e ?p ?v } }",
            initNs={"dkg": DKG},
        )
        assert sorted(project(kg, Filters(level="country")).graph.edges) == [("PRT", "ESP"), ("PRT", "TUR")]


def test_oxigraph_store_gives_the_same_network_as_memory(seed_kg, store_url):
    # The Oxigraph path reads rows straight from pyoxigraph; it must agree with rdflib's.
    with bare_store(store_url) as disk:
        disk.write_articles([seed_article()], extractor="test/1")
        for filters in (Filters(), Filters(start="2023", quad_classes=[1, 2])):
            a, b = project(seed_kg, filters).graph, project(disk, filters).graph
            assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
            assert {(u, v): d for u, v, d in a.edges(data=True)} == {(u, v): d for u, v, d in b.edges(data=True)}
        assert find_paths(disk, "Q7747", "Q3874799").to_json() == find_paths(seed_kg, "Q7747", "Q3874799").to_json()
        assert actor_profile(disk, "TUR") == actor_profile(seed_kg, "TUR")
        assert search_actors(disk, "erdo") == search_actors(seed_kg, "erdo")
        assert resolve_actor(disk, "volodymyr zelensky") == "Q3874799"


@pytest.mark.parametrize(
    ("kw", "where"),
    [
        ({"start": "2024-13"}, "from"),
        ({"start": "2024", "end": "2023"}, "from"),
        ({"quad_classes": [5]}, "quad"),
        ({"cameo": "4x"}, "cameo"),
        ({"exclude_modalities": "maybe"}, "exclude_modality"),
        ({"countries": "Turkey"}, "country"),
        ({"min_weight": 0}, "min_weight"),
    ],
)
def test_bad_filters_name_the_parameter(kw, where):
    with pytest.raises(InputError) as info:
        Filters(**kw)
    assert info.value.where == where


def test_filters_round_trip_through_query_parameters():
    f = Filters.from_params({"from": "2023-06", "to": "2024", "quad": "1,2", "exclude_modality": "planned"})
    assert Filters.from_params(f.to_params()) == f
    assert f.window == ("2023-06-01", "2024-12-31")


# ------------------------------------------------------------------ paths


def test_unknown_actor_is_not_found_and_an_idle_one_gets_a_reason(seed_kg):
    for unknown in ("https://diplokg.org/id/actor/ATL", "Q999999999", "https://example.org/TUR"):
        with pytest.raises(NotFoundError):
            find_paths(seed_kg, unknown, "TUR")
    result = find_paths(seed_kg, "DEU", "TUR", filters=Filters(start="2024"))
    assert not result.found and "DEU" in result.reason and "no events" in result.reason


def test_no_path_is_a_clear_result(scratch):
    write(scratch, [ev(RUS, UKR, "190", "2022"), ev(TUR, DEU, "042", "2022", 1)])
    result = find_paths(scratch, "RUS", "TUR")
    assert not result.found
    assert result.reason == "no path from RUS to TUR in this selection"
    assert result.to_json()["found"] is False and result.to_json()["paths"] == []


def test_costs_prefer_cooperative_or_recent_links_and_k_paths_come_best_first():
    G = nx.DiGraph()
    G.add_edge("A", "B", count=2, quad={4: 2}, events=["e1"], last="2024-05")
    G.add_edge("B", "Z", count=1, quad={4: 1}, events=["e2"], last="2024-05")
    G.add_edge("A", "C", count=1, quad={1: 1}, events=["e3"], last="2015")
    G.add_edge("C", "D", count=1, quad={2: 1}, events=["e4"], last="2015-02")
    G.add_edge("D", "Z", count=1, quad={1: 1}, events=["e5"], last="2016")
    assert shortest_paths(G, "A", "Z").paths[0].nodes == ["A", "B", "Z"]
    assert shortest_paths(G, "A", "Z", cost="cooperative").paths[0].nodes == ["A", "C", "D", "Z"]
    assert shortest_paths(G, "A", "Z", cost="recent").paths[0].nodes == ["A", "B", "Z"]
    assert shortest_paths(G, "A", "Z", quad_class=4).paths[0].nodes == ["A", "B", "Z"]
    assert shortest_paths(G, "A", "Z", quad_class=1).found is False  # C-D is material cooperation
    both = shortest_paths(G, "A", "Z", k=2, cost="cooperative")
    assert [p.nodes for p in both.paths] == [["A", "C", "D", "Z"], ["A", "B", "Z"]]
    assert both.paths[0].cost <= both.paths[1].cost
    with pytest.raises(InputError):
        shortest_paths(G, "A", "Z", k=0)
    with pytest.raises(NotFoundError):
        shortest_paths(G, "A", "nobody")


def test_directed_paths_follow_the_events(seed_kg):
    G = project(seed_kg).graph
    assert not shortest_paths(G, "Q3874799", "Q7747", directed=True).found
    assert shortest_paths(G, "Q39259", "Q3874799", directed=True).found


# ------------------------------------------------------------------ centrality and structure


def test_sampled_betweenness_says_so_and_is_reproducible():
    G = nx.gnm_random_graph(60, 200, seed=3, directed=True)
    a, b = betweenness(G, k=10, seed=7), betweenness(G, k=10, seed=7)
    assert not a.exact and a.params["k"] == 10 and "10 sampled" in a.note
    assert a.scores == b.scores
    assert betweenness(G, k=100).exact  # k above the node count is exact


def test_power_iteration_failure_is_a_result_not_a_crash():
    G = nx.DiGraph([(0, 1), (1, 2), (2, 0), (2, 3)])
    for fn in (pagerank, eigenvector):
        r = fn(G, max_iter=1)
        assert r.converged is False and r.scores == {} and "did not converge" in r.note


def test_centrality_names_and_backend_pass_through(seed_kg):
    G = project(seed_kg).graph
    assert centrality(G, "betweenness", backend="networkx").scores == nx.betweenness_centrality(G)
    assert degree(G, direction="out", weighted=True).scores["TUR"] == 2
    with pytest.raises(InputError):
        centrality(G, "fame")


def test_communities_are_seeded_and_cover_every_actor(seed_kg):
    G = project(seed_kg).graph
    first, again = communities(G, seed=1), communities(G, seed=1)
    assert first.communities == again.communities
    assert sorted(n for c in first.communities for n in c) == sorted(G)
    report = community_report(seed_kg)
    assert report["network"]["actors"] == G.number_of_nodes() and report["communities"]


def test_ego_network_and_undirected_view(seed_kg):
    G = project(seed_kg).graph
    assert set(ego_network(G, "TUR")) == {"TUR", "Q7747", "UKR", "RUS"}
    with pytest.raises(NotFoundError):
        ego_network(G, "ATL")
    U = undirected(G)
    assert U["RUS"]["TUR"]["count"] == G["TUR"]["RUS"]["count"]


def test_centrality_series_per_month(scratch):
    write(
        scratch, [ev(RUS, UKR, "190", "2024-01"), ev(TUR, UKR, "042", "2024-02", 1), ev(RUS, TUR, "042", "2024-02", 2)]
    )
    series = centrality_series(scratch, "degree", start="2024-01", end="2024-03", actors=["TUR", "RUS"])
    assert series.periods == ["2024-01", "2024-02", "2024-03"]
    assert series.values["TUR"][0] is None and series.values["TUR"][1] == 1.0
    assert series.values["RUS"][2] is None
    assert centrality_series(scratch, "pagerank", freq="quarter").periods == ["2024-Q1"]


# ------------------------------------------------------------------ actors


def test_actors_resolve_by_key_iri_qid_name_and_alias(scratch):
    mediators = Actor("friends-of-ankara", "Friends of Ankara", "group", resolved=False)
    write(scratch, [ev(mediators, TUR, "043", "2024-01")])
    assert resolve_actor(scratch, "friends-of-ankara") == "friends-of-ankara"
    assert resolve_actor(scratch, "friends of ankara") == "friends-of-ankara"
    assert resolve_actor(scratch, "https://diplokg.org/id/actor/TUR") == "TUR"
    assert resolve_actor(scratch, "tur") == "TUR"
    assert "friends-of-ankara" in {a["key"] for a in search_actors(scratch, "ankara")}
    with pytest.raises(NotFoundError):
        resolve_actor(scratch, "http://example.org/not-an-actor")


def test_actor_profile(seed_kg):
    profile = actor_profile(seed_kg, "TUR")
    assert profile["actor"]["key"] == "TUR"
    assert profile["events"]["as_source"] == 2 and profile["events"]["as_target"] == 1
    assert {p["key"] for p in profile["partners"]} == {"Q7747", "RUS", "UKR"}
    assert profile["centrality"]["betweenness"]["rank"] == 2  # after Putin, first among states
    assert profile["centrality"]["betweenness"]["of"] == 7
    periods = {row["period"] for row in profile["timeline"]}
    assert {"2022", "2024-02"} <= periods


# ------------------------------------------------------------------ exports


def test_exports_for_gephi_and_cytoscape(seed_kg):
    G = project(seed_kg).graph
    root = ET.fromstring(export_network(G, "graphml"))
    assert root.tag.endswith("graphml")
    back = nx.parse_graphml(export_network(G, "graphml").decode())
    assert back["RUS"]["UKR"]["q4"] == 1 and back["RUS"]["UKR"]["roots"] == "19:1"
    gexf = nx.read_gexf(io.BytesIO(export_network(G, "gexf")))
    assert gexf.nodes["TUR"]["label"] == G.nodes["TUR"]["label"] and gexf.number_of_edges() == G.number_of_edges()
    data = json.loads(export_network(G, "json"))
    assert {n["id"] for n in data["nodes"]} == set(G)
    assert any(e["source"] == "RUS" and e["target"] == "UKR" and e["quad"] == {"4": 1} for e in data["edges"])


# ------------------------------------------------------------------ properties on random event graphs

ACTORS = [RUS, TUR, UKR, PUTIN, DEU, ERDOGAN, GUTERRES_PM, GUTERRES_SG, UN]
CODES = ["036", "042", "046", "057", "070", "112", "130", "173", "190"]


@st.composite
def partial_dates(draw):
    year = draw(st.integers(2021, 2024))
    form = draw(st.sampled_from(["year", "month", "day", "none"]))
    if form == "none":
        return None
    if form == "year":
        return f"{year}"
    month = draw(st.integers(1, 12))
    if form == "month":
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{draw(st.integers(1, 28)):02d}"


event_specs = st.lists(
    st.tuples(
        st.integers(0, len(ACTORS) - 1),
        st.integers(0, len(ACTORS) - 1),
        st.sampled_from(CODES),
        partial_dates(),
        st.sampled_from(["asserted", "asserted", "planned", "negated"]),
    ).filter(lambda t: t[0] != t[1]),
    min_size=1,
    max_size=14,
)
PROPERTY = settings(
    max_examples=10, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def store_random(kg, specs):
    events = [ev(ACTORS[s], ACTORS[t], code, when, i, modality=m) for i, (s, t, code, when, m) in enumerate(specs)]
    iris = write(kg, events, article_id="random")  # the same id: each example replaces the last
    return {iri: (e, spec) for iri, e, spec in zip(iris, events, specs, strict=True)}


@PROPERTY
@given(specs=event_specs, start=partial_dates(), end=partial_dates())
def test_filters_never_return_events_outside_the_window(scratch, specs, start, end):
    if start and end and start > end:
        start, end = end, start
    filters = Filters(start=start, end=end)
    by_iri = store_random(scratch, specs)
    window = filters.window
    G = project(scratch, filters).graph
    returned = {iri for _, _, events in G.edges(data="events") for iri in events}
    for iri in returned:
        event = by_iri[iri][0]
        assert date_overlaps(event.date, *window), (event.date, window)
    expected = {iri for iri, (e, _) in by_iri.items() if e.modality != "negated" and date_overlaps(e.date, *window)}
    assert returned == expected


@PROPERTY
@given(specs=event_specs, ends=st.tuples(st.integers(0, 5), st.integers(0, 5)), k=st.integers(1, 3))
def test_paths_are_valid_and_centrality_matches_networkx(scratch, specs, ends, k):
    store_random(scratch, specs)
    G = project(scratch).graph
    # Centrality: the same numbers as NetworkX on the same projection.
    assert betweenness(G).scores == nx.betweenness_centrality(G)
    assert closeness(G).scores == nx.closeness_centrality(G)
    assert degree(G, direction="in").scores == nx.in_degree_centrality(G)
    if G.number_of_nodes():
        assert pagerank(G).scores == pytest.approx(nx.pagerank(G, weight="weight"))
    # Paths: every hop is a link of G, carrying exactly that link's events.
    source, target = ACTORS[ends[0]].key, ACTORS[ends[1]].key
    if source not in G or target not in G:
        return
    for directed in (False, True):
        result = shortest_paths(G, source, target, k=k, directed=directed)
        costs = [p.cost for p in result.paths]
        assert costs == sorted(costs) and len(result.paths) <= k
        if not result.paths:
            reach = nx.has_path(G if directed else G.to_undirected(as_view=True), source, target)
            assert not reach and result.reason
        for path in result.paths:
            assert path.nodes[0] == source and path.nodes[-1] == target
            assert len(set(path.nodes)) == len(path.nodes)
            for hop, (u, v) in zip(path.hops, zip(path.nodes, path.nodes[1:], strict=False), strict=True):
                assert (hop.source, hop.target) == (u, v)
                links = [(u, v)] if directed else [(u, v), (v, u)]
                present = [link for link in links if G.has_edge(*link)]
                assert present
                assert set(hop.events) == {e for link in present for e in G.edges[link]["events"]}


@st.composite
def filter_sets(draw):
    """Any filter set the projection turns into SPARQL (actor filters and levels included)."""
    start, end = draw(partial_dates()), draw(partial_dates())
    if start and end and start > end:
        start, end = end, start
    return Filters(
        start=start,
        end=end,
        quad_classes=draw(st.sets(st.integers(1, 4), max_size=2)),
        cameo=draw(st.sets(st.sampled_from(["03", "04", "046", "07", "1", "19"]).filter(lambda c: len(c) >= 2))),
        modalities=draw(st.none() | st.sets(st.sampled_from(MODALITIES), max_size=3)),
        exclude_modalities=draw(st.sets(st.sampled_from(["planned", "negated"]), max_size=1)),
        actor_types=draw(st.sets(st.sampled_from(["state", "person"]), max_size=1)),
        countries=draw(st.sets(st.sampled_from(["PRT", "RUS", "TUR"]), max_size=1)),
        actor_match=draw(st.sampled_from(["both", "either"])),
        min_weight=draw(st.integers(1, 2)),
        level=draw(st.sampled_from(["actor", "country"])),
    )


@pytest.fixture(scope="module")
def disk(tmp_path_factory):
    """An Oxigraph store on disk, without the reference graph (tests write one article, "random")."""
    store = bare_store(f"oxigraph:{tmp_path_factory.mktemp('oxigraph') / 'store'}")
    yield store
    store.close()


def edge_data(G):
    if G.is_multigraph():
        return {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}
    return {(u, v): d for u, v, d in G.edges(data=True)}


def test_no_modality_selected_means_no_event_on_every_store(scratch, disk):
    # rdflib ignores FILTER(false): the memory store projected events the filters excluded.
    events = [ev(RUS, TUR, "173", "2024-02-03", 0), ev(TUR, UKR, "070", "2023", 1)]
    write(scratch, events, article_id="random")
    write(disk, events, article_id="random")
    for level in ("actor", "country"):
        filters = Filters(modalities=set(), level=level)
        assert project(scratch, filters).events == project(disk, filters).events == 0


@PROPERTY
@given(specs=event_specs, filters=filter_sets(), no_goldstein=st.sets(st.integers(0, 13), max_size=3))
def test_oxigraph_projection_equals_the_memory_one(scratch, disk, specs, filters, no_goldstein):
    # On Oxigraph the projection runs differently shaped queries (subqueries joined by
    # hashing, pyoxigraph rows); whatever the filters, the network must be the same.
    events = [ev(ACTORS[s], ACTORS[t], code, when, i, modality=m) for i, (s, t, code, when, m) in enumerate(specs)]
    events = [replace(e, goldstein=None) if i in no_goldstein else e for i, e in enumerate(events)]
    write(scratch, events, article_id="random")
    write(disk, events, article_id="random")
    assert actor_table(disk) == actor_table(scratch)
    memory, oxigraph = project(scratch, filters), project(disk, filters)
    assert oxigraph.events == memory.events
    for a, b in ((oxigraph.graph, memory.graph), (oxigraph.multigraph, memory.multigraph)):
        assert list(a.nodes(data=True)) == list(b.nodes(data=True))
        assert edge_data(a) == edge_data(b)
        assert list(a.edges) == list(b.edges)  # the same order too: seeded layouts depend on it


# ------------------------------------------------------------------ CLI


NEW_COMMANDS = ["paths", "centrality", "actor", "viz", "network"]


@pytest.fixture
def cli_kg(seed_kg, monkeypatch):
    """Point the CLI at the shared in-memory seed store (it opens and closes its own otherwise)."""
    import kg.cli

    class Borrowed:
        def __enter__(self):
            return seed_kg

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(kg.cli, "open_kg", lambda store, read_only=False: Borrowed())
    return seed_kg


def invoke(runner, *args, code=0):
    from kg.cli import main

    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.mark.parametrize("command", NEW_COMMANDS)
def test_network_commands_explain_themselves_with_an_example(runner, command):
    out = invoke(runner, command, "--help").output
    assert "Example" in out and f"diplokg {command}" in out


def test_cli_paths_centrality_actor(runner, cli_kg):
    out = invoke(runner, "paths", "Q7747", "Q3874799").output
    assert "Path 1: 2 hops" in out and "Sochi" in out
    data = json.loads(invoke(runner, "paths", "Q7747", "Q3874799", "--format", "json", "--k", "2").output)
    assert data["found"] and data["paths"][0]["hops"][0]["evidence"]
    assert "no path" in invoke(runner, "paths", "DEU", "UKR", "--quad", "3").output
    out = invoke(runner, "centrality", "--measure", "betweenness", "--among", "state", "--top", "2").output
    assert out.splitlines()[1].split()[-1] == "TUR"
    assert "partners:" in invoke(runner, "actor", "TUR").output


def test_cli_viz_and_network_write_files(runner, cli_kg, tmp_path):
    page = tmp_path / "net.html"
    invoke(runner, "viz", "-o", page, "--color-by", "community")
    assert "vis.Network" in page.read_text(encoding="utf-8")
    invoke(runner, "viz", "-o", tmp_path / "tur.html", "--actor", "TUR", "--depth", "2")
    invoke(runner, "viz", "-o", tmp_path / "path.html", "--path", "Q7747", "Q3874799")
    assert "highlighted path" in (tmp_path / "path.html").read_text(encoding="utf-8")
    invoke(runner, "network", "--format", "gexf", "-o", tmp_path / "n.gexf", "--from", "2022")
    assert (tmp_path / "n.gexf").read_bytes().startswith(b"<?xml")
    invoke(runner, "network", "--format", "json", "-o", tmp_path / "n.json", "--level", "country")
    assert "Q7747" not in {n["id"] for n in json.loads((tmp_path / "n.json").read_text())["nodes"]}


def test_hop_evidence_says_where_and_whether_the_date_is_stated(scratch):
    s = "Erdogan met Putin in Sochi."
    event = make_event(helpers.TUR, helpers.RUS, "040", s, date="2023-09-04", date_basis="published")
    write(scratch, [replace(event, place=Place("Sochi", "RUS"))], article_id="sochi", text=s)
    (hop,) = find_paths(scratch, "TUR", "RUS").paths[0].hops
    (row,) = hop.evidence
    assert (row["date"], row["date_basis"], row["place"]) == (
        "2023-09-04",
        "published",
        {"name": "Sochi", "country": "RUS"},
    )
