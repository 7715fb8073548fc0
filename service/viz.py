"""Interactive actor-network pages (Pyvis / vis-network), complete and offline.

Each page inlines its scripts and styles and is served with a per-response
nonce in a strict Content-Security-Policy: nothing loads from another host and
no script that the page did not bring can run, whatever the article text holds.
"""

from __future__ import annotations

import secrets

from flask import Blueprint, Response

from kg.errors import InputError
from kg.viz.network import COLOR_BY, SIZE_BY, content_security_policy
from service.network import FILTER_PARAMS, PATH_WINDOW, _choice, _required, filters_from_request
from service.openapi import _errors, _param, add_path
from service.params import int_param
from service.store import get_kg

__all__ = ["bp"]

bp = Blueprint("viz", __name__, url_prefix="/viz")


def _render_options(nonce: str) -> dict:
    return {
        "size_by": _choice("size", "pagerank", SIZE_BY),
        "color_by": _choice("color", "type", COLOR_BY),
        "node_limit": int_param("node_limit", 500, 1, 5000),
        "nonce": nonce,
    }


def _page(html: str, nonce: str) -> Response:
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = content_security_policy(nonce)
    return response


@bp.get("")
def network() -> Response:
    """The whole actor network under the filters."""
    from kg.viz.pages import network_page

    nonce = secrets.token_urlsafe(16)
    return _page(network_page(get_kg(), filters_from_request(), **_render_options(nonce)), nonce)


@bp.get("/actor/<path:ident>")
def actor(ident: str) -> Response:
    """The ego network of one actor."""
    from kg.viz.pages import actor_page

    if len(ident) > 300:
        raise InputError("actor identifier is too long", where="ident")
    nonce = secrets.token_urlsafe(16)
    depth = int_param("depth", 1, 1, 4)
    html = actor_page(get_kg(), ident, depth=depth, filters=filters_from_request(), **_render_options(nonce))
    return _page(html, nonce)


@bp.get("/path")
def path() -> Response:
    """The best paths between two actors, highlighted in their neighbourhood."""
    from kg.viz.pages import path_page

    nonce = secrets.token_urlsafe(16)
    html = path_page(
        get_kg(),
        _required("from"),
        _required("to"),
        filters=filters_from_request(actors_in_from_to=True),
        k=int_param("k", 1, 1, 10),
        **_render_options(nonce),
    )
    return _page(html, nonce)


_VIEW = [
    _param("size", schema={"type": "string", "enum": list(SIZE_BY)}, doc="node size measure"),
    _param("color", schema={"type": "string", "enum": list(COLOR_BY)}, doc="node colour"),
    _param("node_limit", schema={"type": "integer", "minimum": 1, "maximum": 5000}),
]
_HTML = {"200": {"description": "HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}}
add_path(
    "/viz",
    {
        "get": {
            "summary": "Interactive actor network",
            "parameters": [*_VIEW, *FILTER_PARAMS],
            "responses": _HTML | _errors(400),
        }
    },
)
add_path(
    "/viz/actor/{ident}",
    {
        "get": {
            "summary": "Interactive ego network of an actor",
            "parameters": [
                _param("ident", where="path", required=True, doc="actor key, IRI or name"),
                _param("depth", schema={"type": "integer", "minimum": 1, "maximum": 4}),
                *_VIEW,
                *FILTER_PARAMS,
            ],
            "responses": _HTML | _errors(400, 404),
        }
    },
)
add_path(
    "/viz/path",
    {
        "get": {
            "summary": "Interactive view of the paths between two actors",
            "parameters": [
                _param("from", required=True, doc="actor key, IRI or name"),
                _param("to", required=True, doc="actor key, IRI or name"),
                _param("k", schema={"type": "integer", "minimum": 1, "maximum": 10}),
                *_VIEW,
                *PATH_WINDOW,
                *[p for p in FILTER_PARAMS if p["name"] not in ("from", "to")],
            ],
            "responses": _HTML | _errors(400, 404),
        }
    },
)
