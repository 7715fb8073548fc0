"""The HTTP service: SPARQL endpoint, JSON API, exports, health and home page.

Data comes from hand-made events (no spaCy), except for the tests marked
``spacy``, which run the real extractor once.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from datetime import date

import pytest
from helpers import RUS, TUR, UKR, make_event, sample_article
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from kg.model import Actor, Article, Place
from kg.vocab import DKG, actor_iri, graph_iri

# rdflib's own TriG and JSON-LD parsers build a ConjunctiveGraph inside and warn about it.
RDFLIB_PARSER_WARNING = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

HOSTILE_TITLE = '<script>alert("pwned")</script> & co'
HOSTILE_ACTOR = Actor('o\'brien "x" {y} <z>', 'O\'Brien "x" {y} <z>', "person", resolved=False)


def _articles():
    """Three articles: a1 (month and year dates), a slash id with a hostile title (day date), one undated."""
    a1 = sample_article("a1", title="Putin to visit Turkey")
    s = "Turkey hosted talks with Ukraine on 15 March."
    slashy = (
        Article(
            id="bbc/2024/03 talks", text=s, title=HOSTILE_TITLE, published=date(2024, 3, 15), url="https://x.org/1"
        ),
        [
            make_event(TUR, UKR, "043", s, 0, date="2024-03-15", date_basis="text", place=Place("Turkey", "TUR")),
            make_event(HOSTILE_ACTOR, RUS, "010", s, 0),
        ],
    )
    u = "Russia criticised Ukraine."
    undated = (Article(id="undated", text=u), [make_event(RUS, UKR, "111", u, 0)])
    return [a1, slashy, undated]


@pytest.fixture(scope="module")
def data():
    """A store holding the three articles above, shared by the tests that only read."""
    from kg.store import KnowledgeGraph

    store = KnowledgeGraph("memory:")
    store.write_articles(_articles(), extractor="test/1")
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(data):
    """A client of an app serving ``data``; tests that write use the ``app`` fixture instead."""
    from service import create_app
    from service.store import use_kg

    app = create_app({"TESTING": True, "DIPLOKG_STORE": "memory:"})
    use_kg(app, data)
    return app.test_client()


def parse_triples(data: bytes, rdflib_format: str) -> Graph:
    """Triples of a serialised graph; JSON-LD goes through a Dataset, which may name graphs."""
    if rdflib_format != "json-ld":
        return Graph().parse(data=data, format=rdflib_format)
    dataset = Dataset()
    dataset.parse(data=data, format=rdflib_format)
    merged = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def quads(kg) -> int:
    """Number of quads in the store (cheaper than stats() on the memory store)."""
    return sum(1 for _ in kg.dataset.quads((None, None, None, None)))


def select(client, query: str, **headers: str):
    return client.get("/sparql", query_string={"query": query}, headers=headers)


EVENT_DATES = "SELECT ?e ?date WHERE { ?e a dkg:Event . OPTIONAL { ?e dkg:date ?date } } ORDER BY ?e"

# ---------------------------------------------------------------- /sparql


def test_select_answers_sparql_json_with_prefixes_predeclared(client):
    response = select(client, EVENT_DATES)
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    body = response.get_json()
    assert body["head"]["vars"] == ["e", "date"]
    assert len(body["results"]["bindings"]) == 5
    dates = {b["date"]["value"] for b in body["results"]["bindings"] if "date" in b}
    assert dates == {"2024-02", "2022", "2024-03-15"}
    assert "X-DiploKG-Truncated" not in response.headers
    assert response.headers["Vary"] == "Accept"


def test_select_as_csv_and_tsv(client):
    response = select(client, EVENT_DATES, Accept="text/csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["e", "date"]
    assert len(rows) == 6
    assert {r[1] for r in rows[1:]} == {"2024-02", "2022", "2024-03-15", ""}

    response = select(client, EVENT_DATES, Accept="text/tab-separated-values")
    assert response.mimetype == "text/tab-separated-values"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "?e\t?date"
    assert '"2022"^^<http://www.w3.org/2001/XMLSchema#gYear>' in {line.split("\t")[1] for line in lines[1:]}


def test_tsv_escapes_tabs_and_newlines_in_literals(client):
    lines = select(client, 'SELECT ?x WHERE { BIND("a\\tb\\nc" AS ?x) }', Accept="text/tab-separated-values")
    assert lines.get_data(as_text=True).splitlines() == ["?x", '"a\\tb\\nc"']


def test_select_as_xml_parses_back(client):
    response = select(client, EVENT_DATES, Accept="application/sparql-results+xml")
    assert response.mimetype == "application/sparql-results+xml"
    parsed = Result.parse(io.BytesIO(response.data), format="xml")
    assert len(list(parsed)) == 5


def test_browser_accept_header_gets_json(client):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert select(client, "ASK {}", Accept=accept).mimetype == "application/sparql-results+json"


def test_ask(client):
    yes = select(client, "ASK { ?e dkg:source actor:RUS }")
    assert yes.mimetype == "application/sparql-results+json"
    assert yes.get_json()["boolean"] is True
    assert select(client, "ASK { ?e dkg:source actor:NOWHERE }").get_json()["boolean"] is False


def test_construct_returns_turtle_that_parses(client):
    query = "CONSTRUCT { ?e dkg:source ?s ; dkg:target ?t } WHERE { ?e dkg:source ?s ; dkg:target ?t }"
    response = select(client, query)
    assert response.mimetype == "text/turtle"
    g = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert len(g) == 10
    assert (None, None, actor_iri("UKR")) in g


@RDFLIB_PARSER_WARNING
@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("application/n-triples", "nt"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")],
)
def test_construct_negotiates_graph_formats(client, accept, rdflib_format):
    response = select(client, "DESCRIBE actor:RUS", Accept=accept)
    assert response.mimetype == accept
    g = parse_triples(response.data, rdflib_format)
    assert (actor_iri("RUS"), None, None) in g


def test_post_form_and_post_body(client):
    form = client.post("/sparql", data={"query": "ASK { ?e a dkg:Event }"})
    body = client.post("/sparql", data="ASK { ?e a dkg:Event }", content_type="application/sparql-query")
    assert form.get_json()["boolean"] is True
    assert body.get_json()["boolean"] is True


def test_from_a_graph_in_the_store_restricts_the_query(client):
    query = f"SELECT ?e FROM <{graph_iri('a1')}> WHERE {{ ?e a dkg:Event }}"
    assert len(select(client, query).get_json()["results"]["bindings"]) == 2


def test_row_cap_is_announced(client, monkeypatch):
    monkeypatch.setitem(client.application.config, "SPARQL_MAX_ROWS", 3)
    response = select(client, EVENT_DATES)
    assert len(response.get_json()["results"]["bindings"]) == 3
    assert response.headers["X-DiploKG-Truncated"] == "true"
    response = select(client, "CONSTRUCT WHERE { ?e dkg:sentence ?s }")
    assert len(Graph().parse(data=response.data, format="turtle")) == 3
    assert response.headers["X-DiploKG-Truncated"] == "true"
    assert "X-DiploKG-Truncated" not in select(client, "SELECT ?e WHERE { ?e dkg:source actor:TUR }").headers


def test_refused_queries_change_nothing(client, data):
    before = quads(data)
    for query in ["DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <http://a> <http://b> <http://c> }"]:
        assert client.get("/sparql", query_string={"query": query}).status_code == 400
        assert client.post("/sparql", data={"update": query}).status_code == 400
    assert quads(data) == before


# ---------------------------------------------------------------- /api/events


def events(client, **params) -> list[dict]:
    response = client.get("/api/events", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["events"]


def test_events_have_the_documented_shape(client):
    event = next(e for e in events(client) if e["cameo"] == "036")
    assert set(event) >= {"source", "target", "cameo", "quad_class", "label", "date", "modality", "sentence"}
    assert event["source"]["id"] == str(actor_iri("Q7747"))
    assert set(event["source"]) == {"id", "label", "country", "sector", "wikidata", "type", "affiliation"}
    assert event["quad_class"] == 1
    assert event["label"] == "Express intent to meet or negotiate"
    assert (event["date"], event["modality"], event["article"]) == ("2024-02", "planned", "a1")
    assert event["sentence"] == "Putin will visit Turkey next month."


def test_events_say_where_they_happened_when_known(client):
    places = {e["cameo"]: e["place"] for e in events(client)}
    assert places["043"] == {"name": "Turkey", "country": "TUR"}
    assert places["036"] is None and places["111"] is None


def test_unresolved_actor_is_described_from_the_article_graph(client):
    event = next(e for e in events(client) if e["cameo"] == "010")
    assert event["source"]["label"] == HOSTILE_ACTOR.label
    assert event["source"]["type"] == "person"


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("RUS", {"190", "010", "111"}),
        ("UKR", {"190", "043", "111"}),
        ("Q7747", {"036"}),
        (str(actor_iri("TUR")), {"036", "043"}),
        (HOSTILE_ACTOR.key, {"010"}),
    ],
)
def test_events_by_actor_as_source_or_target(client, actor, expected):
    assert {e["cameo"] for e in events(client, actor=actor)} == expected


@pytest.mark.parametrize(
    "hostile",
    [
        '"} ; DROP ALL #',
        "RUS' } UNION { ?e ?p ?o",
        "RUS> . ?s ?p ?o . <x",
        "{}",
        "?actor",
        "https://diplokg.org/id/actor/RUS%3E",
        "\\u0022",
    ],
)
def test_hostile_filter_values_are_data(client, data, hostile):
    before = quads(data)
    assert events(client, actor=hostile) == []
    assert quads(data) == before


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # The 2024-02 (month) event overlaps any window touching February 2024.
        ({"from": "2024-02-10", "to": "2024-02-10"}, {"036"}),
        ({"from": "2024-02"}, {"036", "043"}),
        ({"to": "2024-01"}, {"190"}),
        ({"to": "2024-02-01"}, {"190", "036"}),
        # The 2022 (year) event overlaps a window inside 2022.
        ({"from": "2022-06", "to": "2022-07-01"}, {"190"}),
        ({"from": "2023", "to": "2023"}, set()),
        # Day precision: exact.
        ({"from": "2024-03-15", "to": "2024-03-15"}, {"043"}),
        ({"from": "2024-03-16"}, set()),
        # No window: undated events too.
        ({}, {"036", "190", "043", "010", "111"}),
    ],
)
def test_events_in_a_time_window(client, params, expected):
    assert {e["cameo"] for e in events(client, **params)} == expected


def test_events_combine_actor_and_window(client):
    assert {e["cameo"] for e in events(client, actor="UKR", **{"from": "2024"})} == {"043"}


def test_events_are_paged_and_dated_ones_come_first_in_date_order(client):
    everything = events(client)
    assert [e["date"] for e in everything] == ["2022", "2024-02", "2024-03-15", None, None]
    first = client.get("/api/events?limit=2").get_json()
    assert first["has_more"] is True
    assert [e["id"] for e in first["events"]] == [e["id"] for e in everything[:2]]
    last = client.get("/api/events?limit=2&offset=4").get_json()
    assert last["has_more"] is False
    assert [e["id"] for e in last["events"]] == [everything[4]["id"]]


# ---------------------------------------------------------------- affiliations


def _rutte_and_guterres() -> list[tuple[Article, list]]:
    """Mark Rutte meeting Zelensky as Dutch prime minister (2023) and as NATO's Secretary General (2025),
    and the UN Secretary-General visiting Turkey; actors as the gazetteer gives them on those days."""
    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    zelensky = gazetteer.actor("Q3874799", date(2023, 5, 9))
    items = []
    for day in (date(2023, 5, 9), date(2025, 5, 9)):
        s = "Mark Rutte met Zelensky in Kyiv."
        rutte = gazetteer.actor("Q57792", day)
        items.append((Article(f"rutte-{day.year}", s, published=day), [make_event(rutte, zelensky, "040", s, 0)]))
    s = "Guterres visited Turkey."
    guterres = gazetteer.actor("Q311440", date(2024, 3, 1))
    items.append((Article("guterres", s, published=date(2024, 3, 1)), [make_event(guterres, TUR, "042", s, 0)]))
    return items


@pytest.fixture
def affiliated_client(app, kg):
    kg.write_articles(_rutte_and_guterres(), extractor="test/1")
    return app.test_client()


def test_affiliation_is_read_back_from_the_events_own_article(affiliated_client):
    by_article = {e["article"]: e["source"] for e in events(affiliated_client)}
    assert by_article["guterres"]["affiliation"] == str(actor_iri("Q1065"))
    # The same person, two articles: the 2023 one must not borrow the 2025 one's affiliation.
    assert by_article["rutte-2023"]["affiliation"] is None
    assert by_article["rutte-2025"]["affiliation"] == str(actor_iri("Q7184"))
    article = affiliated_client.get("/api/articles/rutte-2025").get_json()
    assert article["events"][0]["source"]["affiliation"] == str(actor_iri("Q7184"))
    assert all(e["target"]["affiliation"] is None for e in events(affiliated_client))


@pytest.mark.parametrize("on_disk", [False, True], ids=["memory", "oxigraph"])
def test_affiliation_is_the_events_own_within_one_article(app, kg, store_url, on_disk):
    # One article on Rutte's career: Dutch prime minister in 2023, NATO's Secretary General in 2025.
    from kg.extract.gazetteer import load_gazetteer
    from kg.store import KnowledgeGraph
    from service.store import use_kg

    if on_disk:
        kg = KnowledgeGraph(store_url)
        use_kg(app, kg)

    gazetteer = load_gazetteer()
    zelensky = gazetteer.actor("Q3874799", date(2023, 5, 9))
    s1, s2 = "In 2023 Mark Rutte met Zelensky.", "In 2025 Rutte met Zelensky again."
    text = f"{s1} {s2}"
    met = [
        make_event(gazetteer.actor("Q57792", date(2023, 5, 9)), zelensky, "040", s1, 0, date="2023"),
        make_event(gazetteer.actor("Q57792", date(2025, 5, 9)), zelensky, "040", s2, len(s1) + 1, date="2025"),
    ]
    kg.write_articles([(Article("career", text, published=date(2025, 6, 1)), met)], extractor="test/1")
    client = app.test_client()
    by_date = {e["date"]: e["source"]["affiliation"] for e in events(client)}
    assert by_date == {"2023": None, "2025": str(actor_iri("Q7184"))}
    # NATO's own events are those it was acted for in, not every event of the person.
    nato = client.get("/api/events", query_string={"actor": "Q7184", "affiliated": "true"}).get_json()
    assert [e["date"] for e in nato["events"]] == ["2025"]
    if on_disk:
        kg.close()


def test_articles_stored_before_events_stated_affiliations_use_their_graphs(app, kg):
    kg.write_articles(_rutte_and_guterres()[2:], extractor="test/1")
    kg.dataset.update(
        "DELETE { GRAPH ?g { ?e ?p ?v } } WHERE { VALUES ?p { dkg:sourceAffiliation } GRAPH ?g { ?e ?p ?v } }",
        initNs={"dkg": DKG},
    )
    (event,) = events(app.test_client())
    assert event["source"]["affiliation"] == str(actor_iri("Q1065"))
    un = app.test_client().get("/api/events", query_string={"actor": "Q1065", "affiliated": "true"}).get_json()
    assert len(un["events"]) == 1


def test_actors_have_the_country_and_sector_of_the_events_date(affiliated_client):
    by_article = {e["article"]: e["source"] for e in events(affiliated_client)}
    # Rutte as Dutch prime minister in 2023; acting for NATO, no country's government, in 2025.
    assert (by_article["rutte-2023"]["country"], by_article["rutte-2023"]["sector"]) == ("NLD", "GOV")
    assert by_article["rutte-2025"]["country"] is None
    # Guterres is Portuguese, but as UN Secretary-General he speaks for no country.
    assert by_article["guterres"]["country"] is None
    # The profile still describes the person, whatever office they held.
    assert affiliated_client.get("/api/actors/Q311440").get_json()["actor"]["country"] == "PRT"


def test_a_group_is_described_by_the_article_that_has_it(app, kg):
    from kg.model import Actor

    troops = Actor("PAK-MIL", "Pakistan (military)", "group", country="PAK", sector="MIL")
    s = "Pakistani troops clashed with Afghan forces."
    afg = Actor("AFG-MIL", "Afghanistan (military)", "group", country="AFG", sector="MIL")
    kg.write_articles([(Article("border", s, published=date(2024, 3, 1)), [make_event(troops, afg, "190", s)])], "t/1")
    (event,) = events(app.test_client())
    assert event["source"] == {
        "id": str(actor_iri("PAK-MIL")),
        "label": "Pakistan (military)",
        "country": "PAK",
        "sector": "MIL",
        "wikidata": None,
        "type": "group",
        "affiliation": None,
    }
    assert app.test_client().get("/api/actors/AFG-MIL").get_json()["actor"]["label"] == "Afghanistan (military)"


def test_an_organisation_matches_its_people_only_when_asked(affiliated_client):
    assert events(affiliated_client, actor="Q7184") == []
    nato = events(affiliated_client, actor="Q7184", affiliated="true")
    assert [(e["article"], e["source"]["label"]) for e in nato] == [("rutte-2025", "Mark Rutte")]
    assert [e["article"] for e in events(affiliated_client, actor=str(actor_iri("Q1065")), affiliated="true")] == [
        "guterres"
    ]
    assert events(affiliated_client, actor="Q7184", affiliated="false") == []
    # A person's own events are the same either way.
    rutte = {e["article"] for e in events(affiliated_client, actor="Q57792")}
    assert rutte == {e["article"] for e in events(affiliated_client, actor="Q57792", affiliated="true")}
    assert rutte == {"rutte-2023", "rutte-2025"}


def test_actor_profile_lists_the_organisations_acted_for(affiliated_client):
    profile = affiliated_client.get("/api/actors/Q57792").get_json()
    assert profile["actor"]["affiliations"] == [str(actor_iri("Q7184"))]
    assert affiliated_client.get("/api/actors/UKR").get_json()["actor"]["affiliations"] == []


def test_turtle_export_says_whom_the_secretary_general_speaks_for(affiliated_client):
    response = affiliated_client.get("/export.ttl")
    graph = Graph().parse(data=response.data, format="turtle")
    schema_affiliation = URIRef("https://schema.org/affiliation")
    assert (URIRef(str(actor_iri("Q311440"))), schema_affiliation, URIRef(str(actor_iri("Q1065")))) in graph


# ---------------------------------------------------------------- /api/articles


def test_list_articles_with_titles_and_event_counts(client):
    body = client.get("/api/articles").get_json()
    assert body["total"] == 3
    assert body["articles"] == [
        {"id": "a1", "title": "Putin to visit Turkey", "published": "2024-01-29", "events": 2},
        {"id": "bbc/2024/03 talks", "title": HOSTILE_TITLE, "published": "2024-03-15", "events": 2},
        {"id": "undated", "title": None, "published": None, "events": 1},
    ]
    page = client.get("/api/articles?limit=1&offset=1").get_json()
    assert [a["id"] for a in page["articles"]] == ["bbc/2024/03 talks"]
    assert (page["total"], page["limit"], page["offset"]) == (3, 1, 1)


def test_get_article_with_slashes_in_its_id_and_sentence_evidence(client):
    response = client.get("/api/articles/bbc/2024/03%20talks")
    assert response.status_code == 200
    article = response.get_json()
    assert (article["id"], article["title"], article["url"]) == ("bbc/2024/03 talks", HOSTILE_TITLE, "https://x.org/1")
    assert len(article["events"]) == 2
    for event in article["events"]:
        assert article["text"][event["start"] : event["end"]] == event["sentence"]


class StubExtractor:
    """Finds one visit of Russia to Turkey in the first sentence of any article."""

    version = "stub/1"

    def extract_many(self, articles):
        for article in articles:
            sentence = article.text.split(".")[0] + "."
            yield article, [make_event(RUS, TUR, "042", sentence, 0, date="2024-02-15")]


@pytest.fixture
def stub_client(app):
    app.config["DIPLOKG_EXTRACTOR"] = StubExtractor()
    return app.test_client()


def test_extract_returns_events_and_stores_nothing(stub_client, kg):
    before = kg.stats()
    response = stub_client.post("/api/extract", json={"text": "Putin went to Ankara. Talks followed."})
    assert response.status_code == 200
    body = response.get_json()
    assert (body["id"], body["extractor"]) == ("text", "stub/1")
    assert [(e["source"]["label"], e["cameo"], e["target"]["label"], e["sentence"]) for e in body["events"]] == [
        ("Russia", "042", "Turkey", "Putin went to Ankara.")
    ]
    assert "explain" not in body
    assert kg.stats() == before
    assert stub_client.get("/api/articles").get_json()["articles"] == []


@pytest.mark.spacy
def test_extract_explains_each_sentence(app, extractor):
    app.config["DIPLOKG_EXTRACTOR"] = extractor
    text = "Putin visited Turkey on Monday. The weather was fine."
    body = app.test_client().post("/api/extract", json={"text": text, "published": "2024-01-29", "explain": True})
    body = body.get_json()
    assert [(e["source"]["label"], e["cameo"], e["target"]["label"], e["date"]) for e in body["events"]] == [
        ("Vladimir Putin", "042", "Turkey", "2024-01-29")
    ]
    assert [x["text"] for x in body["explain"]] == ["Putin visited Turkey on Monday.", "The weather was fine."]
    assert "reason" in body["explain"][1]


def test_events_say_whether_their_date_is_stated(client):
    bases = {e["cameo"]: (e["date"], e["date_basis"]) for e in events(client)}
    assert bases["043"] == ("2024-03-15", "text")
    assert bases["111"] == (None, None)  # no date at all
    assert bases["036"] == ("2024-02", None)  # stored without a basis


@pytest.mark.spacy
def test_events_without_a_time_are_found_in_the_window_of_their_publication(app, kg, extractor):
    app.config["DIPLOKG_EXTRACTOR"] = extractor
    client = app.test_client()
    record = {"id": "dated", "text": "Putin met Erdogan in Sochi.", "published": "2023-09-04"}
    assert client.post("/api/articles", json=record).status_code == 201
    (event,) = client.get("/api/events?from=2023-09&to=2023-09").get_json()["events"]
    assert (event["cameo"], event["date"], event["date_basis"]) == ("040", "2023-09-04", "published")
    assert client.get("/api/events?from=2023-10").get_json()["events"] == []
    assert kg.ask("ASK { ?e dkg:dateBasis dkg:PublicationDate }")


def test_post_article_stores_it_and_reposting_changes_nothing(stub_client, kg):
    record = {
        "id": "new/1",
        "text": "Putin went to Ankara. Talks followed.",
        "title": "Visit",
        "published": "2024-02-15",
    }
    response = stub_client.post("/api/articles", json=record)
    assert response.status_code == 201
    body = response.get_json()
    assert (body["id"], body["stored"]) == ("new/1", True)
    assert [(e["cameo"], e["sentence"], e["date"]) for e in body["events"]] == [
        ("042", "Putin went to Ankara.", "2024-02-15")
    ]
    assert response.headers["Location"] == "/api/articles/new/1"
    assert stub_client.get("/api/articles/new/1").get_json()["title"] == "Visit"

    again = stub_client.post("/api/articles", json=record)
    assert again.status_code == 200
    assert again.get_json()["stored"] is False
    assert again.get_json()["events"] == body["events"]
    assert kg.stats()["events"] == 1

    changed = stub_client.post("/api/articles", json={**record, "text": "Putin flew to Ankara."})
    assert (changed.status_code, changed.get_json()["stored"]) == (201, True)
    assert kg.stats()["events"] == 1, "re-ingesting replaces, never duplicates"


@pytest.mark.parametrize(
    "body",
    [
        '{"id": "a\\ud800", "text": "Putin went to Ankara."}',
        '{"id": "a", "text": "Putin \\udfff went to Ankara."}',
        '{"id": "a", "text": "Putin went to Ankara.", "title": "\\ud83d"}',
    ],
)
def test_post_article_with_a_lone_surrogate_escape_is_refused(stub_client, kg, body):
    # JSON can escape a surrogate that no UTF-8 text holds; it was a 500 (hashing, spaCy).
    response = stub_client.post("/api/articles", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["where"] == "body"
    assert kg.stats()["articles"] == 0


@pytest.mark.spacy
def test_post_article_with_the_real_extractor(app, kg):
    extract = pytest.importorskip("kg.extract")
    if not hasattr(extract, "get_extractor"):
        pytest.skip("kg.extract.get_extractor is not there yet")
    from helpers import SEED

    client = app.test_client()
    text = SEED.read_text(encoding="utf-8")
    response = client.post("/api/articles", json={"id": "seed", "text": text, "published": "2024-01-29"})
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["stored"] is True
    assert body["events"], "the seed article reports a planned visit"
    assert any(e["source"]["country"] == "RUS" or e["source"]["id"].endswith("/RUS") for e in body["events"])
    assert client.get("/api/articles").get_json()["total"] == 1


@pytest.mark.spacy
def test_the_un_secretary_generals_affiliation_survives_the_store(app, kg):
    pytest.importorskip("kg.extract")
    client = app.test_client()
    record = {"id": "un", "text": "António Guterres visited Kyiv on Tuesday.", "published": "2024-03-01"}
    response = client.post("/api/articles", json=record)
    assert response.status_code == 201, response.get_data(as_text=True)
    (event,) = response.get_json()["events"]
    un = str(actor_iri("Q1065"))
    assert (event["source"]["label"], event["source"]["affiliation"]) == ("António Guterres", un)
    assert [e["id"] for e in events(client, actor="Q1065", affiliated="true")] == [event["id"]]


# ---------------------------------------------------------------- exports


@RDFLIB_PARSER_WARNING
@pytest.mark.parametrize(
    ("ext", "media_type", "rdflib_format", "dataset"),
    [
        ("ttl", "text/turtle", "turtle", False),
        ("nt", "application/n-triples", "nt", False),
        ("trig", "application/trig", "trig", True),
        ("nq", "application/n-quads", "nquads", True),
        ("jsonld", "application/ld+json", "json-ld", True),
    ],
)
def test_exports_parse_back(client, data, ext, media_type, rdflib_format, dataset):
    response = client.get(f"/export.{ext}")
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert response.headers["Content-Disposition"] == f'attachment; filename="diplokg.{ext}"'
    if dataset:
        parsed = Dataset()
        parsed.parse(data=response.data, format=rdflib_format)
        names = {g.identifier for g in parsed.graphs()}
        assert graph_iri("bbc/2024/03 talks") in names
        assert len(parsed.graph(graph_iri("a1"))) == len(data.article_graph("a1"))
    else:
        parsed = Graph().parse(data=response.data, format=rdflib_format)
        assert (None, None, URIRef(str(actor_iri("UKR")))) in parsed
        # Merged formats hold a triple stated in several named graphs once.
        assert len(parsed) == len(set(data.dataset.triples((None, None, None))))


# ---------------------------------------------------------------- /health and /


def test_health_counts(client, data):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"ok": True, "store": "memory", "counts": data.stats()}
    assert response.get_json()["counts"]["articles"] == 3


def test_health_does_not_leak_the_store_path(tmp_path):
    from service import create_app

    client = create_app({"TESTING": True, "DIPLOKG_STORE": f"oxigraph:{tmp_path / 'store'}"}).test_client()
    response = client.get("/health")
    assert response.get_json()["store"] == "oxigraph"
    assert str(tmp_path) not in response.get_data(as_text=True)


def test_home_page_escapes_titles_and_links_the_endpoints(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; &amp; co" in html
    for link in ("/sparql", "/api/articles", "/api/events", "/health", "/export.ttl", "/export.trig"):
        assert f'href="{link}"' in html
    assert '<form action="/sparql" method="post">' in html
    # Only the app's own script and style, no inline code, nothing from other hosts.
    assert re.findall(r'(?:src|<link rel="stylesheet" href)="([^"]*)"', html) == ["/static/ui.css", "/static/ui.js"]
    assert "<style" not in html and "<script>" not in html and "http://" not in html and "https://" not in html
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self';")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_home_page_example_query_runs(client):
    from service.home import EXAMPLE_QUERY

    response = client.post("/sparql", data={"query": EXAMPLE_QUERY})
    assert response.status_code == 200
    assert len(response.get_json()["results"]["bindings"]) == 5


# ---------------------------------------------------------------- app factory and store


def test_settings_come_from_config_then_environment(monkeypatch):
    from service import create_app

    monkeypatch.setenv("DIPLOKG_SPARQL_MAX_ROWS", "7")
    monkeypatch.setenv("DIPLOKG_MAX_CONTENT_LENGTH", "1000")
    monkeypatch.setenv("DIPLOKG_STORE", "memory:")
    app = create_app({"MAX_CONTENT_LENGTH": 2000})
    assert app.config["SPARQL_MAX_ROWS"] == 7
    assert app.config["MAX_CONTENT_LENGTH"] == 2000
    assert app.config["SPARQL_MAX_QUERY_LENGTH"] == 100_000
    assert app.config["DIPLOKG_STORE"] == "memory:"


@pytest.mark.parametrize("value", ["many", "0", "-3", "1.5"])
def test_bad_settings_are_refused_at_startup(monkeypatch, value):
    from kg.errors import ConfigurationError
    from service import create_app

    monkeypatch.setenv("DIPLOKG_SPARQL_MAX_ROWS", value)
    with pytest.raises(ConfigurationError, match="SPARQL_MAX_ROWS"):
        create_app({"DIPLOKG_STORE": "memory:"})


def test_small_body_cap_from_config(kg):
    from service import create_app
    from service.store import use_kg

    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 100})
    use_kg(app, kg)
    response = app.test_client().post("/sparql", data="ASK {} " + "#" * 200, content_type="application/sparql-query")
    assert response.status_code == 413


def test_the_store_is_opened_once_per_app_and_can_be_closed(tmp_path):
    from service import create_app
    from service.store import close_kg, get_kg

    app = create_app({"TESTING": True, "DIPLOKG_STORE": f"oxigraph:{tmp_path / 'store'}"})
    seen = []

    def open_it():
        with app.app_context():
            seen.append(get_kg())

    threads = [threading.Thread(target=open_it) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(kg) for kg in seen}) == 1, "one KnowledgeGraph per app, even under concurrent first use"
    close_kg(app)
    # Oxigraph refuses a second open of a store still open: reopening proves close_kg closed it.
    with app.app_context():
        assert get_kg() is not seen[0]
    close_kg(app)


def test_sparql_works_on_the_oxigraph_store(tmp_path):
    from service import create_app
    from service.store import close_kg, get_kg

    app = create_app({"TESTING": True, "DIPLOKG_STORE": f"oxigraph:{tmp_path / 'store'}"})
    with app.app_context():
        get_kg().write_articles(_articles(), extractor="test/1")
    client = app.test_client()
    assert select(client, "ASK { ?e dkg:source actor:RUS }").get_json()["boolean"] is True
    assert {e["cameo"] for e in events(client, actor="UKR", **{"from": "2024"})} == {"043"}
    assert client.get("/api/articles/bbc/2024/03%20talks").get_json()["title"] == HOSTILE_TITLE
    response = select(client, "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }")
    assert response.status_code == 400
    close_kg(app)
