"""Analysis of the actor network: projection, paths, centrality, structure, change over time.

Layers:

* :mod:`kg.analysis.projection` turns the store's events into NetworkX graphs
  (SPARQL aggregation, cached per store revision and :class:`Filters`). It is
  the one module in ``kg`` that knows both rdflib and NetworkX.
* :mod:`~kg.analysis.paths`, :mod:`~kg.analysis.centrality`,
  :mod:`~kg.analysis.structure`, :mod:`~kg.analysis.export` are plain
  functions taking ``G`` first (NetworkX style).
* :mod:`kg.analysis.api` names actors by key, IRI or name and answers with
  JSON-ready results for the CLI and the service; :mod:`~kg.analysis.series`
  runs a measure per month, quarter or year.

Speed on large graphs: the graph functions accept ``backend=`` and pass it to
NetworkX; without it NetworkX's dispatch chooses. Install a backend (e.g.
``pip install nx-parallel``) and set ``NETWORKX_BACKEND_PRIORITY=parallel``
(NetworkX >= 3.4; ``NETWORKX_AUTOMATIC_BACKENDS`` before) to use it for every
supported algorithm without changing code.

From the store (``kg`` a :class:`~kg.store.KnowledgeGraph`)::

    G = project(kg, Filters(start="2024", exclude_modalities=["planned"])).graph
    shortest_paths(G, "Q7747", "Q3874799").paths[0].nodes

The graph functions work on any NetworkX graph:

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_edge("Q7747", "TUR", count=1, quad={1: 1}, events=["e1"])
>>> G.add_edge("TUR", "UKR", count=1, quad={2: 1}, events=["e2"])
>>> shortest_paths(G, "Q7747", "UKR").paths[0].nodes
['Q7747', 'TUR', 'UKR']
>>> betweenness(G).top(1)
[('TUR', 0.5)]
"""

from kg.analysis.centrality import (
    MEASURES,
    CentralityResult,
    betweenness,
    centrality,
    closeness,
    degree,
    eigenvector,
    pagerank,
)
from kg.analysis.filters import Filters
from kg.analysis.paths import Hop, Path, PathResult, shortest_paths
from kg.analysis.projection import Projection, actor_graph, project
from kg.analysis.structure import CommunityResult, communities, ego_network, network_summary

__all__ = [
    "MEASURES",
    "CentralityResult",
    "CommunityResult",
    "Filters",
    "Hop",
    "Path",
    "PathResult",
    "Projection",
    "actor_graph",
    "betweenness",
    "centrality",
    "closeness",
    "communities",
    "degree",
    "ego_network",
    "eigenvector",
    "network_summary",
    "pagerank",
    "project",
    "shortest_paths",
]
