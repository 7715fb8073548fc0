"""Change over time: the same centrality measure per month, quarter or year.

Each window is its own projection (the filters with that window), so an
actor's score in March counts only March's events (events dated only to a
year count in every window of that year: their date overlaps them all).

>>> windows("2023-11", "2024-02")
[('2023-11', '2023-11'), ('2023-12', '2023-12'), ('2024-01', '2024-01'), ('2024-02', '2024-02')]
>>> windows("2023-05", "2023-12", freq="quarter")
[('2023-Q2', '2023-04'), ('2023-Q3', '2023-07'), ('2023-Q4', '2023-10')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.analysis.centrality import CentralityResult, centrality
from kg.analysis.filters import Filters, period_bounds
from kg.analysis.projection import event_date_range, project
from kg.errors import InputError

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = ["FREQUENCIES", "MAX_WINDOWS", "Series", "centrality_series", "windows"]

FREQUENCIES = ("month", "quarter", "year")
MAX_WINDOWS = 240


def windows(start: str, end: str, freq: str = "month") -> list[tuple[str, str]]:
    """``(label, first month)`` of each period from ``start`` to ``end`` (inclusive).

    Labels: ``2024-02`` (month), ``2024-Q1`` (quarter), ``2024`` (year).
    """
    if freq not in FREQUENCIES:
        raise InputError(f"freq must be one of {', '.join(FREQUENCIES)}, got {freq!r}", where="freq")
    first, last = period_bounds(start, "from")[0], period_bounds(end, "to")[1]
    if first > last:
        raise InputError("the window is empty: from is after to", where="from")
    year, month = int(first[:4]), int(first[5:7])
    if freq == "quarter":
        month = 3 * ((month - 1) // 3) + 1
    elif freq == "year":
        month = 1
    step = {"month": 1, "quarter": 3, "year": 12}[freq]
    out = []
    while f"{year:04d}-{month:02d}" <= last[:7]:
        if freq == "month":
            out.append((f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}"))
        elif freq == "quarter":
            out.append((f"{year:04d}-Q{(month - 1) // 3 + 1}", f"{year:04d}-{month:02d}"))
        else:
            out.append((f"{year:04d}", f"{year:04d}-01"))
        if len(out) > MAX_WINDOWS:
            raise InputError(f"more than {MAX_WINDOWS} windows; use a coarser freq or a shorter range", where="freq")
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return out


def _window_end(first_month: str, freq: str) -> str:
    year, month = int(first_month[:4]), int(first_month[5:7])
    month += {"month": 0, "quarter": 2, "year": 11}[freq]
    return f"{year:04d}-{month:02d}"


@dataclass
class Series:
    """Scores of ``actors`` per period; ``None`` where an actor had no events in that period."""

    measure: str
    freq: str
    periods: list[str]
    values: dict[str, list[float | None]]
    notes: dict[str, str] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "freq": self.freq,
            "periods": self.periods,
            "series": [{"key": k, "values": v} for k, v in self.values.items()],
            "notes": self.notes,
            "params": self.params,
        }


def centrality_series(
    kg: KnowledgeGraph,
    measure: str = "pagerank",
    *,
    start: str | None = None,
    end: str | None = None,
    freq: str = "month",
    filters: Filters | None = None,
    actors: list[str] | None = None,
    top: int = 10,
    **measure_kw: Any,
) -> Series:
    """``measure`` for each period between ``start`` and ``end``.

    Parameters
    ----------
    kg : KnowledgeGraph
    measure : str
        One of :data:`kg.analysis.centrality.MEASURES`.
    start, end : str, optional
        Range; default the first and last event dates in the store (or the
        window of ``filters``).
    freq : {"month", "quarter", "year"}
    filters : Filters, optional
        Other filters; their window is replaced by each period's.
    actors : list of str, optional
        Actor keys to follow; default the ``top`` actors by ``measure`` over
        the whole range.
    **measure_kw
        Passed to the measure (e.g. ``k`` for sampled betweenness).
    """
    filters = filters or Filters()
    start = start or filters.start
    end = end or filters.end
    if start is None or end is None:
        first, last = event_date_range(kg)
        start = start or first
        end = end or last
    if start is None or end is None:
        return Series(measure, freq, [], {}, params={"top": top})
    periods = windows(start, end, freq)
    if actors is None:
        overall = centrality(project(kg, filters.with_window(start, end)).graph, measure, **measure_kw)
        actors = [node for node, _ in overall.top(top)]
    values: dict[str, list[float | None]] = {a: [] for a in actors}
    notes: dict[str, str] = {}
    for label, first_month in periods:
        G = project(kg, filters.with_window(first_month, _window_end(first_month, freq))).graph
        result: CentralityResult = centrality(G, measure, **measure_kw)
        if result.note:
            notes[label] = result.note
        for a in actors:
            values[a].append(result.scores.get(a) if a in G else None)
    return Series(measure, freq, [p for p, _ in periods], values, notes, {"top": top, "start": start, "end": end})
