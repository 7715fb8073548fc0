"""``GET /api/queries`` and ``GET /api/queries/<name>``: the named queries of ``queries/``.

Parameters come from the query string, are checked against the types the
query's header declares, and are bound as RDF terms through a ``VALUES``
block (:func:`kg.sparql.bind_values`), never pasted into the query text.
Each run goes through the same killable child process, time limit and row
cap as ``/sparql``.
"""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from rdflib import Dataset

from kg.queries import get_query, list_queries
from kg.sparql import bind_values
from kg.vocab import PREFIXES
from service.executor import run_killable
from service.sparql import _engine_errors, open_dataset
from service.store import get_kg

__all__ = ["bp", "run_named"]

bp = Blueprint("named", __name__)


def _plain(term: Any) -> Any:
    """A JSON value for an RDF term: IRIs and strings as text, numbers as numbers."""
    if term is None:
        return None
    value = term.toPython() if hasattr(term, "toPython") else term
    if isinstance(value, bool | int | float | str):
        return value
    return str(term)


def run_named(dataset: Dataset, text: str, cap: int) -> tuple[list[str], list[dict[str, Any]], bool]:
    """Run a bound named query (child side): column names, rows as plain values, truncated?"""
    with _engine_errors():
        result = dataset.query(text, initNs=PREFIXES)
        names = [str(v) for v in result.vars or []]
        rows = []
        for row in result:
            if len(rows) == cap:
                return names, rows, True
            rows.append({n: _plain(row[i]) for i, n in enumerate(names)})
    return names, rows, False


@bp.get("/api/queries")
def list_named() -> Response:
    """Every named query with its title, description and typed parameters."""
    return jsonify({"queries": [q.to_json() for q in list_queries()]})


@bp.get("/api/queries/<name>")
def run_named_query(name: str) -> Response:
    """Run one named query with the query string's parameters."""
    started = time.monotonic()
    named = get_query(name)
    bindings = named.bindings(request.args.to_dict(flat=True))
    text = bind_values(named.text, bindings)
    kg = get_kg()
    cap = current_app.config["SPARQL_MAX_ROWS"]
    dataset = open_dataset(kg.url, kg)
    names, rows, truncated = run_killable(lambda: run_named(dataset, text, cap), started=started)
    return jsonify(
        {
            "query": named.name,
            "title": named.title,
            "parameters": {k: str(v) for k, v in bindings.items()},
            "columns": names,
            "rows": rows,
            "count": len(rows),
            "truncated": truncated,
        }
    )
