"""File > Report's dialog, driven as a user would: file and format, language, branding
profile, chapters and scope; the written report follows them, the choices come back
the next time for the same model file, and a bad profile is a line in the dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox
from shiboken6 import isValid

from procmodeler.io.native.writer import save
from procmodeler.ui.reportdialog import ReportDialog, example_profile

pytestmark = pytest.mark.gui


def open_dialog(window) -> ReportDialog:  # type: ignore[no-untyped-def]
    window.actions_by_name["report"].trigger()
    shown = [d for d in window.findChildren(ReportDialog) if isValid(d) and d.isVisible()]
    assert len(shown) == 1  # (one just closed may wait to be deleted)
    return shown[0]


def press_ok(dialog: ReportDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def choose(dialog: ReportDialog, sections: tuple[str, ...]) -> None:
    for name, box in dialog.section_boxes.items():
        box.setChecked(name in sections)


def outline(path: Path) -> list[str]:
    """The numbered chapters of the PDF's outline (the document control page before
    them has no number)."""
    reader = PdfReader(str(path))
    titles = [str(i.title) for i in reader.outline if not isinstance(i, list)]
    return [t for t in titles if t[0].isdigit()]


def all_titles(path: Path) -> list[str]:
    found: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(str(item.title))

    walk(PdfReader(str(path)).outline)
    return found


@pytest.fixture
def saved(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The sample model saved to a file and opened in the window."""
    path = tmp_path / "sample.procm"
    save(window.context.arch, path)
    assert window.open_path(path, ask=False)
    return window


def test_scope_sections_and_language_reach_the_report(saved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = saved
    arch = window.context.arch
    deliver = next(p for p, proc in arch.processes.items() if proc.name == "Deliver")
    dialog = open_dialog(window)
    assert dialog.language.currentData() == "en"  # the model's language by default
    assert dialog.whole.isChecked() and not dialog.process.isEnabled()
    target = tmp_path / "out" / "leverans.pdf"
    target.parent.mkdir()
    dialog.output.setText(str(target))
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    choose(dialog, ("summary", "processes", "index"))
    dialog.one.setChecked(True)
    assert dialog.process.isEnabled()
    dialog.process.setCurrentIndex(dialog.process.findData(deliver))
    press_ok(dialog)
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert outline(target) == [
        "1 Sammanfattning för ledningen",
        "2 Processerna",
        "3 Processförteckning",
    ]
    assert [t for t in all_titles(target) if t.startswith("2.")] == [
        "2.1 Deliver",
        "2.1.1 Pick goods",
        "2.1.2 Ship goods",
    ]
    cover = PdfReader(str(target)).pages[0].extract_text()
    assert "Deliver med delprocesser" in cover
    assert window.exchange.last_report == str(target)


def test_choices_come_back_for_the_same_model(saved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = saved
    arch = window.context.arch
    sell = next(p for p, proc in arch.processes.items() if proc.name == "Sell")
    dialog = open_dialog(window)
    target = tmp_path / "sell.docx"
    dialog.output.setText(str(target))
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    dialog.profile_kind.setCurrentIndex(dialog.profile_kind.findData("example"))
    choose(dialog, ("summary", "findings"))
    dialog.one.setChecked(True)
    dialog.process.setCurrentIndex(dialog.process.findData(sell))
    press_ok(dialog)
    assert target.exists()
    again = open_dialog(window)
    assert again is not dialog
    assert again.output.text() == str(target)
    assert again.format.currentData() == "docx"
    assert again.profile_kind.currentData() == "example"
    assert [n for n, b in again.section_boxes.items() if b.isChecked()] == ["summary", "findings"]
    assert again.one.isChecked() and again.process.currentData() == sell
    again.reject()
    # another (unsaved) model starts from the last choices, but not from that file and scope
    window.actions_by_name["new"].trigger()
    fresh = open_dialog(window)
    assert fresh.format.currentData() == "docx"
    assert fresh.profile_kind.currentData() == "example"
    assert [n for n, b in fresh.section_boxes.items() if b.isChecked()] == ["summary", "findings"]
    assert fresh.whole.isChecked()
    assert fresh.output.text() != str(target)
    unsaved = tmp_path / "new.pdf"
    fresh.output.setText(str(unsaved))
    choose(fresh, ("glossary",))
    press_ok(fresh)
    assert outline(unsaved) == ["1 Glossary"]
    last = open_dialog(window)  # the unsaved model's own last choices
    assert last.output.text() == str(unsaved)
    assert [n for n, b in last.section_boxes.items() if b.isChecked()] == ["glossary"]
    last.reject()


def test_first_time_all_chapters_and_the_selected_process_offered(saved) -> None:  # type: ignore[no-untyped-def]
    window = saved
    arch = window.context.arch
    deliver = next(p for p, proc in arch.processes.items() if proc.name == "Deliver")
    window.context.set_selection([deliver])
    dialog = open_dialog(window)
    assert all(box.isChecked() for box in dialog.section_boxes.values())
    assert dialog.whole.isChecked()  # a selection does not narrow the report by itself
    assert dialog.process.currentData() == deliver  # but it is one click away
    assert dialog.output.text().endswith("sample.pdf")
    dialog.reject()


def test_a_bad_profile_is_shown_in_the_dialog_and_nothing_is_written(saved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = saved
    bad = tmp_path / "brand.json"
    bad.write_text(json.dumps({"primary_colour": "red"}), encoding="utf-8")
    dialog = open_dialog(window)
    target = tmp_path / "report.pdf"
    dialog.output.setText(str(target))
    dialog.profile_kind.setCurrentIndex(dialog.profile_kind.findData("file"))
    assert dialog.profile_file.isEnabled()
    dialog.profile_file.setText(str(bad))
    press_ok(dialog)
    assert dialog.isVisible()  # still open, to fix the profile
    assert dialog.error.isVisible()
    lines = dialog.error.text().splitlines()
    assert len(lines) == 1 and "brand.json" in lines[0] and "primary_colour" in lines[0]
    assert not target.exists()
    # no chapter at all is refused the same way
    dialog.profile_kind.setCurrentIndex(dialog.profile_kind.findData("none"))
    choose(dialog, ())
    press_ok(dialog)
    assert dialog.isVisible() and "chapter" in dialog.error.text()
    assert not target.exists()
    dialog.reject()


def test_format_and_suffix_follow_each_other(saved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(saved)
    dialog.output.setText(str(tmp_path / "r.pdf"))
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    assert dialog.output.text() == str(tmp_path / "r.docx")
    dialog.output.setText(str(tmp_path / "r.PDF"))
    dialog.output.editingFinished.emit()
    assert dialog.format.currentData() == "pdf"
    assert dialog.options().output == str(tmp_path / "r.PDF")
    dialog.reject()


def test_example_profile_is_bundled() -> None:
    assert example_profile().is_file()
