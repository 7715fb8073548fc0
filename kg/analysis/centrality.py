"""Centrality of actors in the actor network.

Each function takes the graph first, calls NetworkX, and returns a
:class:`CentralityResult` that states how the numbers were made (exact or
sampled, weighted or not, converged or not), so an API response can say it.

Weights: ``weight`` on the projection's edges is the event count (more
events = stronger tie); distance-based measures (betweenness, closeness) use
``distance = 1 / weight`` when ``weighted=True``.

Every function passes ``backend=`` to NetworkX when given; with no argument
NetworkX's own dispatch applies (``NETWORKX_BACKEND_PRIORITY``), so an
installed backend such as ``nx-parallel`` speeds these up without code changes.

>>> import networkx as nx
>>> G = nx.DiGraph([("RUS", "TUR"), ("TUR", "UKR")])
>>> betweenness(G).top(1)
[('TUR', 0.5)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.errors import InputError

__all__ = [
    "MEASURES",
    "CentralityResult",
    "betweenness",
    "centrality",
    "closeness",
    "degree",
    "eigenvector",
    "pagerank",
]

#: Measures by name, as accepted by :func:`centrality`, ``diplokg centrality`` and the API.
MEASURES = ("degree", "in_degree", "out_degree", "betweenness", "pagerank", "eigenvector", "closeness")


@dataclass
class CentralityResult:
    """Scores of one measure, with how they were computed.

    ``exact`` is False for sampled betweenness; ``converged`` is False when a
    power iteration (PageRank, eigenvector) stopped before converging, in which
    case ``scores`` is empty and ``note`` says what to try.
    """

    measure: str
    scores: dict[Any, float]
    params: dict[str, Any] = field(default_factory=dict)
    exact: bool = True
    converged: bool = True
    note: str | None = None

    def ranking(self, among: Any = None) -> list[tuple[Any, float]]:
        """Nodes by score, highest first (ties by node key); ``among`` limits to those nodes."""
        items = self.scores.items()
        if among is not None:
            wanted = set(among)
            items = [(n, s) for n, s in items if n in wanted]
        return sorted(items, key=lambda kv: (-kv[1], str(kv[0])))

    def top(self, n: int = 10, among: Any = None) -> list[tuple[Any, float]]:
        """The ``n`` highest-scoring nodes (see :meth:`ranking`)."""
        return self.ranking(among)[:n]

    def ranks(self) -> dict[Any, int]:
        """1-based rank of every node (ties broken by node key)."""
        return {node: i for i, (node, _) in enumerate(self.ranking(), start=1)}

    def to_json(self, top: int | None = None, G: nx.Graph | None = None) -> dict[str, Any]:
        """JSON-ready form; with ``G``, each row carries the node's label and type."""
        rows = []
        for rank, (node, score) in enumerate(self.ranking()[:top] if top else self.ranking(), start=1):
            row: dict[str, Any] = {"key": node, "score": score, "rank": rank}
            if G is not None and node in G:
                attrs = G.nodes[node]
                row.update({k: attrs.get(k) for k in ("label", "type", "country")})
            rows.append(row)
        return {
            "measure": self.measure,
            "exact": self.exact,
            "converged": self.converged,
            "note": self.note,
            "params": self.params,
            "nodes": len(self.scores),
            "scores": rows,
        }


def _kw(backend: str | None) -> dict[str, Any]:
    return {"backend": backend} if backend else {}


def degree(
    G: nx.Graph, *, direction: str = "total", weighted: bool = False, backend: str | None = None
) -> CentralityResult:
    """Degree centrality: how many actors (or, weighted, how many events) an actor is tied to.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    direction : {"total", "in", "out"}
        ``in`` counts ties where the actor is the target, ``out`` where it acts.
    weighted : bool
        Sum of edge ``weight`` (events) instead of NetworkX's normalised degree
        centrality (ties / (n - 1)).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("RUS", "UKR", weight=5)
    >>> G.add_edge("TUR", "UKR", weight=1)
    >>> degree(G, direction="in").scores["UKR"]
    1.0
    >>> degree(G, direction="in", weighted=True).scores["UKR"]
    6.0
    """
    if direction not in ("total", "in", "out"):
        raise InputError(f"direction must be total, in or out, got {direction!r}", where="direction")
    if direction != "total" and not G.is_directed():
        raise InputError("in and out degree need a directed graph", where="direction")
    measure = {"total": "degree", "in": "in_degree", "out": "out_degree"}[direction]
    params = {"direction": direction, "weighted": weighted}
    if weighted:
        view = {"total": G.degree, "in": getattr(G, "in_degree", None), "out": getattr(G, "out_degree", None)}[
            direction
        ]
        scores = {n: float(d) for n, d in view(weight="weight")}
    else:
        fn = {
            "total": nx.degree_centrality,
            "in": nx.in_degree_centrality,
            "out": nx.out_degree_centrality,
        }[direction]
        scores = fn(G, **_kw(backend))
    return CentralityResult(measure, scores, params)


def betweenness(
    G: nx.Graph,
    *,
    k: int | None = None,
    seed: int | None = 0,
    weighted: bool = False,
    normalized: bool = True,
    backend: str | None = None,
) -> CentralityResult:
    """Betweenness centrality: how often an actor lies on shortest paths between others (brokerage).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    k : int, optional
        Sample ``k`` source nodes instead of all (for large graphs); the result
        says ``exact=False``. A ``k`` at or above the node count is exact.
    seed : int, optional
        Random seed of the sample (default 0, so repeated calls agree).
    weighted : bool
        Use edge ``distance`` (``1 / events``): strong ties are short.
    normalized : bool
        As in :func:`networkx.betweenness_centrality`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["A", "B", "C", "D"])
    >>> r = betweenness(G)
    >>> r.exact, round(r.scores["B"], 3)
    (True, 0.667)
    >>> r = betweenness(G, k=2, seed=1)
    >>> r.exact, r.params["k"]
    (False, 2)
    """
    n = G.number_of_nodes()
    if k is not None and (isinstance(k, bool) or not isinstance(k, int) or k < 1):
        raise InputError(f"k must be a positive whole number, got {k!r}", where="k")
    sampled = k is not None and k < n
    weight = "distance" if weighted else None
    kw = {"k": k, "seed": seed} if sampled else {}
    scores = nx.betweenness_centrality(G, normalized=normalized, weight=weight, **kw, **_kw(backend))
    params: dict[str, Any] = {"weighted": weighted, "normalized": normalized, "k": k if sampled else None}
    note = None
    if sampled:
        params["seed"] = seed
        note = f"estimated from {k} sampled source actors of {n} (seed {seed})"
    return CentralityResult("betweenness", scores, params, exact=not sampled, note=note)


def _power_iteration_failed(measure: str, params: dict[str, Any], max_iter: int) -> CentralityResult:
    return CentralityResult(
        measure,
        {},
        params,
        converged=False,
        note=f"{measure} did not converge in {max_iter} iterations; raise max_iter or tol, or use pagerank",
    )


def pagerank(
    G: nx.Graph,
    *,
    alpha: float = 0.85,
    weighted: bool = True,
    max_iter: int = 100,
    tol: float = 1e-06,
    backend: str | None = None,
) -> CentralityResult:
    """PageRank: an actor matters if actors that matter act on it.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    alpha : float
        Damping factor.
    weighted : bool
        Weight links by event count (edge ``weight``).
    max_iter, tol : int, float
        Power iteration limits; if they are hit the result has
        ``converged=False`` and no scores (no exception).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("RUS", "UKR"), ("TUR", "UKR"), ("UKR", "TUR")])
    >>> pagerank(G).top(1)[0][0]
    'UKR'
    >>> pagerank(G, max_iter=1).converged
    False
    """
    params = {"alpha": alpha, "weighted": weighted, "max_iter": max_iter, "tol": tol}
    try:
        scores = nx.pagerank(
            G, alpha=alpha, weight="weight" if weighted else None, max_iter=max_iter, tol=tol, **_kw(backend)
        )
    except nx.PowerIterationFailedConvergence:
        return _power_iteration_failed("pagerank", params, max_iter)
    return CentralityResult("pagerank", scores, params)


def eigenvector(
    G: nx.Graph,
    *,
    weighted: bool = True,
    max_iter: int = 100,
    tol: float = 1e-06,
    backend: str | None = None,
) -> CentralityResult:
    """Eigenvector centrality: an actor matters if it is tied to actors that matter.

    On a directed graph NetworkX uses in-links (who acts on the actor). Graphs
    that are not strongly connected may give zeros or fail to converge; the
    result then says ``converged=False`` instead of raising.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")])
    >>> eigenvector(G).top(1)[0][0]
    'C'
    >>> eigenvector(nx.Graph()).note
    'eigenvector centrality is undefined for an empty network'
    """
    params = {"weighted": weighted, "max_iter": max_iter, "tol": tol}
    if G.number_of_nodes() == 0:
        note = "eigenvector centrality is undefined for an empty network"
        return CentralityResult("eigenvector", {}, params, note=note)
    try:
        scores = nx.eigenvector_centrality(
            G, weight="weight" if weighted else None, max_iter=max_iter, tol=tol, **_kw(backend)
        )
    except nx.PowerIterationFailedConvergence:
        return _power_iteration_failed("eigenvector", params, max_iter)
    return CentralityResult("eigenvector", scores, params)


def closeness(
    G: nx.Graph, *, weighted: bool = False, wf_improved: bool = True, backend: str | None = None
) -> CentralityResult:
    """Closeness centrality: how near an actor is to all the others.

    On a directed graph NetworkX measures incoming distance (how easily others
    reach the actor). ``weighted`` uses edge ``distance`` (``1 / events``).

    Examples
    --------
    >>> import networkx as nx
    >>> closeness(nx.star_graph(3)).top(1)
    [(0, 1.0)]
    """
    params = {"weighted": weighted, "wf_improved": wf_improved}
    scores = nx.closeness_centrality(
        G, distance="distance" if weighted else None, wf_improved=wf_improved, **_kw(backend)
    )
    return CentralityResult("closeness", scores, params)


def centrality(G: nx.Graph, measure: str = "pagerank", **kwargs: Any) -> CentralityResult:
    """Any measure of :data:`MEASURES` by name; ``kwargs`` go to its function.

    Examples
    --------
    >>> import networkx as nx
    >>> centrality(nx.DiGraph([("A", "B")]), "in_degree").scores
    {'A': 0.0, 'B': 1.0}
    """
    if measure not in MEASURES:
        raise InputError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}", where="measure")
    if measure in ("in_degree", "out_degree"):
        return degree(G, direction=measure.split("_")[0], **kwargs)
    fn = {
        "degree": degree,
        "betweenness": betweenness,
        "pagerank": pagerank,
        "eigenvector": eigenvector,
        "closeness": closeness,
    }[measure]
    return fn(G, **kwargs)
