"""The knowledge graph store: one named graph per article over rdflib.

>>> from kg.store import KnowledgeGraph
>>> kg = KnowledgeGraph("memory:")
>>> kg.stats()["articles"]
0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

from kg.errors import NotFoundError, QueryError
from kg.model import Article, Event
from kg.store.backends import Backend, default_store_url, open_backend
from kg.store.rdf import article_graph, reference_graph, reference_hash
from kg.vocab import PREFIXES, REFERENCE_GRAPH, article_id_from_graph, graph_iri

__all__ = ["ArticleState", "KnowledgeGraph", "default_store_url"]

_NS = {k: v for k, v in PREFIXES.items()}


@dataclass(frozen=True)
class ArticleState:
    """What the store knows about an article already stored."""

    content_hash: str
    extractor: str


class KnowledgeGraph:
    """DiploKG's RDF store.

    Parameters
    ----------
    url : str, optional
        ``memory:`` or ``oxigraph:PATH``; defaults to ``DIPLOKG_STORE`` or an
        Oxigraph store in the user's data directory.
    read_only : bool
        Open without write access (Oxigraph only).

    The default graph is the union of all named graphs; each article lives in
    its own named graph, and the ontology, CAMEO scheme and gazetteer in the
    reference graph.
    """

    def __init__(self, url: str | None = None, *, read_only: bool = False) -> None:
        self.backend: Backend = open_backend(url or default_store_url(), read_only=read_only)
        self.url = self.backend.url
        self.revision = 0
        if not read_only:
            self.ensure_reference()

    # -------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dataset(self):
        """The rdflib Dataset (default graph = union of named graphs)."""
        return self.backend.dataset

    def ensure_reference(self) -> bool:
        """(Re)load the reference graph if its data files changed. True if loaded."""
        wanted = reference_hash()
        if self.ask(
            "ASK { GRAPH ?g { ?g dkg:contentHash ?h } }",
            {"g": REFERENCE_GRAPH, "h": Literal(wanted)},
        ):
            return False
        self.backend.replace_graphs([reference_graph()])
        self.revision += 1
        return True

    # -------------------------------------------------------------- reading

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Result:
        """Run a SPARQL query over the union graph; ``bindings`` are bound, not spliced."""
        from kg.sparql import bind_values

        text = bind_values(sparql, bindings or {})
        try:
            return self.dataset.query(text, initNs=_NS)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from None
        except Exception as exc:
            # rdflib's parser raises pyparsing errors, which share no useful base class.
            if type(exc).__module__.startswith(("pyparsing", "rdflib.plugins.sparql")):
                raise QueryError(f"invalid SPARQL: {exc}") from None
            raise

    def ask(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> bool:
        return bool(self.query(sparql, bindings).askAnswer)

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts of Python values (None when unbound)."""
        result = self.query(sparql, bindings)
        names = [str(v) for v in result.vars or []]
        return [{n: (None if row[i] is None else row[i].toPython()) for i, n in enumerate(names)} for row in result]

    def article_states(self, ids: Iterable[str]) -> dict[str, ArticleState]:
        """Stored hash and extractor version of those of ``ids`` already in the store."""
        out = {}
        for article_id in ids:
            rows = self.select(
                "SELECT ?h ?x WHERE { GRAPH ?g { ?a dkg:contentHash ?h ; dkg:extractor ?x } }",
                {"g": graph_iri(article_id)},
            )
            if rows:
                out[article_id] = ArticleState(rows[0]["h"], rows[0]["x"])
        return out

    def article_ids(self) -> list[str]:
        names = [str(g) for g in self.named_graphs()]
        return sorted(i for i in map(article_id_from_graph, names) if i is not None)

    def named_graphs(self) -> list[URIRef]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [row[0] for row in rows]

    def article_graph(self, article_id: str) -> Graph:
        """The named graph of one article (NotFoundError if absent)."""
        name = graph_iri(article_id)
        result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": name})
        g = Graph(identifier=name)
        for triple in result:
            g.add(triple)
        if not len(g):
            raise NotFoundError(f"no article with id {article_id!r}")
        return g

    def stats(self) -> dict[str, int]:
        """Counts of articles, events, actors in events, named graphs and triples."""
        row = self.select(
            """SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?e) AS ?events)
                      (COUNT(DISTINCT ?actor) AS ?actors) WHERE {
                 { ?a a schema:NewsArticle } UNION { ?e a dkg:Event }
                 UNION { ?x dkg:source|dkg:target ?actor }
               }"""
        )[0]
        triples = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
        return {
            "articles": int(row["articles"]),
            "events": int(row["events"]),
            "actors": int(row["actors"]),
            "graphs": len(self.named_graphs()),
            "triples": int(triples),
        }

    # -------------------------------------------------------------- writing

    def write_articles(self, items: Iterable[tuple[Article, list[Event]]], extractor: str) -> int:
        """Store articles with their events, each replacing its own named graph.

        Each article is written all-or-nothing. Returns how many were written.
        """
        graphs = [article_graph(article, events, extractor) for article, events in items]
        if graphs:
            self.backend.replace_graphs(graphs)
            self.revision += 1
        return len(graphs)

    def delete_article(self, article_id: str) -> None:
        if article_id not in self.article_states([article_id]):
            raise NotFoundError(f"no article with id {article_id!r}")
        self.backend.drop_graph(graph_iri(article_id))
        self.revision += 1

    def export(self, fmt: str = "turtle") -> bytes:
        """The whole store serialised; see :mod:`kg.export`."""
        from kg.export import get_format

        return self.backend.export(get_format(fmt).name)
