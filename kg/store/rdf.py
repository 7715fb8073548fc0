"""Turn articles, events and reference data into RDF graphs.

The one place that knows the data model's shape in triples; see
``data/ontology/diplokg.ttl`` for the vocabulary.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef

from kg.cameo import cameo_table, quad_class_names
from kg.model import Actor, Article, Event
from kg.resources import data_path
from kg.vocab import (
    CAMEO_SCHEME,
    DKG,
    OWL,
    PROV,
    RDF,
    RDFS,
    REFERENCE_GRAPH,
    SCHEMA,
    SKOS,
    WD,
    XSD,
    actor_iri,
    article_iri,
    cameo_iri,
    event_iri,
    graph_iri,
)

if TYPE_CHECKING:
    from kg.extract.gazetteer import Entry, Gazetteer

MODALITY = {
    "asserted": DKG.Asserted,
    "planned": DKG.Planned,
    "negated": DKG.Negated,
    "hypothetical": DKG.Hypothetical,
    "reported": DKG.Reported,
}
# Negated and hypothetical events get no direct actor-relation-actor triple:
# the graph must not state what did not happen.
DIRECT_MODALITIES = frozenset({"asserted", "planned", "reported"})
PRECISION = {"day": DKG.DayPrecision, "month": DKG.MonthPrecision, "year": DKG.YearPrecision}
DATE_BASIS = {"text": DKG.StatedDate, "published": DKG.PublicationDate}
#: Names by IRI, for reading the store back.
MODALITY_NAME = {str(iri): name for name, iri in MODALITY.items()}
DATE_BASIS_NAME = {str(iri): name for name, iri in DATE_BASIS.items()}
DATE_TYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
ACTOR_CLASS = {"state": DKG.State, "person": DKG.Person, "organization": DKG.Organization, "group": DKG.Group}


class GraphData:
    """The triples of one named graph, gathered before a write.

    Lighter than an rdflib Graph (no indexes), which matters when thousands of
    articles are ingested; backends only iterate over it.
    """

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[tuple, None] = {}

    def add(self, triple: tuple) -> None:
        self._triples[triple] = None

    def __iter__(self):
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)


def _decimal(value: float, places: int = 3) -> Literal:
    return Literal(Decimal(str(round(value, places))), datatype=XSD.decimal)


def actor_triples(g: Graph | GraphData, actor: Actor, aliases: Iterable[str] = ()) -> URIRef:
    """Describe ``actor`` in ``g``; return its IRI."""
    node = actor_iri(actor.key)
    g.add((node, RDF.type, ACTOR_CLASS.get(actor.type, DKG.Group)))
    g.add((node, RDFS.label, Literal(actor.label)))
    g.add((node, SKOS.prefLabel, Literal(actor.label, lang="en")))
    for alias in sorted(set(aliases) - {actor.label}):
        g.add((node, SKOS.altLabel, Literal(alias, lang="en")))
    if actor.country:
        g.add((node, DKG.countryCode, Literal(actor.country)))
        if actor.type != "state":
            g.add((node, DKG.country, actor_iri(actor.country)))
    if actor.sector:
        g.add((node, DKG.sector, Literal(actor.sector)))
    if actor.wikidata:
        g.add((node, OWL.sameAs, WD[actor.wikidata]))
    if not actor.resolved:
        g.add((node, DKG.unresolved, Literal(True)))
    return node


def affiliation_triples(g: Graph | GraphData, actor: Actor) -> None:
    """State in ``g`` the organisation ``actor`` acts for (``schema:affiliation``), if any.

    Offices change hands (Mark Rutte is NATO's from 2024-10-01), so this is
    said in the graph of the article whose events have it, not in the
    reference graph; readers take it from the event's own graph.
    """
    if actor.affiliation:
        g.add((actor_iri(actor.key), SCHEMA.affiliation, actor_iri(actor.affiliation)))


def article_graph(article: Article, events: Iterable[Event], extractor: str) -> GraphData:
    """The named graph of one article: the article node, its events, unresolved actors."""
    g = GraphData(graph_iri(article.id))
    art = article_iri(article.id)
    g.add((art, RDF.type, SCHEMA.NewsArticle))
    g.add((art, DKG.articleId, Literal(article.id)))
    g.add((art, DKG.contentHash, Literal(article.content_hash)))
    g.add((art, DKG.extractor, Literal(extractor)))
    g.add((art, SCHEMA.articleBody, Literal(article.text)))
    if article.title:
        g.add((art, SCHEMA.headline, Literal(article.title)))
    if article.url:
        g.add((art, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.published:
        g.add((art, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.publisher:
        g.add((art, SCHEMA.publisher, Literal(article.publisher)))
    codes = cameo_table()
    for event in events:
        node = event_iri(event.key(article.id))
        src, tgt = actor_iri(event.source.key), actor_iri(event.target.key)
        for actor in (event.source, event.target):
            _describe_outside_reference(g, actor)
            affiliation_triples(g, actor)
        g.add((node, RDF.type, DKG.Event))
        g.add((node, RDFS.label, Literal(f"{event.source.label} – {event.label} – {event.target.label}")))
        g.add((node, DKG.source, src))
        g.add((node, DKG.target, tgt))
        role_triples(g, node, event.source, event.target)
        g.add((node, DKG.eventType, cameo_iri(event.cameo)))
        g.add((node, DKG.cameoCode, Literal(event.cameo)))
        g.add((node, DKG.quadClass, Literal(event.quad_class)))
        if event.goldstein is not None:
            g.add((node, DKG.goldstein, _decimal(event.goldstein, 1)))
        if event.date:
            precision = event.date_precision
            g.add((node, DKG.date, Literal(event.date, datatype=DATE_TYPE[precision])))
            g.add((node, DKG.datePrecision, PRECISION[precision]))
            if event.date_basis in DATE_BASIS:
                g.add((node, DKG.dateBasis, DATE_BASIS[event.date_basis]))
        g.add((node, DKG.modality, MODALITY[event.modality]))
        if event.place is not None:
            g.add((node, DKG.placeName, Literal(event.place.name)))
            if event.place.country:
                g.add((node, DKG.placeCountry, actor_iri(event.place.country)))
        g.add((node, DKG.confidence, _decimal(event.confidence)))
        g.add((node, DKG.extractor, Literal(extractor)))
        g.add((node, DKG.sentence, Literal(event.sentence)))
        g.add((node, DKG.startOffset, Literal(event.start)))
        g.add((node, DKG.endOffset, Literal(event.end)))
        if event.trigger:
            g.add((node, DKG.trigger, Literal(event.trigger)))
        g.add((node, PROV.wasDerivedFrom, art))
        if event.modality in DIRECT_MODALITIES:
            g.add((src, DKG[codes[event.cameo].relation], tgt))
    return g


def reference_sources() -> list:
    """Files the reference graph is built from (its hash decides reloads)."""
    files = [
        data_path("ontology", "diplokg.ttl"),
        data_path("cameo_event_codes.csv"),
        data_path("cameo_relations.csv"),
    ]
    actors = data_path("actors")
    if actors.is_dir():
        files += sorted(actors.glob("*.csv"))
    return files


#: Bump when the code that shapes the reference graph changes, so stores reload it.
REFERENCE_LAYOUT = "1"


def reference_hash() -> str:
    digest = hashlib.sha256(REFERENCE_LAYOUT.encode())
    for path in reference_sources():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reference_graph() -> Graph:
    """Ontology, CAMEO concept scheme and actor gazetteer in one graph."""
    g = Graph(identifier=REFERENCE_GRAPH)
    g.parse(data_path("ontology", "diplokg.ttl"), format="turtle")
    g.add((REFERENCE_GRAPH, DKG.contentHash, Literal(reference_hash())))
    g.add((CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((CAMEO_SCHEME, SKOS.prefLabel, Literal("CAMEO event codes", lang="en")))
    quad_names = quad_class_names()
    for code in cameo_table().values():
        node = cameo_iri(code.code)
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, CAMEO_SCHEME))
        g.add((node, SKOS.notation, Literal(code.code)))
        g.add((node, SKOS.prefLabel, Literal(code.label, lang="en")))
        g.add((node, DKG.cameoCode, Literal(code.code)))
        g.add((node, DKG.quadClass, Literal(code.quad_class)))
        g.add((node, RDFS.comment, Literal(quad_names[code.quad_class], lang="en")))
        if code.goldstein is not None:
            g.add((node, DKG.goldstein, _decimal(code.goldstein, 1)))
        g.add((node, DKG.relation, DKG[code.relation]))
        if code.level == 0:
            g.add((node, SKOS.topConceptOf, CAMEO_SCHEME))
            g.add((CAMEO_SCHEME, SKOS.hasTopConcept, node))
        else:
            g.add((node, SKOS.broader, cameo_iri(code.code[: len(code.code) - 1])))
    _gazetteer_triples(g)
    return g


def role_triples(g: Graph | GraphData, node: URIRef, source: Actor, target: Actor) -> None:
    """State on event ``node`` the country, sector and organisation of its source and target on its date.

    An actor's description is timeless, but a person's office changes hands
    (António Guterres acted for Portugal, later for the UN) and a movement
    may come to govern (the Taliban from 2021-08): the event keeps what the
    extractor resolved for its own date.
    """
    for actor, country, sector, affiliation in (
        (source, DKG.sourceCountry, DKG.sourceSector, DKG.sourceAffiliation),
        (target, DKG.targetCountry, DKG.targetSector, DKG.targetAffiliation),
    ):
        if actor.country:
            g.add((node, country, Literal(actor.country)))
        if actor.sector:
            g.add((node, sector, Literal(actor.sector)))
        if actor.affiliation:
            g.add((node, affiliation, actor_iri(actor.affiliation)))


def _gazetteer() -> Gazetteer | None:
    try:
        from kg.extract.gazetteer import load_gazetteer
    except ImportError:  # the extractor package is optional for a bare store
        return None
    return load_gazetteer()


def _gazetteer_triples(g: Graph) -> None:
    gazetteer = _gazetteer()
    for entry in gazetteer.entries() if gazetteer is not None else ():
        entry_triples(g, entry)


def _describe_outside_reference(g: GraphData, actor: Actor) -> None:
    """Describe ``actor`` in an article's graph unless the reference graph does.

    The reference graph holds the curated gazetteer. Unresolved actors,
    groups ("Pakistan (military)") and the people derived from the Phoenix
    dictionary, who are too many for it, are described by each article that
    has them.
    """
    gazetteer = _gazetteer() if actor.resolved else None
    if gazetteer is None:
        actor_triples(g, actor)
    elif gazetteer.is_curated(actor.key):
        return
    elif actor.type == "person" and gazetteer.is_derived(actor.key):
        # Only a person may be derived: a group needs no reading of the derived people.
        entry_triples(g, gazetteer.get(actor.key))
    else:
        actor_triples(g, actor)


def entry_triples(g: Graph | GraphData, entry: Entry) -> URIRef:
    """Describe a gazetteer entry in ``g``: the actor, its aliases and its tenures; return its IRI."""
    node = actor_triples(g, entry.actor, entry.aliases)
    for n, tenure in enumerate(entry.tenures, start=1):
        t = URIRef(f"{node}/tenure/{n}")
        g.add((node, DKG.holds, t))
        g.add((t, RDF.type, DKG.Tenure))
        g.add((t, DKG.office, Literal(tenure.office)))
        g.add((t, DKG.officeOf, actor_iri(tenure.of)))
        if tenure.sector:
            g.add((t, DKG.sector, Literal(tenure.sector)))
        if tenure.start:
            g.add((t, DKG.startDate, Literal(tenure.start.isoformat(), datatype=XSD.date)))
        if tenure.end:
            g.add((t, DKG.endDate, Literal(tenure.end.isoformat(), datatype=XSD.date)))
    return node
