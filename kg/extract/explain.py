"""Why the extractor did what it did: per-sentence explanations and unmatched words.

:func:`explain` turns a processed :class:`~kg.extract.pipeline.DocContext`
into one entry per sentence: the events with the trigger word and the rule
behind each, or, for a sentence without events, the reason (discarded, no
trigger, no resolvable actor, or a precision guard). :class:`Unmatched`
counts, over many documents, the verbs that no trigger row knows and the
names that no gazetteer entry knows, to grow the tables.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.syntax import lemma

if TYPE_CHECKING:
    from kg.extract.pipeline import DocContext

__all__ = ["Unmatched", "explain"]

#: Entity labels whose unknown names are worth adding to the gazetteer.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Verbs that never announce an event by themselves (auxiliaries, copulas, reporting).
FUNCTION_VERBS = frozenset({"be", "have", "do", "say", "tell", "add", "get", "make", "take", "go", "come"})


def _event_json(ctx: DocContext, event: Any) -> dict[str, Any]:
    return {
        "trigger": event.trigger,
        "rule": event.rule,
        "cameo": event.cameo,
        "source": event.source.label,
        "source_slot": event.extra.get("source_how"),
        "target": event.target.label,
        "target_slot": event.extra.get("target_how"),
        "modality": event.modality,
        "date": event.date,
        "date_basis": event.date_basis if event.date else None,
        "place": event.place.to_json() if event.place else None,
        "domestic": bool(event.extra.get("domestic")),
    }


def explain(ctx: DocContext) -> list[dict[str, Any]]:
    """One explanation per sentence of a processed document.

    Returns
    -------
    list of dict
        ``{"sentence": n, "text": ..., "events": [...]}`` plus, when a
        sentence has no event, ``"reason"``: ``discarded (<category>)``, ``no
        trigger``, ``no resolvable actor for <trigger> (<rule>)`` or the
        precision guard that dropped its candidates.
    """
    by_sentence: dict[int, list[Any]] = {}
    for event in ctx.events:
        by_sentence.setdefault(ctx.sentence_of(event.extra["token"]), []).append(event)
    rejected = {}
    for token, reason in ctx.rejected:
        rejected.setdefault(ctx.sentence_of(token), []).append(f"{ctx.doc[token].text}: {reason}")
    out = []
    for number, sent in enumerate(ctx.sentences):
        if not sent.text.strip():
            continue
        entry: dict[str, Any] = {"sentence": number, "text": sent.text.strip()}
        events = by_sentence.get(number, [])
        entry["events"] = [_event_json(ctx, e) for e in events]
        if not events:
            entry["reason"] = _reason(ctx, number, rejected.get(number, []))
        out.append(entry)
    return out


def _reason(ctx: DocContext, number: int, rejected: list[str]) -> str:
    if number in ctx.skipped:
        return f"discarded ({ctx.discarded.get(number, 'out of scope')})"
    triggers = [m for m in ctx.triggers if m.sentence == number]
    if not triggers:
        return "no trigger"
    if rejected:
        return "dropped by a precision guard: " + "; ".join(dict.fromkeys(rejected))
    words = ", ".join(f"{ctx.doc[m.token].text} ({m.rule.id})" for m in triggers)
    return f"no resolvable actor for {words}"


class Unmatched:
    """Counts verbs without a trigger row and names without a gazetteer entry.

    >>> unmatched = Unmatched()
    >>> unmatched.report(5)
    {'documents': 0, 'verbs': [], 'actors': []}
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.verbs: Counter[str] = Counter()
        self.actors: Counter[str] = Counter()
        self.documents = 0

    def add(self, ctx: DocContext) -> None:
        """Count the unmatched verbs and names of one processed document."""
        self.documents += 1
        triggered = {m.token for m in ctx.triggers}
        for number, sent in enumerate(ctx.sentences):
            if number in ctx.skipped:
                continue
            for token in sent:
                if token.pos_ != "VERB" or token.i in triggered:
                    continue
                word = lemma(token)
                if word.isalpha() and word not in FUNCTION_VERBS and not self._known(word):
                    self.verbs[word] += 1
        for ent in ctx.doc.ents:
            if ent.label_ not in NAME_LABELS:
                continue
            refs = ctx.refs.get(ent.root.i, [])
            if not any(ref.kind in {"entry", "group"} for ref in refs) and not any(
                t.i in ctx.refs and ctx.refs[t.i][0].kind == "entry" for t in ent
            ):
                self.actors[ent.text.removeprefix("the ").strip()] += 1

    def _known(self, word: str) -> bool:
        return bool(self.lexicon.rules_for(word, "VERB") or self.lexicon.defaults_for(word, "VERB"))

    def report(self, top: int = 30) -> dict[str, Any]:
        """The ``top`` most frequent unmatched verbs and actor strings."""
        return {
            "documents": self.documents,
            "verbs": [[word, n] for word, n in self.verbs.most_common(top)],
            "actors": [[text, n] for text, n in self.actors.most_common(top)],
        }
