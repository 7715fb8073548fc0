"""Every error the service returns has the one JSON shape, and the right status.

The idea of Datasette's ``test_error_shape.py``: a client can rely on
``{"ok": false, "error", "status", "message", "where"}`` whatever it did
wrong, and nothing a client sends reaches a 500.
"""

from __future__ import annotations

import json

import pytest
from helpers import sample_article

SHAPE = {"ok", "error", "status", "message", "where"}
BIG = 6 * 1024 * 1024  # above the 5 MB default body cap


def assert_error_shape(response, status: int) -> dict:
    """The response is a JSON error of the one shape with ``status``."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == SHAPE
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    assert body["where"] is None or isinstance(body["where"], str)
    return body


def sparql(query: str) -> dict:
    return {"query_string": {"query": query}}


SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE ?endpoint { ?s ?p ?o } } }",
    # SPARQL's \u escapes are expanded before parsing: the keyword is still SERVICE.
    r"SELECT * WHERE { \u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
]

UPDATES = [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "DROP ALL",
    "CREATE GRAPH <http://example.org/g>",
    "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]

# (method, url, request kwargs, status, expected words in the message)
CASES = [
    pytest.param("GET", "/no/such/page", {}, 404, "not found", id="unknown-route"),
    pytest.param("DELETE", "/sparql", {}, 405, "not allowed", id="sparql-delete"),
    pytest.param("POST", "/health", {}, 405, "not allowed", id="post-health"),
    pytest.param("PUT", "/api/articles", {"json": {}}, 405, "not allowed", id="put-articles"),
    pytest.param("GET", "/sparql", {}, 400, "missing query", id="sparql-missing-query"),
    pytest.param("GET", "/sparql", sparql(""), 400, "empty", id="sparql-empty-query"),
    pytest.param("GET", "/sparql", sparql("   "), 400, "empty", id="sparql-blank-query"),
    pytest.param("GET", "/sparql", sparql("SELECT"), 400, "invalid sparql", id="sparql-bad-syntax"),
    pytest.param("GET", "/sparql", sparql("SELECT * WHERE { ?s ?p }"), 400, "invalid sparql", id="sparql-bad-triple"),
    pytest.param("GET", "/sparql", sparql("SELECT * WHERE { nope:x ?p ?o }"), 400, "prefix", id="unknown-prefix"),
    pytest.param(
        "GET",
        "/sparql",
        {"query_string": [("query", "ASK {}"), ("query", "ASK {}")]},
        400,
        "exactly one",
        id="two-queries",
    ),
    *[
        pytest.param("GET", "/sparql", sparql(q), 400, "updates are not allowed", id=f"update-{i}")
        for i, q in enumerate(UPDATES)
    ],
    pytest.param(
        "POST", "/sparql", {"data": {"update": UPDATES[0]}}, 400, "updates are not allowed", id="update-form-param"
    ),
    pytest.param(
        "POST",
        "/sparql",
        {"data": UPDATES[0], "content_type": "application/sparql-update"},
        400,
        "updates are not allowed",
        id="update-body",
    ),
    pytest.param(
        "POST",
        "/sparql",
        {"data": UPDATES[2], "content_type": "application/sparql-query"},
        400,
        "updates are not allowed",
        id="load-in-query-body",
    ),
    *[
        pytest.param("GET", "/sparql", sparql(q), 400, "service is not allowed", id=f"service-{i}")
        for i, q in enumerate(SERVICE_QUERIES)
    ],
    pytest.param(
        "GET",
        "/sparql",
        sparql("SELECT * FROM <http://example.org/elsewhere.ttl> WHERE { ?s ?p ?o }"),
        400,
        "not a graph in this store",
        id="from-unknown-graph",
    ),
    pytest.param(
        "GET",
        "/sparql",
        sparql("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }"),
        400,
        "not a graph in this store",
        id="from-named-file",
    ),
    pytest.param(
        "GET",
        "/sparql",
        {"query_string": {"query": "ASK {}", "default-graph-uri": "not an iri"}},
        400,
        "absolute iri",
        id="default-graph-uri",
    ),
    pytest.param(
        "GET",
        "/sparql",
        sparql("SELECT * WHERE { FILTER(" + "(" * 200 + "1" + ")" * 200 + ") }"),
        400,
        "too complex",
        id="deeply-nested-query",
    ),
    pytest.param(
        "GET",
        "/sparql",
        sparql("SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), '(')) }"),
        400,
        "cannot be evaluated",
        id="bad-regex",
    ),
    pytest.param(
        "GET",
        "/sparql",
        sparql("SELECT * WHERE { ?s ?p ?o } OFFSET 99999999999999999999999"),
        400,
        "",
        id="huge-offset",
    ),
    pytest.param(
        "POST",
        "/sparql",
        {"data": "# " + "x" * 100_001 + "\nASK {}", "content_type": "application/sparql-query"},
        400,
        "longer than",
        id="query-too-long",
    ),
    pytest.param(
        "POST",
        "/sparql",
        {"data": b"ASK { \xff }", "content_type": "application/sparql-query"},
        400,
        "utf-8",
        id="query-not-utf8",
    ),
    pytest.param(
        "POST",
        "/sparql",
        {"data": "x" * BIG, "content_type": "application/sparql-query"},
        413,
        "",
        id="huge-query-body",
    ),
    pytest.param("POST", "/sparql", {"data": {"query": "x" * BIG}}, 413, "", id="huge-query-form"),
    pytest.param("POST", "/sparql", {"json": {"query": "ASK {}"}}, 415, "application/sparql-query", id="sparql-json"),
    pytest.param(
        "GET", "/sparql", {**sparql("ASK {}"), "headers": {"Accept": "text/csv"}}, 406, "media type", id="ask-as-csv"
    ),
    pytest.param(
        "GET",
        "/sparql",
        {**sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), "headers": {"Accept": "image/png"}},
        406,
        "media type",
        id="select-as-png",
    ),
    pytest.param(
        "GET",
        "/sparql",
        {**sparql("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"), "headers": {"Accept": "text/csv"}},
        406,
        "media type",
        id="construct-as-csv",
    ),
    pytest.param(
        "POST", "/api/articles", {"data": "id=x&text=y", "content_type": "text/plain"}, 415, "json", id="article-text"
    ),
    pytest.param(
        "POST",
        "/api/articles",
        {"data": '{"id": "x", "text": ', "content_type": "application/json"},
        400,
        "not valid json",
        id="article-bad-json",
    ),
    pytest.param(
        "POST",
        "/api/articles",
        {"data": b'{"id": "x", "text": "\xff"}', "content_type": "application/json"},
        400,
        "utf-8",
        id="article-not-utf8",
    ),
    pytest.param(
        "POST",
        "/api/articles",
        {"data": "[" * 100_000 + "]" * 100_000, "content_type": "application/json"},
        400,
        "",
        id="article-deep-json",
    ),
    pytest.param("POST", "/api/articles", {"json": [{"id": "x", "text": "y"}]}, 400, "json object", id="article-array"),
    pytest.param("POST", "/api/articles", {"json": "text"}, 400, "json object", id="article-string"),
    pytest.param("POST", "/api/articles", {"json": {"id": "x"}}, 400, "text", id="article-missing-text"),
    pytest.param("POST", "/api/articles", {"json": {"id": "x", "text": 42}}, 400, "text", id="article-text-number"),
    pytest.param("POST", "/api/articles", {"json": {"id": "x", "text": "   "}}, 400, "empty", id="article-empty-text"),
    pytest.param("POST", "/api/articles", {"json": {"text": "Putin visited Turkey."}}, 400, "id", id="article-no-id"),
    pytest.param(
        "POST",
        "/api/articles",
        {"json": {"id": "x", "text": "Putin visited Turkey.", "published": "2024-02-30"}},
        400,
        "date",
        id="article-bad-date",
    ),
    pytest.param(
        "POST",
        "/api/articles",
        {"json": {"id": "x", "text": "Putin visited Turkey.", "published": "yesterday"}},
        400,
        "date",
        id="article-date-word",
    ),
    pytest.param(
        "POST",
        "/api/articles",
        {"json": {"id": "x", "text": "Putin visited Turkey.", "url": "javascript:alert(1)"}},
        400,
        "url",
        id="article-bad-url",
    ),
    pytest.param("POST", "/api/articles", {"json": {"id": "x", "text": "y" * BIG}}, 413, "", id="article-huge-body"),
    pytest.param("GET", "/api/articles/no-such-article", {}, 404, "no article", id="unknown-article"),
    pytest.param("GET", "/api/articles/a%01b", {}, 400, "control", id="article-id-control-char"),
    pytest.param("GET", "/api/articles/" + "x" * 300, {}, 400, "longer", id="article-id-too-long"),
    pytest.param("GET", "/api/articles", {"query_string": {"limit": "abc"}}, 400, "whole number", id="limit-word"),
    pytest.param("GET", "/api/articles", {"query_string": {"limit": "0"}}, 400, "between", id="limit-zero"),
    pytest.param("GET", "/api/articles", {"query_string": {"limit": "-1"}}, 400, "whole number", id="limit-negative"),
    pytest.param("GET", "/api/articles", {"query_string": {"limit": "1e3"}}, 400, "whole number", id="limit-float"),
    pytest.param("GET", "/api/events", {"query_string": {"limit": "100000"}}, 400, "between", id="limit-huge"),
    pytest.param("GET", "/api/events", {"query_string": {"offset": "-5"}}, 400, "whole number", id="offset-negative"),
    pytest.param("GET", "/api/events", {"query_string": {"from": "2024-13"}}, 400, "real date", id="from-month-13"),
    pytest.param("GET", "/api/events", {"query_string": {"from": "yesterday"}}, 400, "yyyy", id="from-word"),
    pytest.param("GET", "/api/events", {"query_string": {"to": "2024-02-30"}}, 400, "real date", id="to-feb-30"),
    pytest.param("GET", "/api/events", {"query_string": {"to": "2024-1-5"}}, 400, "yyyy", id="to-short"),
    pytest.param(
        "GET", "/api/events", {"query_string": {"from": '2024"} ; DROP ALL #'}}, 400, "yyyy", id="from-inject"
    ),
    pytest.param(
        "GET", "/api/events", {"query_string": {"from": "2024-03", "to": "2024-02"}}, 400, "after", id="from-after-to"
    ),
    pytest.param(
        "GET", "/api/events", {"query_string": {"actor": "http://example.org/a b"}}, 400, "iri", id="actor-bad-iri"
    ),
    pytest.param(
        "GET", "/api/events", {"query_string": {"actor": "https://x/>} ; DROP ALL"}}, 400, "iri", id="actor-iri-inject"
    ),
    pytest.param(
        "GET", "/api/events", {"query_string": {"affiliated": "true"}}, 400, "give actor", id="affiliated-no-actor"
    ),
    pytest.param(
        "GET",
        "/api/events",
        {"query_string": {"actor": "Q1065", "affiliated": "yes"}},
        400,
        "true, false",
        id="affiliated-not-a-flag",
    ),
    pytest.param("GET", "/export.xml", {}, 404, "no export format", id="unknown-export"),
]


@pytest.fixture
def client(app, kg):
    kg.write_articles([sample_article("a1")], extractor="test/1")
    return app.test_client()


@pytest.fixture(scope="module")
def shared_client():
    """One app and store for all the failing requests below: none of them may change it."""
    from kg.store import KnowledgeGraph
    from service import create_app
    from service.store import use_kg

    store = KnowledgeGraph("memory:")
    store.write_articles([sample_article("a1")], extractor="test/1")
    app = create_app({"TESTING": True, "DIPLOKG_STORE": "memory:"})
    use_kg(app, store)
    before = store.stats()
    yield app.test_client()
    assert store.stats() == before, "a failing request changed the store"
    store.close()


@pytest.mark.parametrize(("method", "url", "kwargs", "status", "words"), CASES)
def test_error_shape(shared_client, method, url, kwargs, status, words):
    response = shared_client.open(url, method=method, **kwargs)
    body = assert_error_shape(response, status)
    assert words.lower() in body["message"].lower()


def test_bad_article_stores_nothing(client, kg):
    before = kg.stats()
    for body in ({"id": "new", "text": "Putin visited Turkey.", "published": "2024-02-30"}, {"id": "new"}):
        assert_error_shape(client.post("/api/articles", json=body), 400)
    assert kg.stats() == before
    assert_error_shape(client.get("/api/articles/new"), 404)


@pytest.mark.parametrize(
    ("kwargs", "status", "words"),
    [
        ({"json": {"id": "x"}}, 400, "text"),
        ({"json": {"text": "Putin visited Turkey.", "published": "2024-02-30"}}, 400, "date"),
        ({"json": {"text": "Putin visited Turkey.", "explain": "yes"}}, 400, "explain"),
        ({"json": ["Putin visited Turkey."]}, 400, "object"),
        ({"json": {"text": "   "}}, 400, "empty"),
        ({"data": "Putin visited Turkey.", "content_type": "text/plain"}, 415, "json"),
        ({"data": "{", "content_type": "application/json"}, 400, "json"),
    ],
)
def test_bad_extract_requests(shared_client, kwargs, status, words):
    body = assert_error_shape(shared_client.post("/api/extract", **kwargs), status)
    assert words in body["message"].lower()


def test_405_says_which_methods_are_allowed(client):
    response = client.delete("/sparql")
    assert_error_shape(response, 405)
    assert {"GET", "POST"} <= {m.strip() for m in response.headers["Allow"].split(",")}


def test_where_names_the_bad_parameter(client):
    assert client.get("/api/events?limit=x").get_json()["where"] == "limit"
    assert client.get("/api/events?from=x").get_json()["where"] == "from"
    assert client.get("/api/events?affiliated=1&actor=RUS").get_json()["where"] == "affiliated"
    assert client.get("/sparql?query=SELECT").get_json()["where"] == "query"


def test_unexpected_exception_is_a_logged_500_of_the_same_shape(app, caplog):
    def boom():
        raise RuntimeError("secret detail /var/lib/diplokg")

    app.add_url_rule("/boom", "boom", boom)
    response = app.test_client().get("/boom")
    body = assert_error_shape(response, 500)
    assert "secret" not in json.dumps(body)
    assert "RuntimeError" in caplog.text


class BrokenExtractor:
    version = "broken/1"

    def extract_many(self, articles):
        from kg.errors import ExtractionError

        raise ExtractionError("the spaCy model en_core_web_sm is not installed")
        yield  # a generator, like a real extractor


def test_extractor_failure_is_a_503_and_stores_nothing(app, kg):
    app.config["DIPLOKG_EXTRACTOR"] = BrokenExtractor()
    response = app.test_client().post("/api/articles", json={"id": "x", "text": "Putin visited Turkey."})
    body = assert_error_shape(response, 503)
    assert "spaCy model" in body["message"], "an extractor problem is worth telling the client"
    assert kg.article_ids() == []


def test_unreachable_store_is_a_503(tmp_path):
    from service import create_app

    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("not a store")
    client = create_app({"TESTING": True, "DIPLOKG_STORE": f"oxigraph:{not_a_dir}"}).test_client()
    body = assert_error_shape(client.get("/health"), 503)
    assert str(tmp_path) not in json.dumps(body), "a 5xx must not leak server paths"
    assert_error_shape(client.get("/api/events"), 503)


def test_unknown_store_kind_is_a_500_misconfiguration():
    from service import create_app

    client = create_app({"TESTING": True, "DIPLOKG_STORE": "bogus:somewhere"}).test_client()
    body = assert_error_shape(client.get("/health"), 500)
    assert "misconfigured" in body["message"]


def test_every_error_has_security_headers(client):
    response = client.get("/no/such/page")
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self';")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
