"""schemathesis against ``/openapi.json``: every operation, writes included; no 5xx, no schema violations.

The app has the update token configured and its own Oxigraph store in a
temporary folder, seeded with the sample article, so writes reach no other
test. After each request that changed the store it is put back as seeded, so
every generated case meets the same data whatever ran before it (failures
replay the same way).

What is limited, and why: nothing in schemathesis's run, except that its cases
are drawn the same way on every run (see ``derandomize`` below). Its default phases
(explicit examples from the spec, coverage, fuzzing with 100 cases per
operation) and the checks for server errors, status codes, content types and
response schemas all run; about two minutes on 2 shared CPUs. What keeps it
affordable is the store: Oxigraph (the default backend), on which the network
and actor routes answer in milliseconds; on the in-memory store they take
about a second per request (the read operations alone took almost four
minutes there with a tenth of the fuzzing cases). The
in-memory write path is covered by ``test_update_overlay.py`` and the W3C
protocol tests instead.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

TOKEN = "schemathesis-token-0123456789abcdef"


class _Seeded:
    """The app and its store, and the store's seeded content to return to."""

    def __init__(self) -> None:
        import tempfile

        from helpers import sample_article

        from kg.store import KnowledgeGraph
        from service import create_app
        from service.store import use_kg

        self.tmp = tempfile.TemporaryDirectory(prefix="diplokg-schemathesis-")
        self.kg = KnowledgeGraph(f"oxigraph:{self.tmp.name}/store")
        self.kg.write_articles([sample_article()], extractor="test/1")
        self.app = create_app(
            {
                "TESTING": True,
                "DIPLOKG_STORE": self.kg.url,
                "ACCESS_LOG": "0",
                "SPARQL_TIMEOUT": "5",
                "SPARQL_UPDATE_TOKEN": TOKEN,
            }
        )
        use_kg(self.app, self.kg)
        self.quads = self._quads()
        self.revision = self.kg.revision

    def _quads(self) -> frozenset:
        # Oxigraph's own quads: comparing them is fast, and no rdflib conversion is needed.
        return frozenset(self.kg.backend.ox)

    def restore(self) -> None:
        """Undo whatever the last request wrote."""
        from oxrdflib._converter import from_ox

        from kg.store.overlay import ChangeSet

        if self.kg.revision == self.revision:
            return
        now = self._quads()

        def rdflib_quads(quads: frozenset) -> frozenset:
            return frozenset(
                (*map(from_ox, (q.subject, q.predicate, q.object)), _graph_name(q.graph_name)) for q in quads
            )

        changes = ChangeSet(removed=rdflib_quads(now - self.quads), added=rdflib_quads(self.quads - now))
        self.kg.backend.apply_changes(changes)
        self.revision = self.kg.revision
        assert self._quads() == self.quads


def _graph_name(name):
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return DATASET_DEFAULT_GRAPH_ID if isinstance(name, ox.DefaultGraph) else from_ox(name)


SEEDED = _Seeded()


@schemathesis.serializer(
    "application/sparql-query", "application/sparql-update", "text/turtle", "application/n-triples", "application/trig"
)
def _text(ctx, value):
    # Text bodies (a query, an update, RDF) are sent as generated strings.
    return b"" if value is None else str(value).encode("utf-8")


schema = schemathesis.openapi.from_wsgi("/openapi.json", SEEDED.app)


@schema.parametrize()
# derandomize: every run (CI included) tries the same cases, so a red run means a change
# broke something, not that this run drew a new input. To search further for bugs, run it
# with derandomize=False a few times.
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms(case):
    try:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {TOKEN}"},
            checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
        )
    finally:
        SEEDED.restore()
