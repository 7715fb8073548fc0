"""Plain data objects that flow through the pipeline: articles, actors, events.

They know nothing of RDF or spaCy; ``to_json`` gives the shapes fixed in the
design notes (the ``diplokg extract`` contract).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

MODALITIES = ("asserted", "planned", "negated", "hypothetical", "reported")
ACTOR_TYPES = ("person", "state", "organization", "group")


@dataclass(frozen=True)
class Article:
    """One news article, its text cleaned of page furniture.

    ``origin`` says where it came from (``file`` or ``file:line``) for messages.
    """

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    publisher: str | None = None
    origin: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of everything that is stored about the article."""
        payload = json.dumps(
            [self.id, self.text, self.title, self.published and self.published.isoformat(), self.url, self.publisher],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Actor:
    """A resolved (or unresolved) participant of an event.

    ``key`` is the stable local id: an ISO alpha-3 code for states, a Wikidata
    QID for known people and organisations, else a slug of the text.
    ``affiliation`` is the key of the organisation a person acts for, when the
    office they hold on the event date is that organisation's (António
    Guterres: ``Q1065``, the UN) or the text names them by it ("Hamas official
    Osama Hamdan": ``NSA-HAMAS``); None for everyone else.
    """

    key: str
    label: str
    type: str = "group"
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    resolved: bool = True
    # Last, so that positional constructions written before it keep their meaning.
    affiliation: str | None = None

    @property
    def iri(self) -> str:
        from kg.vocab import actor_iri

        return str(actor_iri(self.key))

    def to_json(self) -> dict[str, Any]:
        from kg.vocab import actor_iri

        return {
            "id": self.iri,
            "label": self.label,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
            "type": self.type,
            "affiliation": str(actor_iri(self.affiliation)) if self.affiliation else None,
        }


@dataclass(frozen=True)
class Place:
    """Where an event happened: the place as the article names it ("Sochi", "the Gaza
    Strip") and the ISO alpha-3 key of its state."""

    name: str
    country: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True)
class Event:
    """One coded event with its evidence.

    ``date`` is ISO text at its precision: ``2024-02-15``, ``2024-02`` or
    ``2024``; ``date_basis`` says where it comes from: ``"text"`` (a time
    expression of the article) or ``"published"`` (the text gives none, so the
    article's publication day stands in, as news-event datasets date what they
    report); ``place`` is where it happened, if the sentence says; ``start``/``end``
    are character offsets of ``sentence`` in the article text.
    """

    source: Actor
    target: Actor
    cameo: str
    quad_class: int
    label: str
    sentence: str
    start: int
    end: int
    date: str | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    goldstein: float | None = None
    trigger: str | None = None
    rule: str | None = None
    place: Place | None = None
    date_basis: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def date_precision(self) -> str | None:
        if self.date is None:
            return None
        return {4: "year", 7: "month", 10: "day"}[len(self.date)]

    def key(self, article_id: str) -> str:
        """A stable id: the same event in the same article always gets it."""
        raw = "\x1f".join(
            [article_id, str(self.start), str(self.end), self.source.key, self.cameo, self.target.key, self.modality]
        )
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source.to_json(),
            "target": self.target.to_json(),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "label": self.label,
            "date": self.date,
            "date_basis": self.date_basis if self.date else None,
            "modality": self.modality,
            "place": self.place.to_json() if self.place else None,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
        }
