"""Storage backends behind :class:`kg.store.KnowledgeGraph`.

A backend is chosen by a URL-like string (``DIPLOKG_STORE`` or ``--store``):

``memory:``
    rdflib's in-memory store; for tests and throw-away work.
``oxigraph:PATH``
    an embedded on-disk Oxigraph store (RocksDB) through ``oxrdflib``; the default.

Every backend exposes the same rdflib :class:`~rdflib.Dataset` whose default
graph is the union of the named graphs, plus graph-level writes that replace a
named graph in one step. A remote SPARQL 1.1 endpoint backend fits here as
another :class:`Backend` subclass (query and update URLs; writes as one
``DROP GRAPH``/``INSERT DATA`` request per article).
"""

from __future__ import annotations

import os
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import ConfigurationError, InputError, StoreError

if TYPE_CHECKING:
    from kg.store.overlay import ChangeSet

#: Above this many triples in one write, Oxigraph's bulk loader is used for new graphs.
BULK_THRESHOLD = 20_000


def default_store_url() -> str:
    """``DIPLOKG_STORE`` or an Oxigraph store under the user's data directory."""
    if os.environ.get("DIPLOKG_STORE"):
        return os.environ["DIPLOKG_STORE"]
    from platformdirs import user_data_dir

    return "oxigraph:" + str(Path(user_data_dir("diplokg")) / "store")


class Backend(ABC):
    """Where triples live. Subclasses keep ``dataset`` usable through rdflib."""

    url: str
    dataset: Dataset

    @abstractmethod
    def replace_graphs(self, graphs: list[Graph]) -> None:
        """Replace each named graph by the given one; each graph is all-or-nothing."""

    @abstractmethod
    def drop_graph(self, name: URIRef) -> None:
        """Remove a named graph and its triples."""

    @abstractmethod
    def export(self, fmt: str) -> bytes:
        """Serialise the whole store; ``fmt`` is one of :data:`kg.export.FORMATS`' keys."""

    @abstractmethod
    def apply_changes(self, changes: ChangeSet) -> None:
        """Commit a change set computed by :class:`kg.store.overlay.OverlayStore`, all or nothing."""

    def flush(self) -> None:  # noqa: B027 - a no-op unless the backend buffers writes
        """Make what was written cheap for other processes to read (nothing to do in memory)."""

    def close(self) -> None:
        self.dataset.close()


class MemoryBackend(Backend):
    def __init__(self) -> None:
        self.url = "memory:"
        self.dataset = Dataset(store="Memory", default_union=True)

    def replace_graphs(self, graphs: list[Graph]) -> None:
        # Everything is computed before the first change, so an in-memory swap cannot fail halfway.
        for new in graphs:
            self.dataset.remove_graph(self.dataset.graph(new.identifier))
            target = self.dataset.graph(new.identifier)
            target.addN((s, p, o, target) for s, p, o in new)

    def drop_graph(self, name: URIRef) -> None:
        self.dataset.remove_graph(self.dataset.graph(name))

    def export(self, fmt: str) -> bytes:
        from kg.export import rdflib_export

        return rdflib_export(self.dataset, fmt)

    def apply_changes(self, changes: ChangeSet) -> None:
        # Refuse what the default backend could not store (and no serialiser could
        # write back, such as a lone surrogate), so both backends accept the same data.
        _oxigraph_quads(changes.added)
        # In-memory set operations on terms already built: nothing here can fail halfway.
        ds = self.dataset
        for name in changes.dropped:
            ds.remove_graph(ds.graph(name))
        for s, p, o, name in changes.removed:
            ds.store.remove((s, p, o), ds.get_context(name))
        ds.addN((s, p, o, ds.get_context(name)) for s, p, o, name in changes.added)


class OxigraphBackend(Backend):
    def __init__(self, path: str, read_only: bool = False) -> None:
        import pyoxigraph as ox
        from oxrdflib import OxigraphStore

        if not path:
            raise ConfigurationError("oxigraph: needs a directory, e.g. oxigraph:/var/lib/diplokg")
        self.url = f"oxigraph:{path}"
        self.read_only = read_only
        self.path = Path(path).expanduser()
        try:
            if read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the Oxigraph store: {exc}", where=str(self.path)) from None
        self.dataset = Dataset(store=OxigraphStore(store=self.ox), default_union=True)

    def replace_graphs(self, graphs: list[Graph]) -> None:
        from oxrdflib._converter import to_ox

        new = [g for g in graphs if not self._exists(g.identifier)]
        total = sum(len(g) for g in new)
        if total >= BULK_THRESHOLD:
            quads = [to_ox((s, p, o, g.identifier)) for g in new for s, p, o in g]
            try:
                self.ox.bulk_extend(quads)
            except OSError as exc:
                # The bulk loader is not transactional: take back the graphs it was writing.
                for g in new:
                    self.ox.remove_graph(to_ox(g.identifier))
                raise StoreError(f"bulk load failed, nothing was stored: {exc}") from None
            self.ox.flush()
            loaded = {id(g) for g in new}
            rest = [g for g in graphs if id(g) not in loaded]
        else:
            rest = graphs
        for g in rest:
            self._replace_one(g)

    def _exists(self, name: URIRef) -> bool:
        import pyoxigraph as ox

        return self.ox.contains_named_graph(ox.NamedNode(str(name)))

    def _replace_one(self, g: Graph) -> None:
        # rdflib's n3() renders each term in SPARQL syntax with full escaping.
        body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in g)
        name = f"<{g.identifier}>"
        # One SPARQL update is one Oxigraph transaction: the old graph and the new
        # one are never both half there.
        update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"
        try:
            self.ox.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"write of {g.identifier} failed, nothing was changed: {exc}") from None

    def drop_graph(self, name: URIRef) -> None:
        self.ox.update(f"DROP SILENT GRAPH <{name}>")

    def apply_changes(self, changes: ChangeSet) -> None:
        import pyoxigraph as ox

        if not changes:
            return
        if not changes.dropped and not changes.removed:
            # Only additions (INSERT DATA, POST /store): Oxigraph's extend is one transaction too, and faster.
            quads = [ox.Quad(*quad) for quad in _oxigraph_quads(changes.added)]
            try:
                self.ox.extend(quads)
            except OSError as exc:
                raise StoreError(f"the change could not be stored, nothing was changed: {exc}") from None
            return
        text, rows, slow_drops = _change_update(changes)
        if not text:
            return

        def term(row: ox.Literal, position: ox.Literal) -> object:
            return rows[int(row.value)][int(position.value)]

        try:
            self.ox.update(text, custom_functions={ox.NamedNode(_TERM[1:-1]): term})
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"the change could not be stored, nothing was changed: {exc}") from None
        for row in slow_drops:
            # Dropped by pattern, such a graph stays listed (empty) until removed by name.
            self.ox.remove_graph(row[0])

    def export(self, fmt: str) -> bytes:
        import pyoxigraph as ox

        from kg.export import FORMATS, prefixes

        spec = FORMATS[fmt]
        if spec.dataset:
            return (
                self.ox.dump(format=spec.ox_format, prefixes=prefixes())
                if spec.ox_prefixes
                else self.ox.dump(format=spec.ox_format)
            )
        triples = self.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        if spec.ox_prefixes:
            return ox.serialize(triples, format=spec.ox_format, prefixes=prefixes())
        return ox.serialize(triples, format=spec.ox_format)

    def flush(self) -> None:
        # Every read-only opening (one per query process) replays the write-ahead
        # log that is not yet flushed: measured 60 ms per query after a flush,
        # 260-420 ms before, with only the reference data written since.
        if not self.read_only:
            self.ox.flush()

    def close(self) -> None:
        self.flush()
        del self.dataset
        del self.ox


_PLAIN_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")
_TERM = "<urn:x-diplokg:change-term>"


def _oxigraph_quads(quads: Iterable[tuple]) -> list[tuple]:
    """``quads`` as Oxigraph terms; InputError if one cannot be stored.

    rdflib accepts terms Oxigraph refuses: an IRI with a space or a bad
    percent-escape, a literal holding a lone surrogate (from a JSON ``\\ud800``).
    """
    from oxrdflib._converter import to_ox

    try:
        return [tuple(to_ox(term) for term in quad) for quad in quads]
    except (ValueError, TypeError) as exc:  # ValueError includes UnicodeError
        raise InputError(f"the data holds a term that cannot be stored: {exc}", where="data") from None


def _change_update(changes: ChangeSet) -> tuple[str, list[tuple], list[tuple]]:
    """One Oxigraph update for a change set: its text, the term rows it reads, the graphs dropped by pattern.

    One SPARQL update is one Oxigraph transaction. Terms cannot all be spliced
    into its text (a stored blank node has no syntax that names it), so the
    update reads them by row number through the custom function ``_TERM``.
    """
    from oxrdflib._converter import to_ox

    rows: list[tuple] = []
    steps: list[str] = []

    def block(items: list[tuple]) -> str:
        first = len(rows)
        rows.extend(items)
        return "VALUES ?i { " + " ".join(map(str, range(first, len(rows)))) + " }"

    slow_drops = []
    for name in changes.dropped:
        if name == DATASET_DEFAULT_GRAPH_ID:
            steps.append("DROP SILENT DEFAULT")
            continue
        try:
            node = to_ox(name)
        except ValueError:
            continue  # no graph of that name can be in the store
        if isinstance(name, URIRef) and _PLAIN_IRI.fullmatch(name):
            steps.append(f"DROP SILENT GRAPH <{name}>")
        else:
            slow_drops.append((node,))
    if slow_drops:
        where = f"{block(slow_drops)} BIND({_TERM}(?i, 0) AS ?g) GRAPH ?g {{ ?s ?p ?o }}"
        steps.append(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ {where} }}")
    for verb, change in (("DELETE", changes.removed), ("INSERT", changes.added)):
        quads = list(change)
        converted = list(zip(quads, _oxigraph_quads(quads), strict=True))
        default = [ox_quad[:3] for quad, ox_quad in converted if quad[3] == DATASET_DEFAULT_GRAPH_ID]
        named = [ox_quad for quad, ox_quad in converted if quad[3] != DATASET_DEFAULT_GRAPH_ID]
        for group, template in ((default, "?s ?p ?o"), (named, "GRAPH ?g { ?s ?p ?o }")):
            if group:
                values = block(group)
                binds = " ".join(f"BIND({_TERM}(?i, {k}) AS ?{v})" for k, v in enumerate("spog"[: len(group[0])]))
                steps.append(f"{verb} {{ {template} }} WHERE {{ {values} {binds} }}")
    return " ;\n".join(steps), rows, slow_drops


def open_backend(url: str | None = None, *, read_only: bool = False) -> Backend:
    """Open the backend named by ``url`` (see the module docstring)."""
    url = url or default_store_url()
    scheme, _, rest = url.partition(":")
    if scheme == "memory":
        return MemoryBackend()
    if scheme == "oxigraph":
        return OxigraphBackend(rest, read_only=read_only)
    if scheme in {"sparql", "http", "https"}:
        raise ConfigurationError("the remote SPARQL endpoint backend is not available yet", where=url)
    raise ConfigurationError("unknown store; use oxigraph:PATH or memory:", where=url)


def iter_graphs(backend: Backend) -> Iterable[URIRef]:
    """Names of the named graphs in the store."""
    return (g.identifier for g in backend.dataset.graphs() if isinstance(g.identifier, URIRef))
