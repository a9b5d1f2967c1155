"""File > Report writes Word too: the report dialog's file chooser offers "Word document
(*.docx)" next to PDF, and the suffix (or the chosen file type, when there is none)
picks the format."""

from __future__ import annotations

import zipfile

import docx
import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton

from procmodeler.ui.exchange import report_target
from procmodeler.ui.reportdialog import ReportDialog

pytestmark = pytest.mark.gui


def test_report_dialog_writes_word_when_word_is_chosen(window, monkeypatch, tmp_path) -> None:
    offered: list[str] = []

    def dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        offered.append(args[3])
        return str(tmp_path / "report"), "Word document (*.docx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    window.actions_by_name["report"].trigger()
    report = window.findChild(ReportDialog, "reportDialog")
    report.findChild(QPushButton, "reportOutputBrowse").click()
    assert offered == ["PDF document (*.pdf);;Word document (*.docx)"]
    assert report.format.currentData() == "docx"
    report.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    target = tmp_path / "report.docx"
    assert zipfile.is_zipfile(target)
    headings = [
        p.text
        for p in docx.Document(str(target)).paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    arch = window.context.arch
    for pid in arch.top_level():
        assert any(h.endswith(" " + arch.processes[pid].name) for h in headings), headings
    assert window.exchange.last_report == str(target)


def test_suffix_decides_the_format() -> None:
    assert report_target("/x/r.DOCX", False) == ("/x/r.DOCX", "docx")
    assert report_target("/x/r.pdf", True) == ("/x/r.pdf", "pdf")
    assert report_target("/x/r", True) == ("/x/r.docx", "docx")
    assert report_target("/x/r", False) == ("/x/r.pdf", "pdf")
