"""DiploKG's HTTP service: SPARQL endpoint, JSON API, exports.

Create the app with :func:`create_app`; there is no module-level app, so a
server is started with e.g. ``waitress-serve --call service:create_app``.

Configuration
-------------
Each key is taken from the ``config`` mapping given to :func:`create_app`,
else from the environment variable named in brackets, else the default.

``DIPLOKG_STORE`` (``DIPLOKG_STORE``)
    The store URL: ``oxigraph:/path/to/dir`` or ``memory:``. Default: the
    store every DiploKG command uses (an Oxigraph store in the user's data
    directory). It is opened on the first request that needs it.
``MAX_CONTENT_LENGTH`` (``DIPLOKG_MAX_CONTENT_LENGTH``)
    Largest request body in bytes; larger bodies get a 413. Default 5 MB.
``SPARQL_MAX_QUERY_LENGTH`` (``DIPLOKG_SPARQL_MAX_QUERY_LENGTH``)
    Longest SPARQL query in characters; longer ones get a 400. Default 100,000.
``SPARQL_MAX_ROWS`` (``DIPLOKG_SPARQL_MAX_ROWS``)
    Most result rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned by
    ``/sparql``. When the cap cuts a result, the response carries the header
    ``X-DiploKG-Truncated: true``. Default 10,000.
``DIPLOKG_EXTRACTOR`` (no environment variable)
    An extractor object for ``POST /api/articles``; ``None`` (the default)
    uses the pipeline's default extractor. Tests set a stub here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import rdflib.plugins.sparql
from flask import Flask, Response

from kg.errors import ConfigurationError

__all__ = ["DEFAULTS", "create_app"]

#: Integer settings with their defaults; each may also come from ``DIPLOKG_<KEY>``.
DEFAULTS: dict[str, int] = {
    "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
    "SPARQL_MAX_QUERY_LENGTH": 100_000,
    "SPARQL_MAX_ROWS": 10_000,
}

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "X-Content-Type-Options": "nosniff",
}


def _int_setting(key: str, value: Any, source: str) -> int:
    if isinstance(value, bool | float):
        raise ConfigurationError(f"{key} must be a whole number, got {value!r}", where=source)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigurationError(f"{key} must be a whole number, got {value!r}", where=source) from None
    if number <= 0:
        raise ConfigurationError(f"{key} must be a positive whole number, got {value!r}", where=source)
    return number


def _settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """The DiploKG settings: given config over environment over defaults, validated."""
    from kg.store import default_store_url

    out: dict[str, Any] = {}
    for key, default in DEFAULTS.items():
        env = f"DIPLOKG_{key}"
        if key in config:
            out[key] = _int_setting(key, config[key], "config")
        elif os.environ.get(env):
            out[key] = _int_setting(key, os.environ[env], env)
        else:
            out[key] = default
    store = config.get("DIPLOKG_STORE") or default_store_url()
    if not isinstance(store, str):
        raise ConfigurationError(f"DIPLOKG_STORE must be a string, got {store!r}", where="config")
    out["DIPLOKG_STORE"] = store
    out["DIPLOKG_EXTRACTOR"] = config.get("DIPLOKG_EXTRACTOR")
    return out


def _security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the DiploKG Flask app.

    Parameters
    ----------
    config : mapping, optional
        Flask settings and the DiploKG keys described in this module's
        docstring; they win over ``DIPLOKG_*`` environment variables.

    Raises
    ------
    kg.errors.ConfigurationError
        If a setting has an invalid value.
    """
    config = dict(config or {})
    # Never let a query's FROM clause make rdflib fetch a graph from the web.
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

    app = Flask(__name__)
    app.config.update(config)
    app.config.update(_settings(config))
    # Keep the error shape's keys in the documented order.
    app.json.sort_keys = False  # type: ignore[attr-defined]

    from service import articles, errors, events, exports, health, home, sparql, store

    errors.init_app(app)
    store.init_app(app)
    for module in (home, health, sparql, articles, events, exports):
        app.register_blueprint(module.bp)
    app.after_request(_security_headers)
    return app
