"""Which events make the actor network: :class:`Filters`.

A filter set is a frozen, hashable value, so it can key the projection cache.
It knows nothing of RDF or NetworkX; :mod:`kg.analysis.projection` turns it
into SPARQL.

>>> f = Filters(start="2024", end="2024-02", quad_classes=[1, 2], exclude_modalities=["planned"])
>>> f.window
('2024-01-01', '2024-02-29')
>>> sorted(f.effective_modalities)
['asserted', 'reported']
>>> Filters.from_params({"from": "2023-06", "quad": "3,4", "cameo": "19"}).cameo
('19',)
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from kg.errors import InputError
from kg.model import ACTOR_TYPES, MODALITIES

__all__ = ["DEFAULT_MODALITIES", "Filters", "date_overlaps", "period_bounds"]

#: Modalities in the network unless a filter says otherwise: what happened, was
#: reported, or is planned. Negated and hypothetical events are not relations.
DEFAULT_MODALITIES = frozenset({"asserted", "planned", "reported"})

_PERIOD = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?")
_CAMEO = re.compile(r"[0-9]{2,4}")
_COUNTRY = re.compile(r"[A-Z]{3}")


def period_bounds(value: str, where: str = "date") -> tuple[str, str]:
    """First and last day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` period.

    >>> period_bounds("2024-02")
    ('2024-02-01', '2024-02-29')
    >>> period_bounds("2023")
    ('2023-01-01', '2023-12-31')
    """
    match = _PERIOD.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match:
        raise InputError(f"{where} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", where=where)
    year, month, day = match.groups()
    try:
        if day is not None:
            d = date(int(year), int(month), int(day)).isoformat()
            return d, d
        if month is not None:
            last = calendar.monthrange(int(year), int(month))[1]
            return date(int(year), int(month), 1).isoformat(), date(int(year), int(month), last).isoformat()
        return date(int(year), 1, 1).isoformat(), date(int(year), 12, 31).isoformat()
    except ValueError:
        raise InputError(f"{where} is not a real date: {value!r}", where=where) from None


def date_overlaps(event_date: str | None, start: str | None, end: str | None) -> bool:
    """Whether an event dated at any precision overlaps the window ``[start, end]``.

    ``start`` and ``end`` are full ``YYYY-MM-DD`` days; ``None`` leaves that side
    open. An undated event overlaps only a fully open window. This is the
    reference semantics the SPARQL filter implements (compare the event date
    with the same-length prefix of each bound).

    >>> date_overlaps("2024", "2024-06-01", None)
    True
    >>> date_overlaps("2024-05", "2024-06-01", None)
    False
    >>> date_overlaps(None, None, None), date_overlaps(None, "2024-01-01", None)
    (True, False)
    """
    if start is None and end is None:
        return True
    if event_date is None:
        return False
    n = len(event_date)
    return (start is None or event_date >= start[:n]) and (end is None or event_date <= end[:n])


def _strings(value: Any, name: str) -> tuple[str, ...]:
    """Normalise a comma-separated string or an iterable into a tuple of strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, Iterable):
        items = [str(v) for v in value]
    else:
        raise InputError(f"{name} must be a list or a comma-separated string", where=name)
    return tuple(s.strip() for s in items if s.strip())


@dataclass(frozen=True)
class Filters:
    """The events an actor network is built from.

    Parameters
    ----------
    start, end : str, optional
        Time window, each ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``end`` is
        inclusive of its whole period). An event is kept if its date, at its own
        precision, overlaps the window; undated events are left out as soon as
        either bound is set.
    quad_classes : iterable of int
        Keep only these quad classes (1-4); empty keeps all.
    cameo : iterable of str
        CAMEO roots or code prefixes (``"04"``, ``"042"``); empty keeps all.
    modalities : iterable of str, optional
        Modalities to keep; default :data:`DEFAULT_MODALITIES`.
    exclude_modalities : iterable of str
        Modalities to drop from those, e.g. ``["planned"]``.
    actor_types : iterable of str
        Keep relations whose actors are of these types (state, person, organization, group).
    countries : iterable of str
        Keep relations whose actors acted for these ISO alpha-3 countries (on
        the event's date, as the event states it; an event that states no role
        gives the actor's own country).
    actor_match : {"both", "either"}
        Whether both actors of a relation (default) or at least one must pass
        ``actor_types`` and ``countries``.
    min_weight : int
        Drop relations with fewer events than this.
    level : {"actor", "country"}
        Nodes are actors (default), or countries: every actor counts as the
        country it acted for on the event's date (persons, ministries, states),
        so "Erdoğan" and "Turkey" are one node; a person who acted for an
        organisation (António Guterres as UN Secretary-General) counts as the
        organisation, one who acted for neither as themselves. Events stored
        without roles give the actor's own country. Relations within one
        country are dropped.
    """

    start: str | None = None
    end: str | None = None
    quad_classes: frozenset[int] = field(default_factory=frozenset)
    cameo: tuple[str, ...] = ()
    modalities: frozenset[str] | None = None
    exclude_modalities: frozenset[str] = field(default_factory=frozenset)
    actor_types: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)
    actor_match: str = "both"
    min_weight: int = 1
    level: str = "actor"

    def __post_init__(self) -> None:
        # Accept lists and comma-separated strings, store canonical frozen values:
        # equal filter sets must hash equal to share a cache entry.
        set_ = object.__setattr__
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None:
                value = str(value).strip() or None
                if value is not None:
                    period_bounds(value, "from" if name == "start" else "to")
                set_(self, name, value)
        if self.start and self.end and self.window[0] > self.window[1]:
            raise InputError(f"the window is empty: from {self.start} is after to {self.end}", where="from")
        quads = set()
        for q in _strings(self.quad_classes, "quad"):
            if q not in {"1", "2", "3", "4"}:
                raise InputError(f"quad class must be 1, 2, 3 or 4, got {q!r}", where="quad")
            quads.add(int(q))
        set_(self, "quad_classes", frozenset(quads))
        codes = sorted(set(_strings(self.cameo, "cameo")))
        for code in codes:
            if not _CAMEO.fullmatch(code):
                raise InputError(f"CAMEO code must be 2 to 4 digits, got {code!r}", where="cameo")
        set_(self, "cameo", tuple(codes))
        if self.modalities is not None:
            set_(self, "modalities", self._choice(self.modalities, MODALITIES, "modality"))
        set_(self, "exclude_modalities", self._choice(self.exclude_modalities, MODALITIES, "exclude_modality"))
        set_(self, "actor_types", self._choice(self.actor_types, (*ACTOR_TYPES, "unknown"), "type"))
        countries = frozenset(c.upper() for c in _strings(self.countries, "country"))
        for c in countries:
            if not _COUNTRY.fullmatch(c):
                raise InputError(f"country must be an ISO alpha-3 code, got {c!r}", where="country")
        set_(self, "countries", countries)
        if self.actor_match not in ("both", "either"):
            raise InputError("actor_match must be 'both' or 'either'", where="actor_match")
        if self.level not in ("actor", "country"):
            raise InputError(f"level must be 'actor' or 'country', got {self.level!r}", where="level")
        if isinstance(self.min_weight, bool) or not isinstance(self.min_weight, int) or self.min_weight < 1:
            raise InputError(f"min_weight must be a whole number >= 1, got {self.min_weight!r}", where="min_weight")

    @staticmethod
    def _choice(value: Any, allowed: Iterable[str], name: str) -> frozenset[str]:
        items = frozenset(s.lower() for s in _strings(value, name))
        bad = sorted(items - set(allowed))
        if bad:
            raise InputError(f"unknown {name} {bad[0]!r}; use one of {', '.join(allowed)}", where=name)
        return items

    # ------------------------------------------------------------ derived

    @property
    def window(self) -> tuple[str | None, str | None]:
        """``(first day, last day)`` of the window as ``YYYY-MM-DD``; None where open."""
        return (
            period_bounds(self.start, "from")[0] if self.start else None,
            period_bounds(self.end, "to")[1] if self.end else None,
        )

    @property
    def effective_modalities(self) -> frozenset[str]:
        """The modalities actually kept."""
        base = DEFAULT_MODALITIES if self.modalities is None else self.modalities
        return frozenset(base - self.exclude_modalities)

    @property
    def uses_roles(self) -> bool:
        """Whether the actors' roles on each event's date matter (country level or a country filter)."""
        return self.level == "country" or bool(self.countries)

    def with_window(self, start: str | None, end: str | None) -> Filters:
        """The same filters over another time window."""
        return replace(self, start=start, end=end)

    def keeps_actor(self, attrs: Mapping[str, Any]) -> bool:
        """Whether an actor with node attributes ``attrs`` passes the actor filters."""
        if self.actor_types and attrs.get("type") not in self.actor_types:
            return False
        return not (self.countries and attrs.get("country") not in self.countries)

    def to_params(self) -> dict[str, str]:
        """Query-string form (the inverse of :meth:`from_params`)."""
        out: dict[str, str] = {}
        if self.start:
            out["from"] = self.start
        if self.end:
            out["to"] = self.end
        if self.quad_classes:
            out["quad"] = ",".join(map(str, sorted(self.quad_classes)))
        if self.cameo:
            out["cameo"] = ",".join(self.cameo)
        if self.modalities is not None:
            out["modality"] = ",".join(sorted(self.modalities))
        if self.exclude_modalities:
            out["exclude_modality"] = ",".join(sorted(self.exclude_modalities))
        if self.actor_types:
            out["type"] = ",".join(sorted(self.actor_types))
        if self.countries:
            out["country"] = ",".join(sorted(self.countries))
        if self.actor_match != "both":
            out["actor_match"] = self.actor_match
        if self.min_weight != 1:
            out["min_weight"] = str(self.min_weight)
        if self.level != "actor":
            out["level"] = self.level
        return out

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Filters:
        """Filters from query-string style parameters.

        Keys: ``from``, ``to``, ``quad``, ``cameo``, ``modality``,
        ``exclude_modality``, ``type``, ``country``, ``actor_match``,
        ``min_weight``, ``level``; list values may be comma-separated. Unknown keys are
        ignored (they belong to the caller). Errors are :class:`InputError`
        with ``where`` naming the parameter.
        """

        def get(key: str) -> Any:
            value = params.get(key)
            return None if value in (None, "") else value

        min_weight = get("min_weight")
        if min_weight is not None:
            text = str(min_weight)
            if not text.isdigit():
                raise InputError(f"min_weight must be a whole number, got {text!r}", where="min_weight")
            min_weight = int(text)
        return cls(
            start=get("from"),
            end=get("to"),
            quad_classes=get("quad") or (),
            cameo=get("cameo") or (),
            modalities=get("modality"),
            exclude_modalities=get("exclude_modality") or (),
            actor_types=get("type") or (),
            countries=get("country") or (),
            actor_match=get("actor_match") or "both",
            min_weight=min_weight or 1,
            level=get("level") or "actor",
        )
