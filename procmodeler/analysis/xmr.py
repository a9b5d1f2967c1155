"""Process behaviour charts (XmR) of a KPI's series exactly as FLOW-AND-EFFECT.md says:
limits per segment, special-cause signals 1-4, improvement or concern, variation and
assurance.

API::

    result = analyse_kpi(kpi)             # KpiAnalysis, cached per Kpi record
    result.segments                       # tuple[Segment]: limits of each segment
    result.types                          # per value: "common" | "improvement" | "concern"
    result.variation, result.assurance    # what the KPI says
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from procmodeler.model.elements import Kpi

#: Scaling constants of the XmR chart.
SCREEN = 3.267
LIMIT = 2.66
NEAR = 2.0 / 3.0 * LIMIT
#: Fewer values than this in a segment give provisional limits.
PROVISIONAL_BELOW = 12
#: Length of a run (rule 2) and of a trend (rule 3), in values.
RUN = 7

VARIATIONS: tuple[str, ...] = (
    "none",
    "common_cause",
    "special_cause_improvement",
    "special_cause_concern",
)
ASSURANCES: tuple[str, ...] = ("none", "consistent_pass", "inconsistent", "consistent_fail")
POINT_TYPES: tuple[str, ...] = ("common", "improvement", "concern")


@dataclass(frozen=True, slots=True)
class Segment:
    """The limits of one segment: values ``start`` .. ``end - 1`` of the series."""

    start: int
    end: int
    mean: float
    mr_bar: float | None  # screened average moving range; None for one value
    lower: float | None
    upper: float | None
    near_lower: float | None
    near_upper: float | None

    @property
    def points(self) -> int:
        return self.end - self.start

    @property
    def provisional(self) -> bool:
        return self.points < PROVISIONAL_BELOW


@dataclass(frozen=True, slots=True)
class KpiAnalysis:
    """What a KPI's series says."""

    values: tuple[float, ...]
    segments: tuple[Segment, ...]
    types: tuple[str, ...]  # per value, see POINT_TYPES
    variation: str
    assurance: str

    @property
    def latest_segment(self) -> Segment | None:
        return self.segments[-1] if self.segments else None


def segment_limits(values: Sequence[float], start: int = 0, end: int | None = None) -> Segment:
    """The mean, screened m̄R and limits of ``values[start:end]`` (at least one value)."""
    end = len(values) if end is None else end
    xs = values[start:end]
    n = len(xs)
    mean = sum(xs) / n
    if n < 2:
        return Segment(start, end, mean, None, None, None, None, None)
    ranges = [abs(b - a) for a, b in zip(xs, xs[1:], strict=False)]
    mr = sum(ranges) / len(ranges)
    cut = SCREEN * mr
    kept = [r for r in ranges if r < cut]
    mr_bar = sum(kept) / len(kept) if kept else 0.0
    half = LIMIT * mr_bar
    near = NEAR * mr_bar
    return Segment(start, end, mean, mr_bar, mean - half, mean + half, mean - near, mean + near)


def _mark_runs(flags: list[bool], keys: Sequence[int], length: int, before: int) -> None:
    """Set the flags of every run of *length* or more equal non-zero *keys*, and of the
    *before* values ahead of each such run."""
    n = len(keys)
    run_start = 0
    for i in range(n + 1):
        if i == n or keys[i] == 0 or keys[i] != keys[run_start]:
            if keys[run_start] != 0 and i - run_start >= length:
                for j in range(run_start - before, i):
                    flags[j] = True
            run_start = i


def special_causes(values: Sequence[float], seg: Segment) -> list[int]:
    """Per value of the segment: 0 common cause, else its side (+1 above the mean, -1
    below; side 0 marks a special cause value on the mean as 2)."""
    lo, hi = seg.start, seg.end
    n = hi - lo
    if seg.upper is None or seg.lower is None:
        return [0] * n
    mean, upper, lower = seg.mean, seg.upper, seg.lower
    nu, nl = seg.near_upper, seg.near_lower
    assert nu is not None and nl is not None
    xs = values[lo:hi]
    sides = [1 if x > mean else (-1 if x < mean else 0) for x in xs]
    flags = [x > upper or x < lower for x in xs]
    near = [not f and (x > nu or x < nl) for x, f in zip(xs, flags, strict=True)]
    if n >= RUN:
        _mark_runs(flags, sides, RUN, 0)
        # steps[i]: +1 when xs[i + 1] rises from xs[i], -1 when it falls, 0 when equal;
        # a trend of RUN values is RUN - 1 equal steps (and the value before the first).
        steps = [1 if b > a else (-1 if b < a else 0) for a, b in zip(xs, xs[1:], strict=False)]
        trend = [False] * (n - 1)
        _mark_runs(trend, steps, RUN - 1, 0)
        for i, t in enumerate(trend):
            if t:
                flags[i] = flags[i + 1] = True
    if any(near):
        for w in range(n - 2):
            s = sides[w]
            same = s != 0 and sides[w + 1] == s and sides[w + 2] == s
            if same and near[w] + near[w + 1] + near[w + 2] >= 2:
                for j in (w, w + 1, w + 2):
                    if near[j]:
                        flags[j] = True
    return [(s if s else 2) if f else 0 for s, f in zip(sides, flags, strict=True)]


def segment_bounds(n: int, rebases: Sequence[int]) -> list[tuple[int, int]]:
    """Segments ``(start, end)`` of a series of *n* values rebased at *rebases*."""
    starts = sorted({0, *(i for i in rebases if 0 < i < n)})
    return [(s, e) for s, e in zip(starts, [*starts[1:], n], strict=True)] if n else []


def analyse(
    values: Sequence[float],
    rebases: Sequence[int] = (),
    direction: str = "higher",
    target: float | None = None,
) -> KpiAnalysis:
    """The analysis of a series of *values* (in period order) with rebase marks at the
    indices *rebases*, for a KPI whose better *direction* is ``higher`` or ``lower``."""
    vals = tuple(values)
    segments = tuple(segment_limits(vals, s, e) for s, e in segment_bounds(len(vals), rebases))
    better = 1 if direction == "higher" else -1
    types: list[str] = []
    for seg in segments:
        for side in special_causes(vals, seg):
            types.append(
                "common" if side == 0 else ("improvement" if side == better else "concern")
            )
    if len(vals) < 2:
        variation = "none"
    else:
        variation = {
            "common": "common_cause",
            "improvement": "special_cause_improvement",
            "concern": "special_cause_concern",
        }[types[-1]]
    return KpiAnalysis(
        vals, segments, tuple(types), variation, _assurance(segments, direction, target)
    )


def _assurance(segments: Sequence[Segment], direction: str, target: float | None) -> str:
    if target is None or not segments:
        return "none"
    seg = segments[-1]
    if seg.upper is None or seg.lower is None:
        return "none"
    if target > seg.upper:
        return "consistent_fail" if direction == "higher" else "consistent_pass"
    if target < seg.lower:
        return "consistent_pass" if direction == "higher" else "consistent_fail"
    return "inconsistent"


_CACHE: dict[Kpi, KpiAnalysis] = {}
_CACHE_MAX = 20_000


def analyse_kpi(kpi: Kpi) -> KpiAnalysis:
    """The analysis of *kpi*'s series (cached per KPI record, which is immutable)."""
    found = _CACHE.get(kpi)
    if found is not None:
        return found
    series = kpi.series
    result = analyse(
        [m.value for m in series],
        [i for i, m in enumerate(series) if m.rebase],
        kpi.direction,
        kpi.target,
    )
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[kpi] = result
    return result
