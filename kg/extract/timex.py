"""Time expressions: find them, resolve them against the publication date.

Values are ISO text at their precision (``2024``, ``2024-02``,
``2024-02-15``). Relative expressions need the article's published date;
anaphoric ones ("the following month") need the last explicit month mentioned
before them in the article. Expressions introduced by *since*, *until*,
*for*... bound an interval rather than date an event and are ignored.

>>> from datetime import date
>>> resolve_relative("next", "month", date(2024, 1, 29))
'2024-02'
>>> most_recent_weekday(date(2024, 1, 29), 0)  # Monday on/before a Monday
datetime.date(2024, 1, 29)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from kg.extract.lexicon import Cues, load_lexicon
from kg.extract.syntax import clause_path, lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extract.pipeline import DocContext

__all__ = ["TimeExpr", "TimeTagger", "date_of", "most_recent_weekday", "resolve_relative", "value_to_date"]

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({abbr.lower(): n for n, abbr in enumerate(calendar.month_abbr) if abbr})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(d.capitalize() for d in _WEEKDAYS) + r")"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s+\d)")),
    (
        "m",
        re.compile(
            rf"\b(?P<pre>[Ii]n|[Ee]arly|[Ll]ate|[Mm]id|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Ll]ast|[Nn]ext|[Tt]his)"
            rf"[\s-]+{_MONTH}\b(?!\.?\s+\d)"
        ),
    ),
    (
        "y",
        re.compile(
            rf"\b(?P<pre>[Ii]n|[Oo]f|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id|[Tt]hroughout|[Bb]efore|[Aa]fter)"
            rf"[\s-]+{_YEAR}\b(?!\s*(?:%|percent|per cent))"
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?{_WEEKDAY}\b")),
    ("deictic", re.compile(r"(?i)\b(?P<word>yesterday|today|tonight|tomorrow)\b")),
    (
        "rel",
        re.compile(
            r"(?i)\b(?:(?P<edge>at the (?:beginning|start|end) of|earlier|later|early|late)\s+)?"
            r"(?P<rel>next|last|this|the following|the next|the previous|the preceding|the same|that"
            r"|the coming|the past)"
            r"\s+(?P<unit>week|month|year)\b"
        ),
    ),
    ("ago", re.compile(r"(?i)\b(?P<n>a|an|one|two|three|four|five|six|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago\b")),
)


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: token span, resolved value (or None) and the word it modifies."""

    start: int
    end: int
    text: str
    value: str | None
    anchor: int
    kind: str  # absolute | relative | anaphoric


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def most_recent_weekday(on: dt.date, weekday: int) -> dt.date:
    """The latest day with ``weekday`` (0 = Monday) on or before ``on``."""
    return on - dt.timedelta(days=(on.weekday() - weekday) % 7)


def next_weekday(on: dt.date, weekday: int) -> dt.date:
    """The first day with ``weekday`` strictly after ``on``."""
    return on + dt.timedelta(days=(weekday - on.weekday() - 1) % 7 + 1)


def resolve_relative(rel: str, unit: str, on: dt.date) -> str | None:
    """``next``/``last``/``this`` + ``week``/``month``/``year`` relative to ``on``."""
    step = {"next": 1, "coming": 1, "last": -1, "past": -1, "this": 0}.get(rel)
    if step is None:
        return None
    if unit == "year":
        return f"{on.year + step:04d}"
    if unit == "month":
        year, month = _add_months(on.year, on.month, step)
        return f"{year:04d}-{month:02d}"
    # A week is reported at month precision: the month holding the week's middle.
    day = on + dt.timedelta(days=7 * step)
    return f"{day.year:04d}-{day.month:02d}"


def value_to_date(value: str) -> dt.date:
    """A representative day for an ISO value (the middle of a year or month)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 7, 1)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 15)
    return dt.date(*parts)


def is_future(token: Token, cues: Cues) -> bool:
    """Whether the clause of ``token`` speaks of the future ("will visit", "plans to")."""
    for node in clause_path(token):
        for child in node.children:
            if child.dep_ == "aux" and cues.aux.get(lemma(child)) == "planned":
                return True
        if node.pos_ in {"VERB", "ADJ"} and cues.governors.get(lemma(node)) == "planned" and node is not token:
            return True
        if node.pos_ == "VERB" and node.dep_ not in {"xcomp", "advcl", "conj"}:
            return False
    return False


class _Context:
    """The discourse reference time: the last month (or year) resolved so far."""

    def __init__(self) -> None:
        self.month: tuple[int, int] | None = None
        self.year: int | None = None

    def update(self, value: str | None) -> None:
        if not value:
            return
        parts = [int(p) for p in value.split("-")]
        if len(parts) >= 2:
            self.month, self.year = (parts[0], parts[1]), parts[0]
        else:
            if self.month and self.month[0] != parts[0]:
                self.month = None
            self.year = parts[0]


class TimeTagger:
    """Stage: find and resolve time expressions, keyed by the word they modify."""

    name: ClassVar[str] = "timex"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("times",)

    def __init__(self, cues: Cues | None = None) -> None:
        self.cues = cues or load_lexicon().cues

    def __call__(self, ctx: DocContext) -> None:
        context = _Context()
        published = ctx.article.published
        for sent in ctx.sentences:
            for expr in self._sentence(sent, published, context):
                ctx.times.setdefault(expr.anchor, expr)

    def _sentence(self, sent: Span, published: dt.date | None, context: _Context) -> list[TimeExpr]:
        doc = sent.doc
        matches: list[tuple[int, int, str, re.Match[str]]] = []
        text = sent.text  # built anew on every access
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(text):
                matches.append((sent.start_char + match.start(), sent.start_char + match.end(), kind, match))
        # Longest match first, then left to right; overlapping shorter matches are dropped.
        matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for start, end, kind, match in matches:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append((start, end, kind, match))
        found = []
        for start, end, kind, match in sorted(chosen):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or self._excluded(span, match):
                continue
            anchor = self._anchor(span)
            future = is_future(doc[anchor], self.cues)
            value, how = self._resolve(kind, match, published, context, future)
            context.update(value)
            found.append(TimeExpr(span.start, span.end, span.text, value, anchor, how))
        return found

    def _excluded(self, span: Span, match: re.Match[str]) -> bool:
        pre = match.groupdict().get("pre")
        if pre and pre.lower() in self.cues.excluded_date_preps:
            return True
        if span.start > span.sent.start:
            before = span.doc[span.start - 1]
            return before.lower_ in self.cues.excluded_date_preps and before.dep_ == "prep"
        return False

    @staticmethod
    def _anchor(span: Span) -> int:
        token = span.root
        if token.head.i == token.i:
            return token.i
        current = token.head
        for _ in range(10):
            if (span.start <= current.i < span.end or current.pos_ == "ADP") and current.head.i != current.i:
                current = current.head
                continue
            break
        return current.i

    def _resolve(
        self, kind: str, match: re.Match[str], published: dt.date | None, context: _Context, future: bool
    ) -> tuple[str | None, str]:
        groups = match.groupdict()
        month = _MONTHS.get((groups.get("month") or "").lower().rstrip("."))
        if kind in {"dmy", "mdy"}:
            try:
                return dt.date(int(groups["year"]), month or 0, int(groups["day"])).isoformat(), "absolute"
            except ValueError:
                return None, "absolute"
        if kind == "my" and month:
            return f"{int(groups['year']):04d}-{month:02d}", "absolute"
        if kind == "y":
            return f"{int(groups['year']):04d}", "absolute"
        if kind in {"md", "dm", "m"} and month:
            year = self._year_for_month(month, published, context, future, (groups.get("pre") or "").lower())
            if year is None:
                return None, "relative"
            if kind == "m":
                return f"{year:04d}-{month:02d}", "relative"
            try:
                return dt.date(year, month, int(groups["day"])).isoformat(), "relative"
            except ValueError:
                return None, "relative"
        if published is None:
            return None, "relative"
        if kind == "weekday":
            weekday = _WEEKDAYS[groups["weekday"].lower()]
            rel = (groups.get("rel") or "").lower()
            if rel == "next" or (future and rel != "last"):
                return next_weekday(published, weekday).isoformat(), "relative"
            if rel == "last":
                return most_recent_weekday(published - dt.timedelta(days=1), weekday).isoformat(), "relative"
            return most_recent_weekday(published, weekday).isoformat(), "relative"
        if kind == "deictic":
            shift = {"yesterday": -1, "tomorrow": 1}.get(groups["word"].lower(), 0)
            return (published + dt.timedelta(days=shift)).isoformat(), "relative"
        if kind == "ago":
            return self._ago(groups, published), "relative"
        if kind == "rel":
            return self._rel(groups, published, context)
        return None, "relative"

    @staticmethod
    def _year_for_month(
        month: int, published: dt.date | None, context: _Context, future: bool, rel: str = ""
    ) -> int | None:
        if published is None:
            return context.year
        # "last May" is the latest May before this month, "next June" the first after it.
        if rel == "last":
            return published.year if month < published.month else published.year - 1
        if rel == "next":
            return published.year if month > published.month else published.year + 1
        if rel == "this":
            return published.year
        if future:
            return published.year if month >= published.month else published.year + 1
        return published.year if month <= published.month else published.year - 1

    @staticmethod
    def _ago(groups: dict[str, str], published: dt.date) -> str | None:
        raw = groups["n"].lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
        if count is None:
            return None
        unit = groups["unit"].lower()
        if unit == "day":
            return (published - dt.timedelta(days=count)).isoformat()
        if unit == "week":
            day = published - dt.timedelta(days=7 * count)
            return f"{day.year:04d}-{day.month:02d}"
        if unit == "month":
            year, month = _add_months(published.year, published.month, -count)
            return f"{year:04d}-{month:02d}"
        return f"{published.year - count:04d}"

    @staticmethod
    def _rel(groups: dict[str, str], published: dt.date, context: _Context) -> tuple[str | None, str]:
        rel, unit = " ".join(groups["rel"].lower().split()), groups["unit"].lower()
        if rel in {"the following", "the next", "the previous", "the preceding", "the same", "that"}:
            step = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
            if unit == "month" and context.month:
                year, month = _add_months(*context.month, step)
                return f"{year:04d}-{month:02d}", "anaphoric"
            if unit == "year" and context.year:
                return f"{context.year + step:04d}", "anaphoric"
            return None, "anaphoric"
        return resolve_relative(rel.removeprefix("the "), unit, published), "relative"


def date_of(ctx: DocContext, token: Token) -> str | None:
    """The resolved time of the clause holding ``token``, or None."""
    if not ctx.times:
        return None
    cache = ctx.clause_dates
    visited = []
    value = None
    top = token
    for node in clause_path(token):
        if node.i in cache:
            value = cache[node.i]
            break
        visited.append(node.i)
        top = node
        expr = ctx.times.get(node.i)
        if expr is not None and expr.value:
            value = expr.value
            break
    else:
        value = _participle_date(ctx, top)
    # Every token passed on the way shares the answer: mentions of one clause walk it once.
    for i in visited:
        cache[i] = value
    return value


def _participle_date(ctx: DocContext, head: Token) -> str | None:
    """The time of a participle clause that tells how ``head``'s clause was done.

    "Turkey positioned itself as a mediator, hosting two rounds of talks in 2022": the
    mediation is dated by its hosting. A participle with a subject of its own or a perfect
    one ("having met Macron in 2020") tells of another time.
    """
    for child in head.children:
        if child.dep_ != "advcl" or child.tag_ != "VBG" or child.i < head.i or child.lower_ == "having":
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "mark"} for c in child.children):
            continue
        for index, expr in ctx.times.items():
            if expr.value and _in_own_clause(head.doc[index], child):
                return expr.value
    return None


def _in_own_clause(token: Token, verb: Token) -> bool:
    """Whether ``token`` belongs to ``verb``'s own clause, not to a clause below it."""
    for node in clause_path(token):
        if node.i == verb.i:
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False
