"""The extraction pipeline: a parsed article flows through stages.

Each stage declares what it ``requires`` and what it ``provides`` (names of
:class:`DocContext` fields), like spaCy components do; :class:`Pipeline`
checks at construction that every requirement is provided by an earlier stage,
so stages can be added, replaced or reordered safely as the extractor grows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from kg.errors import ConfigurationError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kg.model import Article, Event

__all__ = ["DocContext", "Pipeline", "Stage"]


@dataclass
class DocContext:
    """Everything known about one article while it is being processed.

    Attributes
    ----------
    article : Article
        The input.
    doc : spacy.tokens.Doc
        The parse of ``article.text``.
    sentences : list of Span
        Sentences in order (``doc.sents`` materialised).
    skipped : set of int
        Indices of sentences that must not yield events (sports...).
    times : dict
        Token index of the word a time expression modifies -> the expression.
    refs : dict
        Token index of a noun-phrase head -> the actors it refers to.
    spans : dict
        Token index of a mention head -> (start, end) token span of the mention.
    triggers : list
        Trigger matches, in document order.
    candidates : list
        Source-trigger-target triples before they become events.
    events : list of Event
        The output.
    discarded : dict
        Sentence index -> the discard category that set it aside (for ``--explain``).
    rejected : list
        ``(trigger token index, reason)`` for candidates a precision guard dropped.
    clause_dates : dict
        Token index -> the resolved time of its clause (a cache for :func:`~kg.extract.timex.date_of`).
    home : str or None
        The state of the place the article's dateline names ("KABUL (Reuters) -": ``AFG``),
        where its unnamed police and courts act unless the text places them.
    """

    article: Article
    doc: Doc
    sentences: list[Span] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)
    times: dict[int, Any] = field(default_factory=dict)
    refs: dict[int, list[Any]] = field(default_factory=dict)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    triggers: list[Any] = field(default_factory=list)
    candidates: list[Any] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    discarded: dict[int, str] = field(default_factory=dict)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    clause_dates: dict[int, str | None] = field(default_factory=dict)
    home: str | None = None

    def sentence_of(self, token_index: int) -> int:
        """Index of the sentence holding token ``token_index``."""
        for number, sent in enumerate(self.sentences):
            if sent.start <= token_index < sent.end:
                return number
        raise IndexError(token_index)


class Stage(Protocol):
    """A processing step over a :class:`DocContext`."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, ctx: DocContext) -> None: ...


class Pipeline:
    """Stages run in order over each document.

    Parameters
    ----------
    stages : sequence of Stage
        The steps; each one's ``requires`` must be provided by ``article``,
        ``doc`` or an earlier stage.

    Raises
    ------
    ConfigurationError
        If a stage needs something no earlier stage provides.
    """

    BASE: ClassVar[tuple[str, ...]] = ("article", "doc")

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(self.BASE)
        for stage in stages:
            missing = [need for need in stage.requires if need not in available]
            if missing:
                raise ConfigurationError(
                    f"stage {stage.name!r} needs {', '.join(missing)} which no earlier stage provides"
                )
            available.update(stage.provides)
        self.stages = tuple(stages)

    @property
    def names(self) -> list[str]:
        """Stage names in order."""
        return [stage.name for stage in self.stages]

    def run(self, ctx: DocContext) -> DocContext:
        """Run every stage over ``ctx`` and return it."""
        for stage in self.stages:
            stage(ctx)
        return ctx

    def run_many(self, contexts: Iterable[DocContext]) -> Iterable[DocContext]:
        """Run the pipeline over several contexts lazily."""
        for ctx in contexts:
            yield self.run(ctx)
