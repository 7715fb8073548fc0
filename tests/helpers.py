"""Sample articles and events for tests (no spaCy needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model import Actor, Article, Event

if TYPE_CHECKING:
    from kg.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SEED = ROOT / "data" / "articles" / "putin-turkey-visit-2024-01-29.txt"

RUS = Actor("RUS", "Russia", "state", country="RUS", wikidata="Q159")
TUR = Actor("TUR", "Turkey", "state", country="TUR", wikidata="Q43")
UKR = Actor("UKR", "Ukraine", "state", country="UKR", wikidata="Q212")
PUTIN = Actor("Q7747", "Vladimir Putin", "person", country="RUS", sector="GOV", wikidata="Q7747")


def make_event(source: Actor, target: Actor, cameo: str, sentence: str, start: int = 0, **kw) -> Event:
    from kg.cameo import lookup

    code = lookup(cameo)
    return Event(
        source=source,
        target=target,
        cameo=cameo,
        quad_class=code.quad_class,
        label=code.label,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        goldstein=code.goldstein,
        **kw,
    )


def sample_article(article_id: str = "a1", text: str | None = None, **kw) -> tuple[Article, list[Event]]:
    """A small article with two hand-made events (no spaCy needed)."""
    s1 = "Putin will visit Turkey next month."
    s2 = "Russia invaded Ukraine in 2022."
    text = text if text is not None else f"{s1} {s2}"
    article = Article(id=article_id, text=text, published=date(2024, 1, 29), **kw)
    events = [
        make_event(PUTIN, TUR, "036", s1, 0, date="2024-02", modality="planned", confidence=0.8),
        make_event(RUS, UKR, "190", s2, len(s1) + 1, date="2022", confidence=0.7),
    ]
    return article, events


#: The publication date the extraction tests read their sentences on.
EXTRACT_DAY = date(2024, 1, 29)


def coded(extractor: Extractor, text: str, published: date | None = EXTRACT_DAY) -> set[tuple[str, str, str]]:
    """(source actor code, CAMEO code, target actor code) of each event ``extractor`` finds in
    ``text`` published on ``published``."""
    from kg.evaluate import actor_code

    events = extractor.extract(Article("t", text, published=published))
    return {(actor_code(e.source), e.cameo, actor_code(e.target)) for e in events}


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    """(source key, CAMEO code, target key) of each event ``extractor`` finds in ``text``."""
    events = extractor.extract(Article("t", text, published=EXTRACT_DAY))
    return {(e.source.key, e.cameo, e.target.key) for e in events}
