"""Shared fixtures: ``kg`` (an in-memory store) and ``seeded_kg`` (with a sample article).

Service fixtures (``app``, ``client``, ``runner``) are defined below too.
"""

from __future__ import annotations

import pytest
from helpers import sample_article


@pytest.fixture
def kg():
    from kg.store import KnowledgeGraph

    store = KnowledgeGraph("memory:")
    yield store
    store.close()


@pytest.fixture
def seeded_kg(kg):
    kg.write_articles([sample_article()], extractor="test/1")
    return kg


@pytest.fixture
def runner():
    """Click's runner for the ``diplokg`` command line."""
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture
def store_url(tmp_path):
    """An on-disk Oxigraph store in a temporary folder."""
    return f"oxigraph:{tmp_path / 'store'}"
