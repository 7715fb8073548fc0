"""Media types the service can answer in, and the ``Accept`` negotiation.

SPARQL results (SELECT, ASK) and RDF graphs (CONSTRUCT, DESCRIBE) have their
own tables; adding a format is one entry in :data:`RESULT_FORMATS` or
:data:`GRAPH_FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import request
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result
from werkzeug.exceptions import NotAcceptable

__all__ = ["GRAPH_FORMATS", "GRAPH_NAMES", "RESULT_FORMATS", "RESULT_NAMES", "Format", "negotiate"]


@dataclass(frozen=True)
class Format:
    """One way to write a result: the media type sent and a serialiser to bytes."""

    content_type: str
    write: Callable[[object], bytes]
    boolean: bool = True  # whether it can carry an ASK answer


def _rdflib_result(name: str) -> Callable[[object], bytes]:
    def write(result: object) -> bytes:
        assert isinstance(result, Result)
        return result.serialize(format=name, encoding="utf-8") or b""

    return write


def _tsv_term(term: object) -> str:
    """A term in SPARQL TSV syntax: N-Triples-like, with tabs and newlines escaped."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = str(term)
        for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            text = text.replace(raw, escaped)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return str(term)


def _tsv(result: object) -> bytes:
    assert isinstance(result, Result)
    names = list(result.vars or [])
    lines = ["\t".join(f"?{v}" for v in names)]
    lines += ["\t".join(_tsv_term(row.get(v)) for v in names) for row in result.bindings]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _rdflib_graph(name: str) -> Callable[[object], bytes]:
    def write(graph: object) -> bytes:
        assert isinstance(graph, Graph)
        return graph.serialize(format=name, encoding="utf-8")

    return write


_JSON = Format("application/sparql-results+json; charset=utf-8", _rdflib_result("json"))
_XML = Format("application/sparql-results+xml; charset=utf-8", _rdflib_result("xml"))
_CSV = Format("text/csv; charset=utf-8", _rdflib_result("csv"), boolean=False)
_TSV = Format("text/tab-separated-values; charset=utf-8", _tsv, boolean=False)

#: SELECT/ASK results by requested media type; the first is the default.
RESULT_FORMATS: dict[str, Format] = {
    "application/sparql-results+json": _JSON,
    # Plain JSON is asked for by many clients; they get SPARQL JSON.
    "application/json": _JSON,
    "application/sparql-results+xml": _XML,
    "text/csv": _CSV,
    "text/tab-separated-values": _TSV,
}

_TURTLE = Format("text/turtle; charset=utf-8", _rdflib_graph("turtle"))
_NT = Format("application/n-triples; charset=utf-8", _rdflib_graph("nt"))
_JSONLD = Format("application/ld+json; charset=utf-8", _rdflib_graph("json-ld"))
_RDFXML = Format("application/rdf+xml; charset=utf-8", _rdflib_graph("xml"))
_TRIG = Format("application/trig; charset=utf-8", _rdflib_graph("trig"))

#: CONSTRUCT/DESCRIBE graphs by requested media type; the first is the default.
GRAPH_FORMATS: dict[str, Format] = {
    "text/turtle": _TURTLE,
    "application/x-turtle": _TURTLE,
    "application/n-triples": _NT,
    "text/plain": _NT,  # the old N-Triples media type
    "application/ld+json": _JSONLD,
    "application/rdf+xml": _RDFXML,
    "application/trig": _TRIG,
}

#: Short names for the ``format`` parameter (as SPARQLWrapper and browsers send it).
RESULT_NAMES = {"json": _JSON, "xml": _XML, "csv": _CSV, "tsv": _TSV}
GRAPH_NAMES = {
    "turtle": _TURTLE,
    "ttl": _TURTLE,
    "nt": _NT,
    "ntriples": _NT,
    "n-triples": _NT,
    "json-ld": _JSONLD,
    "jsonld": _JSONLD,
    "json": _JSONLD,
    "xml": _RDFXML,
    "rdfxml": _RDFXML,
    "rdf": _RDFXML,
    "trig": _TRIG,
}


def negotiate(formats: dict[str, Format], *, boolean: bool = False, names: dict[str, Format] | None = None) -> Format:
    """The format the request asks for among ``formats``.

    A ``format`` parameter (a short name from ``names`` or a media type) wins
    over the ``Accept`` header, whose q-values and wildcards are honoured. No
    ``Accept`` header means the first format. ``boolean`` keeps only the
    formats that can carry an ASK answer. Raises a 406 if none is acceptable.
    """
    offers = [mime for mime, fmt in formats.items() if fmt.boolean or not boolean]
    override = request.args.get("format")
    if not override and request.mimetype == "application/x-www-form-urlencoded":
        override = request.form.get("format")
    if override:
        chosen = (names or {}).get(override.lower()) or (formats.get(override) if override in offers else None)
        if chosen is None or (boolean and not chosen.boolean):
            raise NotAcceptable(f"format={override!r} is not available here; available: {', '.join(offers)}")
        return chosen
    if not request.accept_mimetypes:
        return formats[offers[0]]
    best = request.accept_mimetypes.best_match(offers)
    if best is None:
        raise NotAcceptable(f"cannot answer in any requested media type; available: {', '.join(offers)}")
    return formats[best]
