"""Measurement periods (FLOW-AND-EFFECT.md): a day ``YYYY-MM-DD``, an ISO week
``YYYY-Www``, a month ``YYYY-MM``, a quarter ``YYYY-Qn`` or a year ``YYYY``; parsing,
ordering and stepping."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

GRANULARITIES: tuple[str, ...] = ("day", "week", "month", "quarter", "year")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("week", re.compile(r"(\d{4})-[Ww](\d{2})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("quarter", re.compile(r"(\d{4})-[Qq]([1-4])")),
    ("year", re.compile(r"(\d{4})")),
)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A parsed period: its granularity and an ordinal that orders periods of one
    granularity (consecutive periods differ by one)."""

    granularity: str
    ordinal: int

    @property
    def text(self) -> str:
        """The canonical text of the period."""
        return format_period(self.granularity, self.ordinal)


@functools.lru_cache(maxsize=8192)
def parse_period(text: str) -> Period | None:
    """The period *text* names, or None when it is not one (``2024-13``, ``2021-W53``).
    Cached: the KPIs of a model share their periods (a Period is immutable)."""
    text = text.strip()
    for granularity, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = [int(p) for p in match.groups()]
        try:
            return Period(granularity, _ordinal(granularity, parts))
        except ValueError:
            return None
    return None


def _ordinal(granularity: str, parts: list[int]) -> int:
    year = parts[0]
    if year < 1:
        raise ValueError(year)
    if granularity == "day":
        return _dt.date(year, parts[1], parts[2]).toordinal()
    if granularity == "week":
        # Monday of the ISO week, counted in weeks; raises for week 0 or 53 of a 52-week year.
        return _dt.date.fromisocalendar(year, parts[1], 1).toordinal() // 7
    if granularity == "month":
        if not 1 <= parts[1] <= 12:
            raise ValueError(parts[1])
        return year * 12 + parts[1] - 1
    if granularity == "quarter":
        return year * 4 + parts[1] - 1
    return year


@functools.lru_cache(maxsize=8192)
def format_period(granularity: str, ordinal: int) -> str:
    """The canonical text of the period *ordinal* of *granularity*."""
    if granularity == "day":
        return _dt.date.fromordinal(ordinal).isoformat()
    if granularity == "week":
        year, week, _ = _dt.date.fromordinal(ordinal * 7 + 1).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{ordinal // 12:04d}-{ordinal % 12 + 1:02d}"
    if granularity == "quarter":
        return f"{ordinal // 4:04d}-Q{ordinal % 4 + 1}"
    return f"{ordinal:04d}"


def normalize_period(text: str) -> str | None:
    """The canonical text of *text* (``2024-w05`` -> ``2024-W05``), or None."""
    period = parse_period(text)
    return None if period is None else period.text


def shift_period(text: str, steps: int) -> str:
    """The period *steps* after (negative: before) the period *text*."""
    period = parse_period(text)
    if period is None:
        raise ValueError(text)
    return format_period(period.granularity, period.ordinal + steps)


def month_of(day: _dt.date) -> str:
    """The month period of a date (``2025-03``)."""
    return f"{day.year:04d}-{day.month:02d}"
