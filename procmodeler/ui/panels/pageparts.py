"""Parts shared by the pages of the properties panel: the coloured page header, form
and section layout, the choices of people, units and processes, and the objects field's
text form."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QWidget

from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import process_path


def split_objects(text: str) -> tuple[str, ...]:
    """'Order; Invoice' -> ('Order', 'Invoice') (semicolons or new lines separate)."""
    parts = text.replace("\n", ";").split(";")
    return tuple(p.strip() for p in parts if p.strip())


def join_objects(objects: tuple[str, ...]) -> str:
    return "; ".join(objects)


def section(title: str) -> QLabel:
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    label.setWordWrap(True)  # wraps beside buttons in a narrow panel instead of widening it
    return label


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(8)
    form.setVerticalSpacing(5)
    # a field that does not fit beside its label goes below it, so a narrow panel (the
    # Swedish labels are long) never scrolls sideways
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class TitleLabel(QLabel):
    """A heading that wraps between words and cuts short ("…") a word too long for its
    width ("Samhällsbyggnadsförvaltningen"), so that it never widens the panel; cut
    short, its tooltip tells it whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(True)

    def set_title(self, text: str) -> None:
        self._full = text
        self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(4 * self.fontMetrics().averageCharWidth(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(1, self.contentsRect().width())
        metrics = self.fontMetrics()
        words = [
            word
            if metrics.horizontalAdvance(word) <= width
            else metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)
            for word in self._full.split(" ")
        ]
        text = " ".join(words)
        if text != self.text():
            self.setText(text)
        self.setToolTip(self._full if text != self._full else "")


class PageHeader(QFrame):
    """The coloured title line of a page: a kind chip, the name and the id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.chip = QLabel()
        self.chip.setObjectName("chip")
        self.title = TitleLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        # a long name wraps, a long word is cut short: neither widens the panel
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ident = QLabel()
        self.ident.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.ident.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.chip)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.ident)

    def show_element(self, chip: str, title: str, ident: str, fill: str, stroke: str) -> None:
        self.chip.setText(chip)
        self.chip.setStyleSheet(
            f"QLabel#chip {{ background: {stroke}; color: white; border-radius: 3px;"
            " padding: 1px 6px; font-weight: bold; }"
        )
        self.setStyleSheet(
            f"QFrame#propertiesHeader {{ background: {fill}; border-left: 4px solid {stroke};"
            " border-radius: 3px; }"
        )
        self.title.set_title(title)
        self.ident.setText(ident)


def people_choices(context: EditorContext) -> list[tuple[str, str | None]]:
    arch = context.arch
    out: list[tuple[str, str | None]] = []
    for person_id, person in sorted(arch.people.items(), key=lambda kv: kv[1].name.casefold()):
        unit = arch.units.get(person.unit) if person.unit else None
        label = f"{person.name} — {unit.name}" if unit else person.name
        out.append((label, person_id))
    return out


def unit_choices(
    context: EditorContext, exclude: str | None = None
) -> list[tuple[str, str | None]]:
    arch = context.arch
    skip: set[str] = set()
    if exclude is not None and exclude in arch.units:
        skip = {exclude, *arch.unit_descendants(exclude)}
    out: list[tuple[str, str | None]] = []
    for uid in arch.walk_units():
        if uid in skip:
            continue
        depth = len(arch.unit_ancestors(uid))
        out.append(("    " * depth + arch.units[uid].name, uid))
    return out


def process_choices(context: EditorContext) -> list[tuple[str, str | None]]:
    arch = context.arch
    return [(process_path(arch, pid), pid) for pid in arch.walk()]
