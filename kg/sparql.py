"""SPARQL text utilities shared by every backend.

Parameters of a query are bound through a ``VALUES`` block placed first in
the query's outermost group, built from RDF terms (rdflib's N-Triples
rendering, which escapes quotes, braces and newlines), never from raw user
text. Filters in that group see the bound values, and the same query text
runs unchanged on rdflib's engine and on Oxigraph (whose own substitution
only reaches projected variables).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib.term import Identifier, Literal, URIRef

from kg.errors import QueryError

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def _scan_groups(text: str):
    """Yield (position, char) of every ``{`` and ``}`` outside strings, IRIs and comments."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        elif c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            i = text.index(">", i)
        elif c in "{}":
            yield i, c
        i += 1


def where_group_start(text: str) -> int:
    """Index just after the ``{`` that opens the query's WHERE pattern."""
    depth = 0
    first_closed_at = None
    opens = []
    for pos, c in _scan_groups(text):
        if c == "{":
            if depth == 0:
                opens.append(pos)
            depth += 1
        else:
            depth -= 1
            if depth == 0 and first_closed_at is None:
                first_closed_at = pos
    if not opens:
        raise QueryError("the query has no graph pattern to bind parameters in")
    head = text[: opens[0]]
    # CONSTRUCT { template } WHERE { pattern }: the pattern is the second group.
    if re.search(r"\bCONSTRUCT\s*$", re.sub(r"#.*", "", head), re.IGNORECASE) and len(opens) > 1:
        return opens[1] + 1
    return opens[0] + 1


def bind_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """``text`` with ``bindings`` joined in as a one-row VALUES block.

    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('x" } ; DROP ALL #')})
    'SELECT ?s WHERE { VALUES (?o) { ("x\\\\" } ; DROP ALL #") }\\n ?s ?p ?o }'
    """
    if not bindings:
        return text
    names, terms = [], []
    for name, term in bindings.items():
        if not _VAR.fullmatch(name):
            raise QueryError(f"bad variable name {name!r}")
        if not isinstance(term, URIRef | Literal):
            raise QueryError(f"cannot bind {name!r} to {type(term).__name__}")
        names.append(f"?{name}")
        terms.append(term.n3())
    at = where_group_start(text)
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}\n"
    return text[:at] + block + text[at:]
