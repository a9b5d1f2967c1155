"""The one rule of the panels that fill only while seen (``FilledWhenShown``): the
participation matrix, units and people, the scorecard and the strategy views share it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from procmodeler.ui.panels import make_dock
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.panels.matrix import ParticipationMatrix
from procmodeler.ui.panels.units import UnitsPanel
from procmodeler.ui.scorecard import ScorecardPanel
from procmodeler.ui.strategy.board import ImprovementsBoard
from procmodeler.ui.strategy.management import ManagementView
from procmodeler.ui.strategy.matrix import StrategyMatrix
from procmodeler.ui.strategy.objectives import ObjectivesPanel

pytestmark = pytest.mark.gui


class Counting(FilledWhenShown, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.fills = 0

    def refresh(self) -> None:
        self.fills += 1


def test_the_panels_share_the_rule() -> None:
    for panel in (
        ParticipationMatrix, UnitsPanel, ScorecardPanel, ImprovementsBoard,
        ManagementView, StrategyMatrix, ObjectivesPanel,
    ):  # fmt: skip
        assert issubclass(panel, FilledWhenShown), panel.__name__
        assert "set_shown" not in vars(panel) and "showEvent" not in vars(panel)


def test_alone_it_fills_at_once(qtbot) -> None:
    panel = Counting()
    qtbot.addWidget(panel)
    panel.changed()
    assert panel.fills == 1 and not panel._stale


def test_a_tab_behind_another_waits_until_it_comes_to_the_front(qtbot) -> None:
    win = QMainWindow()
    qtbot.addWidget(win)
    front, behind = Counting(), Counting()
    docks = []
    for name, panel in (("front", front), ("behind", behind)):
        dock = make_dock(name, name, panel, win)
        win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    win.setCentralWidget(QWidget())
    win.tabifyDockWidget(docks[0], docks[1])
    docks[0].raise_()
    win.resize(800, 600)
    win.show()
    qtbot.waitExposed(win)
    front.fills = behind.fills = 0
    front.changed()
    behind.changed()
    behind.changed()
    assert front.fills == 1 and not front._stale
    assert behind.fills == 0 and behind._stale  # not filled while nobody sees it
    docks[1].raise_()
    qtbot.waitUntil(lambda: behind.fills == 1)
    assert not behind._stale
    docks[0].raise_()
    qtbot.waitUntil(lambda: not behind.in_sight())
    behind.changed()
    assert behind.fills == 1 and behind._stale
