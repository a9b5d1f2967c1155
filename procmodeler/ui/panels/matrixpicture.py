"""The participation matrix as an image (rows as expanded in the panel, with a title and
a legend), written by the app's one image writer (``procmodeler.ui.export``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from procmodeler.notation.matrix import UnitColumn, header_bands
from procmodeler.notation.style import kind_style
from procmodeler.ui import export
from procmodeler.ui.panels._common import _t
from procmodeler.ui.panels.matrixpaint import (
    BAND,
    GRID,
    HEADER_TEXT,
    ROW,
    column_widths,
    matrix_font,
    paint_cell,
    paint_header,
)
from procmodeler.ui.words import raci_labels

if TYPE_CHECKING:
    from procmodeler.ui.panels.matrix import ParticipationMatrix

MARGIN = 24.0
TITLE_H = 34.0
LEGEND_H = 30.0


def _legend_entries() -> list[tuple[str | None, str]]:
    roles: list[tuple[str | None, str]] = list(raci_labels().items())
    return [*roles, (None, _t("Owner’s unit"))]


def _title_font(font: QFont) -> QFont:
    title = QFont(font)
    title.setPixelSize(16)
    title.setBold(True)
    return title


def export_title(panel: ParticipationMatrix) -> str:
    heading = _t("Participation (RACI)")
    name = panel.context.arch.meta.name
    return f"{name} — {heading}" if name else heading


@dataclass
class MatrixPicture:
    """The laid-out matrix of a panel: sizes in diagram units (1/96 inch)."""

    panel: ParticipationMatrix
    cols: list[UnitColumn]
    widths: list[float]
    rows: list[tuple[str, int]]  # (process id, depth), as expanded in the panel
    name_w: float
    header_h: float
    width: float
    height: float

    @classmethod
    def of(cls, panel: ParticipationMatrix) -> MatrixPicture:
        font = matrix_font()
        metrics = QFontMetrics(font)
        cols = panel.matrix.cols
        widths = [float(w) for w in column_widths(cols)]
        rows = panel.visible_rows()
        arch = panel.context.arch
        name_w = max(
            [200.0]
            + [metrics.horizontalAdvance(arch.processes[p].name) + 16.0 * d + 30 for p, d in rows]
        )
        name_w = min(name_w, 360.0)
        header_h = header_bands(cols) * BAND + 6
        legend_w = sum(30.0 + metrics.horizontalAdvance(word) for _l, word in _legend_entries())
        title_w = QFontMetrics(_title_font(font)).horizontalAdvance(export_title(panel)) + 10
        if name_w + sum(widths) < max(legend_w, title_w):
            name_w += max(legend_w, title_w) - name_w - sum(widths)
        width = MARGIN * 2 + name_w + sum(widths)
        height = MARGIN * 2 + TITLE_H + header_h + ROW * len(rows) + LEGEND_H
        return cls(panel, cols, widths, rows, name_w, header_h, width, height)

    def size(self) -> QSizeF:
        return QSizeF(self.width, self.height)

    def draw(self, painter: QPainter, target: QRectF) -> None:
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / self.width, target.height() / self.height)
        self.paint(painter)
        painter.restore()

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter) -> None:
        """Draw the whole matrix in diagram units."""
        m = MARGIN
        painter.fillRect(QRectF(0, 0, self.width, self.height), QColor("white"))
        font = matrix_font()
        painter.setFont(_title_font(font))
        painter.setPen(QColor(HEADER_TEXT))
        painter.drawText(
            QRectF(m, m, self.width - 2 * m, TITLE_H),
            Qt.AlignmentFlag.AlignLeft,
            export_title(self.panel),
        )
        painter.setFont(font)
        top = m + TITLE_H
        xs = []
        x = m + self.name_w
        for w in self.widths:
            xs.append(x)
            x += w
        band = (self.header_h - 1) / max(1, header_bands(self.cols))
        name_rect = QRectF(m, top, self.name_w, self.header_h - 1)
        paint_header(painter, self.cols, xs, self.widths, top, band, name_rect, None, _t("Process"))
        y = self._paint_rows(painter, xs, top + self.header_h)
        # grid verticals and frame
        painter.setPen(QPen(QColor(GRID), 0))
        for i in range(len(self.cols)):
            painter.drawLine(QPointF(xs[i], top + self.header_h), QPointF(xs[i], y))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(m, top, self.name_w + sum(self.widths), y - top))
        self._paint_legend(painter, y + 10)

    def _paint_rows(self, painter: QPainter, xs: list[float], y: float) -> float:
        """The process rows from *y* down; returns the y below the last row."""
        m = MARGIN
        arch = self.panel.context.arch
        font = matrix_font()
        metrics = QFontMetrics(font)
        bold = QFont(font)
        bold.setBold(True)
        total = self.name_w + sum(self.widths)
        for n, (pid, depth) in enumerate(self.rows):
            proc = arch.processes[pid]
            if n % 2:
                painter.fillRect(QRectF(m, y, total, ROW), QColor("#f8f9fb"))
            style = kind_style(proc.kind)
            painter.fillRect(QRectF(m + 4 + 16 * depth, y + 6, 4, ROW - 12), QColor(style.stroke))
            painter.setFont(bold if depth == 0 else font)
            painter.setPen(QColor(HEADER_TEXT))
            text_rect = QRectF(m + 14 + 16 * depth, y, self.name_w - 18 - 16 * depth, ROW)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(proc.name, Qt.TextElideMode.ElideRight, int(text_rect.width())),
            )
            painter.setFont(font)
            owner_unit = self.panel.matrix.owner_unit(pid)
            for i, col in enumerate(self.cols):
                cell = QRectF(xs[i], y, self.widths[i], ROW)
                letters = arch.participation.get((pid, col.uid))
                paint_cell(painter, cell, letters, owner_unit == col.uid)
            painter.setPen(QPen(QColor(GRID), 0))
            painter.drawLine(QPointF(m, y + ROW), QPointF(m + total, y + ROW))
            y += ROW
        return y

    def _paint_legend(self, painter: QPainter, y: float) -> None:
        metrics = QFontMetrics(matrix_font())
        x = MARGIN
        for letter, word in _legend_entries():
            paint_cell(painter, QRectF(x, y, 18, 18), letter, letter is None)
            painter.setPen(QColor(HEADER_TEXT))
            painter.drawText(QRectF(x + 22, y, 200, 18), Qt.AlignmentFlag.AlignVCenter, word)
            x += 30 + metrics.horizontalAdvance(word)


def export_matrix(panel: ParticipationMatrix, path: str | Path, dpi: int = 192) -> Path:
    """Write the matrix to *path*: PNG (at *dpi*, lowered for a huge matrix), SVG (text
    as text) or PDF, chosen by the suffix (PNG when there is none). Raises OSError when
    the file cannot be written."""
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        path = path.with_suffix(".png")
    export.export_image(MatrixPicture.of(panel), path, dpi, _t("Participation (RACI)"))
    return path
