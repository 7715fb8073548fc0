"""Real clients against a real server process (waitress on a loopback port), and hostile queries."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import closing

import pytest
from helpers import sample_article
from rdflib import Graph, URIRef

TIMEOUT = 2.0
TOKEN = "clients-test-token-0123456789"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
REGEX = 'SELECT * WHERE { BIND(REGEX("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "^(a+)+$") AS ?x) }'


def _free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(store: str, tmp_path, name: str):
    port = _free_port()
    env = dict(
        os.environ,
        DIPLOKG_STORE=store,
        DIPLOKG_SPARQL_TIMEOUT=str(TIMEOUT),
        DIPLOKG_ACCESS_LOG="0",
        # Updates are enabled so that runaway updates can be tried; none of these tests commits one.
        DIPLOKG_SPARQL_UPDATE_TOKEN=TOKEN,
    )
    log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - closed with the server
    cmd = [sys.executable, "-m", "waitress", "--listen", f"127.0.0.1:{port}", "--threads", "6", "--call"]
    proc = subprocess.Popen([*cmd, "service:create_app"], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/health", timeout=10).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError((tmp_path / f"{name}.log").read_text()) from None
            time.sleep(0.2)
    return proc, log, url


def serve_store(tmp_path_factory):
    """Yield the URL of a waitress server over an Oxigraph store holding the sample article."""
    from kg.store import KnowledgeGraph

    tmp = tmp_path_factory.mktemp("server")
    store = f"oxigraph:{tmp / 'store'}"
    with KnowledgeGraph(store) as kg:
        kg.write_articles([sample_article()], extractor="test/1")
    proc, log, url = _serve(store, tmp, "oxigraph")
    yield url
    proc.terminate()
    proc.wait(10)
    log.close()


@pytest.fixture(scope="module")
def memory_server(tmp_path_factory):
    """A waitress server over a memory store (rdflib's engine, whose REGEX is exponential)."""
    tmp = tmp_path_factory.mktemp("memory")
    proc, log, url = _serve("memory:", tmp, "memory")
    yield url
    proc.terminate()
    proc.wait(10)
    log.close()


def test_sparqlwrapper_select_in_every_result_format(server):
    from SPARQLWrapper import CSV, JSON, POST, XML, SPARQLWrapper

    query = "PREFIX dkg: <https://diplokg.org/ns#> SELECT ?e WHERE { ?e a dkg:Event }"
    for method in ("GET", POST):
        client = SPARQLWrapper(server + "/sparql")
        client.setQuery(query)
        if method == POST:
            client.setMethod(POST)
        client.setReturnFormat(JSON)
        assert len(client.queryAndConvert()["results"]["bindings"]) == 2
        client.setReturnFormat(XML)
        assert len(client.queryAndConvert().getElementsByTagName("result")) == 2
        client.setReturnFormat(CSV)
        assert client.queryAndConvert().decode().count("\n") == 3


def test_sparqlwrapper_construct_to_turtle(server):
    from SPARQLWrapper import TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("CONSTRUCT WHERE { ?e <https://diplokg.org/ns#source> ?s }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert len(graph) == 2


def test_rdflib_sparqlstore_as_a_remote_graph(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server + "/sparql", returnFormat="xml"))
    rows = list(graph.query("SELECT ?e WHERE { ?e a <https://diplokg.org/ns#Event> }"))
    assert len(rows) == 2
    events = set(graph.subjects(URIRef("https://diplokg.org/ns#source"), None))
    assert len(events) == 2


def test_curl(server):
    out = subprocess.run(
        [
            "curl",
            "-sS",
            "-H",
            "Accept: text/csv",
            "--data-urlencode",
            "query=SELECT ?e WHERE { ?e a dkg:Event }",
            server + "/sparql",
        ],
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout.decode()
    assert out.splitlines()[0] == "e" and len(out.splitlines()) == 3


class _Listener:
    """A TCP listener that records whether anyone connected."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.sock.close()


def _get(url: str, query: str, timeout: float = 30) -> tuple[int, bytes]:
    from urllib.error import HTTPError
    from urllib.parse import urlencode

    try:
        with urllib.request.urlopen(f"{url}/sparql?{urlencode({'query': query})}", timeout=timeout) as r:
            return r.status, r.read()
    except HTTPError as exc:
        return exc.code, exc.read()


def test_hostile_queries_get_4xx_and_reach_nothing(server):
    listener = _Listener()
    try:
        hostile = [
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}",
            "LOAD <file:///etc/passwd>",
            f"SELECT * FROM <http://127.0.0.1:{listener.port}/g.ttl> WHERE {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <http://127.0.0.1:{listener.port}/g.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        ]
        for query in hostile:
            status, _ = _get(server, query)
            assert 400 <= status < 500, query
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()


def _while_running(slow_call, url: str, quick_query: str) -> tuple[dict, int, float]:
    """Start ``slow_call`` in a thread, then time ``quick_query`` meanwhile.

    Returns the slow call's outcome (status, body, elapsed), and the quick query's status
    and seconds.
    """
    outcome: dict = {}

    def slow() -> None:
        started = time.monotonic()
        outcome["status"], outcome["body"] = slow_call()
        outcome["elapsed"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    status, _ = _get(url, quick_query)
    quick = time.monotonic() - started
    thread.join()
    return outcome, status, quick


@pytest.mark.parametrize(("which", "query"), [("server", CARTESIAN), ("memory_server", REGEX)])
def test_runaway_query_is_killed_while_others_are_answered(request, which, query):
    url = request.getfixturevalue(which)
    outcome, status, quick = _while_running(lambda: _get(url, query), url, "ASK {}")
    assert status == 200 and quick < 1.0
    assert outcome["status"] == 503, outcome["body"][:200]
    assert b'"ok":false' in outcome["body"].replace(b" ", b"")
    assert outcome["elapsed"] < TIMEOUT + 2


CARTESIAN_UPDATE = (
    "INSERT { GRAPH <http://example.org/runaway> { ?a <http://example.org/p> ?d } } "
    "WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
)
REGEX_UPDATE = (
    "INSERT { GRAPH <http://example.org/runaway> { <http://example.org/s> <http://example.org/p> ?x } } "
    'WHERE { BIND(REGEX("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "^(a+)+$") AS ?x) }'
)


def _update(url: str, update: str, timeout: float = 30) -> tuple[int, bytes]:
    from urllib.error import HTTPError
    from urllib.parse import urlencode

    request = urllib.request.Request(
        f"{url}/sparql/update",
        data=urlencode({"update": update}).encode(),
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.read()
    except HTTPError as exc:
        return exc.code, exc.read()


def _content(url: str) -> list[bytes]:
    with urllib.request.urlopen(f"{url}/export.nq", timeout=30) as r:
        return sorted(r.read().splitlines())


@pytest.mark.parametrize(("which", "update"), [("server", CARTESIAN_UPDATE), ("memory_server", REGEX_UPDATE)])
def test_runaway_update_is_killed_changes_nothing_and_others_are_answered(request, which, update):
    url = request.getfixturevalue(which)
    before = _content(url)
    outcome, status, quick = _while_running(lambda: _update(url, update), url, "ASK { ?s ?p ?o }")
    assert status == 200 and quick < 1.0
    assert outcome["status"] == 503, outcome["body"][:200]
    body = json.loads(outcome["body"])
    assert body["ok"] is False and "nothing was changed" in body["message"]
    assert outcome["elapsed"] < TIMEOUT + 2
    assert _content(url) == before
