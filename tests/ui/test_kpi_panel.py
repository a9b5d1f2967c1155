"""The KPI panel, map icons and scorecard on a real main window: paste a column from the
clipboard into a KPI and see the chart and the map's icons change, undo it; mark a
rebase and see new limits; the scorecard sorts, filters and reveals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from procmodeler.ui.kpipanel import KpiPanel
from procmodeler.ui.panels import KPI_DOCK, SCORECARD_DOCK
from procmodeler.ui.scorecard import ScorecardPanel

pytestmark = pytest.mark.gui

STABLE = "\n".join(["20", "22", "21", "19", "20", "23", "21", "20", "22", "19", "21", "20"])


def panel(win) -> KpiPanel:  # type: ignore[no-untyped-def]
    """The KPI panel (made now if its tab was never in front)."""
    found = win.findChild(QDockWidget, KPI_DOCK).widget()
    assert isinstance(found, KpiPanel) and found.objectName() == "kpiPanel"
    return found


def test_paste_a_column_changes_chart_and_icons_then_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    sell = window.ids["sell"]
    kid = window.context.arch.kpis_of(sell)[0]
    item = window.canvas.scene.shapes[sell]
    assert item.view.light == "red" and item.view.icons == ()  # target 5, actual 7
    window.context.set_selection([sell])
    kp = panel(window)
    assert kp.current_kpi() == kid
    assert kp.chart.view is not None and kp.chart.view.dots == ()

    QApplication.clipboard().setText(STABLE + "\n35\n")
    kp.table.setFocus()
    kp.paste()
    kpi = window.context.arch.kpis[kid]
    assert len(kpi.series) == 13 and kpi.actual == 35.0
    assert kp.model.rowCount() == 13
    view = kp.chart.view
    assert view is not None and len(view.dots) == 13
    assert view.dots[-1].kind == "concern"  # a lead time far above its limits
    item = window.canvas.scene.shapes[sell]
    assert item.view.light is None
    assert [i.state for i in item.view.icons] == ["special_cause_concern", "consistent_fail"]
    image = window.canvas.scene.views()[0].grab()
    assert not image.isNull()

    window.context.editor.undo()
    item = window.canvas.scene.shapes[sell]
    assert item.view.icons == () and item.view.light == "red"
    assert kp.model.rowCount() == 0
    assert kp.chart.view is not None and kp.chart.view.dots == ()


def test_mark_a_rebase_gives_new_limits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    sell = window.ids["sell"]
    window.context.set_selection([sell])
    kp = panel(window)
    kp.paste(STABLE + "\n12\n13\n11\n12\n13\n12\n")
    limits_before = {line.points[0][1] for line in kp.chart.view.lines if not line.dash}
    assert len([s for s in _segments(window, sell)]) == 1
    row = 12  # the first lower value
    index = kp.model.index(row, 2)
    assert kp.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert [s.start for s in _segments(window, sell)] == [0, 12]
    assert kp.model.index(row, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    limits_after = {line.points[0][1] for line in kp.chart.view.lines if not line.dash}
    assert limits_after != limits_before
    assert kp.chart.view.provisional  # six values after the change
    # the button toggles it off again at the selected row
    kp.table.selectRow(row)
    kp.toggle_change()
    assert len(_segments(window, sell)) == 1


def _segments(win, pid):  # type: ignore[no-untyped-def]
    from procmodeler.analysis.xmr import analyse_kpi

    kid = win.context.arch.kpis_of(pid)[0]
    return analyse_kpi(win.context.arch.kpis[kid]).segments


def test_scorecard_sorts_filters_and_reveals(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from procmodeler.edit import operations as ops

    ed = window.context.editor
    deliver = window.ids["deliver"]
    kpi_dock = window.findChild(QDockWidget, KPI_DOCK)
    sc_dock = window.findChild(QDockWidget, SCORECARD_DOCK)
    assert kpi_dock is not None and sc_dock is not None
    sc = sc_dock.widget()
    assert isinstance(sc, ScorecardPanel)
    sc_dock.raise_()
    qtbot.waitUntil(lambda: sc.proxy.rowCount() == 1)
    with qtbot.waitSignal(sc_dock.visibilityChanged):
        kpi_dock.raise_()  # the scorecard is a tab behind the KPI panel now
    ops.add_kpi(ed, deliver, "Delivered on time", "customer_experience", target=95)
    assert sc.proxy.rowCount() == 1  # hidden: not brought up to date on every edit
    panel(window).paste(STABLE)  # nothing selected: no KPI, nothing happens
    with qtbot.waitSignal(sc_dock.visibilityChanged):
        sc_dock.raise_()  # the user picks the Scorecard tab
    assert sc.proxy.rowCount() == 2
    sc.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert sc.proxy.index(0, 1).data() == "Delivered on time"
    sc.unit_filter.setCurrentIndex(sc.unit_filter.findData(window.ids["production"]))
    assert sc.proxy.rowCount() == 1 and sc.proxy.index(0, 0).data() == "Deliver"
    sc.unit_filter.setCurrentIndex(0)
    sc.owner_filter.setCurrentIndex(sc.owner_filter.findData(window.ids["anna"]))
    assert sc.proxy.rowCount() == 1 and sc.proxy.index(0, 0).data() == "Sell"
    window.context.set_selection([])
    sc.table.doubleClicked.emit(sc.proxy.index(0, 0))
    assert window.context.selection == (window.ids["sell"],)


def test_copy_chart_as_image(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.context.set_selection([window.ids["sell"]])
    kp = panel(window)
    kp.paste(STABLE)
    QApplication.clipboard().clear()
    kp.chart.copy_image()
    image = QApplication.clipboard().image()
    assert not image.isNull() and image.width() >= 600


def test_the_scorecard_owner_filter_counts_an_inherited_owner(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A sub-process without an owner of its own is answered for by its parent's owner
    (as the checks and the report read it): its KPIs are hers in the scorecard, and
    under her unit."""
    from procmodeler.edit import operations as ops

    ed = window.context.editor
    sell, anna = window.ids["sell"], window.ids["anna"]
    quote = ops.create_process(ed, "Quote", "core", parent=sell)
    ops.add_kpi(ed, quote, "Quote lead time", "lead_time", target=2)
    sc_dock = window.findChild(QDockWidget, SCORECARD_DOCK)
    sc = sc_dock.widget()
    sc_dock.raise_()
    qtbot.waitUntil(lambda: sc.proxy.rowCount() == 2)
    sc.owner_filter.setCurrentIndex(sc.owner_filter.findData(anna))
    shown = {sc.proxy.index(row, 0).data() for row in range(sc.proxy.rowCount())}
    assert shown == {"Sell", "Quote"}
    sc.owner_filter.setCurrentIndex(0)
    sales = window.context.arch.people[anna].unit
    sc.unit_filter.setCurrentIndex(sc.unit_filter.findData(sales))
    shown = {sc.proxy.index(row, 0).data() for row in range(sc.proxy.rowCount())}
    assert {"Sell", "Quote"} <= shown
