"""Table and tree columns that fit their view: the least needed hide, and the header menu shows or hides."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QTreeView


class ColumnFitter(QObject):
    """Keeps a table's columns within its viewport, so that it needs no scrolling
    sideways: when the columns need more room than there is, the columns of
    *drop_order* are hidden, first to last, until the rest fit (the stretching *keep*
    column counted at *keep_min* px); they come back when there is room again.

    A right-click on the header offers a checkable entry per column. The user's choice
    to hide a column always holds: it stays hidden however wide the view. A column the
    user shows is shown when it fits, like any other: the width rule wins, and its
    entry then says that it has no room (all of it is in the row's tooltip)."""

    def __init__(
        self,
        table: QTableView | QTreeView,
        drop_order: tuple[int, ...],
        keep: int,
        keep_min: int = 120,
    ) -> None:
        super().__init__(table)
        self.table = table
        self.drop_order = drop_order
        self.keep = keep
        self.keep_min = keep_min
        self.user_hidden: set[int] = set()  # hidden through the header's menu
        self.squeezed: set[int] = set()  # hidden for want of room
        self._hints: dict[int, int] = {}  # a header's own width, read while it shows
        self._sizes: dict[int, int] = {}  # a column's width, read while it shows
        self._fitting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        header = self.header
        self._remember_hints()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        header.sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.schedule)

    @property
    def header(self) -> QHeaderView:
        """The view's column header (a table's horizontal one, a tree's own)."""
        view = self.table
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def schedule(self, *_args: object) -> None:
        """Fit once the events now waiting are handled (several causes, one fit)."""
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Resize and not self._fitting:
            self.schedule()
        return False

    def _section_resized(self, section: int, _old: int, new: int) -> None:
        # the user dragged a column wider or narrower: what fits may have changed
        mode = self.header.sectionResizeMode(section)
        if new > 0 and mode == QHeaderView.ResizeMode.Interactive and not self._fitting:
            self.schedule()

    def _remember_hints(self) -> None:
        header = self.header
        for column in range(header.count()):
            if not header.isSectionHidden(column):  # a hidden section's sizes are 0
                self._hints[column] = header.sectionSizeHint(column)
                self._sizes[column] = header.sectionSize(column)

    def natural_width(self, column: int) -> int:
        """The room *column* takes when shown."""
        header = self.header
        if column == self.keep:
            return self.keep_min
        mode = header.sectionResizeMode(column)
        if mode == QHeaderView.ResizeMode.ResizeToContents:
            hint = self._hints.get(column, header.defaultSectionSize())
            return max(hint, self.table.sizeHintForColumn(column))
        return self._sizes.get(column, header.defaultSectionSize())

    def fit(self) -> None:
        """Hide and show columns to fit the viewport's present width.

        No loop: hiding a column never makes the rest wider than the viewport, so no
        horizontal scroll bar comes or goes because of it; a vertical one that comes or
        goes changes the width once, and the next fit finds the same columns or more."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._remember_hints()
            room = self.table.viewport().width()
            count = self.header.count()
            wanted = {c: self.natural_width(c) for c in range(count) if c not in self.user_hidden}
            total = sum(wanted.values())
            squeezed: set[int] = set()
            for column in self.drop_order:
                if total <= room:
                    break
                if column in wanted:
                    squeezed.add(column)
                    total -= wanted[column]
            self.squeezed = squeezed
            for column in range(count):
                hidden = column in self.user_hidden or column in squeezed
                if self.table.isColumnHidden(column) != hidden:
                    self.table.setColumnHidden(column, hidden)
        finally:
            self._fitting = False

    def set_shown(self, column: int, shown: bool) -> None:
        """The user shows or hides *column* (the header's menu)."""
        if shown:
            self.user_hidden.discard(column)
        elif column != self.keep:
            self.user_hidden.add(column)
        self.fit()

    def column_menu(self) -> QMenu:
        """The header's menu: a checkable entry per column."""
        menu = QMenu(self.table)
        menu.setObjectName("columnMenu")
        menu.addSection(self.tr("Show columns"))
        model = self.table.model()
        for column in range(model.columnCount()):
            name = str(
                model.headerData(column, Qt.Orientation.Horizontal)
                or model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            )  # an icon column says what it is in its tooltip
            if column in self.squeezed:
                name = self.tr("{column} (no room)").format(column=name)
            action = QAction(name, menu)
            action.setCheckable(True)
            action.setChecked(column not in self.user_hidden)
            action.setEnabled(column != self.keep)  # the column that names the row
            action.setData(column)
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
            menu.addAction(action)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.header.mapToGlobal(pos))
        menu.deleteLater()
