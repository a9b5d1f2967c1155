"""The desktop app after a crash: a session killed with SIGKILL in another process is
offered for recovery at start, and the recovered model is on screen (canvas, title,
undo); a file open elsewhere and a file changed on disk are asked about, not ignored."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton  # noqa: E402

from procmodeler.app import prompts, recovery  # noqa: E402
from procmodeler.app.session import Session  # noqa: E402
from procmodeler.edit import operations as ops  # noqa: E402
from procmodeler.io import native  # noqa: E402
from tests.reliability.harness import OtherInstance, crash_a_session, sample_model  # noqa: E402

pytestmark = pytest.mark.gui

SHOTS = os.environ.get("PROCMODELER_SCREENSHOTS")  # a folder: keep the screenshots there


def shot(widget, name: str, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    folder = Path(SHOTS) if SHOTS else tmp_path
    path = folder / name
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def window(qapp: QApplication, qtbot, data_dir: Path, tmp_path: Path, monkeypatch) -> Iterator:  # type: ignore[no-untyped-def]
    from procmodeler.ui.app import install_translations, style_application
    from procmodeler.ui.mainwindow import MainWindow

    monkeypatch.setenv("PROCMODELER_CONFIG_DIR", str(tmp_path / "config"))
    style_application(qapp)
    install_translations(qapp, "en")
    win = MainWindow(remember=False)
    win.resize(1200, 760)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for other in list(MainWindow.windows):
        other.session.editor.mark_clean()
        other.close()


def test_the_offer_after_a_crash_brings_the_model_back_on_screen(
    window, qtbot, tmp_path: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    ids = crash_a_session()  # another procmodeler edits a new model and is killed
    seen: dict[str, object] = {}

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "Recover Unsaved Work"
        assert dialog.list.count() == 1
        seen["line"] = dialog.list.item(0).text()
        seen["shot"] = shot(dialog, "recovery-offer.png", tmp_path)
        qtbot.mouseClick(dialog.buttons[prompts.RECOVER], Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

    assert window.offer_recovery(choose=choose) == 1
    assert str(seen["line"]).startswith("Recovered plan (never saved): 4 edits, the last at ")
    # The recovered model is this window's document, on screen, modified, undoable.
    arch = window.session.arch
    assert arch.meta.name == "Recovered plan"
    assert arch.processes[ids["order"]].name == "Order to cash"
    scene = window.canvas.scene
    assert set(scene.shapes) == {ids["order"], ids["invoice"]}
    assert scene.shapes[ids["order"]].isVisible()
    assert window.isWindowModified() and "Recovered plan" in window.windowTitle()
    assert window.session.path is None
    assert window.actions_by_name["undo"].isEnabled()
    shot(window, "recovered-model.png", tmp_path)
    # The old journal is gone; the recovered document has its own.
    assert recovery.find_recoverable() == []
    assert window.session.journal is not None and window.session.journal.path.exists()
    # Nothing is offered twice: a second start finds nothing.
    assert window.offer_recovery(choose=lambda d: pytest.fail("offered again")) == 0


def test_a_changed_file_is_recovered_into_a_new_document_with_a_note(
    window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.procm"
    native.save(sample_model(6), path)
    crash_a_session(path)
    native.save(sample_model(6, variant=1), path)  # a colleague saved it since

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        assert "changed on disk" in dialog.list.item(0).text()
        dialog.buttons[prompts.RECOVER].click()

    assert window.offer_recovery(choose=choose) == 1
    assert window.session.path is None and window.session.arch.meta.name == "Recovered plan"
    notes = window.findChild(QMessageBox, "recoveryNotes")
    assert notes is not None and notes.isVisible()
    assert "new, unsaved document" in notes.text() and str(path) in notes.text()
    notes.close()
    assert native.load(path) == sample_model(6, variant=1)  # their file is untouched


def test_discard_and_later(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    crash_a_session()
    assert window.offer_recovery(choose=lambda d: d.buttons[prompts.LATER].click()) == 0
    later = recovery.find_recoverable()  # still there for the next start
    assert len(later) == 1
    recovery.release_all(later)
    assert window.offer_recovery(choose=lambda d: d.buttons[prompts.DISCARD].click()) == 0
    assert recovery.find_recoverable() == []


def _click_when_shown(qtbot, label: str) -> None:  # type: ignore[no-untyped-def]
    """Click the button *label* of the next safety question (a modal message box)."""

    def click() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "safetyPrompt" and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(20, click)
            return
        for button in boxes[-1].findChildren(QPushButton):
            if button.text() == label:
                button.click()
                return
        raise AssertionError(f"no button {label!r}")

    QTimer.singleShot(0, click)


def test_a_file_open_in_another_instance_is_asked_about(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.procm"
    native.save(sample_model(6), path)
    other = OtherInstance(path)
    try:
        _click_when_shown(qtbot, "Open Read-Only")
        assert window.open_path(path, ask=False)
        assert window.session.read_only and window.session.path == path.resolve()
        _click_when_shown(qtbot, "Cancel")
        assert not window.open_path(path, ask=False)
    finally:
        other.end()


def test_saving_over_a_file_changed_on_disk_is_asked_about(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.procm"
    native.save(sample_model(6), path)
    assert window.open_path(path, ask=False)
    ops.create_process(window.session.editor, "Mine")
    theirs = Session.open(path, force=True)
    ops.create_process(theirs.editor, "Theirs")
    theirs.save()
    _click_when_shown(qtbot, "Cancel")
    assert not window.save()
    assert "Theirs" in {p.name for p in native.load(path).processes.values()}
    _click_when_shown(qtbot, "Overwrite")
    assert window.save()
    assert "Mine" in {p.name for p in native.load(path).processes.values()}
    theirs.close()
