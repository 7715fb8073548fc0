"""Trigger finding: which words announce a codeable event, and with which rule.

Every verb and noun whose lemma appears in ``data/triggers.csv`` is checked
against the rows for that lemma; a row applies when all its requirements hold
(object lemma, modifier, particle, preposition...). The most specific applying
row wins ("support Ukraine with military supplies" is military aid, not
verbal support). Nouns that a verb rule has used as its object ("impose
*sanctions*", "issue a *warrant*") are not triggers of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from kg.extract.lexicon import ANY, Lexicon, Requirement, TriggerRule, load_lexicon
from kg.extract.syntax import (
    ROUND_NOUNS,
    SUBJECT_DEPS,
    agent,
    children,
    contents,
    lemma,
    misread_verb,
    prep_objects,
    theme,
)
from kg.extract.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.pipeline import DocContext

__all__ = ["TriggerFinder", "TriggerMatch"]

NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger word (token index), the rule that fired, and the rule's object."""

    token: int
    rule: TriggerRule
    theme: int | None
    sentence: int


def _names(noun: Token) -> set[str]:
    """The lemma of ``noun``, and with a hyphenated first part the whole word: "cease-fire",
    which the tokenizer splits into "cease", "-", "fire"."""
    found = {lemma(noun)}
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].head.i == noun.i:
        found |= {f"{lemma(doc[noun.i - 2])}-{lemma(noun)}", f"{lemma(doc[noun.i - 2])}{lemma(noun)}"}
    return found


def _particles(token: Token) -> list[Token]:
    """The particles of a verb, with prepositions that head nothing: "forced them *out* of the
    country" and "called *on* the minister to resign" parse them as prepositions."""
    return children(token, {"prt"}) + [c for c in children(token, {"prep"}) if not children(c, {"pobj"})]


#: Entity types that say when, not what: "called *on Tuesday*" is no "called on".
TEMPORAL_ENTITIES = frozenset({"DATE", "TIME"})


def _holds(req: Requirement, token: Token, obj: Token | None) -> bool:
    if req.kind == "obj":
        return obj is not None and bool(_names(obj) & req.lemmas)
    if req.kind == "noobj":
        return not children(token, {"dobj"})
    if req.kind == "nopred":
        # "called the move a provocation" names what the object is, no call to it.
        return not children(token, {"oprd", "ccomp"})
    if req.kind == "joint":
        # "France and Egypt launched war games", "war games staged by US and Jordanian forces",
        # "French and Egyptian warships held drills": parties named together do it together.
        carrier = token
        if token.dep_ == "pobj" and fold(token.head.text) == "of" and lemma(token.head.head) in ROUND_NOUNS:
            carrier = token.head.head  # "launched ten days of war games"
        host = carrier.head if carrier.dep_ in {"dobj", "nsubjpass"} else None
        doers = [*children(host, SUBJECT_DEPS), *agent(host)] if host is not None else []
        doers += [m for d in doers for m in children(d, {"amod", "compound"})]
        doers += children(token, {"poss", "amod", "compound", "nmod"})
        # Drills "near Japan" show force to Japan, whoever holds them (exercise-near-n).
        shown = any(prep_objects(t, p) for t in (token, host) if t is not None for p in ("near", "off", "around"))
        return not shown and any(children(d, {"conj"}) for d in doers)
    if req.kind == "default":
        return True  # when the row is tried is the condition (Lexicon.defaults_for)
    if req.kind == "noprt":
        # "freed up troops for an attack" frees no one.
        return not any(lemma(c) in req.lemmas for c in _particles(token))
    if req.kind == "omod":
        return obj is not None and any(lemma(c) in req.lemmas for c in children(obj, NOUN_MODIFIER_DEPS))
    if req.kind == "mod":
        return any(lemma(c) in req.lemmas for c in children(token, NOUN_MODIFIER_DEPS | {"advmod"}))
    if req.kind == "prt":
        return any(lemma(c) in req.lemmas for c in _particles(token))
    if req.kind == "on":
        # "went *on strike*", "remain on hunger strike": the noun after "on" under one of these verbs.
        prep = token.head
        return token.dep_ == "pobj" and fold(prep.text) == "on" and lemma(prep.head) in req.lemmas
    if req.kind == "verbless":
        # A headline without a verb: "Blinken in Riyadh for talks".
        # The name itself may be tagged a verb ("Blinken/VBN"): only the other words count.
        head = token.head
        return (
            head.dep_ == "ROOT"
            and head.text[:1].isupper()
            and not any(t.pos_ in {"VERB", "AUX"} for t in token.sent if t.i != head.i)
        )
    if req.kind == "xcomp":
        return any(lemma(c) in req.lemmas for c in children(token, {"xcomp"}))
    if req.kind == "oprd":
        # "called Netanyahu *a terrorist*": what the object is called.
        return any(lemma(c) in req.lemmas for c in children(token, {"oprd"}))
    if req.kind == "p" and req.prep:
        # "p:from=*": the phrase is there, whatever it names ("withdrew from ...").
        hosts = [token] + ([obj] if obj is not None else [])
        anything = ANY in req.lemmas
        # The noun or its compound: "wounded two soldiers in a *bomb* attack".
        # Through a container: "supplied Russia with a large *number* of shells".
        return any(
            (anything and o.ent_type_ not in TEMPORAL_ENTITIES)
            or _names(o) & req.lemmas
            or any(lemma(c) in req.lemmas for c in children(o, {"compound"}))
            for host in hosts
            for held in prep_objects(host, req.prep)
            for o in {held, contents(held)}
        )
    return False


def applies(rule: TriggerRule, token: Token, verb_theme: Token | None = None) -> tuple[bool, Token | None]:
    """Whether ``rule`` fires on ``token``, and the object it acts on.

    ``verb_theme`` is ``theme(token)`` when the caller has it already (a verb
    may have dozens of rows; the object is found once).
    """
    obj = (verb_theme if verb_theme is not None else theme(token)) if rule.pos == "VERB" else None
    if not all(_holds(req, token, obj) for req in rule.requires):
        return False, obj
    if obj is None and rule.pos == "VERB":
        # With no direct object, the noun a prepositional condition names is what the verb acts
        # on: "agreed to a *ceasefire* with Ukraine".
        obj = next(
            (o for req in rule.requires if req.kind == "p" and req.prep for o in prep_objects(token, req.prep)
             if (_names(o) & req.lemmas or lemma(contents(o)) in req.lemmas) and ANY not in req.lemmas),
            None,
        )  # fmt: skip
    return True, obj


#: Verb forms that head a fixed prepositional phrase, not an event ("according to").
FIXED_PHRASES = frozenset({("according", "to")})


#: Participles that work as prepositions after a noun: "the conditions *involving* workers",
#: "a dispute *concerning* the border" say what a thing is about, not who acts.
PREPOSITIONAL_PARTICIPLES = frozenset({"concerning", "involving", "regarding", "including", "following"})


def _in_fixed_phrase(token: Token) -> bool:
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if (token.lower_, following) in FIXED_PHRASES:
        return True
    return (
        token.lower_ in PREPOSITIONAL_PARTICIPLES
        and token.dep_ in {"acl", "advcl", "xcomp", "prep"}
        and not children(token, {"nsubj", "aux"})
    )


#: Dependents that hold a verb's arguments (not its clauses).
ARGUMENT_DEPS = frozenset({"dobj", "dative", "prep", "npadvmod"})


def _defers(token: Token, rule: TriggerRule, found: list[TriggerMatch]) -> bool:
    """Whether a default row gives way to a trigger among its verb's arguments.

    "provided Israel with $14 billion *in military aid*": the aid is the event.
    """
    if not rule.is_default:
        return False
    others = {m.token for m in found if m.token != token.i}
    return any(t.i in others for c in token.children if c.dep_ in ARGUMENT_DEPS for t in c.subtree)


class TriggerFinder:
    """Stage: find trigger words in the sentences that are not skipped."""

    name: ClassVar[str] = "triggers"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "skipped")
    provides: ClassVar[tuple[str, ...]] = ("triggers",)

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def __call__(self, ctx: DocContext) -> None:
        for number, sent in enumerate(ctx.sentences):
            if number in ctx.skipped:
                continue
            found: list[TriggerMatch] = []
            consumed: set[int] = set()
            for token in sent:
                pos = "VERB" if misread_verb(token) else {"VERB": "VERB", "NOUN": "NOUN", "ADP": "ADP"}.get(token.pos_)
                if pos is None or _in_fixed_phrase(token):
                    continue
                if token.dep_ == "compound" and lemma(token.head) in self.lexicon.cues.non_event_heads:
                    # "war games", "war crimes", "sanctions relief": the phrase is no act of war or sanction.
                    continue
                if pos == "VERB" and self._describes(token):
                    continue
                rules = self.lexicon.rules_for(lemma(token), pos)
                defaults = self.lexicon.defaults_for(lemma(token), pos)
                if not rules and not defaults:
                    continue
                verb_theme = theme(token) if pos == "VERB" else None
                best = self._best(token, rules, verb_theme)
                if best is None:
                    best = self._best(token, self.lexicon.fallback_for(lemma(token), pos), verb_theme)
                if best is None:
                    best = self._best(token, defaults, verb_theme)
                if best is None:
                    continue
                rule, obj = best
                if obj is not None and any(req.kind == "obj" for req in rule.requires):
                    consumed.add(obj.i)
                found.append(TriggerMatch(token.i, rule, obj.i if obj is not None else None, number))
            found = [m for m in found if m.token not in consumed]
            ctx.triggers.extend(m for m in found if not _defers(ctx.doc[m.token], m.rule, found))

    def _describes(self, token: Token) -> bool:
        """Whether ``token`` is a participle that only describes a noun: "hackers *linked* to
        Russia attacked ...", which the parser may read as the main verb. Acts have an object
        or an auxiliary ("police linked the attack to Hamas", "they were linked to ...")."""
        return (
            lemma(token) in self.lexicon.cues.descriptive_participles
            and token.tag_ in {"VBN", "VBD"}
            and not children(token, {"dobj", "aux", "auxpass", "prt", "nsubjpass"})
        )

    @staticmethod
    def _best(
        token: Token, rules: tuple[TriggerRule, ...], verb_theme: Token | None
    ) -> tuple[TriggerRule, Token | None] | None:
        """The most specific rule of ``rules`` that applies (the earlier row on a tie)."""
        best: tuple[TriggerRule, Token | None] | None = None
        object_names = _names(verb_theme) if verb_theme is not None else set()
        for rule in rules:
            allowed = rule.object_lemmas
            if allowed is not None and not object_names & allowed:
                # Most rows of a common verb differ by their object: skip them without a full check.
                continue
            ok, obj = applies(rule, token, verb_theme)
            if ok and (best is None or rule.specificity > best[0].specificity):
                best = (rule, obj)
        return best
