"""The actor network as GraphML, GEXF (Gephi) or node-link JSON (Cytoscape, D3).

GraphML and GEXF hold only scalar attributes, so per-edge dictionaries and
lists are flattened: ``quad`` becomes ``q1`` .. ``q4``, ``roots`` a
``"04:2;19:1"`` string and ``events`` a space-separated list of event IRIs.
Node-link JSON keeps them as they are.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("RUS", label="Russia", type="state", country="RUS")
>>> G.add_node("UKR", label="Ukraine", type="state", country=None)
>>> G.add_edge("RUS", "UKR", weight=2, count=2, quad={4: 2}, roots={"19": 2}, events=["e1", "e2"])
>>> b"<graphml" in export_network(G, "graphml")
True
>>> import json
>>> json.loads(export_network(G, "json"))["edges"][0]["quad"]
{'4': 2}
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from kg.errors import InputError

__all__ = ["EXPORT_FORMATS", "export_network", "flat_graph"]

#: Format name -> (file suffix, media type).
EXPORT_FORMATS = {
    "graphml": (".graphml", "application/graphml+xml"),
    "gexf": (".gexf", "application/gexf+xml"),
    "json": (".json", "application/json"),
}

_NODE_KEYS = ("label", "type", "country", "iri")
_EDGE_SCALARS = ("weight", "count", "distance", "goldstein_sum", "goldstein_mean", "first", "last")


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def flat_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose attributes are all strings or numbers (None dropped).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("A", "B", weight=3, quad={1: 2, 4: 1}, roots={"04": 2, "19": 1}, events=["x", "y"])
    >>> flat_graph(G)["A"]["B"]
    {'weight': 3, 'q1': 2, 'q2': 0, 'q3': 0, 'q4': 1, 'roots': '04:2;19:1', 'events': 'x y'}
    """
    F = nx.DiGraph() if G.is_directed() else nx.Graph()
    F.graph.update({k: v for k, v in G.graph.items() if _scalar(v)})
    for node, attrs in G.nodes(data=True):
        F.add_node(node, **{k: attrs[k] for k in _NODE_KEYS if _scalar(attrs.get(k))})
    for u, v, attrs in G.edges(data=True):
        flat = {k: attrs[k] for k in _EDGE_SCALARS if _scalar(attrs.get(k))}
        if "quad" in attrs:
            for q in (1, 2, 3, 4):
                flat[f"q{q}"] = int(attrs["quad"].get(q, 0))
        if attrs.get("roots"):
            flat["roots"] = ";".join(f"{r}:{n}" for r, n in sorted(attrs["roots"].items()))
        if attrs.get("events"):
            flat["events"] = " ".join(attrs["events"])
        F.add_edge(u, v, **flat)
    return F


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def export_network(G: nx.Graph, fmt: str) -> bytes:
    """``G`` serialised as ``graphml``, ``gexf`` or ``json`` (node-link, ``edges`` key), in UTF-8."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}", where="format")
    if fmt == "json":
        data = nx.node_link_data(G, edges="edges")
        return json.dumps(_jsonable(data), ensure_ascii=False, indent=1).encode("utf-8")
    F = flat_graph(G)
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(F, encoding="utf-8", prettyprint=True))
    else:
        text = "\n".join(nx.generate_gexf(F, encoding="utf-8", prettyprint=True))
    if not text.startswith("<?xml"):
        text = '<?xml version="1.0" encoding="utf-8"?>\n' + text
    return text.encode("utf-8")
