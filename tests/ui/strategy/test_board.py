"""The improvements board with real widgets: cards in the column of their status,
overdue ones marked, the four filters, status changes by keyboard and by a drop (the
mime data a drag carries), delete, each one undo entry."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QComboBox

from procmodeler.edit import operations as ops
from procmodeler.ui.strategy.board import ImprovementsBoard
from procmodeler.ui.strategy.cards import COLUMN_MIN_WIDTH, MIME, OVERDUE_ROLE


def pick(combo: QComboBox, ident: str | None) -> None:
    combo.setCurrentIndex(combo.findData(ident) if ident else 0)


def board_with_cards(qtbot, context) -> ImprovementsBoard:
    ed = context.editor
    ops.add_improvement(ed, "pr_sell", "Offer templates", iid="i_tpl", responsible="p_anna")
    ops.add_improvement(
        ed, "pr_offer", "Price list online", iid="i_price", status="planned", due="2026-09-01"
    )
    ops.add_improvement(ed, "pr_it", "New laptops", iid="i_it", status="done", done="2026-02-01")
    board = ImprovementsBoard(context)
    qtbot.addWidget(board)
    board.resize(1000, 400)
    board.show()
    qtbot.waitExposed(board)
    return board


def test_columns_and_overdue_marks(qtbot, context):
    board = board_with_cards(qtbot, context)
    assert board.shown_ids("idea") == ["i_tpl"]
    assert board.shown_ids("planned") == ["i_price"]
    assert board.shown_ids("ongoing") == ["i_pick"]
    assert board.shown_ids("done") == ["i_it"]
    assert board.shown_ids("dropped") == []
    late = board.columns["ongoing"].item(0)
    assert "Overdue since 2026-05-01" in late.text()
    assert late.data(OVERDUE_ROLE) is True
    on_time = board.columns["planned"].item(0)
    assert "Due 2026-09-01" in on_time.text() and on_time.data(OVERDUE_ROLE) is False
    assert board.columns["idea"].item(0).text() == "Offer templates\nSell · Anna Berg"
    assert "(1)" in board.titles["idea"].text()


def test_filters_by_process_unit_responsible_and_status(qtbot, context):
    board = board_with_cards(qtbot, context)
    pick(board.process_filter, "pr_sell")  # with its sub-process "Make offer"
    assert board.shown_ids("idea") == ["i_tpl"] and board.shown_ids("planned") == ["i_price"]
    assert board.shown_ids("ongoing") == [] and board.shown_ids("done") == []
    pick(board.process_filter, None)
    pick(board.unit_filter, "u_ops")  # takes part in Deliver
    assert board.shown_ids("ongoing") == ["i_pick"] and board.shown_ids("idea") == []
    pick(board.unit_filter, None)
    pick(board.person_filter, "p_anna")
    assert [board.shown_ids(s) for s in ("idea", "planned", "ongoing")] == [["i_tpl"], [], []]
    pick(board.person_filter, None)
    pick(board.status_filter, "done")
    assert board.columns["done"].isVisible() and not board.columns["idea"].isVisible()
    pick(board.status_filter, None)
    assert board.columns["idea"].isVisible()


def test_status_by_keyboard_and_drop_then_undo(qtbot, context, fake_dialogs):
    board = board_with_cards(qtbot, context)
    arch = context.arch
    assert board.select("i_tpl")
    column = board.columns["idea"]
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert arch.improvements["i_tpl"].status == "planned"
    assert board.shown_ids("planned") == ["i_tpl", "i_price"]
    qtbot.keyClick(board.columns["planned"], Qt.Key.Key_3)  # 3: ongoing, starts today
    assert arch.improvements["i_tpl"].status == "ongoing"
    assert arch.improvements["i_tpl"].started == "2026-06-30"
    assert context.selection == ("i_tpl",)
    # a card dragged to "dropped"
    source = board.columns["planned"]
    data = source.mimeData([source.item(0)])  # what dragging the card carries
    assert bytes(data.data(MIME).data()) == b"i_price"
    target = board.columns["dropped"]
    drop = QDropEvent(
        QPoint(5, 5).toPointF(),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(drop)
    assert arch.improvements["i_price"].status == "dropped"
    assert board.shown_ids("dropped") == ["i_price"]
    # Delete asks, then deletes
    board.select("i_it")
    qtbot.keyClick(board.columns["done"], Qt.Key.Key_Delete)
    assert "i_it" not in arch.improvements and fake_dialogs.asked
    for _ in range(4):
        context.editor.undo()
    assert (
        arch.improvements["i_tpl"].status == "idea" and arch.improvements["i_tpl"].started is None
    )
    assert arch.improvements["i_price"].status == "planned" and "i_it" in arch.improvements
    assert board.shown_ids("idea") == ["i_tpl"] and board.shown_ids("done") == ["i_it"]


def test_new_improvement_and_its_fields_beside_the_board(qtbot, context, fake_dialogs):
    board = board_with_cards(qtbot, context)
    arch = context.arch
    pick(board.status_filter, "planned")
    fake_dialogs.choices = [list(arch.walk()).index("pr_deliver")]
    fake_dialogs.texts = ["Pick by light"]
    qtbot.mouseClick(board.new_button, Qt.MouseButton.LeftButton)
    iid = next(i for i, imp in arch.improvements.items() if imp.title == "Pick by light")
    assert (arch.improvements[iid].process, arch.improvements[iid].status) == (
        "pr_deliver",
        "planned",
    )
    assert board.shown_ids("planned") == ["i_price", iid]
    form = board.form
    assert form.iid == iid and form.isEnabled()
    form.responsible.picked.emit("p_bo")
    form.dates["due"].setText("2026-08-15")
    form.dates["due"].editingFinished.emit()
    form.title.setText("Pick by light in the warehouse")
    form.title.editingFinished.emit()
    imp = arch.improvements[iid]
    assert (imp.responsible, imp.due, imp.title) == (
        "p_bo",
        "2026-08-15",
        "Pick by light in the warehouse",
    )
    assert "Bo Ek" in board.columns["planned"].item(1).text()
    form.dates["due"].setText("soon")  # refused with a warning; the field shows the model again
    form.dates["due"].editingFinished.emit()
    assert fake_dialogs.warnings and form.dates["due"].text() == "2026-08-15"
    for _ in range(4):
        context.editor.undo()
    assert iid not in arch.improvements and not form.isEnabled()


def test_a_narrow_board_scrolls_its_columns_instead_of_squeezing_the_cards(qtbot, context):
    """In a board narrower than its five columns (a bottom dock on a laptop screen) each
    column keeps a readable width and the columns scroll sideways; a wide board shows
    them all at once."""
    board = board_with_cards(qtbot, context)
    board.resize(480, 400)
    qtbot.waitUntil(lambda: board.columns_area.horizontalScrollBar().maximum() > 0)
    assert all(column.width() >= COLUMN_MIN_WIDTH for column in board.columns.values())
    assert board.form.isVisible() and board.form.width() < 480
    board.resize(1800, 400)
    qtbot.waitUntil(lambda: board.columns_area.horizontalScrollBar().maximum() == 0)
    assert all(column.isVisible() for column in board.columns.values())


def test_a_short_board_keeps_its_hint_as_a_tooltip(qtbot, context):
    board = board_with_cards(qtbot, context)
    assert board.hint.isVisible()
    board.resize(1000, 250)
    qtbot.waitUntil(lambda: not board.hint.isVisible())
    assert board.new_button.toolTip() == board.hint.text()
    board.resize(1000, 500)
    qtbot.waitUntil(board.hint.isVisible)


def test_an_improvement_chosen_elsewhere_fills_the_form_and_comes_into_view(qtbot, context):
    """Choosing an improvement in another view (What to act on, the model tree) makes
    its card current, fills the form with it and scrolls its column into view."""
    board = board_with_cards(qtbot, context)
    board.resize(480, 400)
    area = board.columns_area
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() > 0)
    area.horizontalScrollBar().setValue(0)  # the done column is out of sight on the right
    context.set_selection(["i_it"])
    assert board.current_improvement() == "i_it"
    assert board.form.iid == "i_it" and board.form.isEnabled()
    assert board.form.title.text() == "New laptops"
    column = board.columns["done"]
    left = column.mapTo(area.viewport(), column.rect().topLeft()).x()
    assert left >= 0 and left + column.width() <= area.viewport().width()


def test_an_improvement_chosen_before_the_board_is_first_shown_comes_into_view(qtbot, context):
    # the improvements tab comes to the front for the first time after an improvement
    # was chosen elsewhere: its column is scrolled to once the board is laid out
    ops.add_improvement(context.editor, "pr_it", "New laptops", iid="i_it", status="done")
    board = ImprovementsBoard(context)
    qtbot.addWidget(board)
    board.resize(480, 400)
    context.set_selection(["i_it"])
    board.show()
    qtbot.waitExposed(board)
    area = board.columns_area
    column = board.columns["done"]

    def in_view() -> bool:
        left = column.mapTo(area.viewport(), column.rect().topLeft()).x()
        return left >= 0 and left + column.width() <= area.viewport().width()

    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() > 0)
    qtbot.waitUntil(in_view)
    assert board.form.iid == "i_it" and board.form.isEnabled()
