"""The units and people panel: add, rename, move, make head and delete (with the list of
what refers to a unit or person), and the tree follows undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from procmodeler.ui.panels.properties import PropertiesPanel
from procmodeler.ui.panels.units import NO_UNIT, UnitsPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, context):
    widget = UnitsPanel(context)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tree_shape(panel: UnitsPanel) -> list[tuple[int, str]]:
    """(depth, name) of every row, top to bottom."""
    out: list[tuple[int, str]] = []

    def visit(item, depth):
        out.append((depth, item.text(0)))
        for i in range(item.childCount()):
            visit(item.child(i), depth + 1)

    for i in range(panel.tree.topLevelItemCount()):
        visit(panel.tree.topLevelItem(i), 0)
    return out


def test_tree_shows_units_people_and_heads(panel):
    assert tree_shape(panel) == [
        (0, "Sales"),
        (1, "Sales North"),
        (2, "Cia Lund"),
        (1, "Anna Berg"),
        (0, "Operations"),
        (1, "Bo Ek"),
    ]
    assert panel.item_for("u_sales").text(1) == "Head: Anna Berg"
    assert "Head" in panel.item_for("p_anna").text(1)
    # a narrow panel cuts the details: their tooltips tell them whole
    for key in ("u_sales", "p_anna"):
        item = panel.item_for(key)
        assert item.toolTip(1) == item.text(1)


def test_create_unit_and_person_and_make_owner(qtbot, context, panel):
    props = PropertiesPanel(context)
    qtbot.addWidget(props)
    start = len(context.editor.history())
    panel.add_unit_action.trigger()
    uid = context.selection[0]
    assert uid in context.arch.units
    # renamed in place, as the user types into the tree's editor
    item = panel.item_for(uid)
    item.setText(0, "Finance")
    assert context.arch.units[uid].name == "Finance"
    assert panel.item_for(uid).text(0) == "Finance"
    # the new unit is selected: a person added now belongs to it
    panel.add_person_action.trigger()
    person = context.selection[0]
    assert context.arch.people[person].unit == uid
    panel.item_for(person).setText(0, "Eva Stjärna")
    assert context.arch.people[person].name == "Eva Stjärna"
    assert props.current_page() is props.person_page
    # make the person head of the unit, and owner of a process in the properties panel
    panel.head_action.trigger()
    assert context.arch.units[uid].head == person
    context.set_selection(["pr_it"])
    props.process_page.owner.pick_id(person)
    assert context.arch.processes["pr_it"].owner == person
    assert len(context.editor.history()) == start + 6
    # undo everything: the tree is as before
    for _ in range(6):
        context.editor.undo()
    assert uid not in context.arch.units
    assert "Finance" not in [name for _, name in tree_shape(panel)]
    for _ in range(6):
        context.editor.redo()
    assert (1, "Eva Stjärna") in tree_shape(panel)
    assert panel.item_for(uid).text(1) == "Head: Eva Stjärna"
    assert context.arch.processes["pr_it"].owner == person


def test_move_person_and_unit(qtbot, context, panel, fake_dialogs):
    context.set_selection(["p_cia"])
    assert panel.selected() == ("person", "p_cia")
    # "Move to…": the choices are (no unit), Sales, Sales North, Operations
    fake_dialogs.choices.append(3)
    panel.move_action.trigger()
    assert context.arch.people["p_cia"].unit == "u_ops"
    assert panel.item_for("p_cia").parent() is panel.item_for("u_ops")
    # a unit cannot go under its own sub-unit: it is not offered
    context.set_selection(["u_sales"])
    fake_dialogs.choices.append(0)
    panel.move_action.trigger()
    assert "Sales North" not in fake_dialogs.asked[-1][1]
    assert context.arch.units["u_sales"].parent is None  # already top level: no change
    # dropping a unit onto another moves it there
    panel.drop(["u_north"], ("unit", "u_ops"), on_item=True)
    assert context.arch.units["u_north"].parent == "u_ops"
    assert panel.item_for("u_north").parent() is panel.item_for("u_ops")
    # dropping a person onto a person moves it to that person's unit
    panel.drop(["p_bo"], ("person", "p_anna"), on_item=True)
    assert context.arch.people["p_bo"].unit == "u_sales"
    context.editor.undo()
    context.editor.undo()
    context.editor.undo()
    assert panel.item_for("p_cia").parent() is panel.item_for("u_north")


def test_person_without_unit_group(qtbot, context, panel):
    context.set_selection(["p_bo"])
    panel.drop(["p_bo"], None, on_item=False)
    assert context.arch.people["p_bo"].unit is None
    group = panel.item_for(NO_UNIT)
    assert group is not None and group.child(0).text(0) == "Bo Ek"
    context.editor.undo()
    assert panel.item_for(NO_UNIT) is None


def test_delete_referenced_person_lists_references(qtbot, context, panel, fake_dialogs):
    context.set_selection(["p_anna"])
    fake_dialogs.confirm_answer = False
    panel.delete_action.trigger()
    assert "p_anna" in context.arch.people  # the user said no
    title, text = fake_dialogs.asked[-1]
    assert "owner of 'Sell'" in text and "head of 'Sales'" in text
    fake_dialogs.confirm_answer = True
    panel.delete_action.trigger()
    assert "p_anna" not in context.arch.people
    assert context.arch.processes["pr_sell"].owner is None
    assert context.arch.units["u_sales"].head is None
    assert panel.item_for("p_anna") is None
    context.editor.undo()  # one step brings back the person and the references
    assert context.arch.processes["pr_sell"].owner == "p_anna"
    assert panel.item_for("p_anna") is not None


def test_delete_unreferenced_and_referenced_unit(qtbot, context, panel, fake_dialogs):
    panel.add_unit_action.trigger()
    uid = context.selection[0]
    panel.delete_action.trigger()
    assert uid not in context.arch.units
    assert not fake_dialogs.asked  # nothing referred to it: no question
    context.set_selection(["u_sales"])
    panel.delete_action.trigger()
    text = fake_dialogs.asked[-1][1]
    assert "sub-unit 'Sales North'" in text and "takes part in 'Sell'" in text
    assert "u_sales" not in context.arch.units
    assert context.arch.units["u_north"].parent is None
    assert panel.item_for("u_north").parent() is None


def test_rename_with_f2_and_refusal(qtbot, context, panel, fake_dialogs):
    context.set_selection(["u_ops"])
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert panel.tree.state() == panel.tree.State.EditingState
    panel.item_for("u_ops").setText(0, " ")
    assert fake_dialogs.warnings  # a name cannot be empty
    qtbot.waitUntil(lambda: panel.item_for("u_ops").text(0) == "Operations")
    assert context.arch.units["u_ops"].name == "Operations"


def test_toolbar_fits_the_default_dock_width(qtbot, context):
    """Issue 19 item 3: at the width the main window gives the right-hand docks (340 px
    less the frame) every button is on the toolbar (no "»" overflow) with a text label
    beside its icon; the three "add" actions are a menu; tooltips name the actions, and
    the head button's tooltip follows the selected person."""
    from PySide6.QtWidgets import QToolButton

    widget = UnitsPanel(context)
    qtbot.addWidget(widget)
    widget.resize(330, 500)
    widget.show()
    qtbot.waitExposed(widget)
    toolbar = widget.toolbar
    (extension,) = toolbar.findChildren(QToolButton, "qt_toolbar_ext_button")
    assert not extension.isVisible()
    assert toolbar.sizeHint().width() <= widget.width()
    assert widget.add_button.isVisible() and widget.add_button.text() == "Add"
    assert [a.text() for a in widget.add_menu.actions()] == [
        "Add unit",
        "Add sub-unit",
        "Add person",
    ]
    for act in (widget.move_action, widget.head_action, widget.delete_action):
        button = toolbar.widgetForAction(act)
        assert button is not None and button.isVisible(), act.text()
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        assert button.text() and not act.icon().isNull()
        assert act.toolTip().startswith(act.text())
    assert "F2" not in widget.head_action.toolTip()
    assert "(Del" in widget.delete_action.toolTip()
    context.set_selection(["p_anna"])  # Anna heads Sales
    assert widget.head_action.toolTip() == "Remove as head of unit"


def test_people_are_members_after_the_sub_units(panel):
    anna = panel.item_for("p_anna")
    sales = panel.item_for("u_sales")
    assert anna.parent() is sales
    assert sales.indexOfChild(anna) > sales.indexOfChild(panel.item_for("u_north"))
    assert panel.item_for("p_cia").text(1) == "Member"
    assert "Member of Sales North" in panel.item_for("p_cia").toolTip(0)


def test_double_click_renames_in_the_tree(qtbot, context, panel):
    from PySide6.QtWidgets import QApplication, QLineEdit

    item = panel.item_for("u_ops")
    index = panel.tree.indexFromItem(item, 0)
    name = panel.tree.visualRect(index).center()  # the name, not the details column
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=name)
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=name)
    assert panel.tree.state() == panel.tree.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Operations"
    editor.selectAll()
    qtbot.keyClicks(editor, "Production")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: context.arch.units["u_ops"].name == "Production")


def test_moving_to_the_same_unit_says_nothing_happened(qtbot, context, panel, fake_dialogs):
    context.set_selection(["p_cia"])
    entries = len(context.editor.history())
    fake_dialogs.choices.append(2)  # (no unit), Sales, Sales North: where she is
    panel.move_action.trigger()
    assert len(context.editor.history()) == entries
    assert panel.message.isVisible()
    assert panel.message.text() == "Nothing moved: 'Cia Lund' is already in 'Sales North'."
    context.set_selection(["p_bo"])
    assert not panel.message.isVisible()


def test_dragging_a_person_onto_a_unit_moves_them(qtbot, context, panel):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    tree = panel.tree
    bo = panel.item_for("p_bo")
    tree.setCurrentItem(bo)
    mime = tree.model().mimeData([tree.indexFromItem(bo)])
    # the lower edge of the unit's row (Qt calls that "below the item"): still into it
    rect = tree.visualItemRect(panel.item_for("u_north"))
    at = QPointF(rect.center().x(), rect.bottom() - 1)
    event = QDropEvent(
        at,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)  # the tree's own drop handler, as Qt calls it on a drop
    qtbot.waitUntil(lambda: context.arch.people["p_bo"].unit == "u_north")
    assert panel.item_for("p_bo").parent() is panel.item_for("u_north")
    context.editor.undo()
    assert context.arch.people["p_bo"].unit == "u_ops"
