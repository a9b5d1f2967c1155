"""The problems panel: findings follow edits (after a short pause), filters, selecting a
finding reveals its process on the right level, suppression with a justification and
rule settings are undoable operations."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from procmodeler.edit import operations as ops
from procmodeler.ui.panels.findings import DEBOUNCE_MS, LiveFindings, worst
from procmodeler.ui.panels.problems import FINDING_ROLE, ProblemsPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, context):
    widget = ProblemsPanel(context)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(panel: ProblemsPanel) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.rule, f.elements) for f in panel.model.rows]


def test_worst():
    assert worst(["info", "error", "warning"]) == "error"
    assert worst(["info", "warning"]) == "warning"
    assert worst([]) is None


def test_one_checker_per_context(context, panel):
    assert LiveFindings.for_context(context) is panel.live


def test_finding_appears_and_disappears_as_the_model_changes(qtbot, context, panel):
    key = ("responsibility.no-owner", ("pr_it",))
    assert key in shown(panel)
    runs = panel.live.runs
    ops.set_owner(context.editor, "pr_it", "p_bo")
    # the checks run after a pause, not inside the edit
    assert key in shown(panel)
    assert panel.live.pending
    qtbot.waitUntil(lambda: key not in shown(panel), timeout=DEBOUNCE_MS * 10)
    assert panel.live.runs == runs + 1
    context.editor.undo()
    qtbot.waitUntil(lambda: key in shown(panel), timeout=DEBOUNCE_MS * 10)
    context.editor.redo()
    qtbot.waitUntil(lambda: key not in shown(panel), timeout=DEBOUNCE_MS * 10)


def test_burst_of_edits_runs_the_checks_once(qtbot, context, panel):
    runs = panel.live.runs
    for i in range(5):
        ops.rename_process(context.editor, "pr_it", f"Provide IT {i}")
    qtbot.waitUntil(lambda: not panel.live.pending, timeout=DEBOUNCE_MS * 10)
    assert panel.live.runs == runs + 1
    assert any("Provide IT 4" in f.message for f in panel.model.rows)


def test_click_finding_reveals_process_on_its_level(qtbot, context, panel):
    # a sub-process without participation and a KPI without target: findings on a lower level
    ops.add_kpi(context.editor, "pr_offer", "Offers per week", "other", kid="k_offers")
    panel.live.refresh_now()
    row = next(r for r, f in enumerate(panel.model.rows) if f.rule == "kpi.no-target")
    assert panel.model.rows[row].elements == ("pr_offer",)
    context.open_level(None)
    context.set_selection([])
    rect = panel.view.visualRect(panel.model.index(row, 2))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert context.level == "pr_sell"
    assert context.selection == ("pr_offer",)
    assert (
        "Offers per week" in panel.details.toPlainText()
        or "Make offer" in panel.details.toPlainText()
    )


def test_filters_by_severity_and_rule(qtbot, context, panel):
    # an info finding too (RULES v2: the chain on the landscape has no single point)
    ops.add_kpi(context.editor, "pr_it", "Uptime", "stability")
    panel.live.refresh_now()
    all_rows = shown(panel)
    assert {f.severity for f in panel.model.rows} == {"error", "warning", "info"}
    panel.severity_buttons["error"].click()
    assert all(f.severity != "error" for f in panel.model.rows)
    assert len(shown(panel)) < len(all_rows)
    panel.severity_buttons["error"].click()
    assert shown(panel) == all_rows
    index = panel.rule_filter.findData("responsibility.no-owner")
    panel.rule_filter.setCurrentIndex(index)
    panel.rule_filter.activated.emit(index)
    assert {f.rule for f in panel.model.rows} == {"responsibility.no-owner"}
    assert panel.severity_buttons["error"].text().endswith("2")


def test_suppress_with_justification_and_restore(qtbot, context, panel, fake_dialogs):
    row = shown(panel).index(("responsibility.no-owner", ("pr_lead",)))
    panel.select_row(row)
    fake_dialogs.texts.append("   ")  # an empty justification is not accepted
    assert not panel.suppress_selected()
    assert fake_dialogs.warnings
    fake_dialogs.texts.append("The board owns it.")
    qtbot.mouseClick(panel.suppress_button, Qt.MouseButton.LeftButton)
    assert (
        context.arch.suppressions[("responsibility.no-owner", ("pr_lead",))] == "The board owns it."
    )
    panel.live.refresh_now()
    assert ("responsibility.no-owner", ("pr_lead",)) not in shown(panel)
    assert "1 suppressed" in panel.summary.text()
    panel.show_suppressed.click()
    row = shown(panel).index(("responsibility.no-owner", ("pr_lead",)))
    assert panel.model.rows[row].suppressed == "The board owns it."
    panel.select_row(row)
    assert "The board owns it." in panel.details.toPlainText()
    assert panel.restore_button.isEnabled()
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert not context.arch.suppressions
    context.editor.undo()  # the restore
    assert context.arch.suppressions
    context.editor.undo()  # the suppression
    assert not context.arch.suppressions
    panel.live.refresh_now()
    assert panel.model.index(0, 0).data(FINDING_ROLE).suppressed is None


def test_rule_settings_are_undoable(qtbot, context, panel):
    combo = panel.rules.combos["responsibility.no-owner"]
    combo.setCurrentIndex(combo.findData("off"))
    combo.activated.emit(combo.currentIndex())
    assert context.arch.rules["responsibility.no-owner"] == "off"
    panel.live.refresh_now()
    assert all(f.rule != "responsibility.no-owner" for f in panel.model.rows)
    combo.setCurrentIndex(combo.findData("info"))
    combo.activated.emit(combo.currentIndex())
    panel.live.refresh_now()
    severities = {f.severity for f in panel.model.rows if f.rule == "responsibility.no-owner"}
    assert severities == {"info"}
    context.editor.undo()
    assert combo.currentData() == "off"
    context.editor.undo()
    assert combo.currentData() is None  # "Default"
    assert panel.set_rule("kpi.no-target", "error")
    assert context.arch.rules["kpi.no-target"] == "error"


def test_markers_api_for_the_canvas(qtbot, context, panel):
    ops.add_kpi(context.editor, "pr_sell", "Hit rate", "other")  # an info finding: no target
    live = LiveFindings.for_context(context)
    live.refresh_now()
    by_process = live.severity_by_process()
    assert by_process["pr_lead"] == "error"
    assert by_process["pr_sell"] == "info"
    with qtbot.waitSignal(live.findingsChanged, timeout=DEBOUNCE_MS * 10):
        ops.set_owner(context.editor, "pr_lead", "p_bo")
    assert live.severity_by_process().get("pr_lead") != "error"
    assert live.findings_for("pr_deliver")


# ---------------------------------------------------------------------- issue 19 item 9
# A support or management process with no relation at all is listed once, as isolated,
# not also as supporting or steering nothing (RULES.md version 2); with a relation of
# another kind the more precise finding appears.
def rules_for(panel: ProblemsPanel, pid: str) -> list[str]:
    return sorted(f.rule for f in panel.model.rows if pid in f.elements)


@pytest.mark.parametrize(
    ("kind", "rule"),
    [("support", "orphan.support-unused"), ("management", "orphan.steers-nothing")],
)
def test_an_isolated_process_is_one_finding(qtbot, context, panel, kind, rule):
    ed = context.editor
    pid = ops.create_process(ed, "Lonely", kind)
    qtbot.waitUntil(lambda: "orphan.isolated" in rules_for(panel, pid), timeout=DEBOUNCE_MS * 10)
    assert rule not in rules_for(panel, pid)
    ops.connect(ed, "pr_sell", pid, "flow")  # related now, but still serves nothing
    qtbot.waitUntil(lambda: rule in rules_for(panel, pid), timeout=DEBOUNCE_MS * 10)
    assert "orphan.isolated" not in rules_for(panel, pid)


def test_in_a_small_panel_the_explanation_has_room_for_its_lines(qtbot, context):
    """Under the diagram of a 1024×752 window the explanation box was about 50 px: "why
    it matters" was cut after one line. It keeps four lines and shares the room over
    with the list, which keeps three rows."""
    panel = ProblemsPanel(context)
    qtbot.addWidget(panel)
    panel.resize(460, 260)
    panel.show()
    qtbot.waitExposed(panel)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    details, view = panel.details, panel.view
    document = details.document()
    lines = details.fontMetrics().lineSpacing()
    margins = 2 * int(document.documentMargin())
    qtbot.waitUntil(lambda: details.viewport().height() >= 4 * lines + margins)  # 4 lines
    assert "Why it matters:" in details.toPlainText()
    assert view.viewport().height() >= 3 * view.sizeHintForRow(0)  # and three list rows
    panel.resize(460, 400)  # taller: all of it, "why it matters" too (at most half)
    qtbot.waitUntil(lambda: document.size().height() <= details.viewport().height())
    assert view.viewport().height() >= 3 * view.sizeHintForRow(0)
