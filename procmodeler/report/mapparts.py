"""A diagram too big to read on one page (its smallest text under 6 pt): an overview
with the parts outlined and numbered, then a page per part, the parts cut in the gaps
between shapes where one lies near enough."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from procmodeler.model.elements import Bounds
from procmodeler.report.context import ReportContext
from procmodeler.report.diagram import REPORT_MIN_FONT_SIZE, DiagramFlowable

#: The least scale of a printed diagram (pt per diagram unit): its smallest text at 6 pt.
MIN_MAP_SCALE = 6.0 / REPORT_MIN_FONT_SIZE


def cuts(start: float, end: float, most: float, spans: list[tuple[float, float]]) -> list[float]:
    """Where to cut a diagram from *start* to *end* into parts at most *most* long: in
    the gaps between the shapes' *spans* where one lies far enough on, else anywhere."""
    merged: list[list[float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    gaps = [(p[1] + q[0]) / 2 for p, q in zip(merged, merged[1:], strict=False)]
    found = [start]
    while end - found[-1] > most:
        last = found[-1]
        fitting = [g for g in gaps if last + most / 3 < g <= last + most]
        found.append(max(fitting) if fitting else last + most)
    return [*found, end]


def split_diagram(
    ctx: ReportContext,
    level: str | None,
    width: float,
    height: float,
    overview_height: float,
    caption: str,
) -> list[Flowable]:
    """The overview (at most *overview_height* high) and a page per part of the diagram
    of *level* on pages of *width* x *height*; *caption* names a part ({n}, {count})."""
    tr = ctx.tr
    whole = DiagramFlowable(ctx.arch, level, tr, ctx.severity_of)
    box = whole.box
    shapes = list(ctx.arch.shapes.get(level, {}).values())
    xs = cuts(box.x, box.x + box.w, width / MIN_MAP_SCALE, [(b.x, b.x + b.w) for b in shapes])
    ys = cuts(
        box.y, box.y + box.h, (height - 40) / MIN_MAP_SCALE, [(b.y, b.y + b.h) for b in shapes]
    )
    tiles = [
        Bounds(x0, y0, x1 - x0, y1 - y0)
        for y0, y1 in zip(ys, ys[1:], strict=False)
        for x0, x1 in zip(xs, xs[1:], strict=False)
    ]
    overview = DiagramFlowable(
        ctx.arch, level, tr, ctx.severity_of, max_height=overview_height, max_scale=1.0, tiles=tiles
    )
    overview.min_text = 6.0
    story: list[Flowable] = [overview]
    for index, tile in enumerate(tiles, 1):
        story.append(PageBreak())
        story.append(ctx.p(tr(caption).format(n=index, count=len(tiles))))
        story.append(
            DiagramFlowable(
                ctx.arch,
                level,
                tr,
                ctx.severity_of,
                max_height=height - 40,
                max_scale=1.5,
                part=tile,
            )
        )
    return story
