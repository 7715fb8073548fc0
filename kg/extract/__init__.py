"""Rule-based extraction of diplomatic events (actor - CAMEO event - actor).

Public API::

    from kg.extract import Extractor, get_extractor, load_gazetteer

The extractor is a pipeline of stages over a spaCy parse (see
:mod:`kg.extract.pipeline`): sentences, discards, time expressions, actor
mentions, triggers, argument linking, events. Its tables live in ``data/``:
``actors/*.csv`` (gazetteer), ``triggers.csv``, ``cues.csv``, ``discards.csv``.
"""

from kg.extract.extractor import VERSION, Extractor, get_extractor
from kg.extract.gazetteer import Entry, Gazetteer, Tenure, load_gazetteer

__all__ = ["VERSION", "Entry", "Extractor", "Gazetteer", "Tenure", "get_extractor", "load_gazetteer"]
