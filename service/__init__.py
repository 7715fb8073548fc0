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
``SPARQL_WORKERS`` (``DIPLOKG_SPARQL_WORKERS``)
    How many queries run at once, each in its own process. Default 4.
``SPARQL_TIMEOUT`` (``DIPLOKG_SPARQL_TIMEOUT``)
    Seconds a query may run before its process is killed and the client
    gets a 503. Default 30.
``SPARQL_UPDATE_TIMEOUT`` (``DIPLOKG_SPARQL_UPDATE_TIMEOUT``)
    Seconds a write (``/sparql/update``, ``PUT``/``POST /store``) may take to
    be evaluated before its process is killed; the client gets a 503 and the
    store is unchanged. Default: the value of ``SPARQL_TIMEOUT``.
``SPARQL_UPDATE_TOKEN`` (``DIPLOKG_SPARQL_UPDATE_TOKEN``)
    Bearer token for ``/sparql/update`` and writes to ``/store``; unset (the
    default) means the service is read-only. At least 16 characters.
``CORS_ORIGINS`` (``DIPLOKG_CORS_ORIGINS``)
    Comma-separated origins allowed to read responses from a browser
    (no credentials). Empty (the default): no CORS headers.
``ACCESS_LOG`` (``DIPLOKG_ACCESS_LOG``)
    One JSON line per request on the ``diplokg.access`` logger. Default on.
``DIPLOKG_EXTRACTOR`` (no environment variable)
    An extractor object for ``POST /api/articles`` and ``POST /api/extract``;
    ``None`` (the default) uses the pipeline's default extractor. Tests set a
    stub here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

import rdflib.plugins.sparql
from flask import Flask, Response

from kg.errors import ConfigurationError

__all__ = ["DEFAULTS", "OTHER_DEFAULTS", "create_app"]

#: Integer settings with their defaults; each may also come from ``DIPLOKG_<KEY>``.
DEFAULTS: dict[str, int] = {
    "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
    "SPARQL_MAX_QUERY_LENGTH": 100_000,
    "SPARQL_MAX_ROWS": 10_000,
    "SPARQL_WORKERS": 4,
}

#: Other settings with their defaults; each may also come from ``DIPLOKG_<KEY>``.
OTHER_DEFAULTS: dict[str, Any] = {
    "SPARQL_TIMEOUT": 30.0,
    "SPARQL_UPDATE_TIMEOUT": None,
    "SPARQL_UPDATE_TOKEN": None,
    "CORS_ORIGINS": "",
    "ACCESS_LOG": True,
}

SECURITY_HEADERS = {
    # Nothing from other hosts, no inline script or style, no framing, no plugins.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "Referrer-Policy": "no-referrer",
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


def _lookup(config: Mapping[str, Any], key: str) -> tuple[Any, str] | None:
    env = f"DIPLOKG_{key}"
    if key in config:
        return config[key], "config"
    if os.environ.get(env):
        return os.environ[env], env
    return None


def _seconds(key: str, value: Any, source: str) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ConfigurationError(f"{key} must be a number of seconds, got {value!r}", where=source) from None
    if not 0 < seconds <= 86_400 or isinstance(value, bool):
        raise ConfigurationError(f"{key} must be between 0 and 86400 s, got {value!r}", where=source)
    return seconds


def _other_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = dict(OTHER_DEFAULTS)
    for key in ("SPARQL_TIMEOUT", "SPARQL_UPDATE_TIMEOUT"):
        found = _lookup(config, key)
        if found is not None and found[0] is not None:
            out[key] = _seconds(key, *found)
    if out["SPARQL_UPDATE_TIMEOUT"] is None:
        out["SPARQL_UPDATE_TIMEOUT"] = out["SPARQL_TIMEOUT"]
    found = _lookup(config, "SPARQL_UPDATE_TOKEN")
    if found is not None and found[0]:
        token, source = found
        # A short token could be guessed; the update endpoint changes the store.
        if not isinstance(token, str) or len(token) < 16:
            raise ConfigurationError("SPARQL_UPDATE_TOKEN must be a string of at least 16 characters", where=source)
        out["SPARQL_UPDATE_TOKEN"] = token
    found = _lookup(config, "CORS_ORIGINS")
    if found is not None:
        value, source = found
        origins = value.split(",") if isinstance(value, str) else list(value)
        origins = [o.strip().rstrip("/") for o in origins if o.strip()]
        for origin in origins:
            if origin == "*" or not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", origin):
                message = f"CORS_ORIGINS takes origins like https://example.org, got {origin!r}"
                raise ConfigurationError(message, where=source)
        out["CORS_ORIGINS"] = ",".join(origins)
    found = _lookup(config, "ACCESS_LOG")
    if found is not None:
        value, source = found
        out["ACCESS_LOG"] = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
    return out


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
    out.update(_other_settings(config))
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

    from service import (
        access,
        articles,
        errors,
        events,
        executor,
        exports,
        extract,
        health,
        home,
        named,
        network,
        openapi,
        sparql,
        store,
        update,
        viz,
    )

    errors.init_app(app)
    store.init_app(app)
    executor.init_app(app)
    access.init_app(app)
    for module in (home, health, sparql, update, named, articles, extract, events, network, viz, exports, openapi):
        app.register_blueprint(module.bp)
    app.after_request(_security_headers)
    return app
