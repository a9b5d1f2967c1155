"""The properties panel edits every field of a process, relation, unit and person with
one undo entry per field edit, and refreshes after undo/redo without fighting the user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from procmodeler.edit import operations as ops
from procmodeler.ui.panels.properties import PropertiesPanel, split_objects

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, context):
    widget = PropertiesPanel(context)
    qtbot.addWidget(widget)
    widget.resize(460, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_and_enter(qtbot, field: QLineEdit, text: str) -> None:
    """Type into a line edit as a user would, then press Enter."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_name_typed_key_by_key_is_one_undo_entry(qtbot, context, panel):
    context.set_selection(["pr_sell"])
    page = panel.process_page
    assert panel.current_page() is page
    before = len(context.editor.history())
    type_and_enter(qtbot, page.name, "Sell and contract")
    assert context.arch.processes["pr_sell"].name == "Sell and contract"
    assert len(context.editor.history()) == before + 1
    assert page.header.title.text() == "Sell and contract"
    context.editor.undo()
    assert page.name.text() == "Sell"
    assert page.header.title.text() == "Sell"
    context.editor.redo()
    assert page.name.text() == "Sell and contract"


def test_every_text_field_and_objects(qtbot, context, panel):
    context.set_selection(["pr_deliver"])
    page = panel.process_page
    type_and_enter(qtbot, page.customer, "Customer")
    type_and_enter(qtbot, page.need, "Wants goods")
    type_and_enter(qtbot, page.result, "Has goods")
    type_and_enter(qtbot, page.objects_in, "Order; Stock")
    type_and_enter(qtbot, page.objects_out, "Delivery")
    # non-ASCII text is set directly (see ENVIRONMENT.md), then committed as on Enter
    page.need.setFocus()
    page.need.setText("Vill ha varor – snabbt")
    page.need.editingFinished.emit()
    page.purpose.setFocus()
    page.purpose.setPlainText("Get the goods to the customer")
    page.purpose.editingFinished.emit()
    proc = context.arch.processes["pr_deliver"]
    assert proc.customer == "Customer"
    assert proc.need == "Vill ha varor – snabbt"
    assert proc.result == "Has goods"
    assert proc.objects_in == ("Order", "Stock")
    assert proc.objects_out == ("Delivery",)
    assert proc.purpose == "Get the goods to the customer"
    assert page.objects_in.text() == "Order; Stock"
    # six field edits, six undo entries
    for _ in range(7):
        context.editor.undo()
    proc = context.arch.processes["pr_deliver"]
    assert (proc.customer, proc.need, proc.purpose, proc.objects_in) == ("", "", "", ())
    assert page.customer.text() == "" and page.purpose.toPlainText() == ""


def test_kind_status_owner_leader(qtbot, context, panel):
    context.set_selection(["pr_it"])
    page = panel.process_page
    page.kind.setCurrentIndex(page.kind.findData("core"))
    page.kind.activated.emit(page.kind.currentIndex())
    page.status.setCurrentIndex(page.status.findData("approved"))
    page.status.activated.emit(page.status.currentIndex())
    # owner: type to search, Enter picks the one match
    page.owner.lineEdit().setFocus()
    page.owner.lineEdit().selectAll()
    qtbot.keyClicks(page.owner.lineEdit(), "bo e")
    qtbot.keyClick(page.owner.lineEdit(), Qt.Key.Key_Return)
    page.leader.pick_id("p_cia")
    proc = context.arch.processes["pr_it"]
    assert (proc.kind, proc.status, proc.owner, proc.leader) == (
        "core",
        "approved",
        "p_bo",
        "p_cia",
    )
    assert page.owner.currentText().startswith("Bo Ek")
    assert page.header.chip.text() == "Core process"
    page.owner.pick_id(None)  # clear the owner
    assert context.arch.processes["pr_it"].owner is None
    context.editor.undo()
    assert page.owner.value() == "p_bo"
    context.editor.undo()  # leader
    context.editor.undo()  # owner
    context.editor.undo()  # status
    assert page.status.currentData() == "draft"
    assert page.owner.currentIndex() == 0  # "(no owner)"
    context.editor.undo()  # kind
    assert page.kind.currentData() == "support"


def test_refused_edit_is_shown_and_field_restored(qtbot, context, panel, fake_dialogs):
    context.set_selection(["pr_sell"])
    page = panel.process_page
    page.name.setFocus()
    page.name.setText("   ")
    page.name.editingFinished.emit()
    assert context.arch.processes["pr_sell"].name == "Sell"
    assert fake_dialogs.warnings and "empty" in fake_dialogs.warnings[0]
    assert page.name.text() == "Sell"


def test_refresh_keeps_unfinished_typing_unless_changed_elsewhere(qtbot, context, panel):
    context.set_selection(["pr_sell"])
    page = panel.process_page
    page.name.setFocus()
    qtbot.keyClick(page.name, Qt.Key.Key_End)  # the field shows a value from its start
    qtbot.keyClicks(page.name, " more")
    assert page.name.text() == "Sell more"
    # another edit (e.g. on the canvas) commits: the field being typed in is left alone
    ops.set_process_fields(context.editor, "pr_sell", customer="Buyer")
    assert page.name.text() == "Sell more"
    assert page.name.cursorPosition() == len("Sell more")
    assert page.customer.text() == "Buyer"
    # the name itself changes elsewhere: the field shows the new value
    ops.rename_process(context.editor, "pr_sell", "Selling")
    assert page.name.text() == "Selling"


def edit_kpi_cell(qtbot, table, column: int, text: str, row: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Edit one cell of the KPI table as a user would: a choice or typed text."""
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    cell = table.focusWidget()
    if isinstance(cell, QComboBox):
        cell.setCurrentIndex(cell.findData(text))
        cell.activated.emit(cell.currentIndex())
    else:
        assert isinstance(cell, QLineEdit)
        cell.setText(text)
        qtbot.keyClick(cell, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_a_new_kpis_direction_follows_its_kind_until_chosen(qtbot, context, panel):
    """Issue 19 item 6: lead time and variation: lower is better, until the user says."""
    context.set_selection(["pr_deliver"])
    page = panel.process_page
    table = page.kpis
    qtbot.mouseClick(page.add_kpi_button, Qt.MouseButton.LeftButton)
    (kid,) = context.arch.kpis_of("pr_deliver")
    qtbot.keyClick(table.findChild(QLineEdit), Qt.Key.Key_Escape)
    assert context.arch.kpis[kid].direction == "higher"  # kind "other"
    edit_kpi_cell(qtbot, table, 1, "lead_time")
    assert context.arch.kpis[kid].direction == "lower"
    assert table.model().index(0, 3).data() == "↓"
    edit_kpi_cell(qtbot, table, 1, "customer_experience")
    assert context.arch.kpis[kid].direction == "higher"
    edit_kpi_cell(qtbot, table, 1, "variation")
    assert context.arch.kpis[kid].direction == "lower"
    edit_kpi_cell(qtbot, table, 3, "higher")  # the user's own choice
    edit_kpi_cell(qtbot, table, 1, "lead_time")
    assert context.arch.kpis[kid].direction == "higher"  # kept
    context.editor.undo()
    assert context.arch.kpis[kid].kind == "variation"


def test_kpi_add_edit_and_delete(qtbot, context, panel):
    context.set_selection(["pr_deliver"])
    page = panel.process_page
    table = page.kpis
    qtbot.mouseClick(page.add_kpi_button, Qt.MouseButton.LeftButton)
    kpis = context.arch.kpis_of("pr_deliver")
    assert len(kpis) == 1
    kid = kpis[0]
    # the new row's name cell is open for editing: type the name
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.setText("Delivery lead time")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: context.arch.kpis[kid].name == "Delivery lead time")

    def edit_cell(column: int, text: str) -> None:
        edit_kpi_cell(qtbot, table, column, text)

    edit_cell(1, "lead_time")
    edit_cell(2, "days")
    edit_cell(3, "lower")
    edit_cell(4, "10")
    edit_cell(5, "10,5")
    kpi = context.arch.kpis[kid]
    assert (kpi.kind, kpi.measure, kpi.direction, kpi.target, kpi.actual) == (
        "lead_time",
        "days",
        "lower",
        10.0,
        10.5,
    )
    model = table.model()
    assert model.index(0, 4).data() == "10"
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[:2] == ["Delivery lead time", "Near target"]  # vocabulary
    edit_cell(5, "12")
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).splitlines()[1] == "Off target"
    table.selectRow(0)
    qtbot.mouseClick(page.delete_kpi_button, Qt.MouseButton.LeftButton)
    assert kid not in context.arch.kpis
    assert model.rowCount() == 0
    context.editor.undo()
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Delivery lead time"


def test_bad_number_is_refused(qtbot, context, panel, fake_dialogs):
    context.set_selection(["pr_sell"])
    model = panel.process_page.kpis.model()
    assert not model.setData(model.index(0, 4), "five")
    assert fake_dialogs.warnings
    assert context.arch.kpis["k_lt"].target == 5.0
    for text in ("nan", "inf", "1e999"):  # the one number parser refuses these too
        assert not model.setData(model.index(0, 4), text)
    assert context.arch.kpis["k_lt"].target == 5.0
    assert model.setData(model.index(0, 4), "1 234,5")
    assert context.arch.kpis["k_lt"].target == 1234.5


def test_relation_fields(qtbot, context, panel):
    context.set_selection(["r_order"])
    page = panel.relation_page
    assert panel.current_page() is page
    page.kind.setCurrentIndex(page.kind.findData("support"))
    page.kind.activated.emit(page.kind.currentIndex())
    type_and_enter(qtbot, page.object, "Purchase order")
    page.target.pick_id("pr_it")
    rel = context.arch.relations["r_order"]
    assert (rel.kind, rel.object, rel.target) == ("support", "Purchase order", "pr_it")
    context.editor.undo()
    assert page.target.value() == "pr_deliver"
    assert "Same level" not in page.levels.text()  # "Both on: Process map"
    assert page.levels.text().endswith("Process map")  # the top level's name everywhere
    context.editor.undo()
    assert page.object.text() == "Order"


def test_relations_to_other_levels_listed_and_revealed(qtbot, context, panel):
    context.set_selection(["pr_deliver"])
    tree = panel.process_page.relations
    rows = {
        tree.topLevelItem(i).text(0)[2:]: tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
    }
    assert set(rows) == {"Sell", "Provide IT", "Make offer"}
    assert rows["Make offer"].text(2) == "Sell"  # the level of the other end
    assert rows["Sell"].text(2) == "Same level"
    tree.itemDoubleClicked.emit(rows["Make offer"], 1)
    assert context.level == "pr_sell"
    assert context.selection == ("pr_offer",)


def test_unit_and_person_pages(qtbot, context, panel):
    context.set_selection(["u_north"])
    page = panel.unit_page
    assert panel.current_page() is page
    type_and_enter(qtbot, page.name, "North")
    page.head.pick_id("p_cia")
    page.parent_unit.pick_id(None)
    unit = context.arch.units["u_north"]
    assert (unit.name, unit.head, unit.parent) == ("North", "p_cia", None)
    context.set_selection(["p_bo"])
    person_page = panel.person_page
    type_and_enter(qtbot, person_page.title, "Chief operating officer")
    person_page.unit.pick_id("u_sales")
    assert context.arch.people["p_bo"].title == "Chief operating officer"
    assert context.arch.people["p_bo"].unit == "u_sales"
    assert "Owner of Deliver" in person_page.roles.text()


def test_selection_of_nothing_and_of_several(context, panel):
    context.set_selection([])
    assert panel.current_page() is panel.empty
    context.set_selection(["pr_sell", "pr_deliver"])
    assert panel.current_page() is panel.bulk_page  # several processes: edited together
    context.set_selection(["pr_sell", "r_order"])  # a mixed selection
    assert panel.current_page() is panel.empty
    assert "2" in panel.empty.text()
    context.set_selection(["pr_sell"])
    ops.delete_processes(context.editor, ["pr_sell"])
    assert panel.current_page() is panel.empty
    context.editor.undo()
    context.set_selection(["pr_sell"])
    assert panel.current_page() is panel.process_page


def test_split_objects():
    assert split_objects(" Order ;; Invoice\nStock ") == ("Order", "Invoice", "Stock")


def test_long_names_do_not_widen_the_panel(qtbot, context, panel):
    """The panel sits in a dock about 340 pixels wide: a long process name, a person
    with a long unit name and a long process path must wrap or elide, not push the form
    out of view behind a horizontal scroll bar (seen on the bundled examples)."""
    long_unit = ops.add_unit(context.editor, "Customer Service and After-Sales Operations")
    person = ops.add_person(context.editor, "Maximiliane Featherstone-Hollingworth", unit=long_unit)
    pid = ops.create_process(
        context.editor,
        "Handle customer complaints, returns and warranty claims across all regions",
        "core",
        parent="pr_sell",
    )
    ops.set_owner(context.editor, pid, person)
    for selected in (pid, "r_offer", long_unit, person):
        context.set_selection([selected])
        assert panel.widget().minimumSizeHint().width() <= 330, (
            selected
        )  # the dock: 340 less its frame


def test_a_long_choice_shows_its_beginning(qtbot, context, panel):
    """A narrow combo box shows 'Sean Murphy — Ord…', not 'ean Murphy — Order Desk'."""
    unit = ops.add_unit(context.editor, "Customer Service and After-Sales Operations")
    person = ops.add_person(context.editor, "Sean Murphy", unit=unit)
    ops.set_owner(context.editor, "pr_deliver", person)
    context.set_selection(["pr_deliver"])
    assert panel.process_page.owner.currentText().startswith("Sean Murphy")
    assert panel.process_page.owner.lineEdit().cursorPosition() == 0


def test_a_long_text_field_shows_its_beginning(qtbot, context, panel):
    """A long customer is shown from its start when the process is selected."""
    ops.set_process_fields(
        context.editor, "pr_deliver", customer="Industrial customers and distributors in Europe"
    )
    context.set_selection(["pr_deliver"])
    field = panel.process_page.customer
    assert field.text().startswith("Industrial customers")
    assert field.cursorPosition() == 0


def _pick(qtbot, box: QComboBox, data) -> None:  # type: ignore[no-untyped-def]
    """Choose an item of a combo box as a user does (it emits activated)."""
    box.setCurrentIndex(box.findData(data))
    box.activated.emit(box.currentIndex())


def test_bulk_owner_change_is_one_undo_entry(qtbot, context, panel):
    """Issue 19 item 7: several processes share one form; a change is one undo entry."""
    pids = ["pr_sell", "pr_deliver", "pr_it"]
    context.set_selection(pids)
    page = panel.bulk_page
    assert panel.current_page() is page and page.isVisible()
    owner = page.choices["owner"]
    assert owner.currentText() == "Several values"
    assert page.choices["kind"].currentData() == "core" or (
        page.choices["kind"].currentText() == "Several values"
    )
    assert not page.object.isVisible()
    before = {p: context.arch.processes[p].owner for p in pids}
    entries = len(context.editor.history())
    _pick(qtbot, owner, "p_bo")
    assert {context.arch.processes[p].owner for p in pids} == {"p_bo"}
    assert len(context.editor.history()) == entries + 1
    assert context.editor.undo_label().text() == "Edit 3 processes"
    assert owner.currentText().startswith("Bo Ek")  # shared now
    _pick(qtbot, page.choices["status"], "approved")
    _pick(qtbot, page.choices["established"], "in_use")
    assert {context.arch.processes[p].established for p in pids} == {"in_use"}
    context.editor.undo()
    context.editor.undo()
    context.editor.undo()
    assert {p: context.arch.processes[p].owner for p in pids} == before
    assert owner.currentText() == "Several values"


def test_bulk_relation_kind_and_object(qtbot, context, panel):
    context.set_selection(["r_order", "r_it"])
    page = panel.bulk_page
    assert panel.current_page() is page
    assert not page.choices["owner"].isVisible() and page.object.isVisible()
    kind = page.choices["kind"]
    assert kind.currentText() == "Several values"
    _pick(qtbot, kind, "flow")
    type_and_enter(qtbot, page.object, "Order")
    rels = [context.arch.relations[r] for r in ("r_order", "r_it")]
    assert {(r.kind, r.object) for r in rels} == {("flow", "Order")}
    context.editor.undo()
    context.editor.undo()
    assert context.arch.relations["r_it"].kind == "support"


def test_a_short_page_is_not_as_tall_as_the_tallest(qtbot, context, panel):
    """The panel scrolls over the page shown, not over the tallest page: with nothing
    selected its hint is in sight in a panel of any height (it was centred in the
    process page's height, below the bottom of a short panel)."""
    panel.resize(320, 420)
    context.set_selection([])
    qtbot.waitUntil(lambda: panel.widget().height() <= panel.viewport().height())
    hint = panel.empty.mapTo(panel.viewport(), panel.empty.rect().center())
    assert panel.viewport().rect().contains(hint)
    context.set_selection(["pr_sell"])  # the process page is taller than the panel
    qtbot.waitUntil(lambda: panel.widget().height() > panel.viewport().height())
    context.set_selection(["u_sales"])  # a unit's page is short again
    qtbot.waitUntil(lambda: panel.widget().height() <= panel.viewport().height())
    context.set_selection([])
    qtbot.waitUntil(lambda: panel.widget().height() <= panel.viewport().height())


@pytest.mark.parametrize("language", ["en", "sv"])
def test_in_a_narrow_panel_the_kpi_names_get_the_room(qtbot, context, language):
    """In a dock about 300 px wide the KPI table scrolled sideways and elided the names
    to "…" ("Nyckeltal" and "Actual" cut); the name's tooltip told only the light."""
    from PySide6.QtCore import QCoreApplication

    from procmodeler.notation.kpi import traffic_light
    from procmodeler.ui.panels import install_translator
    from procmodeler.ui.panels.kpis import COLUMNS
    from procmodeler.ui.words import light_labels

    app = QCoreApplication.instance()
    installed = install_translator(app, language) if language != "en" else None
    try:
        panel = PropertiesPanel(context)
        qtbot.addWidget(panel)
        panel.resize(300, 900)
        panel.show()
        qtbot.waitExposed(panel)
        context.set_selection(["pr_sell"])
        table = panel.process_page.kpis
        header = table.horizontalHeader()
        name = COLUMNS.index("name")

        def fits() -> bool:  # the name has room and nothing scrolls sideways
            room = header.length() <= table.viewport().width()
            return room and table.columnWidth(name) >= 110

        qtbot.waitUntil(fits)
        assert table.horizontalScrollBar().maximum() == 0
        # nor does the page: "Lägg till nyckeltal" and "Ta bort nyckeltal" beside the
        # section's title pushed it 49 px past a laptop's panel
        assert panel.horizontalScrollBar().maximum() == 0
        for button in (panel.process_page.add_kpi_button, panel.process_page.delete_kpi_button):
            edge = button.mapTo(panel.viewport(), button.rect().topRight()).x()
            assert edge <= panel.viewport().width(), button.text()
        for column in range(len(COLUMNS)):
            if table.isColumnHidden(column):
                continue
            title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
            needed = header.fontMetrics().horizontalAdvance(title)
            assert header.sectionSize(column) >= needed + 8, title  # the title whole
        tip = table.model().index(0, name).data(Qt.ItemDataRole.ToolTipRole)
        assert "Lead time to offer" in tip
        light = traffic_light(context.arch.kpis["k_lt"])
        assert light and light_labels()[light] in tip  # and the light in words
    finally:
        if installed is not None:
            app.removeTranslator(installed)


def test_a_unit_with_one_long_word_for_a_name_fits_a_narrow_panel(qtbot, context):
    """'Samhällsbyggnadsförvaltningen' cannot wrap: the heading pushed the unit's fields
    past the panel's right edge behind a horizontal scroll bar."""
    name = "Samhällsbyggnadsförvaltningen"
    uid = ops.add_unit(context.editor, name)
    person = ops.add_person(context.editor, "Karin Lindqvist", unit=uid)
    ops.set_unit_head(context.editor, uid, person)
    panel = PropertiesPanel(context)
    qtbot.addWidget(panel)
    panel.resize(260, 600)
    panel.show()
    qtbot.waitExposed(panel)
    context.set_selection([uid])
    page = panel.unit_page
    qtbot.waitUntil(lambda: page.isVisible())
    qtbot.waitUntil(lambda: panel.horizontalScrollBar().maximum() == 0)  # not sideways
    right = panel.viewport().width()
    for field in (page.name, page.parent_unit, page.head, page.header.title):
        edge = field.mapTo(panel.viewport(), field.rect().topRight()).x()
        assert edge <= right, field.objectName()  # within the panel
    title = page.header.title
    assert title.toolTip() == name  # the heading cut short tells it whole
    panel.resize(700, 600)
    qtbot.waitUntil(lambda: title.text() == name)  # and shows it whole when it can
