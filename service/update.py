"""Writes behind a token: ``POST /sparql/update`` and the Graph Store Protocol at ``/store``.

The service is read-only unless ``SPARQL_UPDATE_TOKEN`` is set. Every write
needs ``Authorization: Bearer <token>``; a missing or wrong token gets the
same 401 whether or not a token is configured, so a client cannot tell if
writes are enabled at all.

``GET /store?graph=IRI`` (or ``?default`` for the union of all graphs) is open
to everyone, like ``/sparql``. ``PUT`` replaces a named graph, ``POST`` adds
to it, ``DELETE`` drops it. Bodies are Turtle, N-Triples, N-Quads-free
JSON-LD or TriG: never RDF/XML (XML entities and DOCTYPEs are a classic way
to read local files), and JSON-LD only with inline contexts (a remote
``@context`` would make the server fetch a URL).

Writes have a wall-clock limit (``SPARQL_UPDATE_TIMEOUT``) and are never
left half done. Neither engine can be stopped from inside the process, and
only the server process may write an Oxigraph store (RocksDB allows one
read-write opener). So a write is split in two:

1. a forked child, killed at the deadline like a query's, evaluates the
   update (or parses the ``/store`` body) over a copy-on-write
   :class:`~kg.store.overlay.OverlayStore` of the store (an Oxigraph store
   opened read-only, a memory store as inherited) and sends back the net
   change: graphs dropped, quads removed, quads added;
2. the server process commits that change in one step
   (:meth:`~kg.store.backends.Backend.apply_changes`: one Oxigraph
   transaction).

If the child is killed, or the update fails in any operation, nothing is
committed: a request's operations succeed or fail together. The write lock
is held from the child's start to the commit, so the change is applied to
the very state it was computed from; a request that cannot get the lock
before its deadline gets a 503 too. Updates are checked like queries (no
``LOAD``, no ``SERVICE``).

The default graph that queries see is the union of the named graphs, and it
is never written: an update that would insert into it or empty it (``INSERT
DATA`` or an ``INSERT`` template without ``GRAPH``/``WITH``, ``ADD``/``COPY``/
``MOVE`` with ``DEFAULT``, ``CLEAR``/``DROP DEFAULT``) is refused whole with a
400 in the child before any operation runs, and so are ``/store?default``
writes (reading it is fine). A delete without ``GRAPH`` removes the triple
from the union, i.e. from every graph that holds it; ``DELETE WHERE`` is
``DELETE { P } WHERE { P }``; ``CREATE GRAPH`` changes nothing (see
:func:`kg.sparql.run_update`).
"""

from __future__ import annotations

import hmac
import json
import re
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import Blueprint, Response, current_app, request
from rdflib import Dataset, Graph, URIRef
from rdflib.exceptions import ParserError
from werkzeug.exceptions import NotFound, Unauthorized, UnsupportedMediaType

from kg.errors import InputError, QueryError
from kg.sparql import run_update
from kg.store import KnowledgeGraph
from kg.store.overlay import ChangeSet, OverlayStore
from kg.vocab import bind_prefixes
from service.executor import QueryTimeout, run_killable
from service.formats import GRAPH_FORMATS, GRAPH_NAMES, negotiate
from service.sparql import (
    TRUNCATED_HEADER,
    _engine_errors,
    check_escapes,
    open_dataset,
    protocol_dataset,
    request_body_text,
)
from service.store import get_kg, write_lock

__all__ = ["bp", "require_token"]

bp = Blueprint("update", __name__)

_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")

#: Media types accepted in ``/store`` bodies, with rdflib's parser names. No RDF/XML.
_BODY_FORMATS = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
}


def require_token() -> None:
    """Raise 401 unless the request carries the configured bearer token."""
    token = current_app.config.get("SPARQL_UPDATE_TOKEN")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    # compare_digest on both branches: equal work whether or not a token is set.
    expected = token or "\0" * 32
    ok = hmac.compare_digest(given.strip().encode(), expected.encode()) and scheme.lower() == "bearer"
    if not (token and ok):
        raise Unauthorized(
            "this operation needs a valid token: Authorization: Bearer <token>",
            www_authenticate=None,
        )


def _unauthorized_headers(response: Response) -> Response:
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="diplokg"'
    return response


bp.after_request(_unauthorized_headers)


def _update_text() -> str:
    if request.mimetype == "application/x-www-form-urlencoded":
        if "query" in request.form:
            raise QueryError("this endpoint takes updates (update=...); send queries to /sparql", where="query")
        values = request.form.getlist("update")
    elif request.mimetype == "application/sparql-update":
        values = [request_body_text("body")]
    else:
        raise UnsupportedMediaType(
            "send the update as application/x-www-form-urlencoded (update=...) or application/sparql-update"
        )
    if not values:
        raise QueryError("missing update: pass it as the 'update' parameter", where="update")
    if len(values) > 1:
        raise QueryError("give exactly one update", where="update")
    text = values[0]
    limit = current_app.config["SPARQL_MAX_QUERY_LENGTH"]
    if len(text) > limit:
        raise QueryError(f"the update is longer than {limit:,} characters", where="update")
    check_escapes(text, "update")
    return text


def _changed(kg: KnowledgeGraph) -> None:
    # Readers keyed on the revision (caches, exports) see that the store changed;
    # query processes open the store afresh and should not replay a long log.
    kg.revision += 1
    kg.backend.flush()


@contextmanager
def _writing(started: float) -> Iterator[float]:
    """Hold the write lock, waiting for it no later than the write's deadline; yields the limit."""
    limit = float(current_app.config["SPARQL_UPDATE_TIMEOUT"])
    lock = write_lock()
    if not lock.acquire(timeout=max(0.0, started + limit - time.monotonic())):
        raise QueryTimeout("the store is busy with another write; try again later")
    try:
        yield limit
    finally:
        lock.release()


def _compute(base: Dataset, change: Callable[[Dataset], None]) -> ChangeSet:
    """Child side: run ``change`` on a copy-on-write view of ``base`` and return what it changed."""
    overlay = OverlayStore(base.store)
    change(Dataset(store=overlay, default_union=True))
    return overlay.changes()


def _write(kg: KnowledgeGraph, change: Callable[[Dataset], None], started: float, limit: float) -> None:
    """Evaluate ``change`` in a killable child, then commit its net effect here (call under the write lock)."""
    base = open_dataset(kg.url, kg)
    changes = run_killable(lambda: _compute(base, change), timeout=limit, started=started, what="update")
    if changes:
        kg.backend.apply_changes(changes)
        _changed(kg)


@bp.post("/sparql/update")
def sparql_update() -> Response:
    """Run one SPARQL 1.1 Update (token required); 204 on success."""
    started = time.monotonic()
    require_token()
    text = _update_text()
    spec = protocol_dataset("using-graph-uri", "using-named-graph-uri")
    base = request.base_url

    def change(dataset: Dataset) -> None:
        with _engine_errors("the update cannot be run"):
            run_update(dataset, text, using_graphs=spec.default, using_named_graphs=spec.named, base=base)

    kg = get_kg()
    with _writing(started) as limit:
        _write(kg, change, started, limit)
    return Response(status=204)


# ---------------------------------------------------------------- graph store


def _target() -> URIRef | None:
    """The graph a ``/store`` request names: an IRI, or None for ``?default``."""
    has_default = "default" in request.args
    graph = request.args.get("graph")
    if has_default == (graph is not None):
        raise InputError("name exactly one graph: ?graph=IRI or ?default", where="graph")
    if graph is None:
        return None
    if not _IRI.fullmatch(graph):
        raise InputError(f"graph must be an absolute IRI, got {graph[:80]!r}", where="graph")
    return URIRef(graph)


def _refuse_remote_context(node: object) -> None:
    """Refuse JSON-LD whose ``@context`` would be fetched from a URL."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == "@import" or (key == "@context" and _names_a_url(value)):
                    raise InputError("JSON-LD with a remote @context is not accepted; inline the context", "body")
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)


def _names_a_url(context: object) -> bool:
    return isinstance(context, str) or (isinstance(context, list) and any(isinstance(c, str) for c in context))


def _body_format() -> str:
    """rdflib's parser name for the request body's media type (415 if it is not accepted)."""
    fmt = _BODY_FORMATS.get(request.mimetype)
    if fmt is None:
        raise UnsupportedMediaType(
            f"send the graph as one of {', '.join(sorted(_BODY_FORMATS))} (RDF/XML is not accepted)"
        )
    return fmt


def _parse_body(text: str, fmt: str, media_type: str, name: URIRef) -> Graph:
    """The body's triples as a graph named ``name`` (child side: parsing takes time too)."""
    graph = Graph(identifier=name)
    try:
        if fmt == "json-ld":
            _refuse_remote_context(json.loads(text))
        with warnings.catch_warnings():
            # rdflib's JSON-LD parser uses rdflib's own deprecated ConjunctiveGraph. (Changing
            # the warning filters is safe here: this runs in the single-threaded child.)
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            if fmt == "trig":
                ds = Dataset()
                ds.parse(data=text, format="trig", publicID=str(name))
                for s, p, o, _ in ds.quads((None, None, None, None)):
                    graph.add((s, p, o))
            else:
                graph.parse(data=text, format=fmt, publicID=str(name))
    except RecursionError:
        raise InputError("the body is nested too deeply", where="body") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"the body is not JSON: {exc}", where="body") from None
    except (SyntaxError, ParserError, ValueError, IndexError, KeyError, TypeError, AttributeError) as exc:
        # rdflib's Turtle/TriG reader crashes with IndexError on some truncated bodies ("@", "_:").
        raise InputError(f"the body is not valid {media_type}: {str(exc)[:300]}", where="body") from None
    return graph


def _exists(kg: KnowledgeGraph, name: URIRef) -> bool:
    return kg.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": name})


def _read_graph(dataset: Dataset, name: URIRef | None, cap: int) -> tuple[list, bool]:
    """The triples of one graph (child side), at most ``cap`` of them."""
    source = dataset.get_context(name) if name is not None else dataset
    triples = []
    for triple in source.triples((None, None, None)):
        if len(triples) == cap:
            return triples, True
        triples.append(triple)
    return triples, False


@bp.get("/store")
def store_get() -> Response:
    """A named graph, or with ``?default`` the union of all, in a negotiated RDF format."""
    started = time.monotonic()
    name = _target()
    fmt = negotiate(GRAPH_FORMATS, names=GRAPH_NAMES)
    kg = get_kg()
    if name is not None and not _exists(kg, name):
        raise NotFound(f"no graph <{name}> in this store")
    cap = current_app.config["SPARQL_MAX_ROWS"]
    dataset = open_dataset(kg.url, kg)
    triples, truncated = run_killable(lambda: _read_graph(dataset, name, cap), started=started)
    graph = bind_prefixes(Graph())
    for triple in triples:
        graph.add(triple)
    response = Response(fmt.write(graph), content_type=fmt.content_type)
    response.vary.add("Accept")
    if truncated:
        response.headers[TRUNCATED_HEADER] = "true"
    return response


def _named_target() -> URIRef:
    name = _target()
    if name is None:
        raise InputError(
            "the default graph of this store is the read-only union of its named graphs and cannot be written; "
            "name a graph with ?graph=IRI",
            "default",
        )
    return name


def _write_body(replace: bool) -> bool:
    """Add the body's triples to the named graph, replacing it if ``replace``; True if the graph existed."""
    started = time.monotonic()
    require_token()
    name = _named_target()
    fmt, media_type = _body_format(), request.mimetype
    text = request_body_text("body")

    def change(dataset: Dataset) -> None:
        graph = _parse_body(text, fmt, media_type, name)
        if replace:
            dataset.remove_graph(name)
        target = dataset.get_context(name)
        dataset.addN((s, p, o, target) for s, p, o in graph)

    kg = get_kg()
    with _writing(started) as limit:
        existed = _exists(kg, name)
        _write(kg, change, started, limit)
    return existed


@bp.put("/store")
def store_put() -> Response:
    """Replace a named graph with the body (201 if it is new, 204 otherwise)."""
    return Response(status=204 if _write_body(replace=True) else 201)


@bp.post("/store")
def store_post() -> Response:
    """Add the body's triples to a named graph (204)."""
    _write_body(replace=False)
    return Response(status=204)


@bp.delete("/store")
def store_delete() -> Response:
    """Drop a named graph (204; 404 if there is none)."""
    started = time.monotonic()
    require_token()
    name = _named_target()
    kg = get_kg()
    # One Oxigraph DROP, or a dict removal in memory: fast, so it runs here.
    with _writing(started):
        if not _exists(kg, name):
            raise NotFound(f"no graph <{name}> in this store")
        kg.backend.drop_graph(name)
        _changed(kg)
    return Response(status=204)
