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
from collections.abc import Mapping, Sequence

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


# ---------------------------------------------------------------- datasets
#
# The SPARQL 1.1 Protocol lets a request name its dataset (``default-graph-uri``,
# ``named-graph-uri``, ``using-graph-uri``, ``using-named-graph-uri``), and a
# query may name one with FROM / FROM NAMED. rdflib's own handling of these
# either fetches graphs from the web or, with ``SPARQL_LOAD_GRAPHS = False``,
# ignores FROM NAMED and writes the merged default graph into the store. So the
# dataset is built here instead: an in-memory copy of just the named graphs,
# taken from the store and never from anywhere else (an unknown graph is empty).


def _graph_triples(source, iri: URIRef):
    """The triples of the store's graph ``iri`` (none if it does not exist)."""
    # get_context, not graph(): graph() would create the graph in the store.
    return source.get_context(iri).triples((None, None, None))


def restricted_dataset(source, default_graphs: Sequence[URIRef], named_graphs: Sequence[URIRef]):
    """An in-memory dataset: default graph = merge of ``default_graphs``, plus copies of ``named_graphs``.

    >>> from rdflib import Dataset
    >>> ds = Dataset(default_union=True)
    >>> _ = ds.graph(URIRef("http://g/1")).add((URIRef("http://s"), URIRef("http://p"), Literal(1)))
    >>> len(restricted_dataset(ds, [URIRef("http://g/1")], []).default_context)
    1
    """
    from rdflib import Dataset

    out = Dataset(default_union=False)
    default = out.default_context
    for iri in default_graphs:
        for triple in _graph_triples(source, iri):
            default.add(triple)
    for iri in named_graphs:
        target = out.graph(iri)
        for triple in _graph_triples(source, iri):
            target.add(triple)
    return out


def parse_query(text: str, base: str | None = None):
    """rdflib's algebra for ``text`` with DiploKG's prefixes predeclared (QueryError if invalid)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    from kg.vocab import PREFIXES

    try:
        return translateQuery(parseQuery(text), base=base, initNs=PREFIXES)
    except ParseBaseException as exc:
        raise QueryError(f"invalid SPARQL: {exc}", where="query") from None


def dataset_clauses(query) -> tuple[list[URIRef], list[URIRef]]:
    """The FROM and FROM NAMED graph IRIs of a translated query."""
    defaults, named = [], []
    # dict.get, because CompValue.get() returns the key itself when it is missing.
    for clause in dict.get(query.algebra, "datasetClause") or []:
        if "default" in clause:
            defaults.append(clause["default"])
        else:
            named.append(clause["named"])
    return defaults, named


def evaluate_in_dataset(source, query, default_graphs: Sequence[URIRef], named_graphs: Sequence[URIRef]):
    """Evaluate a translated query over the dataset the protocol or FROM clauses name.

    The query's own FROM / FROM NAMED are replaced by the given graphs (the
    protocol's parameters win over the query's, SPARQL 1.1 Protocol 2.1.4).
    """
    from rdflib.plugins.sparql.evaluate import evalPart
    from rdflib.plugins.sparql.processor import SPARQLResult
    from rdflib.plugins.sparql.sparql import QueryContext

    dataset = restricted_dataset(source, default_graphs, named_graphs)
    query.algebra["datasetClause"] = None
    ctx = QueryContext(dataset, initBindings={})
    # Only the listed default graphs, not the union with the named ones.
    ctx.graph = dataset.default_context
    ctx.prologue = query.prologue
    return SPARQLResult(evalPart(ctx, query.algebra))


# ---------------------------------------------------------------- updates


def _update_dataset_conflict(op) -> bool:
    return bool(dict.get(op, "using") or dict.get(op, "withClause"))


def run_update(
    dataset,
    text: str,
    *,
    using_graphs: Sequence[URIRef] = (),
    using_named_graphs: Sequence[URIRef] = (),
    base: str | None = None,
) -> None:
    """Run a SPARQL 1.1 Update on ``dataset`` (rdflib's engine).

    ``LOAD`` and ``SERVICE`` are refused before anything runs. With protocol
    ``using-graph-uri`` / ``using-named-graph-uri`` parameters, every
    DELETE/INSERT ... WHERE evaluates its WHERE clause over just those graphs;
    an operation that has its own USING or WITH conflicts with them (QueryError).
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate
    from rdflib.plugins.sparql.sparql import Update
    from rdflib.plugins.sparql.update import evalUpdate

    from kg.vocab import PREFIXES

    try:
        parsed = parseUpdate(text)
    except ParseBaseException as exc:
        raise QueryError(f"invalid SPARQL update: {exc}", where="update") from None
    refuse_remote(parsed, "update")
    update = translateUpdate(parsed, base=base, initNs=PREFIXES)
    if not isinstance(update, Update):
        return  # an update with no operation (empty, or only prefixes) is valid and does nothing
    if using_graphs or using_named_graphs:
        for op in update.algebra:
            if op.name == "Modify" and _update_dataset_conflict(op):
                raise QueryError(
                    "give the dataset either as using-graph-uri/using-named-graph-uri or in the update "
                    "(USING/WITH), not both",
                    where="update",
                )
        for op in update.algebra:
            if op.name == "Modify":
                _modify_in_dataset(dataset, op, update.prologue, using_graphs, using_named_graphs)
            else:
                evalUpdate(dataset, _single(update, op))
        return
    evalUpdate(dataset, update)


def _single(update, op):
    from rdflib.plugins.sparql.sparql import Update

    return Update(update.prologue, [op])


def _modify_in_dataset(dataset, op, prologue, using_graphs, using_named_graphs) -> None:
    """DELETE/INSERT with its WHERE clause evaluated over the protocol's dataset only."""
    from rdflib.plugins.sparql.evaluate import evalPart
    from rdflib.plugins.sparql.sparql import QueryContext
    from rdflib.plugins.sparql.update import _fillTemplate

    restricted = restricted_dataset(dataset, using_graphs, using_named_graphs)
    ctx = QueryContext(restricted, initBindings={})
    ctx.graph = restricted.default_context
    ctx.prologue = op.prologue if dict.get(op, "prologue") else prologue
    solutions = list(evalPart(ctx, op.where))
    target = QueryContext(dataset, initBindings={})
    default = dataset.default_context
    for c in solutions:
        if op.delete:
            default -= _fillTemplate(op.delete.triples, c)
            for g, q in op.delete.quads.items():
                graph = target.dataset.get_context(c.get(g))
                graph -= _fillTemplate(q, c)
        if op.insert:
            default += _fillTemplate(op.insert.triples, c)
            for g, q in op.insert.quads.items():
                graph = target.dataset.get_context(c.get(g))
                graph += _fillTemplate(q, c)


# ---------------------------------------------------------------- safety


def _walk(node):
    """Every node of a parse tree, iteratively (the tree may be deep)."""
    from pyparsing import ParseResults

    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):  # CompValue is a dict
            stack.extend(item.values())
        elif isinstance(item, list | tuple | ParseResults):
            stack.extend(item)


def refuse_remote(parsed, where: str = "query") -> None:
    """Refuse ``SERVICE`` and ``LOAD`` anywhere in a parse tree: both reach outside the store.

    Oxigraph and rdflib both follow ``SERVICE <url>`` (a server-side request
    forgery) and rdflib's ``LOAD <file:///...>`` reads local files.
    """
    from rdflib.plugins.sparql.parserutils import CompValue

    for node in _walk(parsed):
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise QueryError("SERVICE is not allowed: this endpoint queries only its own store", where=where)
            if node.name == "Load":
                raise QueryError("LOAD is not allowed: this endpoint reads nothing from outside", where=where)
