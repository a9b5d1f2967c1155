"""File > Document Properties (issue 15, item 5): the real dialog, opened from the menu
and filled in by typing and clicking, changes the document control (status, adoption,
reference number, distribution, a new change log line) in one undoable step; a wrong
date keeps the dialog open with a message and changes nothing; the dialog speaks
Swedish in a Swedish app."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from procmodeler.ui.dialogs import ArchitectureDialog

pytestmark = pytest.mark.gui


def when_open(qtbot, act: Callable[[ArchitectureDialog], None]) -> list[str]:  # type: ignore[no-untyped-def]
    """Run *act* on the dialog as soon as it is shown modally; returns what it did."""
    done: list[str] = []

    def poke() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ArchitectureDialog):
            QTimer.singleShot(20, poke)
            return
        try:
            act(dialog)
            done.append("ok")
        except BaseException as exc:  # noqa: BLE001 - reported by the test, not lost in Qt
            done.append(repr(exc))
        finally:
            if dialog.isVisible():
                dialog.reject()  # never leave the test waiting on a modal dialog

    QTimer.singleShot(0, poke)
    return done


def ok(dialog: ArchitectureDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def fill_in(qtbot, dialog: ArchitectureDialog, adopted_on: str) -> None:  # type: ignore[no-untyped-def]
    dialog.tabs.setCurrentIndex(1)
    status = dialog.status
    status.setCurrentIndex(status.findData("adopted"))
    qtbot.keyClicks(dialog.adopted_by, "The steering group")
    qtbot.keyClicks(dialog.adopted_on, adopted_on)
    qtbot.keyClicks(dialog.reference, "KS 2025/0412")
    qtbot.keyClicks(dialog.distribution, "Steering group")
    qtbot.keyClick(dialog.distribution, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.distribution, "Process owners")
    qtbot.mouseClick(dialog.add_line, Qt.MouseButton.LeftButton)
    editor = dialog.change_log.focusWidget()
    assert editor is not dialog.change_log  # the "change" cell is open for typing
    qtbot.keyClicks(editor, "Adopted by the steering group")
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_document_control_is_edited_in_one_undoable_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = window.context.arch.meta
    done = when_open(qtbot, lambda d: (fill_in(qtbot, d, "2025-10-14"), ok(d)))
    window.actions_by_name["properties"].trigger()
    assert done == ["ok"]
    meta = window.context.arch.meta
    assert meta.status == "adopted"
    assert (meta.adopted_by, meta.adopted_on) == ("The steering group", "2025-10-14")
    assert meta.reference == "KS 2025/0412"
    assert meta.distribution == "Steering group\nProcess owners"
    added = meta.change_log[-1]
    assert len(meta.change_log) == len(before.change_log) + 1
    assert added.date == datetime.date.today().isoformat()
    assert added.change == "Adopted by the steering group"
    assert (added.version, added.author) == (before.version_label, before.author)
    assert meta.name == before.name  # the other tab untouched
    window.actions_by_name["undo"].trigger()  # one step takes it all back
    assert window.context.arch.meta == before


def test_a_wrong_date_keeps_the_dialog_open_and_changes_nothing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = window.context.arch.meta
    seen: list[str] = []

    def act(dialog: ArchitectureDialog) -> None:
        fill_in(qtbot, dialog, "14 October")
        ok(dialog)
        error = dialog.findChild(QLabel, "propertiesError")
        seen.append(error.text() if dialog.isVisible() and error.isVisible() else "")
        dialog.reject()

    done = when_open(qtbot, act)
    window.actions_by_name["properties"].trigger()
    assert done == ["ok"]
    assert "'14 October' is not a date" in seen[0]
    assert window.context.arch.meta == before


def test_removing_a_line_and_the_swedish_words(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from procmodeler.model.elements import ChangeLogEntry, Metadata
    from procmodeler.ui.app import install_translations

    meta = Metadata(
        name="Processkarta",
        change_log=(
            ChangeLogEntry("2025-03-02", "0.9", "Första utkast", "Kvalitet"),
            ChangeLogEntry("2025-10-14", "1.0", "Fastställd", "Kvalitet"),
        ),
    )
    install_translations(app, "sv")
    try:
        dialog = ArchitectureDialog(meta)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Dokumentegenskaper"
        assert dialog.tabs.tabText(1) == "Dokumentinformation"
        assert [dialog.status.itemText(i) for i in range(3)] == [
            "Utkast",
            "För beslut",
            "Fastställd",
        ]
        headers = [dialog.change_log.horizontalHeaderItem(i).text() for i in range(4)]
        assert headers == ["Datum", "Version", "Ändring", "Av"]
        dialog.change_log.selectRow(0)
        qtbot.mouseClick(dialog.remove_line, Qt.MouseButton.LeftButton)
        assert dialog.log_changes() == [meta.change_log[1]]
        assert dialog.changes() == {}
    finally:
        install_translations(app, "en")
