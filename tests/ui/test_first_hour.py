"""A new user's first hour: the window fits a small laptop screen, the start page, the
preferences (the UI language without an environment variable), registers from the File
menu with the command line's messages, the Help menu, and Ctrl+C."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from procmodeler.ui import preferences
from tests.ui.helpers import close_window

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"


@pytest.fixture
def fresh(app, qtbot):  # type: ignore[no-untyped-def]
    """A window as at a first start: an empty new model, nothing remembered."""
    from procmodeler.ui.mainwindow import MainWindow

    win = MainWindow(remember=True)
    win.show()
    qtbot.waitExposed(win)
    yield win
    close_window(win)


def test_the_window_at_1024_by_640_shows_the_canvas_and_every_panel(fresh, qtbot) -> None:
    hint = fresh.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640, hint
    fresh.resize(1024, 640)
    qtbot.waitUntil(lambda: (fresh.width(), fresh.height()) == (1024, 640))
    QApplication.processEvents()
    view = fresh.canvas.view.viewport()
    assert view.width() >= 300 and view.height() >= 150, view.size()
    docks = [d for d in (fresh.palette_dock, fresh.tree_dock, *fresh.panel_docks) if d.isVisible()]
    shown = [d for d in docks if not d.visibleRegion().isEmpty()]
    # The panels on top of each tab group are inside the window and of a usable size.
    for dock in shown:
        geo = dock.geometry()
        assert geo.width() >= 150 and geo.height() >= 80, (dock.objectName(), geo)
        assert fresh.rect().contains(geo), (dock.objectName(), geo)
    areas = {fresh.dockWidgetArea(d) for d in shown}
    assert len(areas) == 3, areas  # left, right and bottom


def test_first_launch_fits_the_screen_and_geometry_is_kept_per_screen(fresh, qtbot) -> None:
    from procmodeler.ui.geometry import first_launch_size

    area = fresh.screen().availableGeometry()
    size = first_launch_size(fresh.screen())
    assert size.width() <= min(1600, area.width()) and size.height() <= min(1000, area.height())
    assert size.width() >= min(1024, area.width() - 16)
    assert size.height() >= min(640, area.height() - 48)
    fresh.resize(1111, 700)
    fresh.save_settings()
    from procmodeler.ui import settings

    keys = settings.settings().allKeys()
    assert any(k.startswith("mainWindow/geometry/") for k in keys), keys


def test_start_page_opens_an_example_and_comes_back_for_a_new_model(fresh, qtbot) -> None:
    page = fresh.start_page
    assert page.isVisible()
    assert set(page.example_buttons) == {"manufacturing", "municipality-sv"}
    qtbot.mouseClick(page.example_buttons["manufacturing"], Qt.MouseButton.LeftButton)
    assert len(fresh.context.arch.processes) == 52
    assert not page.isVisible()
    fresh.session.editor.mark_clean()
    fresh.new_document()
    assert page.isVisible()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert not page.isVisible()


def test_start_page_lists_recent_files(app, qtbot, tmp_path) -> None:
    from procmodeler.ui import settings
    from procmodeler.ui.mainwindow import MainWindow

    model = tmp_path / "recent one.procm"
    model.write_bytes((EXAMPLES / "manufacturing.procm").read_bytes())
    settings.add_recent_file(str(model))
    win = MainWindow(remember=True)
    win.show()
    try:
        page = win.start_page
        assert page.recent.count() == 1 and page.recent.item(0).text() == "recent one.procm"
        page.recent.itemActivated.emit(page.recent.item(0))
        assert win.session.path == model.resolve()
        assert not page.isVisible()
    finally:
        close_window(win)


def test_preferences_change_the_ui_language(fresh, qtbot) -> None:
    from procmodeler.ui.app import install_translations
    from procmodeler.ui.mainwindow import MainWindow
    from procmodeler.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(fresh)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("sv"))
    dialog.report_language.setCurrentIndex(dialog.report_language.findData("en"))
    dialog.autosave.setValue(5)
    dialog.accept()
    try:
        assert preferences.load() == preferences.Preferences("sv", "en", "", 5)
        win = MainWindow(remember=False)
        try:
            menus = [a.text() for a in win.menuBar().actions()]
            assert menus[0] == "&Arkiv" and menus[-1] == "&Hjälp"
            assert win.autosave.timer.interval() == 5 * 60_000
        finally:
            close_window(win)
    finally:
        install_translations(QApplication.instance(), "en")


def test_register_import_from_the_menu_shows_the_command_lines_messages(
    fresh, qtbot, monkeypatch
) -> None:
    folder = EXAMPLES / "municipality-sv"
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(folder / "units.csv"), "")),
    )
    fresh.actions_by_name["import_register"].trigger()
    assert len(fresh.context.arch.processes) == 46
    assert fresh.session.path is None and fresh.session.is_modified
    box = fresh.registers.messages
    assert box is not None and box.isVisible()
    assert box.text().startswith("Processes imported from municipality-sv: 46.")
    box.close()


def test_a_bad_register_from_the_menu_names_each_problem(
    fresh, qtbot, monkeypatch, tmp_path
) -> None:
    bad = tmp_path / "register"
    bad.mkdir()
    (bad / "processes.csv").write_text("id,name,kind\np1,Order,nonsense\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(bad / "processes.csv"), "")),
    )
    fresh.actions_by_name["import_register"].trigger()
    box = fresh.registers.messages
    assert box is not None and box.icon() == QMessageBox.Icon.Critical
    assert "processes.csv" in box.detailedText() and "Traceback" not in box.detailedText()
    assert fresh.context.arch.processes == {}
    box.close()


def test_register_export_from_the_menu_writes_a_workbook(
    window, qtbot, monkeypatch, tmp_path
) -> None:
    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "Excel workbook (*.xlsx)")),
    )
    window.actions_by_name["export_register"].trigger()
    assert target.is_file()
    from procmodeler.io.register import import_register

    arch = window.context.arch
    assert set(import_register(target).arch.processes) == set(arch.processes)
    import openpyxl

    from procmodeler.common.i18n import translator
    from procmodeler.io.register.readable import RACI_SHEET, REGISTER_SHEET

    tr = translator(arch.meta.language)  # the sheets for people, in the model's language
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:3] == [tr(REGISTER_SHEET), tr(RACI_SHEET), "processes"]
    names = [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(p.name for p in arch.processes.values())


def test_help_menu_has_the_tour_shortcuts_and_problem_report(fresh, qtbot) -> None:
    help_menu = fresh.menuBar().actions()[-1].menu()
    names = [a.objectName() for a in help_menu.actions() if not a.isSeparator()]
    assert names[:3] == ["action_getting_started", "action_shortcuts", "action_report_problem"]
    fresh.actions_by_name["getting_started"].trigger()
    tour = fresh.findChild(QDialog, "gettingStarted")
    assert tour is not None and tour.isVisible()
    tour.do_button.click()  # step 1: open the example
    assert len(fresh.context.arch.processes) == 52
    for _ in range(4):
        tour.next.click()
    assert tour.heading.text().startswith("5.")
    tour.close()
    fresh.actions_by_name["shortcuts"].trigger()
    keys = fresh.findChild(QDialog, "shortcutsDialog")
    texts = {
        keys.table.item(r, 0).text(): keys.table.item(r, 1).text()
        for r in range(keys.table.rowCount())
    }
    assert texts["Undo"] == "Ctrl+Z" and texts["Find"] == "Ctrl+F"
    keys.close()
    fresh.actions_by_name["report_problem"].trigger()
    report = fresh.findChild(QDialog, "reportProblemDialog")
    report.copy_details()
    assert QApplication.clipboard().text().startswith("procmodeler ")
    report.close()


def _png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


@pytest.mark.parametrize("scale", ["1.25", "1.5", "2"])
def test_high_dpi_scales_the_whole_window(tmp_path: Path, scale: str) -> None:
    shot = tmp_path / "shot.png"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": scale,
    }
    proc = subprocess.run(
        [sys.executable, "-m", "procmodeler", str(EXAMPLES / "manufacturing.procm"),
         "--screenshot", str(shot), "--size", "1024x640"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert _png_size(shot) == (round(1024 * float(scale)), round(640 * float(scale)))


def test_a_document_opened_from_finder_opens_in_the_window(fresh, qtbot, tmp_path) -> None:
    from PySide6.QtGui import QFileOpenEvent

    from procmodeler.ui.app import FileOpenFilter

    model = tmp_path / "from finder.procm"
    model.write_bytes((EXAMPLES / "manufacturing.procm").read_bytes())
    app = QApplication.instance()
    opener = FileOpenFilter(app)
    app.installEventFilter(opener)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(model)))
        assert fresh.session.path == model.resolve()
    finally:
        app.removeEventFilter(opener)
