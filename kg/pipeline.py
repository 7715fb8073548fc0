"""Ingest → extract → store, for one article or a batch of thousands.

Unchanged articles (same content hash, same extractor version) are skipped
before the costly parse; bad records are reported and never stop the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from kg.errors import DiploKGError, InputError
from kg.model import Article, Event

if TYPE_CHECKING:
    from kg.extract import Extractor
    from kg.store import KnowledgeGraph

#: Articles parsed and written together; one write per batch lets Oxigraph bulk-load.
BATCH_SIZE = 64


@dataclass
class IngestReport:
    """What an ingest run did."""

    stored: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[DiploKGError] = field(default_factory=list)
    events: dict[str, list[Event]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        n_events = sum(len(v) for v in self.events.values())
        return (
            f"stored {len(self.stored)}, skipped {len(self.skipped)} unchanged, "
            f"failed {len(self.failed)}; {n_events} events"
        )


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest_articles(
    kg: KnowledgeGraph,
    articles: Iterable[Article | DiploKGError],
    extractor: Extractor | None = None,
    *,
    progress: bool = False,
    total: int | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Extract events from ``articles`` and store each in its own named graph.

    ``articles`` may carry errors from reading (they are counted as failed).
    A record id seen twice in one run keeps its last version.
    """
    if extractor is None:
        from kg.extract import get_extractor

        extractor = get_extractor()
    report = IngestReport()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="article", desc="ingest", leave=False)
    try:
        for batch in _batches(articles, batch_size):
            good: dict[str, Article] = {}
            for item in batch:
                if isinstance(item, DiploKGError):
                    report.failed.append(item)
                else:
                    good[item.id] = item
            states = kg.article_states(good)
            todo = []
            for article in good.values():
                state = states.get(article.id)
                if state and state.content_hash == article.content_hash and state.extractor == extractor.version:
                    report.skipped.append(article.id)
                else:
                    todo.append(article)
            done = list(extractor.extract_many(todo))
            kg.write_articles(done, extractor.version)
            for article, events in done:
                report.stored.append(article.id)
                report.events[article.id] = events
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return report


def ingest_record(kg: KnowledgeGraph, record: object, origin: str, extractor: Extractor | None = None) -> IngestReport:
    """Ingest one JSON record (``{"id", "text", ...}``); InputError if it is malformed."""
    from kg.ingest import article_from_record

    if not isinstance(record, dict):
        raise InputError("an article must be a JSON object", where=origin)
    return ingest_articles(kg, [article_from_record(record, origin)], extractor)
