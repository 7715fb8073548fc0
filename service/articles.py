"""``/api/articles``: add an article, list articles, read one with its events.

``POST /api/articles`` takes ``{"id", "text", "title"?, "published"?, "url"?,
"publisher"?}`` as ``application/json``, runs it through the pipeline
(extract, then store in its own named graph) and answers 201 with
``{"id", "stored": true, "events": [...]}``; an article already stored with
the same content and extractor version is left alone and answered 200 with
``"stored": false``. A malformed body is a 400 and stores nothing.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from werkzeug.exceptions import UnsupportedMediaType

from kg.errors import InputError, NotFoundError
from kg.store import KnowledgeGraph
from kg.vocab import article_iri
from service.events import find_events
from service.params import page
from service.store import get_kg, write_lock

__all__ = ["bp", "json_body", "list_articles"]

bp = Blueprint("articles", __name__, url_prefix="/api/articles")

_LIST = """SELECT ?id (SAMPLE(?title0) AS ?title) (SAMPLE(?published0) AS ?published)
       (COUNT(DISTINCT ?e) AS ?events)
WHERE {
  ?a a schema:NewsArticle ; dkg:articleId ?id .
  OPTIONAL { ?a schema:headline ?title0 }
  OPTIONAL { ?a schema:datePublished ?published0 }
  OPTIONAL { ?e prov:wasDerivedFrom ?a }
}
GROUP BY ?a ?id
ORDER BY ?id
"""

_COUNT = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"

_ONE = """SELECT ?id ?text ?extractor ?title ?published ?url ?publisher WHERE {
  ?a a schema:NewsArticle ; dkg:articleId ?id ; schema:articleBody ?text ; dkg:extractor ?extractor .
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:publisher ?publisher }
}
LIMIT 1
"""


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def list_articles(kg: KnowledgeGraph, limit: int, offset: int) -> list[dict[str, Any]]:
    """Articles ordered by id: ``{"id", "title", "published", "events"}``."""
    # LIMIT/OFFSET cannot be bound in SPARQL; both are ints checked by params.page().
    query = _LIST + f"LIMIT {int(limit)} OFFSET {int(offset)}"
    return [
        {
            "id": str(row["id"]),
            "title": _text(row["title"]),
            "published": _text(row["published"]),
            "events": int(row["events"]),
        }
        for row in kg.query(query)
    ]


def article_json(kg: KnowledgeGraph, article_id: str) -> dict[str, Any]:
    """One article's metadata, text and events (NotFoundError if unknown)."""
    rows = list(kg.query(_ONE, {"a": article_iri(article_id)}))
    if not rows:
        raise NotFoundError(f"no article with id {article_id!r}", where="id")
    row = rows[0]
    return {
        "id": str(row["id"]),
        "title": _text(row["title"]),
        "published": _text(row["published"]),
        "url": _text(row["url"]),
        "publisher": _text(row["publisher"]),
        "extractor": str(row["extractor"]),
        "text": str(row["text"]),
        "events": find_events(kg, article_id=article_id),
    }


def json_body() -> object:
    """The request's JSON body (InputError or 415 if it is not one)."""
    if not request.is_json:
        raise UnsupportedMediaType("send the article as a JSON object with Content-Type: application/json")
    try:
        record = json.loads(request.get_data().decode("utf-8"))
        # JSON may escape a lone surrogate ("\ud800"), which no UTF-8 text holds:
        # spaCy, hashing and every serialiser would fail on it later.
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the body is not valid UTF-8", where="body") from None
    except UnicodeEncodeError:
        raise InputError("the body holds an unpaired surrogate escape (such as \\ud800)", where="body") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"the body is not valid JSON: {exc}", where="body") from None
    except RecursionError:
        raise InputError("the body is nested too deeply", where="body") from None
    return record


@bp.post("")
def add_article() -> tuple[Response, int]:
    """Ingest one article; 201 if stored, 200 if it was already stored unchanged."""
    from kg.pipeline import ingest_record

    record = json_body()
    if not isinstance(record, dict):
        raise InputError(f"the body must be a JSON object, got {type(record).__name__}", where="body")
    kg = get_kg()
    with write_lock():
        report = ingest_record(kg, record, "body", current_app.config["DIPLOKG_EXTRACTOR"])
        if report.stored:
            kg.backend.flush()  # query processes open the store afresh: keep its log short
    if report.failed:
        raise report.failed[0]
    stored = bool(report.stored)
    article_id = (report.stored or report.skipped)[0]
    response = jsonify({"id": article_id, "stored": stored, "events": find_events(kg, article_id=article_id)})
    response.headers["Location"] = url_for("articles.get_article", article_id=article_id)
    return response, 201 if stored else 200


@bp.get("")
def get_articles() -> Response:
    """Article ids, titles and event counts, paged by ``limit``/``offset``."""
    limit, offset = page()
    kg = get_kg()
    total = int(next(iter(kg.query(_COUNT)))[0])
    return jsonify({"total": total, "limit": limit, "offset": offset, "articles": list_articles(kg, limit, offset)})


@bp.get("/<path:article_id>")
def get_article(article_id: str) -> Response:
    """One article with its events and their sentence evidence."""
    return jsonify(article_json(get_kg(), article_id))
