"""The main window's File > Document Properties dialog: the architecture's name,
organisation, language, version and author, and its document control (status,
adoption, reference number, distribution and change log), applied as one undoable step."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from procmodeler.common.errors import EditRefused
from procmodeler.edit.operations.doccontrol import metadata_with
from procmodeler.model.elements import ChangeLogEntry, Metadata
from procmodeler.ui.words import document_status_labels, ui_translator

LANGUAGE_NAMES = {"en": "English", "sv": "Svenska"}
#: The change log's columns: the entry's field of each.
LOG_FIELDS = ("date", "version", "change", "author")


class ArchitectureDialog(QDialog):
    """Document Properties: a tab with name, organisation, language, version label and
    author; a tab with the document control. OK checks the dates and change log lines
    and stays open, saying what is wrong, until they are right."""

    def __init__(self, meta: Metadata, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("architectureDialog")
        self.setWindowTitle(self.tr("Document Properties"))
        self.setMinimumWidth(560)
        self.meta = meta
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("These properties appear in the report and in exported files."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general(meta), self.tr("General"))
        self.tabs.addTab(self._control(meta), self.tr("Document Control"))
        layout.addWidget(self.tabs)
        self.error = QLabel()
        self.error.setObjectName("propertiesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ tabs
    def _general(self, meta: Metadata) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.name = QLineEdit(meta.name)
        self.organisation = QLineEdit(meta.organisation)
        self.language = QComboBox()
        for code, label in LANGUAGE_NAMES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(meta.language)))
        self.version_label = QLineEdit(meta.version_label)
        self.version_label.setPlaceholderText(self.tr("e.g. 2.1 or Draft for management team"))
        self.author = QLineEdit(meta.author)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Organisation:"), self.organisation)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Version label:"), self.version_label)
        form.addRow(self.tr("Author:"), self.author)
        return page

    def _control(self, meta: Metadata) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        self.status = QComboBox()
        for key, word in document_status_labels().items():
            self.status.addItem(word, key)
        self.status.setCurrentIndex(max(0, self.status.findData(meta.status)))
        self.adopted_by = QLineEdit(meta.adopted_by)
        self.adopted_by.setPlaceholderText(self.tr("e.g. the board or the management team"))
        self.adopted_on = QLineEdit(meta.adopted_on or "")
        self.adopted_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.reference = QLineEdit(meta.reference)
        self.reference.setPlaceholderText(self.tr("the reference number in your records"))
        self.distribution = QPlainTextEdit(meta.distribution)
        self.distribution.setPlaceholderText(self.tr("who receives the document, one a line"))
        self.distribution.setFixedHeight(64)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Adopted by:"), self.adopted_by)
        form.addRow(self.tr("Adopted on:"), self.adopted_on)
        form.addRow(self.tr("Reference number:"), self.reference)
        form.addRow(self.tr("Distribution:"), self.distribution)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Change log:")))
        self.change_log = QTableWidget(0, len(LOG_FIELDS))
        self.change_log.setObjectName("changeLog")
        self.change_log.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Version"), self.tr("Change"), self.tr("By")]
        )
        header = self.change_log.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.change_log.setColumnWidth(1, 110)  # a long version label does not crowd out
        self.change_log.setColumnWidth(3, 140)  # the change
        self.change_log.verticalHeader().hide()
        self.change_log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for entry in meta.change_log:
            self._append(entry)
        column.addWidget(self.change_log)
        row = QHBoxLayout()
        self.add_line = QPushButton(self.tr("Add Line"))
        self.add_line.clicked.connect(self.add_log_line)
        self.remove_line = QPushButton(self.tr("Remove Line"))
        self.remove_line.clicked.connect(self.remove_log_line)
        row.addWidget(self.add_line)
        row.addWidget(self.remove_line)
        row.addStretch(1)
        column.addLayout(row)
        return page

    # ------------------------------------------------------------------ change log
    def _append(self, entry: ChangeLogEntry) -> int:
        at = self.change_log.rowCount()
        self.change_log.insertRow(at)
        for column, field in enumerate(LOG_FIELDS):
            self.change_log.setItem(at, column, QTableWidgetItem(getattr(entry, field)))
        return at

    def add_log_line(self) -> None:
        """A new line dated today with the version label and author filled in, its
        "change" cell open for typing."""
        entry = ChangeLogEntry(
            datetime.date.today().isoformat(), self.version_label.text(), "", self.author.text()
        )
        at = self._append(entry)
        self.change_log.setCurrentCell(at, 2)
        item = self.change_log.item(at, 2)
        if item is not None:
            self.change_log.editItem(item)

    def remove_log_line(self) -> None:
        rows = sorted({index.row() for index in self.change_log.selectedIndexes()}, reverse=True)
        for at in rows:
            self.change_log.removeRow(at)

    def log_entries(self) -> list[ChangeLogEntry]:
        """The change log as the table has it (blank lines left out)."""
        entries = []
        for at in range(self.change_log.rowCount()):
            cells = []
            for column in range(len(LOG_FIELDS)):
                item = self.change_log.item(at, column)
                cells.append(item.text().strip() if item is not None else "")
            if any(cells):
                entries.append(ChangeLogEntry(*cells))
        return entries

    # ------------------------------------------------------------------ values
    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(),
            "organisation": self.organisation.text(),
            "language": self.language.currentData(),
            "version_label": self.version_label.text(),
            "author": self.author.text(),
            "status": self.status.currentData(),
            "adopted_by": self.adopted_by.text(),
            "adopted_on": self.adopted_on.text(),
            "reference": self.reference.text(),
            "distribution": self.distribution.toPlainText(),
        }

    def changes(self) -> dict[str, str]:
        """The fields the user changed (after trimming)."""
        return {
            k: v for k, v in self.values().items() if v.strip() != (getattr(self.meta, k) or "")
        }

    def log_changes(self) -> list[ChangeLogEntry] | None:
        """The new change log, or None when it is as it was."""
        entries = self.log_entries()
        return None if tuple(entries) == self.meta.change_log else entries

    def accept(self) -> None:
        """Close only when the values can be applied; else say why, in the dialog. A
        change log cell still being typed in counts."""
        if self.change_log.state() == QAbstractItemView.State.EditingState:
            self.change_log.setCurrentIndex(QModelIndex())  # commits the open editor
        try:
            metadata_with(self.meta, self.changes(), self.log_changes())
        except EditRefused as refused:
            self.error.setText("\n".join(refused.lines(ui_translator())))
            self.error.show()
            return
        super().accept()
