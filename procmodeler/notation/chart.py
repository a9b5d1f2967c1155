"""The process behaviour chart (and its sparkline) of a KPI as renderer-independent
lines, dots and texts, so that the app, image export and the PDF report draw the same
chart: values joined by a line, mean, natural process limits, dashed near-limit lines,
the target, special-cause values coloured as improvement or concern, rebase marks, and
provisional limits drawn dotted and labelled as such."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from procmodeler.analysis.xmr import KpiAnalysis, analyse_kpi
from procmodeler.common.i18n import N_
from procmodeler.model.elements import Bounds, Kpi, Point

#: Colours of the chart (``#rrggbb``); dots by type of value.
DOT_COLOURS = {"common": "#7b8794", "improvement": "#1f78c8", "concern": "#e8770e"}
VALUE_LINE = "#7b8794"
MEAN_COLOUR = "#2f3a46"
LIMIT_COLOUR = "#5f6b7a"
NEAR_COLOUR = "#9aa5b1"
TARGET_COLOUR = "#8250df"
REBASE_COLOUR = "#3f6fa8"
AXIS_COLOUR = "#c9d1db"
TEXT_COLOUR = "#3d4752"
BACKGROUND = "#ffffff"
FONT_SIZE = 8.0

DASH_NEAR = (4.0, 3.0)
DASH_PROVISIONAL = (1.5, 2.5)
DASH_REBASE = (2.0, 2.0)

#: Words drawn on the chart (translate with the renderer's translator).
WORDS = {
    "mean": N_("Mean"),
    "limits": N_("Process limits"),
    "provisional": N_("Provisional limits"),
    "target": N_("Target"),
    "rebase": N_("Changed"),
    "empty": N_("No measurements yet"),
}


@dataclass(frozen=True, slots=True)
class ChartLine:
    """A polyline; ``dash`` empty for solid."""

    points: tuple[Point, ...]
    colour: str
    width: float
    dash: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class ChartDot:
    """One value: where, how big, and its type (``common``/``improvement``/``concern``)."""

    center: Point
    radius: float
    colour: str
    kind: str
    index: int


@dataclass(frozen=True, slots=True)
class ChartText:
    """A text with its anchor point: ``align`` left/center/right of x, baseline at y."""

    text: str
    at: Point
    align: str
    colour: str = TEXT_COLOUR
    size: float = FONT_SIZE


@dataclass(frozen=True, slots=True)
class ChartView:
    """Everything a renderer needs to paint one chart in a ``width`` × ``height`` box."""

    width: float
    height: float
    plot: Bounds
    lines: tuple[ChartLine, ...]
    dots: tuple[ChartDot, ...]
    texts: tuple[ChartText, ...]
    provisional: bool


def nice_ticks(lo: float, hi: float, most: int = 6) -> list[float]:
    """Round tick values covering ``lo`` .. ``hi``, at most *most* of them."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return []
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / max(1, most - 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    ticks = []
    value = first
    while value <= hi + step * 1e-9:
        ticks.append(0.0 if abs(value) < step * 1e-9 else value)
        value += step
    return ticks


def _y_range(kpi: Kpi, result: KpiAnalysis) -> tuple[float, float]:
    ys = list(result.values)
    for seg in result.segments:
        if seg.lower is not None and seg.upper is not None:
            ys += [seg.lower, seg.upper]
    if kpi.target is not None:
        ys.append(kpi.target)
    lo, hi = min(ys), max(ys)
    if hi - lo < 1e-12:
        pad = abs(hi) * 0.1 or 1.0
        return lo - pad, hi + pad
    pad = (hi - lo) * 0.08
    return lo - pad, hi + pad


def chart_view(
    kpi: Kpi,
    width: float,
    height: float,
    tr: Callable[[str], str] = str,
    fmt: Callable[[float], str] = lambda v: f"{v:g}",
    text_width: Callable[[str], float] = lambda t: len(t) * FONT_SIZE * 0.6,
) -> ChartView:
    """The process behaviour chart of *kpi* in a box of *width* × *height*."""
    result = analyse_kpi(kpi)
    n = len(result.values)
    if n == 0:
        plot = Bounds(0.0, 0.0, width, height)
        text = ChartText(tr(WORDS["empty"]), (width / 2, height / 2), "center")
        return ChartView(width, height, plot, (), (), (text,), False)
    lo, hi = _y_range(kpi, result)
    ticks = nice_ticks(lo, hi)
    lo, hi = min([lo, *ticks]), max([hi, *ticks])
    left = max([text_width(fmt(t)) for t in ticks] + [0.0]) + 8.0
    right = max(text_width(tr(WORDS["target"])), text_width(tr(WORDS["mean"]))) + 10.0
    top = FONT_SIZE + 8.0  # room for the limits' label above the plot
    plot = Bounds(left, top, max(10.0, width - left - right), max(10.0, height - top - 22.0))
    x_of, y_of = _scales(plot, n, lo, hi)
    lines: list[ChartLine] = []
    texts: list[ChartText] = []
    for t in ticks:
        y = y_of(t)
        lines.append(ChartLine(((plot.x, y), (plot.x + plot.w, y)), AXIS_COLOUR, 0.5))
        texts.append(ChartText(fmt(t), (plot.x - 4.0, y + FONT_SIZE / 3), "right"))
    texts += _period_labels(kpi, plot, x_of, text_width)
    _limit_lines(result, plot, x_of, y_of, lines, texts, tr)
    if kpi.target is not None:
        y = y_of(kpi.target)
        lines.append(ChartLine(((plot.x, y), (plot.x + plot.w, y)), TARGET_COLOUR, 1.4))
        mean_y = y_of(result.segments[-1].mean)
        if abs(y - mean_y) < FONT_SIZE + 2:  # keep the two labels apart
            y = mean_y + (FONT_SIZE + 2 if y >= mean_y else -(FONT_SIZE + 2))
        texts.append(
            ChartText(tr(WORDS["target"]), (plot.x + plot.w + 4.0, y + 3.0), "left", TARGET_COLOUR)
        )
    points = tuple((x_of(i), y_of(v)) for i, v in enumerate(result.values))
    if n > 1:
        lines.append(ChartLine(points, VALUE_LINE, 1.2))
    radius = max(1.6, min(3.5, plot.w / n / 3))
    dots = tuple(
        ChartDot(p, radius, DOT_COLOURS[t], t, i)
        for i, (p, t) in enumerate(zip(points, result.types, strict=True))
    )
    provisional = any(s.provisional and s.upper is not None for s in result.segments)
    return ChartView(width, height, plot, tuple(lines), dots, tuple(texts), provisional)


def _scales(
    plot: Bounds, n: int, lo: float, hi: float
) -> tuple[Callable[[float], float], Callable[[float], float]]:
    step = plot.w / max(1, n - 1) if n > 1 else 0.0
    x0 = plot.x if n > 1 else plot.x + plot.w / 2
    span = hi - lo

    def x_of(i: float) -> float:
        return x0 + i * step

    def y_of(v: float) -> float:
        return plot.y + plot.h - (v - lo) / span * plot.h

    return x_of, y_of


def _period_labels(
    kpi: Kpi, plot: Bounds, x_of: Callable[[float], float], text_width: Callable[[str], float]
) -> list[ChartText]:
    periods = [m.period for m in kpi.series]
    widest = max(text_width(p) for p in periods) + 8.0
    room = plot.w / max(1, len(periods) - 1) if len(periods) > 1 else plot.w
    every = max(1, math.ceil(widest / room)) if room > 0 else len(periods)
    base = plot.y + plot.h + FONT_SIZE + 6.0
    shown = list(range(len(periods) - 1, -1, -every))  # the latest period always shows
    return [ChartText(periods[i], (x_of(i), base), "center") for i in sorted(shown)]


def _limit_lines(
    result: KpiAnalysis,
    plot: Bounds,
    x_of: Callable[[float], float],
    y_of: Callable[[float], float],
    lines: list[ChartLine],
    texts: list[ChartText],
    tr: Callable[[str], str],
) -> None:
    n = len(result.values)
    half = plot.w / max(1, n - 1) / 2 if n > 1 else plot.w / 2
    for k, seg in enumerate(result.segments):
        x1 = plot.x if seg.start == 0 else x_of(seg.start) - half
        x2 = plot.x + plot.w if seg.end == n else x_of(seg.end - 1) + half
        if k > 0:
            lines.append(
                ChartLine(((x1, plot.y), (x1, plot.y + plot.h)), REBASE_COLOUR, 1.2, DASH_REBASE)
            )
            texts.append(ChartText(tr(WORDS["rebase"]), (x1 + 3.0, plot.y + FONT_SIZE), "left"))
        y = y_of(seg.mean)
        lines.append(ChartLine(((x1, y), (x2, y)), MEAN_COLOUR, 1.2))
        if seg.upper is None or seg.lower is None:
            continue
        dash = DASH_PROVISIONAL if seg.provisional else ()
        for v in (seg.lower, seg.upper):
            lines.append(ChartLine(((x1, y_of(v)), (x2, y_of(v))), LIMIT_COLOUR, 1.2, dash))
        for near in (seg.near_lower, seg.near_upper):
            assert near is not None
            lines.append(
                ChartLine(((x1, y_of(near)), (x2, y_of(near))), NEAR_COLOUR, 0.8, DASH_NEAR)
            )
    last = result.segments[-1]
    texts.append(
        ChartText(tr(WORDS["mean"]), (plot.x + plot.w + 4.0, y_of(last.mean) + 3.0), "left")
    )
    if last.upper is not None:
        word = WORDS["provisional"] if last.provisional else WORDS["limits"]
        texts.append(ChartText(tr(word), (plot.x + plot.w, plot.y - 5.0), "right"))


def sparkline_view(kpi: Kpi, width: float, height: float) -> ChartView:
    """A small chart: the values, the latest segment's mean and limits, coloured dots for
    special-cause values, no texts."""
    result = analyse_kpi(kpi)
    n = len(result.values)
    plot = Bounds(2.0, 2.0, max(1.0, width - 4.0), max(1.0, height - 4.0))
    if n == 0:
        return ChartView(width, height, plot, (), (), (), False)
    lo, hi = _y_range(kpi, result)
    x_of, y_of = _scales(plot, n, lo, hi)
    lines: list[ChartLine] = []
    last = result.segments[-1]
    x1 = x_of(last.start)
    for v, colour, dash in (
        (last.lower, LIMIT_COLOUR, DASH_NEAR),
        (last.upper, LIMIT_COLOUR, DASH_NEAR),
        (last.mean, MEAN_COLOUR, ()),
    ):
        if v is not None:
            lines.append(ChartLine(((x1, y_of(v)), (plot.x + plot.w, y_of(v))), colour, 0.6, dash))
    points = tuple((x_of(i), y_of(v)) for i, v in enumerate(result.values))
    if n > 1:
        lines.append(ChartLine(points, VALUE_LINE, 1.0))
    dots = tuple(
        ChartDot(p, 1.8, DOT_COLOURS[t], t, i)
        for i, (p, t) in enumerate(zip(points, result.types, strict=True))
        if t != "common" or i == n - 1
    )
    return ChartView(width, height, plot, tuple(lines), dots, (), last.provisional)
