"""Fixtures for the strategy views: the panels' sample model with objectives, KPI
series and improvements added through the operations, a fixed today, fake dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from procmodeler.edit import Editor  # noqa: E402
from procmodeler.edit import operations as ops  # noqa: E402
from procmodeler.edit.measurements import set_series  # noqa: E402
from procmodeler.model.elements import Measurement  # noqa: E402
from tests.ui.panels.conftest import build_sample, context, fake_dialogs  # noqa: E402, F401
from tests.ui.panels.test_panels_sync import window  # noqa: E402, F401 - all panels docked

TODAY = "2026-06-30"
#: a lead time that got worse: the last eight values all above the earlier mean
WORSE = [5, 6, 5, 4, 5, 6, 5, 5, 4, 5, 6, 5, 9, 9, 10, 9, 9, 10, 9, 10]


def build_strategy(ed: Editor) -> dict[str, str]:
    ids = build_sample(ed)
    ids["goal"] = ops.add_objective(ed, "Satisfied customers", oid="o_goal", owner="p_anna")
    ids["fast"] = ops.add_objective(ed, "Fast answers", parent="o_goal", oid="o_fast")
    ids["cost"] = ops.add_objective(ed, "Sound finances", oid="o_cost", horizon="2027")
    ops.set_kpi_objective(ed, "k_lt", "o_fast")
    periods = [f"{2024 + (i + 4) // 12}-{(i + 4) % 12 + 1:02d}" for i in range(len(WORSE))]
    set_series(ed, "k_lt", [Measurement(p, float(v)) for p, v in zip(periods, WORSE, strict=True)])
    ids["idea"] = ops.add_improvement(
        ed, "pr_deliver", "Faster picking", iid="i_pick", status="ongoing", due="2026-05-01"
    )
    ops.set_next_review(ed, "pr_deliver", "2026-01-15")
    ops.set_established(ed, "pr_sell", "measured")
    ed.mark_clean()
    return ids


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    from procmodeler.ui.strategy import common

    monkeypatch.setattr(common, "TODAY", [lambda: TODAY])


@pytest.fixture
def editor() -> Editor:
    ed = Editor()
    build_strategy(ed)
    return ed
