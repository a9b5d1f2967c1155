"""All panels together in a main window: docks with object names, and every panel in
step with the model after a series of edits made through different panels, undone and
redone one by one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from procmodeler.ui.panels import (
    IMPROVEMENTS_DOCK,
    KPI_DOCK,
    MANAGEMENT_DOCK,
    MATRIX_DOCK,
    OBJECTIVES_DOCK,
    PROBLEMS_DOCK,
    PROPERTIES_DOCK,
    SCORECARD_DOCK,
    STRATEGY_DOCK,
    UNITS_DOCK,
    LiveFindings,
    create_panels,
    place_panels,
)
from procmodeler.ui.panels.matrix import LETTERS_ROLE

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, context):
    win = QMainWindow()
    qtbot.addWidget(win)
    docks = create_panels(context, win)
    place_panels(win, docks)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.docks = {d.objectName(): d for d in docks}
    return win


def snapshot(context, window) -> dict:
    """What every panel shows about the parts of the model the edits touch."""
    docks = window.docks
    props = docks[PROPERTIES_DOCK].widget()
    units = docks[UNITS_DOCK].widget()
    matrix = docks[MATRIX_DOCK].widget()
    problems = docks[PROBLEMS_DOCK].widget()
    LiveFindings.for_context(context).refresh_now()
    context.set_selection(["pr_it"])
    page = props.process_page
    tree_names = []

    def visit(item):
        tree_names.append(item.text(0))
        for i in range(item.childCount()):
            visit(item.child(i))

    for i in range(units.tree.topLevelItemCount()):
        visit(units.tree.topLevelItem(i))
    cells = {}
    for col in matrix.matrix.cols:
        index = matrix.matrix.index_of("pr_it", matrix.matrix.column_of(col.uid))
        cells[col.name] = index.data(LETTERS_ROLE)
    return {
        "name": page.name.text(),
        "owner": page.owner.currentText(),
        "kpis": [page.kpis.model().index(r, 0).data() for r in range(page.kpis.model().rowCount())],
        "units": tree_names,
        "columns": [c.name for c in matrix.matrix.cols],
        "cells": cells,
        "findings": sorted((f.rule, f.elements) for f in problems.model.rows),
        "suppressions": dict(context.arch.suppressions),
    }


def test_docks_have_names_titles_and_state(window):
    assert set(window.docks) == {
        PROPERTIES_DOCK,
        UNITS_DOCK,
        MATRIX_DOCK,
        PROBLEMS_DOCK,
        KPI_DOCK,
        SCORECARD_DOCK,
        OBJECTIVES_DOCK,
        STRATEGY_DOCK,
        IMPROVEMENTS_DOCK,
        MANAGEMENT_DOCK,
    }
    for dock in window.docks.values():
        assert isinstance(dock, QDockWidget) and dock.windowTitle()
        assert window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea
    state = window.saveState()
    assert window.restoreState(state)


def test_edits_in_all_panels_undo_and_redo_in_sync(qtbot, context, window, fake_dialogs):
    docks = window.docks
    props = docks[PROPERTIES_DOCK].widget()
    units = docks[UNITS_DOCK].widget()
    matrix = docks[MATRIX_DOCK].widget()
    problems = docks[PROBLEMS_DOCK].widget()
    states = [snapshot(context, window)]

    # 1-3. a new unit with a person, named in place
    units.add_unit_action.trigger()
    uid = context.selection[0]
    units.item_for(uid).setText(0, "IT department")
    units.add_person_action.trigger()
    person = context.selection[0]
    units.item_for(person).setText(0, "Ivar Holm")
    # 4. he becomes owner of 'Provide IT' in the properties panel
    context.set_selection(["pr_it"])
    props.process_page.owner.pick_id(person)
    # 5. the IT department is accountable in the matrix (click twice: R, then A)
    index = matrix.matrix.index_of("pr_it", matrix.matrix.column_of(uid))
    matrix.view.setCurrentIndex(index)
    qtbot.keyClick(matrix.view, Qt.Key.Key_A)
    # 6. a KPI for the process
    context.set_selection(["pr_it"])
    props.process_page.add_kpi()
    # 7. the name of the process
    props.process_page.name.setText("Provide IT services")
    props.process_page.name.editingFinished.emit()
    # 8. suppress a finding
    LiveFindings.for_context(context).refresh_now()
    row = next(r for r, f in enumerate(problems.model.rows) if f.rule == "kpi.no-target")
    problems.select_row(row)
    fake_dialogs.texts.append("Target is set next quarter.")
    problems.suppress_selected()
    steps = 9  # 8 actions, of which the unit and the person are two entries each (add + rename)
    final = snapshot(context, window)
    assert final["name"] == "Provide IT services"
    assert final["owner"].startswith("Ivar Holm")
    assert final["cells"]["IT department"] == "A"
    assert "IT department" in final["units"] and "Ivar Holm" in final["units"]
    assert ("responsibility.no-owner", ("pr_it",)) not in final["findings"]
    assert final["suppressions"]

    # undo step by step, then redo: every panel shows the same as before each step
    trail = [final]
    for _ in range(steps):
        context.editor.undo()
        trail.append(snapshot(context, window))
    assert trail[-1] == states[0]
    assert ("responsibility.no-owner", ("pr_it",)) in trail[-1]["findings"]
    for expected in reversed(trail[:-1]):
        context.editor.redo()
        assert snapshot(context, window) == expected


def test_matrix_behind_a_tab_fills_when_its_tab_comes_to_the_front(qtbot, window, context):
    """Opening another document does not fill the matrix while its tab is behind the
    problems (a big model opens without waiting for it); bringing it to the front does."""
    from procmodeler.edit import operations as ops
    from procmodeler.edit.editor import Editor

    matrix = window.docks[MATRIX_DOCK].widget()
    window.docks[PROBLEMS_DOCK].raise_()
    qtbot.waitUntil(lambda: matrix.visibleRegion().isEmpty())
    other = Editor(context.arch.copy())
    new = ops.create_process(other, "Audit the books", "management", None)
    context.replace_editor(other)
    assert not matrix.matrix.index_of(new).isValid()  # not filled behind the tab
    window.docks[MATRIX_DOCK].raise_()
    qtbot.waitUntil(lambda: matrix.matrix.index_of(new).isValid())
    assert {matrix.matrix.pid(matrix.matrix.index_of(p)) for p in context.arch.processes} == set(
        context.arch.processes
    )


def test_units_behind_a_tab_fill_when_their_tab_comes_to_the_front(qtbot, window, context):
    """Opening another document does not fill the units and people while their tab is
    behind the properties; edits meanwhile are shown when the tab comes to the front,
    with the context's selection."""
    from procmodeler.edit import operations as ops
    from procmodeler.edit.editor import Editor

    units = window.docks[UNITS_DOCK].widget()
    window.docks[PROPERTIES_DOCK].raise_()
    qtbot.waitUntil(lambda: units.visibleRegion().isEmpty())
    other = Editor(context.arch.copy())
    uid = ops.add_unit(other, "Audit office")
    context.replace_editor(other)
    assert units.item_for(uid) is None  # not filled behind the tab
    person = ops.add_person(context.editor, "Ines Berg", uid)
    context.set_selection([person])
    window.docks[UNITS_DOCK].raise_()
    qtbot.waitUntil(lambda: units.item_for(person) is not None)
    assert units.item_for(uid).text(0) == "Audit office"
    assert units.item_for(person).isSelected()
    assert set(units._items) == set(context.arch.units) | set(context.arch.people)
