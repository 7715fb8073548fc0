"""Append social-sector nouns from the PETRARCH agent dictionary to ``roles.csv``.

The curated role table covers the political sectors (government, military,
rebels, police, ...). Events involve ordinary groups too: "Algerian
landowners began a hunger strike", "Swiss doctors handed over medicine".
This script adds the agent dictionary's nouns for business, civilians,
health, education, agriculture, labour, environment and religion as group
roles, so a demonym or possessive gives them a country (``DZA`` + ``CVL``).

Reads ``shared/data/reference/agent_dictionary.csv`` (openeventdata/petrarch2
``Phoenix.agents.txt``, MIT). Phrases already in the table stay as they are,
so the script can be run again. Run from the repository root::

    python scripts/add_agent_sectors.py ../shared/data/reference/agent_dictionary.csv data/actors/roles.csv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

#: Agent codes (after ``~``) -> the sector code the role gets.
SECTORS = {
    "BUS": "BUS",
    "CVL": "CVL",
    "PPL": "CVL",
    "HLH": "HLH",
    "EDU": "EDU",
    "AGR": "AGR",
    "LAB": "LAB",
    "ENV": "ENV",
    "REL": "REL",
    "MUS": "MUS",
    "CHR": "CHR",
    "HIN": "HIN",
    "JEW": "JEW",
    "BUD": "BUD",
}
#: Words that are adjectives or things far more often than people in news text.
AMBIGUOUS = {
    "aerospace",
    "business",
    "chamber",
    "community",
    "elector",
    "hebrew",
    "islamic",
    "jewish",
    "anglican",
    "retired",
    "monger",
    "fisher",
    "cropper",
    "believer",
    "constituent",
    "customer",
    "mendicant",
    "unitarian",
    "settlement",
    "industry",
    "producer",
    "manafacture",
    "transport compan",
    "savings and loan",
    "oiler",
    "tourer",
    "naturalized",
    "non-native",
    "mob",
    "native",
    "dean",
    "population",
}
_ODD = re.compile(r"[{}()\[\].0-9/&]")


def rows(source: Path, existing: set[str]) -> list[dict[str, str]]:
    """New group roles from the agent dictionary, in its order."""
    added: list[dict[str, str]] = []
    with open(source, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            phrase = " ".join(row["phrase"].lower().split())
            sector = SECTORS.get(row["agent_code"].lstrip("~")[:3])
            if sector is None or _ODD.search(phrase) or len(phrase.split()) > 3 or len(phrase) < 3:
                continue
            if phrase in AMBIGUOUS or phrase in existing:
                continue
            existing.add(phrase)
            added.append({"phrase": phrase, "office": "", "sector": sector, "kind": "group"})
    return added


def main(source: Path, roles_csv: Path) -> int:
    with open(roles_csv, newline="", encoding="utf-8") as fh:
        existing = {row["phrase"] for row in csv.DictReader(fh)}
    added = rows(source, existing)
    with open(roles_csv, "a", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["phrase", "office", "sector", "kind"], lineterminator="\n")
        writer.writerows(added)
    return len(added)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"added {main(Path(sys.argv[1]), Path(sys.argv[2]))} roles")
