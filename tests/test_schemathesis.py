"""schemathesis against ``/openapi.json``: no 5xx and no schema violations on generated requests."""

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


def _app():
    from helpers import sample_article

    from kg.store import KnowledgeGraph
    from service import create_app
    from service.store import use_kg

    app = create_app({"TESTING": True, "DIPLOKG_STORE": "memory:", "ACCESS_LOG": "0", "SPARQL_TIMEOUT": "5"})
    kg = KnowledgeGraph("memory:")
    kg.write_articles([sample_article()], extractor="test/1")
    use_kg(app, kg)
    return app


@schemathesis.serializer("application/sparql-query", "text/turtle", "application/n-triples", "application/trig")
def _text(ctx, value):
    # Text bodies (a query, RDF) are sent as generated strings.
    return b"" if value is None else str(value).encode("utf-8")


# Writes would change the shared store between examples; test_service and
# test_sparql_protocol cover them. Every read operation is generated here.
schema = schemathesis.openapi.from_wsgi("/openapi.json", _app()).exclude(method=["POST", "PUT", "DELETE"])


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms(case):
    case.call_and_validate(
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    )
