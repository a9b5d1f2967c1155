"""A KPI's series of measurements: the checks every series must pass (unique periods of
one granularity, finite values), and a KPI with a new series (ordered by period, ``actual`` = the latest value)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from procmodeler.model.elements import Kpi, Measurement
from procmodeler.model.periods import Period, parse_period


class SeriesProblem(ValueError):
    """A series that breaks a rule; ``index`` is the offending measurement's position in
    the input, ``what`` one of ``period``, ``twice``, ``granularity``, ``value``."""

    def __init__(self, what: str, index: int, period: str) -> None:
        super().__init__(f"{what}: {period}")
        self.what = what
        self.index = index
        self.period = period


def check_series(series: Iterable[Measurement]) -> list[Measurement]:
    """*series* with canonical period texts, ordered by period; raises SeriesProblem at
    the first bad period, non-finite value, period given twice or second granularity."""
    keyed: list[tuple[Period, Measurement]] = []
    seen: set[Period] = set()
    granularity: str | None = None
    for index, m in enumerate(series):
        period = parse_period(m.period)
        if period is None:
            raise SeriesProblem("period", index, m.period)
        if not (isinstance(m.value, int | float) and math.isfinite(m.value)):
            raise SeriesProblem("value", index, m.period)
        if granularity is None:
            granularity = period.granularity
        elif period.granularity != granularity:
            raise SeriesProblem("granularity", index, m.period)
        if period in seen:
            raise SeriesProblem("twice", index, m.period)
        seen.add(period)
        text = period.text
        keyed.append((period, m if m.period == text else replace(m, period=text)))
    keyed.sort(key=lambda pair: pair[0].ordinal)
    return [m for _, m in keyed]


def with_series(kpi: Kpi, series: Sequence[Measurement]) -> Kpi:
    """*kpi* with *series* (checked and ordered); its ``actual`` becomes the latest value
    (unchanged when the series is empty)."""
    ordered = tuple(check_series(series))
    actual = ordered[-1].value if ordered else kpi.actual
    return replace(kpi, series=ordered, actual=float(actual) if actual is not None else None)


def granularity_of(series: Sequence[Measurement]) -> str | None:
    """The granularity of a series (None when empty)."""
    if not series:
        return None
    period = parse_period(series[0].period)
    return None if period is None else period.granularity
