"""Validation of query-string parameters shared by the JSON API.

Every invalid value raises :class:`~kg.errors.InputError` whose ``where`` is
the parameter name, so the client gets a 400 in the one error shape.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from flask import request

from kg.errors import InputError

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "date_bound", "flag_param", "int_param", "page"]

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

_DIGITS = re.compile(r"[0-9]{1,9}")
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?")


def int_param(name: str, default: int, minimum: int, maximum: int) -> int:
    """The whole-number query parameter ``name``, between ``minimum`` and ``maximum``."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    # Only plain digits: int() would also accept " 1", "1_000" and "+1".
    if not _DIGITS.fullmatch(raw):
        raise InputError(f"{name} must be a whole number, got {raw!r}", where=name)
    value = int(raw)
    if not minimum <= value <= maximum:
        raise InputError(f"{name} must be between {minimum} and {maximum}, got {value}", where=name)
    return value


def flag_param(name: str, default: bool = False) -> bool:
    """The yes/no query parameter ``name``: ``true`` or ``false`` (absent or empty: ``default``)."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if raw not in ("true", "false"):
        raise InputError(f"{name} must be one of true, false, got {raw[:40]!r}", where=name)
    return raw == "true"


def page() -> tuple[int, int]:
    """``(limit, offset)`` from the query string."""
    limit = int_param("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = int_param("offset", 0, 0, 10**9)
    return limit, offset


def date_bound(name: str, value: str, *, end: bool) -> str:
    """The first (or, with ``end``, last) day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` period.

    >>> date_bound("to", "2024-02", end=True)
    '2024-02-29'
    >>> date_bound("from", "2024", end=False)
    '2024-01-01'
    """
    match = _PARTIAL_DATE.fullmatch(value)
    if not match:
        raise InputError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", where=name)
    year, month, day = match.groups()
    try:
        if day is not None:
            result = date(int(year), int(month), int(day))
        elif month is not None:
            last = calendar.monthrange(int(year), int(month))[1] if end else 1
            result = date(int(year), int(month), last)
        else:
            result = date(int(year), 12, 31) if end else date(int(year), 1, 1)
    except ValueError:  # month 13, day 30 of February, year 0
        raise InputError(f"{name} is not a real date: {value!r}", where=name) from None
    return result.isoformat()
