"""The actor network as JSON: paths, centrality, actors, communities, graph exports.

Every route takes the projection filters of :class:`kg.analysis.Filters`
(``from``, ``to``, ``quad``, ``cameo``, ``modality``, ``exclude_modality``,
``type``, ``country``, ``actor_match``, ``min_weight``, ``level``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from kg.analysis import MEASURES, Filters
from kg.errors import InputError
from service.openapi import _errors, _json, _param, add_path
from service.params import int_param
from service.store import get_kg

__all__ = ["bp", "filters_from_request"]

bp = Blueprint("network", __name__)

FILTER_PARAMS = [
    _param("from", doc="start of the window: YYYY, YYYY-MM or YYYY-MM-DD (events overlapping it count)"),
    _param("to", doc="end of the window"),
    _param("quad", doc="quad classes, comma-separated (1-4)"),
    _param("cameo", doc="CAMEO roots or code prefixes, comma-separated"),
    _param("modality", doc="modalities to keep (default asserted, planned, reported)"),
    _param("exclude_modality", doc="modalities to leave out, e.g. planned"),
    _param("type", doc="actor types to keep: state, person, organization, group"),
    _param("country", doc="ISO alpha-3 codes of actors to keep (the country they acted for then)"),
    _param("actor_match", doc="both (default) or either: which end of a link must pass type/country"),
    _param("min_weight", schema={"type": "integer", "minimum": 1}, doc="fewest events on a link"),
    _param("level", doc="actor (default) or country: merge people and agencies into the state they acted for then"),
]


def filters_from_request(*, actors_in_from_to: bool = False) -> Filters:
    """Projection filters from the query string (400 on a bad value).

    Path routes use ``from`` and ``to`` for the two actors, as analysts say
    "paths from A to B"; their time window is then ``since`` and ``until``.
    """
    params = dict(request.args)
    if actors_in_from_to:
        params.pop("from", None)
        params.pop("to", None)
        params["from"] = request.args.get("since")
        params["to"] = request.args.get("until")
    return Filters.from_params(params)


PATH_WINDOW = [
    _param("since", doc="start of the window: YYYY, YYYY-MM or YYYY-MM-DD"),
    _param("until", doc="end of the window"),
]


def _choice(name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = request.args.get(name) or default
    if value not in allowed:
        raise InputError(f"{name} must be one of {', '.join(allowed)}, got {value[:40]!r}", where=name)
    return value


def _required(name: str) -> str:
    value = request.args.get(name, "").strip()
    if not value:
        raise InputError(f"{name} is required", where=name)
    if len(value) > 300:
        raise InputError(f"{name} is too long", where=name)
    return value


@bp.get("/api/paths")
def paths() -> Response:
    """Paths between two actors, each hop with the events that make it."""
    from kg.analysis.api import find_paths

    quad = request.args.get("via_quad")
    if quad is not None and quad not in {"1", "2", "3", "4"}:
        raise InputError("via_quad must be 1, 2, 3 or 4", where="via_quad")
    result = find_paths(
        get_kg(),
        _required("from"),
        _required("to"),
        filters=filters_from_request(actors_in_from_to=True),
        k=int_param("k", 1, 1, 20),
        cost=_choice("cost", "hops", ("hops", "cooperative", "recent")),
        quad_class=int(quad) if quad else None,
        directed=_choice("directed", "false", ("true", "false")) == "true",
        evidence_per_hop=int_param("evidence", 5, 0, 50),
    )
    return jsonify(result.to_json())


@bp.get("/api/centrality")
def centrality() -> Response:
    """Actors ranked by a centrality measure."""
    from kg.analysis.api import rank_actors

    measure = _choice("measure", "pagerank", MEASURES)
    measure_kw: dict[str, Any] = {}
    if request.args.get("k"):
        if measure != "betweenness":
            raise InputError("k (sampling) applies to betweenness only", where="k")
        measure_kw["k"] = int_param("k", 100, 1, 100_000)
    among = request.args.get("among") or None
    if among is not None and among not in {"state", "person", "organization", "group"}:
        raise InputError("among must be state, person, organization or group", where="among")
    out = rank_actors(
        get_kg(),
        measure,
        filters=filters_from_request(),
        top=int_param("top", 20, 1, 1000),
        actor_type=among,
        undirected=_choice("undirected", "false", ("true", "false")) == "true",
        **measure_kw,
    )
    return jsonify(out)


@bp.get("/api/actors")
def actors() -> Response:
    """Actors whose key, name or alias contains ``q``."""
    from kg.analysis.queries import search_actors

    return jsonify({"actors": search_actors(get_kg(), request.args.get("q", ""), int_param("limit", 20, 1, 200))})


@bp.get("/api/actors/<path:ident>")
def actor(ident: str) -> Response:
    """One actor's profile: identity, counts, top partners, centrality ranks, timeline."""
    from kg.analysis.api import actor_profile

    if len(ident) > 300:
        raise InputError("actor identifier is too long", where="ident")
    return jsonify(actor_profile(get_kg(), ident, filters=filters_from_request(), top=int_param("top", 5, 1, 100)))


@bp.get("/api/communities")
def communities() -> Response:
    """Louvain communities of the actor network."""
    from kg.analysis.api import community_report

    return jsonify(community_report(get_kg(), filters=filters_from_request(), seed=int_param("seed", 0, 0, 2**31)))


NETWORK_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "json": "application/json"}


@bp.get("/api/network.<fmt>")
def network_export(fmt: str) -> Response:
    """The actor network for Gephi (GraphML, GEXF) or Cytoscape and D3 (node-link JSON)."""
    from kg.analysis import project
    from kg.analysis.export import export_network

    if fmt not in NETWORK_TYPES:
        raise InputError(f"format must be one of {', '.join(NETWORK_TYPES)}, got {fmt[:20]!r}", where="format")
    data = export_network(project(get_kg(), filters_from_request()).graph, fmt)
    response = Response(data, mimetype=NETWORK_TYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="diplokg-network.{fmt}"'
    return response


_OBJ = _json({"type": "object"})
add_path(
    "/api/paths",
    {
        "get": {
            "summary": "Paths between two actors with the evidence of each hop",
            "parameters": [
                _param("from", required=True, doc="actor key (RUS, Q7747), IRI or name"),
                _param("to", required=True, doc="actor key, IRI or name"),
                _param("k", schema={"type": "integer", "minimum": 1, "maximum": 20}, doc="how many paths"),
                _param("cost", schema={"type": "string", "enum": ["hops", "cooperative", "recent"]}),
                _param("via_quad", schema={"type": "string", "enum": ["1", "2", "3", "4"]}, doc="only such links"),
                _param("directed", schema={"type": "string", "enum": ["true", "false"]}),
                _param("evidence", schema={"type": "integer", "minimum": 0, "maximum": 50}, doc="events per hop"),
                *PATH_WINDOW,
                *[p for p in FILTER_PARAMS if p["name"] not in ("from", "to")],
            ],
            "responses": {"200": _OBJ} | _errors(400, 404),
        }
    },
)
add_path(
    "/api/centrality",
    {
        "get": {
            "summary": "Actors ranked by a centrality measure",
            "parameters": [
                _param("measure", schema={"type": "string", "enum": list(MEASURES)}),
                _param("top", schema={"type": "integer", "minimum": 1, "maximum": 1000}),
                _param("among", schema={"type": "string", "enum": ["state", "person", "organization", "group"]}),
                _param("k", schema={"type": "integer", "minimum": 1}, doc="sample size for betweenness"),
                _param("undirected", schema={"type": "string", "enum": ["true", "false"]}),
                *FILTER_PARAMS,
            ],
            "responses": {"200": _OBJ} | _errors(400),
        }
    },
)
add_path(
    "/api/actors",
    {
        "get": {
            "summary": "Search actors by key, name or alias",
            "parameters": [
                _param("q", required=True, doc="text to look for"),
                _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 200}),
            ],
            "responses": {"200": _OBJ} | _errors(400),
        }
    },
)
add_path(
    "/api/actors/{ident}",
    {
        "get": {
            "summary": "An actor's profile",
            "parameters": [
                _param("ident", where="path", required=True, doc="actor key, IRI or name"),
                _param("top", schema={"type": "integer", "minimum": 1, "maximum": 100}),
                *FILTER_PARAMS,
            ],
            "responses": {"200": _OBJ} | _errors(400, 404),
        }
    },
)
add_path(
    "/api/communities",
    {
        "get": {
            "summary": "Communities of the actor network (Louvain)",
            "parameters": [_param("seed", schema={"type": "integer", "minimum": 0}), *FILTER_PARAMS],
            "responses": {"200": _OBJ} | _errors(400),
        }
    },
)
add_path(
    "/api/network.{fmt}",
    {
        "get": {
            "summary": "The actor network as GraphML, GEXF or node-link JSON",
            "parameters": [
                _param("fmt", where="path", required=True, schema={"type": "string", "enum": list(NETWORK_TYPES)}),
                *FILTER_PARAMS,
            ],
            "responses": {"200": {"description": "the network file"}} | _errors(400),
        }
    },
)
