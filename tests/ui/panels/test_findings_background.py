"""The checks run on a worker thread on a copy of the model (issue 20): an edit in a
5,000-process model lands at once while they run, a result computed before the edit is
not applied, and the findings catch up with the edit."""

from __future__ import annotations

import pytest

from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Metadata, Process, Relation
from procmodeler.ui.panels.findings import LiveFindings

pytestmark = pytest.mark.gui


def big_editor(n: int = 5000) -> Editor:
    """N processes, a tenth top-level, none owned; flow relations between neighbours."""
    arch = Architecture(Metadata(name="Big", language="en"))
    top = n // 10
    for i in range(n):
        parent = None if i < top else f"p{i % top}"
        arch.put("processes", f"p{i}", Process(f"p{i}", f"Process {i}", "core", parent))
    for i in range(1, n):
        arch.put("relations", f"r{i}", Relation(f"r{i}", f"p{i - 1}", f"p{i}", "flow"))
    return Editor(arch)


def no_owner_message(live: LiveFindings, pid: str) -> str:
    return next(
        f.message
        for f in live.result().findings
        if f.rule == "responsibility.no-owner" and f.elements == (pid,)
    )


def test_an_edit_lands_while_the_checks_run_and_the_findings_catch_up(qtbot, context):
    live = LiveFindings.for_context(context)
    applied: list[str] = []
    live.findingsChanged.connect(
        lambda: None if live.checking else applied.append(no_owner_message(live, "p7"))
    )
    context.replace_editor(big_editor())
    # opening the model scheduled the checks: nothing waited for them
    assert live.pending
    qtbot.waitUntil(lambda: live.running, timeout=10_000)  # now on the worker thread
    assert live.checking and live.result().findings == ()  # nothing known of it yet
    ops.rename_process(context.editor, "p7", "Handle a permit")
    # the edit is in the model at once, while the checks of the model before it run
    assert context.arch.processes["p7"].name == "Handle a permit"
    assert live.pending
    qtbot.waitUntil(lambda: not live.pending and bool(applied), timeout=60_000)
    # the run that started before the edit was not applied: the first findings shown
    # for the big model already name the process by its new name
    assert "'Handle a permit'" in applied[0]
    assert len(live.result().findings) >= 500


def test_another_document_shows_none_of_the_findings_of_the_one_before(qtbot, context):
    """Between opening a document and the end of its first check, the problems panel,
    the counts and the shapes' markers say nothing of the document before: the panel
    says the checks are running."""
    from procmodeler.ui.panels.problems import ProblemsPanel

    panel = ProblemsPanel(context)
    qtbot.addWidget(panel)
    live = panel.live
    before = len(live.result().active)
    assert before > 0 and panel.view.model().rowCount() == before
    assert live.severity_by_process()
    context.replace_editor(big_editor(40))
    assert live.checking
    assert panel.view.model().rowCount() == 0
    assert live.severity_by_process() == {} and live.findings() == ()
    assert "checking" in panel.summary.text()
    assert all(button.text().endswith("…") for button in panel.severity_buttons.values())
    qtbot.waitUntil(lambda: not live.checking, timeout=30_000)
    after = len(live.result().active)
    assert after > 0 and panel.view.model().rowCount() == after
    assert "checked in" in panel.summary.text()
    assert set(live.severity_by_process()) <= set(context.arch.processes)
