"""From candidates to :class:`kg.model.Event`: code, date, modality, actors, confidence.

Actors are fixed at the event's date (else the publication date), so "the
Russian president" in a 2010 event is Medvedev. Precision guards applied here:

- an event needs at least one actor that is resolved or has a country;
- no event between an actor and itself;
- a leader "visiting" their own state, or aid to one's own state, is domestic;
- a visit, a meeting or a verbal event needs both parties identified (no
  "reporters visited Kabul", no "a prosecutor asked a court");
- duplicates (same sentence, source, code, target) keep the most confident.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from kg.cameo import lookup
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.lexicon import Cues, load_lexicon
from kg.extract.modality import modality_of
from kg.extract.text import slug, strip_determiner
from kg.extract.timex import date_of, value_to_date
from kg.model import Actor, Event

if TYPE_CHECKING:
    from kg.extract.linking import Candidate
    from kg.extract.mentions import ActorRef
    from kg.extract.pipeline import DocContext

__all__ = ["EventBuilder", "materialize"]

#: How much a reference is trusted, by the way it was made.
VIA_WEIGHT = {
    "name": 1.0,
    "abbrev": 0.95,
    "demonym": 0.9,
    "capital": 0.9,
    "seat": 0.9,
    "role": 0.9,
    "place": 0.8,
    "anaphora": 0.8,
    "ner": 0.7,
    "two": 0.6,
    "ambiguous": 0.5,
}
#: How much an argument slot is trusted, by the way it was found.
SLOT_WEIGHT = {
    "nsubj": 1.0,
    "agent": 1.0,
    "poss": 1.0,
    "dobj": 1.0,
    "iobj": 0.95,
    "by": 0.95,
    "of": 0.9,
    "control": 0.9,
    "relcl": 0.85,
    "host": 0.85,
    "dobj.poss": 0.85,
    "owner": 0.75,
    "mod": 0.9,
    "reciprocal": 0.8,
}
#: Cooperation of an actor with its own state is domestic ("Canadian women arrived in Canada").
DOMESTIC_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
#: Consultations, and verbal cooperation or conflict, need two identified parties.
DIPLOMATIC_ROOTS = frozenset({"04"})
VERBAL_QUADS = frozenset({1, 3})


def materialize(ref: ActorRef, on: dt.date, gazetteer: Gazetteer) -> Actor:
    """The :class:`Actor` a reference denotes on day ``on``."""
    if ref.kind == "entry" and ref.key:
        return gazetteer.actor(ref.key, on)
    if ref.kind == "group" and ref.key:
        return gazetteer.group(ref.key, ref.sector)
    label = strip_determiner(ref.text)
    return Actor(f"x-{slug(label)}", label, "group", ref.country, ref.sector, None, False)


def _anchored(actor: Actor) -> bool:
    return actor.resolved or actor.country is not None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


class EventBuilder:
    """Stage: turn candidates into events."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("candidates", "times", "sentences")
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, gazetteer: Gazetteer | None = None, cues: Cues | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.cues = cues or load_lexicon().cues

    def __call__(self, ctx: DocContext) -> None:
        triggers = frozenset(m.token for m in ctx.triggers)
        best: dict[tuple[int, str, str, str], Event] = {}
        for cand in ctx.candidates:
            event = self._event(ctx, cand, triggers)
            if event is None:
                continue
            key = (event.start, event.source.key, event.cameo, event.target.key)
            if key not in best or event.confidence > best[key].confidence:
                best[key] = event
        ctx.events.extend(sorted(best.values(), key=lambda e: (e.start, e.extra.get("token", 0))))

    def _event(self, ctx: DocContext, cand: Candidate, triggers: frozenset[int]) -> Event | None:
        rule = cand.trigger.rule
        token = ctx.doc[cand.trigger.token]
        modality = modality_of(token, self.cues, triggers)
        code = rule.planned_code if modality == "planned" and rule.planned_code else rule.code
        date = date_of(ctx, token)
        on = value_to_date(date) if date else (ctx.article.published or dt.date.today())
        source = materialize(cand.source, on, self.gazetteer)
        target = materialize(cand.target, on, self.gazetteer)
        if source.key == target.key:
            ctx.rejected.append((token.i, "source and target are the same actor"))
            return None
        if not (_anchored(source) or _anchored(target)):
            ctx.rejected.append((token.i, "neither actor is resolved"))
            return None
        cameo = lookup(code)
        if (code[:2] in DIPLOMATIC_ROOTS or cameo.quad_class in VERBAL_QUADS) and not (
            _anchored(source) and _anchored(target)
        ):
            # "reporters visited Kabul", "a prosecutor asked a court": no identified pair.
            ctx.rejected.append((token.i, "a verbal or meeting event needs two resolved actors"))
            return None
        if rule.code[:2] in DOMESTIC_ROOTS and target.type == "state" and source.country == target.key:
            ctx.rejected.append((token.i, "cooperation of an actor with its own state (domestic)"))
            return None
        sent = ctx.sentences[cand.trigger.sentence]
        start, end = _sentence_bounds(ctx.article.text, sent.start_char, sent.end_char)
        confidence = (
            rule.strength
            * VIA_WEIGHT.get(cand.source.via, 0.7)
            * VIA_WEIGHT.get(cand.target.via, 0.7)
            * SLOT_WEIGHT.get(cand.source_how, 0.95)
            * SLOT_WEIGHT.get(cand.target_how, 0.95)
        )
        return Event(
            source=source,
            target=target,
            cameo=cameo.code,
            quad_class=cameo.quad_class,
            label=cameo.label,
            sentence=ctx.article.text[start:end],
            start=start,
            end=end,
            date=date,
            modality=modality,
            confidence=round(min(0.99, max(0.05, confidence)), 3),
            goldstein=cameo.goldstein,
            trigger=token.text,
            rule=rule.id,
            extra={
                "token": token.i,
                "source_how": cand.source_how,
                "target_how": cand.target_how,
                "source_text": cand.source.text,
                "target_text": cand.target.text,
                # Both sides in one country: kept, but flagged for users after international events.
                "domestic": source.country is not None and source.country == target.country,
            },
        )
