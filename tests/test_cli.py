"""The ``diplokg`` command line, end to end on the seed article (real spaCy model)."""

from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
from helpers import SEED

from kg.cli import main

COMMANDS = ["ingest", "extract", "evaluate", "query", "queries", "export", "stats", "serve"]


def run(runner, *args, ok=True):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def nquads(runner, store_url) -> list[str]:
    return sorted(run(runner, "export", "--format", "nquads", "-o", "-", "--store", store_url).stdout.splitlines())


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself_with_an_example(runner, command):
    out = run(runner, command, "--help").output
    assert "Example" in out and f"diplokg {command}" in out


@pytest.fixture
def seed_dir(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(SEED.with_suffix(".json"), folder)
    return folder


def test_seed_round_trip_ingest_query_export_parse(runner, store_url, seed_dir, tmp_path):
    out = run(runner, "ingest", seed_dir, "--store", store_url).output
    assert "stored 1, skipped 0 unchanged, failed 0" in out
    result = run(
        runner, "query", "SELECT (COUNT(?e) AS ?n) WHERE { ?e a dkg:Event }", "--format", "json", "--store", store_url
    )
    n_events = int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])
    assert n_events > 0
    target = tmp_path / "out.ttl"
    run(runner, "export", "--format", "turtle", "-o", target, "--store", store_url)
    triples = list(ox.parse(path=str(target), format=ox.RdfFormat.TURTLE))
    distinct = run(
        runner,
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
        "--format",
        "csv",
        "--store",
        store_url,
    ).stdout.splitlines()[1]
    assert len(triples) == int(distinct)
    # the page junk at the end of the seed article never becomes evidence
    sentences = run(
        runner, "query", "SELECT ?s WHERE { ?e dkg:sentence ?s }", "--format", "csv", "--store", store_url
    ).stdout
    assert "jQuery" not in sentences and "ncG1vNJz" not in sentences and "Newsweek is committed" not in sentences


def test_reingest_is_a_no_op_and_a_changed_article_replaces_its_graph(runner, store_url, seed_dir):
    run(runner, "ingest", seed_dir, "--store", store_url)
    before = nquads(runner, store_url)
    assert "stored 0, skipped 1 unchanged" in run(runner, "ingest", seed_dir, "--store", store_url).output
    assert nquads(runner, store_url) == before
    seed = seed_dir / SEED.name
    seed.write_text("Erdogan visited Moscow on Monday to meet with Putin.\n", encoding="utf-8")
    assert "stored 1, skipped 0" in run(runner, "ingest", seed_dir, "--store", store_url).output
    after = "\n".join(nquads(runner, store_url))
    assert "Black Sea Grain Initiative" not in after
    assert "Erdogan visited Moscow" in after


def write(path, data: bytes | str):
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", "   \n", "empty"),
        ("latin1.txt", "Caf\xe9 diplomacy".encode("latin-1"), "UTF-8"),
        ("bad.jsonl", '{"id": "x1", "text": "Putin visited Turkey."\n', "bad.jsonl:1"),
        ("date.jsonl", '{"id": "x2", "text": "Putin visited Turkey.", "published": "2024-13-45"}\n', "2024-13-45"),
        ("array.jsonl", '["not", "an", "object"]\n', "array.jsonl:1"),
    ],
)
def test_bad_input_is_reported_by_file_and_line_and_stores_nothing(runner, store_url, tmp_path, name, content, message):
    run(runner, "stats", "--store", store_url)
    before = nquads(runner, store_url)
    bad = write(tmp_path / name, content)
    result = run(runner, "ingest", bad, "--store", store_url, ok=False)
    assert result.exit_code == 1
    assert name in result.stderr and message in result.stderr
    assert "failed 1" in result.stdout
    assert nquads(runner, store_url) == before


def test_missing_path_is_a_failure_not_a_traceback(runner, store_url, tmp_path):
    result = run(runner, "ingest", tmp_path / "nope.txt", "--store", store_url, ok=False)
    assert result.exit_code == 1 and "nope.txt" in result.stderr


def test_good_records_of_a_batch_go_in_when_others_fail(runner, store_url, tmp_path):
    lines = [
        {"id": "ok-1", "text": "Russian President Vladimir Putin visited Turkey on Monday.", "published": "2024-02-12"},
        "{broken json",
        {"id": "bad-date", "text": "Putin visited Turkey.", "published": "yesterday"},
        {"id": "empty", "text": ""},
        {"id": "ok-2", "text": "Japan and China held talks in Beijing.", "published": "2024-03-01"},
    ]
    batch = write(tmp_path / "batch.jsonl", "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines))
    result = run(runner, "ingest", batch, "--store", store_url, ok=False)
    assert result.exit_code == 1
    assert "stored 2, skipped 0 unchanged, failed 3" in result.stdout
    for line in (2, 3, 4):
        assert f"batch.jsonl:{line}" in result.stderr
    ids = run(runner, "query", "SELECT ?id WHERE { ?a dkg:articleId ?id }", "--format", "csv", "--store", store_url)
    assert sorted(ids.stdout.split()[1:]) == ["ok-1", "ok-2"]


def test_extract_contract_one_line_per_record(runner, tmp_path):
    records = [
        {
            "id": "r1",
            "text": "Russian President Vladimir Putin will visit Turkey next month.",
            "published": "2024-01-29",
        },
        {"id": "r2", "text": "The weather was mild."},
        {"id": "r3", "text": ""},
    ]
    src = write(tmp_path / "in.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    result = run(runner, "extract", "--input", src, "--format", "jsonl", ok=False)
    assert result.exit_code == 1  # r3 is bad
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert rows[0]["id"] == "r1" and rows[1] == {"id": "r2", "events": []}
    assert rows[2]["events"] == [] and "empty" in rows[2]["error"]
    event = rows[0]["events"][0]
    assert set(event) == {
        "source",
        "target",
        "cameo",
        "quad_class",
        "label",
        "date",
        "date_basis",
        "modality",
        "place",
        "sentence",
        "start",
        "end",
        "confidence",
    }
    # Where: a visit happens in the state visited.
    assert event["place"] == {"name": "Turkey", "country": "TUR"}
    assert isinstance(event["cameo"], str) and isinstance(event["quad_class"], int)
    assert isinstance(event["start"], int) and isinstance(event["end"], int) and isinstance(event["confidence"], float)
    assert event["date"] == "2024-02" and event["date_basis"] == "text" and event["modality"] == "planned"
    for actor in (event["source"], event["target"]):
        assert set(actor) == {"id", "label", "country", "sector", "wikidata", "type", "affiliation"}
        assert actor["type"] in {"person", "state", "organization", "group"}
    assert event["source"]["wikidata"] == "Q7747" and event["target"]["country"] == "TUR"
    assert records[0]["text"][event["start"] : event["end"]] == event["sentence"]


def test_extract_reads_stdin(runner):
    line = json.dumps({"id": "s1", "text": "Putin visited Turkey on Monday.", "published": "2024-02-12"})
    result = runner.invoke(main, ["extract", "--input", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "s1"


def test_named_query_with_params_and_hostile_values(runner, store_url, seed_dir):
    run(runner, "ingest", seed_dir, "--store", store_url)
    out = run(runner, "query", "actor-events", "--param", "actor=TUR", "--format", "csv", "--store", store_url).stdout
    assert "Turkey" in out or "TUR" in out
    bad = run(runner, "query", "actor-events", "--param", "actor=} ; DROP ALL", "--store", store_url, ok=False)
    assert bad.exit_code == 2 and "actor" in bad.stderr
    missing = run(runner, "query", "no-such-query", "--store", store_url, ok=False)
    assert missing.exit_code == 2 and "no named query" in missing.stderr
    syntax = run(runner, "query", "SELECT WHERE {", "--store", store_url, ok=False)
    assert syntax.exit_code == 2 and "invalid SPARQL" in syntax.stderr


def test_export_to_a_missing_folder_is_an_error(runner, store_url, tmp_path):
    result = run(runner, "export", "-o", tmp_path / "no" / "such" / "x.ttl", "--store", store_url, ok=False)
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_stats_counts(runner, store_url, seed_dir):
    run(runner, "ingest", seed_dir, "--store", store_url)
    out = run(runner, "stats", "--store", store_url).output
    assert "articles  1" in out and "events" in out


def test_serve_refuses_unknown_or_bad_options_before_listening(runner, store_url):
    unknown = run(runner, "serve", "--store", store_url, "-o", "NO_SUCH=1", ok=False)
    assert unknown.exit_code == 2 and "NO_SUCH" in unknown.stderr
    bad = run(runner, "serve", "--store", store_url, "-o", "SPARQL_TIMEOUT=soon", ok=False)
    assert bad.exit_code == 2 and "SPARQL_TIMEOUT" in bad.stderr
