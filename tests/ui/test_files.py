"""Files in the desktop app with the file dialogs replaced: save as, open, recent files,
a bad file, the save prompt on close, settings remembered between runs, image export
(PNG, SVG, PDF) and ``procmodeler FILE``."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from procmodeler.app.session import Session
from procmodeler.edit import operations as ops
from procmodeler.ui import settings
from tests.ui.helpers import assert_in_sync, close_window, sample_editor

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"


def _save_dialog(monkeypatch, path: Path, calls: list | None = None) -> None:  # type: ignore[type-arg]
    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        if calls is not None:
            calls.append(args)
        return (str(path), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def _open_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_save_as_then_save_then_open(window, monkeypatch, tmp_path) -> None:
    target = tmp_path / "architecture.procm"
    _save_dialog(monkeypatch, target)
    window.canvas.create_process("core", edit=False)
    assert window.isWindowModified()
    window.actions_by_name["save"].trigger()  # never saved: asks where (save as)
    assert target.is_file()
    assert window.windowTitle() == "architecture.procm[*] \u2014 procmodeler"
    assert not window.isWindowModified()
    saved = Session.open(target).arch
    assert saved == window.context.arch
    # a later save writes to the same file without asking
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: pytest.fail("asked"))
    )
    ops.rename_process(window.context.editor, window.ids["sell"], "Sell and contract")
    window.actions_by_name["save"].trigger()
    assert Session.open(target).arch.processes[window.ids["sell"]].name == "Sell and contract"
    # open it in a fresh window (the document there is unmodified: no prompt)
    window.new_document()
    assert window.context.arch.processes == {}
    assert window.canvas.scene.shapes == {} and window.tree.items == {}
    _open_dialog(monkeypatch, target)
    window.actions_by_name["open"].trigger()
    assert window.context.arch.processes[window.ids["sell"]].name == "Sell and contract"
    assert window.session.path == target.resolve()
    assert window.context.level is None
    assert_in_sync(window)


def test_open_asks_to_save_unsaved_changes_first(window, monkeypatch, tmp_path) -> None:
    asked = []

    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.canvas.create_process("core", edit=False)
    model = tmp_path / "manufacturing.procm"  # a user's file (a bundled one opens as a copy)
    model.write_bytes((EXAMPLES / "manufacturing.procm").read_bytes())
    _open_dialog(monkeypatch, model)
    window.actions_by_name["open"].trigger()
    assert asked and "Sample" in asked[0]
    assert window.context.arch.meta.name == "Sample"  # cancelled: nothing opened
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    )
    window.actions_by_name["open"].trigger()
    assert len(window.context.arch.processes) == 52
    assert not window.isWindowModified()
    assert_in_sync(window)


def test_a_bad_file_gives_a_message_and_keeps_the_window(window, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "broken.procm"
    bad.write_text('{"format_version": 1, "processes": [', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a[1:3])))
    assert not window.open_path(bad, ask=False)
    assert shown and shown[0][0] == "Cannot Open File"
    assert "broken.procm" in shown[0][1]
    assert "Traceback" not in shown[0][1]
    assert window.context.arch.meta.name == "Sample"  # the open document is untouched


def test_close_asks_to_save(app, qtbot, monkeypatch, tmp_path) -> None:
    from procmodeler.ui.mainwindow import MainWindow

    ed, _ = sample_editor()
    win = MainWindow(Session(ed), remember=False)
    win.show()
    win.canvas.create_process("core", edit=False)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: next(answers)))
    assert not win.close()  # cancelled
    assert win.isVisible()
    target = tmp_path / "closing.procm"
    _save_dialog(monkeypatch, target)
    assert win.close()  # saved, then closed
    assert target.is_file()
    assert len(Session.open(target).arch.processes) == 7


def test_window_layout_and_recent_files_are_remembered(
    app, qtbot, monkeypatch, tmp_path, _config_dir
) -> None:
    from procmodeler.ui.mainwindow import MainWindow

    model = tmp_path / "remembered.procm"
    ed, _ = sample_editor()
    Session(ed).save(model)
    first = MainWindow(remember=True)
    first.show()
    qtbot.waitExposed(first)
    first.resize(1111, 777)
    first.tree_dock.hide()
    assert first.open_path(model)
    first.actions_by_name["snap"].setChecked(False)
    assert first.close()
    ini = _config_dir / "procmodeler.ini"
    assert ini.is_file()
    assert settings.recent_files() == [str(model.resolve())]
    second = MainWindow(remember=True)
    second.show()
    qtbot.waitExposed(second)
    try:
        stored = QSettings(str(ini), QSettings.Format.IniFormat)
        assert stored.value("mainWindow/geometry") is not None
        assert stored.value("mainWindow/state") is not None
        assert not second.tree_dock.isVisible() and second.palette_dock.isVisible()
        assert not second.actions_by_name["snap"].isChecked()
        assert not second.canvas.scene.snap_enabled
        second.recent_menu.aboutToShow.emit()
        names = [a.text() for a in second.recent_menu.actions()]
        assert names[0] == "remembered.procm"
        second.recent_menu.actions()[0].trigger()
        assert second.session.path == model.resolve()
    finally:
        close_window(second)


def test_open_example_gives_an_unsaved_copy(window) -> None:
    window.examples_menu.aboutToShow.emit()
    names = [a.text() for a in window.examples_menu.actions()]
    assert names == ["manufacturing", "municipality-sv"]
    window.examples_menu.actions()[1].trigger()
    assert window.context.arch.meta.language == "sv"
    assert window.session.path is None and not window.isWindowModified()
    assert len(window.canvas.scene.shapes) == 12
    assert_in_sync(window)
    # untouched, it is given up without a question (a question would fail the test)
    window.examples_menu.actions()[0].trigger()
    assert window.context.arch.meta.language == "en"
    # once edited, it has unsaved changes like any document
    window.canvas.create_process("core", edit=False)
    assert window.session.is_modified and window.isWindowModified()


# ---------------------------------------------------------------------- image export
def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _png_dpi(data: bytes) -> float:
    i = data.index(b"pHYs")
    ppm = struct.unpack(">I", data[i + 4 : i + 8])[0]
    return ppm * 0.0254


def test_export_png_at_a_chosen_resolution(window, monkeypatch, tmp_path) -> None:
    from procmodeler.ui.export import source_rect

    target = tmp_path / "map.png"
    _save_dialog(monkeypatch, target)
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (300, True)))
    window.context.set_selection([window.ids["sell"]])
    window.actions_by_name["export_image"].trigger()
    data = target.read_bytes()
    w, h = _png_size(data)
    src = source_rect(window.canvas.scene)
    assert (w, h) == (round(src.width() * 300 / 96), round(src.height() * 300 / 96))
    assert round(_png_dpi(data)) == 300
    # the selection is not drawn: the exported picture has no selection blue
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(target))
    blue = QColor("#1f6feb")
    step = 7
    found = any(
        image.pixelColor(x, y) == blue
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )
    assert not found
    assert window.canvas.scene.shapes[window.ids["sell"]].isSelected()


def test_export_svg_keeps_text_as_text_and_pdf_is_one_page(window, monkeypatch, tmp_path) -> None:
    svg = tmp_path / "map.svg"
    _save_dialog(monkeypatch, svg)
    window.actions_by_name["export_image"].trigger()
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    texts = "".join("".join(t.itertext()) for t in root.iter(f"{ns}text"))
    assert "Sell" in texts and "Anna Berg" in texts and "Order" in texts
    assert root.get("viewBox") is not None and root.get("width") is not None
    pdf = tmp_path / "map.pdf"
    _save_dialog(monkeypatch, pdf)
    window.context.open_level(window.ids["deliver"])
    window.actions_by_name["export_image"].trigger()
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Pick goods" in text and "Ship goods" in text
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height) > 0


def test_export_without_a_suffix_uses_the_chosen_filter(window, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "plain"), "SVG drawing (*.svg)")),
    )
    window.actions_by_name["export_image"].trigger()
    assert (tmp_path / "plain.svg").is_file()


# ---------------------------------------------------------------------- procmodeler FILE
def test_run_app_opens_a_file_and_takes_a_screenshot(app, monkeypatch, tmp_path) -> None:
    import signal

    from procmodeler.ui.app import run_app

    handlers = {name: signal.getsignal(getattr(signal, name)) for name in ("SIGINT", "SIGTERM")}
    shot = tmp_path / "shot.png"
    code = run_app(
        str(EXAMPLES / "manufacturing.procm"),
        ["--screenshot", str(shot), "--level", "C1", "--size", "1200x800"],
    )
    assert code == 0
    data = shot.read_bytes()
    assert _png_size(data) == (1200, 800)
    # nothing queued ends the application's later event loops (a dialog's exec)
    from PySide6.QtCore import QEventLoop, QTimer

    app.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(7))
    assert loop.exec() == 7
    # the process goes on with the signal handlers it had (pytest's Ctrl+C, here)
    assert {name: signal.getsignal(getattr(signal, name)) for name in handlers} == handlers


def test_run_app_with_a_bad_file_shows_a_message_and_an_empty_window(
    app, monkeypatch, tmp_path
) -> None:
    from procmodeler.ui.app import run_app

    bad = tmp_path / "bad.procm"
    bad.write_bytes(b"\xff\xfe not a model")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a[2])))
    assert run_app(str(bad), ["--screenshot", str(tmp_path / "s.png")]) == 0
    assert shown and "bad.procm" in shown[0]
    assert (tmp_path / "s.png").is_file()


def test_procmodeler_file_from_the_command_line(tmp_path) -> None:
    bad = tmp_path / "bad.procm"
    bad.write_text("[1, 2", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    shot = tmp_path / "cli.png"
    # the message box of the bad file is open when the screenshot quits the app
    run = subprocess.run(
        [sys.executable, "-m", "procmodeler", str(bad), "--screenshot", str(shot)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert shot.is_file()


# ---------------------------------------------------------------------- issue 19: open
def test_opening_a_bundled_example_by_path_leaves_no_lock_file(window) -> None:
    """Item 11: the bundled example opens as a copy; no lock file in the source tree."""
    example = EXAMPLES / "manufacturing.procm"
    assert window.open_path(example, ask=False)
    assert window.session.path is None and window.session.lock is None
    assert not list(EXAMPLES.glob("~$*"))
    assert "copy" in window.statusBar().currentMessage()
    assert not settings.recent_files()


def test_lock_files_are_ignored_by_git() -> None:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "~$*.lock" in lines


def _answer(monkeypatch, button, asked: list) -> None:  # type: ignore[type-arg]
    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))


@pytest.mark.parametrize("agree", [True, False])
def test_file_open_on_a_bpmn_file_offers_to_import_it(window, monkeypatch, agree) -> None:
    """Item 8: File > Open on a .bpmn asks, then imports it as a new unsaved model."""
    sample = ROOT / "tests" / "data" / "bpmn-samples" / "reference__A.1.0.bpmn"
    filters: list[str] = []

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        filters.append(args[3])
        return (str(sample), "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    asked: list[str] = []
    button = QMessageBox.StandardButton.Yes if agree else QMessageBox.StandardButton.Cancel
    _answer(monkeypatch, button, asked)
    before = window.session
    window.actions_by_name["open"].trigger()
    assert "*.bpmn" in filters[0] and "*.xlsx" in filters[0] and "*.procm" in filters[0]
    assert len(asked) == 1 and "BPMN" in asked[0]
    if agree:
        assert window.session is not before and window.session.path is None
        assert window.context.arch.processes
        assert window.isWindowModified()
    else:
        assert window.session is before


def test_file_open_on_a_register_offers_to_import_it(window, monkeypatch, tmp_path) -> None:
    from procmodeler.io.register import export_register

    folder = tmp_path / "register"
    export_register(window.context.arch, folder)
    _open_dialog(monkeypatch, folder / "processes.csv")
    asked: list[str] = []
    _answer(monkeypatch, QMessageBox.StandardButton.Yes, asked)
    monkeypatch.setattr(window.registers, "_show", lambda *a, **k: None)
    names = sorted(p.name for p in window.context.arch.processes.values())
    window.actions_by_name["open"].trigger()
    assert len(asked) == 1 and "register" in asked[0]
    assert sorted(p.name for p in window.context.arch.processes.values()) == names
    assert window.session.path is None
