"""Build ``data/cameo_event_codes.csv`` from the public CAMEO code facts.

Only facts are kept: the code, a short name, the quad class, the root and
the Goldstein score. Usage::

    python scripts/build_cameo_table.py ../shared/data/reference/cameo_event_codes.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "cameo_event_codes.csv"


def short_name(name: str, level: str) -> str:
    # Root names are upper case in the source; present them like the others.
    return name.capitalize() if level == "0" else name


def main(src: str) -> None:
    with open(src, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["code", "name", "quad_class", "root", "goldstein"])
        for r in rows:
            out.writerow(
                [r["code"], short_name(r["name"], r["level"]), r["quad_class"], r["root_code"], r["goldstein"]]
            )
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
