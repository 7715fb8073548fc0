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


# ---------------------------------------------------------------- service


def pytest_configure(config):
    config.addinivalue_line("markers", "spacy: runs the real spaCy extractor (slow; the model is installed)")


@pytest.fixture
def app(kg):
    """The Flask app, serving the ``kg`` fixture's in-memory store."""
    from service import create_app
    from service.store import use_kg

    app = create_app({"TESTING": True, "DIPLOKG_STORE": "memory:"})
    use_kg(app, kg)
    return app


@pytest.fixture
def client(app):
    """Flask's test client for ``app``."""
    return app.test_client()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real server process (waitress on a free loopback port) over an Oxigraph store with the sample article."""
    from test_clients import serve_store

    yield from serve_store(tmp_path_factory)


@pytest.fixture(scope="module")
def extractor():
    """The default extractor (cached per process: the spaCy model loads once)."""
    from kg.extract import get_extractor

    return get_extractor()
