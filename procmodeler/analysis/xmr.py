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

import operator
import re
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
    ranges = list(map(abs, map(operator.sub, xs[1:], xs[:-1])))
    mr = sum(ranges) / len(ranges)
    cut = SCREEN * mr
    if max(ranges) < cut:
        mr_bar = mr
    else:
        kept = [r for r in ranges if r < cut]
        mr_bar = sum(kept) / len(kept) if kept else 0.0
    half = LIMIT * mr_bar
    near = NEAR * mr_bar
    return Segment(start, end, mean, mr_bar, mean - half, mean + half, mean - near, mean + near)


# Runs and trends are found by regular expressions over one byte per value (or step),
# built with map() so that the per-value work runs in C.
_ONE = re.compile(b"\x01")
_RUN_RE = re.compile(b"\x01{%d,}" % RUN)
_TREND_RE = re.compile(b"\x01{%d,}" % (RUN - 1))
_NOT_RISING_RE = re.compile(b"\x00{%d,}" % (RUN - 1))
_FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")
_NEAR_RE = re.compile(b"(?=\x02\x02[\x01\x02]|\x02\x01\x02|[\x01\x02]\x02\x02)")


def _flagged(xs: Sequence[float], seg: Segment) -> tuple[set[int], bytes, bytes]:
    """Indices (within the segment) of its special cause values, and per value whether
    it lies above and below the mean (as bytes of 0/1)."""
    mean = seg.mean
    above = bytes(map(mean.__lt__, xs))
    # without a value on the mean, below is the complement of above (no second pass)
    below = bytes(map(mean.__gt__, xs)) if mean in xs else above.translate(_FLIP)
    flagged: set[int] = set()
    upper, lower, nu, nl = seg.upper, seg.lower, seg.near_upper, seg.near_lower
    if upper is None or lower is None or nu is None or nl is None:
        return flagged, above, below
    n = len(xs)
    top, bottom = max(xs), min(xs)
    out_up = bytes(map(upper.__lt__, xs)) if top > upper else None  # rule 1
    out_down = bytes(map(lower.__gt__, xs)) if bottom < lower else None
    for code in (out_up, out_down):
        if code is not None:
            flagged.update(m.start() for m in _ONE.finditer(code))
    if n >= RUN:
        for code in (above, below):  # rule 2
            for m in _RUN_RE.finditer(code):
                flagged.update(range(m.start(), m.end()))
        first, rest = xs[:-1], xs[1:]
        rising = bytes(map(operator.lt, first, rest))
        codes = [rising]
        if _NOT_RISING_RE.search(rising):  # a fall of RUN values needs RUN - 1 non-rises
            codes.append(bytes(map(operator.gt, first, rest)))
        for code in codes:
            for m in _TREND_RE.finditer(code):  # rule 3: RUN values are RUN - 1 steps
                flagged.update(range(m.start(), m.end() + 1))
    # rule 4: per value 0 (not on this side), 1 (on it) or 2 (near: beyond the near-limit
    # line and not outside); a window of three on one side with two or more near
    for side, beyond, outside, limit in (
        (above, nu.__lt__, out_up, top > nu),
        (below, nl.__gt__, out_down, bottom < nl),
    ):
        if not limit:
            continue
        code = bytes(map(operator.add, side, bytes(map(beyond, xs))))
        if outside is not None:
            code = bytes(map(operator.sub, code, outside))
        for m in _NEAR_RE.finditer(code):
            w = m.start()
            flagged.update(j for j in (w, w + 1, w + 2) if code[j] == 2)
    return flagged, above, below


def special_causes(values: Sequence[float], seg: Segment) -> list[int]:
    """Per value of the segment: 0 common cause, else its side (+1 above the mean, -1
    below; side 0 marks a special cause value on the mean as 2)."""
    flagged, above, below = _flagged(values[seg.start : seg.end], seg)
    out = [0] * seg.points
    for i in flagged:
        out[i] = 1 if above[i] else (-1 if below[i] else 2)
    return out


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
    good = 0 if direction == "higher" else 1  # which of (above, below) is the better side
    types: list[str] = ["common"] * len(vals)
    for seg in segments:
        flagged, above, below = _flagged(vals[seg.start : seg.end], seg)
        for i in flagged:
            types[seg.start + i] = "improvement" if (above, below)[good][i] else "concern"
    variation = "none" if len(vals) < 2 else _VARIATION_OF[types[-1]]
    return KpiAnalysis(
        vals, segments, tuple(types), variation, _assurance(segments, direction, target)
    )


_VARIATION_OF = {
    "common": "common_cause",
    "improvement": "special_cause_improvement",
    "concern": "special_cause_concern",
}


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


#: id(kpi) -> (kpi, analysis): records are immutable, so a record's analysis never
#: changes; keyed by identity because hashing a long series costs more than it saves.
_CACHE: dict[int, tuple[Kpi, KpiAnalysis]] = {}
_CACHE_MAX = 20_000
_VALUE = operator.attrgetter("value")
_REBASE = operator.attrgetter("rebase")


def analyse_kpi(kpi: Kpi) -> KpiAnalysis:
    """The analysis of *kpi*'s series (cached per KPI record, which is immutable)."""
    found = _CACHE.get(id(kpi))
    if found is not None and found[0] is kpi:
        return found[1]
    series = kpi.series
    rebases = [i for i, m in enumerate(series) if m.rebase] if any(map(_REBASE, series)) else []
    result = analyse(tuple(map(_VALUE, series)), rebases, kpi.direction, kpi.target)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[id(kpi)] = (kpi, result)
    return result
