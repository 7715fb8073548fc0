"""Structured access logs and CORS.

Access log: one JSON object per request on the ``diplokg.access`` logger
(``ACCESS_LOG``): method, path, status, bytes, duration in ms and client
address. The query string is left out: it may hold a whole SPARQL query.

CORS is off unless ``CORS_ORIGINS`` lists origins. A listed origin gets
``Access-Control-Allow-Origin`` with its own name (never ``*``) and never
``Access-Control-Allow-Credentials``: browsers send no cookies or
authorization on its behalf, so a page elsewhere can read but cannot act
as a logged-in user.
"""

from __future__ import annotations

import json
import logging
import time

from flask import Flask, Response, current_app, g, request

__all__ = ["init_app", "logger"]

logger = logging.getLogger("diplokg.access")

_ALLOWED_METHODS = "GET, POST, HEAD, OPTIONS"
_ALLOWED_HEADERS = "Accept, Content-Type"


def _start() -> None:
    g.diplokg_started = time.monotonic()


def _cors(response: Response) -> Response:
    origin = request.headers.get("Origin")
    allowed = [o for o in current_app.config.get("CORS_ORIGINS", "").split(",") if o]
    if not origin or origin.rstrip("/") not in allowed:
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    response.vary.add("Origin")
    response.headers["Access-Control-Expose-Headers"] = "X-DiploKG-Truncated"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = _ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = _ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"
    return response


def _log(response: Response) -> Response:
    if current_app.config.get("ACCESS_LOG"):
        started = g.get("diplokg_started")
        record = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "bytes": response.calculate_content_length(),
            "ms": round((time.monotonic() - started) * 1000, 1) if started else None,
            "client": request.remote_addr,
        }
        logger.info(json.dumps(record))
    return response


def init_app(app: Flask) -> None:
    """Register the access log and CORS hooks on ``app``."""
    if app.config.get("ACCESS_LOG") and not logger.handlers:
        # Without a handler INFO records would be dropped; the host may configure its own.
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    app.before_request(_start)
    app.after_request(_cors)
    app.after_request(_log)
