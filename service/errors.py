"""One JSON error shape for every error the service returns.

Every failure — a domain error from :mod:`kg.errors`, an HTTP error raised by
Flask or Werkzeug (unknown route, wrong method, body too large, ...) or an
unexpected exception — becomes::

    {"ok": false, "error": "<short title>", "status": <int>,
     "message": "<what went wrong>", "where": <str or null>}

``where`` names the parameter or place of the fault when known. Server-side
failures (5xx) never carry paths or exception text to the client; the details
go to the log.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, jsonify
from werkzeug.exceptions import HTTPException

from kg.errors import (
    ConfigurationError,
    DiploKGError,
    ExtractionError,
    InputError,
    NotFoundError,
    QueryError,
    StoreError,
)

__all__ = ["error_response", "init_app", "status_of"]

# Most specific first; the first isinstance match wins.
_DOMAIN_STATUS: tuple[tuple[type[DiploKGError], int, str], ...] = (
    (InputError, 400, "Invalid input"),
    (QueryError, 400, "Invalid query"),
    (NotFoundError, 404, "Not found"),
    (StoreError, 503, "Store unavailable"),
    (ExtractionError, 503, "Extractor unavailable"),
    (ConfigurationError, 500, "Server misconfigured"),
)

# Messages for 5xx domain errors: the real message may hold file paths.
_HIDDEN_MESSAGES = {
    StoreError: "the knowledge graph store is unavailable; the server log has details",
    ConfigurationError: "the server is misconfigured; the server log has details",
}


def status_of(exc: DiploKGError) -> tuple[int, str]:
    """HTTP status and short title for a domain error."""
    for cls, status, title in _DOMAIN_STATUS:
        if isinstance(exc, cls):
            return status, title
    return 500, "Internal server error"


def error_response(
    status: int, title: str, message: str, where: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    """A response carrying the one error shape."""
    body: dict[str, Any] = {"ok": False, "error": title, "status": status, "message": message, "where": where}
    response = jsonify(body)
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _domain_error(exc: DiploKGError) -> Response:
    status, title = status_of(exc)
    message, where = exc.message, exc.where
    if status >= 500:
        current_app.logger.error("%s: %s", type(exc).__name__, exc)
        hidden = next((text for cls, text in _HIDDEN_MESSAGES.items() if isinstance(exc, cls)), None)
        if hidden is not None:
            message = hidden
        where = None
    return error_response(status, title, message, where)


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    # Keep headers such as Allow (405) but not Werkzeug's HTML content type.
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    return error_response(status, exc.name, exc.description or exc.name, None, headers)


def _unexpected_error(exc: Exception) -> Response:
    # The one place where any exception is caught: it is logged with its
    # traceback and answered, never swallowed.
    current_app.logger.exception("unhandled error: %s", type(exc).__name__)
    return error_response(500, "Internal server error", "an unexpected error occurred; it has been logged")


def init_app(app: Flask) -> None:
    """Register the error handlers on ``app``."""
    app.register_error_handler(DiploKGError, _domain_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
