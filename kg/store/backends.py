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
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import ConfigurationError, StoreError

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

    def close(self) -> None:
        if not self.read_only:
            self.ox.flush()
        del self.dataset
        del self.ox


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
