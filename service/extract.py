"""``/api/extract``: the events of a text, without storing anything.

``POST /api/extract`` takes ``{"text", "id"?, "title"?, "published"?, "url"?,
"explain"?}`` as ``application/json`` and answers 200 with ``{"id",
"extractor", "events": [...]}`` in the event shape of ``diplokg extract``
(``"explain": true`` adds, per sentence, the trigger and rule of each event or
why it has none). The store is not touched: this is for trying the extractor
on a text before ingesting it. A malformed body is a 400.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from kg.errors import InputError
from service.articles import json_body
from service.store import write_lock

__all__ = ["bp"]

bp = Blueprint("extract", __name__, url_prefix="/api/extract")

#: The id of a text sent without one (ids only label the answer here).
DEFAULT_ID = "text"


@bp.post("")
def extract_text() -> Response:
    """Extract the events of one text and return them; nothing is stored."""
    from kg.extract import get_extractor
    from kg.extract.explain import explain as explain_context
    from kg.ingest import article_from_record

    record = json_body()
    if not isinstance(record, dict):
        raise InputError(f"the body must be a JSON object, got {type(record).__name__}", where="body")
    explain = record.get("explain", False)
    if not isinstance(explain, bool):
        raise InputError("'explain' must be true or false", where="explain")
    article = article_from_record({"id": DEFAULT_ID, **record}, "body")
    extractor = current_app.config["DIPLOKG_EXTRACTOR"] or get_extractor()
    why = None
    # The extractor is shared with ingestion, which runs under the write lock.
    with write_lock():
        if explain:
            [(_, ctx)] = list(extractor.contexts_many([article]))
            events, why = ctx.events, explain_context(ctx)
        else:
            [(_, events)] = list(extractor.extract_many([article]))
    body: dict[str, Any] = {"id": article.id, "extractor": extractor.version, "events": [e.to_json() for e in events]}
    if why is not None:
        body["explain"] = why
    return jsonify(body)
