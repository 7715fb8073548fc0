"""The issue's checks on the shipped seed article, as the real extractor reads it.

tests/test_analysis.py checks the same on a hand-written miniature of the
article; these run spaCy and the extraction rules on the article itself, so
they fail when the extracted network no longer tells the story.
"""

from __future__ import annotations

import pytest
from helpers import SEED

from kg.analysis.api import find_paths, rank_actors

pytestmark = pytest.mark.spacy

PUTIN, ERDOGAN, ZELENSKY = "Q7747", "Q39259", "Q3874799"
ARTICLE_ID = SEED.stem


@pytest.fixture(scope="module")
def seed_store():
    """A memory store holding the seed article as ``diplokg ingest`` stores it (gazetteer included)."""
    from kg.extract import get_extractor
    from kg.ingest import read_path
    from kg.pipeline import ingest_articles
    from kg.store import KnowledgeGraph

    kg = KnowledgeGraph("memory:")
    # get_extractor() is cached per process: the spaCy model other tests loaded is reused.
    (article,) = read_path(SEED)
    report = ingest_articles(kg, [article], get_extractor())
    assert report.ok and report.stored == [ARTICLE_ID]
    yield kg, article
    kg.close()


def test_turkey_ranks_first_by_betweenness_among_states_in_the_extracted_seed_graph(seed_store):
    kg, _ = seed_store
    scores = rank_actors(kg, "betweenness", actor_type="state")["scores"]
    assert {"TUR", "RUS", "UKR"} <= {s["key"] for s in scores}
    assert all(s["type"] == "state" for s in scores)
    ranking = [(s["key"], round(s["score"], 4)) for s in scores]
    assert scores[0]["key"] == "TUR", ranking
    assert scores[0]["score"] > scores[1]["score"], f"Turkey must be first, not tied: {ranking}"


def test_path_from_putin_to_zelensky_runs_through_erdogan_or_turkey_with_evidence(seed_store):
    kg, article = seed_store
    result = find_paths(kg, PUTIN, ZELENSKY)
    assert result.found, result.reason
    path = result.paths[0]
    assert path.nodes[0] == PUTIN and path.nodes[-1] == ZELENSKY
    assert path.nodes[1:-1] and set(path.nodes[1:-1]) <= {ERDOGAN, "TUR"}, path.nodes
    for hop in path.hops:
        assert hop.evidence, f"hop {hop.source}-{hop.target} has no evidence"
        for row in hop.evidence:
            # The evidence is a sentence of this very article, not text from elsewhere.
            assert row["sentence"] and row["sentence"] in article.text
            assert row["article"]["id"] == ARTICLE_ID
            assert {row["source"], row["target"]} == {hop.source, hop.target}
