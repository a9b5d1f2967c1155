"""Preferences (Edit › Preferences…): the UI language, the report's default language and
branding profile, the autosave interval and whether deleting asks first, kept in the settings file so that nobody
needs an environment variable (``PROCMODELER_LANG`` still works where no preference is
set)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from procmodeler.ui.settings import settings

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow

LANGUAGES = ("", "en", "sv")  # "": the system's (UI) or the model's (report)


@dataclass(frozen=True)
class Preferences:
    ui_language: str = ""
    report_language: str = ""
    report_profile: str = ""
    autosave_minutes: int = 0  # 0: off (the recovery journal keeps every edit anyway)
    ask_before_delete: bool = True  # a process with sub-processes, relations or roles


def load() -> Preferences:
    s = settings()

    def text(key: str, allowed: tuple[str, ...] | None = None) -> str:
        value = str(s.value(f"preferences/{key}", "") or "")
        return value if allowed is None or value in allowed else ""

    try:
        minutes = max(0, min(120, int(str(s.value("preferences/autosaveMinutes", 0) or 0))))
    except ValueError:
        minutes = 0
    return Preferences(
        ui_language=text("uiLanguage", LANGUAGES),
        report_language=text("reportLanguage", LANGUAGES),
        report_profile=text("reportProfile"),
        autosave_minutes=minutes,
        ask_before_delete=str(s.value("preferences/askBeforeDelete", "true")).lower() != "false",
    )


def save(prefs: Preferences) -> None:
    s = settings()
    s.setValue("preferences/uiLanguage", prefs.ui_language)
    s.setValue("preferences/reportLanguage", prefs.report_language)
    s.setValue("preferences/reportProfile", prefs.report_profile)
    s.setValue("preferences/autosaveMinutes", prefs.autosave_minutes)
    s.setValue("preferences/askBeforeDelete", "true" if prefs.ask_before_delete else "false")
    s.sync()


def stop_asking_before_delete() -> None:
    """The delete question's "Don't ask again"."""
    save(replace(load(), ask_before_delete=False))


class PreferencesDialog(QDialog):
    """Edits the preferences; :meth:`accept` stores them and applies the UI language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        current = load()
        self.ui_language = self._language_box(self.tr("As the system"), current.ui_language)
        self.report_language = self._language_box(self.tr("As the model"), current.report_language)
        self.profile = QLineEdit(current.report_profile)
        self.profile.setPlaceholderText(self.tr("none: a plain report"))
        browse = QPushButton(self.tr("Choose\u2026"))
        browse.clicked.connect(self._choose_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile, 1)
        profile_row.addWidget(browse)
        self.autosave = QSpinBox()
        self.autosave.setRange(0, 120)
        self.autosave.setSuffix(self.tr(" min"))
        self.autosave.setSpecialValueText(self.tr("Off"))
        self.autosave.setValue(current.autosave_minutes)
        form = QFormLayout()
        form.addRow(self.tr("Language of the app:"), self.ui_language)
        hint = QLabel(self.tr("Used by windows opened from now on and at the next start."))
        hint.setObjectName("preferencesHint")
        hint.setStyleSheet("color: #6e7781;")
        form.addRow("", hint)
        form.addRow(self.tr("Report language:"), self.report_language)
        form.addRow(self.tr("Report branding profile:"), profile_row)
        form.addRow(self.tr("Save the open file every:"), self.autosave)
        self.ask_delete = QCheckBox(
            self.tr("Ask before deleting a process that takes sub-processes, relations or roles")
        )
        self.ask_delete.setChecked(current.ask_before_delete)
        form.addRow("", self.ask_delete)
        note = QLabel(
            self.tr(
                "Unsaved edits are kept in a recovery journal whatever the autosave "
                "interval; autosave also writes them to the model file."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _language_box(self, default_text: str, value: str) -> QComboBox:
        box = QComboBox()
        for code, label in zip(LANGUAGES, (default_text, "English", "Svenska"), strict=True):
            box.addItem(label, code)
        box.setCurrentIndex(LANGUAGES.index(value))
        return box

    def _choose_profile(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Report Branding Profile"),
            str(Path(self.profile.text()).parent) if self.profile.text() else str(Path.home()),
            self.tr("Branding profile (*.json)"),
        )
        if path:
            self.profile.setText(path)

    def values(self) -> Preferences:
        return Preferences(
            ui_language=str(self.ui_language.currentData()),
            report_language=str(self.report_language.currentData()),
            report_profile=self.profile.text().strip(),
            autosave_minutes=self.autosave.value(),
            ask_before_delete=self.ask_delete.isChecked(),
        )

    def accept(self) -> None:
        before = load()
        prefs = self.values()
        save(prefs)
        if prefs.ui_language != before.ui_language:
            from procmodeler.ui.app import install_translations, ui_language

            app = QCoreApplication.instance()
            if app is not None:
                install_translations(app, ui_language())  # type: ignore[arg-type]
        from procmodeler.ui.mainwindow import MainWindow

        for window in MainWindow.windows:
            window.autosave.apply()
        super().accept()


class Autosave(QObject):
    """Saves the window's file every ``autosave_minutes`` while it has unsaved edits
    (never a model that has no file yet: that one lives in the recovery journal)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.save_now)
        self.apply()

    def apply(self) -> None:
        minutes = load().autosave_minutes
        self.timer.stop()
        if minutes > 0:
            self.timer.start(minutes * 60_000)

    def save_now(self) -> bool:
        session = self.window.session
        if session.path is None or not session.is_modified:
            return False
        return self.window.save()
