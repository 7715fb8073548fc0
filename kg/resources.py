"""Where DiploKG finds its reference data (ontology, CAMEO table, gazetteer)."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from kg.errors import ConfigurationError


@cache
def data_dir() -> Path:
    """The ``data/`` folder: ``DIPLOKG_DATA_DIR``, the source tree, or the installed copy."""
    candidates = []
    if os.environ.get("DIPLOKG_DATA_DIR"):
        candidates.append(Path(os.environ["DIPLOKG_DATA_DIR"]))
    candidates.append(Path(__file__).resolve().parents[1] / "data")
    candidates.append(Path(sys.prefix) / "share" / "diplokg" / "data")
    for path in candidates:
        if (path / "ontology" / "diplokg.ttl").is_file():
            return path
    raise ConfigurationError("DiploKG's data folder was not found; set DIPLOKG_DATA_DIR")


def data_path(*parts: str) -> Path:
    """Path of a file under the data folder."""
    return data_dir().joinpath(*parts)


def queries_dir() -> Path:
    """The folder of named SPARQL queries."""
    for path in (data_dir().parent / "queries", Path(sys.prefix) / "share" / "diplokg" / "queries"):
        if path.is_dir():
            return path
    raise ConfigurationError("DiploKG's queries folder was not found")
