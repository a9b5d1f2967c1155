"""Fixtures for the desktop app's tests: offscreen Qt with the app's own look, settings in
a temporary folder, no modal dialog left unreplaced, an empty clipboard after each test, and a shown main
window on the sample model of tests/ui/helpers.py."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from procmodeler.app.session import Session  # noqa: E402


@pytest.fixture(autouse=True)
def _the_apps_look(qapp: QApplication) -> None:
    """Every test sees the widgets as the app shows them (Fusion, DejaVu Sans 9.5 pt,
    the style sheet), whichever test ran before it: sizes and what fits depend on it."""
    from procmodeler.ui.app import style_application

    style_application(qapp)


@pytest.fixture(autouse=True)
def _clear_clipboard() -> Iterator[None]:
    """Qt's offscreen clipboard crashes at exit while it holds data: empty it."""
    yield
    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def _config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("PROCMODELER_CONFIG_DIR", str(folder))
    monkeypatch.setenv("PROCMODELER_DATA_DIR", str(tmp_path / "data"))
    return folder


class UnexpectedDialog(AssertionError):
    """A test ran into a modal dialog it did not replace."""


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Modal dialogs would hang an offscreen test: fail instead, unless a test
    replaces them itself."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
            texts = [a for a in args if isinstance(a, str)]
            raise UnexpectedDialog(f"unexpected {name}: {texts}")

        return staticmethod(dialog)

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse(f"QMessageBox.{name}"))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse(f"QFileDialog.{name}"))
    for name in ("getText", "getInt", "getItem", "getDouble"):
        monkeypatch.setattr(QInputDialog, name, refuse(f"QInputDialog.{name}"))


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    from procmodeler.ui.app import install_translations, style_application

    style_application(qapp)
    install_translations(qapp, "en")
    return qapp


@pytest.fixture
def window(app, qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    from procmodeler.ui.mainwindow import MainWindow
    from tests.ui.helpers import close_window, sample_editor

    ed, ids = sample_editor()
    win = MainWindow(Session(ed), remember=False)
    win.ids = ids
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.canvas.view.set_zoom(1.0)
    win.canvas.view.centerOn(300, 150)
    yield win
    close_window(win)
