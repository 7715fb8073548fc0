"""The store: one named graph per article, replace-not-duplicate, exports, persistence."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace

import pyoxigraph as ox
import pytest
from helpers import PUTIN, TUR, make_event, sample_article

from kg.errors import ConfigurationError, NotFoundError, QueryError, StoreError
from kg.model import Place
from kg.store import KnowledgeGraph
from kg.store import backends as backends_mod
from kg.vocab import REFERENCE_GRAPH, actor_iri, graph_iri


def count_events(kg) -> int:
    return kg.select("SELECT (COUNT(?e) AS ?n) WHERE { ?e a dkg:Event }")[0]["n"]


def test_article_and_events_are_stored_in_the_articles_graph(seeded_kg):
    stats = seeded_kg.stats()
    assert stats["articles"] == 1 and stats["events"] == 2
    assert seeded_kg.article_ids() == ["a1"]
    g = seeded_kg.article_graph("a1")
    assert g.identifier == graph_iri("a1")
    rows = seeded_kg.select(
        "SELECT ?g WHERE { GRAPH ?g { ?e dkg:cameoCode '190' ; dkg:sentence ?s } }",
    )
    assert [str(r["g"]) for r in rows] == [str(graph_iri("a1"))]


def test_direct_relation_triples_follow_the_cameo_code(seeded_kg):
    assert seeded_kg.ask("ASK { actor:RUS dkg:fightsWith actor:UKR }")
    assert seeded_kg.ask("ASK { actor:Q7747 dkg:expressesIntentToMeetWith actor:TUR }")
    # sub-property chain from the ontology is in the reference graph
    assert seeded_kg.ask("ASK { dkg:makesVisitTo rdfs:subPropertyOf dkg:consultsWith }")


def test_negated_event_has_no_direct_triple(kg):
    article, _ = sample_article()
    ev = make_event(PUTIN, TUR, "042", article.text[:35], 0, modality="negated")
    kg.write_articles([(article, [ev])], extractor="test/1")
    assert kg.ask("ASK { ?e dkg:modality dkg:Negated }")
    assert not kg.ask("ASK { actor:Q7747 dkg:makesVisitTo actor:TUR }")


def test_event_place_is_stored_as_name_and_state(kg):
    article, (ev, _) = sample_article()
    kg.write_articles([(article, [replace(ev, place=Place("Ankara", "TUR"))])], extractor="test/1")
    rows = kg.select("SELECT ?n ?c WHERE { ?e dkg:placeName ?n ; dkg:placeCountry ?c }")
    assert [(str(r["n"]), str(r["c"])) for r in rows] == [("Ankara", str(actor_iri("TUR")))]
    # sem:hasPlace is what other SEM tools read.
    assert kg.ask("ASK { dkg:placeCountry rdfs:subPropertyOf sem:hasPlace }")


def test_event_dates_keep_their_precision(seeded_kg):
    rows = seeded_kg.select(
        "SELECT ?d ?p WHERE { ?e dkg:date ?d ; dkg:datePrecision ?p } ORDER BY ?d",
    )
    assert [(str(r["d"]), str(r["p"]).rsplit("#")[1]) for r in rows] == [
        ("2022", "YearPrecision"),
        ("2024-02", "MonthPrecision"),
    ]


def test_writing_the_same_article_twice_changes_nothing(seeded_kg):
    before = seeded_kg.export("nquads")
    seeded_kg.write_articles([sample_article()], extractor="test/1")
    assert sorted(seeded_kg.export("nquads").splitlines()) == sorted(before.splitlines())


def test_a_changed_article_replaces_its_graph(seeded_kg):
    text = "Putin will visit Turkey next month."
    article, events = sample_article(text=text)
    seeded_kg.write_articles([(article, events[:1])], extractor="test/1")
    assert count_events(seeded_kg) == 1
    assert not seeded_kg.ask("ASK { ?e a dkg:Event ; dkg:cameoCode '190' }")
    assert not seeded_kg.ask("ASK { actor:RUS dkg:fightsWith actor:UKR }")


def test_other_articles_are_untouched_by_a_replace(seeded_kg):
    seeded_kg.write_articles([sample_article("a2")], extractor="test/1")
    seeded_kg.write_articles([(sample_article("a2")[0], [])], extractor="test/1")
    assert seeded_kg.stats()["events"] == 2
    assert seeded_kg.article_ids() == ["a1", "a2"]


def test_reference_graph_holds_cameo_scheme_and_ontology(kg):
    assert kg.ask("ASK { GRAPH ?g { cameo:042 skos:inScheme cameo: ; skos:broader cameo:04 } }", {"g": REFERENCE_GRAPH})
    assert kg.select("SELECT (COUNT(?c) AS ?n) WHERE { ?c skos:inScheme cameo: }")[0]["n"] == 317
    assert not kg.ensure_reference(), "an unchanged reference graph is not reloaded"


def test_turtle_export_round_trips_through_an_independent_parser(seeded_kg):
    data = seeded_kg.export("turtle")
    parsed = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    distinct = seeded_kg.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    assert len(parsed) == distinct[0]["n"]


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dataset_exports_keep_one_graph_per_article(seeded_kg, fmt):
    seeded_kg.write_articles([sample_article("a2")], extractor="test/1")
    data = seeded_kg.export(fmt)
    quads = list(ox.parse(data, format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert {str(graph_iri("a1")), str(graph_iri("a2")), str(REFERENCE_GRAPH)} <= graphs


def test_jsonld_export_parses(seeded_kg):
    quads = list(ox.parse(seeded_kg.export("jsonld"), format=ox.RdfFormat.JSON_LD))
    assert len(quads) > 100


def test_unknown_article_and_bad_query_raise_domain_errors(seeded_kg):
    with pytest.raises(NotFoundError):
        seeded_kg.article_graph("nope")
    with pytest.raises(QueryError):
        seeded_kg.query("SELECT ?x WHERE { ?x ")


@pytest.mark.parametrize("url", ["bogus:", "sparql:http://example.org/q", "oxigraph:"])
def test_unknown_or_unavailable_store_urls_are_configuration_errors(url):
    with pytest.raises(ConfigurationError):
        KnowledgeGraph(url)


def test_oxigraph_store_persists_across_processes(tmp_path):
    url = f"oxigraph:{tmp_path / 'store'}"
    write = f"""
        import sys; sys.path.insert(0, {str(tmp_path.parent)!r})
        from helpers import sample_article
        from kg.store import KnowledgeGraph
        kg = KnowledgeGraph({url!r}); kg.write_articles([sample_article()], extractor="t/1"); kg.close()
    """
    read = f"""
        from kg.store import KnowledgeGraph
        kg = KnowledgeGraph({url!r}, read_only=True); print(kg.stats()["events"], kg.article_ids())
    """
    tests_dir = str(__import__("pathlib").Path(__file__).parent)
    write = write.replace(repr(str(tmp_path.parent)), repr(tests_dir))
    subprocess.run([sys.executable, "-c", textwrap.dedent(write)], check=True)
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(read)], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "2 ['a1']"


class FailingStore:
    """Wraps a pyoxigraph store and fails the write that names ``poison``."""

    def __init__(self, inner, poison: str) -> None:
        self.inner, self.poison = inner, poison

    def update(self, text):
        if self.poison in text:
            raise OSError("disk full")
        return self.inner.update(text)

    def bulk_extend(self, quads):
        quads = list(quads)
        self.inner.bulk_extend(quads[: len(quads) // 2])  # half written, then the disk fails
        raise OSError("disk full")

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_failed_write_keeps_the_previous_version_of_that_article(tmp_path):
    kg = KnowledgeGraph(f"oxigraph:{tmp_path}")
    kg.write_articles([sample_article("a1"), sample_article("a2")], extractor="t/1")
    before = sorted(kg.export("nquads").decode().splitlines())
    kg.backend.ox = FailingStore(kg.backend.ox, str(graph_iri("a2")))
    changed = [(sample_article(i, text="Putin will visit Turkey next month.")[0], []) for i in ("a1", "a2")]
    with pytest.raises(StoreError):
        kg.write_articles(changed, extractor="t/2")
    kg.backend.ox = kg.backend.ox.inner
    assert kg.article_states(["a1"])["a1"].extractor == "t/2", "a1 was written in its own transaction"
    assert kg.article_states(["a2"])["a2"].extractor == "t/1", "a2 kept its old version"
    a2_before = [q for q in before if str(graph_iri("a2")) in q]
    assert sorted(q for q in kg.export("nquads").decode().splitlines() if str(graph_iri("a2")) in q) == a2_before
    kg.close()


def test_bulk_load_of_new_articles_and_its_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(backends_mod, "BULK_THRESHOLD", 10)
    kg = KnowledgeGraph(f"oxigraph:{tmp_path}")
    kg.write_articles([sample_article(f"b{i}") for i in range(5)], extractor="t/1")
    assert kg.stats()["articles"] == 5 and kg.stats()["events"] == 10
    kg.backend.ox = FailingStore(kg.backend.ox, "never")
    with pytest.raises(StoreError):
        kg.write_articles([sample_article(f"c{i}") for i in range(5)], extractor="t/1")
    kg.backend.ox = kg.backend.ox.inner
    assert kg.stats()["articles"] == 5, "a failed bulk load leaves none of its new graphs behind"
    kg.close()


@pytest.mark.parametrize("url", ["memory:", "oxigraph"])
def test_hostile_text_is_stored_verbatim(tmp_path, url):
    text = 'He said: """quoted""" \\ back\\slash } ; DROP ALL # <script>alert(1)</script>\n\tnew line \u2028 é'
    kg = KnowledgeGraph(url if url == "memory:" else f"oxigraph:{tmp_path}")
    article, _ = sample_article("h1", text=text)
    kg.write_articles([(article, [])], extractor="t/1")
    body = kg.select("SELECT ?b WHERE { ?a schema:articleBody ?b }")[0]["b"]
    assert body == text
    kg.close()


@pytest.mark.parametrize("url", ["memory:", "oxigraph"])
def test_an_affiliation_is_stated_in_the_articles_graph_and_exported(tmp_path, url):
    from datetime import date

    from kg.extract.gazetteer import load_gazetteer
    from kg.model import Article
    from kg.vocab import SCHEMA, actor_iri

    day = date(2024, 3, 1)
    guterres = load_gazetteer().actor("Q311440", day)  # the UN Secretary-General on that day
    text = "Guterres visited Turkey."
    kg = KnowledgeGraph(url if url == "memory:" else f"oxigraph:{tmp_path}")
    kg.write_articles([(Article("un1", text, published=day), [make_event(guterres, TUR, "042", text)])], "t/1")
    triple = (actor_iri("Q311440"), SCHEMA.affiliation, actor_iri("Q1065"))
    assert triple in kg.article_graph("un1")
    assert not kg.ask("ASK { GRAPH ?g { ?p schema:affiliation ?o } }", {"g": REFERENCE_GRAPH})
    turtle = list(ox.parse(kg.export("turtle"), format=ox.RdfFormat.TURTLE))
    assert ox.Triple(*(ox.NamedNode(str(t)) for t in triple)) in {q.triple for q in turtle}
    kg.close()


def test_events_keep_their_actors_roles_on_the_day(kg):
    from datetime import date

    from kg.extract.gazetteer import load_gazetteer
    from kg.model import Article
    from kg.vocab import DKG, actor_iri

    gazetteer = load_gazetteer()
    text = "Putin met Guterres in Moscow."
    day = date(2022, 4, 26)
    putin, guterres = gazetteer.actor("Q7747", day), gazetteer.actor("Q311440", day)
    kg.write_articles([(Article("m1", text, published=day), [make_event(putin, guterres, "040", text)])], "t/1")
    graph = kg.article_graph("m1")
    (event,) = graph.subjects(DKG.source, actor_iri("Q7747"))
    assert (str(graph.value(event, DKG.sourceCountry)), str(graph.value(event, DKG.sourceSector))) == ("RUS", "GOV")
    assert graph.value(event, DKG.targetCountry) is None  # acting for the UN
    assert graph.value(event, DKG.targetAffiliation) == actor_iri("Q1065")
    assert graph.value(event, DKG.sourceAffiliation) is None
    # The timeless description stays in the reference graph: Guterres is Portuguese.
    assert kg.ask("ASK { ?a dkg:countryCode 'PRT' }", {"a": actor_iri("Q311440")})
