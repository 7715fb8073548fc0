"""Exports of the whole graph: Turtle, TriG, N-Triples, N-Quads, JSON-LD.

Triple formats (Turtle, N-Triples) merge every named graph into one graph;
dataset formats (TriG, N-Quads) keep each article's graph, and so its
provenance. JSON-LD keeps the graphs too (``@graph`` per named graph).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import InputError


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    dataset: bool
    rdflib_name: str
    ox_format: ox.RdfFormat
    ox_prefixes: bool = True


FORMATS: dict[str, Format] = {
    "turtle": Format("turtle", "text/turtle", "ttl", False, "turtle", ox.RdfFormat.TURTLE),
    "nt": Format("nt", "application/n-triples", "nt", False, "nt", ox.RdfFormat.N_TRIPLES, False),
    "trig": Format("trig", "application/trig", "trig", True, "trig", ox.RdfFormat.TRIG),
    "nquads": Format("nquads", "application/n-quads", "nq", True, "nquads", ox.RdfFormat.N_QUADS, False),
    "jsonld": Format("jsonld", "application/ld+json", "jsonld", True, "json-ld", ox.RdfFormat.JSON_LD),
}
ALIASES = {
    "ttl": "turtle",
    "n-triples": "nt",
    "ntriples": "nt",
    "nq": "nquads",
    "n-quads": "nquads",
    "json-ld": "jsonld",
}


def get_format(name: str) -> Format:
    """The export format called ``name`` (aliases such as ``ttl`` allowed).

    >>> get_format("ttl").media_type
    'text/turtle'
    """
    key = ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise InputError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[key]


def prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES

    return {k: str(v) for k, v in PREFIXES.items()}


def rdflib_export(dataset: Dataset, fmt: str) -> bytes:
    """Serialise an rdflib dataset in ``fmt`` (merged for triple formats)."""
    from kg.vocab import bind_prefixes

    spec = get_format(fmt)
    if spec.dataset:
        out = Dataset()
        bind_prefixes(out)
        for s, p, o, g in dataset.quads((None, None, None, None)):
            if g is not None and g != out.default_graph.identifier:
                out.graph(g).add((s, p, o))
        data = out.serialize(format=spec.rdflib_name, encoding="utf-8")
    else:
        merged = bind_prefixes(Graph())
        for triple in dataset.triples((None, None, None)):
            merged.add(triple)
        data = merged.serialize(format=spec.rdflib_name, encoding="utf-8")
    return data
