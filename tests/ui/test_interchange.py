"""File > Import/Export BPMN and File > Report in the desktop app, with the dialogs
replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from procmodeler.io.bpmn import import_bpmn

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def test_export_and_import_bpmn(window, monkeypatch, tmp_path) -> None:

    assert window.actions_by_name["export_bpmn"].isVisible()
    target = tmp_path / "model.bpmn"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.actions_by_name["export_bpmn"].trigger()
    data = target.read_bytes()
    assert b"http://www.omg.org/spec/BPMN/20100524/MODEL" in data
    arch, _ = import_bpmn(target)
    assert {p.name for p in arch.processes.values()} == {
        p.name for p in window.context.arch.processes.values()
    }
    # import it back into the window: a new unsaved document
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.actions_by_name["import_bpmn"].trigger()
    assert window.session.path is None and window.isWindowModified()
    assert len(window.context.arch.processes) == 6
    assert len(window.canvas.scene.shapes) == 4
    assert all("warning" in text for text in shown)


def test_import_of_a_bad_bpmn_file_is_a_message(window, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "bad.bpmn"
    bad.write_text("<not-bpmn/>", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), ""))
    )
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a[2])))
    window.actions_by_name["import_bpmn"].trigger()
    assert shown and "bad.bpmn" in shown[0]
    assert window.context.arch.meta.name == "Sample"


def _report_dialog(window, target: Path):  # type: ignore[no-untyped-def]
    """File > Report, with *target* as the file (the dialog is tested in test_report_dialog)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from procmodeler.ui.reportdialog import ReportDialog

    window.actions_by_name["report"].trigger()
    dialog = window.findChild(ReportDialog, "reportDialog")
    dialog.output.setText(str(target))
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_report_with_progress(window, monkeypatch, tmp_path) -> None:
    assert window.actions_by_name["report"].isVisible()
    target = tmp_path / "report.pdf"
    _report_dialog(window, target).click()
    assert target.read_bytes()[:5] == b"%PDF-"


def test_report_can_be_cancelled(window, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QProgressDialog

    target = tmp_path / "cancelled.pdf"
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    _report_dialog(window, target).click()
    assert not target.exists()
    assert "cancelled" in window.statusBar().currentMessage()
