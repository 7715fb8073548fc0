"""Evaluate writes without touching the store: a copy-on-write view and its change set.

A SPARQL update cannot be stopped from inside the process that runs it, and a
store that is half updated when it is stopped is worse than one never touched.
So the service evaluates a write in a child process it can kill, over an
:class:`OverlayStore`: an rdflib store that reads the real store (opened
read-only, or inherited by ``fork()``) and never writes to it. Added and
removed quads are kept beside it and every read sees "base minus removed plus
added", so each operation of a request sees the ones before it.
:meth:`OverlayStore.changes` gives the net effect as a picklable
:class:`ChangeSet`, which :meth:`kg.store.backends.Backend.apply_changes`
commits in one step in the process that owns the store.

>>> from rdflib import Dataset, URIRef
>>> base = Dataset(default_union=True)
>>> g, s, p = URIRef("http://g"), URIRef("http://s"), URIRef("http://p")
>>> _ = base.graph(g).add((s, p, URIRef("http://old")))
>>> view = Dataset(store=OverlayStore(base.store), default_union=True)
>>> _ = view.update("DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH ?g { ?s ?p <http://new> } } "
...                 "WHERE { GRAPH ?g { ?s ?p ?o } }")
>>> changes = view.store.changes()
>>> [str(q[2]) for q in changes.removed], [str(q[2]) for q in changes.added]
(['http://old'], ['http://new'])
>>> len(base)  # the base store is unchanged
1
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.store import Store
from rdflib.term import Node

__all__ = ["ChangeSet", "OverlayStore"]

#: A quad as stored in a change set: subject, predicate, object, graph name
#: (``DATASET_DEFAULT_GRAPH_ID`` for the default graph).
Quad = tuple[Node, Node, Node, Node]


@dataclass(frozen=True)
class ChangeSet:
    """The net effect of a write, applied in this order: drop graphs, remove quads, add quads.

    ``removed`` never names a quad of a dropped graph; ``added`` may (a graph
    dropped and then written again).
    """

    dropped: frozenset[Node] = field(default_factory=frozenset)
    removed: frozenset[Quad] = field(default_factory=frozenset)
    added: frozenset[Quad] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.dropped or self.removed or self.added)


def _gid(context: object) -> Node | None:
    if context is None:
        return None
    return getattr(context, "identifier", context)  # a Graph, or already an identifier


def _well_formed(s: Node, p: Node, o: Node, g: Node) -> bool:
    # SPARQL 1.1 Update 3.1.3: a template triple with a literal as subject or
    # predicate (or a literal graph name) is not inserted. rdflib's engine does
    # not check this, and Oxigraph refuses such quads.
    return (
        isinstance(s, URIRef | BNode)
        and isinstance(p, URIRef)
        and isinstance(o, URIRef | BNode | Literal)
        and isinstance(g, URIRef | BNode)
    )


def _matches(triple: tuple[Node, Node, Node], pattern: tuple) -> bool:
    return all(want is None or want == have for want, have in zip(pattern, triple, strict=True))


class OverlayStore(Store):
    """A writable view of ``base`` that records changes instead of making them.

    Parameters
    ----------
    base : rdflib.store.Store
        A context-aware store (rdflib's ``Memory`` or oxrdflib's
        ``OxigraphStore``); it is only read.
    """

    context_aware = True
    formula_aware = False
    transaction_aware = False

    def __init__(self, base: Store) -> None:
        super().__init__()
        self.base = base
        self.graph_aware = base.graph_aware
        self._dropped: set[Node] = set()
        self._removed: set[Quad] = set()
        self._added: dict[Node, set[tuple[Node, Node, Node]]] = {}
        self._graphs: dict[Node, Graph] = {}
        self._base_empty: dict[Node, bool] = {}

    # ---------------------------------------------------------------- helpers

    def _graph(self, gid: Node) -> Graph:
        graph = self._graphs.get(gid)
        if graph is None:
            graph = self._graphs[gid] = Graph(store=self, identifier=gid)
        return graph

    def _live(self, triple: tuple[Node, Node, Node], gid: Node) -> bool:
        """Whether a quad the base store holds is still visible."""
        return gid not in self._dropped and (*triple, gid) not in self._removed

    def _base_ids(self, contexts: Iterable[object]) -> list[Node]:
        return [gid for gid in map(_gid, contexts) if gid is not None]

    def _added_matching(self, triples: Iterable[tuple[Node, Node, Node]], pattern: tuple) -> list:
        s, p, o = pattern
        if s is not None and p is not None and o is not None:
            return [pattern] if pattern in triples else []
        # A list, not a generator: the caller may add to the same set meanwhile.
        return [t for t in triples if _matches(t, pattern)]

    def _base_lacks_graph(self, gid: Node) -> bool:
        # Asked once per graph: inserting into a new graph then needs no look-up per triple.
        if gid not in self._base_empty:
            first = next(iter(self.base.triples((None, None, None), self._graph(gid))), None)
            self._base_empty[gid] = first is None
        return self._base_empty[gid]

    def _in_base_view(self, triple: tuple[Node, Node, Node], gid: Node | None) -> bool:
        if gid is not None and (gid in self._dropped or self._base_lacks_graph(gid)):
            return False
        context = None if gid is None else self._graph(gid)
        for _, contexts in self.base.triples(triple, context):
            if gid is not None:
                return self._live(triple, gid)
            if any(self._live(triple, c) for c in self._base_ids(contexts)):
                return True
        return False

    def _contexts_of(self, triple: tuple[Node, Node, Node]) -> list[Node]:
        """Every graph the view holds ``triple`` in."""
        out: dict[Node, None] = {}
        for _, contexts in self.base.triples(triple, None):
            for gid in self._base_ids(contexts):
                if self._live(triple, gid):
                    out[gid] = None
        for gid, triples in self._added.items():
            if triple in triples:
                out[gid] = None
        return list(out)

    def _lazy_contexts(self, triple: tuple[Node, Node, Node]) -> Iterator[Graph]:
        # Computed only if a caller looks: SPARQL evaluation never does.
        for gid in self._contexts_of(triple):
            yield self._graph(gid)

    # ---------------------------------------------------------------- reading

    def triples(self, triple_pattern, context=None):  # type: ignore[override]
        gid = _gid(context)
        if gid is None:
            return self._union_triples(tuple(triple_pattern))
        return self._graph_triples(tuple(triple_pattern), gid, context)

    def _graph_triples(self, pattern: tuple, gid: Node, context: object) -> Iterator:
        graph = self._graph(gid)
        if gid not in self._dropped:
            for triple, _ in self.base.triples(pattern, context):
                if (*triple, gid) not in self._removed:
                    yield triple, iter((graph,))
        for triple in self._added_matching(self._added.get(gid, ()), pattern):
            yield triple, iter((graph,))

    def _union_triples(self, pattern: tuple) -> Iterator:
        filtering = bool(self._dropped or self._removed)
        for triple, contexts in self.base.triples(pattern, None):
            if filtering and not any(self._live(triple, gid) for gid in self._base_ids(contexts)):
                continue
            yield triple, self._lazy_contexts(triple)
        seen: set[tuple[Node, Node, Node]] = set()
        for triples in list(self._added.values()):
            for triple in self._added_matching(triples, pattern):
                if triple not in seen and not self._in_base_view(triple, None):
                    seen.add(triple)
                    yield triple, self._lazy_contexts(triple)

    def __len__(self, context=None) -> int:  # type: ignore[override]
        return sum(1 for _ in self.triples((None, None, None), context))

    def contexts(self, triple=None):  # type: ignore[override]
        if triple is not None:
            return (self._graph(gid) for gid in self._contexts_of(tuple(triple)))
        ids: dict[Node, None] = {}
        for gid in self._base_ids(self.base.contexts()):
            if gid not in self._dropped:
                ids[gid] = None
        for gid, triples in self._added.items():
            if triples:
                ids[gid] = None
        return (self._graph(gid) for gid in list(ids))

    # ---------------------------------------------------------------- writing

    def add(self, triple, context, quoted: bool = False) -> None:  # type: ignore[override]
        if quoted:
            raise ValueError("the overlay store is not formula aware")
        gid = _gid(context)
        if gid is None:
            gid = DATASET_DEFAULT_GRAPH_ID
        s, p, o = triple
        if not _well_formed(s, p, o, gid):
            return
        key = (s, p, o)
        if key in self._added.get(gid, ()):
            return
        if (s, p, o, gid) in self._removed:
            self._removed.discard((s, p, o, gid))
        elif gid in self._dropped or not self._in_base_view(key, gid):
            self._added.setdefault(gid, set()).add(key)

    def addN(self, quads) -> None:  # type: ignore[override]
        for s, p, o, c in quads:
            self.add((s, p, o), c)

    def _remove_one(self, triple: tuple[Node, Node, Node], gid: Node) -> None:
        added = self._added.get(gid)
        if added is not None and triple in added:
            added.discard(triple)
        else:
            self._removed.add((*triple, gid))

    def remove(self, triple, context=None) -> None:  # type: ignore[override]
        gid = _gid(context)
        pattern = tuple(triple)
        if gid is not None:
            for found in [t for t, _ in self._graph_triples(pattern, gid, context)]:
                self._remove_one(found, gid)
            return
        # No context: out of every graph that holds it.
        found_all = list(dict.fromkeys(t for t, _ in self._union_triples(pattern)))
        targets = [(t, self._contexts_of(t)) for t in found_all]
        for found, graphs in targets:
            for each in graphs:
                self._remove_one(found, each)

    def add_graph(self, graph) -> None:  # type: ignore[override]
        # Empty graphs are not recorded: a graph exists for DiploKG when it has triples.
        pass

    def remove_graph(self, graph) -> None:  # type: ignore[override]
        gid = _gid(graph)
        if gid is None:
            return
        self._dropped.add(gid)
        self._added.pop(gid, None)
        self._removed = {q for q in self._removed if q[3] != gid}

    # ---------------------------------------------------------------- prefixes (read from the base)

    def bind(self, prefix, namespace, override: bool = True) -> None:  # type: ignore[override]
        self.base.bind(prefix, namespace, override=override)

    def prefix(self, namespace):  # type: ignore[override]
        return self.base.prefix(namespace)

    def namespace(self, prefix):  # type: ignore[override]
        return self.base.namespace(prefix)

    def namespaces(self):  # type: ignore[override]
        return self.base.namespaces()

    # ---------------------------------------------------------------- result

    def changes(self) -> ChangeSet:
        """The net effect of everything written so far."""
        added = frozenset((s, p, o, gid) for gid, triples in self._added.items() for s, p, o in triples)
        return ChangeSet(frozenset(self._dropped), frozenset(self._removed), added)
