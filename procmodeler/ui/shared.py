"""The shared repository in the window: File → Open from Repository…, saving pushes
(merging what others pushed, listing conflicts), File → Repository History… (open or
compare any version), and a status line with the repository, the version and whether
others have pushed since (heard through PostgreSQL ``LISTEN``), with *Update*.

The Qt-free work is in :mod:`procmodeler.app.shared`; this module only asks and shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from procmodeler.common.errors import UserError

if TYPE_CHECKING:
    from procmodeler.app import shared
    from procmodeler.ui.mainwindow import MainWindow


def _app() -> Any:
    """procmodeler.app.shared, imported when first used: the window paints without
    loading psycopg."""
    from procmodeler.app import shared

    return shared


def _repo() -> Any:
    import procmodeler.repository

    return procmodeler.repository


class OpenFromRepositoryDialog(QDialog):
    """An address, *Connect*, and the architectures found there."""

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open from Repository"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Repository address (PostgreSQL):")))
        row = QHBoxLayout()
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("postgresql://user@host:5432/database")
        self.url.setToolTip(
            self.tr("Passwords come from ~/.pgpass or PGPASSWORD; do not type one here.")
        )
        self.connect_button = QPushButton(self.tr("Connect"))
        row.addWidget(self.url, 1)
        row.addWidget(self.connect_button)
        layout.addLayout(row)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.connect_button.clicked.connect(self.refresh)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()
        self.resize(520, 380)

    def _update_buttons(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(
            self.list.currentItem() is not None
        )

    def refresh(self) -> None:
        self.list.clear()
        self.message.clear()
        try:
            with _repo().Repository(self.url.text().strip()) as repo:
                found = repo.architectures()
        except UserError as exc:
            self.message.setText("\n".join(exc.lines()))
            return
        for info in found:
            self.list.addItem(info.name)
            item = self.list.item(self.list.count() - 1)
            item.setToolTip(self.tr("Version {v}, {who}").format(v=info.head, who=info.author))
        if not found:
            self.message.setText(self.tr("This repository has no architectures yet."))
        else:
            self.list.setCurrentRow(0)

    def chosen(self) -> tuple[str, str] | None:
        item = self.list.currentItem()
        return (self.url.text().strip(), item.text()) if item is not None else None


class HistoryDialog(QDialog):
    """The versions of the open architecture: open or compare any of them."""

    def __init__(self, link: RepositoryLink, versions: list[Any]) -> None:
        super().__init__(link.window)
        self.link = link
        self.setWindowTitle(self.tr("Repository History"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(versions), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Time"), self.tr("Author"), self.tr("Changes")]
        )
        tr = link.catalogue()
        for row, v in enumerate(versions):
            merged = self.tr(" (merged)") if v.merged else ""
            cells = [
                str(v.number),
                v.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                v.author,
                _repo().summary_text(v.summary, tr) + merged,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, v.number)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        for col in range(3):
            self.table.resizeColumnToContents(col)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        if versions:
            self.table.selectRow(0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.compare_button = buttons.addButton(
            self.tr("Compare with Mine"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(lambda: self.link.open_version(self.selected()))
        self.compare_button.clicked.connect(lambda: self.link.compare_version(self.selected()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def selected(self) -> int:
        item = self.table.item(max(self.table.currentRow(), 0), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else 1


class RepositoryLink(QObject):
    """The window's link to a shared repository: menu actions, status line, pushes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.doc: shared.SharedDocument | None = None
        self.listener: shared.Listener | None = None
        self.notifier: QSocketNotifier | None = None
        self.last_url = ""
        self.open_action = QAction(self.tr("Open &from Repository…"), window)
        self.open_action.triggered.connect(self.open_dialog)
        self.history_action = QAction(self.tr("Repository &History…"), window)
        self.history_action.triggered.connect(self.show_history)
        self.status = QLabel()
        self.update_button = QToolButton()
        self.update_button.setText(self.tr("Update"))
        self.update_button.setToolTip(self.tr("Merge what others pushed into this model"))
        self.update_button.clicked.connect(self.update_from_repository)
        window.statusBar().addPermanentWidget(self.status)
        window.statusBar().addPermanentWidget(self.update_button)
        self.refresh_status()

    # ------------------------------------------------------------------ helpers
    def catalogue(self) -> Any:
        return self.window.context.catalogue()

    def error(self, title: str, exc: UserError) -> None:
        QMessageBox.warning(self.window, title, "\n".join(exc.lines(self.catalogue())))

    def refresh_status(self) -> None:
        doc = self.doc
        self.history_action.setEnabled(doc is not None)
        if doc is None:
            self.status.setText("")
            self.status.hide()
            self.update_button.hide()
            return
        tr = self.catalogue()
        text = _app().status_text(doc.name, doc.version, tr)
        if doc.read_only:
            text += " · " + self.tr("read-only")
        if doc.others_pushed:
            n = doc.latest - doc.version
            text += " · " + _app().newer_text(n, tr)
        self.status.setText(text)
        self.status.setToolTip(_repo().redact(doc.url))
        self.status.show()
        self.update_button.setVisible(doc.others_pushed and not doc.read_only)

    def session_changed(self) -> None:
        """The window shows another document: link to its repository if it has one."""
        origin = self.window.session.arch.origin
        if origin is None:
            self._link(None)
        elif self.doc is None or (self.doc.name, self.doc.version) != (origin.name, origin.version):
            self._link(
                _app().SharedDocument(self.last_url or origin.url, origin.name, origin.version)
            )

    def _link(self, doc: shared.SharedDocument | None) -> None:
        if self.listener is not None:
            if self.notifier is not None:
                self.notifier.setEnabled(False)
                self.notifier.deleteLater()
            self.listener.close()
            self.listener, self.notifier = None, None
        self.doc = doc
        if doc is not None:
            try:
                self.listener = _app().Listener(doc.url)
            except UserError:
                self.listener = None  # offline: the document still works
            if self.listener is not None:
                self.notifier = QSocketNotifier(
                    self.listener.fileno(), QSocketNotifier.Type.Read, self
                )
                self.notifier.activated.connect(self.heard)
        self.refresh_status()

    def heard(self, *_args: object) -> None:
        if self.listener is None or self.doc is None:
            return
        for name, version in self.listener.poll():
            if name == self.doc.name:
                self.doc.latest = max(self.doc.latest, version)
        self.refresh_status()

    # ------------------------------------------------------------------ open
    def open_dialog(self) -> None:
        if not self.window.maybe_save():
            return
        dialog = OpenFromRepositoryDialog(self.window, self.last_url)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        url, name = dialog.chosen()  # type: ignore[misc]
        self.open_architecture(url, name)

    def open_architecture(self, url: str, name: str) -> bool:
        """Pull *name* into a local copy and open it in this window."""
        try:
            doc, session = _app().open_shared(url, name)
        except UserError as exc:
            self.error(self.tr("Cannot Open from Repository"), exc)
            return False
        self.last_url = url
        self._link(doc)  # first: the window's session_changed then finds it linked
        self.window.set_session(session)
        return True

    # ------------------------------------------------------------------ push
    def after_save(self) -> None:
        """The document was saved locally: push it when it belongs to a repository."""
        doc = self.doc
        if doc is None or doc.read_only:
            return
        session = self.window.session
        try:
            outcome = _app().push_session(doc, session)
        except UserError as exc:
            if isinstance(exc, _repo().PushConflict):
                self.show_conflicts(self.tr("Not Pushed: Conflicts"), exc.lines(self.catalogue()))
                return
            self.window.statusBar().showMessage(
                self.tr("Saved locally; not pushed: {reason}").format(
                    reason=" ".join(exc.lines(self.catalogue()))
                ),
                10000,
            )
            self.refresh_status()
            return
        self.window.statusBar().showMessage(
            self.tr("Pushed as version {v}").format(v=outcome), 6000
        )
        _retitle(self.window)
        self.refresh_status()

    def update_from_repository(self) -> None:
        doc = self.doc
        if doc is None:
            return
        try:
            conflicts = _app().update_session(doc, self.window.session)
        except UserError as exc:
            self.error(self.tr("Cannot Update"), exc)
            return
        if conflicts:
            self.show_conflicts(self.tr("Not Updated: Conflicts"), conflicts)
        _retitle(self.window)
        self.refresh_status()

    def show_conflicts(self, title: str, lines: list[str]) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(
            self.tr(
                "Others changed the same elements. Nothing was changed; edit these "
                "elements after updating, or agree with the others:"
            )
        )
        box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(lines[:8]))
        self.last_conflicts = lines
        box.open()

    # ------------------------------------------------------------------ history
    def show_history(self) -> None:
        doc = self.doc
        if doc is None:
            return
        try:
            with doc.repository() as repo:
                versions = repo.log(doc.name)
        except UserError as exc:
            self.error(self.tr("Cannot Read the History"), exc)
            return
        self.history = HistoryDialog(self, versions)
        self.history.open()

    def open_version(self, number: int) -> None:
        doc = self.doc
        if doc is None:
            return
        try:
            session = _app().version_session(doc, number)
        except UserError as exc:
            self.error(self.tr("Cannot Open from Repository"), exc)
            return
        win = self.window.new_window()
        win.set_session(session)
        self.opened = win

    def compare_version(self, number: int) -> None:
        """Show what changed from version *number* to the open document, with the
        markers and the list of Compare with… (the teams compare)."""
        doc = self.doc
        if doc is None:
            return
        try:
            old = _app().pull_version(doc, number)
        except UserError as exc:
            self.error(self.tr("Cannot Compare"), exc)
            return
        self.window.teamwork.compare_with(
            old, self.tr("{name} version {v}").format(name=doc.name, v=number)
        )

    def close(self) -> None:
        self._link(None)


def _retitle(window: Any) -> None:
    """The window's title and modified mark follow the document."""
    update = getattr(window, "update_title", None) or window._update_title
    update()
