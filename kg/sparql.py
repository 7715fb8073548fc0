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
#
# In this store the default graph that queries see is the union of the named
# (article) graphs. Updates keep that view:
#
# - a delete without GRAPH (DELETE DATA, DELETE WHERE, a DELETE template)
#   removes the triple from the union, i.e. from every graph that holds it;
# - nothing can be written *into* the default graph (INSERT DATA or an INSERT
#   template without GRAPH or WITH, ADD/COPY/MOVE with DEFAULT) and it cannot be
#   emptied as a graph (CLEAR/DROP DEFAULT): such an update is refused whole
#   (QueryError) before any of its operations runs, SILENT or not;
# - DELETE WHERE { P } is evaluated as DELETE { P } WHERE { P } (SPARQL 1.1
#   Update 3.1.3.3), so GRAPH ?g works in it;
# - CREATE GRAPH succeeds and changes nothing (a graph exists here when it has
#   a triple); CREATE of a graph that has triples fails unless SILENT.

_DEFAULT_GRAPH = "the default graph of this store is the read-only union of its named graphs: "


def _update_dataset_conflict(op) -> bool:
    return bool(dict.get(op, "using") or dict.get(op, "withClause"))


def _refuse_default_graph_write(op) -> None:
    """Raise QueryError if ``op`` would write into, or empty, the store's own default graph."""
    name = op.name.upper()
    why = None
    if op.name == "InsertData" and op.triples:
        why = "put the triples of INSERT DATA in GRAPH <iri> { ... }"
    elif op.name == "Modify" and op.insert and op.insert.triples and not op.withClause:
        why = "put the triples of an INSERT template in GRAPH <iri> { ... }, or name the graph with WITH <iri>"
    elif op.name in ("Clear", "Drop") and op.graphiri == "DEFAULT":
        why = f"{name} DEFAULT cannot empty it; use {name} GRAPH <iri>, or {name} ALL to empty every graph"
    elif op.name in ("Add", "Copy", "Move") and "DEFAULT" in op.graph:
        why = (
            f"{name} cannot read or write DEFAULT; name both graphs ({name} <a> TO <b>), or copy the union "
            "with INSERT { GRAPH <iri> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
        )
    if why is not None:
        raise QueryError(_DEFAULT_GRAPH + why, where="update")


def _delete_where_as_modify(op):
    """``DELETE WHERE { P }`` as the equivalent ``DELETE { P } WHERE { P }`` (SPARQL 1.1 Update 3.1.3.3).

    rdflib's own DeleteWhere looks up a graph literally named by a GRAPH variable.
    """
    from rdflib.plugins.sparql.algebra import BGP, Join
    from rdflib.plugins.sparql.algebra import Graph as GraphPattern
    from rdflib.plugins.sparql.parserutils import CompValue

    where = BGP(list(op.triples or []))
    for name, triples in (op.quads or {}).items():
        where = Join(where, GraphPattern(name, BGP(list(triples))))
    modify = CompValue("Modify", delete=CompValue("DeleteClause", triples=op.triples, quads=op.quads), where=where)
    modify.prologue = op.prologue
    return modify


def run_update(
    dataset,
    text: str,
    *,
    using_graphs: Sequence[URIRef] = (),
    using_named_graphs: Sequence[URIRef] = (),
    base: str | None = None,
) -> None:
    """Run a SPARQL 1.1 Update on ``dataset`` (a union-default Dataset; rdflib's engine).

    ``LOAD`` and ``SERVICE`` are refused before anything runs, and so are
    writes into the default graph (see the comment above). With protocol
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
    operations = [_delete_where_as_modify(op) if op.name == "DeleteWhere" else op for op in update.algebra]
    for op in operations:
        _refuse_default_graph_write(op)
    if using_graphs or using_named_graphs:
        for op in operations:
            if op.name == "Modify" and _update_dataset_conflict(op):
                raise QueryError(
                    "give the dataset either as using-graph-uri/using-named-graph-uri or in the update "
                    "(USING/WITH), not both",
                    where="update",
                )
    for op in operations:
        if op.name == "Modify":
            _modify(dataset, op, update.prologue, using_graphs, using_named_graphs)
        elif op.name == "Create":
            _create(dataset, op)
        else:
            evalUpdate(dataset, Update(update.prologue, [op]))


def _create(dataset, op) -> None:
    """CREATE GRAPH: nothing to do, as this store keeps no empty graphs; an existing graph is an error."""
    if op.silent:
        return
    name = op.graphiri
    if next(iter(dataset.get_context(name).triples((None, None, None))), None) is not None:
        raise QueryError(f"CREATE GRAPH: the graph <{name}> already exists (CREATE SILENT ignores that)", "update")


def _modify(dataset, op, prologue, using_graphs, using_named_graphs) -> None:
    """DELETE/INSERT ... WHERE: all solutions first, then the templates (SPARQL 1.1 Update 3.1.3).

    The WHERE clause is evaluated over the protocol's dataset if given, else
    over the operation's USING / USING NAMED graphs (copied from the store,
    never loaded from anywhere), else over the store with WITH's graph (if any)
    as the default graph.
    """
    from rdflib.plugins.sparql.evaluate import evalPart
    from rdflib.plugins.sparql.sparql import QueryContext

    using = dict.get(op, "using") or []
    if not (using_graphs or using_named_graphs) and using:
        using_graphs = [clause.default for clause in using if clause.default]
        using_named_graphs = [clause.named for clause in using if clause.named]
    with_graph = dataset.get_context(op.withClause) if op.withClause else None
    if using_graphs or using_named_graphs:
        source = restricted_dataset(dataset, using_graphs, using_named_graphs)
        ctx = QueryContext(source, initBindings={})
        ctx.graph = source.default_context
    else:
        ctx = QueryContext(dataset, initBindings={})
        if with_graph is not None:
            ctx.graph = with_graph
    ctx.prologue = op.prologue or prologue  # an attribute of the operation, not a key
    solutions = list(evalPart(ctx, op.where))
    for solution in solutions:
        if op.delete:
            _apply_template(dataset, with_graph, op.delete, solution, add=False)
        if op.insert:
            _apply_template(dataset, with_graph, op.insert, solution, add=True)


def _apply_template(dataset, with_graph, clause, solution, *, add: bool) -> None:
    """Insert or delete one solution's instance of a DELETE or INSERT template."""
    from rdflib.plugins.sparql.update import _fillTemplate
    from rdflib.term import BNode

    triples = list(_fillTemplate(clause.triples, solution))
    if triples:
        if with_graph is not None:
            target = with_graph
        elif add:  # refused before anything ran; kept as a guard
            raise QueryError(_DEFAULT_GRAPH + "an INSERT template needs GRAPH <iri> { ... }", where="update")
        else:
            target = dataset  # the union: the triple leaves every graph that holds it
        for triple in triples:
            (target.add if add else target.remove)(triple)
    for name, pattern in clause.quads.items():
        graph_name = solution.get(name)
        if not isinstance(graph_name, URIRef | BNode):
            continue  # an unbound or literal graph name: that part of the template is skipped
        graph = dataset.get_context(graph_name)
        for triple in _fillTemplate(pattern, solution):
            (graph.add if add else graph.remove)(triple)


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
