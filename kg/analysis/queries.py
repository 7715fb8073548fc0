"""Store look-ups for the analysis layer: filters as SPARQL, actors, evidence, timelines.

Knows rdflib terms and the store, not NetworkX. Every value that comes from
a user is bound (:func:`kg.sparql.bind_values`) or, for lists of event IRIs,
rendered from validated RDF terms into a ``VALUES`` block; none is pasted in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from rdflib import Literal, URIRef

from kg.analysis.filters import Filters
from kg.errors import InputError, NotFoundError
from kg.store.rdf import DATE_BASIS_NAME, MODALITY, MODALITY_NAME
from kg.vocab import ACTOR, DKG, EVENT, SCHEMA, WD, actor_iri

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = [
    "actor_attributes",
    "actor_key",
    "actor_timeline",
    "describe_actor",
    "event_actor_attributes",
    "event_counts",
    "event_evidence",
    "filter_clauses",
    "filter_subqueries",
    "is_oxigraph",
    "resolve_actor",
    "search_actors",
    "select_lexical",
]

_TYPE_NAME = {str(DKG.State): "state", str(DKG.Person): "person", str(DKG.Organization): "organization"}
_TYPE_NAME[str(DKG.Group)] = "group"
_EVENT_IRI = re.compile(re.escape(str(EVENT)) + r"[0-9A-Za-z_-]{1,64}")
_QID = re.compile(r"Q[0-9]{1,12}")
_CHUNK = 400
_ACTOR_NS = str(ACTOR)


def filter_clauses(filters: Filters) -> tuple[list[str], dict[str, Any]]:
    """Graph pattern lines selecting the events (``?e``) that pass ``filters``, and their bindings.

    Binds ``?e ?s ?t ?code ?q ?m`` always and ``?d`` (the date as text) when the
    event has a date. Actor filters and ``min_weight`` are not here: they act
    on actors and relations, after aggregation.
    """
    bindings: dict[str, Any] = {}
    lines = [
        # No "?e a dkg:Event": only events have dkg:source, and each pattern is a join.
        "?e dkg:source ?s ; dkg:target ?t ; dkg:cameoCode ?code ; dkg:quadClass ?q ;",
        "   dkg:modality ?m .",
    ]
    mods = sorted(filters.effective_modalities)
    if not mods:
        # No modality selected, no event. Not "FILTER(false)": rdflib lets every solution
        # through a filter on the bare literal false (the memory store returned events).
        lines.append("FILTER(1 = 0)")
    else:
        for i, name in enumerate(mods):
            bindings[f"mod{i}"] = MODALITY[name]
        lines.append(f"FILTER(?m IN ({', '.join(f'?mod{i}' for i in range(len(mods)))}))")
    if filters.quad_classes:
        # A VALUES join, not a FILTER: Oxigraph then reads only the events of those
        # classes (half the time for conflict-only). The terms are validated ints.
        lines.insert(0, _values("q", [Literal(q) for q in sorted(filters.quad_classes)]))
    if filters.cameo:
        for i, code in enumerate(filters.cameo):
            bindings[f"cameo{i}"] = Literal(code)
        lines.append(f"FILTER({' || '.join(f'STRSTARTS(?code, ?cameo{i})' for i in range(len(filters.cameo)))})")
    start, end = filters.window
    if start is None and end is None:
        lines.append("OPTIONAL { ?e dkg:date ?date }")
        lines.append("BIND(STR(?date) AS ?d)")
    else:
        # Dates are stored at day, month or year precision; comparing the date
        # text with the same-length prefix of each bound is an overlap test
        # (see kg.analysis.filters.date_overlaps).
        bindings["from"] = Literal(start or "0000-01-01")
        bindings["to"] = Literal(end or "9999-12-31")
        lines.append("?e dkg:date ?date .")
        lines.append("BIND(STR(?date) AS ?d)")
        lines.append("FILTER(?d >= SUBSTR(?from, 1, STRLEN(?d)) && ?d <= SUBSTR(?to, 1, STRLEN(?d)))")
    return lines, bindings


def _subquery(pattern: str, *variables: str) -> str:
    return f"{{ SELECT ?e {' '.join('?' + v for v in variables)} WHERE {{ {pattern} }} }}"


def filter_subqueries(filters: Filters) -> list[str] | None:
    """The events that pass ``filters`` as groups for Oxigraph, one subquery per property.

    The same selection and the same variables as :func:`filter_clauses`
    (``?e ?s ?t ?code ?q``, ``?d`` when dated; ``?m`` is not projected), shaped
    for Oxigraph: it joins the triple patterns of a basic graph pattern with
    one index look-up per solution and pattern (about 20 µs each on disk), but
    joins subqueries by hashing whole index scans. For the projection of
    200,000 events that is 42 s against 11 s; scoping the patterns to one
    named graph (``GRAPH ?g``) does not help, the look-ups stay.
    Each subquery is evaluated on its own, so the filter values are written
    into it from validated RDF terms rather than bound (a binding reaches only
    the outer group). ``None`` when no modality is selected (no event passes).
    """
    mods = sorted(filters.effective_modalities)
    if not mods:
        return None
    quads = sorted(filters.quad_classes)
    codes = " || ".join(f"STRSTARTS(?code, {Literal(c).n3()})" for c in filters.cameo)
    # The window and quad classes first: a quarter faster than last, measured on a filtered network.
    groups = []
    start, end = filters.window
    if start is not None or end is not None:
        lo, hi = Literal(start or "0000-01-01").n3(), Literal(end or "9999-12-31").n3()
        groups.append(
            _subquery(
                f"?e dkg:date ?date . BIND(STR(?date) AS ?d) "
                f"FILTER(?d >= SUBSTR({lo}, 1, STRLEN(?d)) && ?d <= SUBSTR({hi}, 1, STRLEN(?d)))",
                "d",
            )
        )
    groups.append(_subquery(f"{_values('q', [Literal(q) for q in quads]) if quads else ''} ?e dkg:quadClass ?q", "q"))
    groups.append(_subquery(f"?e dkg:cameoCode ?code {f'FILTER({codes})' if codes else ''}", "code"))
    groups.append(_subquery(f"{_values('m', [MODALITY[m] for m in mods])} ?e dkg:modality ?m"))
    groups.append(_subquery("?e dkg:source ?s", "s"))
    groups.append(_subquery("?e dkg:target ?t", "t"))
    if start is None and end is None:
        groups.append(f"OPTIONAL {_subquery('?e dkg:date ?date . BIND(STR(?date) AS ?d)', 'd')}")
    return groups


def is_oxigraph(kg: KnowledgeGraph) -> bool:
    """Whether ``kg`` is an Oxigraph store (queries can then go to pyoxigraph directly)."""
    return getattr(kg.backend, "ox", None) is not None


def select_lexical(kg: KnowledgeGraph, text: str, bindings: dict[str, Any] | None = None) -> Iterator[tuple]:
    """Rows of a SELECT as tuples of lexical forms (str, or None when unbound).

    For the big aggregate queries of the projection: on an Oxigraph store the
    rows are read straight from pyoxigraph, skipping rdflib's term objects
    (about 40% of the time at 200,000 events); other stores go through
    :meth:`KnowledgeGraph.query`. (A ``select_lexical`` on the store itself
    would be the better home for this.)
    """
    store = getattr(kg.backend, "ox", None)
    if store is None:
        for row in kg.query(text, bindings):
            yield tuple(None if v is None else str(v) for v in row)
        return
    from kg.sparql import bind_values
    from kg.vocab import PREFIXES

    query = bind_values(text, bindings or {})
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    for solution in store.query(query, use_default_graph_as_union=True, prefixes=prefixes):
        yield tuple(None if v is None else v.value for v in solution)


def _values(var: str, terms: Iterable[URIRef | Literal]) -> str:
    """A multi-row ``VALUES`` block from RDF terms (their N-Triples form, as bind_values does)."""
    return f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}"


# ------------------------------------------------------------------ actors


def actor_key(iri: str) -> str:
    """The local key of an actor IRI (the IRI itself if it is not a DiploKG actor).

    >>> actor_key("https://diplokg.org/id/actor/RUS")
    'RUS'
    """
    iri = str(iri)
    return unquote(iri[len(_ACTOR_NS) :]) if iri.startswith(_ACTOR_NS) else iri


_key = actor_key


def _actor_known(kg: KnowledgeGraph, iri: URIRef) -> bool:
    # Two plain patterns rather than a UNION: bound values reach only the outer
    # group, and a UNION branch would be evaluated for every actor first.
    return kg.ask("ASK { ?a rdfs:label ?l }", {"a": iri}) or kg.ask("ASK { ?e dkg:source|dkg:target ?a }", {"a": iri})


_ATTRIBUTE_QUERIES = {
    # skos:prefLabel, which every described actor has, rather than rdfs:label, which every event has too.
    "label": "SELECT DISTINCT ?a ?v WHERE { %s ?a skos:prefLabel ?v . FILTER(STRSTARTS(STR(?a), ?ns)) }",
    "type": "SELECT DISTINCT ?a ?v WHERE { %s ?a a ?v . "
    "FILTER(?v IN (dkg:State, dkg:Person, dkg:Organization, dkg:Group)) }",
    "country": "SELECT DISTINCT ?a ?v WHERE { %s ?a dkg:countryCode ?v . FILTER(STRSTARTS(STR(?a), ?ns)) }",
}


def _chunks(iris: list[str]) -> list[list[URIRef]]:
    return [[URIRef(i) for i in iris[n : n + _CHUNK]] for n in range(0, len(iris), _CHUNK)]


def actor_attributes(kg: KnowledgeGraph, iris: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Label, type and country of described actors (all, or those in ``iris``), by IRI.

    One DISTINCT query per property: an actor described in many article graphs
    would otherwise multiply into every combination of its duplicate triples.
    Several values (e.g. labels) give the smallest, so the answer is stable.
    """
    out: dict[str, dict[str, Any]] = {}
    wanted = None if iris is None else sorted({str(i) for i in iris})
    if wanted is not None and not wanted:
        return out
    for prop, text in _ATTRIBUTE_QUERIES.items():
        parts = [""] if wanted is None else [_values("a", chunk) for chunk in _chunks(wanted)]
        for values in parts:
            for a, v in select_lexical(kg, text % values, {"ns": Literal(_ACTOR_NS)}):
                _keep_smallest(out.setdefault(a, {}), prop, v)
    return out


def _keep_smallest(entry: dict[str, Any], prop: str, v: str) -> None:
    value = _TYPE_NAME.get(v) if prop == "type" else v
    if value is not None and (entry.get(prop) is None or value < entry[prop]):
        entry[prop] = value


# The actors of all events with their descriptions, in one pass over the store.
# Each attribute is made DISTINCT before the join (an actor may be described in
# thousands of article graphs), and IRIs are compared as stored terms: a
# FILTER on STR(?a) would have Oxigraph decode every subject it looks at.
_EVENT_ACTORS_OX = """SELECT ?a ?k ?v WHERE {
  { SELECT DISTINCT ?a WHERE { { ?e dkg:source ?a } UNION { ?e dkg:target ?a } } }
  OPTIONAL {
    { { SELECT DISTINCT ?a ?v WHERE { ?a skos:prefLabel ?v } } BIND("label" AS ?k) }
    UNION
    { { SELECT DISTINCT ?a ?v WHERE { VALUES ?v { dkg:State dkg:Person dkg:Organization dkg:Group } ?a a ?v } }
      BIND("type" AS ?k) }
    UNION
    { { SELECT DISTINCT ?a ?v WHERE { ?a dkg:countryCode ?v } } BIND("country" AS ?k) }
  }
}"""


def event_actor_attributes(kg: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Every actor that takes part in an event, by IRI, with what :func:`actor_attributes` says of it.

    Actors without a description map to an empty dict. On Oxigraph this is
    one query (1.4 s rather than 3.9 s CPU for 20,000 actors described in
    10,000 article graphs); elsewhere it is :func:`actor_attributes` and a
    DISTINCT over the events' actors.
    """
    if not is_oxigraph(kg):
        described = actor_attributes(kg)
        rows = select_lexical(kg, "SELECT DISTINCT ?a WHERE { ?e dkg:source|dkg:target ?a }")
        return {iri: described.get(iri, {}) for (iri,) in rows}
    out: dict[str, dict[str, Any]] = {}
    for a, prop, v in select_lexical(kg, _EVENT_ACTORS_OX):
        entry = out.setdefault(a, {})
        # As in actor_attributes: labels and countries only of DiploKG actors.
        if prop is not None and (prop == "type" or a.startswith(_ACTOR_NS)):
            _keep_smallest(entry, prop, v)
    return out


def event_counts(kg: KnowledgeGraph, iris: Iterable[str]) -> dict[str, int]:
    """Number of events each actor IRI takes part in (absent: none)."""
    out: dict[str, int] = {}
    for chunk in _chunks(sorted({str(i) for i in iris})):
        pattern = f"{_values('a', chunk)} ?e dkg:source|dkg:target ?a"
        query = f"SELECT ?a (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {pattern} }} GROUP BY ?a"
        for a, n in kg.query(query):
            out[str(a)] = int(n.toPython())
    return out


def resolve_actor(kg: KnowledgeGraph, ident: str) -> str:
    """The key of the actor named by ``ident``.

    ``ident`` may be a key (``RUS``, ``Q7747``, a slug), a DiploKG actor IRI, a
    Wikidata IRI or QID, or a name or alias (case-insensitive, exact). Raises
    :class:`NotFoundError` if nothing matches and :class:`InputError` if a
    name matches several actors equally well.
    """
    if not isinstance(ident, str) or not ident.strip():
        raise InputError("actor must be a non-empty key, IRI or name", where="actor")
    ident = ident.strip()
    if len(ident) > 300:
        raise InputError("actor identifier is too long", where="actor")
    candidates: list[URIRef] = []
    if "://" in ident:
        if ident.startswith(str(ACTOR)):
            candidates.append(URIRef(ident))
        elif ident.startswith(str(WD)):
            ident = ident[len(str(WD)) :]
        else:
            raise NotFoundError(f"no actor with IRI {ident!r}", where="actor")
    if not candidates:
        candidates = [actor_iri(ident)]
        if ident.upper() != ident:
            candidates.append(actor_iri(ident.upper()))
    for iri in candidates:
        if _actor_known(kg, iri):
            return _key(str(iri))
    if _QID.fullmatch(ident.upper()):
        rows = kg.select("SELECT DISTINCT ?a WHERE { ?a owl:sameAs ?wd }", {"wd": WD[ident.upper()]})
        if rows:
            return _key(str(rows[0]["a"]))
    if "://" in ident or _QID.fullmatch(ident.upper()):
        raise NotFoundError(f"no actor {ident!r}", where="actor")  # an identifier, not a name
    # Exact spelling first: an index look-up, where the case-insensitive match scans every name.
    for name in (Literal(ident), Literal(ident, lang="en")):
        exact = kg.select(
            "SELECT DISTINCT ?a WHERE { ?a rdfs:label|skos:altLabel|skos:prefLabel ?name }", {"name": name}
        )
        keys = sorted({_key(str(r["a"])) for r in exact if str(r["a"]).startswith(_ACTOR_NS)})
        if len(keys) == 1:
            return keys[0]
    # Bound values are visible in the outer group only (not in subqueries), so the filter stays here.
    rows = kg.select(
        """SELECT DISTINCT ?a WHERE {
             ?a rdfs:label|skos:altLabel|skos:prefLabel ?name .
             FILTER(LCASE(STR(?name)) = ?q && STRSTARTS(STR(?a), ?ns))
           }""",
        {"q": Literal(ident.lower()), "ns": Literal(_ACTOR_NS)},
    )
    if not rows:
        raise NotFoundError(f"no actor matches {ident!r}", where="actor")
    iris = sorted(str(r["a"]) for r in rows)
    counts = event_counts(kg, iris)
    active = [i for i in iris if counts.get(i)] or iris
    if len(active) > 1:
        keys = ", ".join(_key(i) for i in active[:8])
        raise InputError(f"{ident!r} names several actors: {keys}; use a key", where="actor")
    return _key(active[0])


def search_actors(kg: KnowledgeGraph, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose key, label or alias contains ``text`` (case-insensitive), most active first."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("search text must not be empty", where="q")
    if len(text) > 200:
        raise InputError("search text is too long", where="q")
    limit = int(limit)
    if not 1 <= limit <= 1000:
        raise InputError("limit must be between 1 and 1000", where="limit")
    needle = text.strip().lower()
    rows = kg.select(
        """SELECT DISTINCT ?a WHERE {
             ?a rdfs:label|skos:altLabel ?name .
             FILTER(CONTAINS(LCASE(STR(?name)), ?q) && STRSTARTS(STR(?a), ?ns))
           } LIMIT 5000""",
        {"q": Literal(needle), "ns": Literal(_ACTOR_NS)},
    )
    iris = [str(r["a"]) for r in rows]
    # An exact key (e.g. an actor without a description) is found too.
    for candidate in dict.fromkeys((text.strip(), text.strip().upper())):
        iri = str(actor_iri(candidate))
        if iri not in iris and _actor_known(kg, URIRef(iri)):
            iris.insert(0, iri)
    counts = event_counts(kg, iris)
    attrs = actor_attributes(kg, iris)
    iris.sort(key=lambda i: (-counts.get(i, 0), i))
    out = []
    for iri in iris[:limit]:
        key = _key(iri)
        a = attrs.get(iri, {})
        out.append(
            {
                "key": key,
                "id": iri,
                "label": a.get("label") or key,
                "type": a.get("type"),
                "country": a.get("country"),
                "events": counts.get(iri, 0),
            }
        )
    return out


def describe_actor(kg: KnowledgeGraph, key: str) -> dict[str, Any]:
    """Identity of an actor: key, IRI, label, aliases, type, country, sector, Wikidata QID, affiliations.

    ``affiliations`` are the IRIs of the organisations the actor acted for in
    stored events (``schema:affiliation`` in their article graphs), sorted;
    which one held on an event's date is in that event's actor object.
    """
    iri = actor_iri(key) if "://" not in key else URIRef(key)
    # rdf:type written out: "rdf:" is not among the declared prefixes (Oxigraph knows no default ones).
    rows = kg.select(
        """SELECT DISTINCT ?p ?o WHERE {
             ?a ?p ?o .
             FILTER(?p IN (rdfs:label, skos:altLabel, <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>,
                           dkg:countryCode, dkg:sector, owl:sameAs, schema:affiliation))
           }""",
        {"a": iri},
    )
    if not rows and not _actor_known(kg, iri):
        raise NotFoundError(f"no actor {key!r}", where="actor")
    by: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        by[str(r["p"])].append(r["o"])
    from kg.vocab import OWL, RDF, RDFS, SKOS

    labels = sorted(map(str, by[str(RDFS.label)]))
    types = [_TYPE_NAME[str(t)] for t in by[str(RDF.type)] if str(t) in _TYPE_NAME]
    qids = [str(o)[len(str(WD)) :] for o in by[str(OWL.sameAs)] if str(o).startswith(str(WD))]
    countries = sorted(map(str, by[str(DKG.countryCode)]))
    sectors = sorted(map(str, by[str(DKG.sector)]))
    key = _key(str(iri))
    return {
        "key": key,
        "id": str(iri),
        "label": labels[0] if labels else key,
        "aliases": sorted(set(map(str, by[str(SKOS.altLabel)])) - set(labels)),
        "type": sorted(types)[0] if types else None,
        "country": countries[0] if countries else None,
        "sector": sectors[0] if sectors else None,
        "wikidata": sorted(qids)[0] if qids else (key if _QID.fullmatch(key) else None),
        "affiliations": sorted(set(map(str, by[str(SCHEMA.affiliation)]))),
    }


def actor_timeline(kg: KnowledgeGraph, key: str, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Events of an actor per month (year-precision events under their year), by role and quad class.

    Returns rows ``{"period": "2024-02" | "2024" | None, "role": "source"|"target",
    "quad_class": int, "events": int}`` sorted by period (undated last).
    """
    filters = filters or Filters()
    lines, bindings = filter_clauses(filters)
    bindings["actor"] = actor_iri(key) if "://" not in key else URIRef(key)
    body = "\n  ".join(lines)
    rows = kg.select(
        f"""SELECT ?period ?role ?q (COUNT(?e) AS ?n) WHERE {{
  ?e ?rp ?actor .
  FILTER(?rp IN (dkg:source, dkg:target))
  {body}
  BIND(IF(?rp = dkg:source, "source", "target") AS ?role)
  BIND(SUBSTR(?d, 1, 7) AS ?period)
}} GROUP BY ?period ?role ?q""",
        bindings,
    )
    out = [{"period": r["period"], "role": r["role"], "quad_class": int(r["q"]), "events": int(r["n"])} for r in rows]
    out.sort(key=lambda r: (r["period"] is None, r["period"] or "", r["role"], r["quad_class"]))
    return out


# ------------------------------------------------------------------ evidence


def event_evidence(kg: KnowledgeGraph, events: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Sentence, date, codes and article of each event IRI, by IRI.

    IRIs that are not DiploKG event IRIs raise :class:`InputError`; events not
    in the store are missing from the result.
    """
    wanted = []
    for iri in dict.fromkeys(map(str, events)):
        if not _EVENT_IRI.fullmatch(iri):
            raise InputError(f"not an event IRI: {iri[:80]!r}", where="event")
        wanted.append(URIRef(iri))
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        query = f"""SELECT ?e ?s ?t ?code ?q ?m ?date ?basis ?place ?placeState ?sentence ?conf
  ?art ?aid ?url ?title ?pub
WHERE {{
  {_values("e", chunk)}
  ?e dkg:source ?s ; dkg:target ?t ; dkg:cameoCode ?code ; dkg:quadClass ?q ; dkg:modality ?m ;
     dkg:sentence ?sentence ; prov:wasDerivedFrom ?art .
  OPTIONAL {{ ?e dkg:date ?date }}
  OPTIONAL {{ ?e dkg:dateBasis ?basis }}
  OPTIONAL {{ ?e dkg:placeName ?place OPTIONAL {{ ?e dkg:placeCountry ?placeState }} }}
  OPTIONAL {{ ?e dkg:confidence ?conf }}
  OPTIONAL {{ ?art dkg:articleId ?aid }}
  OPTIONAL {{ ?art schema:url ?url }}
  OPTIONAL {{ ?art schema:headline ?title }}
  OPTIONAL {{ ?art schema:datePublished ?pub }}
}}"""
        for r in kg.query(query):
            iri = str(r.e)
            out[iri] = {
                "event": iri,
                "source": _key(str(r.s)),
                "target": _key(str(r.t)),
                "cameo": str(r.code),
                "quad_class": int(r.q.toPython()),
                "modality": MODALITY_NAME.get(str(r.m), str(r.m)),
                "date": None if r.date is None else str(r.date),
                "date_basis": DATE_BASIS_NAME.get(str(r.basis)) if r.date is not None and r.basis is not None else None,
                "place": None
                if r.place is None
                else {"name": str(r.place), "country": None if r.placeState is None else _key(str(r.placeState))},
                "sentence": str(r.sentence),
                "confidence": None if r.conf is None else float(r.conf.toPython()),
                "article": {
                    "id": None if r.aid is None else str(r.aid),
                    "iri": str(r.art),
                    "url": None if r.url is None else str(r.url),
                    "title": None if r.title is None else str(r.title),
                    "published": None if r.pub is None else str(r.pub),
                },
            }
    return out
