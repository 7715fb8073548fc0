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

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "Format", "negotiate"]


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


_JSON = Format("application/sparql-results+json", _rdflib_result("json"))

#: SELECT/ASK results by requested media type; the first is the default.
RESULT_FORMATS: dict[str, Format] = {
    "application/sparql-results+json": _JSON,
    # Plain JSON is asked for by many clients; they get SPARQL JSON.
    "application/json": _JSON,
    "application/sparql-results+xml": Format("application/sparql-results+xml", _rdflib_result("xml")),
    "text/csv": Format("text/csv; charset=utf-8", _rdflib_result("csv"), boolean=False),
    "text/tab-separated-values": Format("text/tab-separated-values; charset=utf-8", _tsv, boolean=False),
}

#: CONSTRUCT/DESCRIBE graphs by requested media type; the first is the default.
GRAPH_FORMATS: dict[str, Format] = {
    "text/turtle": Format("text/turtle; charset=utf-8", _rdflib_graph("turtle")),
    "application/n-triples": Format("application/n-triples", _rdflib_graph("nt")),
    "application/ld+json": Format("application/ld+json", _rdflib_graph("json-ld")),
    "application/rdf+xml": Format("application/rdf+xml", _rdflib_graph("xml")),
}


def negotiate(formats: dict[str, Format], *, boolean: bool = False) -> Format:
    """The format the request's ``Accept`` header prefers among ``formats``.

    No ``Accept`` header means the first format. ``boolean`` keeps only the
    formats that can carry an ASK answer. Raises a 406 if none is acceptable.
    """
    offers = [mime for mime, fmt in formats.items() if fmt.boolean or not boolean]
    if not request.accept_mimetypes:
        return formats[offers[0]]
    best = request.accept_mimetypes.best_match(offers)
    if best is None:
        raise NotAcceptable(f"cannot answer in any requested media type; available: {', '.join(offers)}")
    return formats[best]
