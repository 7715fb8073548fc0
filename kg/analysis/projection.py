"""Events in the store -> the actor network (the one module that knows rdflib and NetworkX).

The store aggregates: one SPARQL query groups the selected events by source,
target, quad class and CAMEO root (COUNT, SUM, MIN, MAX, GROUP_CONCAT), so
Python receives one row per dyad and root, never the event triples. From those
rows come

* a :class:`networkx.MultiDiGraph` with one edge per (source, target, quad
  class), keyed by the quad class, and
* a weighted :class:`networkx.DiGraph` with one edge per (source, target).

Nodes are actor keys (``RUS``, ``Q7747``, a slug), or with
``Filters(level="country")`` country codes (people and agencies merged into
their country); node attributes ``label``, ``type``, ``country``, ``iri``. Edge attributes of the simple view:

``weight`` / ``count``
    number of events; ``distance`` is ``1 / weight`` for shortest-path measures.
``quad``
    ``{quad class: events}``; ``roots``: ``{CAMEO root: events}``.
``goldstein_sum``, ``goldstein_mean``, ``goldstein_n``
    over the ``goldstein_n`` events that have a Goldstein score (mean None if none has).
``first``, ``last``
    earliest and latest event date as stored (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
``events``
    event IRIs (sorted); ``events_by_quad``: the same per quad class.

Projections are cached per store object, store revision and filter set; a
write through the :class:`~kg.store.KnowledgeGraph` bumps its revision and so
invalidates them. The graphs handed out are frozen: copy before changing.
(Writes by another process to the same Oxigraph directory do not bump this
object's revision.) See :mod:`kg.analysis` for an example.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import URIRef

from kg.analysis.filters import Filters
from kg.analysis.queries import actor_attributes, actor_key, filter_clauses, select_lexical
from kg.vocab import DKG

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = [
    "ACTOR_TYPE_NAMES",
    "Projection",
    "actor_graph",
    "actor_iri_of",
    "actor_key",
    "actor_table",
    "clear_cache",
    "event_date_range",
    "node_key",
    "project",
]

ACTOR_TYPE_NAMES = {
    str(DKG.State): "state",
    str(DKG.Person): "person",
    str(DKG.Organization): "organization",
    str(DKG.Group): "group",
}

_CACHE_SIZE = 32


def actor_iri_of(key: str) -> URIRef:
    """Inverse of :func:`actor_key`."""
    from kg.vocab import actor_iri

    return URIRef(key) if "://" in key else actor_iri(key)


@dataclass(frozen=True)
class Projection:
    """An actor network built from the store under one filter set."""

    graph: nx.DiGraph
    multigraph: nx.MultiDiGraph
    filters: Filters
    revision: int
    events: int

    def summary(self) -> dict[str, Any]:
        return {
            "actors": self.graph.number_of_nodes(),
            "relations": self.graph.number_of_edges(),
            "events": self.events,
            "filters": self.filters.to_params(),
        }


# ------------------------------------------------------------------ cache


class _StoreCache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.revision = -1
        self.actors: dict[str, dict[str, Any]] | None = None
        self.projections: OrderedDict[Filters, Projection] = OrderedDict()

    def sync(self, revision: int) -> None:
        if revision != self.revision:
            self.revision = revision
            self.actors = None
            self.projections.clear()


_caches: weakref.WeakKeyDictionary[Any, _StoreCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _cache_for(kg: KnowledgeGraph) -> _StoreCache:
    with _caches_lock:
        cache = _caches.get(kg)
        if cache is None:
            cache = _caches[kg] = _StoreCache()
        return cache


def clear_cache(kg: KnowledgeGraph | None = None) -> None:
    """Forget cached projections (of one store, or of all)."""
    with _caches_lock:
        if kg is None:
            _caches.clear()
        else:
            _caches.pop(kg, None)


# ------------------------------------------------------------------ actors


def _fallback_type(key: str) -> str:
    # Actors without a description (e.g. no gazetteer loaded): state keys are ISO alpha-3 codes.
    return "state" if len(key) == 3 and key.isalpha() and key.isupper() else "unknown"


def actor_table(kg: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Node attributes of every actor that takes part in an event, by IRI (cached per revision).

    Label, type and country come from the actor's description (gazetteer or the
    article graph of an unresolved actor); without one, the key is the label
    and a three-letter upper-case key is taken for a state.
    """
    cache = _cache_for(kg)
    with cache.lock:
        cache.sync(kg.revision)
        if cache.actors is not None:
            return cache.actors
    table: dict[str, dict[str, Any]] = {}
    described = actor_attributes(kg)
    for (iri,) in select_lexical(kg, "SELECT DISTINCT ?a WHERE { ?e dkg:source|dkg:target ?a }"):
        key = actor_key(iri)
        attrs = described.get(iri, {})
        fallback = _fallback_type(key)
        table[iri] = {
            "label": attrs.get("label", key),
            "type": attrs.get("type") or fallback,
            "country": attrs.get("country") or (key if fallback == "state" else None),
            "iri": iri,
            "key": key,
        }
    with cache.lock:
        if cache.revision == kg.revision:
            cache.actors = table
    return table


# ------------------------------------------------------------------ edges


def _edge_query(filters: Filters) -> tuple[str, dict[str, Any]]:
    """The aggregation query for ``filters`` and its bindings (values are bound, never spliced)."""
    lines, bindings = filter_clauses(filters)
    lines.append("OPTIONAL { ?e dkg:goldstein ?g }")
    lines.append("BIND(SUBSTR(?code, 1, 2) AS ?root)")
    body = "\n  ".join(lines)
    text = (
        "SELECT ?s ?t ?q ?root (COUNT(?e) AS ?n) (SUM(?g) AS ?gsum) (COUNT(?g) AS ?gn)\n"
        '       (MIN(?d) AS ?first) (MAX(?d) AS ?last) (GROUP_CONCAT(STR(?e); separator=" ") AS ?events)\n'
        f"WHERE {{\n  {body}\n}}\nGROUP BY ?s ?t ?q ?root"
    )
    return text, bindings


def _min(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


class _Acc:
    """Running totals of one edge while the rows come in."""

    __slots__ = ("count", "events", "first", "gn", "gsum", "last", "roots")

    def __init__(self) -> None:
        self.count = 0
        self.gsum = 0.0
        self.gn = 0
        self.first: str | None = None
        self.last: str | None = None
        self.roots: dict[str, int] = {}
        self.events: list[str] = []

    def add(self, n: int, gsum: float, gn: int, first: str | None, last: str | None, root: str, events: list[str]):
        self.count += n
        self.gsum += gsum
        self.gn += gn
        self.first = _min(self.first, first)
        self.last = _max(self.last, last)
        self.roots[root] = self.roots.get(root, 0) + n
        self.events.extend(events)

    def merge(self, other: _Acc) -> None:
        self.count += other.count
        self.gsum += other.gsum
        self.gn += other.gn
        self.first = _min(self.first, other.first)
        self.last = _max(self.last, other.last)
        for root, n in other.roots.items():
            self.roots[root] = self.roots.get(root, 0) + n
        self.events.extend(other.events)

    def attrs(self) -> dict[str, Any]:
        return {
            "weight": self.count,
            "count": self.count,
            "distance": 1.0 / self.count,
            "roots": dict(sorted(self.roots.items())),
            "goldstein_sum": round(self.gsum, 3),
            "goldstein_n": self.gn,
            "goldstein_mean": round(self.gsum / self.gn, 3) if self.gn else None,
            "first": self.first,
            "last": self.last,
            "events": sorted(self.events),
        }


def _rows(kg: KnowledgeGraph, filters: Filters) -> Iterable[tuple]:
    text, bindings = _edge_query(filters)
    for s, t, q, root, n, gsum, gn, first, last, events in select_lexical(kg, text, bindings):
        yield (s, t, int(q), root, int(n), float(gsum or 0), int(gn), first, last, events.split() if events else [])


def _build(kg: KnowledgeGraph, filters: Filters) -> Projection:
    actors = actor_table(kg)

    def attrs_of(iri: str) -> dict[str, Any]:
        known = actors.get(iri)
        if known is not None:
            return known
        key = actor_key(iri)
        return {"label": key, "type": _fallback_type(key), "country": None, "iri": iri, "key": key}

    def node_of(iri: str) -> dict[str, Any]:
        attrs = attrs_of(iri)
        if filters.level == "country" and attrs.get("country"):
            state = str(actor_iri_of(attrs["country"]))
            return actors.get(state) or {
                "label": attrs["country"],
                "type": "state",
                "country": attrs["country"],
                "iri": state,
                "key": attrs["country"],
            }
        return attrs

    check_actors = bool(filters.actor_types or filters.countries)
    per_quad: dict[tuple[str, str], dict[int, _Acc]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for s, t, q, root, n, gsum, gn, first, last, events in _rows(kg, filters):
        a, b = attrs_of(s), attrs_of(t)
        if check_actors:
            # Actor filters judge the actors of the event, also when they are grouped by country.
            passes = (filters.keeps_actor(a), filters.keeps_actor(b))
            if not (all(passes) if filters.actor_match == "both" else any(passes)):
                continue
        u, v = node_of(s), node_of(t)
        if filters.level == "country" and u["key"] == v["key"]:
            continue  # relations inside one country are not international relations
        nodes[u["key"]], nodes[v["key"]] = u, v
        acc = per_quad.setdefault((u["key"], v["key"]), {}).setdefault(q, _Acc())
        acc.add(n, gsum, gn, first, last, root, events)

    kept = []
    # Sorted so node order, and with it seeded algorithms and layouts, is reproducible.
    for (u, v), quads in sorted(per_quad.items()):
        if len(quads) == 1:
            whole = next(iter(quads.values()))
        else:
            whole = _Acc()
            for acc in quads.values():
                whole.merge(acc)
        if whole.count >= filters.min_weight:
            kept.append((u, v, quads, whole))
    used = sorted({node for u, v, _, _ in kept for node in (u, v)})
    graph = nx.DiGraph(filters=filters.to_params())
    multi = nx.MultiDiGraph(filters=filters.to_params())
    graph.add_nodes_from((node, nodes[node]) for node in used)
    multi.add_nodes_from((node, nodes[node]) for node in used)
    total = 0
    simple_edges, multi_edges = [], []
    for u, v, quads, whole in kept:
        total += whole.count
        per_class = {q: quads[q].attrs() for q in sorted(quads)}
        edge = whole.attrs() if len(quads) > 1 else dict(next(iter(per_class.values())))
        edge["quad"] = {q: a["count"] for q, a in per_class.items()}
        edge["events_by_quad"] = {q: a["events"] for q, a in per_class.items()}
        simple_edges.append((u, v, edge))
        multi_edges.extend((u, v, q, {"quad_class": q, **a}) for q, a in per_class.items())
    graph.add_edges_from(simple_edges)
    multi.add_edges_from(multi_edges)
    return Projection(nx.freeze(graph), nx.freeze(multi), filters, kg.revision, total)


def project(kg: KnowledgeGraph, filters: Filters | None = None) -> Projection:
    """The actor network of the events in ``kg`` that pass ``filters`` (cached).

    Parameters
    ----------
    kg : KnowledgeGraph
        The store.
    filters : Filters, optional
        Which events count; default all asserted, reported and planned events.

    Returns
    -------
    Projection
        ``.graph`` (weighted DiGraph), ``.multigraph`` (MultiDiGraph keyed by
        quad class), the filters, the store revision and the number of events.
    """
    filters = filters or Filters()
    cache = _cache_for(kg)
    with cache.lock:
        cache.sync(kg.revision)
        hit = cache.projections.get(filters)
        if hit is not None:
            cache.projections.move_to_end(filters)
            return hit
    revision = kg.revision
    result = _build(kg, filters)
    with cache.lock:
        # A write while we were building makes this result stale: hand it out, do not keep it.
        if cache.revision == revision == kg.revision:
            cache.projections[filters] = result
            while len(cache.projections) > _CACHE_SIZE:
                cache.projections.popitem(last=False)
    return result


def actor_graph(kg: KnowledgeGraph, filters: Filters | None = None, **filter_kw: Any) -> nx.DiGraph:
    """The weighted actor DiGraph; keyword arguments build a :class:`Filters`."""
    if filter_kw:
        if filters is not None:
            raise TypeError("give either filters or filter keywords, not both")
        filters = Filters(**filter_kw)
    return project(kg, filters).graph


def node_key(kg: KnowledgeGraph, key: str, filters: Filters | None = None) -> str:
    """The node that stands for actor ``key`` in the projection under ``filters``.

    The key itself, or with ``level="country"`` the actor's country.
    """
    if filters is None or filters.level != "country":
        return key
    attrs = actor_table(kg).get(str(actor_iri_of(key)))
    return attrs["country"] if attrs and attrs.get("country") else key


def event_date_range(kg: KnowledgeGraph) -> tuple[str | None, str | None]:
    """Earliest and latest event date in the store, as stored text."""
    rows = kg.select("SELECT (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE { ?e a dkg:Event ; dkg:date ?d }")
    if not rows:
        return None, None
    return rows[0]["first"], rows[0]["last"]
