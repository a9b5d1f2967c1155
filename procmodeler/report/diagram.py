"""Diagrams as vector drawings: one diagram level (the landscape or the children of a
process) painted with reportlab from the notation's views, so that shapes, colours,
label lines, bands, lanes, lights and markers are those of the app's canvas.

Coordinates: the canvas is scaled and flipped once so that the rest of the code works
in diagram units with y pointing down, like the stored geometry; text is set with a
text matrix that flips it upright again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from procmodeler.common.i18n import N_, Translator
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Point
from procmodeler.notation import style
from procmodeler.notation.geometry import (
    BAND_LABEL_WIDTH,
    LANE_HEADER_WIDTH,
    MARKER_SIZE,
    arrow_head,
    diamond_head,
    landscape_bands,
    lanes,
    need_arrow_outline,
    need_arrow_text_box,
    need_arrows,
    outline,
    text_box,
)
from procmodeler.notation.kpi import IconView
from procmodeler.notation.labels import fit_label, fit_lines
from procmodeler.notation.views import (
    DETAIL_LINE_HEIGHT,
    ICON_RADIUS,
    NAME_LINE_HEIGHT,
    RelationView,
    ShapeView,
    content_bounds,
    diagram_relations,
    relation_view,
    shape_view,
)
from procmodeler.report import fonts
from procmodeler.report.words import KIND_SINGULAR, RELATION_KINDS

MARGIN = 6.0  # diagram units around the content
PRINT_SCALE = 0.75  # 1 diagram unit = 1 px at 100 % = 0.75 pt
#: The smallest text on a printed diagram, in diagram units (band labels shrink no
#: further here than the detail text): the map's least scale follows from it.
REPORT_MIN_FONT_SIZE = style.DETAIL_FONT_SIZE


def _hex(value: str) -> colors.Color:
    return colors.HexColor(value)


class _Painter(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Painting primitives in diagram units with y pointing down (see the module doc)."""

    scale = PRINT_SCALE
    origin: Point = (0.0, 0.0)

    def _begin(self, c: Canvas) -> None:
        c.saveState()
        c.translate(0, self.height)
        c.scale(self.scale, -self.scale)
        c.translate(-self.origin[0], -self.origin[1])
        c.setLineJoin(1)

    def _text(
        self,
        c: Canvas,
        x: float,
        baseline: float,
        text: str,
        font: str,
        size: float,
        colour: str,
        angle: float = 0.0,
    ) -> None:
        """Text whose baseline starts at (x, baseline), upright on the page."""
        if size * self.scale < getattr(self, "min_text", 0.0):
            return  # too small to read here (an overview names the pages instead)
        t = c.beginText()
        if angle == 0:
            t.setTextTransform(1, 0, 0, -1, x, baseline)
        else:  # reading upwards (rotated 90° counter-clockwise on the page)
            t.setTextTransform(0, -1, -1, 0, x, baseline)
        t.setFont(font, size)
        t.setFillColor(_hex(colour))
        t.textOut(text)
        c.drawText(t)

    @staticmethod
    def _baseline(top: float, line_height: float, size: float) -> float:
        return top + line_height / 2 + size * 0.36

    def _polygon(
        self,
        c: Canvas,
        points: Sequence[Point],
        fill: str | None,
        stroke: str | None,
        width: float = 1.0,
        close: bool = True,
    ) -> None:
        p = c.beginPath()
        p.moveTo(*points[0])
        for pt in points[1:]:
            p.lineTo(*pt)
        if close:
            p.close()
        if fill:
            c.setFillColor(_hex(fill))
        if stroke:
            c.setStrokeColor(_hex(stroke))
            c.setLineWidth(width)
        c.drawPath(p, stroke=1 if stroke else 0, fill=1 if fill and close else 0)

    def _round_rect(
        self,
        c: Canvas,
        b: Bounds,
        radius: float,
        fill: str | None,
        stroke: str | None,
        width: float = 1.0,
    ) -> None:
        if fill:
            c.setFillColor(_hex(fill))
        if stroke:
            c.setStrokeColor(_hex(stroke))
            c.setLineWidth(width)
        c.roundRect(b.x, b.y, b.w, b.h, radius, stroke=1 if stroke else 0, fill=1 if fill else 0)

    def _line(
        self, c: Canvas, kind: str, path: Sequence[Point], head: Sequence[Point], head_style: str
    ) -> None:
        """A relation line of *kind* with its head (the style's colour, width, dash)."""
        rs = style.relation_style(kind)
        c.saveState()
        c.setDash(list(rs.dash) if rs.dash else [])
        self._rounded(c, path, rs.colour, rs.width)
        c.restoreState()
        if not head:
            return
        if head_style == "open":
            self._polygon(c, (head[1], head[0], head[2]), None, rs.colour, rs.width, close=False)
        elif head_style == "diamond":
            self._polygon(c, head, "#ffffff", rs.colour, rs.width)
        else:
            self._polygon(c, head, rs.colour, rs.colour, 0.8)

    def _rounded(self, c: Canvas, points: Sequence[Point], stroke: str, width: float) -> None:
        """A polyline with its corners rounded (as the canvas draws relation lines)."""
        p = c.beginPath()
        p.moveTo(*points[0])
        for a, b, d in zip(points, points[1:], points[2:], strict=False):
            ab, bd = math.dist(a, b), math.dist(b, d)
            r = min(6.0, ab / 2, bd / 2)
            if r < 0.5:
                p.lineTo(*b)
                continue
            p1 = (b[0] + (a[0] - b[0]) * r / ab, b[1] + (a[1] - b[1]) * r / ab)
            p2 = (b[0] + (d[0] - b[0]) * r / bd, b[1] + (d[1] - b[1]) * r / bd)
            p.lineTo(*p1)
            p.curveTo(b[0], b[1], b[0], b[1], *p2)
        p.lineTo(*points[-1])
        c.setStrokeColor(_hex(stroke))
        c.setLineWidth(width)
        c.drawPath(p, stroke=1, fill=0)

    def _light(self, c: Canvas, center: Point, light: str) -> None:
        c.setFillColor(_hex(style.LIGHT_COLOURS[light]))
        c.setStrokeColor(colors.white)
        c.setLineWidth(1.0)
        c.circle(*center, 5.0, stroke=1, fill=1)

    def _icon(self, c: Canvas, icon: IconView, center: Point) -> None:
        """A variation or assurance icon (``notation.kpi``)."""
        cx, cy = center
        r = ICON_RADIUS
        c.saveState()
        c.setFillColor(_hex(icon.fill))
        c.setStrokeColor(colors.white)
        c.setLineWidth(1.0)
        c.circle(cx, cy, r, stroke=1, fill=1)
        c.setLineWidth(r * 0.22)
        c.setLineCap(1)
        for line in icon.glyph:
            self._polygon(c, [(cx + x * r, cy + y * r) for x, y in line], None, "#ffffff",
                          r * 0.22, close=False)  # fmt: skip
        c.restoreState()

    def _finding_badge(self, c: Canvas, center: Point, severity: str) -> None:
        colour = style.FINDING_COLOURS.get(severity, style.FINDING_COLOURS["info"])
        x, y = center
        c.setFillColor(_hex(colour))
        c.setStrokeColor(colors.white)
        c.setLineWidth(0.8)
        c.circle(x, y, 5.5, stroke=1, fill=1)
        mark = "!" if severity != "info" else "i"
        size = REPORT_MIN_FONT_SIZE  # a mark, but text all the same: never below 6 pt
        w = fonts.width(mark, size, True)
        self._text(c, x - w / 2, y + size * 0.36, mark, fonts.font(True), size, "#ffffff")

    def _children_sign(self, c: Canvas, center: Point, colour: str) -> None:
        x, y = center
        c.setStrokeColor(_hex(colour))
        c.setFillColor(colors.white)
        c.setLineWidth(1.0)
        c.rect(x - 5, y - 5, 10, 10, stroke=1, fill=1)
        c.line(x - 3, y, x + 3, y)
        c.line(x, y - 3, x, y + 3)

    def _marker(self, c: Canvas, b: Bounds, kind: str, outgoing: bool) -> None:
        """An off-level marker: a small box with an arrow leaving (|->) or arriving (->|)."""
        self._round_rect(c, b, 3, style.MARKER_FILL, style.MARKER_STROKE, 0.8)
        colour = style.relation_style(kind).colour
        cy = b.y + b.h / 2
        left, right = b.x + 3.5, b.x + b.w - 3.5
        c.setStrokeColor(_hex(colour))
        c.setLineWidth(1.2)
        c.line(left, cy, right, cy)
        bar = left if outgoing else right
        c.line(bar, cy - 4, bar, cy + 4)
        self._polygon(
            c, ((right, cy), (right - 4, cy - 3), (right - 4, cy + 3)), colour, colour, 0.5
        )


class DiagramFlowable(_Painter):
    """One diagram level, scaled to fit the frame width and *max_height* (never above
    print size). Not splittable: it moves to the next page when it does not fit."""

    def __init__(
        self,
        arch: Architecture,
        level: str | None,
        tr: Translator,
        severity_of: Mapping[str, str] | None = None,
        max_height: float = 400.0,
        max_scale: float = PRINT_SCALE,
        part: Bounds | None = None,
        tiles: Sequence[Bounds] = (),
    ) -> None:
        super().__init__()
        self.part = part  # only this part of the diagram (a page of a split map)
        self.tiles = list(tiles)  # on an overview: the parts, outlined and numbered
        self.min_text = 0.0  # text drawn smaller than this (pt) is left out (overview)
        self.max_scale = max_scale
        self.tr = tr
        self.level = level
        self.max_height = max_height
        self.name_font = fonts.font(style.NAME_FONT_BOLD)
        self.detail_font = fonts.font(False)
        measure_name = fonts.measure(style.NAME_FONT_SIZE, style.NAME_FONT_BOLD)
        self.measure_detail = fonts.measure(style.DETAIL_FONT_SIZE)
        severity_of = severity_of or {}
        on_level = arch.shapes.get(level, {})
        self.shapes: list[ShapeView] = [
            shape_view(arch, level, pid, measure_name, self.measure_detail, severity_of.get(pid))
            for pid in on_level
            if pid in arch.processes
        ]
        self.text_boxes = {
            v.process: text_box(v.kind, v.bounds, level is None) for v in self.shapes
        }
        views = (relation_view(arch, level, rid) for rid in diagram_relations(arch, level))
        self.relations: list[RelationView] = [v for v in views if v is not None]
        self.bands = landscape_bands(arch) if level is None else []
        self.arrows = need_arrows(arch) if level is None else None
        self.lanes = [(lane.bounds, arch.units[lane.unit].name) for lane in lanes(arch, level)]
        box = content_bounds(arch, level) or Bounds(0, 0, 10, 10)
        self.box = Bounds(box.x - MARGIN, box.y - MARGIN, box.w + 2 * MARGIN, box.h + 2 * MARGIN)
        if part is not None:
            self.box = part
        self.origin = (self.box.x, self.box.y)
        self.scale = PRINT_SCALE

    # ------------------------------------------------------------------ layout
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.scale = min(self.max_scale, availWidth / self.box.w, self.max_height / self.box.h)
        self.width = self.box.w * self.scale
        self.height = self.box.h * self.scale
        return self.width, self.height

    # ------------------------------------------------------------------ painting
    def draw(self) -> None:
        c: Canvas = self.canv
        self._begin(c)
        if self.part is not None:
            clip = c.beginPath()
            clip.rect(self.box.x, self.box.y, self.box.w, self.box.h)
            c.clipPath(clip, stroke=0, fill=0)
        for band in self.bands:
            self._band(c, band.kind, band.bounds)
        if self.arrows:
            for bounds, label in zip(self.arrows, style.NEED_LABELS, strict=True):
                self._need_arrow(c, bounds, self.tr(label))
        for index, (bounds, name) in enumerate(self.lanes):
            self._lane(c, index, bounds, name)
        for rel in self.relations:
            self._relation(c, rel)
        for shape in self.shapes:
            self._shape(c, shape)
        for rel in self.relations:
            if rel.label:
                self._relation_label(c, rel)
        for number, tile in enumerate(self.tiles, 1):
            self._tile(c, number, tile)
        c.restoreState()

    def _tile(self, c: Canvas, number: int, b: Bounds) -> None:
        """One part of a split map on its overview: outlined, with its page's number."""
        c.saveState()
        c.setStrokeColor(_hex("#5f6b7a"))
        c.setLineWidth(1.2 / self.scale)
        c.setDash([6 / self.scale, 4 / self.scale])
        c.rect(b.x, b.y, b.w, b.h, stroke=1, fill=0)
        c.restoreState()
        size = 14.0 / self.scale
        label = str(number)
        w = fonts.width(label, size, True)
        self._round_rect(
            c,
            Bounds(b.x + 6 / self.scale, b.y + 6 / self.scale, w + size, size * 1.5),
            3,
            "#ffffff",
            "#5f6b7a",
        )
        self._text(
            c,
            b.x + 6 / self.scale + size / 2,
            b.y + 6 / self.scale + size * 1.1,
            label,
            self.name_font,
            size,
            "#2f3a46",
        )

    def _vertical_label(
        self,
        c: Canvas,
        column: Bounds,
        text: str,
        bold: bool,
        size: float,
        colour: str,
        min_size: float | None = None,
    ) -> None:
        """A label reading upwards, centred in a narrow column (as many lines as fit),
        shrunk down to *min_size* before it is cut."""
        size, lines = fit_label(
            text,
            column.h - 6,  # 3 units each end: "Ledningsprocesser" fits a band of 76-unit shapes
            max(1, int((column.w - 2) // (size * 1.2))),
            lambda s: fonts.measure(s, bold),
            size,
            min_size or size,
        )
        measure = fonts.measure(size, bold)
        line_h = size * 1.2
        left = column.x + (column.w - len(lines) * line_h) / 2
        for i, line in enumerate(lines):
            x = left + i * line_h + line_h / 2 + size * 0.36
            y = column.y + column.h / 2 + measure(line) / 2
            self._text(c, x, y, line, fonts.font(bold), size, colour, angle=90)

    def _band(self, c: Canvas, kind: str, b: Bounds) -> None:
        ks = style.kind_style(kind)
        self._round_rect(c, b, 6, ks.band_fill, ks.band_stroke, 1.0)
        column = Bounds(b.x, b.y, BAND_LABEL_WIDTH, b.h)
        self._vertical_label(
            c,
            column,
            self.tr(style.BAND_LABELS.get(kind, kind)),
            style.BAND_FONT_BOLD,
            style.BAND_FONT_SIZE,
            ks.accent,
            REPORT_MIN_FONT_SIZE,
        )

    def _need_arrow(self, c: Canvas, b: Bounds, label: str) -> None:
        self._polygon(c, need_arrow_outline(b), style.NEED_ARROW_FILL, style.NEED_ARROW, 1.0)
        box = need_arrow_text_box(b)
        max_lines = max(1, int(box.h // DETAIL_LINE_HEIGHT))
        lines = fit_lines(label, box.w, max_lines, self.measure_detail)
        top = box.y + (box.h - len(lines) * DETAIL_LINE_HEIGHT) / 2
        for i, line in enumerate(lines):
            x = box.x + (box.w - self.measure_detail(line)) / 2
            y = self._baseline(
                top + i * DETAIL_LINE_HEIGHT, DETAIL_LINE_HEIGHT, style.DETAIL_FONT_SIZE
            )
            self._text(c, x, y, line, self.detail_font, style.DETAIL_FONT_SIZE, style.NEED_ARROW)

    def _lane(self, c: Canvas, index: int, b: Bounds, name: str) -> None:
        fill = style.LANE_FILL[index % len(style.LANE_FILL)]
        c.setFillColor(_hex(fill))
        c.setStrokeColor(_hex(style.LANE_STROKE))
        c.setLineWidth(1.0)
        c.rect(b.x, b.y, b.w, b.h, stroke=1, fill=1)
        header = Bounds(b.x, b.y, LANE_HEADER_WIDTH, b.h)
        c.setFillColor(_hex(style.LANE_HEADER))
        c.rect(header.x, header.y, header.w, header.h, stroke=1, fill=1)
        self._vertical_label(c, header, name, False, style.DETAIL_FONT_SIZE, "#2f3a46")

    def _relation(self, c: Canvas, rel: RelationView) -> None:
        self._line(c, rel.kind, rel.path, rel.head, rel.head_style)

    def _relation_label(self, c: Canvas, rel: RelationView) -> None:
        """The name in the box the notation placed for it, every line of it."""
        size = style.DETAIL_FONT_SIZE
        box = rel.label_box
        if box is None or not rel.label_lines or size * self.scale < self.min_text:
            return  # (no empty box where an overview leaves the text out)
        crowded = None if rel.label_fits else style.LABEL_CROWDED
        self._round_rect(c, box, 3, style.LABEL_BACKGROUND, crowded)
        colour = style.relation_style(rel.kind).colour
        line_h = (box.h - 6.0) / len(rel.label_lines)
        for i, line in enumerate(rel.label_lines):
            w = self.measure_detail(line)
            y = self._baseline(box.y + 3.0 + i * line_h, line_h, size)
            self._text(c, box.x + (box.w - w) / 2, y, line, self.detail_font, size, colour)

    def _shape(self, c: Canvas, v: ShapeView) -> None:
        ks = style.kind_style(v.kind)
        if v.outline.is_polygon:
            self._polygon(c, v.outline.points, ks.fill, ks.stroke, 1.4)
        else:
            self._round_rect(c, v.bounds, v.outline.radius, ks.fill, ks.stroke, 1.4)
        box = self.text_boxes[v.process]
        for i, line in enumerate(v.name_lines):
            w = fonts.width(line, style.NAME_FONT_SIZE, style.NAME_FONT_BOLD)
            y = self._baseline(
                v.name_origin[1] + i * NAME_LINE_HEIGHT, NAME_LINE_HEIGHT, style.NAME_FONT_SIZE
            )
            self._text(
                c, box.x + (box.w - w) / 2, y, line, self.name_font, style.NAME_FONT_SIZE, ks.text
            )
        if v.owner_line:
            w = self.measure_detail(v.owner_line)
            y = self._baseline(v.owner_origin[1], DETAIL_LINE_HEIGHT, style.DETAIL_FONT_SIZE)
            self._text(
                c,
                box.x + (box.w - w) / 2,
                y,
                v.owner_line,
                self.detail_font,
                style.DETAIL_FONT_SIZE,
                ks.accent,
            )
        if v.light:
            self._light(c, v.light_center, v.light)
        for icon, center in zip(v.icons, v.icon_centers, strict=True):
            self._icon(c, icon, center)
        if v.finding_severity:
            self._finding_badge(c, v.finding_center, v.finding_severity)
        if v.has_children:
            self._children_sign(c, v.children_center, ks.stroke)
        self._markers(c, v)

    def _markers(self, c: Canvas, v: ShapeView) -> None:
        if not v.markers:
            return
        step = MARKER_SIZE + 3
        room = max(1, int((v.bounds.w - 40) // step))
        x0, y0 = v.marker_origin
        if v.outline.is_polygon:  # keep clear of the chevron's notch
            x0 += min(26.0, v.bounds.w * 0.18) * 0.6
        shown = v.markers if len(v.markers) <= room else v.markers[: max(0, room - 1)]
        for i, marker in enumerate(shown):
            b = Bounds(x0 + i * step, y0, MARKER_SIZE, MARKER_SIZE)
            self._marker(c, b, marker.kind, marker.outgoing)
        rest = len(v.markers) - len(shown)
        if rest > 0:
            x = x0 + len(shown) * step
            self._text(
                c,
                x + 1,
                y0 + MARKER_SIZE * 0.75,
                f"+{rest}",
                self.detail_font,
                style.DETAIL_FONT_SIZE,
                style.MARKER_STROKE,
            )


class Legend(_Painter):
    """The key to the notation under the process map: kinds, relations, lights,
    findings, sub-processes and off-diagram markers, flowing in rows."""

    ROW = 24.0
    GAP = 22.0

    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self.tr = tr
        self.measure = fonts.measure(style.DETAIL_FONT_SIZE)
        self.items: list[tuple[str, float, Callable[[Canvas, float, float], None]]] = []
        for kind in ("management", "core", "support"):
            self.items.append((tr(KIND_SINGULAR[kind]), 34.0, self._kind_glyph(kind)))
        for kind, label in RELATION_KINDS.items():
            self.items.append((tr(label), 40.0, self._relation_glyph(kind)))
        self.items.append((tr(N_("KPI traffic light")), 38.0, self._lights_glyph))
        self.items.append((tr(N_("Finding")), 14.0, self._finding_glyph))
        self.items.append((tr(N_("Has sub-processes")), 14.0, self._children_glyph))
        self.items.append(
            (tr(N_("Relation to a process on another diagram")), 38.0, self._marker_glyph)
        )
        self.placed: list[tuple[float, float, int]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        room = availWidth / self.scale
        x, y = 0.0, 0.0
        self.placed = []
        for i, (label, glyph_w, _) in enumerate(self.items):
            w = glyph_w + 6 + self.measure(label)
            if x > 0 and x + w > room:
                x, y = 0.0, y + self.ROW
            self.placed.append((x, y, i))
            x += w + self.GAP
        self.width = availWidth
        self.height = (y + self.ROW) * self.scale
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        self._begin(c)
        for x, y, i in self.placed:
            label, glyph_w, glyph = self.items[i]
            glyph(c, x, y + self.ROW / 2)
            self._text(
                c,
                x + glyph_w + 6,
                y + self.ROW / 2 + style.DETAIL_FONT_SIZE * 0.36,
                label,
                fonts.font(False),
                style.DETAIL_FONT_SIZE,
                "#2f3a46",
            )
        c.restoreState()

    def _kind_glyph(self, kind: str) -> Callable[[Canvas, float, float], None]:
        def paint(c: Canvas, x: float, cy: float) -> None:
            ks = style.kind_style(kind)
            b = Bounds(x, cy - 9, 34, 18)
            o = outline(kind, b, chevron=True)
            if o.is_polygon:
                self._polygon(c, o.points, ks.fill, ks.stroke, 1.2)
            else:
                self._round_rect(c, b, 4, ks.fill, ks.stroke, 1.2)

        return paint

    def _relation_glyph(self, kind: str) -> Callable[[Canvas, float, float], None]:
        def paint(c: Canvas, x: float, cy: float) -> None:
            start, end = (x, cy), (x + 40, cy)
            head_style = style.relation_style(kind).head
            head = diamond_head(start, end) if head_style == "diamond" else arrow_head(start, end)
            self._line(c, kind, (start, end), head, head_style)

        return paint

    def _lights_glyph(self, c: Canvas, x: float, cy: float) -> None:
        for i, light in enumerate(("green", "yellow", "red")):
            self._light(c, (x + 6 + i * 13, cy), light)

    def _finding_glyph(self, c: Canvas, x: float, cy: float) -> None:
        self._finding_badge(c, (x + 7, cy), "warning")

    def _children_glyph(self, c: Canvas, x: float, cy: float) -> None:
        self._children_sign(c, (x + 7, cy), "#5f6b7a")

    def _marker_glyph(self, c: Canvas, x: float, cy: float) -> None:
        self._marker(c, Bounds(x, cy - MARKER_SIZE / 2, MARKER_SIZE, MARKER_SIZE), "flow", True)
        self._marker(
            c,
            Bounds(x + MARKER_SIZE + 4, cy - MARKER_SIZE / 2, MARKER_SIZE, MARKER_SIZE),
            "flow",
            False,
        )
