"""Namespaces and the IRIs DiploKG mints.

``DKG`` is a closed namespace generated from ``data/ontology/diplokg.ttl``;
run ``python -m kg.vocab`` after editing the ontology to regenerate it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg._dkg import DKG
from kg.errors import InputError

__all__ = [
    "BASE",
    "DKG",
    "ID",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SKOS",
    "WD",
    "XSD",
    "actor_iri",
    "article_iri",
    "bind_prefixes",
    "cameo_iri",
    "event_iri",
    "graph_iri",
]

BASE = "https://diplokg.org/"
ID = Namespace(BASE + "id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

ACTOR = Namespace(BASE + "id/actor/")
ARTICLE = Namespace(BASE + "id/article/")
EVENT = Namespace(BASE + "id/event/")
CAMEO = Namespace(BASE + "id/cameo/")
GRAPH = Namespace(BASE + "graph/")

#: The named graph holding the ontology, CAMEO scheme and actor gazetteer.
REFERENCE_GRAPH = URIRef(BASE + "graph/reference")
#: The CAMEO concept scheme.
CAMEO_SCHEME = URIRef(BASE + "id/cameo/")

PREFIXES = {
    "dkg": URIRef(str(DKG)),
    "actor": URIRef(str(ACTOR)),
    "article": URIRef(str(ARTICLE)),
    "event": URIRef(str(EVENT)),
    "cameo": URIRef(str(CAMEO)),
    "sem": URIRef(str(SEM)),
    "prov": URIRef(str(PROV)),
    "schema": URIRef(str(SCHEMA)),
    "skos": URIRef(str(SKOS)),
    "owl": URIRef(str(OWL)),
    "rdfs": URIRef(str(RDFS)),
    "xsd": URIRef(str(XSD)),
    "wd": URIRef(str(WD)),
}

_ID_MAX = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_article_id(article_id: str) -> str:
    """Return ``article_id`` if it can name an article, else raise InputError.

    Any printable text up to 200 characters is allowed; it is percent-encoded
    in IRIs, so ``../`` and friends cannot escape the article namespace.
    """
    if not isinstance(article_id, str) or not article_id.strip():
        raise InputError("article id must be a non-empty string")
    if len(article_id) > _ID_MAX:
        raise InputError(f"article id is longer than {_ID_MAX} characters")
    if _CONTROL.search(article_id):
        raise InputError("article id contains control characters")
    return article_id


def _segment(text: str) -> str:
    encoded = quote(text, safe="-_~")
    # "." is left alone by quote(); encode it so "." and ".." are not path steps.
    return encoded.replace(".", "%2E")


def article_iri(article_id: str) -> URIRef:
    """IRI of an article node.

    >>> article_iri("bbc/2024 01")
    rdflib.term.URIRef('https://diplokg.org/id/article/bbc%2F2024%2001')
    """
    return ARTICLE[_segment(check_article_id(article_id))]


def graph_iri(article_id: str) -> URIRef:
    """IRI of the named graph that holds one article's triples."""
    return URIRef(f"{GRAPH}article/{_segment(check_article_id(article_id))}")


def article_id_from_graph(iri: str) -> str | None:
    """The article id named by an article graph IRI, or None."""
    from urllib.parse import unquote

    prefix = f"{GRAPH}article/"
    return unquote(iri[len(prefix) :]) if iri.startswith(prefix) else None


def event_iri(key: str) -> URIRef:
    """IRI of an event from its stable key (a hash)."""
    return EVENT[key]


def actor_iri(key: str) -> URIRef:
    """IRI of an actor: ``RUS``, ``Q7747`` or a slug.

    >>> actor_iri("RUS")
    rdflib.term.URIRef('https://diplokg.org/id/actor/RUS')
    """
    return ACTOR[_segment(key)]


def cameo_iri(code: str) -> URIRef:
    """IRI of a CAMEO concept; the code keeps its leading zeros."""
    return CAMEO[code]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind DiploKG's prefixes on ``graph`` (for readable exports)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def ontology_path() -> Path:
    from kg.resources import data_path

    return data_path("ontology", "diplokg.ttl")


def ontology_terms(path: Path | None = None) -> list[str]:
    """Local names of every term the ontology defines in the dkg: namespace."""
    g = Graph().parse(path or ontology_path(), format="turtle")
    ns = str(DKG)
    names = {str(s)[len(ns) :] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)}
    return sorted(n for n in names if n)


def generate_namespace_module(path: Path | None = None) -> str:
    """Source of ``kg/_dkg.py`` for the ontology at ``path``."""
    lines = [
        '"""Closed namespace for the DiploKG vocabulary.',
        "",
        "Generated from data/ontology/diplokg.ttl by ``python -m kg.vocab``; do not edit.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class DKG(DefinedNamespace):",
        "    _fail = True",
        "    _underscore_num = True",
        "",
    ]
    lines += [f"    {name}: URIRef" for name in ontology_terms(path)]
    lines += ["", f'    _NS = Namespace("{DKG}")', ""]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - developer tool
    target = Path(__file__).with_name("_dkg.py")
    target.write_text(generate_namespace_module())
    print(f"wrote {target}", file=sys.stderr)
