"""*Compare with…* and merge conflicts in the app: marks of added, changed and removed
processes on the map with a legend, the list of changes, and the list of recorded
merge conflicts to resolve one by one (each resolution one undo entry).

Texts come from the Qt-free catalogue (``resources/translations/sv/teams.po``), like
the messages of the layers below, in the app's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyleOptionGraphicsItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.app.compare import (
    ADDED_PROCESS,
    CHANGED_PROCESS,
    REMOVED_PROCESS,
    Comparison,
)
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.io.diff import CHANGED, Namer, field_label
from procmodeler.io.merge import conflicts_of
from procmodeler.io.records import BY_NAME
from procmodeler.io.resolve import OURS, THEIRS, resolve
from procmodeler.ui.canvas.items import Z_SELECTED, ShapeItem
from procmodeler.ui.context import EditorContext

#: Colour and marker of each status, and its legend text.
STATUS_LOOK: dict[str, tuple[str, str, str]] = {
    ADDED_PROCESS: ("#2e7d32", "+", N_("added")),
    CHANGED_PROCESS: ("#e65100", "Δ", N_("changed")),
    REMOVED_PROCESS: ("#c62828", "−", N_("removed")),
}
BADGE = 18.0
ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_LEVEL = Qt.ItemDataRole.UserRole + 2


class ChangeMark(QGraphicsItem):
    """A coloured frame and a round marker on a shape (or, for a removed process, a
    dashed ghost of its old shape with its name)."""

    def __init__(self, status: str, rect: QRectF, name: str = "") -> None:
        super().__init__()
        self.status = status
        self.rect = rect
        self.name = name
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(Z_SELECTED + 1)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect.adjusted(-6, -BADGE, BADGE, 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None
    ) -> None:
        scene = self.scene()
        if scene is not None and getattr(scene, "exporting", False):
            return
        colour, marker, _ = STATUS_LOOK[self.status]
        pen = QPen(QColor(colour), 3.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self.rect.adjusted(-4, -4, 4, 4)
        if self.status == REMOVED_PROCESS:
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setBrush(QBrush(QColor(255, 235, 238, 200)))
            painter.setPen(pen)
            painter.drawRoundedRect(self.rect, 6, 6)
            painter.setPen(QColor(colour))
            painter.drawText(self.rect.adjusted(6, 6, -6, -6),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.name)  # fmt: skip
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawRoundedRect(frame, 6, 6)
        badge = QRectF(frame.right() - BADGE / 2, frame.top() - BADGE / 2, BADGE, BADGE)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(QColor(colour)))
        painter.drawEllipse(badge)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(int(BADGE * 0.8))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, marker)


class CompareMarks:
    """Keeps the marks of one comparison on a canvas's scene, whatever level it shows."""

    def __init__(self, context: EditorContext, scene: Any) -> None:
        self.context = context
        self.scene = scene
        self.comparison: Comparison | None = None
        context.committed.connect(lambda _event: self.refresh())
        context.levelChanged.connect(lambda _level: self.refresh())
        context.documentReplaced.connect(self.clear)

    def show(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.refresh()

    def clear(self) -> None:
        self.show(None)

    def marks(self) -> list[ChangeMark]:
        return [item for item in self.scene.items() if isinstance(item, ChangeMark)]

    def refresh(self) -> None:
        for item in self.marks():
            self.scene.removeItem(item)
        comparison = self.comparison
        if comparison is None:
            return
        level = self.scene.level
        for pid, status in comparison.on_level(level).items():
            if status == REMOVED_PROCESS:
                bounds = comparison.removed_shapes[level][pid]
                rect = QRectF(bounds.x, bounds.y, bounds.w, bounds.h)
                old = comparison.old.processes.get(pid)
                mark = ChangeMark(status, rect, old.name if old else pid)
                mark.setZValue(Z_SELECTED - 1)
                self.scene.addItem(mark)
                continue
            shape: ShapeItem | None = self.scene.shapes.get(pid)
            if shape is not None:
                b = shape.view.bounds
                ChangeMark(status, QRectF(0, 0, b.w, b.h)).setParentItem(shape)


class Legend(QLabel):
    """What the colours and markers mean, in a corner of the map."""

    def __init__(self, context: EditorContext, parent: QWidget) -> None:
        super().__init__(parent)
        tr = context.catalogue()
        rows = "".join(
            f"<td><span style='color:{colour};font-weight:bold'>&#9679; {marker}</span> "
            f"{tr(text)}&nbsp;&nbsp;</td>"
            for colour, marker, text in STATUS_LOOK.values()
        )
        self.setText(f"<b>{tr('Compared with')}</b> {{name}}<table><tr>{rows}</tr></table>")
        self.template = self.text()
        self.setObjectName("compareLegend")
        self.setStyleSheet(
            "QLabel#compareLegend { background: rgba(255,255,255,230); border: 1px solid #999;"
            " border-radius: 4px; padding: 4px; }"
        )
        self.move(8, 8)
        self.hide()

    def show_for(self, name: str | None) -> None:
        if name is None:
            self.hide()
            return
        self.setText(self.template.replace("{name}", name.replace("<", "&lt;")))
        self.adjustSize()
        self.show()
        self.raise_()


def _reveal_target(kind_name: str, key: Any) -> tuple[str | None, int]:
    """The element to reveal for a change: its own id, or the element its key names."""
    kind = BY_NAME[kind_name]
    if kind.name == "architecture":
        return None, 0
    if not kind.parts:
        return str(key), 0
    parts = kind.key_parts(key)
    index = len(parts) - 1 if kind.layout else 0
    part = parts[index]
    return (part if isinstance(part, str) else None), index


class ChangesPanel(QWidget):
    """The changes of the current comparison, one group per element; double-click
    reveals the element."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        tr = context.catalogue()
        self.setObjectName("changesPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        self.summary = QLabel(tr("No comparison."))
        self.summary.setWordWrap(True)
        head.addWidget(self.summary, 1)
        self.close_button = QPushButton(tr("End comparison"))
        self.close_button.setEnabled(False)
        head.addWidget(self.close_button)
        layout.addLayout(head)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Element"), tr("Field"), tr("Old"), tr("New")])
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout.addWidget(self.tree, 1)

    def show_comparison(self, comparison: Comparison | None, name: str = "") -> None:
        tr = self.context.catalogue()
        self.tree.clear()
        self.close_button.setEnabled(comparison is not None)
        if comparison is None:
            self.summary.setText(tr("No comparison."))
            return
        namer = Namer(comparison.old, self.context.arch, tr)
        groups: dict[tuple[str, Any], QTreeWidgetItem] = {}
        layout: QTreeWidgetItem | None = None
        ordered = sorted(comparison.differences, key=lambda c: BY_NAME[c.kind].layout)
        for change in ordered:
            kind = BY_NAME[change.kind]
            group = groups.get((change.kind, change.key))
            if group is None:
                record = change.new if change.new is not None and change.field is None else None
                record = (
                    record if record is not None else (change.old if change.field is None else None)
                )
                title = namer.title(kind, change.key, record)
                group = QTreeWidgetItem([title, tr(change.op) if change.op != CHANGED else ""])
                target, _ = _reveal_target(change.kind, change.key)
                group.setData(0, ROLE_ID, target)
                groups[(change.kind, change.key)] = group
                if kind.layout and layout is None:
                    layout = QTreeWidgetItem([tr("Layout")])
                    self.tree.addTopLevelItem(layout)
                if kind.layout and layout is not None:
                    layout.addChild(group)
                else:
                    self.tree.addTopLevelItem(group)
            if change.op == CHANGED and change.field is not None:
                row = QTreeWidgetItem(
                    [
                        "",
                        field_label(change.kind, change.field, tr),
                        namer.value(kind, change.field, change.old),
                        namer.value(kind, change.field, change.new),
                    ]
                )
                row.setData(0, ROLE_ID, group.data(0, ROLE_ID))
                group.addChild(row)
        self.tree.expandAll()
        if layout is not None:
            layout.setExpanded(False)  # kept apart: open it to see the layout changes
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.summary.setText(
            Message(
                N_("Compared with {name}: {n} change"),
                N_("Compared with {name}: {n} changes"),
                len(comparison.differences),
                name=name,
            ).text(tr)
        )

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, ROLE_ID)
        if target:
            arch = self.context.arch
            if target in arch.processes or target in arch.relations:
                self.context.reveal(target)
            else:
                self.context.set_selection([target])


class ConflictsPanel(QWidget):
    """The merge conflicts recorded in the model, resolved one by one."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        tr = context.catalogue()
        self.setObjectName("conflictsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr("Element"), tr("Field"), tr("Ours (kept)"), tr("Theirs")])
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.ours_button = QPushButton(tr("Keep ours"))
        self.theirs_button = QPushButton(tr("Take theirs"))
        self.ours_button.clicked.connect(lambda: self.resolve_current(OURS))
        self.theirs_button.clicked.connect(lambda: self.resolve_current(THEIRS))
        buttons.addStretch(1)
        buttons.addWidget(self.ours_button)
        buttons.addWidget(self.theirs_button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        layout.addWidget(self.message)
        context.committed.connect(lambda _event: self.refresh())
        context.documentReplaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        tr = self.context.catalogue()
        arch = self.context.arch
        current = self.tree.currentItem()
        keep = current.data(0, ROLE_ID) if current is not None else None
        self.tree.clear()
        namer = Namer(arch, arch, tr)
        for conflict in conflicts_of(arch):
            kind = BY_NAME[conflict.kind]
            record = None if conflict.field else (conflict.ours or conflict.theirs)
            if conflict.field:
                ours = namer.value(kind, conflict.field, conflict.ours)
                theirs = namer.value(kind, conflict.field, conflict.theirs)
                label = field_label(conflict.kind, conflict.field, tr)
            else:
                ours = tr("(deleted)") if conflict.ours is None else tr("(kept)")
                theirs = tr("(deleted)") if conflict.theirs is None else tr("(changed)")
                label = ""
            item = QTreeWidgetItem([namer.title(kind, conflict.key, record), label, ours, theirs])
            item.setData(0, ROLE_ID, conflict.entry_key)
            self.tree.addTopLevelItem(item)
            if conflict.entry_key == keep:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        count = self.tree.topLevelItemCount()
        self.summary.setText(
            Message(
                N_(
                    "{n} merge conflict to resolve. The model keeps our side until you take theirs."
                ),
                N_(
                    "{n} merge conflicts to resolve. The model keeps our side until you take theirs."
                ),
                count,
            ).text(tr)
            if count
            else tr("No merge conflicts.")
        )
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.tree.currentItem() is not None
        self.ours_button.setEnabled(has)
        self.theirs_button.setEnabled(has)

    def resolve_current(self, take: str) -> bool:
        item = self.tree.currentItem()
        if item is None:
            return False
        self.message.clear()
        try:
            resolve(self.context.editor, tuple(item.data(0, ROLE_ID)), take)  # type: ignore[arg-type]
        except UserError as exc:
            self.message.setText("\n".join(exc.lines(self.context.catalogue())))
            return False
        return True

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind, element_id, _field = item.data(0, ROLE_ID)
        target, _ = _reveal_target(kind, BY_NAME[kind].parse_id(element_id))
        if target and (
            target in self.context.arch.processes or target in self.context.arch.relations
        ):
            self.context.reveal(target)
        elif target:
            self.context.set_selection([target])


__all__ = ["ChangeMark", "ChangesPanel", "CompareMarks", "ConflictsPanel", "Legend"]
