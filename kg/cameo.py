"""The CAMEO event code table (``data/cameo_event_codes.csv``).

>>> table = cameo_table()
>>> table["042"].label, table["042"].quad_class, table["042"].root
('Make a visit', 1, '04')
>>> table["042"].relation
'makesVisitTo'
>>> table["0874"].relation  # no property of its own: the root's
'yieldsTo'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from kg.errors import InputError
from kg.resources import data_path


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    quad_class: int
    root: str
    goldstein: float | None
    relation: str

    @property
    def level(self) -> int:
        """0 for a two-digit root, 1 for three digits, 2 for four."""
        return len(self.code) - 2


@cache
def quad_class_names() -> dict[int, str]:
    return {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


@cache
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes by code string, loaded once."""
    with open(data_path("cameo_relations.csv"), newline="", encoding="utf-8") as fh:
        relations = {row["code"]: row["property"] for row in csv.DictReader(fh)}
    table: dict[str, CameoCode] = {}
    with open(data_path("cameo_event_codes.csv"), newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            relation = next(relations[code[:n]] for n in range(len(code), 1, -1) if code[:n] in relations)
            table[code] = CameoCode(
                code=code,
                label=row["name"],
                quad_class=int(row["quad_class"]),
                root=row["root"],
                goldstein=float(row["goldstein"]) if row["goldstein"] else None,
                relation=relation,
            )
    return table


def lookup(code: str) -> CameoCode:
    """The entry for ``code``; InputError if CAMEO has no such code."""
    try:
        return cameo_table()[code]
    except KeyError:
        raise InputError(f"unknown CAMEO code {code!r}") from None
