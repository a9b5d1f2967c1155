"""The strategy views on both bundled examples in a real main window: every view fills
when its tab comes to the front, and what they show is the example's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget

from procmodeler.ui.panels import (
    IMPROVEMENTS_DOCK,
    MANAGEMENT_DOCK,
    OBJECTIVES_DOCK,
    STRATEGY_DOCK,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "procmodeler" / "resources" / "examples"


@pytest.fixture
def main_window(app, qtbot):  # type: ignore[no-untyped-def]
    from procmodeler.ui.mainwindow import MainWindow
    from tests.ui.helpers import close_window

    win = MainWindow(remember=False)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    close_window(win)


@pytest.mark.parametrize("example", ["manufacturing", "municipality-sv"])
def test_every_strategy_view_fills_with_the_example(main_window, qtbot, example):
    win = main_window
    assert win.open_path(EXAMPLES / f"{example}.procm", ask=False)
    arch = win.context.arch
    assert arch.objectives and arch.improvements and arch.contributions
    docks = {d.objectName(): d for d in win.findChildren(QDockWidget)}
    for name in (OBJECTIVES_DOCK, STRATEGY_DOCK, IMPROVEMENTS_DOCK, MANAGEMENT_DOCK):
        docks[name].show()
        docks[name].raise_()
    objectives = docks[OBJECTIVES_DOCK].widget()
    qtbot.waitUntil(lambda: list(objectives.items()) == list(arch.walk_objectives()))
    matrix = docks[STRATEGY_DOCK].widget()
    qtbot.waitUntil(lambda: [c.uid for c in matrix.matrix.cols] == list(arch.walk_objectives()))
    board = docks[IMPROVEMENTS_DOCK].widget()
    shown = {
        status: board.shown_ids(status)
        for status in ("idea", "planned", "ongoing", "done", "dropped")
    }
    for status, ids in shown.items():
        assert ids == [i for i, imp in arch.improvements.items() if imp.status == status]
    view = docks[MANAGEMENT_DOCK].widget()
    qtbot.waitUntil(lambda: view.result.total() > 0)
    for section in ("unanswered", "answered", "unserved", "unmeasured", "improvements", "reviews"):
        for ident in view.lines(section):
            assert ident in arch.processes or ident in arch.objectives or ident in arch.improvements
    win.map_colouring.set_mode("established")
    assert win.map_colouring.marks()
