"""KPI signs on the map. Without measurements, traffic lights: green when the actual
meets the target in the KPI's direction, yellow when it misses by at most 10 % of the
target, red beyond that; a KPI without a target or an actual has no light, and a process
shows its worst light. With measurements, a process shows its KPIs' worst variation and
worst assurance as small round icons instead (FLOW-AND-EFFECT.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from procmodeler.analysis.xmr import analyse_kpi
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


# ---------------------------------------------------------------------- with measurements
#: Variation and assurance, each from best to worst (FLOW-AND-EFFECT.md).
_VARIATION_ORDER = ("common_cause", "special_cause_improvement", "special_cause_concern")
_ASSURANCE_ORDER = ("consistent_pass", "inconsistent", "consistent_fail")

#: Icon colours: improvement/pass blue, concern/fail orange, common/inconsistent grey.
ICON_COLOURS = {
    "common_cause": "#7b8794",
    "special_cause_improvement": "#1f78c8",
    "special_cause_concern": "#e8770e",
    "consistent_pass": "#1f78c8",
    "inconsistent": "#7b8794",
    "consistent_fail": "#e8770e",
}


@dataclass(frozen=True, slots=True)
class IconView:
    """A round icon: fill colour and a glyph as polylines in a unit circle (y down)."""

    state: str
    fill: str
    glyph: tuple[tuple[tuple[float, float], ...], ...]


_ARROW_UP = (((0.0, 0.55), (0.0, -0.55)), ((-0.4, -0.15), (0.0, -0.55), (0.4, -0.15)))
_ARROW_DOWN = tuple(tuple((x, -y) for x, y in line) for line in _ARROW_UP)
_GLYPHS: dict[str, tuple[tuple[tuple[float, float], ...], ...]] = {
    "common_cause": (((-0.6, 0.0), (-0.3, -0.3), (0.0, 0.0), (0.3, 0.3), (0.6, 0.0)),),
    "consistent_pass": (((-0.45, 0.0), (-0.1, 0.35), (0.5, -0.35)),),
    "consistent_fail": (((-0.35, -0.35), (0.35, 0.35)), ((-0.35, 0.35), (0.35, -0.35))),
    "inconsistent": (
        ((-0.3, -0.25), (-0.15, -0.5), (0.15, -0.5), (0.3, -0.25), (0.0, 0.05), (0.0, 0.2)),
        ((0.0, 0.4), (0.0, 0.5)),
    ),
}


def variation_icon(variation: str, side: int) -> IconView | None:
    """The icon of a variation; a special cause shows an arrow up (latest value above
    the mean) or down. None for ``none``."""
    if variation not in _VARIATION_ORDER:
        return None
    if variation == "common_cause":
        glyph = _GLYPHS["common_cause"]
    else:
        glyph = _ARROW_UP if side > 0 else _ARROW_DOWN
    return IconView(variation, ICON_COLOURS[variation], glyph)


def assurance_icon(assurance: str) -> IconView | None:
    """The icon of an assurance (None for ``none``)."""
    if assurance not in _ASSURANCE_ORDER:
        return None
    return IconView(assurance, ICON_COLOURS[assurance], _GLYPHS[assurance])


def process_icons(kpis: Iterable[Kpi]) -> tuple[IconView | None, IconView | None]:
    """The worst variation and the worst assurance of a process's KPIs with measurements
    (both None when none has a series; the map then shows the traffic light)."""
    worst_v: tuple[int, int] | None = None
    worst_a = -1
    for kpi in kpis:
        if not kpi.series:
            continue
        result = analyse_kpi(kpi)
        if result.variation in _VARIATION_ORDER:
            rank = _VARIATION_ORDER.index(result.variation)
            last = result.values[-1]
            side = 1 if last > result.segments[-1].mean else -1
            if worst_v is None or rank > worst_v[0]:
                worst_v = (rank, side)
        if result.assurance in _ASSURANCE_ORDER:
            worst_a = max(worst_a, _ASSURANCE_ORDER.index(result.assurance))
    v_icon = None if worst_v is None else variation_icon(_VARIATION_ORDER[worst_v[0]], worst_v[1])
    a_icon = None if worst_a < 0 else assurance_icon(_ASSURANCE_ORDER[worst_a])
    return v_icon, a_icon


def has_measurements(kpis: Iterable[Kpi]) -> bool:
    """True when one of *kpis* has a series (icons replace the light)."""
    return any(k.series for k in kpis)
