"""Shared pieces of the panels: running an operation with a readable refusal, dialogs
that tests can replace, names of elements for display, and editors that commit one
undo entry per field edit (on Enter or focus-out, never per key)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from procmodeler.common.errors import UserError
from procmodeler.model.architecture import Architecture
from procmodeler.notation.style import FINDING_COLOURS, LIGHT_COLOURS
from procmodeler.ui.context import EditorContext


def _t(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


# ---------------------------------------------------------------------- dialogs
class Dialogs:
    """The questions the panels ask the user. Tests replace these attributes."""

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    @staticmethod
    def get_multiline(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
        return value if ok else None

    @staticmethod
    def choose(
        parent: QWidget | None, title: str, label: str, items: Sequence[str], current: int = 0
    ) -> int | None:
        if not items:
            return None
        value, ok = QInputDialog.getItem(parent, title, label, list(items), current, False)
        return list(items).index(value) if ok else None

    @staticmethod
    def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, name, filters)
        return path or None

    @staticmethod
    def warn(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


dialogs = Dialogs()


def run_op(
    widget: QWidget | None, context: EditorContext, op: Callable[..., Any], *args: Any, **kw: Any
) -> bool:
    """Call an operation on the context's editor; show a refusal instead of raising.
    Returns True when the operation went through."""
    try:
        op(context.editor, *args, **kw)
    except UserError as exc:
        dialogs.warn(widget, _t("Not possible"), "\n".join(exc.lines(context.catalogue())))
        return False
    except ValueError as exc:  # e.g. a number that does not parse
        dialogs.warn(widget, _t("Not possible"), str(exc))
        return False
    return True


# ---------------------------------------------------------------------- names
def element_name(arch: Architecture, element_id: str) -> str:
    """The display name of any element id (the id itself when it is unknown)."""
    for coll in (arch.processes, arch.units, arch.people):
        element = coll.get(element_id)
        if element is not None:
            return element.name
    rel = arch.relations.get(element_id)
    if rel is not None:
        a = arch.processes.get(rel.source)
        b = arch.processes.get(rel.target)
        return f"{a.name if a else rel.source} → {b.name if b else rel.target}"
    kpi = arch.kpis.get(element_id)
    if kpi is not None:
        return kpi.name
    return element_id


def process_path(arch: Architecture, pid: str) -> str:
    """'Top › Middle › Process' for a process, for lists where names may repeat."""
    names = [arch.processes[p].name for p in reversed(arch.ancestors(pid))]
    names.append(arch.processes[pid].name)
    return " › ".join(names)


def level_name(arch: Architecture, level: str | None) -> str:
    if level is None:
        return _t("Process map")
    return process_path(arch, level) if level in arch.processes else level


def dot_icon(colour: str, size: int = 12) -> QIcon:
    """A filled circle, for traffic lights and severities."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = QColor(colour)
    p.setPen(c.darker(130))
    p.setBrush(c)
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pix)


_ICONS: dict[str, QIcon] = {}


def light_icon(light: str | None) -> QIcon:
    if light is None:
        return QIcon()
    key = "light:" + light
    if key not in _ICONS:
        _ICONS[key] = dot_icon(LIGHT_COLOURS[light])
    return _ICONS[key]


def severity_icon(severity: str) -> QIcon:
    key = "sev:" + severity
    if key not in _ICONS:
        colour = FINDING_COLOURS.get(severity, FINDING_COLOURS["info"])
        pix = QPixmap(14, 14)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        if severity == "error":
            p.drawEllipse(1, 1, 12, 12)
            glyph = "!"
        elif severity == "warning":
            from PySide6.QtCore import QPointF
            from PySide6.QtGui import QPolygonF

            p.drawPolygon(QPolygonF([QPointF(7, 1), QPointF(13.5, 13), QPointF(0.5, 13)]))
            glyph = "!"
        else:
            p.drawEllipse(1, 1, 12, 12)
            glyph = "i"
        p.setPen(QColor("white"))
        font = p.font()
        font.setBold(True)
        font.setPixelSize(9)
        p.setFont(font)
        from PySide6.QtCore import QRect

        p.drawText(
            QRect(0, 2 if severity == "warning" else 1, 14, 13), Qt.AlignmentFlag.AlignCenter, glyph
        )
        p.end()
        _ICONS[key] = QIcon(pix)
    return _ICONS[key]


# ---------------------------------------------------------------------- editors
class CommitLineEdit(QLineEdit):
    """A line edit that reports its text once per edit (Enter or focus-out), and that a
    refresh does not reset while the user types unless the value changed elsewhere."""

    commit = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self.editingFinished.connect(self._finished)

    def set_value(self, value: str) -> None:
        """Show the model's value. Left alone when the model value did not change, so a
        refresh caused by another edit keeps the user's cursor and unfinished text."""
        if value == self._value and (self.hasFocus() and self.isModified()):
            return
        self._value = value
        if self.text() != value:
            pos = self.cursorPosition()
            self.setText(value)
            if self.hasFocus():  # keep the user's place in a field they are in
                self.setCursorPosition(min(pos, len(value)))
            else:  # show the beginning of a long value, not its end
                self.setCursorPosition(0)
        self.setModified(False)

    def value(self) -> str:
        return self._value

    def _finished(self) -> None:
        text = self.text()
        self.setModified(False)
        if text.strip() != self._value.strip():
            self.commit.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() == Qt.Key.Key_Escape and self.text() != self._value:
            self.setText(self._value)  # revert the unfinished edit
            self.setModified(False)
            return
        super().keyPressEvent(event)


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that commits on focus-out or Ctrl+Enter (one undo entry)."""

    commit = Signal(str)
    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self.setTabChangesFocus(True)
        self.editingFinished.connect(self._finished)

    def set_value(self, value: str) -> None:
        if value == self._value and self.hasFocus() and self.document().isModified():
            return
        self._value = value
        if self.toPlainText() != value:
            cursor = self.textCursor()
            pos = cursor.position()
            self.setPlainText(value)
            cursor = self.textCursor()
            cursor.setPosition(min(pos, len(value)))
            self.setTextCursor(cursor)
        self.document().setModified(False)

    def value(self) -> str:
        return self._value

    def _finished(self) -> None:
        text = self.toPlainText()
        self.document().setModified(False)
        if text.strip() != self._value.strip():
            self.commit.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt name
        super().focusOutEvent(event)
        self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.editingFinished.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.setPlainText(self._value)
            self.document().setModified(False)
            return
        super().keyPressEvent(event)


class SearchCombo(QComboBox):
    """A combo box of (label, id) choices with type-to-search (matches anywhere in the
    label). ``picked`` is emitted with the chosen id (None for the empty choice) when
    the user picks something different from the model's value."""

    picked = Signal(object)

    def __init__(self, none_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_label = none_label
        self._value: str | None = None
        self._choices: list[tuple[str, str | None]] = []
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        # Long labels (people with their unit, process paths) must not widen the panel.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.activated.connect(self._activated)
        self.lineEdit().editingFinished.connect(self._typed)
        self.lineEdit().installEventFilter(self)

    def set_choices(self, choices: Sequence[tuple[str, str | None]], value: str | None) -> None:
        full: list[tuple[str, str | None]] = []
        if self._none_label is not None:
            full.append((self._none_label, None))
        full.extend(choices)
        if full != self._choices:
            self.blockSignals(True)
            self.clear()
            for label, ident in full:
                self.addItem(label, ident)
            self._choices = full
            self.blockSignals(False)
        self._value = value
        if not (self.lineEdit().hasFocus() and self.lineEdit().isModified()):
            self._show_value()

    def _show_value(self) -> None:
        index = self.findData(self._value) if self._value is not None else 0
        if self._value is None and self._none_label is None:
            index = -1
        self.blockSignals(True)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.blockSignals(False)
        self.lineEdit().setModified(False)
        self.lineEdit().setCursorPosition(0)  # a long label shows its start, not its end

    def value(self) -> str | None:
        return self._value

    def pick_id(self, ident: str | None) -> None:
        """Choose an id as a user would (tests and keyboard helpers use it)."""
        index = self.findData(ident) if ident is not None else 0
        self.setCurrentIndex(index)
        self._activated(index)

    def _activated(self, index: int) -> None:
        if index < 0:
            return
        ident = self.itemData(index)
        self.lineEdit().setModified(False)
        if ident != self._value:
            self.picked.emit(ident)

    def _typed(self) -> None:
        text = self.currentText().strip()
        if not self.lineEdit().isModified():
            return
        matches = [i for i, (label, _) in enumerate(self._choices) if label == text]
        if not matches:
            folded = text.casefold()
            matches = [
                i
                for i, (label, _) in enumerate(self._choices)
                if folded and folded in label.casefold()
            ]
        if len(matches) == 1:
            self.setCurrentIndex(matches[0])
            self._activated(matches[0])
        else:
            self._show_value()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if obj is self.lineEdit() and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self._show_value()
                return True
        return super().eventFilter(obj, event)
