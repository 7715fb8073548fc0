"""``GET /api/events``: events as JSON, filtered by actor and time window.

Filter values are bound as SPARQL variables, never pasted into the query
text; the text is assembled only from the fixed fragments below.

Time window semantics
---------------------
An event date has the precision it was reported with (``2024``, ``2024-02``
or ``2024-02-15``), so an event is a period, not a day. ``from`` and ``to``
are periods too: ``from`` starts on the first day of its period, ``to`` ends
on the last day of its period. An event is returned when its period
*overlaps* the window: an event dated ``2024`` is in ``from=2024-06``, and
one dated ``2024-02`` is in ``to=2024-02-10``. Events without a date are
left out whenever ``from`` or ``to`` is given.

Country and sector
------------------
An actor object's ``country`` and ``sector`` are those of the event's date, as
the extractor resolved them and the event states them (``dkg:sourceCountry``,
``dkg:sourceSector``, ...): Vladimir Putin is ``GOV`` in 2022, António
Guterres acts for no country as UN Secretary-General. An event that states
neither for an actor (an unresolved one) gives the actor's own description.

Affiliations
------------
A person holding an office of an international organisation on an event's
date, or named by an organisation ("Hamas official Osama Hamdan"), acts for
it: the article's graph says ``person schema:affiliation
organisation``, and each event states it (``dkg:sourceAffiliation``,
``dkg:targetAffiliation``). The actor object's ``affiliation`` is the event's
own, since the same person may act for a state on one day and for an
organisation on another, even within one article (Mark Rutte before and after
2024-10-01). Articles stored before events stated it (extractor 0.11 and
older) fall back to their graph's ``schema:affiliation``. ``actor`` matches
the actor itself only; with ``affiliated=true`` an organisation also matches
the events of the people acting for it.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, jsonify, request
from rdflib import Literal, URIRef

from kg.analysis.queries import actor_key
from kg.cameo import cameo_table
from kg.errors import InputError
from kg.store import KnowledgeGraph
from kg.store.rdf import ACTOR_CLASS, DATE_BASIS_NAME, MODALITY_NAME
from kg.vocab import WD, actor_iri, article_iri, graph_iri
from service.params import date_bound, flag_param, page
from service.store import get_kg

__all__ = ["actor_param", "bp", "find_events"]

bp = Blueprint("events", __name__, url_prefix="/api/events")

_ACTOR_TYPE = {str(iri): name for name, iri in ACTOR_CLASS.items()}
_ACTOR_FIELDS = (
    "label",
    "country",
    "sector",
    "sameAs",
    "class",
    "affiliation",
    "eventAffiliation",
    "eventCountry",
    "eventSector",
)
# An article graph in which no event states an affiliation was stored before events stated
# them: only there does the graph's "person schema:affiliation organisation" speak for its events.
_LEGACY_GRAPH = "FILTER NOT EXISTS { ?stated dkg:sourceAffiliation|dkg:targetAffiliation ?statedOrg }"
_ROLE = {"src": "source", "tgt": "target"}
# Characters that cannot occur in an IRI (RFC 3987), nor whitespace.
_NOT_IRI = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MAX_ACTOR = 500


def _actor_patterns(var: str) -> str:
    return f"""
  OPTIONAL {{ ?{var} rdfs:label ?{var}_label }}
  OPTIONAL {{ ?{var} dkg:countryCode ?{var}_country }}
  OPTIONAL {{ ?{var} dkg:sector ?{var}_sector }}
  OPTIONAL {{ ?{var} owl:sameAs ?{var}_sameAs FILTER(STRSTARTS(STR(?{var}_sameAs), STR(wd:))) }}
  OPTIONAL {{ ?{var} a ?{var}_class FILTER(?{var}_class IN (dkg:State, dkg:Person, dkg:Organization, dkg:Group)) }}
  OPTIONAL {{ GRAPH ?g {{ ?e dkg:{_ROLE[var]}Affiliation ?{var}_eventAffiliation }} }}
  OPTIONAL {{ GRAPH ?g {{ ?{var} schema:affiliation ?{var}_affiliation {_LEGACY_GRAPH} }} }}
  OPTIONAL {{ GRAPH ?g {{ ?e dkg:{_ROLE[var]}Country ?{var}_eventCountry }} }}
  OPTIONAL {{ GRAPH ?g {{ ?e dkg:{_ROLE[var]}Sector ?{var}_eventSector }} }}"""


def _samples(var: str) -> str:
    return " ".join(f"(SAMPLE(?{var}_{f}) AS ?{var}_{f}_)" for f in _ACTOR_FIELDS)


_GROUP = (
    "?e ?articleId ?src ?tgt ?cameo ?quad ?mod ?date ?dateBasis ?placeName ?placeCountry ?sentence ?start ?end ?conf"
)

# In the ORDER BY, undated events sort last; COALESCE because rdflib cannot
# order an unbound key against a bound one. ?g, the event's article graph, is
# where the affiliations of its actors are read (see the module docstring).
_QUERY = f"""SELECT {_GROUP} {_samples("src")} {_samples("tgt")}
WHERE {{
  GRAPH ?g {{
    ?e a dkg:Event ;
       dkg:source ?src ;
       dkg:target ?tgt ;
       dkg:cameoCode ?cameo ;
       dkg:quadClass ?quad ;
       dkg:modality ?mod ;
       dkg:sentence ?sentence ;
       dkg:startOffset ?start ;
       dkg:endOffset ?end ;
       dkg:confidence ?conf ;
       prov:wasDerivedFrom ?article .
    ?article dkg:articleId ?articleId .
  }}
  OPTIONAL {{ ?e dkg:date ?date }}
  OPTIONAL {{ GRAPH ?g {{ ?e dkg:dateBasis ?dateBasis }} }}
  OPTIONAL {{ GRAPH ?g {{ ?e dkg:placeName ?placeName OPTIONAL {{ ?e dkg:placeCountry ?placeCountry }} }} }}
  {{filters}}
  {_actor_patterns("src")}
  {_actor_patterns("tgt")}
}}
GROUP BY {_GROUP}
ORDER BY DESC(BOUND(?date)) COALESCE(STR(?date), "") ?articleId ?start ?e
"""

# Filter fragments; each refers to a variable that is bound, not spliced.
_ACTOR_FILTER = "{ ?e dkg:source ?actor } UNION { ?e dkg:target ?actor }"
# ... or one of its people: an actor the event's own graph says acts for ?actor.
_AFFILIATED_FILTER = (
    "{ ?e dkg:source ?actor } UNION { ?e dkg:target ?actor }"
    " UNION { GRAPH ?g { ?e dkg:sourceAffiliation|dkg:targetAffiliation ?actor } }"
    " UNION { GRAPH ?g { ?e dkg:source|dkg:target ?member . ?member schema:affiliation ?actor . "
    + _LEGACY_GRAPH
    + " } }"
)
_FROM_FILTER = (
    "FILTER(IF(STRLEN(STR(?date)) = 4, CONCAT(STR(?date), '-12-31'),"
    " IF(STRLEN(STR(?date)) = 7, CONCAT(STR(?date), '-31'), STR(?date))) >= ?windowStart)"
)
# A shorter date string sorts before its extensions ("2024-02" < "2024-02-01"),
# so comparing the date as written with the window's last day is exact.
_TO_FILTER = "FILTER(STR(?date) <= ?windowEnd)"


def actor_param(value: str) -> URIRef:
    """The actor IRI named by ``value``: a full http(s) IRI or an actor key (``RUS``, ``Q7747``)."""
    if len(value) > _MAX_ACTOR:
        raise InputError(f"actor is longer than {_MAX_ACTOR} characters", where="actor")
    if value.startswith(("http://", "https://")):
        if _NOT_IRI.search(value):
            raise InputError("actor is not a valid IRI", where="actor")
        return URIRef(value)
    if not value.strip() or _CONTROL.search(value):
        raise InputError("actor must be an actor key such as RUS or Q7747, or an IRI", where="actor")
    # A key is percent-encoded into the actor namespace, whatever it contains.
    return actor_iri(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _actor(row: Any, var: str) -> dict[str, Any]:
    iri = str(row[var])
    same_as = _text(row[f"{var}_sameAs_"])
    label = _text(row[f"{var}_label_"])
    if label is None:
        # Actors outside the gazetteer and article graphs still get a readable label.
        label = actor_key(iri)
    country, sector = _text(row[f"{var}_eventCountry_"]), _text(row[f"{var}_eventSector_"])
    if country is None and sector is None:
        # Events stored without their actors' roles: the actor's own description.
        country, sector = _text(row[f"{var}_country_"]), _text(row[f"{var}_sector_"])
    return {
        "id": iri,
        "label": label,
        "country": country,
        "sector": sector,
        "wikidata": same_as[len(str(WD)) :] if same_as else None,
        "type": _ACTOR_TYPE.get(_text(row[f"{var}_class_"]) or ""),
        "affiliation": _text(row[f"{var}_eventAffiliation_"]) or _text(row[f"{var}_affiliation_"]),
    }


def _place(row: Any) -> dict[str, Any] | None:
    name, country = _text(row["placeName"]), _text(row["placeCountry"])
    if name is None:
        return None
    return {"name": name, "country": actor_key(country) if country is not None else None}


def _event(row: Any) -> dict[str, Any]:
    code = str(row["cameo"])
    entry = cameo_table().get(code)
    return {
        "id": str(row["e"]),
        "article": str(row["articleId"]),
        "source": _actor(row, "src"),
        "target": _actor(row, "tgt"),
        "cameo": code,
        "quad_class": int(row["quad"]),
        "label": entry.label if entry else None,
        "date": _text(row["date"]),
        # Events stored before bases were recorded have none (null).
        "date_basis": DATE_BASIS_NAME.get(_text(row["dateBasis"]) or "") if row["date"] is not None else None,
        "modality": MODALITY_NAME.get(str(row["mod"])),
        "place": _place(row),
        "sentence": str(row["sentence"]),
        "start": int(row["start"]),
        "end": int(row["end"]),
        "confidence": float(row["conf"]),
    }


def find_events(
    kg: KnowledgeGraph,
    *,
    actor: URIRef | None = None,
    affiliated: bool = False,
    window_start: str | None = None,
    window_end: str | None = None,
    article_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events as JSON objects, oldest first (undated last).

    ``window_start``/``window_end`` are ``YYYY-MM-DD`` days (see the module
    docstring for the overlap rule); ``actor`` matches source or target, and
    with ``affiliated`` also a source or target affiliated with ``actor``.
    """
    filters, bindings = [], {}
    if actor is not None:
        filters.append(_AFFILIATED_FILTER if affiliated else _ACTOR_FILTER)
        bindings["actor"] = actor
    if window_start is not None:
        filters.append(_FROM_FILTER)
        bindings["windowStart"] = Literal(window_start)
    if window_end is not None:
        filters.append(_TO_FILTER)
        bindings["windowEnd"] = Literal(window_end)
    if article_id is not None:
        bindings["article"] = article_iri(article_id)
        # Its graph too: an unbound ?g would make rdflib look into every graph of the store.
        bindings["g"] = graph_iri(article_id)
    query = _QUERY.replace("{filters}", "\n  ".join(filters))
    # LIMIT/OFFSET cannot be bound in SPARQL; they are ints checked by the caller.
    if limit is not None:
        query += f"LIMIT {int(limit)}\n"
    if offset:
        query += f"OFFSET {int(offset)}\n"
    return [_event(row) for row in kg.query(query, bindings)]


@bp.get("")
def list_events() -> Response:
    """Events filtered by ``actor`` (``affiliated``), ``from``, ``to``; paged by ``limit``/``offset``."""
    limit, offset = page()
    actor = request.args.get("actor") or None
    affiliated = flag_param("affiliated")
    if affiliated and actor is None:
        raise InputError("affiliated applies to an actor filter: give actor too", where="affiliated")
    start, end = request.args.get("from") or None, request.args.get("to") or None
    window_start = date_bound("from", start, end=False) if start else None
    window_end = date_bound("to", end, end=True) if end else None
    if window_start and window_end and window_start > window_end:
        raise InputError(f"from ({start}) is after to ({end})", where="from")
    events = find_events(
        get_kg(),
        actor=actor_param(actor) if actor else None,
        affiliated=affiliated,
        window_start=window_start,
        window_end=window_end,
        limit=limit + 1,  # one more than asked tells whether there is a next page
        offset=offset,
    )
    return jsonify({"limit": limit, "offset": offset, "has_more": len(events) > limit, "events": events[:limit]})
