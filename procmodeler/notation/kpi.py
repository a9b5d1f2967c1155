"""KPI traffic lights: green when the actual meets the target in the KPI's direction,
yellow when it misses by at most 10 % of the target, red beyond that. A KPI without a
target or an actual has no light. A process shows its worst light."""

from __future__ import annotations

from collections.abc import Iterable

from procmodeler.model.elements import Kpi

TOLERANCE = 0.10
_ORDER = {"green": 0, "yellow": 1, "red": 2}


def traffic_light(kpi: Kpi) -> str | None:
    """ "green", "yellow", "red", or None when target or actual is missing."""
    if kpi.target is None or kpi.actual is None:
        return None
    target, actual = kpi.target, kpi.actual
    miss = actual - target if kpi.direction == "lower" else target - actual
    if miss <= 0:
        return "green"
    allowed = TOLERANCE * abs(target)
    return "yellow" if miss <= allowed + 1e-12 else "red"


def worst_light(kpis: Iterable[Kpi]) -> str | None:
    """The worst light of several KPIs (None when none has a light)."""
    lights = [light for light in (traffic_light(k) for k in kpis) if light is not None]
    return max(lights, key=_ORDER.__getitem__) if lights else None
