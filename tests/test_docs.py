"""Everything a user can set, call or run is documented (fails when something is not)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
API = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    from service import DEFAULTS

    for key in [*DEFAULTS, "DIPLOKG_STORE", "DIPLOKG_EXTRACTOR"]:
        assert f"`{key}`" in API, f"setting {key} is not in docs/api.md"


def test_every_environment_variable_read_by_the_code_is_documented():
    used = set()
    for path in [*ROOT.glob("kg/**/*.py"), *ROOT.glob("service/**/*.py")]:
        used |= set(re.findall(r"[\"'](DIPLOKG_[A-Z_]+)[\"']", path.read_text(encoding="utf-8")))
    for name in used:
        assert name in README or name in API, f"{name} is read by the code but documented nowhere"


def test_every_route_is_documented(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", rule.rule)
        assert f"`{path}`" in API or f" {path}`" in API, f"route {rule.rule} is not in docs/api.md"


def test_every_named_query_is_documented_and_parses():
    from kg.queries import list_queries

    names = [q.name for q in list_queries()]
    assert len(names) >= 7
    for name in names:
        assert f"`{name}`" in API, f"named query {name} is not in docs/api.md"


@pytest.mark.parametrize("command", ["ingest", "extract", "evaluate", "query", "queries", "export", "stats", "serve"])
def test_every_command_is_in_the_readme(command):
    assert f"diplokg {command}" in README


def test_readme_opens_with_the_run_and_test_commands_that_ci_uses():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "diplokg serve" in blocks[0] and "diplokg ingest data/articles" in blocks[0]
    assert "pytest" in blocks[1]
    assert "README.md" in (ROOT / ".ci" / "run").read_text()


def test_every_runtime_data_file_is_installed_by_setup_cfg():
    import configparser
    from fnmatch import fnmatch

    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    patterns = [p.strip() for value in cfg["options.data_files"].values() for p in value.split(",") if p.strip()]
    files = [p.relative_to(ROOT).as_posix() for p in [*ROOT.glob("data/**/*"), *ROOT.glob("queries/*")] if p.is_file()]
    missing = [f for f in files if not any(fnmatch(f, pat) and f.count("/") == pat.count("/") for pat in patterns)]
    assert not missing, f"not installed by setup.cfg [options.data_files]: {missing}"
