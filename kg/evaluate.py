"""Score the extractor against gold event codings (``diplokg evaluate``).

Gold files are JSONL in the ``shared/data/dev`` shape: one record per line,
``{"id", "text", "date", "events": [{"source", "code", "target", ...}], ...}``.
The record's ``date`` is used as the publication date.

Four levels of match, each with precision, recall and F1:

- ``dyad+quad``: source and target agree at the country level and the quad
  class agrees;
- ``dyad+root``: ... and the CAMEO root (first two digits) agrees;
- ``dyad+code``: ... and the whole code agrees (only records whose gold codes
  all have three or more digits take part);
- ``dyad+penta``: source and target agree and the five-way class of ConfliBERT's
  gold (``penta_class``: roots 01-02, 03-05, 06-08, 09-13 with 16, 14-15 with
  17-20) agrees; a gold code gives its class, so every coded record takes part,
  and so do records classed but not coded.

Actors are compared by CAMEO-style codes (see :func:`actor_code`): the first
three letters (country, or ``---`` for none), except international actors
(``IGO``, ``NGO``, ``IMG``...) which compare by six letters when both codes
have them, so the UN (``IGOUNO``) is not NATO (``IGOWSTNAT``). A gold actor
given only as text (``source_text``) matches when our mention overlaps it or
when the gazetteer resolves it to the same code; a gold actor given neither
way matches anything.

Records with no scorable gold codings are left out, except those marked
``expect_no_events`` (or ``expected_error``), which count every predicted
event as a false positive and report whether the record stayed empty.

A deterministic *held-out* slice (``holdout``: about 30% of records, by a hash
of the record id) is kept apart for honest checks; ``dev`` is the rest.

>>> is_holdout("AFP0808020625_4") in (True, False)
True
>>> code_matches("IGOUNO", {"IGOUNO"}), code_matches("IGOUNO", {"IGOWSTNAT"}), code_matches("RUSGOV", {"RUS"})
(True, False, True)
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kg.cameo import cameo_table
from kg.errors import InputError
from kg.extract.text import fold
from kg.model import Actor, Article, Event
from kg.resources import data_path

__all__ = [
    "LEVELS",
    "GoldEvent",
    "GoldRecord",
    "Report",
    "actor_code",
    "code_matches",
    "evaluate",
    "format_table",
    "is_holdout",
    "load_gold",
]

LEVELS = ("dyad+quad", "dyad+root", "dyad+code", "dyad+penta")
#: The five-way event class of ConfliBERT's gold (``penta_class``), by CAMEO root:
#: 0 statements and appeals, 1 intents, meetings and negotiation, 2 material cooperation,
#: 3 verbal conflict and protest, 4 force, coercion and assault.
PENTA_ROOTS = {
    0: ("01", "02"),
    1: ("03", "04", "05"),
    2: ("06", "07", "08"),
    3: ("09", "10", "11", "12", "13", "16"),
    4: ("14", "15", "17", "18", "19", "20"),
}
_PENTA_OF_ROOT = {root: str(klass) for klass, roots in PENTA_ROOTS.items() for root in roots}
_PENTA_CLASSES = frozenset(str(klass) for klass in PENTA_ROOTS)
SLICES = ("dev", "holdout", "all")
#: Share of records (in percent) in the held-out slice.
HOLDOUT_PERCENT = 30
#: Code prefixes of actors that belong to no one country; they compare by six letters.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "INT"})
NO_COUNTRY = "---"
#: Words that never make two actor mentions the same ("the", "'s", "of").
_STOP = frozenset({"the", "a", "an", "of", "'s", "s", "and", "'", "its", "their", "his", "her"})


# -- gold --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvent:
    """One gold coding: actor codes (alternatives) or texts, and the CAMEO code.

    ``code`` is empty when the gold gives only a five-way class (``penta``).
    """

    source: frozenset[str]
    target: frozenset[str]
    code: str
    source_text: tuple[str, ...] = ()
    target_text: tuple[str, ...] = ()
    penta: str = ""

    def reversed(self) -> GoldEvent:
        """The same coding in the other direction (for reciprocal gold)."""
        return GoldEvent(self.target, self.source, self.code, self.target_text, self.source_text, self.penta)

    def class_at(self, level: str) -> str | None:
        """The event's class at a level, or None if the gold does not say."""
        if level == "dyad+penta" and self.penta:
            return self.penta
        if not self.code or (level == "dyad+code" and len(self.code) < 3):
            return None
        return _class_of(self.code, level)


@dataclass(frozen=True)
class GoldRecord:
    """A gold record: its text, date, gold events, and whether no event is expected."""

    id: str
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...]
    expect_none: bool = False

    @property
    def scorable(self) -> bool:
        """Whether the record takes part in scoring."""
        return self.expect_none or bool(self.events)


def _codes(value: Any) -> frozenset[str]:
    if not value or not isinstance(value, str):
        return frozenset()
    # "HUN+ROU" is a compound actor: either member is a correct answer.
    return frozenset(part.strip() for part in value.split("+") if part.strip())


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str) and v.strip())
    return ()


def _normalise_code(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip().isdigit():
        return None
    code = value.strip()
    return code if code[:2] in {c[:2] for c in cameo_table()} else None


def _penta(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return ""
    return str(value).strip() if str(value).strip() in _PENTA_CLASSES else ""


def _gold_events(raw: list[dict[str, Any]]) -> list[GoldEvent]:
    found: list[GoldEvent] = []
    for item in raw:
        code = _normalise_code(item.get("code"))
        penta = _penta(item.get("penta_class"))
        if code is None and not penta:
            continue  # neither a CAMEO code nor a class: nothing to score it against
        event = GoldEvent(
            _codes(item.get("source")),
            _codes(item.get("target")),
            code or "",
            _texts(item.get("source_text")),
            _texts(item.get("target_text")),
            penta,
        )
        for candidate in (event, event.reversed()) if item.get("reciprocal") else (event,):
            if candidate not in found:
                found.append(candidate)
    return found


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file.

    Raises
    ------
    InputError
        If the file is missing or a line is not a JSON object with ``id`` and ``text``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such gold file", where=str(path))
    records = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON ({exc.msg})", where=f"{path}:{number}") from None
            if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("text"), str):
                raise InputError("a gold record needs string 'id' and 'text'", where=f"{path}:{number}")
            expect_none = bool(raw.get("expect_no_events") or raw.get("expected_error"))
            events = () if expect_none else tuple(_gold_events(raw.get("events") or []))
            records.append(GoldRecord(raw["id"], raw["text"], _date(raw.get("date")), events, expect_none))
    return records


def is_holdout(record_id: str) -> bool:
    """Whether a record belongs to the held-out slice (stable across runs and machines)."""
    digest = hashlib.sha256(record_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HOLDOUT_PERCENT


def select(records: Iterable[GoldRecord], slice_: str = "all", limit: int | None = None) -> list[GoldRecord]:
    """Scorable records of a slice (``dev``, ``holdout`` or ``all``), at most ``limit``."""
    if slice_ not in SLICES:
        raise InputError(f"slice must be one of {', '.join(SLICES)}", where="--slice")
    chosen = [r for r in records if r.scorable and (slice_ == "all" or is_holdout(r.id) == (slice_ == "holdout"))]
    return chosen[:limit] if limit is not None else chosen


# -- actors as CAMEO-style codes ---------------------------------------------------------


@cache
def _organisation_codes() -> dict[str, str]:
    """Gazetteer organisation key -> CAMEO actor code (column ``cameo`` of ``organizations.csv``
    and of the derived ``derived_bodies.csv``)."""
    codes: dict[str, str] = {}
    for name in ("derived_bodies.csv", "organizations.csv"):
        path = data_path("actors", name)
        if path.is_file():
            with open(path, newline="", encoding="utf-8") as fh:
                codes.update((row["key"], row["cameo"]) for row in csv.DictReader(fh) if row.get("cameo"))
    return codes


@cache
def _office_organisations() -> dict[str, frozenset[str]]:
    """Person key -> the organisations whose offices they held (``offices.csv`` and the derived ones)."""
    codes = _organisation_codes()
    held: dict[str, set[str]] = {}
    for name in ("offices.csv", "derived_offices.csv"):
        path = data_path("actors", name)
        if not path.is_file():
            continue
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("of") in codes:
                    held.setdefault(row["person"], set()).add(row["of"])
    return {key: frozenset(orgs) for key, orgs in held.items()}


def actor_code(actor: Actor) -> str:
    """A CAMEO-style code for one of our actors.

    A state is its ISO alpha-3 key; a person or group its country (at the
    event date) followed by its sector (``RUSGOV``); an organisation its
    CAMEO code from the gazetteer (``IGOUNO``), else its home country, or the
    government of the state it governs on the event date; a
    person acting for an organisation (its ``affiliation``: an office of
    that organisation on the event date), that organisation's code, and so a
    person with neither country nor affiliation whose offices were all of one
    organisation; an actor without a country ``---`` plus its sector.

    >>> actor_code(Actor("RUS", "Russia", "state", "RUS"))
    'RUS'
    >>> actor_code(Actor("Q7747", "Vladimir Putin", "person", "RUS", "GOV"))
    'RUSGOV'
    >>> actor_code(Actor("Q1065", "United Nations", "organization"))
    'IGOUNO'
    >>> actor_code(Actor("Q1065-MIL", "United Nations (military)", "group", None, "MIL"))
    'IGOUNOMIL'
    >>> actor_code(Actor("Q57792", "Mark Rutte", "person", None, "GOV", "Q57792", affiliation="Q7184"))
    'IGOWSTNAT'
    >>> actor_code(Actor("Q1254", "Kofi Annan", "person", None, "GOV"))
    'IGOUNO'
    >>> actor_code(Actor("NSA-TALIBAN", "Taliban", "organization", "AFG", "GOV"))
    'AFGGOV'
    """
    if actor.type == "state":
        return actor.key
    if (
        actor.sector == "GOV"
        and actor.country
        and (actor.type == "organization" or (actor.affiliation or "").startswith("NSA-"))
    ):
        # An organisation governing a state on the event date (the Taliban since 2021-08-15),
        # or one of its officials then.
        return actor.country + "GOV"
    codes = _organisation_codes()
    code = codes.get(actor.key)
    if code:
        return code
    if actor.affiliation in codes:
        # A person in an organisation's office on the event date ("Mark Rutte" in 2025): the organisation.
        return codes[actor.affiliation]
    if actor.type == "person" and actor.country is None and actor.affiliation is None:
        # Made by hand, or out of office on the event date (a gold record without a date is read as
        # of today) with no nationality: the one organisation whose office the person ever held.
        orgs = _office_organisations().get(actor.key, frozenset())
        if len(orgs) == 1:
            return codes[next(iter(orgs))]
    owner, _, sector = actor.key.rpartition("-")
    if actor.type == "group" and actor.country is None and owner in codes and sector == actor.sector:
        # A group of an organisation ("UN peacekeepers"): the organisation's code and the sector.
        return codes[owner][:6] + sector
    return (actor.country or NO_COUNTRY) + (actor.sector or "")


def code_matches(ours: str, gold: Iterable[str]) -> bool:
    """Whether our actor code agrees with one of the gold codes at the country level."""
    for other in gold:
        international = ours[:3] in INTERNATIONAL or other[:3] in INTERNATIONAL
        if international and len(ours) >= 6 and len(other) >= 6:
            if ours[:6] == other[:6]:
                return True
            continue
        if ours[:3] == other[:3]:
            return True
    return False


def _words(text: str) -> set[str]:
    return {w for w in fold(text).replace("'s", " ").replace("-", " ").split() if w not in _STOP}


class _ActorJudge:
    """Decides whether one of our actors is a gold actor (codes, texts or anything)."""

    def __init__(self, resolve: Callable[[str, dt.date | None], Actor | None] | None) -> None:
        self._resolve = resolve
        self._cache: dict[tuple[str, dt.date | None], str | None] = {}

    def _text_code(self, text: str, on: dt.date | None) -> str | None:
        key = (text, on)
        if key not in self._cache:
            actor = self._resolve(text, on) if self._resolve else None
            self._cache[key] = actor_code(actor) if actor is not None else None
        return self._cache[key]

    def __call__(
        self, actor: Actor, mention: str, codes: frozenset[str], texts: tuple[str, ...], on: dt.date | None
    ) -> bool:
        ours = actor_code(actor)
        if codes:
            return code_matches(ours, codes)
        if not texts:
            return True  # the gold names no actor: any will do
        for text in texts:
            gold_words = _words(text)
            if gold_words and gold_words & (_words(mention) | _words(actor.label)):
                return True
            resolved = self._text_code(text, on)
            if resolved and resolved[:3] != NO_COUNTRY and code_matches(ours, {resolved}):
                return True
        return False


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives at one level."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    """The outcome of one evaluation run."""

    gold: str
    slice: str
    #: The publication date assumed for records without one (None: the day of the run).
    undated: dt.date | None = None
    records: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    levels: dict[str, Counts] = field(default_factory=lambda: {level: Counts() for level in LEVELS})
    no_event_records: int = 0
    no_event_kept_empty: int = 0
    actor_pairs: int = 0
    actor_source_ok: int = 0
    actor_target_ok: int = 0
    actor_both_ok: int = 0
    dated_pairs: int = 0
    dates_ok: int = 0

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "gold": self.gold,
            "slice": self.slice,
            "undated": self.undated.isoformat() if self.undated else None,
            "records": self.records,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "levels": {name: counts.as_dict() for name, counts in self.levels.items()},
            "no_event_records": self.no_event_records,
            "no_event_records_without_events": self.no_event_kept_empty,
            "actor_accuracy": {
                "pairs": self.actor_pairs,
                "source": ratio(self.actor_source_ok, self.actor_pairs),
                "target": ratio(self.actor_target_ok, self.actor_pairs),
                "both": ratio(self.actor_both_ok, self.actor_pairs),
            },
            "date_accuracy": {"pairs": self.dated_pairs, "accuracy": ratio(self.dates_ok, self.dated_pairs)},
        }


def _class_of(code: str, level: str) -> str:
    if level == "dyad+penta":
        return _PENTA_OF_ROOT[code[:2]]
    if level == "dyad+quad":
        return str(cameo_table()[code[:2]].quad_class)
    if level == "dyad+root":
        return code[:2]
    return code


def _date_compatible(predicted: str | None, published: dt.date | None, gold: dt.date) -> bool:
    """An event date agrees with the gold date when one contains the other (undated = published)."""
    value = predicted or (published.isoformat() if published else None)
    if value is None:
        return False
    iso = gold.isoformat()
    return iso.startswith(value) or value.startswith(iso)


def score_record(record: GoldRecord, events: list[Event], report: Report, judge: _ActorJudge) -> None:
    """Add one record's comparison to ``report``.

    Gold actors given as text are resolved on the record's date, else on
    ``report.undated`` (else today), the date the events were extracted on.
    """
    on = record.date or report.undated
    report.records += 1
    report.gold_events += len(record.events)
    report.predicted_events += len(events)
    if record.expect_none:
        report.no_event_records += 1
        report.no_event_kept_empty += not events

    def same_actors(event: Event, gold: GoldEvent) -> tuple[bool, bool]:
        src = judge(event.source, event.extra.get("source_text", ""), gold.source, gold.source_text, on)
        tgt = judge(event.target, event.extra.get("target_text", ""), gold.target, gold.target_text, on)
        return src, tgt

    for level in LEVELS:
        if record.events and any(g.class_at(level) is None for g in record.events):
            continue  # the gold does not say at this level (root-only codes, classes without codes)
        # Predictions are a set per level: the same dyad and class twice is one claim.
        predicted: dict[tuple[str, str, str], Event] = {}
        for event in events:
            key = (event.source.key, event.target.key, _class_of(event.cameo, level))
            predicted.setdefault(key, event)
        free = list(predicted.values())
        golds = list(dict.fromkeys((g, g.class_at(level)) for g in record.events))
        matched = 0
        for gold, klass in golds:
            for event in free:
                if _class_of(event.cameo, level) == klass and all(same_actors(event, gold)):
                    free.remove(event)
                    matched += 1
                    break
        counts = report.levels[level]
        counts.tp += matched
        counts.fp += len(free)
        counts.fn += len(golds) - matched

    # Actor accuracy: for gold events whose root we found, are the actors right?
    for gold in record.events:
        same_root = [e for e in events if gold.code and e.cameo[:2] == gold.code[:2]]
        if not same_root:
            continue
        judged = [same_actors(e, gold) for e in same_root]
        report.actor_pairs += 1
        report.actor_source_ok += any(s for s, _ in judged)
        report.actor_target_ok += any(t for _, t in judged)
        report.actor_both_ok += any(s and t for s, t in judged)
        if record.date is not None:
            hits = [e for e, (s, t) in zip(same_root, judged, strict=True) if s and t]
            if hits:
                report.dated_pairs += 1
                report.dates_ok += any(_date_compatible(e.date, record.date, record.date) for e in hits)


def evaluate(
    gold_path: str | Path,
    extractor: Any = None,
    *,
    slice_: str = "all",
    limit: int | None = None,
    records: list[GoldRecord] | None = None,
    undated: dt.date | None = None,
) -> Report:
    """Run the extractor over a gold file and score it.

    Parameters
    ----------
    gold_path : str or Path
        The gold JSONL file (its name goes into the report).
    extractor : Extractor, optional
        Defaults to :func:`kg.extract.get_extractor`.
    slice_ : {"dev", "holdout", "all"}
        Which records to score.
    limit : int, optional
        Score at most this many (scorable) records.
    records : list of GoldRecord, optional
        Already loaded records (else read from ``gold_path``).
    undated : datetime.date, optional
        The publication date of records without one (else the day of the
        run): who holds an office, and so whom "the president" names and
        what a person's code is, depends on it. Date accuracy still counts
        only records with their own date.

    Returns
    -------
    Report
    """
    if extractor is None:
        from kg.extract import get_extractor

        extractor = get_extractor()
    chosen = select(records if records is not None else load_gold(gold_path), slice_, limit)
    report = Report(gold=Path(gold_path).name, slice=slice_, undated=undated)
    gazetteer = getattr(extractor, "gazetteer", None)
    judge = _ActorJudge(gazetteer.lookup if gazetteer is not None else None)
    articles = (Article(r.id, r.text, published=r.date or undated) for r in chosen)
    by_id = {r.id: r for r in chosen}
    for article, events in extractor.extract_many(articles):
        score_record(by_id[article.id], events, report, judge)
    return report


def format_table(report: Report) -> str:
    """A plain-text table of a report."""
    data = report.as_dict()
    lines = [
        f"{data['gold']}  slice={data['slice']}  records={data['records']}  "
        f"gold events={data['gold_events']}  predicted={data['predicted_events']}"
        + (f"  undated={data['undated']}" if data["undated"] else ""),
        f"{'level':<10} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}",
    ]
    for name, row in data["levels"].items():
        if row["tp"] + row["fp"] + row["fn"] == 0:
            lines.append(f"{name:<10} {'n/a':>6}")
            continue
        lines.append(
            f"{name:<10} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f} "
            f"{row['tp']:>5} {row['fp']:>5} {row['fn']:>5}"
        )
    actors, dates = data["actor_accuracy"], data["date_accuracy"]

    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lines.append(
        f"actor accuracy (gold events whose root was found: {actors['pairs']}): "
        f"source {pct(actors['source'])}, target {pct(actors['target'])}, both {pct(actors['both'])}"
    )
    lines.append(f"date accuracy ({dates['pairs']} matched events with a gold date): {pct(dates['accuracy'])}")
    if data["no_event_records"]:
        lines.append(
            f"no-event records: {data['no_event_records_without_events']} of {data['no_event_records']} yield no event"
        )
    return "\n".join(lines)
