"""The map coloured by establishment level or by objective (View › Colour the Map By):
each shape gets a light wash and a band of its colour(s) (one stripe per top-level
objective it serves), and a legend in the map's bottom right corner says what the
colours mean (no wider than 40 % of the map, folded to its title by a click).
The colours are ``notation/strategy.py``'s; the marks are items on the shapes, so the
canvas itself is not changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QMouseEvent, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QLabel, QMenu, QStyleOptionGraphicsItem, QWidget

from procmodeler.model.events import Committed
from procmodeler.notation.strategy import MODES, legend, process_colours
from procmodeler.ui.canvas.items import ShapeItem
from procmodeler.ui.context import EditorContext
from procmodeler.ui.strategy.common import levels

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow

BAND = 7.0
WIDEST = 0.4  # of the map's width, the legend at most


class ColourMark(QGraphicsItem):
    """A wash over a shape's outline and a band of stripes along its bottom."""

    def __init__(self, outline: QPainterPath, rect: QRectF, colours: list[str]) -> None:
        super().__init__()
        self.outline = outline
        self.rect = rect
        self.colours = colours
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None
    ) -> None:
        scene = self.scene()
        if scene is not None and getattr(scene, "exporting", False):
            return  # an exported image has no legend: the map's own colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        wash = QColor(self.colours[0])
        wash.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(self.outline, wash)
        painter.save()
        painter.setClipPath(self.outline)
        width = self.rect.width() / len(self.colours)
        for i, colour in enumerate(self.colours):
            band = QRectF(
                self.rect.left() + i * width, self.rect.bottom() - BAND, width + 0.5, BAND
            )
            painter.fillRect(band, QColor(colour))
        painter.restore()


class MapLegend(QLabel):
    """What the colours mean, in the map's bottom right corner (the bands and their
    processes start at the top left). It takes at most ``WIDEST`` of the map's width,
    its rows cut with "…" to fit (the whole texts in its tooltip); a click folds it to
    its title and unfolds it again."""

    def __init__(self, parent: QWidget, fold_hint: str = "") -> None:
        super().__init__(parent)
        parent.installEventFilter(self)  # follow the map's size
        self.setObjectName("strategyLegend")
        self.setStyleSheet(
            "QLabel#strategyLegend { background: rgba(255,255,255,235); border: 1px solid #999;"
            " border-radius: 4px; padding: 4px; }"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.fold_hint = fold_hint
        self.folded = False
        self.title = ""
        self.rows: list[tuple[str, str]] = []
        self.hide()

    def show_rows(self, title: str, rows: list[tuple[str, str]]) -> None:
        self.title, self.rows = title, rows
        self.setToolTip("\n".join([*(text for _, text in rows), "", self.fold_hint]).strip())
        self._render()
        self.show()
        self.raise_()

    def room(self) -> int:
        """The widest a row's text may be: what ``WIDEST`` of the map leaves beside the
        colour square and the padding."""
        parent = self.parentWidget()
        width = parent.width() if parent is not None else 800
        return max(80, int(width * WIDEST) - 40)

    def _render(self) -> None:
        def escape(text: str) -> str:
            return text.replace("&", "&amp;").replace("<", "&lt;")

        metrics = self.fontMetrics()
        room = self.room()
        title = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, room)
        mark = "▸" if self.folded else "▾"
        cells = "".join(
            f"<tr><td><span style='color:{colour}; font-size:14px'>&#9632;</span></td>"
            f"<td>{escape(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))}</td></tr>"
            for colour, text in ([] if self.folded else self.rows)
        )
        table = f"<table cellspacing='2'>{cells}</table>" if cells else ""
        self.setText(f"<b>{mark} {escape(title)}</b>{table}")
        self.adjustSize()
        self.place()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt name
        if event.button() == Qt.MouseButton.LeftButton:
            self.folded = not self.folded
            self._render()
            event.accept()
            return
        super().mousePressEvent(event)

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            x = max(8, parent.width() - self.width() - 8)
            self.move(x, max(8, parent.height() - self.height() - 8))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._render()  # the rows fit the new width
        return False


class MapColouring(QObject):
    """The colouring of one window's map and its menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.context: EditorContext = window.context
        self.scene = window.canvas.scene
        self.mode = "kind"
        tr = self.context.catalogue()
        self.legend = MapLegend(
            window.canvas.view.viewport(), tr("Click the legend to fold or unfold it.")
        )
        self.menu = QMenu(tr("Colour the Map &By"), window)
        self.menu.setObjectName("mapColourMenu")
        group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for mode, text in zip(
            MODES,
            (tr("Kind of Process"), tr("Establishment Level"), tr("Objective")),
            strict=True,
        ):
            action = self.menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(mode == self.mode)
            action.setObjectName(f"colourBy_{mode}")
            action.triggered.connect(lambda _c=False, m=mode: self.set_mode(m))
            group.addAction(action)
            self.actions[mode] = action
        self.context.committed.connect(self._on_committed)
        self.context.levelChanged.connect(lambda _level: self.refresh())
        self.context.documentReplaced.connect(self.refresh)

    def set_mode(self, mode: str) -> None:
        """ "kind" (the map's own colours), "established" or "objective"."""
        self.mode = mode
        self.actions[mode].setChecked(True)
        self.refresh()

    def _on_committed(self, event: Committed) -> None:
        if self.mode == "kind":
            return
        imp = self.context.impact(event)
        if imp.processes or imp.contributions or imp.objectives or imp.shapes or imp.tree:
            self.refresh()

    def marks(self) -> list[ColourMark]:
        return [item for item in self.scene.items() if isinstance(item, ColourMark)]

    def refresh(self) -> None:
        """Repaint the marks of the level shown, and the legend."""
        for item in self.marks():
            self.scene.removeItem(item)
        if self.mode == "kind":
            self.legend.hide()
            return
        arch = self.context.arch
        for pid, shape in self.scene.shapes.items():
            if pid not in arch.processes or not isinstance(shape, ShapeItem):
                continue
            colours = process_colours(arch, pid, self.mode)
            b = shape.view.bounds
            outline = getattr(shape, "_outline", None) or shape.shape()
            mark = ColourMark(outline, QRectF(0, 0, b.w, b.h), colours)
            mark.setParentItem(shape)
        self._show_legend()

    def _show_legend(self) -> None:
        arch = self.context.arch
        tr = self.context.catalogue()
        if self.mode == "established":
            words = levels(tr)
            rows = [(c, words[k] if k else tr("Not assessed")) for c, k in legend(arch, self.mode)]
            self.legend.show_rows(tr("Establishment level"), rows)
        else:
            rows = [
                (c, arch.objectives[k].name if k else tr("Serves no objective"))
                for c, k in legend(arch, self.mode)
            ]
            self.legend.show_rows(tr("Objective (with sub-objectives)"), rows)
