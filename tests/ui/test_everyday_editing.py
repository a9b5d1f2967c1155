"""Issue 19, everyday editing without surprises, driven through the real window: the
delete question, paste position and name, bulk edits in the properties panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from procmodeler.ui import preferences
from tests.ui.helpers import answer_modal

pytestmark = pytest.mark.gui


# ---------------------------------------------------------------------- item 4: delete
def test_delete_asks_with_counts_and_one_undo_restores_it(window, qtbot) -> None:
    arch = window.context.arch
    deliver = window.ids["deliver"]
    before = arch.copy()
    window.context.set_selection([deliver])
    seen: list = []
    answer_modal(qtbot, QMessageBox.StandardButton.Cancel, False, seen)
    window.actions_by_name["delete"].trigger()
    assert seen[0][0] == "Delete \u201cDeliver\u201d?"
    assert seen[0][1] == (
        "Also deleted: 2 sub-processes, 2 relations, 2 participation rows. Undo brings it all back."
    )
    assert deliver in arch.processes and arch == before  # cancelled: nothing deleted
    answer_modal(qtbot, QMessageBox.StandardButton.Yes, False, seen)
    window.actions_by_name["delete"].trigger()
    assert deliver not in arch.processes
    assert window.ids["pick"] not in arch.processes
    window.actions_by_name["undo"].trigger()
    assert arch == before
    assert preferences.load().ask_before_delete


def test_dont_ask_again_is_a_preference(window, qtbot) -> None:
    arch = window.context.arch
    seen: list = []
    window.context.set_selection([window.ids["deliver"]])
    answer_modal(qtbot, QMessageBox.StandardButton.Yes, True, seen)
    window.actions_by_name["delete"].trigger()
    assert len(seen) == 1 and window.ids["deliver"] not in arch.processes
    assert not preferences.load().ask_before_delete
    window.context.set_selection([window.ids["sell"]])  # has a relation, and no question
    window.actions_by_name["delete"].trigger()
    assert window.ids["sell"] not in arch.processes and len(seen) == 1
    dialog = preferences.PreferencesDialog(window)
    assert not dialog.ask_delete.isChecked()
    dialog.ask_delete.setChecked(True)
    dialog.accept()
    assert preferences.load().ask_before_delete


def test_a_process_with_nothing_attached_goes_without_a_question(window) -> None:
    pid = window.canvas.create_process("core", edit=False)
    window.context.set_selection([pid])
    window.actions_by_name["delete"].trigger()  # no dialog: the fixture would fail
    assert pid not in window.context.arch.processes
