"""``GET /health``: is the store reachable, and how much does it hold."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from kg.errors import StoreError
from service.store import get_kg

__all__ = ["bp"]

bp = Blueprint("health", __name__)


@bp.get("/health")
def health() -> Response:
    """``{"ok": true, "store": "<scheme>", "counts": {...}}``, or a 503 if the store is down."""
    kg = get_kg()
    try:
        counts = kg.stats()
    except OSError as exc:
        # An Oxigraph I/O failure; the message may hold paths, so it goes to the log only.
        raise StoreError(f"the store did not answer: {exc}") from None
    # Only the kind of store: its path or URL is nobody's business.
    scheme = kg.url.partition(":")[0]
    return jsonify({"ok": True, "store": scheme, "counts": counts})
