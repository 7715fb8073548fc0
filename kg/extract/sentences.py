"""Stages over sentences: collect them, and set aside those out of scope.

A sentence is out of scope when it contains a phrase of ``data/discards.csv``
(sports reports: "test series", "second Test", "World Cup"...). Folded
phrases match case-insensitively; ``exact`` ones must match letter for letter
("second Test" is cricket, "second test" may be a missile).

A sentence is a contest result (category ``contest``), too, when a verb of
winning (cue category ``contest_verb``: "beat", "defeat") meets a score ("2-0")
or a contest noun (``contest_noun``: "match", "final", "election") in it:
"Brazil beat Argentina 2-0 in Sunday's match" is no assault.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from kg.extract.lexicon import Cues, Discard, load_lexicon
from kg.extract.syntax import lemma
from kg.extract.text import fold

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language
    from spacy.tokens import Span, Token

    from kg.extract.pipeline import DocContext

__all__ = ["DiscardFilter", "Sentencer"]

#: A match score: "2-0", "3 - 1", "2–1".
_SCORE = re.compile(r"\b\d{1,2} ?[-\u2013] ?\d{1,2}\b")


class Sentencer:
    """Stage: materialise the parser's sentences."""

    name: ClassVar[str] = "sentences"
    requires: ClassVar[tuple[str, ...]] = ("doc",)
    provides: ClassVar[tuple[str, ...]] = ("sentences",)

    def __call__(self, ctx: DocContext) -> None:
        ctx.sentences = list(ctx.doc.sents)


class DiscardFilter:
    """Stage: mark sentences holding a discard phrase as skipped.

    Parameters
    ----------
    nlp : spacy.language.Language
        Tokenises the phrases like the articles.
    discards : iterable of Discard, optional
        Defaults to the lexicon's discard list.
    """

    name: ClassVar[str] = "discards"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("skipped",)

    def __init__(self, nlp: Language, discards: Iterable[Discard] | None = None, cues: Cues | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.cues = cues or load_lexicon().cues
        self.folded = PhraseMatcher(nlp.vocab, attr="NORM")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for discard in load_lexicon().discards if discards is None else discards:
            pattern = nlp.make_doc(discard.phrase)
            if discard.exact:
                self.exact.add(discard.category, [pattern])
            else:
                for token in pattern:
                    token.norm_ = fold(token.text)
                self.folded.add(discard.category, [pattern])

    def __call__(self, ctx: DocContext) -> None:
        strings = ctx.doc.vocab.strings
        hits = [(start, strings[key]) for key, start, _ in [*self.folded(ctx.doc), *self.exact(ctx.doc)]]
        for start, category in hits:
            if _in_noun_clause(ctx.doc[start]):
                # "the families of athletes *killed at the Munich Olympic Games*": the sport is
                # the background of a noun, not what the sentence reports.
                continue
            number = ctx.sentence_of(start)
            ctx.skipped.add(number)
            ctx.discarded.setdefault(number, category)
        for number, sent in enumerate(ctx.sentences):
            if number not in ctx.skipped and self._result(sent):
                ctx.skipped.add(number)
                ctx.discarded.setdefault(number, "contest")

    def _result(self, sent: Span) -> bool:
        """Whether ``sent`` reports a sports or election result ("beat Argentina 2-0 in the final")."""
        for verb in sent:
            if verb.pos_ != "VERB" or lemma(verb) not in self.cues.contest_verbs:
                continue
            # The contest is what the verb is about: its object or a phrase of its own
            # ("won the election", "beat X in the final", "by 2 million votes"), not any
            # noun of the sentence ("failed to win a promise ... ahead of elections").
            nouns = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod"}]
            nouns += [o for p in verb.children if p.dep_ in {"prep", "agent"} for o in p.children if o.dep_ == "pobj"]
            if any(lemma(n) in self.cues.contest_nouns for n in nouns):
                return True
            if _SCORE.search(sent[verb.i - sent.start :].text):
                return True
        return False


def _in_noun_clause(token: Token) -> bool:
    """Whether ``token`` lies in a clause that modifies a noun (a participle or relative clause)."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in {"acl", "relcl"} and node.pos_ in {"VERB", "AUX"}:
            return True
        node = node.head
    return False
