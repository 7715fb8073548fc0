"""Writes computed on a copy-on-write overlay and committed as one change set.

The service evaluates each update in a killable child over
``kg.store.overlay.OverlayStore`` and commits the change set with
``Backend.apply_changes``. These tests check that this gives exactly what
rdflib's engine gives when it writes a store directly, on both backends, and
that the store is never touched before the commit.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from kg.errors import InputError
from kg.sparql import run_update
from kg.store.backends import open_backend
from kg.store.overlay import ChangeSet, OverlayStore

SEED = """
INSERT DATA {
  GRAPH <http://g/1> { <http://s/1> <http://p/a> "x" , 1 , <http://o/1> . _:b <http://p/a> "blank" . }
  GRAPH <http://g/2> { <http://s/1> <http://p/a> "x" . <http://s/2> <http://p/b> "y"@en . }
}
"""

UPDATES = [
    "INSERT DATA { GRAPH <http://g/3> { <http://s/3> <http://p/c> 3 } }",
    'DELETE DATA { GRAPH <http://g/1> { <http://s/1> <http://p/a> "x" } }',
    # Without GRAPH, rdflib deletes from the union: from every graph.
    'DELETE DATA { <http://s/1> <http://p/a> "x" }',
    "CLEAR GRAPH <http://g/1>",
    "DROP GRAPH <http://g/2>",
    "DROP ALL",
    "DROP NAMED",
    "CLEAR ALL",
    "COPY <http://g/1> TO <http://g/2>",
    "MOVE <http://g/1> TO <http://g/2>",
    "ADD <http://g/1> TO <http://g/5>",
    "DELETE WHERE { GRAPH ?g { ?s <http://p/a> ?o } }",
    'DELETE WHERE { GRAPH ?g { <http://s/1> ?p "x" } GRAPH <http://g/2> { ?y <http://p/b> ?z } }',
    "DELETE WHERE { GRAPH <http://g/1> { ?s ?p ?o } }",
    "DELETE WHERE { ?s <http://p/a> ?o }",
    "DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH <http://g/9> { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "INSERT { GRAPH <http://g/1> { ?s <http://p/z> _:new } } WHERE { GRAPH <http://g/1> { ?s ?p ?o } }",
    "WITH <http://g/1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } WHERE { GRAPH <http://g/1> { ?s ?p ?o } }",
    "INSERT { GRAPH <http://g/6> { ?s <http://p/copy> ?o } } WHERE { GRAPH <http://g/2> { ?s ?p ?o } }",
    "WITH <http://g/2> INSERT { ?s <http://p/copy> ?o } WHERE { ?s ?p ?o }",
    "INSERT { GRAPH <http://g/8> { ?s ?p ?o } } USING <http://g/2> WHERE { ?s ?p ?o }",
    "CREATE GRAPH <http://g/new> ; CREATE SILENT GRAPH <http://g/1> ; "
    "INSERT DATA { GRAPH <http://g/new> { <http://s/n> <http://p/n> 2 } }",
    # Later operations see earlier ones.
    "DROP GRAPH <http://g/1> ; INSERT DATA { GRAPH <http://g/1> { <http://s/n> <http://p/n> 2 } }",
    "INSERT DATA { GRAPH <http://g/1> { <http://s/n> <http://p/n> 2 } } ; "
    "DELETE DATA { GRAPH <http://g/1> { <http://s/n> <http://p/n> 2 } }",
    "DELETE DATA { GRAPH <http://g/1> { <http://s/1> <http://p/a> 1 } } ; "
    "INSERT DATA { GRAPH <http://g/1> { <http://s/1> <http://p/a> 1 } }",
    "INSERT DATA { GRAPH <http://g/4> { <http://s/4> <http://p/d> 4 } } ; "
    "INSERT { GRAPH <http://g/5> { ?s ?p ?o } } WHERE { GRAPH <http://g/4> { ?s ?p ?o } }",
    "INSERT { GRAPH ?g { ?s <http://p/seen> true } } WHERE { GRAPH ?g { ?s ?p ?o } }",
]


def _term(term):
    # Oxigraph gives plain literals back as xsd:string (RDF 1.1); blank node labels are not compared.
    if isinstance(term, BNode):
        return "_"
    if isinstance(term, Literal) and term.datatype is None and term.language is None:
        return Literal(str(term), datatype=XSD.string)
    return term


def _quads(dataset) -> set:
    return {
        (_term(s), p, _term(o), DATASET_DEFAULT_GRAPH_ID if g is None else g)
        for s, p, o, g in dataset.quads((None, None, None, None))
    }


def _seeded(url: str):
    backend = open_backend(url)
    run_update(backend.dataset, SEED)
    backend.dataset.default_context.add((URIRef("http://s/d"), URIRef("http://p/a"), Literal("in default")))
    return backend


def _through_overlay(backend, update: str) -> ChangeSet:
    """Evaluate ``update`` on an overlay of ``backend`` and return its change set; the backend must not change."""
    before = _quads(backend.dataset)
    overlay = OverlayStore(backend.dataset.store)
    run_update(Dataset(store=overlay, default_union=True), update)
    assert _quads(backend.dataset) == before
    return overlay.changes()


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    return "memory:" if request.param == "memory" else f"oxigraph:{tmp_path / 'store'}"


@pytest.mark.parametrize("update", UPDATES)
def test_overlay_and_commit_equal_a_direct_update(store, update):
    direct = _seeded("memory:")
    run_update(direct.dataset, update)
    backend = _seeded(store)
    changes = _through_overlay(backend, update)
    backend.apply_changes(changes)
    assert _quads(backend.dataset) == _quads(direct.dataset)
    backend.close()


def test_a_stored_blank_node_is_deleted_and_kept_by_identity(store):
    backend = _seeded(store)
    changes = _through_overlay(
        backend,
        "DELETE { GRAPH ?g { ?b ?p ?o } } INSERT { GRAPH <http://g/kept> { ?b ?p ?o } } "
        "WHERE { GRAPH ?g { ?b ?p ?o FILTER(isBlank(?b)) } }",
    )
    backend.apply_changes(changes)
    (found,) = backend.dataset.quads((None, None, Literal("blank"), None))
    assert isinstance(found[0], BNode) and found[3] == URIRef("http://g/kept")
    assert found[0] == next(iter(changes.added))[0]  # the same blank node, not a new one
    backend.close()


def test_a_term_the_store_cannot_hold_is_refused_and_nothing_changes(store):
    backend = _seeded(store)
    before = _quads(backend.dataset)
    changes = _through_overlay(
        backend,
        "INSERT DATA { GRAPH <http://g/1> { <http://s/new> <http://p/a> 1 } } ; "
        'INSERT { GRAPH <http://g/1> { <http://s/1> <http://p/a> ?bad } } WHERE { BIND(IRI("http://a b") AS ?bad) }',
    )
    with pytest.raises(InputError, match="cannot be stored"):
        backend.apply_changes(changes)
    assert _quads(backend.dataset) == before
    backend.close()


def test_ill_formed_template_triples_are_skipped():
    # SPARQL 1.1 Update 3.1.3: a literal subject is not inserted (rdflib's engine alone would store it).
    backend = _seeded("memory:")
    update = "INSERT { GRAPH <http://g/1> { ?o <http://p/rev> ?s } } WHERE { GRAPH ?g { ?s ?p ?o } }"
    changes = _through_overlay(backend, update)
    assert changes.added and all(not isinstance(q[0], Literal) for q in changes.added)


def test_an_empty_change_set_changes_nothing(store):
    backend = _seeded(store)
    before = _quads(backend.dataset)
    changes = _through_overlay(backend, "DELETE DATA { GRAPH <http://g/1> { <http://s/none> <http://p/a> 1 } }")
    assert not changes
    backend.apply_changes(changes)
    assert _quads(backend.dataset) == before
    backend.close()


@pytest.mark.parametrize(
    ("update", "gone"),
    [
        # SPARQL 1.1: DELETE WHERE { P } is DELETE { P } WHERE { P }: a GRAPH variable ranges over the graphs.
        ("DELETE WHERE { GRAPH ?g { <http://s/1> <http://p/a> ?o } }", {"http://g/1", "http://g/2"}),
        ("DELETE WHERE { GRAPH <http://g/2> { <http://s/1> <http://p/a> ?o } }", {"http://g/2"}),
        # A delete without GRAPH removes the triple from the union: from every graph that holds it.
        ("DELETE WHERE { <http://s/1> <http://p/a> ?o }", {"http://g/1", "http://g/2"}),
        (
            "DELETE { <http://s/1> <http://p/a> ?o } WHERE { GRAPH <http://g/2> { <http://s/1> ?p ?o } }",
            {"http://g/1", "http://g/2"},
        ),
    ],
)
def test_delete_where_and_default_graph_deletes_remove_what_queries_see(store, update, gone):
    backend = _seeded(store)
    backend.apply_changes(_through_overlay(backend, update))
    quads = backend.dataset.quads((URIRef("http://s/1"), URIRef("http://p/a"), None, None))
    left = {str(g) for _, _, o, g in quads if str(o) == "x"}
    assert left == {"http://g/1", "http://g/2"} - gone
    # The other graphs' triples are untouched.
    assert (URIRef("http://s/2"), URIRef("http://p/b"), Literal("y", lang="en"), URIRef("http://g/2")) in set(
        backend.dataset.quads((None, None, None, None))
    )
    backend.close()


@pytest.mark.parametrize(
    ("update", "says"),
    [
        ("INSERT DATA { <http://s/n> <http://p/n> 1 }", "INSERT DATA in GRAPH"),
        ("INSERT { ?s <http://p/n> 1 } WHERE { GRAPH ?g { ?s ?p ?o } }", "INSERT template"),
        ("COPY <http://g/1> TO DEFAULT", "COPY cannot read or write DEFAULT"),
        ("ADD DEFAULT TO <http://g/9>", "ADD cannot read or write DEFAULT"),
        ("MOVE <http://g/1> TO DEFAULT", "MOVE cannot read or write DEFAULT"),
        ("CLEAR DEFAULT", "CLEAR DEFAULT cannot empty it"),
        ("DROP SILENT DEFAULT", "DROP DEFAULT cannot empty it"),
        # The whole request is refused before its first operation runs.
        ("DROP ALL ; INSERT DATA { <http://s/n> <http://p/n> 1 }", "INSERT DATA in GRAPH"),
    ],
)
def test_writes_into_the_default_graph_are_refused_before_anything_runs(update, says):
    from kg.errors import QueryError

    backend = _seeded("memory:")
    overlay = OverlayStore(backend.dataset.store)
    with pytest.raises(QueryError, match="read-only union of its named graphs") as raised:
        run_update(Dataset(store=overlay, default_union=True), update)
    assert says in raised.value.message and raised.value.where == "update"
    assert not overlay.changes()


def test_create_graph_changes_nothing_and_fails_on_an_existing_graph():
    from kg.errors import QueryError

    backend = _seeded("memory:")
    assert not _through_overlay(backend, "CREATE GRAPH <http://g/new>")
    assert not _through_overlay(backend, "CREATE SILENT GRAPH <http://g/1>")
    with pytest.raises(QueryError, match="already exists"):
        _through_overlay(backend, "CREATE GRAPH <http://g/1>")
