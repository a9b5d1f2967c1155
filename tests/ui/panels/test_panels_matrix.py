"""The participation matrix: rows follow the process hierarchy, columns the unit tree;
a click selects a cell, keys and a menu set RACI letters (one undo entry each); the owner's unit and findings
are marked; the matrix exports as PNG, SVG and PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage

from procmodeler.edit import operations as ops
from procmodeler.ui.panels.matrix import (
    LETTERS_ROLE,
    OWNER_ROLE,
    ParticipationMatrix,
    export_matrix,
    next_in_cycle,
    toggled,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, context):
    widget = ParticipationMatrix(context)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(panel: ParticipationMatrix, pid: str, uid: str) -> QModelIndex:
    return panel.matrix.index_of(pid, panel.matrix.column_of(uid))


def click(qtbot, panel: ParticipationMatrix, index: QModelIndex) -> None:
    rect = panel.view.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_cycle_and_toggle_rules():
    assert [next_in_cycle(x) for x in (None, "R", "A", "C", "I", "", "RA")] == [
        "R",
        "A",
        "C",
        "I",
        None,
        "R",
        None,
    ]
    assert toggled("RA", "A") == "R"
    assert toggled(None, "C") == "C"
    assert toggled("I", "R") == "RI"


def test_rows_follow_hierarchy_and_columns_the_unit_tree(panel):
    model = panel.matrix
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top == ["Lead the business", "Sell", "Deliver", "Provide IT"]
    sell = model.index_of("pr_sell")
    assert model.rowCount(sell) == 1
    assert model.index(0, 0, sell).data() == "Make offer"
    assert [c.uid for c in model.cols] == ["u_sales", "u_north", "u_ops"]
    assert [c.depth for c in model.cols] == [0, 1, 0]
    assert model.cols[0].span_end == 1  # "Sales" spans its sub-unit's column
    assert panel.view.isExpanded(sell)
    qtbot_collapse = panel.collapse_button
    qtbot_collapse.click()
    assert not panel.view.isExpanded(sell)
    assert [pid for pid, _ in panel.visible_rows()] == ["pr_lead", "pr_sell", "pr_deliver", "pr_it"]


def test_cells_show_letters_and_owner_unit(panel):
    assert cell(panel, "pr_sell", "u_sales").data(LETTERS_ROLE) == "A"
    assert cell(panel, "pr_deliver", "u_ops").data() == "RA"
    assert cell(panel, "pr_lead", "u_ops").data(LETTERS_ROLE) is None
    # owners: Anna (Sales) owns Sell; Bo (Operations) owns Deliver
    assert cell(panel, "pr_sell", "u_sales").data(OWNER_ROLE)
    assert not cell(panel, "pr_sell", "u_north").data(OWNER_ROLE)
    assert cell(panel, "pr_deliver", "u_ops").data(OWNER_ROLE)


def test_click_selects_and_keys_toggle(qtbot, context, panel):
    """Issue 19 item 1: a click selects a cell and never changes it; R, A, C, I toggle,
    Delete clears, Backspace removes; each change one undo entry."""
    index = cell(panel, "pr_lead", "u_ops")
    start = len(context.editor.history())
    click(qtbot, panel, index)
    click(qtbot, panel, index)
    assert ("pr_lead", "u_ops") not in context.arch.participation
    assert panel.view.currentIndex() == index
    assert len(context.editor.history()) == start
    qtbot.keyClick(panel.view, Qt.Key.Key_R)
    assert context.arch.participation[("pr_lead", "u_ops")] == "R"
    qtbot.keyClick(panel.view, Qt.Key.Key_R)
    assert context.arch.participation[("pr_lead", "u_ops")] == ""
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    assert context.arch.participation[("pr_lead", "u_ops")] == "A"
    qtbot.keyClick(panel.view, Qt.Key.Key_C)
    assert context.arch.participation[("pr_lead", "u_ops")] == "AC"
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    assert context.arch.participation[("pr_lead", "u_ops")] == "C"
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # clear letters, still takes part
    assert context.arch.participation[("pr_lead", "u_ops")] == ""
    assert cell(panel, "pr_lead", "u_ops").data() == "·"
    qtbot.keyClick(panel.view, Qt.Key.Key_Backspace)  # remove the row
    assert ("pr_lead", "u_ops") not in context.arch.participation
    assert len(context.editor.history()) == start + 7
    # arrows move between cells without changing anything
    qtbot.keyClick(panel.view, Qt.Key.Key_Left)
    assert panel.matrix.uid(panel.view.currentIndex()) == "u_north"
    assert len(context.editor.history()) == start + 7
    for expected in ("", "C", "AC", "A", "", "R", None):
        context.editor.undo()
        assert context.arch.participation.get(("pr_lead", "u_ops")) == expected
        assert cell(panel, "pr_lead", "u_ops").data(LETTERS_ROLE) == expected


def test_the_hint_line_says_how_to_edit(panel):
    assert panel.hint.isVisible()
    text = panel.hint.text()
    for word in ("R, A, C or I", "Delete", "right-click", "double-click"):
        assert word in text


def _menu_choosing(qtbot, wanted: str, shown: list) -> None:  # type: ignore[type-arg]
    """When the real menu pops up, note its texts and choose the action *wanted*."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        shown.append([a.text() for a in menu.actions()])
        for action in menu.actions():
            if action.text().startswith(wanted):
                menu.setActiveAction(action)
                qtbot.keyClick(menu, Qt.Key.Key_Return)
                return
        menu.close()

    QTimer.singleShot(0, choose)


def test_double_click_and_right_click_open_the_letters_menu(qtbot, context, panel):
    index = cell(panel, "pr_lead", "u_ops")
    rect = panel.view.visualRect(index)
    shown: list = []
    _menu_choosing(qtbot, "C —", shown)
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown and any(t.startswith("A —") for t in shown[0])
    assert context.arch.participation[("pr_lead", "u_ops")] == "C"
    assert panel.view.currentIndex() == index
    _menu_choosing(qtbot, "I —", shown)
    panel.view.customContextMenuRequested.emit(rect.center())
    assert context.arch.participation[("pr_lead", "u_ops")] == "CI"


def test_a_second_accountable_unit_is_marked_in_the_cell(qtbot, context, panel):
    from procmodeler.ui.panels.matrixmodel import CONFLICT_ROLE

    sales = cell(panel, "pr_sell", "u_sales")
    north = cell(panel, "pr_sell", "u_north")
    assert not sales.data(CONFLICT_ROLE)
    click(qtbot, panel, north)
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    assert context.arch.participation[("pr_sell", "u_north")] == "AR" or (
        context.arch.participation[("pr_sell", "u_north")] == "RA"
    )
    assert sales.data(CONFLICT_ROLE) and north.data(CONFLICT_ROLE)
    assert "more than one unit is accountable" in north.data(Qt.ItemDataRole.ToolTipRole)
    image = panel.view.viewport().grab().toImage()
    rect = panel.view.visualRect(north)
    corner = image.pixelColor(rect.right() - 5, rect.top() + 5)
    assert corner.red() > 150 and corner.blue() < 120  # the warning mark
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    assert not sales.data(CONFLICT_ROLE) and not north.data(CONFLICT_ROLE)


def test_structure_changes_rebuild_and_keep_state(qtbot, context, panel):
    panel.view.collapse(panel.matrix.index_of("pr_sell"))
    uid = ops.add_unit(context.editor, "Finance", parent="u_ops")
    assert panel.matrix.column_of(uid) == 4
    assert not panel.view.isExpanded(panel.matrix.index_of("pr_sell"))  # kept collapsed
    pid = ops.create_process(context.editor, "Pay", "core", parent="pr_deliver")
    assert panel.matrix.index_of(pid).parent() == panel.matrix.index_of("pr_deliver")
    ops.rename_unit(context.editor, "u_sales", "Sales and marketing")
    assert panel.matrix.cols[0].name == "Sales and marketing"
    for _ in range(3):
        context.editor.undo()
    assert [c.uid for c in panel.matrix.cols] == ["u_sales", "u_north", "u_ops"]
    assert not panel.matrix.index_of(pid).isValid()


def test_selection_follows_context_and_sets_it(qtbot, context, panel):
    panel.collapse_button.click()
    context.set_selection(["pr_offer"])
    assert panel.matrix.pid(panel.view.currentIndex()) == "pr_offer"
    assert panel.view.isExpanded(panel.matrix.index_of("pr_sell"))
    # clicking a process name selects it for the other panels
    index = panel.matrix.index_of("pr_deliver")
    click(qtbot, panel, index)
    assert context.selection == ("pr_deliver",)


def test_findings_highlight_rows(qtbot, context, panel):
    panel.live.refresh_now()
    # 'Lead the business' has no owner: an error on its row
    assert panel.matrix.row_severity.get("pr_lead") == "error"
    ops.set_owner(context.editor, "pr_lead", "p_bo")
    panel.live.refresh_now()
    assert panel.matrix.row_severity.get("pr_lead") != "error"
    image = panel.grab()
    assert not image.isNull()


def test_export_png_svg_pdf(qtbot, context, panel, tmp_path):
    png = export_matrix(panel, tmp_path / "raci.png")
    image = QImage(str(png))
    assert image.width() > 400 and image.height() > 200
    # the image is not blank: the accountable badge's colour is in it
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert "#8250df" in colours
    svg = export_matrix(panel, tmp_path / "raci.svg").read_text(encoding="utf-8")
    assert "Sales North" in svg and "Make offer" in svg and "<svg" in svg
    pdf = export_matrix(panel, tmp_path / "raci.pdf")
    from pypdf import PdfReader

    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "Operations" in text and "Deliver" in text


def test_export_through_dialog(qtbot, context, panel, tmp_path, fake_dialogs):
    fake_dialogs.files.append(str(tmp_path / "m.svg"))
    panel.export_button.click()
    assert (tmp_path / "m.svg").exists()
    assert panel.export_dialog() is None  # the user cancelled: nothing written


def test_every_column_says_which_unit_it_is(panel):
    """A parent unit's own column (left of its sub-units' columns) carries the parent's
    name in the lowest header band, so no column has an empty label; the name fits."""
    from PySide6.QtGui import QFontMetrics

    from procmodeler.ui.panels.matrix import (
        column_widths,
        header_bands,
        header_labels,
        matrix_font,
    )

    cols = panel.matrix.cols
    widths = [float(w) for w in column_widths(cols)]
    xs = [sum(widths[:i]) for i in range(len(cols))]
    labels = header_labels(cols, xs, widths, 0.0, 20.0)
    lowest = (header_bands(cols) - 1) * 20.0
    plain = QFontMetrics(matrix_font())
    for i, col in enumerate(cols):
        over = [
            label
            for label in labels
            if label.rect.left() == xs[i] and label.rect.width() == widths[i] and label.text
        ]
        assert over, f"column of {col.name} has no label of its own"
        assert all(label.text == col.name for label in over)
        if col.span_end > i:  # the parent's own column: labelled in the lowest band
            (own,) = [label for label in over if label.own]
            assert own.rect.top() == lowest
            assert plain.horizontalAdvance(own.text) <= own.rect.width() - 6
    # the widget's header uses the same widths, and says in a tooltip what the column is
    sales = panel.matrix.column_of("u_sales")
    assert panel.view.header_view.sectionSize(sales) == widths[sales - 1]
    tip = panel.matrix.headerData(sales, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Sales" in tip and "sub-units" in tip


def test_export_shares_the_image_writer_size_guard(qtbot, context, panel, tmp_path, monkeypatch):
    """The matrix is written by the app's one image writer: a PNG that would be too
    large is written at a lower resolution, as the diagram's is."""
    from procmodeler.ui import export

    full = QImage(str(export_matrix(panel, tmp_path / "full.png", dpi=192)))
    monkeypatch.setattr(export, "MAX_PIXELS", full.width() * full.height() // 4)
    small = QImage(str(export_matrix(panel, tmp_path / "small.png", dpi=192)))
    assert small.width() * small.height() <= full.width() * full.height() // 4
    assert round(small.dotsPerMeterX() * 0.0254) < 192


def test_in_a_small_dock_the_chrome_gives_the_matrix_room(qtbot, panel):
    """Short, the hint goes (its text is the legend's tooltip); narrow, the legend goes
    above the buttons instead of a word a line beside them; big again, both come back."""
    from PySide6.QtWidgets import QBoxLayout

    bar = panel.layout().itemAt(0).layout()
    assert panel.hint.isVisible() and bar.direction() == QBoxLayout.Direction.LeftToRight
    assert panel.legend.toolTip() == panel.hint.text()
    legend_lines_wide = panel.legend.height()
    panel.resize(460, 260)
    qtbot.waitUntil(lambda: not panel.hint.isVisible())
    assert bar.direction() == QBoxLayout.Direction.TopToBottom
    qtbot.waitUntil(lambda: panel.legend.width() > 400)  # the legend has the whole width
    assert panel.legend.height() <= 3 * legend_lines_wide  # two lines, not five
    assert panel.view.height() > 4 * 24  # rows of the matrix are in sight
    panel.resize(1400, 500)
    qtbot.waitUntil(lambda: panel.hint.isVisible())
    assert bar.direction() == QBoxLayout.Direction.LeftToRight


def test_a_selection_made_while_its_tab_is_behind_is_shown_when_it_comes_to_the_front(
    qtbot, context, editor
):
    from PySide6.QtWidgets import QLabel, QMainWindow

    from procmodeler.edit import Editor
    from procmodeler.ui.panels import make_dock
    from tests.ui.panels.conftest import build_sample

    win = QMainWindow()
    qtbot.addWidget(win)
    matrix = ParticipationMatrix(context)
    front = make_dock("front", "Front", QLabel("in front"), win)
    behind = make_dock("matrix", "Matrix", matrix, win)
    for dock in (front, behind):
        win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    win.tabifyDockWidget(front, behind)
    win.setCentralWidget(QLabel("canvas"))
    front.raise_()
    win.resize(800, 420)
    win.show()
    qtbot.waitExposed(win)
    other = Editor()  # a document opened while the matrix's tab is behind
    build_sample(other)
    for i in range(40):
        ops.create_process(other, f"Step {i}", "core", parent="pr_deliver", pid=f"pr_s{i}")
    context.replace_editor(other)
    qtbot.waitUntil(lambda: matrix._stale)
    context.set_selection(["pr_s39"])
    behind.raise_()
    qtbot.waitUntil(lambda: not matrix._stale)
    qtbot.waitUntil(lambda: matrix.matrix.pid(matrix.view.currentIndex()) == "pr_s39")
    index = matrix.view.currentIndex()  # the chosen process is the current row
    seen = matrix.view.viewport().rect()
    qtbot.waitUntil(lambda: seen.contains(matrix.view.visualRect(index)))  # and scrolled to


def test_a_process_chosen_elsewhere_out_of_sight_comes_to_the_middle(qtbot, context):
    # chosen on the canvas or in a finding, a row far down is scrolled to the middle of
    # the matrix, not just to its bottom edge; a row in sight does not move
    for i in range(40):
        ops.create_process(context.editor, f"Step {i}", "core", parent="pr_deliver", pid=f"pr_s{i}")
    matrix = ParticipationMatrix(context)
    qtbot.addWidget(matrix)
    matrix.resize(700, 400)
    matrix.show()
    qtbot.waitExposed(matrix)
    view = matrix.view
    context.set_selection(["pr_s20"])
    index = view.currentIndex()
    assert matrix.matrix.pid(index) == "pr_s20"
    middle = view.viewport().rect().center().y()
    assert abs(view.visualRect(index).center().y() - middle) <= view.visualRect(index).height()
    before = view.verticalScrollBar().value()
    context.set_selection(["pr_s21"])  # the next row, in sight: no scrolling
    assert view.verticalScrollBar().value() == before
