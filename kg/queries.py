"""Named, parameterised SPARQL queries kept as ``queries/*.rq`` files.

Each file starts with a header of ``#`` comments::

    # title: Events of an actor
    # description: Every event in which the actor is source or target.
    # param: actor actor required   The actor (key such as RUS, or an IRI)
    # param: limit integer 100       How many rows at most

A parameter line is ``name type default-or-"required" description``; types are
``actor``, ``iri``, ``string``, ``integer``, ``date`` and ``code``. Values are
checked against their type and bound to the query variable of the same name
(``?actor``) by the engine, never pasted into the query text. ``date`` values
are bound as plain strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) so that
queries can compare them with event dates of any precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from kg.errors import NotFoundError, QueryError
from kg.resources import queries_dir
from kg.vocab import actor_iri

TYPES = ("actor", "iri", "string", "integer", "date", "code")
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_CODE = re.compile(r"^\d{2,4}$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: str | None
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "default": p.default,
                    "description": p.description,
                }
                for p in self.params
            ],
        }

    def bindings(self, values: dict[str, str]) -> dict[str, Any]:
        """Check ``values`` against the declared parameters; return RDF terms to bind."""
        unknown = set(values) - {p.name for p in self.params}
        if unknown:
            raise QueryError(f"unknown parameter(s) {', '.join(sorted(unknown))} for query {self.name!r}")
        out = {}
        for p in self.params:
            raw = values.get(p.name, p.default)
            if raw is None or raw == "":
                if p.required:
                    raise QueryError(f"parameter {p.name!r} is required", where=p.name)
                continue
            out[p.name] = convert(p, str(raw))
        return out


def convert(param: Param, raw: str) -> Any:
    """The RDF term for one parameter value, or QueryError."""
    bad = QueryError(f"parameter {param.name!r} must be of type {param.type}, got {raw[:80]!r}", where=param.name)
    if param.type == "integer":
        if not re.fullmatch(r"-?\d{1,9}", raw):
            raise bad
        return Literal(int(raw))
    if param.type == "date":
        if not _DATE.fullmatch(raw):
            raise bad
        return Literal(raw)
    if param.type == "code":
        if not _CODE.fullmatch(raw):
            raise bad
        return Literal(raw)
    if param.type == "iri":
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", raw):
            raise bad
        return URIRef(raw)
    if param.type == "actor":
        if re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", raw):
            return URIRef(raw)
        if not _KEY.fullmatch(raw):
            raise bad
        return actor_iri(raw)
    if len(raw) > 1000:
        raise bad
    return Literal(raw)


def parse_header(name: str, text: str) -> NamedQuery:
    """Read the header comment of a query file."""
    title = description = None
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        key, _, value = body.partition(":")
        value = value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        elif key == "param":
            parts = value.split(None, 3)
            if len(parts) < 4 or parts[1] not in TYPES:
                raise QueryError(f"bad parameter line {body!r}", where=name)
            pname, ptype, default, desc = parts
            required = default == "required"
            params.append(Param(pname, ptype, required, None if required or default == "-" else default, desc))
    if not title or not description:
        raise QueryError("a named query needs '# title:' and '# description:' lines", where=name)
    return NamedQuery(name, title, description, tuple(params), text)


def list_queries(folder: Path | None = None) -> list[NamedQuery]:
    """All named queries, sorted by name."""
    folder = folder or queries_dir()
    return [parse_header(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


def get_query(name: str, folder: Path | None = None) -> NamedQuery:
    """The named query ``name``; NotFoundError if there is none (names never reach the file system unchecked)."""
    if not _NAME.fullmatch(name):
        raise NotFoundError(f"no named query {name[:80]!r}")
    path = (folder or queries_dir()) / f"{name}.rq"
    if not path.is_file():
        raise NotFoundError(f"no named query {name!r}")
    return parse_header(name, path.read_text(encoding="utf-8"))
