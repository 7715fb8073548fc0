"""``GET|POST /sparql``: a read-only SPARQL endpoint over the union graph.

A query arrives as the ``query`` parameter (GET, or a POST form) or as a POST
body of type ``application/sparql-query``. Before it runs it is parsed with
rdflib's parser and refused (400) if it is not valid SPARQL, is an update,
uses ``SERVICE`` anywhere, or names in ``FROM``/``FROM NAMED`` a graph that is
not in the store. Results are capped at ``SPARQL_MAX_ROWS`` rows or triples
(header ``X-DiploKG-Truncated: true`` when the cap applied).

Known limit: rdflib's parser recurses once per nesting level and per triple
pattern of a group, so very large queries are refused as too complex.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any

from flask import Blueprint, Response, current_app, request
from pyparsing import ParseBaseException, ParseResults
from rdflib import Graph
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result
from werkzeug.exceptions import UnsupportedMediaType

from kg.errors import QueryError, StoreError
from kg.store import KnowledgeGraph
from kg.vocab import PREFIXES, bind_prefixes
from service.formats import GRAPH_FORMATS, RESULT_FORMATS, negotiate
from service.store import get_kg

__all__ = ["CheckedQuery", "bp", "check_query"]

bp = Blueprint("sparql", __name__)

TRUNCATED_HEADER = "X-DiploKG-Truncated"

_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_UNSUPPORTED_PARAMS = ("default-graph-uri", "named-graph-uri")


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed :func:`check_query`; ``kind`` is SELECT, ASK, CONSTRUCT or DESCRIBE."""

    text: str
    kind: str


_TOO_COMPLEX = "the query is too complex for the SPARQL engine (too deeply nested or too many patterns in one group)"
# Errors rdflib's and Oxigraph's SPARQL code raise for a bad query rather than a
# broken server: rdflib uses bare Exception (e.g. for an unknown prefix),
# ValueError (an OFFSET beyond sys.maxsize), re.error (a bad REGEX pattern);
# pyoxigraph a RuntimeError (an unknown function).
_QUERY_FAULTS = (ValueError, TypeError, ArithmeticError, LookupError, RuntimeError, re.error)
_ENGINES = ("pyparsing", "rdflib.plugins.sparql", "oxrdflib")


def _raised_by_engine(exc: BaseException) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals.get("__name__", "").startswith(_ENGINES):
            return True
        tb = tb.tb_next
    return False


@contextmanager
def _engine_errors(what: str = "the query cannot be evaluated") -> Iterator[None]:
    """Turn what the SPARQL engines raise for a bad query into QueryError (400).

    Only exceptions raised inside the engines' own code and of the kinds they
    use for bad queries are converted; anything else is a real fault and
    propagates (an OSError from the store becomes a StoreError, 503).
    """
    try:
        yield
    except QueryError as exc:
        raise QueryError(exc.message, where=exc.where or "query") from None
    except RecursionError:
        raise QueryError(_TOO_COMPLEX, where="query") from None
    except OSError as exc:
        raise StoreError(f"the store failed while answering a query: {exc}") from exc
    except Exception as exc:
        if (type(exc) is Exception or isinstance(exc, _QUERY_FAULTS)) and _raised_by_engine(exc):
            raise QueryError(f"{what}: {exc}", where="query") from None
        raise


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except (ParseBaseException, RecursionError):
        return False
    return True


def _walk(node: Any) -> Iterator[Any]:
    """Every node of a parse tree, iteratively (the tree may be deep)."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):  # CompValue is a dict
            stack.extend(item.values())
        elif isinstance(item, list | tuple | ParseResults):
            stack.extend(item)


def check_query(text: str, kg: KnowledgeGraph, max_length: int) -> CheckedQuery:
    """Parse ``text`` and make sure it may run on this read-only endpoint.

    Raises
    ------
    kg.errors.QueryError
        If the query is too long, invalid, an update, uses ``SERVICE``, or
        names an unknown graph in ``FROM``/``FROM NAMED``.
    """
    if len(text) > max_length:
        raise QueryError(f"the query is longer than {max_length:,} characters", where="query")
    if not text.strip():
        raise QueryError("the query is empty", where="query")
    try:
        parsed = parseQuery(text)
    except ParseBaseException as exc:
        if _is_update(text):
            raise QueryError("updates are not allowed: this endpoint is read-only", where="query") from None
        raise QueryError(f"invalid SPARQL: {exc}", where="query") from None
    except RecursionError:
        raise QueryError(_TOO_COMPLEX, where="query") from None
    if any(isinstance(n, CompValue) and n.name == "ServiceGraphPattern" for n in _walk(parsed)):
        raise QueryError("SERVICE is not allowed: this endpoint queries only its own store", where="query")
    with _engine_errors("invalid SPARQL"):
        algebra = translateQuery(parsed, initNs=PREFIXES).algebra
    # dict.get, because CompValue.get() returns the key itself when it is missing.
    clauses = dict.get(algebra, "datasetClause") or []
    for clause in clauses:
        keyword, iri = ("FROM", clause["default"]) if "default" in clause else ("FROM NAMED", clause["named"])
        # One cheap ASK per graph rather than listing every graph of a large store.
        if not kg.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": iri}):
            raise QueryError(f"{keyword} <{iri}> is not a graph in this store", where="query")
    return CheckedQuery(text, _KINDS[algebra.name])


def _query_text() -> str:
    """The query of this request, from the query string, a form or the body."""
    for name in _UNSUPPORTED_PARAMS:
        if name in request.args or (request.method == "POST" and name in request.form):
            raise QueryError(f"the {name} parameter is not supported yet; use FROM in the query", where=name)
    if request.method == "GET":
        values = request.args.getlist("query")
    elif request.mimetype == "application/x-www-form-urlencoded":
        if "update" in request.form:
            raise QueryError("updates are not allowed: this endpoint is read-only", where="update")
        values = request.form.getlist("query")
    elif request.mimetype == "application/sparql-query":
        try:
            values = [request.get_data().decode("utf-8")]
        except UnicodeDecodeError:
            raise QueryError("the query is not valid UTF-8", where="body") from None
    elif request.mimetype == "application/sparql-update":
        raise QueryError("updates are not allowed: this endpoint is read-only", where="body")
    else:
        raise UnsupportedMediaType(
            "send the query as application/x-www-form-urlencoded (query=...) or application/sparql-query"
        )
    if not values:
        raise QueryError("missing query: pass it as the 'query' parameter", where="query")
    if len(values) > 1:
        raise QueryError("give exactly one query", where="query")
    return values[0]


def _capped_result(result: Result, cap: int) -> tuple[Result, bool]:
    with _engine_errors():
        rows = list(islice(result, cap + 1))
    names = list(result.vars or [])
    out = Result("SELECT")
    out.vars = names
    out.bindings = [{v: t for v, t in zip(names, row, strict=True) if t is not None} for row in rows[:cap]]
    return out, len(rows) > cap


def _capped_graph(result: Result, cap: int) -> tuple[Graph, bool]:
    graph = bind_prefixes(Graph())
    with _engine_errors():
        triples = list(islice(iter(result.graph or ()), cap + 1))
    for triple in triples[:cap]:
        graph.add(triple)
    return graph, len(triples) > cap


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Answer one SPARQL query (see the module docstring)."""
    kg = get_kg()
    checked = check_query(_query_text(), kg, current_app.config["SPARQL_MAX_QUERY_LENGTH"])
    cap = current_app.config["SPARQL_MAX_ROWS"]
    truncated = False
    # Negotiate before running the query: a 406 should not cost a query.
    if checked.kind in ("SELECT", "ASK"):
        fmt = negotiate(RESULT_FORMATS, boolean=checked.kind == "ASK")
        with _engine_errors():
            result = kg.query(checked.text)
        if checked.kind == "SELECT":
            result, truncated = _capped_result(result, cap)
        body = fmt.write(result)
    else:
        fmt = negotiate(GRAPH_FORMATS)
        with _engine_errors():
            result = kg.query(checked.text)
        graph, truncated = _capped_graph(result, cap)
        body = fmt.write(graph)
    response = Response(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    if truncated:
        response.headers[TRUNCATED_HEADER] = "true"
    return response
