"""DiploKG's network pages from the store: the whole network, an actor's ego network, a path.

Each returns the HTML string of :func:`kg.viz.render_network`; keyword
arguments (``nonce``, ``node_limit``, ``size_by``, ``color_by``,
``profile_link`` ...) pass through to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.analysis.api import find_paths
from kg.analysis.filters import Filters
from kg.analysis.projection import node_key, project
from kg.analysis.queries import event_evidence, resolve_actor
from kg.analysis.structure import ego_network
from kg.viz.network import render_network

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = ["actor_page", "network_page", "path_page"]


def _fetcher(kg: KnowledgeGraph):
    return lambda iris: event_evidence(kg, iris) if iris else {}


def _window_text(filters: Filters | None) -> str | None:
    if filters is None:
        return None
    params = filters.to_params()
    return "Filters: " + ", ".join(f"{k}={v}" for k, v in params.items()) if params else None


def network_page(kg: KnowledgeGraph, filters: Filters | None = None, **render_kw: Any) -> str:
    """The whole actor network under ``filters``."""
    projection = project(kg, filters)
    render_kw.setdefault("title", "DiploKG actor network")
    render_kw.setdefault("subtitle", _window_text(filters))
    notices = list(render_kw.pop("notices", ()))
    if projection.graph.number_of_nodes() == 0:
        notices.append("No events match this selection.")
    return render_network(projection.graph, evidence=_fetcher(kg), notices=notices, **render_kw)


def actor_page(
    kg: KnowledgeGraph, ident: str, *, depth: int = 1, filters: Filters | None = None, **render_kw: Any
) -> str:
    """The ego network of one actor (``depth`` links out, both directions)."""
    key = node_key(kg, resolve_actor(kg, ident), filters)
    G = project(kg, filters).graph
    notices = list(render_kw.pop("notices", ()))
    if key in G:
        H = ego_network(G, key, radius=depth)
        label = G.nodes[key].get("label", key)
    else:
        import networkx as nx

        H = nx.DiGraph()
        label = key
        notices.append(f"{key} has no events in this selection.")
    render_kw.setdefault("title", f"Network around {label}")
    render_kw.setdefault("subtitle", _window_text(filters))
    return render_network(H, keep=[key] if key in H else [], evidence=_fetcher(kg), notices=notices, **render_kw)


def path_page(
    kg: KnowledgeGraph,
    source: str,
    target: str,
    *,
    filters: Filters | None = None,
    k: int = 1,
    cost: str = "hops",
    quad_class: int | None = None,
    directed: bool = False,
    **render_kw: Any,
) -> str:
    """The best paths between two actors with their neighbourhood, the best path highlighted."""
    options = {"k": k, "cost": cost, "quad_class": quad_class, "directed": directed}
    result = find_paths(kg, source, target, filters=filters, evidence_per_hop=0, **options)
    G = project(kg, filters).graph
    notices = list(render_kw.pop("notices", ()))
    on_paths = list(dict.fromkeys(n for p in result.paths for n in p.nodes))
    ends = [n for n in (result.source, result.target) if n in G]
    if result.paths:
        nodes = set(on_paths)
    else:
        notices.append(f"No path: {result.reason}.")
        nodes = set(ends)
    # Show the direct neighbours too, so the path is seen in its context.
    for n in list(nodes):
        nodes.update(G.predecessors(n))
        nodes.update(G.successors(n))
    H = G.subgraph(nodes)
    best = result.paths[0].nodes if result.paths else None
    a, b = (G.nodes[n].get("label", n) if n in G else n for n in (result.source, result.target))
    render_kw.setdefault("title", f"From {a} to {b}")
    render_kw.setdefault("subtitle", _window_text(filters))
    return render_network(
        H, highlight_path=best, keep=on_paths or ends, evidence=_fetcher(kg), notices=notices, **render_kw
    )
