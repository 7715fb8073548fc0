"""Structure of the actor network: communities, ego networks, a summary.

>>> import networkx as nx
>>> G = nx.DiGraph([("RUS", "BLR"), ("BLR", "RUS"), ("USA", "GBR"), ("GBR", "USA"), ("RUS", "USA")])
>>> communities(G).communities
[['BLR', 'RUS'], ['GBR', 'USA']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.errors import InputError, NotFoundError

__all__ = ["CommunityResult", "communities", "ego_network", "network_summary", "undirected"]


@dataclass
class CommunityResult:
    """Communities, largest first (members sorted), with their modularity."""

    communities: list[list[Any]]
    modularity: float
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def membership(self) -> dict[Any, int]:
        """Community index of every node."""
        return {node: i for i, members in enumerate(self.communities) for node in members}

    def to_json(self, G: nx.Graph | None = None) -> dict[str, Any]:
        rows = []
        for i, members in enumerate(self.communities):
            row: dict[str, Any] = {"id": i, "size": len(members), "members": members}
            if G is not None:
                row["labels"] = [G.nodes[m].get("label", m) for m in members]
            rows.append(row)
        return {"algorithm": "louvain", "modularity": self.modularity, "params": self.params, "communities": rows}


def communities(
    G: nx.Graph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    weighted: bool = True,
    threshold: float = 1e-07,
    backend: str | None = None,
) -> CommunityResult:
    """Louvain communities (:func:`networkx.community.louvain_communities`), seeded.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed graphs use directed modularity.
    seed : int
        Random seed; the same graph and seed give the same communities.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    weighted : bool
        Weight ties by event count (edge ``weight``).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 0)
    >>> r = communities(G)
    >>> len(r.communities), r.membership[0] == r.membership[3], r.membership[0] == r.membership[7]
    (2, True, False)
    """
    params = {"seed": seed, "resolution": resolution, "weighted": weighted}
    weight = "weight" if weighted else None
    if G.number_of_edges() == 0:
        parts = [[n] for n in sorted(G.nodes, key=str)]
        return CommunityResult(parts, 0.0, params)
    kw: dict[str, Any] = {"backend": backend} if backend else {}
    found = nx.community.louvain_communities(
        G, weight=weight, resolution=resolution, threshold=threshold, seed=seed, **kw
    )
    parts = sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))
    q = nx.community.modularity(G, [set(c) for c in parts], weight=weight, resolution=resolution)
    return CommunityResult(parts, round(q, 6), params)


def ego_network(G: nx.Graph, center: Any, *, radius: int = 1, undirected: bool = True) -> nx.Graph:
    """The actors within ``radius`` links of ``center``, with the links among them.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    center : node
        The actor (NotFoundError if it is not in ``G``).
    radius : int
        Depth, 1 to 4.
    undirected : bool
        Count links in both directions when measuring the distance (default).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("RUS", "UKR"), ("TUR", "RUS"), ("USA", "TUR")])
    >>> sorted(ego_network(G, "RUS"))
    ['RUS', 'TUR', 'UKR']
    >>> sorted(ego_network(G, "RUS", radius=2))
    ['RUS', 'TUR', 'UKR', 'USA']
    """
    if center not in G:
        raise NotFoundError(f"{center!r} is not in the network", where="actor")
    if isinstance(radius, bool) or not isinstance(radius, int) or not 1 <= radius <= 4:
        raise InputError(f"depth must be 1 to 4, got {radius!r}", where="depth")
    return nx.ego_graph(G, center, radius=radius, undirected=undirected)


def network_summary(G: nx.Graph) -> dict[str, Any]:
    """Size, events, density and connectedness of an actor network.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("RUS", "UKR", weight=3)
    >>> G.add_node("TUR")
    >>> s = network_summary(G)
    >>> s["actors"], s["relations"], s["events"], s["components"], s["largest_component"]
    (3, 1, 3, 2, 2)
    """
    n = G.number_of_nodes()
    if n == 0:
        parts: list[set[Any]] = []
    elif G.is_directed():
        parts = list(nx.weakly_connected_components(G))
    else:
        parts = list(nx.connected_components(G))
    return {
        "actors": n,
        "relations": G.number_of_edges(),
        "events": int(sum(w for _, _, w in G.edges(data="weight", default=1))),
        "density": round(nx.density(G), 6) if n > 1 else 0.0,
        "components": len(parts),
        "largest_component": max((len(p) for p in parts), default=0),
    }


def undirected(G: nx.Graph) -> nx.Graph:
    """The undirected view of an actor network, the two directions of a pair merged.

    Counts, quad classes, CAMEO roots, Goldstein sums and events are added up,
    dates widened, ``distance`` is ``1 / weight`` (NetworkX's ``to_undirected``
    would keep one direction's attributes).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("RUS", "UKR", weight=3, count=3, quad={4: 3})
    >>> G.add_edge("UKR", "RUS", weight=1, count=1, quad={3: 1})
    >>> U = undirected(G)
    >>> U["RUS"]["UKR"]["weight"], U["RUS"]["UKR"]["quad"]
    (4, {3: 1, 4: 3})
    """
    if not G.is_directed():
        return G
    U = nx.Graph()
    U.graph.update(G.graph)
    U.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if U.has_edge(u, v):
            e = U[u][v]
            for key in ("weight", "count"):
                if key in d:
                    e[key] = e.get(key, 0) + d[key]
            quad = dict(e.get("quad") or {})
            for q, n in (d.get("quad") or {}).items():
                quad[q] = quad.get(q, 0) + n
            e["quad"] = dict(sorted(quad.items()))
            if "events" in d:
                e["events"] = sorted(set(e.get("events", [])) | set(d["events"]))
            roots = dict(e.get("roots") or {})
            for r, n in (d.get("roots") or {}).items():
                roots[r] = roots.get(r, 0) + n
            if roots:
                e["roots"] = dict(sorted(roots.items()))
            for key in ("goldstein_sum", "goldstein_n"):
                if key in d:
                    e[key] = e.get(key, 0) + d[key]
            if e.get("goldstein_n"):
                e["goldstein_mean"] = round(e["goldstein_sum"] / e["goldstein_n"], 3)
            dates = [x for x in (e.get("first"), d.get("first")) if x]
            e["first"] = min(dates) if dates else None
            dates = [x for x in (e.get("last"), d.get("last")) if x]
            e["last"] = max(dates) if dates else None
        else:
            U.add_edge(u, v, **{k: (dict(x) if isinstance(x, dict) else x) for k, x in d.items()})
    for _, _, e in U.edges(data=True):
        if e.get("weight"):
            e["distance"] = 1.0 / e["weight"]
    return U
