"""The diagram canvas driven with real mouse and key events: create, name, move,
nudge, resize, connect, bend points, levels; each gesture one undo entry and the scene
and tree in sync after undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSizePolicy

from procmodeler.model import Bounds
from procmodeler.ui.canvas.items import CONNECT_GAP
from procmodeler.ui.palette import palette_mime
from tests.ui.helpers import assert_in_sync, click, double_click, drag, drop, view_point

pytestmark = pytest.mark.gui


def _center(b: Bounds) -> tuple[float, float]:
    return (b.x + b.w / 2, b.y + b.h / 2)


def test_scene_shows_the_level(window) -> None:
    assert_in_sync(window)
    scene = window.canvas.scene
    assert len(scene.shapes) == 4
    assert len(scene.relations) == 1
    kinds = sorted(type(i).__name__ for i in scene._decor)
    assert kinds == ["BandItem", "BandItem", "BandItem", "NeedArrowItem", "NeedArrowItem"]
    # the owner and the KPI light are on the "Sell" shape (lead time 7 > 5 + 10 %)
    sell = scene.shapes[window.ids["sell"]].view
    assert sell.owner_line == "Anna Berg" and sell.light == "red"
    # the sub-process mark on "Deliver"
    assert scene.shapes[window.ids["deliver"]].view.has_children


def test_palette_click_creates_a_process_and_names_it_in_place(window, qtbot) -> None:
    ed = window.context.editor
    before = len(ed.history())
    QTest.mouseClick(window.palette_panel.process_buttons["support"], Qt.MouseButton.LeftButton)
    editor = window.canvas.view.name_editor
    assert editor is not None and editor.hasFocus() or editor.isVisible()
    pid = editor.pid
    proc = window.context.arch.processes[pid]
    assert proc.kind == "support" and proc.parent is None
    assert window.context.selection == (pid,)
    # placed in the support band, right of "Run IT"
    b = window.context.arch.shapes[None][pid]
    assert b.y == 280 and b.x > 260
    editor.selectAll()
    qtbot.keyClicks(editor, "Recruit staff")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.context.arch.processes[pid].name == "Recruit staff"
    assert window.canvas.view.name_editor is None
    assert len(ed.history()) == before + 2  # create, rename
    assert window.tree.item(pid).text(0) == "Recruit staff"
    assert_in_sync(window)
    ed.undo()
    assert window.context.arch.processes[pid].name != "Recruit staff"
    assert_in_sync(window)
    ed.undo()
    assert pid not in window.context.arch.processes
    assert_in_sync(window)


def test_typing_after_creation_replaces_the_default_name(window, qtbot) -> None:
    pid = window.canvas.create_process("core")
    editor = window.canvas.view.name_editor
    qtbot.keyClicks(editor, "Onboard customer")
    QTest.keyClick(editor, Qt.Key.Key_Enter)
    assert window.context.arch.processes[pid].name == "Onboard customer"


def test_escape_keeps_the_default_name_and_f2_renames(window, qtbot) -> None:
    pid = window.canvas.create_process("management")
    editor = window.canvas.view.name_editor
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert window.canvas.view.name_editor is None
    assert window.context.arch.processes[pid].name == "New management process"
    window.canvas.view.setFocus()
    QTest.keyClick(window.canvas.view, Qt.Key.Key_F2)
    editor = window.canvas.view.name_editor
    assert editor is not None and editor.pid == pid
    editor.setText("Styra verksamheten \u2013 ledning")  # non-ASCII set directly
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.context.arch.processes[pid].name == "Styra verksamheten \u2013 ledning"


def test_drop_from_palette_creates_at_the_drop_point(window) -> None:
    view = window.canvas.view
    pos = view_point(view, 653, 427)
    assert drop(view.viewport(), palette_mime("core"), pos)
    editor = view.name_editor
    assert editor is not None
    b = window.context.arch.shapes[None][editor.pid]
    assert (b.x, b.y) == (570, 390)  # centred on the drop point, snapped to the grid
    assert window.context.arch.processes[editor.pid].kind == "core"


def test_drag_moves_selected_shapes_as_one_undo_entry(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    sell, deliver = window.ids["sell"], window.ids["deliver"]
    before_history = len(ed.history())
    old = arch.shapes[None][sell]
    drag(window.canvas.view, (old.x + 40, old.y + 30), (old.x + 40 + 57, old.y + 30 + 23), steps=8)
    new = arch.shapes[None][sell]
    assert (new.x, new.y) == (old.x + 60, old.y + 20)  # snapped to the 10-unit grid
    assert len(ed.history()) == before_history + 1
    assert ed.undo_label().text() == "Move 'Sell'"
    assert window.context.selection == (sell,)
    assert_in_sync(window)
    # select both with ctrl-click and drag them together
    d = arch.shapes[None][deliver]
    click(window.canvas.view, d.x + 80, d.y + 35, Qt.KeyboardModifier.ControlModifier)
    assert set(window.context.selection) == {sell, deliver}
    # sideways: straight down would make the core band overlap the support band
    drag(window.canvas.view, (d.x + 80, d.y + 35), (d.x + 120, d.y + 35))
    assert arch.shapes[None][deliver].x == d.x + 40
    assert arch.shapes[None][sell].x == new.x + 40
    assert ed.undo_label().text() == "Move 2 processes"
    ed.undo()
    ed.undo()
    assert arch.shapes[None][sell] == old
    assert_in_sync(window)
    ed.redo()
    assert arch.shapes[None][sell] == new
    assert_in_sync(window)


def test_arrow_key_nudges_become_one_undo_entry(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    it = window.ids["it"]
    old = arch.shapes[None][it]
    click(window.canvas.view, *_center(old))
    before = len(ed.history())
    view = window.canvas.view
    view.setFocus()
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert arch.shapes[None][it] == old  # still live, not yet committed
    assert window.canvas.scene.shapes[it].bounds == old.moved(30, 1)
    window.canvas.flush()  # what a pause, a click or any other command does
    assert arch.shapes[None][it] == old.moved(30, 1)
    assert len(ed.history()) == before + 1
    ed.undo()
    assert arch.shapes[None][it] == old
    assert_in_sync(window)


def test_nudge_run_ends_by_itself_after_a_pause(window, qtbot) -> None:
    arch = window.context.arch
    it = window.ids["it"]
    old = arch.shapes[None][it]
    window.context.set_selection([it])
    window.canvas.view.setFocus()
    QTest.keyClick(window.canvas.view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: arch.shapes[None][it] == old.moved(-10, 0), timeout=3000)


def test_resize_with_a_handle(window) -> None:
    arch = window.context.arch
    sell = window.ids["sell"]
    old = arch.shapes[None][sell]
    click(window.canvas.view, *_center(old))
    drag(
        window.canvas.view, (old.x + old.w, old.y + old.h), (old.x + old.w + 42, old.y + old.h + 28)
    )
    assert arch.shapes[None][sell] == Bounds(old.x, old.y, old.w + 40, old.h + 30)
    assert window.context.editor.undo_label().text() == "Resize 'Sell'"
    assert_in_sync(window)


def test_rubber_band_selects_the_enclosed_shapes(window) -> None:
    drag(window.canvas.view, (60, -40), (290, 225))
    assert set(window.context.selection) == {window.ids["plan"], window.ids["sell"]}
    click(window.canvas.view, 900, 600)
    assert window.context.selection == ()


def test_connect_from_the_handle_and_change_the_kind(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    it, deliver = window.ids["it"], window.ids["deliver"]
    b = arch.shapes[None][it]
    click(window.canvas.view, *_center(b))
    c = window.canvas.scene.shapes[it].mapToScene(window.canvas.scene.shapes[it].connect_center())
    handle = (c.x(), c.y())
    assert handle == (b.x + b.w + CONNECT_GAP, b.y - CONNECT_GAP)
    window.palette_panel.relation_buttons["support"].click()
    d = arch.shapes[None][deliver]
    drag(window.canvas.view, handle, _center(d))
    rels = [r for r in arch.relations.values() if r.source == it]
    assert len(rels) == 1 and rels[0].target == deliver and rels[0].kind == "support"
    rid = rels[0].id
    assert window.context.selection == (rid,)
    assert rid in window.canvas.scene.relations
    assert_in_sync(window)
    # the context menu offers the kinds; choose "Steering"
    item = window.canvas.scene.relations[rid]
    menu = window.canvas.build_context_menu(item, QPointF(0, 0))
    kind_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    steering = next(a for a in kind_menu.actions() if a.text() == "Steering")
    steering.trigger()
    assert arch.relations[rid].kind == "steering"
    assert window.canvas.scene.relations[rid].view.head_style == "diamond"
    assert_in_sync(window)
    ed.undo()
    assert arch.relations[rid].kind == "support"
    assert_in_sync(window)
    ed.undo()
    assert rid not in arch.relations and rid not in window.canvas.scene.relations
    assert_in_sync(window)
    ed.redo()
    ed.redo()
    assert arch.relations[rid].kind == "steering"
    assert_in_sync(window)


def test_relation_object_reverse_and_reconnect(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    arch = window.context.arch
    rid = window.ids["flow"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Signed order", True))
    window.canvas.edit_relation_object(rid)
    assert arch.relations[rid].object == "Signed order"
    assert window.canvas.scene.relations[rid].view.label == "Signed order"
    window.canvas.reverse_relation(rid)
    assert (arch.relations[rid].source, arch.relations[rid].target) == (
        window.ids["deliver"],
        window.ids["sell"],
    )
    window.canvas.reverse_relation(rid)
    # drag the target end onto another process
    window.context.set_selection([rid])
    end = window.canvas.scene.relations[rid].view.path[-1]
    plan = arch.shapes[None][window.ids["plan"]]
    drag(window.canvas.view, end, _center(plan))
    assert arch.relations[rid].target == window.ids["plan"]
    assert_in_sync(window)


def test_bend_points_are_added_moved_and_removed(window) -> None:
    arch = window.context.arch
    rid = window.ids["flow"]
    path = window.canvas.scene.relations[rid].view.path
    mid = ((path[0][0] + path[-1][0]) / 2, path[0][1])
    click(window.canvas.view, *mid)
    assert window.context.selection == (rid,)
    double_click(window.canvas.view, *mid)
    points = arch.waypoints[None][rid]
    assert len(points) == 1
    drag(window.canvas.view, points[0], (points[0][0], points[0][1] + 60))
    moved = arch.waypoints[None][rid]
    assert moved[0][1] == points[0][1] + 60
    assert window.canvas.scene.relations[rid].view.path[1] == moved[0]
    assert window.context.editor.undo_label().text() == "Edit bend points"
    double_click(window.canvas.view, *moved[0])
    assert rid not in arch.waypoints.get(None, {})
    assert_in_sync(window)


def test_double_click_drills_down_and_breadcrumb_goes_up(window) -> None:
    deliver = window.ids["deliver"]
    d = window.context.arch.shapes[None][deliver]
    double_click(window.canvas.view, *_center(d))
    assert window.context.level == deliver
    assert set(window.canvas.scene.shapes) == {window.ids["pick"], window.ids["ship"]}
    crumbs = window.canvas.breadcrumb.buttons
    assert [b.text() for b in crumbs] == ["Process map", "Deliver"]
    assert_in_sync(window)
    # an edit on the sub-level, then up via the breadcrumb
    window.canvas.create_process("core", edit=False)
    crumbs[0].click()
    assert window.context.level is None
    assert_in_sync(window)
    window.actions_by_name["undo"].trigger()
    assert_in_sync(window)
    # Alt+Up from a sub-level
    window.context.open_level(deliver)
    window.actions_by_name["level_up"].trigger()
    assert window.context.level is None and window.context.selection == (deliver,)


def test_off_level_relation_is_a_marker(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    from procmodeler.edit import operations as ops

    rid = ops.connect(ed, window.ids["pick"], window.ids["it"], "support")
    it_item = window.canvas.scene.shapes[window.ids["it"]]
    assert [m.relation for m in it_item.view.markers] == [rid]
    assert rid not in window.canvas.scene.relations
    # double-click the marker: go to the other end
    r = it_item.marker_rect(0)
    pos = it_item.mapToScene(r.center())
    double_click(window.canvas.view, pos.x(), pos.y())
    assert window.context.level == window.ids["deliver"]
    assert window.context.selection == (window.ids["pick"],)
    assert arch.relations[rid].kind == "support"


def test_swimlanes_on_a_sub_level(window) -> None:
    window.context.open_level(window.ids["deliver"])
    action = window.actions_by_name["swimlanes"]
    assert action.isEnabled() and not action.isChecked()
    action.trigger()
    assert window.context.arch.diagrams[window.ids["deliver"]].swimlanes
    lanes = [i for i in window.canvas.scene._decor if type(i).__name__ == "LaneItem"]
    assert [lane.label for lane in lanes] == ["Sales", "Production"]
    # arrange: each process into the lane of its accountable (else responsible) unit
    from procmodeler.edit import operations as ops
    from procmodeler.notation.geometry import lanes as lanes_of

    ed = window.context.editor
    arch = window.context.arch
    ops.set_participation(ed, window.ids["pick"], window.ids["production"], "R")
    ops.set_participation(ed, window.ids["ship"], window.ids["sales"], "A")
    ops.set_participation(ed, window.ids["ship"], window.ids["production"], "R")
    assert window.actions_by_name["arrange_lanes"].isEnabled()
    window.actions_by_name["arrange_lanes"].trigger()
    level = window.ids["deliver"]
    by_unit = {lane.unit: lane.bounds for lane in lanes_of(arch, level)}
    for pid, unit in (
        (window.ids["pick"], window.ids["production"]),
        (window.ids["ship"], window.ids["sales"]),
    ):
        b = arch.shapes[level][pid]
        lane = by_unit[unit]
        assert lane.y <= b.y and b.y + b.h <= lane.y + lane.h, (pid, b, lane)
    assert ed.undo_label().text() == "Place 2 processes"
    assert_in_sync(window)
    ed.undo()
    for _ in range(3):
        ed.undo()
    assert action.isChecked()  # showing the lanes was a view setting, not an undo entry
    action.trigger()
    assert not [i for i in window.canvas.scene._decor if type(i).__name__ == "LaneItem"]
    assert not action.isChecked()
    assert not window.actions_by_name["arrange_lanes"].isEnabled()


def test_kind_change_moves_the_shape_into_its_band(window) -> None:
    arch = window.context.arch
    it = window.ids["it"]
    window.canvas.set_process_kind([it], "management")
    assert arch.processes[it].kind == "management"
    assert arch.shapes[None][it].y == arch.shapes[None][window.ids["plan"]].y
    assert len([c for c in window.context.editor.history() if c]) >= 1
    window.context.editor.undo()
    assert arch.processes[it].kind == "support" and arch.shapes[None][it].y == 280
    assert_in_sync(window)


def test_zoom_actions(window) -> None:
    view = window.canvas.view
    view.set_zoom(1.0)
    window.actions_by_name["zoom_in"].trigger()
    assert view.zoom == pytest.approx(1.25)
    window.actions_by_name["zoom_out"].trigger()
    window.actions_by_name["zoom_out"].trigger()
    assert view.zoom == pytest.approx(0.8)
    window.actions_by_name["zoom_100"].trigger()
    assert view.zoom == pytest.approx(1.0)
    window.actions_by_name["fit"].trigger()
    content = window.canvas.scene.content_rect()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(content)
    assert window.zoom_label.text() == f"{round(view.zoom * 100)} %"


def test_tooltips_name_what_a_shape_cannot_show(window) -> None:
    from procmodeler.edit import operations as ops

    ed = window.context.editor
    scene = window.canvas.scene
    ops.connect(ed, window.ids["pick"], window.ids["it"], "support")
    tip = scene.marker_tooltip(window.ids["it"], 0)
    assert "Support from 'Pick goods' (on another diagram)" in tip
    long = "Plan, coordinate and follow up the delivery of every customer order across all sites"
    ops.rename_process(ed, window.ids["sell"], long)
    item = scene.shapes[window.ids["sell"]]
    assert item.view.name_lines[-1].endswith("\u2026")
    assert scene.shape_tooltip(window.ids["sell"]) == long + "\nAnna Berg"


def test_view_state_does_not_modify_the_document(window) -> None:
    """Issue 19 item 10: swimlanes, zoom and levels are view state; a save writes the
    swimlanes shown."""
    assert not window.session.is_modified
    window.context.open_level(window.ids["deliver"])
    window.actions_by_name["swimlanes"].trigger()
    assert window.context.arch.diagrams[window.ids["deliver"]].swimlanes
    assert window.canvas.swimlanes_shown()
    window.actions_by_name["zoom_in"].trigger()
    window.context.open_level(None)
    assert not window.session.is_modified
    assert not window.isWindowModified()
    assert not window.actions_by_name["undo"].isEnabled() or (
        "swimlane" not in window.actions_by_name["undo"].text().lower()
    )


def test_a_deep_breadcrumb_cuts_its_names_instead_of_widening_the_canvas(window, qtbot) -> None:
    # long names three levels down: the breadcrumb's names are cut short ("…", whole in
    # the tooltip), the levels above first, and it asks for no width of its own (it
    # pushed a laptop's panels narrower for good)
    from procmodeler.edit import operations as ops

    ed = window.context.editor
    deliver, ship = window.ids["deliver"], window.ids["ship"]
    long_names = [
        "Deliver, install and commission the ordered equipment",
        "Ship the goods to the customer's site with all papers",
        "Book the carrier for the heavy and oversized freight",
    ]
    ops.rename_process(ed, deliver, long_names[0])
    ops.rename_process(ed, ship, long_names[1])
    deep = ops.create_process(ed, long_names[2], "core", parent=ship)
    window.resize(1024, 752)
    qtbot.wait(50)
    docks = [d for d in window.docking.all_docks() if d.isVisible()]
    before = {d.objectName(): d.width() for d in docks}
    window.context.open_level(deep)
    crumb = window.canvas.breadcrumb
    assert crumb.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored

    def fits() -> bool:
        right = max(b.mapTo(crumb, b.rect().topRight()).x() for b in crumb.buttons)
        return right <= crumb.width()

    qtbot.waitUntil(fits)
    qtbot.wait(50)  # nothing resizes the breadcrumb after a change of level: no second fit
    for button in crumb.buttons:  # each name cut once, by us, not squeezed again by Qt
        assert button.width() >= button.sizeHint().width(), button.text()
    assert crumb.buttons[1].text().endswith("\u2026")  # the levels above cut first
    assert [b.toolTip() for b in crumb.buttons][1:] == long_names
    qtbot.wait(50)
    assert {d.objectName(): d.width() for d in docks} == before  # the panels kept theirs
    window.resize(2400, 900)  # room enough: the names whole again
    qtbot.waitUntil(lambda: [b.text() for b in crumb.buttons][1:] == long_names)
