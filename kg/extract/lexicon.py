"""The extractor's word lists: trigger table, cue words and discard phrases.

All three live in ``data/`` (``triggers.csv``, ``cues.csv``, ``discards.csv``)
and are loaded once. The trigger table maps a lemma (verb or event noun) plus
optional syntactic requirements to a CAMEO code and says where the source and
the target are found:

- ``source`` slots: ``subj`` (subject, passive agent or controlling subject),
  ``subj.mod`` (a name modifying the subject: "*Israeli* airstrikes hit"),
  ``poss`` (possessor), ``mod`` (a name modifying an event noun: "*Russian*
  invasion"), ``by`` / ``of`` / ``p:from``... (prepositional phrase), ``host``
  (the subject of a light verb or of the clause an event noun is attached to),
  ``cause`` (the owner of a violent event noun in an ``in``/``during``/``by``
  phrase: "were killed *in Israeli shelling*"), ``head`` (the known person a
  verbless headline names: "*Blinken* in Riyadh").
- ``target`` slots: ``dobj`` (object, or the subject of a passive), ``iobj``,
  ``dobj.poss`` (the possessor of the object: "condemned Russia's invasion"),
  ``dobj.rel`` (the subject of a clause on the object: "the debt *Zambia* owes"),
  ``subj`` (for converse verbs: "X received arms from Y"), ``comp`` (the
  actor a reported clause is about: "Lavrov said *Kyiv* was not ready"), ``xobj``
  (the object of the clause the trigger controls: "threatened to invade *Iraq*"), ``p:to`` and
  friends (object of that preposition), ``undergoer`` (who suffers an event
  noun: "*Israel* suffered rocket attacks"), ``pobj`` (the known place a
  preposition trigger names: "Blinken in *Riyadh*"), ``mission`` (the place
  of the force or mission a ``to`` or ``in`` phrase names: "contributed troops
  to a peacekeeping force *in Liberia*"), ``helped`` (the subject of the bare
  infinitive after "help": "help *Turkey* recover"). A target slot with the suffix
  ``.mod`` takes the name modifying that phrase instead ("attacked *Russian*
  positions": ``dobj.mod``; "an attack on an *Islamic State* target":
  ``p:on.mod``).
- ``requires``: ``;``-separated ``kind=lemma|lemma`` conditions, where kind is
  ``obj`` (object lemma), ``omod`` (modifier of the object), ``mod`` (modifier
  of the trigger), ``prt`` (particle), ``noprt`` (none of these particles:
  "freed up troops" frees no one), ``xcomp`` (controlled verb),
  ``p:<prep>`` (object of a preposition), ``default=yes`` (tried only when no
  other row of the lemma applies, derived rows included), ``noobj=yes`` (no direct object:
  "flew to Libya" is travel, "flew the migrants to Libya" is not), ``nopred=yes``
  (the object is not called something: "called the move a provocation"),
  ``joint=yes`` (an event noun done by coordinated parties: "*France and Egypt*
  launched war games") or ``verbless=yes`` (a headline without a verb).

>>> rules = load_lexicon().rules_for("visit", "VERB")
>>> rules[0].code, rules[0].planned_code
('042', '036')
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from kg.cameo import cameo_table
from kg.errors import ConfigurationError
from kg.extract.text import fold
from kg.resources import data_path

__all__ = ["Cues", "Discard", "Lexicon", "Requirement", "TriggerRule", "load_lexicon"]

SOURCE_SLOTS = frozenset({"subj", "subj.mod", "poss", "by", "of", "host", "mod", "cause", "head"})
TARGET_SLOTS = frozenset(
    {
        "dobj",
        "iobj",
        "dobj.poss",
        "dobj.rel",
        "subj",
        "comp",
        "xobj",
        "purpose",
        "compound",
        "undergoer",
        "poss",
        "pobj",
        "asked",
        "condition",
        "mission",
        "helped",
    }
)
REQUIREMENT_KINDS = frozenset(
    {"obj", "omod", "mod", "prt", "noprt", "xcomp", "oprd", "noobj", "nopred", "on", "verbless", "default", "joint"}
)
#: Conditions that only rule a reading out, or mark a default row; they make a row no more specific.
EXCLUDING_KINDS = frozenset({"noprt", "nopred", "default"})
#: A requirement's lemma that any word satisfies ("p:from=*").
ANY = "*"
MODALITIES = frozenset({"planned", "hypothetical", "negated", "reported"})


@dataclass(frozen=True)
class Requirement:
    """One condition a trigger needs: ``kind`` (or ``p`` with ``prep``) in ``lemmas``."""

    kind: str
    lemmas: frozenset[str]
    prep: str | None = None


@dataclass(frozen=True)
class TriggerRule:
    """A row of ``triggers.csv``; ``order`` is the row number (ties go to the earlier row)."""

    id: str
    lemmas: tuple[str, ...]
    pos: str
    code: str
    planned_code: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    requires: tuple[Requirement, ...]
    strength: float
    order: int

    @property
    def specificity(self) -> float:
        """How many conditions the rule checks, a "*" one half; the most specific match wins."""
        return sum(0.0 if req.kind in EXCLUDING_KINDS else 0.5 if ANY in req.lemmas else 1.0 for req in self.requires)

    @property
    def is_default(self) -> bool:
        """Whether the row is its lemma's default (``default=yes``): tried after every other
        row of the lemma, the derived ones included."""
        return any(req.kind == "default" for req in self.requires)

    @cached_property
    def object_lemmas(self) -> frozenset[str] | None:
        """The object lemmas an ``obj`` condition allows, or None without one (a quick first filter)."""
        for req in self.requires:
            if req.kind == "obj":
                return req.lemmas
        return None


@dataclass(frozen=True)
class Discard:
    """A phrase that marks a sentence as out of scope (sports results...)."""

    phrase: str
    exact: bool
    scope: str
    category: str


@dataclass(frozen=True)
class Cues:
    """Cue words from ``cues.csv``, by category (see ``data/README.md``)."""

    aux: Mapping[str, str] = field(default_factory=dict)
    governors: Mapping[str, str] = field(default_factory=dict)
    noun_mods: Mapping[str, str] = field(default_factory=dict)
    phrases: Mapping[str, str] = field(default_factory=dict)
    hedges: Mapping[str, str] = field(default_factory=dict)
    conditions: Mapping[str, str] = field(default_factory=dict)
    role_modifiers: Mapping[str, str] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    host_preps: frozenset[str] = frozenset()
    engage_verbs: frozenset[str] = frozenset()
    undergo_verbs: frozenset[str] = frozenset()
    give_verbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    leader_nouns: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    non_actor_heads: frozenset[str] = frozenset()
    non_event_heads: frozenset[str] = frozenset()
    contest_verbs: frozenset[str] = frozenset()
    contest_nouns: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    excluded_date_preps: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    symmetric_codes: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    one_sided: frozenset[str] = frozenset()
    verbal_objects: frozenset[str] = frozenset()
    descriptive_participles: frozenset[str] = frozenset()
    defended_acts: frozenset[str] = frozenset()
    struggle_objects: frozenset[str] = frozenset()
    weapon_nouns: frozenset[str] = frozenset()
    civilian_marks: frozenset[str] = frozenset()
    mutual_verbs: frozenset[str] = frozenset()
    protest_aims: frozenset[str] = frozenset()
    rioters: frozenset[str] = frozenset()
    request_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Trigger rules indexed by (lemma, pos), cues and discards."""

    rules: tuple[TriggerRule, ...]
    cues: Cues
    discards: tuple[Discard, ...]
    index: Mapping[tuple[str, str], tuple[TriggerRule, ...]]
    fallback: Mapping[tuple[str, str], tuple[TriggerRule, ...]] = field(default_factory=dict)
    defaults: Mapping[tuple[str, str], tuple[TriggerRule, ...]] = field(default_factory=dict)

    def rules_for(self, lemma: str, pos: str) -> tuple[TriggerRule, ...]:
        """Rules anchored on ``lemma`` with part of speech ``pos`` (VERB or NOUN)."""
        return self.index.get((fold(lemma), pos), ())

    def fallback_for(self, lemma: str, pos: str) -> tuple[TriggerRule, ...]:
        """Derived rules for a lemma the hand-written table has, tried when none of its rows applies.

        ``lift`` is hand-written for sanctions and blockades; "lifted the
        curfew" still finds the derived ``lift`` + ``curfew`` row (0813).
        """
        return self.fallback.get((fold(lemma), pos), ())

    def defaults_for(self, lemma: str, pos: str) -> tuple[TriggerRule, ...]:
        """Default rows of a lemma, tried when neither its other rows nor its derived ones apply.

        "provided support to Ukraine" is help (070) of a kind no row names, while
        "provided $400 million to Indonesia" keeps its derived row (071).
        """
        return self.defaults.get((fold(lemma), pos), ())


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise ConfigurationError("extractor data file is missing", str(path))
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _lemmas(value: str) -> frozenset[str]:
    return frozenset(fold(v.strip()) for v in value.split("|") if v.strip())


def _requirements(value: str, where: str) -> tuple[Requirement, ...]:
    found = []
    for item in filter(None, (part.strip() for part in value.split(";"))):
        kind, sep, lemmas = item.partition("=")
        if not sep or not lemmas:
            raise ConfigurationError(f"bad requirement {item!r}", where)
        if kind.startswith("p:"):
            found.append(Requirement("p", _lemmas(lemmas), kind[2:]))
        elif kind in REQUIREMENT_KINDS:
            found.append(Requirement(kind, _lemmas(lemmas)))
        else:
            raise ConfigurationError(f"unknown requirement kind {kind!r}", where)
    return tuple(found)


def _slots(value: str, allowed: frozenset[str], default: str, where: str) -> tuple[str, ...]:
    slots = tuple(s.strip() for s in (value or default).split("|") if s.strip())
    for slot in slots:
        base = slot.removesuffix(".mod") if allowed is TARGET_SLOTS else slot
        if base not in allowed and not base.startswith("p:"):
            raise ConfigurationError(f"unknown slot {slot!r}", where)
    return slots


def _load_rules(path: Path, offset: int = 0) -> tuple[TriggerRule, ...]:
    table = cameo_table()
    rules = []
    for number, row in enumerate(_rows(path), start=2 + offset):
        where = f"{path}:{number}"
        pos = row["pos"].strip().upper()
        if pos not in {"VERB", "NOUN", "ADP"}:
            raise ConfigurationError(f"pos must be VERB, NOUN or ADP, not {pos!r}", where)
        for column in ("code", "planned_code"):
            code = row.get(column, "").strip()
            if code and code not in table:
                raise ConfigurationError(f"unknown CAMEO code {code!r} in {column}", where)
        default_source, default_target = ("subj", "dobj") if pos == "VERB" else ("poss|by|host", "p:of")
        rules.append(
            TriggerRule(
                id=row["id"].strip(),
                lemmas=tuple(sorted(_lemmas(row["lemma"]))),
                pos=pos,
                code=row["code"].strip(),
                planned_code=row.get("planned_code", "").strip() or None,
                source=_slots(row.get("source", ""), SOURCE_SLOTS, default_source, where),
                target=_slots(row.get("target", ""), TARGET_SLOTS, default_target, where),
                requires=_requirements(row.get("requires", ""), where),
                strength=float(row.get("strength") or 0.5),
                order=number,
            )
        )
    return tuple(rules)


def _load_cues(path: Path) -> Cues:
    by_category: dict[str, dict[str, str]] = {}
    for number, row in enumerate(_rows(path), start=2):
        category, value = row["category"].strip(), (row.get("value") or "").strip()
        if (
            value
            and category in {"aux", "governor", "noun_mod", "phrase", "hedge", "condition"}
            and value not in MODALITIES
        ):
            raise ConfigurationError(f"unknown modality {value!r}", f"{path}:{number}")
        by_category.setdefault(category, {})[fold(row["cue"].strip())] = value
    words = {k: frozenset(v) for k, v in by_category.items()}
    return Cues(
        aux=by_category.get("aux", {}),
        governors=by_category.get("governor", {}),
        noun_mods=by_category.get("noun_mod", {}),
        phrases=by_category.get("phrase", {}),
        hedges=by_category.get("hedge", {}),
        conditions=by_category.get("condition", {}),
        role_modifiers=by_category.get("role_modifier", {}),
        negations=words.get("negation", frozenset()),
        light_verbs=words.get("light_verb", frozenset()),
        host_preps=words.get("host_prep", frozenset()),
        engage_verbs=words.get("engage_verb", frozenset()),
        undergo_verbs=words.get("undergo_verb", frozenset()),
        give_verbs=words.get("give_verb", frozenset()),
        place_nouns=words.get("place_noun", frozenset()),
        group_nouns=words.get("group_noun", frozenset()),
        leader_nouns=words.get("leader_noun", frozenset()),
        quantity_nouns=words.get("quantity_noun", frozenset()),
        non_actor_heads=words.get("non_actor_head", frozenset()),
        non_event_heads=words.get("non_event_head", frozenset()),
        contest_verbs=words.get("contest_verb", frozenset()),
        contest_nouns=words.get("contest_noun", frozenset()),
        regions=words.get("region", frozenset()),
        excluded_date_preps=words.get("date_prep_excluded", frozenset()),
        pronouns=words.get("pronoun", frozenset()),
        symmetric_codes=words.get("symmetric_code", frozenset()),
        reporting_verbs=words.get("reporting_verb", frozenset()),
        refusal_verbs=words.get("refusal_verb", frozenset()),
        one_sided=words.get("one_sided", frozenset()),
        verbal_objects=words.get("verbal_object", frozenset()),
        descriptive_participles=words.get("descriptive_participle", frozenset()),
        defended_acts=words.get("defended_act", frozenset()),
        struggle_objects=words.get("struggle_object", frozenset()),
        weapon_nouns=words.get("weapon_noun", frozenset()),
        civilian_marks=words.get("civilian_mark", frozenset()),
        mutual_verbs=words.get("mutual_verb", frozenset()),
        protest_aims=words.get("protest_aim", frozenset()),
        rioters=words.get("rioter", frozenset()),
        request_verbs=words.get("request_verb", frozenset()),
    )


def _load_discards(path: Path) -> tuple[Discard, ...]:
    return tuple(
        Discard(
            row["phrase"].strip(), row.get("match", "fold") == "exact", row.get("scope", "sentence"), row["category"]
        )
        for row in _rows(path)
        if row["phrase"].strip()
    )


@cache
def load_lexicon() -> Lexicon:
    """Triggers, cues and discards from ``data/``, loaded once per process.

    ``verbs.csv`` (derived from the PETRARCH-2 verb dictionary by
    :mod:`kg.extract.petrarch_verbs`) extends the hand-written ``triggers.csv``.
    """
    rules = _load_rules(data_path("triggers.csv"))
    index: dict[tuple[str, str], list[TriggerRule]] = {}
    defaults: dict[tuple[str, str], list[TriggerRule]] = {}
    for rule in rules:
        for lemma in rule.lemmas:
            (defaults if rule.is_default else index).setdefault((lemma, rule.pos), []).append(rule)
    derived_path = data_path("verbs.csv")
    derived = _load_rules(derived_path, offset=len(rules)) if derived_path.is_file() else ()
    hand = set(index) | set(defaults)
    cues = _load_cues(data_path("cues.csv"))
    fallback: dict[tuple[str, str], list[TriggerRule]] = {}
    for rule in derived:
        # The hand-written table is authoritative for its lemmas; derived rows add new verbs,
        # and for a hand-written verb only rows with a condition ("lift" + curfew), tried
        # when no hand-written row applies. Never modality governors ("plans to visit" is a
        # planned visit) nor light verbs ("held talks": the noun is the event), except a
        # governor's rows with a condition, as a fallback ("agreed to a ceasefire" 0356).
        for lemma in rule.lemmas:
            if lemma in cues.light_verbs or (lemma in cues.governors and not rule.requires):
                continue
            if lemma in cues.governors:
                fallback.setdefault((lemma, rule.pos), []).append(rule)
            elif (lemma, rule.pos) not in hand:
                index.setdefault((lemma, rule.pos), []).append(rule)
            elif rule.requires:
                fallback.setdefault((lemma, rule.pos), []).append(rule)
    rules += derived
    return Lexicon(
        rules=rules,
        cues=cues,
        discards=_load_discards(data_path("discards.csv")),
        index={key: tuple(value) for key, value in index.items()},
        fallback={key: tuple(value) for key, value in fallback.items()},
        defaults={key: tuple(value) for key, value in defaults.items()},
    )
