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

import bisect
import itertools
import math
import operator
import re
from collections.abc import Sequence
from typing import NamedTuple

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


class Segment(NamedTuple):
    """The limits of one segment: values ``start`` .. ``end - 1`` of the series
    (immutable; a named tuple because thousands are made at once)."""

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


class KpiAnalysis(NamedTuple):
    """What a KPI's series says (immutable). ``codes`` holds per value its zone and
    whether it is a special cause (see :func:`zones`); ``types`` spells that out."""

    values: tuple[float, ...]
    segments: tuple[Segment, ...]
    codes: bytes
    direction: str
    variation: str
    assurance: str

    @property
    def types(self) -> tuple[str, ...]:
        """Per value: ``common``, ``improvement`` or ``concern`` (see POINT_TYPES)."""
        table = _HIGHER if self.direction == "higher" else _LOWER
        return tuple(map(table.__getitem__, self.codes))

    @property
    def latest_segment(self) -> Segment | None:
        return self.segments[-1] if self.segments else None


def segment_limits(values: Sequence[float], start: int = 0, end: int | None = None) -> Segment:
    """The mean, screened m̄R and limits of ``values[start:end]`` (at least one value)."""
    end = len(values) if end is None else end
    xs = tuple(values[start:end])
    return _limits(xs, _steps(xs), start, end)


def _steps(xs: tuple[float, ...]) -> list[float]:
    """``xs[i + 1] - xs[i]``: its absolute value is a moving range, its sign whether the
    series rises (for floats ``y - x > 0`` exactly when ``x < y``: no difference of two
    different floats rounds to zero)."""
    return list(map(operator.sub, itertools.islice(xs, 1, None), xs))


def _limits(xs: tuple[float, ...], steps: list[float], start: int, end: int) -> Segment:
    n = len(xs)
    mean = sum(xs) / n
    if n < 2:
        return Segment(start, end, mean, None, None, None, None, None)
    ranges = list(map(abs, steps))
    mr = sum(ranges) / len(ranges)
    cut = SCREEN * mr
    if max(ranges) < cut:  # no moving range is screened out
        mr_bar = mr
    else:
        kept = [r for r in ranges if r < cut]
        mr_bar = sum(kept) / len(kept) if kept else 0.0
    half = LIMIT * mr_bar
    near = NEAR * mr_bar
    return Segment(start, end, mean, mr_bar, mean - half, mean + half, mean - near, mean + near)


# Every rule is found by regular expressions over one byte per value: its zone (below),
# found for all values at once by one bisect per value, with map() so that the
# per-value work runs in C. Zones: 0 outside below the lower limit, 1 near below
# (beyond the lower near-limit line, not outside), 2 below the mean, 3 on the mean,
# 4 above it, 5 near above, 6 outside above. A special cause value's code is its zone
# plus 8 (``SPECIAL``).
SPECIAL = 8
_RULE1 = bytes(range(256)).translate(
    bytes.maketrans(b"\x00\x06", bytes([SPECIAL, 6 | SPECIAL]))
)  # outside: special
_MARK = bytes(i | SPECIAL if i < 16 else i for i in range(256))
#: Rule 2: RUN values on one side, searched in the sides (zones 4-6 above as ``+``, 0-2
#: below as ``-``); a literal prefix lets the regular expression engine skip ahead fast.
_RUN_RES = (
    (re.compile(re.escape(b"+" * RUN) + b"\\+*"), b"+" * RUN),
    (re.compile(re.escape(b"-" * RUN) + b"-*"), b"-" * RUN),
)
_SIDES = bytes.maketrans(bytes(range(7)), b"---0+++")
#: Rule 3 over the steps (1 rising, or falling): RUN values are RUN - 1 steps.
_TREND_RE = re.compile(b"\x01" * (RUN - 1) + b"\x01*")
_SIX_STEPS = b"\x01" * (RUN - 1)
_SIX_STEPS_DOWN = b"\x00" * (RUN - 1)
#: Rule 4: a window of three on one side (zones 4-6, or 0-2) with two or more near (5, 1);
#: first a quick search for two near values at most two apart (a window needs them).
_NEAR_RES = (
    (
        5,
        re.compile(b"\x05[\x04-\x06]?\x05"),
        re.compile(b"(?=\x05\x05[\x04-\x06]|\x05[\x04-\x06]\x05|[\x04-\x06]\x05\x05)"),
    ),
    (
        1,
        re.compile(b"\x01[\x00-\x02]?\x01"),
        re.compile(b"(?=\x01\x01[\x00-\x02]|\x01[\x00-\x02]\x01|[\x00-\x02]\x01\x01)"),
    ),
)
_INF = float("inf")
_ZERO = 0.0
#: Zone -> side: +1 above the mean, -1 below, 0 on it.
SIDE_OF_ZONE = (-1, -1, -1, 0, 1, 1, 1)


def zones(xs: Sequence[float], seg: Segment) -> bytes:
    """Per value its zone (see above); a segment without limits has only 2, 3 and 4.

    ``x >= t`` is ``x > nextafter(t, -inf)`` for floats (and for integers up to 2**53),
    so one ``bisect_left`` over six sorted thresholds answers every comparison.
    """
    mean = seg.mean
    lower, upper, nl, nu = seg.lower, seg.upper, seg.near_lower, seg.near_upper
    if lower is None or upper is None or nl is None or nu is None:
        lower = nl = -_INF
        nu = upper = _INF
    down = math.nextafter
    thresholds = [down(lower, -_INF), down(nl, -_INF), down(mean, -_INF), mean, nu, upper]
    return bytes(map(bisect.bisect_left, itertools.repeat(thresholds), xs))


def _codes(xs: Sequence[float], steps: list[float], seg: Segment) -> bytes:
    """Per value of a segment its zone, plus SPECIAL for a special cause value."""
    zone = zones(xs, seg)
    if seg.upper is None:
        return zone
    code = bytearray(zone.translate(_RULE1))  # rule 1
    if len(xs) >= RUN:
        sides = zone.translate(_SIDES)  # a quick look first: most series have no run
        for run, seven in _RUN_RES:  # rule 2
            if seven in sides:
                for m in run.finditer(sides):
                    a, b = m.span()
                    code[a:b] = zone[a:b].translate(_MARK)
        rising = bytes(map(operator.lt, itertools.repeat(_ZERO), steps))
        trends = [rising]
        if _SIX_STEPS_DOWN in rising:  # a fall of RUN values needs RUN - 1 non-rises
            trends.append(bytes(map(operator.gt, itertools.repeat(_ZERO), steps)))
        for trend in trends:
            if _SIX_STEPS in trend:
                for m in _TREND_RE.finditer(trend):  # rule 3: RUN values are RUN - 1 steps
                    a, b = m.start(), m.end() + 1
                    code[a:b] = zone[a:b].translate(_MARK)
    for near, pair, window in _NEAR_RES:  # rule 4
        if pair.search(zone):
            for m in window.finditer(zone):
                for j in range(m.start(), m.start() + 3):
                    if zone[j] == near:
                        code[j] = near | SPECIAL
    return bytes(code)


#: Code -> what special_causes() says of the value.
_SIDE_OF_CODE = (0,) * SPECIAL + tuple(side or 2 for side in SIDE_OF_ZONE) + (0,)


def special_causes(values: Sequence[float], seg: Segment) -> list[int]:
    """Per value of the segment: 0 common cause, else its side (+1 above the mean, -1
    below; side 0 marks a special cause value on the mean as 2)."""
    xs = tuple(values[seg.start : seg.end])
    return list(map(_SIDE_OF_CODE.__getitem__, _codes(xs, _steps(xs), seg)))


def segment_bounds(n: int, rebases: Sequence[int]) -> list[tuple[int, int]]:
    """Segments ``(start, end)`` of a series of *n* values rebased at *rebases*."""
    starts = sorted({0, *(i for i in rebases if 0 < i < n)})
    return [(s, e) for s, e in zip(starts, [*starts[1:], n], strict=True)] if n else []


#: Code -> the type of the value, when higher or lower is better (a special cause
#: value on the mean is a concern).
_HIGHER = ("common",) * SPECIAL + ("concern",) * 4 + ("improvement",) * 3 + ("common",)
_LOWER = ("common",) * SPECIAL + ("improvement",) * 3 + ("concern",) * 4 + ("common",)


def analyse(
    values: Sequence[float],
    rebases: Sequence[int] = (),
    direction: str = "higher",
    target: float | None = None,
) -> KpiAnalysis:
    """The analysis of a series of *values* (in period order) with rebase marks at the
    indices *rebases*, for a KPI whose better *direction* is ``higher`` or ``lower``."""
    vals = tuple(values)
    n = len(vals)
    if not rebases or n < 2:  # one segment (or none): no slicing, no joining
        if not n:
            return KpiAnalysis(vals, (), b"", direction, "none", "none")
        steps = _steps(vals)
        seg = _limits(vals, steps, 0, n)
        segments: tuple[Segment, ...] = (seg,)
        codes = _codes(vals, steps, seg)
    else:
        parts = []
        found = []
        for s, e in segment_bounds(n, rebases):
            xs = vals[s:e]
            steps = _steps(xs)
            seg = _limits(xs, steps, s, e)
            found.append(seg)
            parts.append(_codes(xs, steps, seg))
        segments = tuple(found)
        codes = b"".join(parts)
    table = _HIGHER if direction == "higher" else _LOWER
    variation = "none" if n < 2 else _VARIATION_OF[table[codes[-1]]]
    return KpiAnalysis(
        vals, segments, codes, direction, variation, _assurance(segments, direction, target)
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
