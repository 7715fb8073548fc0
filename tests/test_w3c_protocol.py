"""The W3C SPARQL 1.1 Protocol test suite, run against the app.

Reads ``../shared/data/w3c/sparql11-protocol/manifest.ttl`` (beside the
repository), preloads ``data1/2/3.nt`` into named graphs with the IRIs the
tests expect (there is no network), and replays every request of every test
in order. Paths start with ``/sparql/`` in the manifest: a request that is an
update (``application/sparql-update`` body, an ``update=`` form, or an
``update`` parameter) goes to ``/sparql/update`` with the token configured in
this test's app; every other request goes to ``/sparql``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parents[1]
W3C = ROOT.parent / "shared" / "data" / "w3c" / "sparql11-protocol"
MANIFEST = W3C / "manifest.ttl"
TOKEN = "w3c-protocol-test-token-0123456789"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

pytestmark = pytest.mark.skipif(not MANIFEST.is_file(), reason="the shared W3C data is not beside the repository")


def _manifest() -> Graph:
    return Graph().parse(MANIFEST, format="turtle")


def _tests() -> list[tuple[str, URIRef]]:
    if not MANIFEST.is_file():
        return []
    g = _manifest()
    head = g.value(predicate=RDF.type, object=MF.Manifest)
    entries = Collection(g, g.value(head, MF.entries))
    return [(str(e).rsplit("#", 1)[1], e) for e in entries]


@pytest.fixture(scope="module")
def manifest() -> Graph:
    return _manifest()


@pytest.fixture(scope="module")
def w3c_app():
    """An app with updates enabled over one in-memory store (loading the reference data once)."""
    from kg.store import KnowledgeGraph
    from service import create_app
    from service.store import use_kg

    store = KnowledgeGraph("memory:")
    app = create_app({"TESTING": True, "DIPLOKG_STORE": "memory:", "SPARQL_UPDATE_TOKEN": TOKEN})
    use_kg(app, store)
    yield app
    store.close()


@pytest.fixture
def w3c_client(w3c_app):
    """The app's client, with the W3C data graphs (re)loaded: update tests drop them."""
    from service.store import get_kg

    with w3c_app.app_context():
        kg = get_kg()
        for name in ("data1", "data2", "data3"):
            g = Graph(identifier=URIRef(f"http://kasei.us/2009/09/sparql/data/{name}.rdf"))
            g.parse(W3C / f"{name}.nt", format="nt")
            kg.backend.replace_graphs([g])
    return w3c_app.test_client()


def _is_update(body: bytes, content_type: str | None, path: str) -> bool:
    if content_type and content_type.startswith("application/sparql-update"):
        return True
    if re.search(rb"(^|&)update=", body):
        return True
    return bool(re.search(r"[?&]update=", path))


def _status_ok(status: int, expected: set) -> bool:
    return any(str(code)[0] == str(e).rsplit("StatusCode", 1)[1][0] for e in expected for code in [status])


def _check_format(response, kind: str) -> None:
    mime = response.mimetype
    if kind == "boolean" or kind == "tabular":
        assert mime in {
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
        }, mime
    elif kind == "RDF":
        assert mime in {"application/rdf+xml", "text/turtle", "application/n-triples", "application/ld+json"}, mime


def _boolean(response) -> bool:
    assert response.mimetype == "application/sparql-results+json"
    return json.loads(response.data)["boolean"]


@pytest.mark.parametrize(("name", "test"), _tests(), ids=[n for n, _ in _tests()])
def test_w3c_protocol(w3c_client, manifest, name, test):
    g = manifest
    action = g.value(test, MF.action)
    requests = Collection(g, g.value(action, HT.requests))
    for req in requests:
        method = str(g.value(req, HT.methodName))
        path = str(g.value(req, HT.absolutePath))
        headers = {}
        header_list = g.value(req, HT.headers)
        if header_list is not None:
            for h in Collection(g, header_list):
                headers[str(g.value(h, HT.fieldName)).lower()] = str(g.value(h, HT.fieldValue))
        body_node = g.value(req, HT.body)
        body = b""
        if body_node is not None:
            encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
            body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
        content_type = headers.pop("content-type", None)
        update = _is_update(body, content_type, path)
        parts = urlsplit(path)
        target = ("/sparql/update" if update else "/sparql") + (f"?{parts.query}" if parts.query else "")
        if update:
            headers["Authorization"] = f"Bearer {TOKEN}"
        # Accept what the manifest's expected formats allow, JSON first (as a client would).
        headers.setdefault("Accept", "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1")
        kwargs = {"headers": headers, "data": body}
        if content_type is not None:
            kwargs["content_type"] = content_type
        response = w3c_client.open(target, method=method, **kwargs)
        resp = g.value(req, HT.resp)
        expected = set(g.objects(resp, MF.expectedStatus))
        assert _status_ok(response.status_code, expected), (
            f"{name}: {method} {target} -> {response.status_code} {response.data[:300]!r}"
        )
        fmt = g.value(resp, MF.expectedFormat)
        if fmt is not None:
            _check_format(response, str(fmt))
        boolean = g.value(resp, MF.expectedBoolean)
        if boolean is not None:
            assert _boolean(response) is boolean.toPython(), f"{name}: {response.data!r}"
