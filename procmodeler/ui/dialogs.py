"""Dialogs of the main window: the architecture's own properties, and the image export
options."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from procmodeler.model.elements import Metadata

LANGUAGE_NAMES = {"en": "English", "sv": "Svenska"}


class ArchitectureDialog(QDialog):
    """Name, organisation, language, version label and author of the architecture."""

    def __init__(self, meta: Metadata, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("architectureDialog")
        self.setWindowTitle(self.tr("Architecture Properties"))
        self.setMinimumWidth(440)
        self.meta = meta
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("These properties appear in the report and in exported files."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
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
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(),
            "organisation": self.organisation.text(),
            "language": self.language.currentData(),
            "version_label": self.version_label.text(),
            "author": self.author.text(),
        }

    def changes(self) -> dict[str, str]:
        """The fields the user changed (after trimming)."""
        return {k: v for k, v in self.values().items() if v.strip() != getattr(self.meta, k)}
