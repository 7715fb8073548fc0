"""The app's one :class:`~kg.store.KnowledgeGraph`, opened lazily.

An Oxigraph store cannot be opened twice in one process (RocksDB holds a
lock), so the graph is opened once per app, on first use, and kept in
``app.extensions`` — never per request. Writes from request threads go
through :func:`write_lock` so that only one ingest runs at a time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from flask import Flask, current_app

from kg.store import KnowledgeGraph

__all__ = ["close_kg", "get_kg", "init_app", "use_kg", "write_lock"]

_EXTENSION = "diplokg"


@dataclass
class _State:
    url: str
    kg: KnowledgeGraph | None = None
    open_lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def _state(app: Flask) -> _State:
    return app.extensions[_EXTENSION]


def init_app(app: Flask) -> None:
    """Prepare ``app`` to open the store named by ``DIPLOKG_STORE`` on first use."""
    app.extensions[_EXTENSION] = _State(url=app.config["DIPLOKG_STORE"])


def get_kg() -> KnowledgeGraph:
    """The current app's knowledge graph, opened on the first call.

    Raises
    ------
    kg.errors.StoreError
        If the store cannot be opened (the next call tries again).
    kg.errors.ConfigurationError
        If ``DIPLOKG_STORE`` names no known kind of store.
    """
    state = _state(current_app)
    if state.kg is None:
        with state.open_lock:
            # Checked again under the lock: another thread may have opened it meanwhile.
            if state.kg is None:
                kg = KnowledgeGraph(state.url)
                # Opening may have (re)loaded the reference data; each query process
                # opens the store read-only and would replay that log every time.
                kg.backend.flush()
                state.kg = kg
    return state.kg


def use_kg(app: Flask, kg: KnowledgeGraph) -> None:
    """Make ``app`` use an already open knowledge graph (tests, a CLI that opened the store)."""
    state = _state(app)
    kg.backend.flush()  # as in get_kg: query processes should not replay a long log
    with state.open_lock:
        state.kg = kg
        state.url = kg.url


def write_lock() -> threading.Lock:
    """The lock serialising writes to the current app's store."""
    return _state(current_app).write_lock


def close_kg(app: Flask) -> None:
    """Close ``app``'s knowledge graph if it was opened (it may be reopened later)."""
    state = _state(app)
    with state.open_lock:
        if state.kg is not None:
            state.kg.close()
            state.kg = None
