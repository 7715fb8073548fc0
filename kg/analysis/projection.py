"""Events in the store -> the actor network (the one module that knows rdflib and NetworkX).

The store aggregates: one SPARQL query groups the selected events by source,
target, quad class and CAMEO root (COUNT, SUM, MIN, MAX, GROUP_CONCAT), so
Python receives one row per dyad and root, never the event triples. On an
Oxigraph store the query joins one subquery per event property, which Oxigraph
joins by hashing instead of one index look-up per event and property (see
:func:`~kg.analysis.queries.filter_subqueries`). From those rows come

* a weighted :class:`networkx.DiGraph` with one edge per (source, target), and
* a :class:`networkx.MultiDiGraph` with one edge per (source, target, quad
  class), keyed by the quad class (built when first asked for).

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

import gc
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import URIRef

from kg.analysis.filters import Filters
from kg.analysis.queries import (
    actor_key,
    event_actor_attributes,
    filter_clauses,
    filter_subqueries,
    is_oxigraph,
    select_lexical,
)
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
    """An actor network built from the store under one filter set.

    ``multigraph`` is built on first use from the per-class totals kept here:
    most callers need only ``graph``, and building the MultiDiGraph was about a
    quarter of the Python work of a cold projection.
    """

    graph: nx.DiGraph
    filters: Filters
    revision: int
    events: int
    #: (source, target, {quad class: edge attributes}) of every relation, for ``multigraph``.
    per_class: list[tuple[str, str, dict[int, dict[str, Any]]]] = field(default_factory=list, repr=False, compare=False)
    #: At country level: actor key -> {node it counted as: events}, for :func:`node_key`.
    counted_as: dict[str, dict[str, int]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def multigraph(self) -> nx.MultiDiGraph:
        """The frozen MultiDiGraph with one edge per (source, target, quad class), keyed by the class."""
        multi = nx.MultiDiGraph(filters=self.filters.to_params())
        multi.add_nodes_from(self.graph.nodes(data=True))
        multi.add_edges_from(
            (u, v, q, {"quad_class": q, **attrs})
            for u, v, per_class in self.per_class
            for q, attrs in per_class.items()
        )
        return nx.freeze(multi)

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
    for iri, attrs in event_actor_attributes(kg).items():
        key = actor_key(iri)
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


_AGGREGATES = (
    "SELECT ?s ?t ?q ?root {roles}(COUNT(?e) AS ?n) (SUM(?g) AS ?gsum) (COUNT(?g) AS ?gn)\n"
    '       (MIN(?d) AS ?first) (MAX(?d) AS ?last) (GROUP_CONCAT(STR(?e); separator=" ") AS ?events)\n'
)
_ROLE_VARIABLES = "?sc ?sr ?sa ?tc ?tr ?ta "


def _role_lines(oxigraph: bool) -> list[str]:
    """Patterns binding what each event states of its actors' roles on its date.

    ``?sc``/``?tc``: the country the source/target acted for; ``?sa``/``?ta``:
    the organisation; ``?sr``/``?tr``: whether the event states a role at all
    (a country or a sector: events stored before roles were stated do not).
    """
    lines = []
    for side, role in (("s", "source"), ("t", "target")):
        for prop, var in (("Country", f"{side}c"), ("Sector", f"{side}x"), ("Affiliation", f"{side}a")):
            pattern = f"?e dkg:{role}{prop} ?{var}"
            if oxigraph:  # a subquery, joined by hashing as in filter_subqueries
                pattern = f"SELECT ?e ?{var} WHERE {{ {pattern} }}"
            lines.append(f"OPTIONAL {{ {pattern} }}")
        lines.append(f"BIND(BOUND(?{side}c) || BOUND(?{side}x) AS ?{side}r)")
    return lines


def _edge_query(filters: Filters, oxigraph: bool = False) -> tuple[str, dict[str, Any]] | None:
    """The aggregation query for ``filters`` and its bindings; None if no event can pass.

    User values are bound, never spliced. On Oxigraph the same selection is
    written as one subquery per property (see :func:`filter_subqueries`).
    With :meth:`Filters.uses_roles` the rows also say which country and
    organisation each actor acted for (see :func:`_role_lines`).
    """
    if oxigraph:
        groups = filter_subqueries(filters)
        if groups is None:
            return None
        lines, bindings = groups, {}
        lines.append("OPTIONAL { SELECT ?e ?g WHERE { ?e dkg:goldstein ?g } }")
    else:
        lines, bindings = filter_clauses(filters)
        lines.append("OPTIONAL { ?e dkg:goldstein ?g }")
    roles = _ROLE_VARIABLES if filters.uses_roles else ""
    if roles:
        lines.extend(_role_lines(oxigraph))
    lines.append("BIND(SUBSTR(?code, 1, 2) AS ?root)")
    body = "\n  ".join(lines)
    return f"{_AGGREGATES.format(roles=roles)}WHERE {{\n  {body}\n}}\nGROUP BY ?s ?t {roles}?q ?root", bindings


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while a projection is built.

    A build makes millions of small containers that hold no cycles; the
    collector would scan them over and over as they pile up (half the build
    time at 200,000 events). Nested or concurrent builds leave it as they found it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
        if self.events:
            self.events.extend(events)
        else:
            self.events = events  # the row's own list: most relations have one row

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
        self.events.sort()  # in place: the totals are not used after this
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
            "events": self.events,
        }


#: An actor as a row names it: (IRI, country it acted for, whether the event states a role, organisation).
ActorRole = tuple[str, str | None, bool, str | None]


def _rows(kg: KnowledgeGraph, filters: Filters) -> Iterable[tuple]:
    query = _edge_query(filters, oxigraph=is_oxigraph(kg))
    if query is None:
        return
    text, bindings = query
    roles = filters.uses_roles
    for row in select_lexical(kg, text, bindings):
        if roles:
            s, t, q, root, sc, sr, sa, tc, tr, ta, *totals = row
            source, target = (s, sc, sr == "true", sa), (t, tc, tr == "true", ta)
        else:
            s, t, q, root, *totals = row
            source, target = (s, None, False, None), (t, None, False, None)
        n, gsum, gn, first, last, events = totals
        yield (
            source,
            target,
            int(q),
            root,
            int(n),
            float(gsum or 0),
            int(gn),
            first,
            last,
            events.split() if events else [],
        )


def _build(kg: KnowledgeGraph, filters: Filters) -> Projection:
    with _gc_paused():
        return _build_graphs(kg, filters)


def _build_graphs(kg: KnowledgeGraph, filters: Filters) -> Projection:
    actors = actor_table(kg)

    def attrs_of(iri: str) -> dict[str, Any]:
        known = actors.get(iri)
        if known is not None:
            return known
        key = actor_key(iri)
        return {"label": key, "type": _fallback_type(key), "country": None, "iri": iri, "key": key}

    def state(code: str) -> dict[str, Any]:
        iri = str(actor_iri_of(code))
        return actors.get(iri) or {"label": code, "type": "state", "country": code, "iri": iri, "key": code}

    def node_of(attrs: dict[str, Any]) -> dict[str, Any]:
        if filters.level == "country" and attrs.get("country"):
            return state(attrs["country"])
        return attrs

    # An actor as rows name it -> (its attributes as the actor filters judge them,
    # the node it counts as): rows name the same actors again and again.
    seen: dict[ActorRole, tuple[dict[str, Any], dict[str, Any]]] = {}

    def lookup(role: ActorRole) -> tuple[dict[str, Any], dict[str, Any]]:
        hit = seen.get(role)
        if hit is None:
            iri, country, stated, affiliation = role
            attrs = attrs_of(iri)
            if not stated:  # stored before events stated roles: the actor's own description
                hit = (attrs, node_of(attrs))
            else:
                acted = attrs if attrs.get("country") == country else {**attrs, "country": country}
                if filters.level != "country":
                    node = attrs
                elif country:
                    node = state(country)
                elif affiliation:
                    node = node_of(attrs_of(affiliation))
                else:
                    node = attrs  # acted for no country and no organisation: stays itself
                hit = (acted, node)
            seen[role] = hit
        return hit

    check_actors = bool(filters.actor_types or filters.countries)
    by_country = filters.level == "country"
    per_quad: dict[tuple[str, str], dict[int, _Acc]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    counted_as: dict[str, dict[str, int]] = {}
    for s, t, q, root, n, gsum, gn, first, last, events in _rows(kg, filters):
        (a, u), (b, v) = lookup(s), lookup(t)
        if check_actors:
            # Actor filters judge the actors of the event, also when they are grouped by country.
            passes = (filters.keeps_actor(a), filters.keeps_actor(b))
            if not (all(passes) if filters.actor_match == "both" else any(passes)):
                continue
        ukey, vkey = u["key"], v["key"]
        if by_country and ukey == vkey:
            continue  # relations inside one country are not international relations
        nodes[ukey], nodes[vkey] = u, v
        if by_country:
            for actor, node in ((a, ukey), (b, vkey)):
                tally = counted_as.setdefault(actor["key"], {})
                tally[node] = tally.get(node, 0) + n
        quads = per_quad.get((ukey, vkey))
        if quads is None:
            quads = per_quad[ukey, vkey] = {}
        acc = quads.get(q)
        if acc is None:
            acc = quads[q] = _Acc()
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
    used: set[str] = set()
    for u, v, _, _ in kept:
        used.update((u, v))
    graph = nx.DiGraph(filters=filters.to_params())
    graph.add_nodes_from((node, nodes[node]) for node in sorted(used))
    total = 0
    simple_edges, per_classes = [], []
    for u, v, quads, whole in kept:
        total += whole.count
        per_class = {q: quads[q].attrs() for q in sorted(quads)}
        edge = whole.attrs() if len(quads) > 1 else dict(next(iter(per_class.values())))
        edge["quad"] = {q: a["count"] for q, a in per_class.items()}
        edge["events_by_quad"] = {q: a["events"] for q, a in per_class.items()}
        simple_edges.append((u, v, edge))
        per_classes.append((u, v, per_class))
    graph.add_edges_from(simple_edges)
    return Projection(nx.freeze(graph), filters, kg.revision, total, per_classes, counted_as)


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

    The key itself, or with ``level="country"`` the node most of the actor's
    selected events count as (the country or organisation it acted for; on a
    tie its own country), else the actor's own country.
    """
    if filters is None or filters.level != "country":
        return key
    attrs = actor_table(kg).get(str(actor_iri_of(key)))
    own = attrs.get("country") if attrs else None
    projection = project(kg, filters)
    counted = [(n, node == own, node) for node, n in projection.counted_as.get(key, {}).items()]
    counted = [pick for pick in counted if pick[2] in projection.graph]
    if counted:
        return max(counted)[2]  # most events; on a tie the actor's own country
    return own or key


def event_date_range(kg: KnowledgeGraph) -> tuple[str | None, str | None]:
    """Earliest and latest event date in the store, as stored text."""
    rows = kg.select("SELECT (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE { ?e a dkg:Event ; dkg:date ?d }")
    if not rows:
        return None, None
    return rows[0]["first"], rows[0]["last"]
