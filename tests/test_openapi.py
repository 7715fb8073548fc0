"""``/openapi.json`` describes exactly the app's routes and methods."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from helpers import TUR, make_event

from kg.extract.gazetteer import load_gazetteer
from kg.model import Article
from kg.vocab import actor_iri

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def test_spec_and_url_map_agree(app, client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        routes.setdefault(path, set()).update(m.lower() for m in rule.methods - IGNORED_METHODS)
    described = {path: set(item) for path, item in spec["paths"].items()}
    assert routes == described


def test_every_operation_documents_its_errors_in_the_one_shape(client):
    spec = client.get("/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (path, method, status)


def test_event_actors_with_an_affiliation_match_the_described_schema(app, kg):
    """The Actor schema fits a real answer with an affiliation (the schemathesis store has none)."""
    schemathesis = pytest.importorskip("schemathesis")
    from schemathesis.openapi.checks import JsonSchemaError

    text = "Guterres visited Turkey."
    guterres = load_gazetteer().actor("Q311440", date(2024, 3, 1))  # the UN Secretary-General
    kg.write_articles(
        [(Article("un", text, published=date(2024, 3, 1)), [make_event(guterres, TUR, "042", text)])], "t"
    )
    client = app.test_client()
    schema = schemathesis.openapi.from_dict(client.get("/openapi.json").get_json())
    response = client.get("/api/events")
    assert response.get_json()["events"][0]["source"]["affiliation"] == str(actor_iri("Q1065"))
    schema["/api/events"]["GET"].validate_response(response)
    schema["/api/articles/{article_id}"]["GET"].validate_response(client.get("/api/articles/un"))
    # The schema does check the field: an affiliation that is neither a string nor null is refused.
    broken = response.get_json()
    broken["events"][0]["source"]["affiliation"] = 1065
    response.set_data(json.dumps(broken))
    with pytest.raises(JsonSchemaError, match="violates schema"):
        schema["/api/events"]["GET"].validate_response(response)
