"""``GET /export.<ext>``: the whole store as Turtle, TriG, N-Triples, N-Quads or JSON-LD.

The extension picks the format (``ttl``, ``trig``, ``nt``, ``nq``,
``jsonld``; see :data:`kg.export.FORMATS`); the file comes as an attachment
named ``diplokg.<ext>``.
"""

from __future__ import annotations

from flask import Blueprint, Response
from werkzeug.exceptions import NotFound

from kg.export import FORMATS
from service.store import get_kg

__all__ = ["BY_EXTENSION", "bp"]

bp = Blueprint("export", __name__)

#: Export formats by file extension.
BY_EXTENSION = {fmt.extension: fmt for fmt in FORMATS.values()}
# Text formats whose media type does not fix the encoding get an explicit charset.
_CHARSET = {"text/turtle", "application/trig"}


@bp.get("/export.<ext>")
def export(ext: str) -> Response:
    """The store serialised in the format named by ``ext``."""
    fmt = BY_EXTENSION.get(ext)
    if fmt is None:
        raise NotFound(f"no export format .{ext}; choose one of {', '.join('.' + e for e in BY_EXTENSION)}")
    body = get_kg().export(fmt.name)
    content_type = fmt.media_type + ("; charset=utf-8" if fmt.media_type in _CHARSET else "")
    response = Response(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="diplokg.{fmt.extension}"'
    return response
