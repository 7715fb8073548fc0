"""Closed namespace for the DiploKG vocabulary.

Generated from data/ontology/diplokg.ttl by ``python -m kg.vocab``; do not edit.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DKG(DefinedNamespace):
    _fail = True
    _underscore_num = True

    Actor: URIRef
    Asserted: URIRef
    DateBasis: URIRef
    DatePrecision: URIRef
    DayPrecision: URIRef
    Event: URIRef
    Group: URIRef
    Hypothetical: URIRef
    Modality: URIRef
    MonthPrecision: URIRef
    Negated: URIRef
    Organization: URIRef
    Person: URIRef
    Planned: URIRef
    PublicationDate: URIRef
    Reported: URIRef
    State: URIRef
    StatedDate: URIRef
    Tenure: URIRef
    YearPrecision: URIRef
    appealsTo: URIRef
    arrests: URIRef
    articleId: URIRef
    assaults: URIRef
    cameoCode: URIRef
    coerces: URIRef
    confidence: URIRef
    consultsWith: URIRef
    contentHash: URIRef
    cooperatesDiplomaticallyWith: URIRef
    cooperatesMateriallyWith: URIRef
    country: URIRef
    countryCode: URIRef
    date: URIRef
    dateBasis: URIRef
    datePrecision: URIRef
    demandsFrom: URIRef
    disapprovesOf: URIRef
    endDate: URIRef
    endOffset: URIRef
    eventType: URIRef
    expressesIntentToCooperateWith: URIRef
    expressesIntentToMeetWith: URIRef
    extractor: URIRef
    fightsWith: URIRef
    goldstein: URIRef
    holds: URIRef
    hostsVisitOf: URIRef
    imposesSanctionsOn: URIRef
    investigates: URIRef
    makesStatementAbout: URIRef
    makesVisitTo: URIRef
    mediatesFor: URIRef
    meetsWith: URIRef
    modality: URIRef
    negotiatesWith: URIRef
    office: URIRef
    officeOf: URIRef
    placeCountry: URIRef
    placeName: URIRef
    protestsAgainst: URIRef
    providesAidTo: URIRef
    providesEconomicAidTo: URIRef
    providesHumanitarianAidTo: URIRef
    providesMilitaryAidTo: URIRef
    quadClass: URIRef
    reducesRelationsWith: URIRef
    rejects: URIRef
    relatesTo: URIRef
    relation: URIRef
    sector: URIRef
    sentence: URIRef
    showsForceAgainst: URIRef
    source: URIRef
    sourceAffiliation: URIRef
    sourceCountry: URIRef
    sourceSector: URIRef
    startDate: URIRef
    startOffset: URIRef
    target: URIRef
    targetAffiliation: URIRef
    targetCountry: URIRef
    targetSector: URIRef
    threatens: URIRef
    trigger: URIRef
    unresolved: URIRef
    usesMassViolenceAgainst: URIRef
    yieldsTo: URIRef

    _NS = Namespace("https://diplokg.org/ns#")
