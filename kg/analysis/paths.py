"""Paths between actors, each hop carrying the events that make it.

Works on the weighted actor DiGraph of :mod:`kg.analysis.projection` (edge
attributes ``count``, ``quad``, ``events``, ``events_by_quad``, ``last``); a
plain NetworkX graph works too, missing attributes taking neutral defaults.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_edge("Q7747", "TUR", count=2, quad={1: 2}, events=["e1", "e2"], last="2024-02")
>>> G.add_edge("TUR", "UKR", count=1, quad={2: 1}, events=["e3"], last="2022")
>>> G.add_edge("RUS", "UKR", count=5, quad={4: 5}, events=["e4"], last="2024-01")
>>> result = shortest_paths(G, "Q7747", "UKR")
>>> result.paths[0].nodes, [h.events for h in result.paths[0].hops]
(['Q7747', 'TUR', 'UKR'], [['e1', 'e2'], ['e3']])
>>> shortest_paths(G, "Q7747", "RUS", directed=True).reason
'no path from Q7747 to RUS in this selection'
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from kg.analysis.filters import period_bounds
from kg.errors import InputError, NotFoundError

__all__ = ["COSTS", "Hop", "Path", "PathResult", "edge_cost_graph", "shortest_paths"]

#: Path costs: fewest hops; hops weighted to prefer cooperative links; hops weighted to prefer recent links.
COSTS = ("hops", "cooperative", "recent")
MAX_K = 50
#: Age (years) beyond which a link costs no more under ``cost="recent"``; undated links cost this much.
MAX_AGE_YEARS = 10.0


@dataclass
class Hop:
    """One step of a path: ``source`` to ``target`` in path order.

    ``directions`` says which way the events ran: ``"forward"`` (source acted on
    target), ``"backward"``, or both. ``evidence`` is filled by
    :func:`kg.analysis.api.attach_evidence`.
    """

    source: str
    target: str
    count: int
    quad: dict[int, int]
    events: list[str]
    directions: list[str]
    cost: float
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Path:
    nodes: list[str]
    hops: list[Hop]
    cost: float

    @property
    def length(self) -> int:
        return len(self.hops)


@dataclass
class PathResult:
    """Paths found between two actors, best first; ``reason`` says why there are none."""

    source: str
    target: str
    cost: str
    k: int
    directed: bool
    quad_class: int | None
    paths: list[Path]
    reason: str | None = None
    #: Node attributes (label, type, country) of the actors on the paths, by key.
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return bool(self.paths)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["found"] = self.found
        for path in out["paths"]:
            path["length"] = len(path["hops"])
            for hop in path["hops"]:
                hop["quad"] = {str(q): n for q, n in hop["quad"].items()}
        return out


def _check(G: nx.Graph, node: str, role: str) -> None:
    if node not in G:
        raise NotFoundError(f"{node!r} is not in the network", where=role)


def _end_day(value: str | None) -> date | None:
    if not value:
        return None
    return date.fromisoformat(period_bounds(value)[1])


def edge_cost_graph(
    G: nx.Graph,
    *,
    cost: str = "hops",
    quad_class: int | None = None,
    directed: bool = False,
) -> nx.Graph:
    """The graph paths are searched in: one edge per linked pair with a ``cost``.

    Parameters
    ----------
    G : networkx.DiGraph
        An actor network.
    cost : {"hops", "cooperative", "recent"}
        ``hops``: every link costs 1. ``cooperative``: ``1 + 2 * (share of
        conflict events)``, so a purely conflictual link costs 3. ``recent``:
        ``1 + age in years`` of the link's latest event, measured from the newest
        link in the graph and capped at :data:`MAX_AGE_YEARS`.
    quad_class : int, optional
        Keep only links with events of this quad class, and only those events.
    directed : bool
        Follow links only in the direction the events ran. By default a link
        counts both ways (who met whom matters more than who called).

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Edges carry ``cost``, ``count``, ``quad``, ``events``, ``directions``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("A", "B", count=4, quad={1: 3, 4: 1})
    >>> G.add_edge("B", "A", count=1, quad={3: 1})
    >>> W = edge_cost_graph(G, cost="cooperative")
    >>> W["A"]["B"]["count"], W["A"]["B"]["cost"], sorted(W["A"]["B"]["directions"])
    (5, 1.8, ['A>B', 'B>A'])
    """
    if cost not in COSTS:
        raise InputError(f"cost must be one of {', '.join(COSTS)}, got {cost!r}", where="cost")
    if quad_class is not None and quad_class not in (1, 2, 3, 4):
        raise InputError(f"quad class must be 1, 2, 3 or 4, got {quad_class!r}", where="quad")
    W: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    W.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        quad = dict(d.get("quad") or {})
        events = list(d.get("events") or [])
        count = int(d.get("count", d.get("weight", len(events) or 1)))
        if quad_class is not None:
            count = int(quad.get(quad_class, 0))
            if not count:
                continue
            quad = {quad_class: count}
            events = list((d.get("events_by_quad") or {}).get(quad_class, []))
        if W.has_edge(u, v):  # the reverse direction of a pair already seen (undirected)
            e = W[u][v]
            e["count"] += count
            for q, n in quad.items():
                e["quad"][q] = e["quad"].get(q, 0) + n
            e["events"] = sorted(set(e["events"]) | set(events))
            e["last"] = max(filter(None, (e["last"], d.get("last"))), default=None)
            e["directions"].append(f"{u}>{v}")
        else:
            W.add_edge(u, v, count=count, quad=quad, events=sorted(events), last=d.get("last"), directions=[f"{u}>{v}"])
    if cost == "hops":
        for _, _, e in W.edges(data=True):
            e["cost"] = 1.0
    elif cost == "cooperative":
        for _, _, e in W.edges(data=True):
            conflict = e["quad"].get(3, 0) + e["quad"].get(4, 0)
            e["cost"] = round(1.0 + 2.0 * conflict / max(e["count"], 1), 6)
    else:
        ends = {(u, v): _end_day(e["last"]) for u, v, e in W.edges(data=True)}
        newest = max((d for d in ends.values() if d), default=None)
        for (u, v), end in ends.items():
            age = MAX_AGE_YEARS if end is None or newest is None else (newest - end).days / 365.25
            W[u][v]["cost"] = round(1.0 + min(age, MAX_AGE_YEARS), 6)
    return W


def _hop(W: nx.Graph, u: str, v: str) -> Hop:
    e = W[u][v]
    directions = sorted(
        {"forward" if d == f"{u}>{v}" else "backward" for d in e["directions"]},
    )
    return Hop(
        source=u,
        target=v,
        count=e["count"],
        quad=dict(sorted(e["quad"].items())),
        events=list(e["events"]),
        directions=directions,
        cost=e["cost"],
    )


def shortest_paths(
    G: nx.Graph,
    source: str,
    target: str,
    *,
    k: int = 1,
    cost: str = "hops",
    quad_class: int | None = None,
    directed: bool = False,
    backend: str | None = None,
) -> PathResult:
    """The ``k`` best simple paths from ``source`` to ``target``.

    Parameters
    ----------
    G : networkx.DiGraph
        An actor network (see :mod:`kg.analysis.projection`).
    source, target : str
        Actor keys (nodes of ``G``).
    k : int
        How many paths (1 to 50), best first; ties in cost keep NetworkX's order.
    cost : {"hops", "cooperative", "recent"}
        What "best" means; see :func:`edge_cost_graph`.
    quad_class : int, optional
        Walk only links with events of this quad class.
    directed : bool
        Follow links only in the direction the events ran.
    backend : str, optional
        NetworkX backend for the path search (see :mod:`kg.analysis`).

    Returns
    -------
    PathResult
        ``paths`` (possibly empty, with ``reason`` set). Each hop lists its
        events; :func:`kg.analysis.api.attach_evidence` adds their sentences.

    Raises
    ------
    NotFoundError
        If ``source`` or ``target`` is not a node of ``G``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("A", "B", count=1, quad={4: 1})
    >>> G.add_edge("B", "D", count=1, quad={4: 1})
    >>> G.add_edge("A", "C", count=1, quad={1: 1})
    >>> G.add_edge("C", "E", count=1, quad={1: 1})
    >>> G.add_edge("E", "D", count=1, quad={1: 1})
    >>> shortest_paths(G, "A", "D").paths[0].nodes
    ['A', 'B', 'D']
    >>> shortest_paths(G, "A", "D", cost="cooperative").paths[0].nodes
    ['A', 'C', 'E', 'D']
    >>> [p.nodes for p in shortest_paths(G, "A", "D", k=5).paths]
    [['A', 'B', 'D'], ['A', 'C', 'E', 'D']]
    >>> shortest_paths(G, "A", "D", quad_class=2).found
    False
    """
    _check(G, source, "from")
    _check(G, target, "to")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InputError(f"k must be a whole number from 1 to {MAX_K}, got {k!r}", where="k")
    result = PathResult(source, target, cost, k, directed, quad_class, [])
    W = edge_cost_graph(G, cost=cost, quad_class=quad_class, directed=directed)
    if source == target:
        result.paths.append(Path([source], [], 0.0))
        result.reason = "source and target are the same actor"
        result.actors[source] = {k: G.nodes[source].get(k) for k in ("label", "type", "country")}
        return result
    kw: dict[str, Any] = {"backend": backend} if backend else {}
    weight = None if cost == "hops" else "cost"
    try:
        if k == 1:
            found = [nx.shortest_path(W, source, target, weight=weight, **kw)]
        else:
            found = list(itertools.islice(nx.shortest_simple_paths(W, source, target, weight=weight, **kw), k))
    except nx.NetworkXNoPath:
        found = []
    for nodes in found:
        hops = [_hop(W, u, v) for u, v in itertools.pairwise(nodes)]
        result.paths.append(Path(list(nodes), hops, round(sum(h.cost for h in hops), 6)))
    for node in {n for p in result.paths for n in p.nodes} | {source, target}:
        attrs = G.nodes[node]
        result.actors[node] = {k: attrs.get(k) for k in ("label", "type", "country")}
    if not result.paths:
        how = f" through quad class {quad_class} links" if quad_class else ""
        result.reason = f"no path from {source} to {target}{how} in this selection"
    return result
