"""The window shows before it makes the optional parts (issue 20): a panel behind a tab
is made when its tab first comes to the front (or when asked for), and then shows the
open model and what is selected."""

from __future__ import annotations

import pytest

from procmodeler.ui.panels import (
    IMPROVEMENTS_DOCK,
    KPI_DOCK,
    MANAGEMENT_DOCK,
    OBJECTIVES_DOCK,
    PROBLEMS_DOCK,
    PROPERTIES_DOCK,
    SCORECARD_DOCK,
    STRATEGY_DOCK,
    UNITS_DOCK,
    LazyDock,
)

pytestmark = pytest.mark.gui

BEHIND_TABS = (
    UNITS_DOCK,
    KPI_DOCK,
    SCORECARD_DOCK,
    OBJECTIVES_DOCK,
    STRATEGY_DOCK,
    IMPROVEMENTS_DOCK,
    MANAGEMENT_DOCK,
)


def test_panels_behind_tabs_are_made_when_first_seen(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    docks = {d.objectName(): d for d in window.panel_docks}
    assert all(isinstance(d, LazyDock) for d in docks.values())
    qtbot.waitUntil(lambda: docks[PROPERTIES_DOCK].is_made() and docks[PROBLEMS_DOCK].is_made())
    assert [name for name in BEHIND_TABS if docks[name].is_made()] == []
    arch = window.context.arch
    person = next(iter(arch.people))
    window.context.set_selection([person])
    docks[UNITS_DOCK].raise_()
    qtbot.waitUntil(docks[UNITS_DOCK].is_made)
    units = docks[UNITS_DOCK].widget()
    assert units.isVisible() and docks[UNITS_DOCK].widget() is units  # made once
    assert set(units._items) == set(arch.units) | set(arch.people)
    assert units.item_for(person).isSelected()
    assert not docks[KPI_DOCK].is_made()


def test_a_panel_asked_for_is_made_at_once(window) -> None:  # type: ignore[no-untyped-def]
    from procmodeler.ui.panels import ScorecardPanel  # the package still names them

    dock = next(d for d in window.panel_docks if d.objectName() == SCORECARD_DOCK)
    assert not dock.is_made()
    panel = dock.widget()
    assert isinstance(panel, ScorecardPanel) and dock.is_made()
