"""Fixtures for the panel tests: Qt offscreen, a small sample architecture built through
the operations, and an EditorContext around it. Dialogs are replaced per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from procmodeler.edit import Editor  # noqa: E402
from procmodeler.edit import operations as ops  # noqa: E402


def build_sample(ed: Editor) -> dict[str, str]:
    """A small architecture: 2 units with a sub-unit, 3 people, 4 top-level processes
    with relations, one sub-process, KPIs and participation. Returns named ids."""
    ids: dict[str, str] = {}
    ids["sales"] = ops.add_unit(ed, "Sales", uid="u_sales")
    ids["north"] = ops.add_unit(ed, "Sales North", parent="u_sales", uid="u_north")
    ids["ops"] = ops.add_unit(ed, "Operations", uid="u_ops")
    ids["anna"] = ops.add_person(
        ed, "Anna Berg", unit="u_sales", title="Sales director", person_id="p_anna"
    )
    ids["bo"] = ops.add_person(ed, "Bo Ek", unit="u_ops", title="COO", person_id="p_bo")
    ids["cia"] = ops.add_person(ed, "Cia Lund", unit="u_north", person_id="p_cia")
    ops.set_unit_head(ed, "u_sales", "p_anna")
    ids["lead"] = ops.create_process(ed, "Lead the business", "management", pid="pr_lead")
    ids["sell"] = ops.create_process(ed, "Sell", "core", pid="pr_sell", customer="Customer")
    ids["deliver"] = ops.create_process(ed, "Deliver", "core", pid="pr_deliver")
    ids["it"] = ops.create_process(ed, "Provide IT", "support", pid="pr_it")
    ids["offer"] = ops.create_process(ed, "Make offer", "core", parent="pr_sell", pid="pr_offer")
    ops.connect(ed, "pr_sell", "pr_deliver", "flow", "Order", rid="r_order")
    ops.connect(ed, "pr_it", "pr_deliver", "support", rid="r_it")
    ops.connect(ed, "pr_lead", "pr_sell", "steering", rid="r_steer")
    ops.connect(ed, "pr_offer", "pr_deliver", "flow", "Offer", rid="r_offer")
    ops.set_owner(ed, "pr_sell", "p_anna")
    ops.set_owner(ed, "pr_deliver", "p_bo")
    ops.add_kpi(
        ed,
        "pr_sell",
        "Lead time to offer",
        "lead_time",
        kid="k_lt",
        measure="days",
        target=5,
        actual=6,
    )
    ops.set_participation(ed, "pr_sell", "u_sales", "A")
    ops.set_participation(ed, "pr_sell", "u_north", "R")
    ops.set_participation(ed, "pr_deliver", "u_ops", "AR")
    ed.mark_clean()
    return ids


@pytest.fixture
def editor() -> Editor:
    ed = Editor()
    build_sample(ed)
    return ed


@pytest.fixture
def context(qtbot, editor):  # noqa: ARG001 - qtbot makes the QApplication
    from procmodeler.ui.context import EditorContext

    ctx = EditorContext(editor)
    yield ctx
    ctx.deleteLater()


class FakeDialogs:
    """Answers the panels' questions without windows; records what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.warnings: list[str] = []
        self.confirm_answer = True
        self.texts: list[str | None] = []
        self.choices: list[int | None] = []
        self.files: list[str | None] = []

    def confirm(self, parent, title, text):  # noqa: ARG002
        self.asked.append((title, text))
        return self.confirm_answer

    def get_text(self, parent, title, label, text=""):  # noqa: ARG002
        self.asked.append((title, label))
        return self.texts.pop(0) if self.texts else None

    get_multiline = get_text

    def choose(self, parent, title, label, items, current=0):  # noqa: ARG002
        self.asked.append((title, "\n".join(items)))
        return self.choices.pop(0) if self.choices else None

    def save_file(self, parent, title, name, filters):  # noqa: ARG002
        return self.files.pop(0) if self.files else None

    def warn(self, parent, title, text):  # noqa: ARG002
        self.warnings.append(text)


@pytest.fixture
def fake_dialogs(monkeypatch) -> FakeDialogs:
    from procmodeler.ui.panels import _common

    fake = FakeDialogs()
    for name in ("confirm", "get_text", "get_multiline", "choose", "save_file", "warn"):
        monkeypatch.setattr(_common.dialogs, name, getattr(fake, name))
    return fake
