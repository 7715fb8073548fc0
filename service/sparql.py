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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

from flask import Blueprint, Response, current_app, request
from pyparsing import ParseBaseException
from rdflib import Graph, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result
from werkzeug.exceptions import UnsupportedMediaType

from kg.errors import QueryError, StoreError
from kg.sparql import dataset_clauses, evaluate_in_dataset, parse_query, refuse_remote
from kg.store import KnowledgeGraph
from kg.store.backends import open_backend
from kg.vocab import PREFIXES, bind_prefixes
from service.executor import run_killable
from service.formats import GRAPH_FORMATS, GRAPH_NAMES, RESULT_FORMATS, RESULT_NAMES, Format, negotiate
from service.store import get_kg

__all__ = [
    "CheckedQuery",
    "ProtocolDataset",
    "answer",
    "bp",
    "check_escapes",
    "check_query",
    "protocol_dataset",
    "run_query",
]

bp = Blueprint("sparql", __name__)

TRUNCATED_HEADER = "X-DiploKG-Truncated"

_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


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


def check_escapes(text: str, where: str) -> None:
    """Refuse ``\\u`` escapes that name no character, before any engine expands them.

    Both engines expand ``\\uXXXX`` anywhere in the text; a surrogate
    (``\\uD800``) then reaches the result writers, which cannot encode it, and
    rdflib raises on a code point beyond U+10FFFF.
    """
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    try:
        expandUnicodeEscapes(text).encode("utf-8")
    except ValueError:  # UnicodeEncodeError is one
        raise QueryError(
            "the text escapes a code point that is not a character (a surrogate \\uD800-\\uDFFF, "
            "or beyond \\U0010FFFF)",
            where=where,
        ) from None


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
    check_escapes(text, "query")
    try:
        parsed = parseQuery(text)
    except ParseBaseException as exc:
        if _is_update(text):
            raise QueryError("updates are not allowed: this endpoint is read-only", where="query") from None
        raise QueryError(f"invalid SPARQL: {exc}", where="query") from None
    except RecursionError:
        raise QueryError(_TOO_COMPLEX, where="query") from None
    refuse_remote(parsed)
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


@dataclass(frozen=True)
class ProtocolDataset:
    """The dataset a request names with ``default-graph-uri`` / ``named-graph-uri`` (or the update variants)."""

    default: tuple[URIRef, ...] = ()
    named: tuple[URIRef, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


def _iri_params(name: str) -> tuple[URIRef, ...]:
    values = request.args.getlist(name)
    if request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded":
        values += request.form.getlist(name)
    out = []
    for value in values:
        if not _IRI.fullmatch(value):
            raise QueryError(f"{name} must be an absolute IRI, got {value[:80]!r}", where=name)
        out.append(URIRef(value))
    return tuple(out)


def protocol_dataset(default_param: str, named_param: str) -> ProtocolDataset:
    """The graphs named by the request's dataset parameters."""
    return ProtocolDataset(_iri_params(default_param), _iri_params(named_param))


def request_body_text(where: str) -> str:
    """The request body as text: it must be UTF-8 (SPARQL 1.1 Protocol 2.1.3)."""
    charset = (request.mimetype_params.get("charset") or "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise QueryError(f"the body must be UTF-8, not {charset}", where=where)
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError("the body is not valid UTF-8", where=where) from None


def _query_text() -> str:
    """The query of this request, from the query string, a form or the body."""
    if request.method in ("GET", "HEAD"):
        if "update" in request.args:
            raise QueryError("updates are not allowed: this endpoint is read-only", where="update")
        values = request.args.getlist("query")
    elif request.mimetype == "application/x-www-form-urlencoded":
        if "update" in request.form:
            raise QueryError("updates are not allowed: this endpoint is read-only", where="update")
        values = request.form.getlist("query") + request.args.getlist("query")
    elif request.mimetype == "application/sparql-query":
        if "query" in request.args:
            raise QueryError("give the query either in the body or as a parameter, not both", where="query")
        values = [request_body_text("body")]
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


def _cap_bindings(result: Result, cap: int) -> tuple[Result, bool]:
    with _engine_errors():
        rows = list(islice(result, cap + 1))
    names = list(result.vars or [])
    out = Result("SELECT")
    out.vars = names
    out.bindings = [{v: t for v, t in zip(names, row, strict=True) if t is not None} for row in rows[:cap]]
    return out, len(rows) > cap


def _cap_graph(result: Result, cap: int) -> tuple[Graph, bool]:
    graph = bind_prefixes(Graph())
    with _engine_errors():
        triples = list(islice(iter(result.graph or ()), cap + 1))
    for triple in triples[:cap]:
        graph.add(triple)
    return graph, len(triples) > cap


def open_dataset(url: str, kg: KnowledgeGraph):
    """The dataset a query child reads: the inherited one (memory) or a fresh read-only opening (Oxigraph).

    Call in the parent, just before the fork, and hand the result to the child.
    A fresh read-only opening has no threads of its own, so the child can use
    the copy it inherits. Opening in the child instead could block forever on a
    lock that one of the writer's background threads held at ``fork()``
    (observed: a write stuck until its deadline once in a few dozen).
    """
    if not url.startswith("oxigraph:"):
        return kg.dataset
    # A read-only opening can race with the writer's compaction (a table file
    # listed in the manifest is deleted meanwhile); opening again sees the new manifest.
    for attempt in range(10):
        try:
            return open_backend(url, read_only=True).dataset
        except RuntimeError as exc:
            if "No such file" not in str(exc) or attempt == 9:
                raise StoreError(f"cannot open the store read-only: {exc}") from None
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def run_query(dataset, text: str, spec: ProtocolDataset) -> Result:
    """Evaluate ``text`` on ``dataset``, over the protocol's dataset when one is given (child side)."""
    with _engine_errors():
        query = parse_query(text)
        defaults, named = dataset_clauses(query)
        if spec:
            defaults, named = list(spec.default), list(spec.named)
        if defaults or named:
            return evaluate_in_dataset(dataset, query, defaults, named)
        # No dataset: the union graph, through the store's own engine (native on Oxigraph).
        return dataset.query(text, initNs=PREFIXES)


def answer(dataset, checked: CheckedQuery, spec: ProtocolDataset, fmt: Format, cap: int) -> tuple[bytes, bool]:
    """Run the query and serialise its (capped) result: ``(body, truncated)`` (child side)."""
    result = run_query(dataset, checked.text, spec)
    truncated = False
    if checked.kind == "SELECT":
        result, truncated = _cap_bindings(result, cap)
        return fmt.write(result), truncated
    if checked.kind == "ASK":
        return fmt.write(result), False
    graph, truncated = _cap_graph(result, cap)
    return fmt.write(graph), truncated


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Answer one SPARQL query (see the module docstring)."""
    started = time.monotonic()
    kg = get_kg()
    spec = protocol_dataset("default-graph-uri", "named-graph-uri")
    checked = check_query(_query_text(), kg, current_app.config["SPARQL_MAX_QUERY_LENGTH"])
    cap = current_app.config["SPARQL_MAX_ROWS"]
    # Negotiate before running the query: a 406 should not cost a query.
    if checked.kind in ("SELECT", "ASK"):
        fmt = negotiate(RESULT_FORMATS, boolean=checked.kind == "ASK", names=RESULT_NAMES)
    else:
        fmt = negotiate(GRAPH_FORMATS, names=GRAPH_NAMES)
    dataset = open_dataset(kg.url, kg)
    body, truncated = run_killable(lambda: answer(dataset, checked, spec, fmt, cap), started=started)
    response = Response(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    if truncated:
        response.headers[TRUNCATED_HEADER] = "true"
    return response
