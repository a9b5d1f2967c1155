"""The decoration behind a diagram's shapes: landscape bands, need arrows, swimlanes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from procmodeler.model.elements import Bounds
from procmodeler.notation import style as ns
from procmodeler.notation.geometry import (
    BAND_LABEL_WIDTH,
    LANE_HEADER_WIDTH,
    Band,
    Lane,
    need_arrow_outline,
    need_arrow_text_box,
)
from procmodeler.notation.labels import fit_label
from procmodeler.notation.views import DETAIL_LINE_HEIGHT
from procmodeler.ui.canvas import style as qs

Z_BAND = -100.0
Z_ARROW = -90.0


def vertical_label(
    text: str, column: QRectF, size: float, bold: bool, min_size: float | None = None
) -> tuple[float, list[str]]:
    """Font size and lines of a label reading upwards in a narrow *column*: as many lines
    as fit across it, shrunk down to *min_size* before it is cut (as in the report)."""
    return fit_label(
        text,
        column.height() - 8,
        max(1, int((column.width() - 2) // (size * 1.2))),
        lambda px: qs.metrics(px, bold).horizontalAdvance,
        size,
        min_size or size,
    )


def _paint_vertical(
    painter: QPainter, column: QRectF, lines: list[str], size: float, bold: bool, colour: str
) -> None:
    painter.save()
    painter.translate(column.center())
    painter.rotate(-90)
    painter.setPen(qs.colour(colour))
    painter.setFont(qs.font(size, bold))
    rect = QRectF(-column.height() / 2, -column.width() / 2, column.height(), column.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "\n".join(lines))
    painter.restore()


class BandItem(QGraphicsItem):
    """A landscape band behind the processes of one kind, labelled on its left."""

    def __init__(self, band: Band, label: str) -> None:
        super().__init__()
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.band = band
        self.label = label
        self._rect = qs.rect(band.bounds)
        self._column = QRectF(self._rect.x(), self._rect.y(), BAND_LABEL_WIDTH, self._rect.height())
        self.font_size, self.lines = vertical_label(
            label, self._column, ns.BAND_FONT_SIZE, ns.BAND_FONT_BOLD, ns.BAND_MIN_FONT_SIZE
        )

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        k = ns.kind_style(self.band.kind)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(qs.pen(k.band_stroke, 1.0))
        painter.setBrush(qs.colour(k.band_fill))
        painter.drawRoundedRect(self._rect, 6, 6)
        _paint_vertical(
            painter, self._column, self.lines, self.font_size, ns.BAND_FONT_BOLD, k.accent
        )


class NeedArrowItem(QGraphicsItem):
    """The "customer need" / "satisfied need" arrow beside the core band."""

    def __init__(self, bounds: Bounds, label: str) -> None:
        super().__init__()
        self.setZValue(Z_ARROW)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._rect = qs.rect(bounds)
        self.label = label
        self._polygon = qs.polygon(need_arrow_outline(bounds))
        box = need_arrow_text_box(bounds)
        self._text_rect = qs.rect(box)
        # shrink rather than cut a long single word ("Tillfredsställt")
        self.font_size, self._lines = fit_label(
            label,
            box.w,
            max(1, int(box.h // DETAIL_LINE_HEIGHT)),
            lambda px: qs.metrics(px).horizontalAdvance,
            ns.DETAIL_FONT_SIZE,
            6.0,
        )

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(qs.pen(ns.NEED_ARROW, 1.0))
        painter.setBrush(qs.colour(ns.NEED_ARROW_FILL))
        painter.drawPolygon(self._polygon)
        painter.setPen(qs.colour(ns.NEED_ARROW))
        painter.setFont(qs.font(self.font_size))
        painter.drawText(self._text_rect, Qt.AlignmentFlag.AlignCenter, "\n".join(self._lines))


class LaneItem(QGraphicsItem):
    """A swimlane of one participating unit, with its name in a header on the left."""

    def __init__(self, lane: Lane, label: str, index: int) -> None:
        super().__init__()
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.lane = lane
        self.label = label
        self.index = index
        self._rect = qs.rect(lane.bounds)
        self._header = QRectF(
            self._rect.x(), self._rect.y(), LANE_HEADER_WIDTH, self._rect.height()
        )
        self.font_size, self.lines = vertical_label(label, self._header, ns.DETAIL_FONT_SIZE, False)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        painter.setPen(qs.pen(ns.LANE_STROKE, 1.0))
        painter.setBrush(qs.colour(ns.LANE_FILL[self.index % len(ns.LANE_FILL)]))
        painter.drawRect(self._rect)
        painter.setBrush(qs.colour(ns.LANE_HEADER))
        painter.drawRect(self._header)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _paint_vertical(painter, self._header, self.lines, self.font_size, False, "#2f3a46")
