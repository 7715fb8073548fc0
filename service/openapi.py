"""``GET /openapi.json``: an OpenAPI 3.0 description of the HTTP API.

The description is written here by hand, next to the code, and
``tests/test_openapi.py`` checks that it names every route of the app and
every method, and nothing else. A blueprint that adds a route adds its path
item to :data:`PATHS` (or registers it with :func:`add_path`).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify

import kg

__all__ = ["PATHS", "add_path", "bp", "spec"]

bp = Blueprint("openapi", __name__)

_ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(c): _json(_ERROR, "error (the one JSON error shape)") for c in codes}


def _record_body(required: list[str], **extra: dict[str, Any]) -> dict[str, Any]:
    """A required JSON body holding an article record (``POST /api/articles``, ``/api/extract``)."""
    fields = ("id", "text", "title", "published", "url", "publisher")
    properties = {name: {"type": "string"} for name in fields} | extra
    schema = {"type": "object", "required": required, "properties": properties}
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _param(
    name: str,
    where: str = "query",
    schema: dict | None = None,
    required: bool = False,
    doc: str = "",
    example: Any = None,
) -> dict:
    out = {"name": name, "in": where, "required": required, "schema": schema or {"type": "string"}, "description": doc}
    if example is not None:
        out["example"] = example
    return out


# Examples that succeed on a store with the sample data; schemathesis sends them first.
_QUERY_EXAMPLE = "SELECT ?event ?source WHERE { ?event a dkg:Event ; dkg:source ?source } LIMIT 10"
_GRAPH_EXAMPLE = "http://example.org/graphs/notes"
_UPDATE_EXAMPLE = (
    f"INSERT DATA {{ GRAPH <{_GRAPH_EXAMPLE}> {{\n"
    '  <http://example.org/note/1> <http://www.w3.org/2000/01/rdf-schema#label> "checked by hand" } }'
)
_TURTLE_EXAMPLE = '<http://example.org/note/1> <http://www.w3.org/2000/01/rdf-schema#label> "checked by hand" .'
_JSONLD_EXAMPLE = {"@id": "http://example.org/note/1", "http://www.w3.org/2000/01/rdf-schema#label": "checked by hand"}


def _sparql_body(field: str, media_type: str, example: str) -> dict[str, Any]:
    """A SPARQL protocol body: a form with ``field``, or the text itself as ``media_type``."""
    form = {"type": "object", "properties": {field: {"type": "string"}}, "required": [field]}
    return {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {"schema": form, "example": {field: example}},
            media_type: {"schema": {"type": "string"}, "example": example},
        },
    }


_SPARQL_RESULTS = {
    "description": "SELECT/ASK results (SPARQL JSON, XML, CSV, TSV) or a graph (Turtle, N-Triples, JSON-LD, "
    "RDF/XML, TriG)",
    "content": {
        media: {"schema": {"type": "string"} if not media.endswith("json") else {"type": "object"}}
        for media in (
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
            "text/turtle",
            "application/n-triples",
            "application/ld+json",
            "application/rdf+xml",
            "application/trig",
        )
    },
}
_RDF_BODY = {
    "required": True,
    "content": {
        m: {"schema": {"type": "string"}, "example": _TURTLE_EXAMPLE}
        for m in ("text/turtle", "application/n-triples", "application/trig")
    }
    | {"application/ld+json": {"schema": {"type": "object"}, "example": _JSONLD_EXAMPLE}},
}
_GRAPH_PARAMS = [
    _param("graph", doc="the graph's IRI", example=_GRAPH_EXAMPLE),
    _param("default", schema={"type": "string"}, doc="present: the default graph (union of all graphs)"),
]
_DATASET_PARAMS = [
    _param("default-graph-uri", schema={"type": "array", "items": {"type": "string"}}, doc="default graph(s)"),
    _param("named-graph-uri", schema={"type": "array", "items": {"type": "string"}}, doc="named graph(s)"),
    _param("format", doc="json, xml, csv, tsv, turtle, nt, jsonld, rdfxml, trig, or a media type; beats Accept"),
]
_BEARER = [{"bearer": []}]

_ACTOR_REF = {"$ref": "#/components/schemas/Actor"}
_EVENT_REF = {"$ref": "#/components/schemas/Event"}
_NULLABLE_STRING = {"type": "string", "nullable": True}
_ACTOR_PROPERTIES = {
    "id": {"type": "string", "description": "the actor's IRI"},
    "label": {"type": "string"},
    "country": _NULLABLE_STRING | {"description": "ISO 3166-1 alpha-3 code"},
    "sector": _NULLABLE_STRING | {"description": "CAMEO sector code: GOV, MIL, REB, ..."},
    "wikidata": _NULLABLE_STRING | {"description": "Wikidata QID"},
    "type": {"type": "string", "nullable": True, "enum": ["person", "state", "organization", "group", None]},
    "affiliation": _NULLABLE_STRING
    | {
        "description": "IRI of the organisation the person acts for: on the event's date they hold an office of it "
        "(the UN for its Secretary-General); null for everyone else"
    },
}
#: An actor of an event, as ``/api/events`` and the article routes give it: every field is always there.
_ACTOR_SCHEMA = {"type": "object", "required": list(_ACTOR_PROPERTIES), "properties": _ACTOR_PROPERTIES}
_EVENT_PROPERTIES = {
    "id": {"type": "string"},
    "article": {"type": "string", "description": "the article's id"},
    "source": _ACTOR_REF,
    "target": _ACTOR_REF,
    "cameo": {"type": "string"},
    "quad_class": {"type": "integer", "minimum": 1, "maximum": 4},
    "label": _NULLABLE_STRING,
    "date": _NULLABLE_STRING | {"description": "YYYY, YYYY-MM or YYYY-MM-DD"},
    "date_basis": {
        "type": "string",
        "nullable": True,
        "enum": ["text", "published", None],
        "description": "text: the article states the time; published: it does not, and the date is its publication day",
    },
    "modality": _NULLABLE_STRING,
    "place": {
        "type": "object",
        "nullable": True,
        "description": "where the event happened, if its sentence says: the place as named and its state",
        "required": ["name", "country"],
        "properties": {"name": {"type": "string"}, "country": _NULLABLE_STRING | {"description": "ISO alpha-3"}},
    },
    "sentence": {"type": "string"},
    "start": {"type": "integer"},
    "end": {"type": "integer"},
    "confidence": {"type": "number"},
}
#: An event as ``/api/events`` and the article routes give it: every field is always there.
_EVENT_SCHEMA = {"type": "object", "required": list(_EVENT_PROPERTIES), "properties": _EVENT_PROPERTIES}
_ARTICLE = {
    "type": "object",
    "additionalProperties": True,
    "properties": {"events": {"type": "array", "items": _EVENT_REF}},
}
_PAGE = [
    _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 1000}),
    _param("offset", schema={"type": "integer", "minimum": 0, "maximum": 10**9}),
]

#: Path items by Flask rule (``<name>`` placeholders become ``{name}`` in the spec).
PATHS: dict[str, dict[str, Any]] = {
    "/": {"get": {"summary": "Home page with the SPARQL editor", "responses": {"200": {"description": "HTML"}}}},
    "/health": {
        "get": {
            "summary": "Store status and counts",
            "responses": {"200": _json({"type": "object", "required": ["ok"]})} | _errors(503),
        }
    },
    "/openapi.json": {"get": {"summary": "This description", "responses": {"200": _json({"type": "object"})}}},
    "/sparql": {
        "get": {
            "summary": "SPARQL 1.1 query (read-only)",
            "parameters": [
                _param("query", required=True, doc="the SPARQL query", example=_QUERY_EXAMPLE),
                *_DATASET_PARAMS,
            ],
            "responses": {"200": _SPARQL_RESULTS} | _errors(400, 406, 503),
        },
        "post": {
            "summary": "SPARQL 1.1 query by form or application/sparql-query body",
            "parameters": _DATASET_PARAMS,
            "requestBody": _sparql_body("query", "application/sparql-query", _QUERY_EXAMPLE),
            "responses": {"200": _SPARQL_RESULTS} | _errors(400, 406, 413, 415, 503),
        },
    },
    "/sparql/update": {
        "post": {
            "summary": "SPARQL 1.1 Update (needs the bearer token)",
            "security": _BEARER,
            "parameters": [
                _param("using-graph-uri", schema={"type": "array", "items": {"type": "string"}}),
                _param("using-named-graph-uri", schema={"type": "array", "items": {"type": "string"}}),
            ],
            "requestBody": _sparql_body("update", "application/sparql-update", _UPDATE_EXAMPLE),
            # 503: the update ran past SPARQL_UPDATE_TIMEOUT (nothing was changed), or the store failed.
            "responses": {"204": {"description": "done"}} | _errors(400, 401, 413, 415, 503),
        }
    },
    "/store": {
        "get": {
            "summary": "Graph Store Protocol: read a graph",
            "parameters": _GRAPH_PARAMS,
            "responses": {"200": _SPARQL_RESULTS} | _errors(400, 404, 406, 503),
        },
        "put": {
            "summary": "Replace a named graph (token)",
            "security": _BEARER,
            "parameters": _GRAPH_PARAMS,
            "requestBody": _RDF_BODY,
            "responses": {"201": {"description": "created"}, "204": {"description": "replaced"}}
            | _errors(400, 401, 413, 415, 503),
        },
        "post": {
            "summary": "Add triples to a named graph (token)",
            "security": _BEARER,
            "parameters": _GRAPH_PARAMS,
            "requestBody": _RDF_BODY,
            "responses": {"204": {"description": "added"}} | _errors(400, 401, 413, 415, 503),
        },
        "delete": {
            "summary": "Drop a named graph (token)",
            "security": _BEARER,
            "parameters": _GRAPH_PARAMS,
            "responses": {"204": {"description": "dropped"}} | _errors(400, 401, 404, 503),
        },
    },
    "/api/queries": {
        "get": {
            "summary": "The named queries and their parameters",
            "responses": {"200": _json({"type": "object", "required": ["queries"]})},
        }
    },
    "/api/queries/{name}": {
        "get": {
            "summary": "Run a named query; its parameters go in the query string",
            "parameters": [_param("name", "path", required=True)],
            "responses": {"200": _json({"type": "object", "required": ["rows", "columns"]})} | _errors(400, 404, 503),
        }
    },
    "/api/articles": {
        "get": {
            "summary": "Stored articles",
            "parameters": _PAGE,
            "responses": {"200": _json({"type": "object"})} | _errors(400),
        },
        "post": {
            "summary": "Ingest one article",
            "requestBody": _record_body(["id", "text"]),
            "responses": {"200": _json(_ARTICLE), "201": _json(_ARTICLE, "stored")} | _errors(400, 413, 415, 503),
        },
    },
    "/api/extract": {
        "post": {
            "summary": "The events of a text (nothing is stored)",
            "requestBody": _record_body(["text"], explain={"type": "boolean"}),
            "responses": {"200": _json(_ARTICLE)} | _errors(400, 413, 415, 503),
        }
    },
    "/api/articles/{article_id}": {
        "get": {
            "summary": "One article with its events",
            "parameters": [_param("article_id", "path", required=True)],
            # 400: an id no article can have (control characters, too long).
            "responses": {"200": _json(_ARTICLE)} | _errors(400, 404),
        }
    },
    "/api/events": {
        "get": {
            "summary": "Events, filtered and paged",
            "parameters": [
                _param("actor", doc="actor key (RUS, Q7747) or IRI: events with it as source or target"),
                _param(
                    "affiliated",
                    schema={"type": "string", "enum": ["true", "false"]},
                    doc="true: an organisation as actor also matches the events of the people acting for it "
                    "(its Secretary-General...); needs actor",
                ),
                _param("from"),
                _param("to"),
                *_PAGE,
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["limit", "offset", "has_more", "events"],
                        "properties": {"events": {"type": "array", "items": _EVENT_REF}},
                    }
                )
            }
            | _errors(400),
        }
    },
    "/export.{ext}": {
        "get": {
            "summary": "The whole graph in one file",
            "parameters": [
                _param("ext", "path", {"type": "string", "enum": ["ttl", "nt", "trig", "nq", "jsonld"]}, True)
            ],
            "responses": {"200": {"description": "RDF"}} | _errors(404),
        }
    },
}


def add_path(rule: str, item: dict[str, Any]) -> None:
    """Describe a route added by another blueprint (its Flask rule, its OpenAPI path item)."""
    PATHS[rule] = item


def spec() -> dict[str, Any]:
    """The OpenAPI 3.0 document."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "DiploKG",
            "version": kg.__version__,
            "description": "A knowledge graph of diplomatic events: SPARQL 1.1 endpoint and JSON API.",
        },
        "paths": PATHS,
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["ok", "error", "status", "message", "where"],
                    "properties": {
                        "ok": {"type": "boolean", "enum": [False]},
                        "error": {"type": "string"},
                        "status": {"type": "integer"},
                        "message": {"type": "string"},
                        "where": {"type": "string", "nullable": True},
                    },
                },
                "Actor": _ACTOR_SCHEMA,
                "Event": _EVENT_SCHEMA,
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI description as JSON."""
    return jsonify(spec())
