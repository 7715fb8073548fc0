"""The vocabulary: ontology file, closed namespace and CAMEO data agree."""

from __future__ import annotations

import csv

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.cameo import cameo_table
from kg.resources import data_path
from kg.vocab import DKG, actor_iri, article_iri, generate_namespace_module, graph_iri, ontology_terms


def test_namespace_module_is_generated_from_ontology():
    generated = generate_namespace_module()
    from kg import _dkg

    with open(_dkg.__file__, encoding="utf-8") as fh:
        assert fh.read() == generated, "kg/_dkg.py is stale: run python -m kg.vocab"


def test_namespace_is_closed():
    assert DKG.Event == URIRef("https://diplokg.org/ns#Event")
    with pytest.raises(AttributeError):
        _ = DKG.NoSuchTerm


def test_every_term_is_typed_in_ontology():
    g = Graph().parse(data_path("ontology", "diplokg.ttl"))
    for name in ontology_terms():
        assert (DKG[name], RDF.type, None) in g, f"dkg:{name} has no rdf:type"


def test_every_relation_in_cameo_table_is_an_ontology_property():
    g = Graph().parse(data_path("ontology", "diplokg.ttl"))
    relations = {c.relation for c in cameo_table().values()}
    for name in relations:
        assert (DKG[name], RDF.type, OWL.ObjectProperty) in g, name


def test_cameo_table_keeps_leading_zeros_and_quad_classes():
    table = cameo_table()
    assert len(table) == 317
    assert table["010"].code == "010" and table["10"].quad_class == 3
    with open(data_path("cameo_event_codes.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    roots = {r["root"]: int(r["quad_class"]) for r in rows}
    assert [roots[f"{n:02d}"] for n in range(1, 21)] == [1] * 5 + [2] * 3 + [3] * 5 + [4] * 7


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "a b", "x#y", "..", "<script>"])
def test_article_ids_cannot_escape_their_namespace(hostile):
    for iri in (article_iri(hostile), graph_iri(hostile)):
        tail = str(iri).rsplit("/", 1)[1]
        assert "/" not in tail and "." not in tail and "<" not in tail and " " not in tail
    assert str(actor_iri("RUS")).endswith("/actor/RUS")
