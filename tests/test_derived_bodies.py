"""Named bodies derived from the Phoenix actor dictionary (``data/actors/derived_bodies.csv``)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import triples

from kg.evaluate import actor_code
from kg.extract import Extractor
from kg.extract.gazetteer import DERIVED_BODY_PREFIX, load_gazetteer

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed groups, a state's own bodies and intergovernmental bodies resolve with their codes
        ("The FSB accused Ukraine of plotting attacks.", {("phx-org-federal-security-service", "112", "UKR")}),
        (
            "The Sudan People's Liberation Army clashed with Sudanese troops.",
            {("phx-org-sudan-people-s-liberation-army", "190", "SDN-MIL")},
        ),
        (
            "The World Health Assembly criticised Russia.",
            {("phx-org-world-health-assembly", "111", "RUS")},
        ),
    ],
)
def test_derived_bodies_take_part_in_events(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_a_body_carries_country_sector_and_code() -> None:
    gazetteer = load_gazetteer()
    fsb = gazetteer.get("phx-org-federal-security-service").actor
    assert (fsb.country, fsb.sector, actor_code(fsb)) == ("RUS", "COP", "RUSCOP")
    wha = gazetteer.get("phx-org-world-health-assembly").actor
    assert (wha.country, wha.sector, actor_code(wha)) == (None, None, "IGOUNOHLHWHO")


def test_curated_entries_keep_their_aliases() -> None:
    gazetteer = load_gazetteer()
    derived = {e.actor.key for e in gazetteer.entries() if e.actor.key.startswith(DERIVED_BODY_PREFIX)}
    assert derived
    for alias, key, _ in gazetteer.aliases():
        if alias.lower() in {"hamas", "islamic revolutionary guard corps", "arab league"}:
            assert key not in derived


def test_a_place_or_a_shared_name_is_no_body(extractor: Extractor) -> None:
    # "Al-Aqsa" alone names a mosque; "Peoples Liberation Army" is China's and an Irish group's.
    assert triples(extractor, "Israeli police raided Al-Aqsa mosque.") == set()
    with open(ROOT / "data" / "actors" / "derived_bodies.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = [n.lower() for row in rows for n in row["names"].split("|") if n]
    assert "al-aqsa" not in names
    assert "peoples liberation army" not in names
    assert len(names) == len(set(names))


def test_the_build_writes_the_shipped_table(tmp_path: Path) -> None:
    source = ROOT.parent / "shared" / "data" / "reference" / "actor_dictionary.csv"
    if not source.is_file():
        pytest.skip("the shared Phoenix dictionary is not beside the repository")
    actors = tmp_path / "actors"
    actors.mkdir()
    for name in ("states.csv", "organizations.csv", "persons.csv", "roles.csv"):
        (actors / name).write_bytes((ROOT / "data" / "actors" / name).read_bytes())
    script = ROOT / "scripts" / "build_phoenix_actors.py"
    subprocess.run([sys.executable, str(script), str(source), str(actors)], check=True, capture_output=True)
    for name in ("derived_bodies.csv", "derived_persons.csv", "derived_offices.csv", "derived_places.csv"):
        assert (actors / name).read_bytes() == (ROOT / "data" / "actors" / name).read_bytes(), name


def test_body_names_do_not_keep_headline_words_capitalised(extractor: Extractor) -> None:
    # Derived names hold trigger words ("Attack"); a Title Case headline still lowers them.
    text = "How Was Russia Able to Launch Russia's Biggest Aerial Attack on Ukraine?"
    assert ("RUS", "190", "UKR") in triples(extractor, text)
