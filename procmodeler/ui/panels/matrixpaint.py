"""Painting of the participation matrix, shared by the widget and the exported image:
colours and sizes, the column widths, the grouped unit header and one cell."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF

from procmodeler.notation.matrix import UnitColumn, header_bands
from procmodeler.notation.style import FINDING_COLOURS

LETTER_COLOURS = {"R": "#1f6feb", "A": "#8250df", "C": "#1a7f37", "I": "#6e7781"}
OWNER_FILL = "#fff4d6"
OWNER_MARK = "#b7791f"
GRID = "#d8dee4"
HEADER_FILL = "#f3f5f8"
HEADER_TEXT = "#24292f"

NAME_WIDTH = 280
MIN_CELL = 46
MAX_CELL = 150
BAND = 22
ROW = 24


def matrix_font(bold: bool = False) -> QFont:
    """The font of the header and the exported image (the application's family)."""
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    font.setPixelSize(11)
    font.setBold(bold)
    return font


def column_widths(cols: list[UnitColumn]) -> list[int]:
    """Widths so that every unit's name fits over its subtree's columns, and a parent's
    own column (labelled with the parent's name in the lowest band) fits that name."""
    plain = QFontMetrics(matrix_font())
    bold = QFontMetrics(matrix_font(True))

    def need(col: UnitColumn) -> int:
        metrics = bold if col.depth == 0 else plain
        return metrics.horizontalAdvance(col.name) + 18

    widths = [MIN_CELL] * len(cols)
    for i, col in enumerate(cols):
        # every column carries its unit's name: a leaf in its band, a parent's own
        # column in the lowest band (plain font)
        name = need(col) if col.span_end == i else plain.horizontalAdvance(col.name) + 18
        widths[i] = max(MIN_CELL, min(MAX_CELL, name))
    # widen a parent's own column when its name is wider than its subtree
    for i in reversed(range(len(cols))):
        col = cols[i]
        wanted = min(MAX_CELL * 2, need(col))
        have = sum(widths[i : col.span_end + 1])
        if wanted > have:
            widths[i] += wanted - have
    return widths


@dataclass(frozen=True)
class HeaderLabel:
    """One name drawn in the grouped header: where, what, and whether in bold."""

    uid: str
    rect: QRectF
    text: str
    bold: bool
    own: bool  # True: the label of a parent unit's own column (lowest band)


def header_labels(
    cols: list[UnitColumn], xs: list[float], widths: list[float], top: float, band: float
) -> list[HeaderLabel]:
    """The names of the grouped header: each unit's name over its subtree's columns at
    its depth, and, for a parent unit, its name again in the lowest band of its own
    column, so that every column says which unit it is."""
    bands = header_bands(cols)
    labels = []
    for i, col in enumerate(cols):
        x0 = xs[i]
        x1 = xs[col.span_end] + widths[col.span_end]
        group = QRectF(x0, top + col.depth * band, x1 - x0, band)
        labels.append(HeaderLabel(col.uid, group, col.name, col.depth == 0, False))
        if col.span_end > i:
            own = QRectF(x0, top + (bands - 1) * band, widths[i], band)
            labels.append(HeaderLabel(col.uid, own, col.name, False, True))
    return labels


# ---------------------------------------------------------------------- painting
def paint_cell(
    painter: QPainter,
    rect: QRectF,
    letters: str | None,
    owner: bool,
    selected: bool = False,
    tint: str | None = None,
    conflict: bool = False,
) -> None:
    """One matrix cell: owner fill and corner mark, letters as coloured badges; a
    *conflict* (a second accountable unit) gets a warning frame and mark."""
    painter.save()
    if owner:
        painter.fillRect(rect, QColor(OWNER_FILL))
    elif tint is not None:
        colour = QColor(tint)
        colour.setAlpha(22)
        painter.fillRect(rect, colour)
    if selected:
        painter.setPen(QPen(QColor("#1f6feb"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
    if owner:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(OWNER_MARK))
        tri = QPolygonF(
            [
                rect.topLeft(),
                QPointF(rect.left() + 9, rect.top()),
                QPointF(rect.left(), rect.top() + 9),
            ]
        )
        painter.drawPolygon(tri)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if letters:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(10)
        painter.setFont(font)
        size = 15.0
        gap = 2.0
        total = len(letters) * size + (len(letters) - 1) * gap
        x = rect.center().x() - total / 2
        y = rect.center().y() - size / 2
        for letter in letters:
            box = QRectF(x, y, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(LETTER_COLOURS[letter]))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
            x += size + gap
    elif letters == "":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#8c959f"))
        painter.drawEllipse(rect.center(), 2.5, 2.5)
    if conflict:
        _paint_conflict(painter, rect)
    painter.restore()


def _paint_conflict(painter: QPainter, rect: QRectF) -> None:
    """A warning frame and a "!" in the top right corner of a cell."""
    warn = QColor(FINDING_COLOURS["warning"])
    painter.setPen(QPen(warn, 1.5, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
    mark = QRectF(rect.right() - 10, rect.top() + 1, 9, 9)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(warn)
    painter.drawEllipse(mark)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(8)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, "!")


def paint_header(
    painter: QPainter,
    cols: list[UnitColumn],
    xs: list[float],
    widths: list[float],
    top: float,
    band: float,
    name_rect: QRectF | None,
    severities: dict[str, str] | None = None,
    name_label: str = "",
) -> None:
    """The grouped header: each unit's name over its subtree's columns at its depth; a
    parent's own column continues downwards and carries the parent's name again in the
    lowest band (see ``header_labels``); a stripe marks units with findings."""
    bands = header_bands(cols)
    height = bands * band
    painter.save()
    pen = QPen(QColor(GRID))
    pen.setCosmetic(True)
    font = matrix_font()
    bold = matrix_font(True)
    metrics = QFontMetrics(bold)
    plain_metrics = QFontMetrics(font)
    if name_rect is not None:
        painter.fillRect(name_rect, QColor(HEADER_FILL))
        painter.setPen(pen)
        painter.drawRect(name_rect)
        painter.setFont(bold)
        painter.setPen(QColor(HEADER_TEXT))
        painter.drawText(
            name_rect.adjusted(8, 0, -4, -4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            name_label,
        )
    for i, col in enumerate(cols):
        x0 = xs[i]
        x1 = xs[col.span_end] + widths[col.span_end]
        y = top + col.depth * band
        group = QRectF(x0, y, x1 - x0, band)
        own = QRectF(x0, y, widths[i], top + height - y)
        fill = QColor(HEADER_FILL).darker(100 + 4 * (bands - col.depth - 1))
        painter.fillRect(group, fill)
        painter.fillRect(own, fill)
        painter.setPen(pen)
        painter.drawRect(group)
        painter.drawRect(own)
        severity = (severities or {}).get(col.uid)
        if severity is not None:
            if severity in ("error", "warning"):
                wash = QColor(FINDING_COLOURS[severity])
                wash.setAlpha(40)
                painter.fillRect(own, wash)
            painter.fillRect(
                QRectF(x0 + 1, top + height - 4, widths[i] - 2, 3),
                QColor(FINDING_COLOURS[severity]),
            )
    for label in header_labels(cols, xs, widths, top, band):
        painter.setFont(bold if label.bold else font)
        painter.setPen(QColor(HEADER_TEXT))
        fm = metrics if label.bold else plain_metrics
        text = fm.elidedText(label.text, Qt.TextElideMode.ElideRight, int(label.rect.width() - 6))
        painter.drawText(label.rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
