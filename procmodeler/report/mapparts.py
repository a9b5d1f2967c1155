"""A diagram too big to read on one page (its smallest text under 6 pt): an overview
with the parts outlined and numbered, then a page per part, the parts cut in the gaps
between shapes where one lies near enough."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak

from procmodeler.model.elements import Bounds
from procmodeler.report.context import ReportContext
from procmodeler.report.diagram import REPORT_MIN_FONT_SIZE, DiagramFlowable
from procmodeler.report.words import esc

#: The least scale of a printed diagram (pt per diagram unit): its smallest text at 6 pt.
MIN_MAP_SCALE = 6.0 / REPORT_MIN_FONT_SIZE
#: How far beyond a part (diagram units) what is drawn on its page may start: a shape or
#: line that lies farther out is clipped away entirely and is not drawn at all.
PART_MARGIN = 60.0
#: The overview leaves out text smaller than this (pt): the processes' names (bold, the
#: largest text) stay, small but legible on paper and sharp when a PDF reader zooms, so
#: that the overview is a map a reader can find a process on; owners, labels and other
#: details (smaller) are left to the parts.
OVERVIEW_MIN_TEXT = 4.0
#: A diagram that needs more parts than this is printed as its overview only, with a
#: note: hundreds of pages of map parts help no reader (a flat 2,000-process map).
MAX_PARTS = 16


def _meets(a: Bounds, b: Bounds) -> bool:
    """Whether boxes *a* and *b* overlap or touch."""
    return a.x <= b.x + b.w and b.x <= a.x + a.w and a.y <= b.y + b.h and b.y <= a.y + a.h


def _relation_extent(path: Sequence[tuple[float, float]], label: Bounds | None) -> Bounds:
    """The box around a relation's line and its label."""
    xs = [x for x, _ in path]
    ys = [y for _, y in path]
    if label is not None:
        xs += [label.x, label.x + label.w]
        ys += [label.y, label.y + label.h]
    return Bounds(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def variant(
    whole: DiagramFlowable,
    max_height: float,
    max_scale: float,
    part: Bounds | None = None,
    tiles: Sequence[Bounds] = (),
) -> DiagramFlowable:
    """The diagram *whole* (its views computed once) as an overview with *tiles*
    outlined, or as one *part* of it that draws only what lies near that part: the
    pages of a split map of thousands of processes stay small and quick to draw."""
    flowable = copy.copy(whole)
    flowable.max_height = max_height
    flowable.max_scale = max_scale
    flowable.tiles = list(tiles)
    if part is not None:
        near = Bounds(
            part.x - PART_MARGIN,
            part.y - PART_MARGIN,
            part.w + 2 * PART_MARGIN,
            part.h + 2 * PART_MARGIN,
        )
        flowable.part = part
        flowable.box = part
        flowable.origin = (part.x, part.y)
        flowable.shapes = [v for v in whole.shapes if _meets(v.bounds, near)]
        flowable.relations = [
            r for r in whole.relations if _meets(_relation_extent(r.path, r.label_box), near)
        ]
        flowable.lanes = [lane for lane in whole.lanes if _meets(lane[0], near)]
        flowable.bands = [band for band in whole.bands if _meets(band.bounds, near)]
    return flowable


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
    whole: DiagramFlowable,
    width: float,
    height: float,
    overview_height: float,
    caption: str,
) -> list[Flowable]:
    """The overview (at most *overview_height* high) and a page per part of the diagram
    *whole* on pages of *width* x *height*; *caption* names a part ({n}, {count})."""
    tr = ctx.tr
    box = whole.box
    shapes = [v.bounds for v in whole.shapes]
    xs = cuts(box.x, box.x + box.w, width / MIN_MAP_SCALE, [(b.x, b.x + b.w) for b in shapes])
    ys = cuts(
        box.y, box.y + box.h, (height - 40) / MIN_MAP_SCALE, [(b.y, b.y + b.h) for b in shapes]
    )
    tiles = [
        Bounds(x0, y0, x1 - x0, y1 - y0)
        for y0, y1 in zip(ys, ys[1:], strict=False)
        for x0, x1 in zip(xs, xs[1:], strict=False)
    ]
    overview = variant(whole, overview_height, 1.0, tiles=tiles)
    overview.min_text = OVERVIEW_MIN_TEXT
    story: list[Flowable] = [overview]
    if len(tiles) > MAX_PARTS:
        note = tr(
            "At a readable size this diagram would take {n} pages, so only its overview is "
            "printed here. The app shows it at any zoom and exports it as an image."
        )
        return [*story, ctx.p(esc(note.format(n=len(tiles))), "small")]
    for index, tile in enumerate(tiles, 1):
        story.append(PageBreak())
        story.append(ctx.p(tr(caption).format(n=index, count=len(tiles))))
        story.append(variant(whole, height - 40, 1.5, part=tile))
    return story
