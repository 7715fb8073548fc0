"""Store-level analysis for the CLI and the service: actor names in, JSON-ready answers out.

These resolve actor identifiers against the store, project the network under
the given filters (cached), run the graph functions of this package and add
evidence from the store. The graph functions themselves take ``G`` first and
know nothing of the store.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from kg.analysis.centrality import CentralityResult, betweenness, centrality, degree, pagerank
from kg.analysis.filters import Filters
from kg.analysis.paths import PathResult, shortest_paths
from kg.analysis.projection import node_key, project
from kg.analysis.queries import actor_timeline, describe_actor, event_evidence, resolve_actor
from kg.analysis.structure import communities, network_summary
from kg.analysis.structure import undirected as undirected_view

if TYPE_CHECKING:
    import networkx as nx

    from kg.store import KnowledgeGraph

__all__ = [
    "SAMPLE_ABOVE",
    "actor_profile",
    "attach_evidence",
    "community_report",
    "find_paths",
    "rank_actors",
]

#: Above this many actors, betweenness computed on the caller's behalf is sampled.
SAMPLE_ABOVE = 2000
#: Sample size of that betweenness.
SAMPLE_K = 500


def attach_evidence(kg: KnowledgeGraph, result: PathResult, per_hop: int = 5) -> PathResult:
    """Fill each hop's ``evidence`` with up to ``per_hop`` events: sentence, date, article; newest first."""
    hops = [hop for path in result.paths for hop in path.hops]
    # Look at a bounded number of events per hop, then keep the newest.
    wanted = {iri for hop in hops for iri in hop.events[:200]}
    found = event_evidence(kg, sorted(wanted)) if wanted else {}
    for hop in hops:
        rows = [found[i] for i in hop.events[:200] if i in found]
        rows.sort(key=lambda r: (r["date"] is not None, r["date"] or ""), reverse=True)
        hop.evidence = rows[:per_hop]
    return result


def find_paths(
    kg: KnowledgeGraph,
    source: str,
    target: str,
    *,
    filters: Filters | None = None,
    k: int = 1,
    cost: str = "hops",
    quad_class: int | None = None,
    directed: bool = False,
    evidence_per_hop: int = 5,
) -> PathResult:
    """Paths between two actors named by key, IRI, QID or name, with evidence.

    Unknown actors raise :class:`~kg.errors.NotFoundError`; actors known to the
    store but without events in the selection give an empty result whose
    ``reason`` says so.
    """
    src, tgt = (node_key(kg, resolve_actor(kg, x), filters) for x in (source, target))
    G = project(kg, filters).graph
    missing = [key for key in dict.fromkeys((src, tgt)) if key not in G]
    if missing:
        result = PathResult(src, tgt, cost, k, directed, quad_class, [])
        result.reason = f"no events of {' or '.join(missing)} in this selection"
        return result
    result = shortest_paths(G, src, tgt, k=k, cost=cost, quad_class=quad_class, directed=directed)
    if evidence_per_hop:
        attach_evidence(kg, result, evidence_per_hop)
    return result


def _auto_betweenness(G: nx.Graph) -> CentralityResult:
    n = G.number_of_nodes()
    return betweenness(G, k=SAMPLE_K, seed=0) if n > SAMPLE_ABOVE else betweenness(G)


def rank_actors(
    kg: KnowledgeGraph,
    measure: str = "pagerank",
    *,
    filters: Filters | None = None,
    top: int = 20,
    actor_type: str | None = None,
    undirected: bool = False,
    **measure_kw: Any,
) -> dict[str, Any]:
    """The ``top`` actors by ``measure`` (optionally only those of ``actor_type``), JSON-ready.

    ``undirected`` computes on the network with both directions of a pair merged
    (see :func:`kg.analysis.structure.undirected`).

    Betweenness on networks above :data:`SAMPLE_ABOVE` actors is sampled
    (``k=500``, seed 0) unless ``k`` is given; the response says so.
    """
    projection = project(kg, filters)
    G = undirected_view(projection.graph) if undirected else projection.graph
    if measure == "betweenness" and "k" not in measure_kw and G.number_of_nodes() > SAMPLE_ABOVE:
        measure_kw = {**measure_kw, "k": SAMPLE_K}
    result = centrality(G, measure, **measure_kw)
    if actor_type:
        keep = {n for n, t in G.nodes(data="type") if t == actor_type}
        result = CentralityResult(
            result.measure,
            {n: s for n, s in result.scores.items() if n in keep},
            {**result.params, "actor_type": actor_type, "undirected": undirected},
            result.exact,
            result.converged,
            result.note,
        )
    out = result.to_json(top=top, G=G)
    out["params"]["undirected"] = undirected
    out["network"] = projection.summary()
    return out


def actor_profile(kg: KnowledgeGraph, ident: str, *, filters: Filters | None = None, top: int = 5) -> dict[str, Any]:
    """Identity, event counts, top partners, centrality ranks and timeline of one actor."""
    key = node_key(kg, resolve_actor(kg, ident), filters)
    identity = describe_actor(kg, key)
    projection = project(kg, filters)
    G = projection.graph
    counts: dict[str, Any] = {"as_source": 0, "as_target": 0, "by_quad": {str(q): 0 for q in (1, 2, 3, 4)}}
    partners: dict[str, dict[str, Any]] = defaultdict(lambda: {"out": 0, "in": 0, "quad": defaultdict(int)})
    if key in G:
        for _, other, d in G.out_edges(key, data=True):
            counts["as_source"] += d["count"]
            partners[other]["out"] += d["count"]
            for q, n in d["quad"].items():
                counts["by_quad"][str(q)] += n
                partners[other]["quad"][str(q)] += n
        for other, _, d in G.in_edges(key, data=True):
            counts["as_target"] += d["count"]
            if other == key:  # a self-loop is counted once, as source
                continue
            partners[other]["in"] += d["count"]
            for q, n in d["quad"].items():
                counts["by_quad"][str(q)] += n
                partners[other]["quad"][str(q)] += n
    ranked = sorted(partners.items(), key=lambda kv: (-(kv[1]["out"] + kv[1]["in"]), kv[0]))[:top]
    top_partners = [
        {
            "key": other,
            "label": G.nodes[other].get("label", other),
            "type": G.nodes[other].get("type"),
            "events": p["out"] + p["in"],
            "out": p["out"],
            "in": p["in"],
            "by_quad": dict(p["quad"]),
        }
        for other, p in ranked
    ]
    ranks = {}
    if key in G:
        for result in (pagerank(G), _auto_betweenness(G), degree(G)):
            entry: dict[str, Any] = {"of": G.number_of_nodes(), "exact": result.exact, "note": result.note}
            if result.converged:
                entry.update(rank=result.ranks()[key], score=result.scores[key])
            ranks[result.measure] = entry
    return {
        "actor": identity,
        "in_network": key in G,
        "events": counts,
        "partners": top_partners,
        "centrality": ranks,
        "timeline": actor_timeline(kg, key, filters),
        "network": projection.summary(),
    }


def community_report(
    kg: KnowledgeGraph, *, filters: Filters | None = None, seed: int = 0, resolution: float = 1.0
) -> dict[str, Any]:
    """Louvain communities of the network, JSON-ready, with a network summary."""
    G = project(kg, filters).graph
    out = communities(G, seed=seed, resolution=resolution).to_json(G)
    out["network"] = network_summary(G)
    return out
