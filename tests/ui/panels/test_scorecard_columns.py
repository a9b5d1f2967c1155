"""The scorecard's columns fit a narrow panel: the least needed hide (Target and
Assurance first) so the KPI names keep their room and nothing scrolls sideways, they come
back when the panel is widened, the header's menu hides or shows a column for good, and
the KPI's tooltip tells what a hidden column would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from procmodeler.ui.scorecard import COLUMNS, ScorecardPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def scorecard(context, qtbot):  # type: ignore[no-untyped-def]
    panel = ScorecardPanel(context)
    qtbot.addWidget(panel)
    panel.resize(320, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def shown(panel: ScorecardPanel) -> list[str]:
    return [c for i, c in enumerate(COLUMNS) if not panel.table.isColumnHidden(i)]


def fits(panel: ScorecardPanel) -> bool:
    """The shown columns fit the viewport: no scrolling sideways."""
    table = panel.table
    return table.horizontalScrollBar().maximum() == 0 and (
        table.horizontalHeader().length() <= table.viewport().width()
    )


def widen(panel: ScorecardPanel, qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    panel.resize(width, 300)
    qtbot.waitUntil(lambda: panel.table.viewport().width() > width - 40)
    qtbot.waitUntil(lambda: fits(panel) and len(shown(panel)) > 3)


def test_a_narrow_scorecard_hides_target_and_assurance_and_fits(scorecard, qtbot) -> None:  # type: ignore[no-untyped-def]
    table = scorecard.table
    qtbot.waitUntil(lambda: "target" not in shown(scorecard))
    qtbot.waitUntil(lambda: fits(scorecard))
    assert table.viewport().width() < 330
    assert "assurance" not in shown(scorecard)
    assert shown(scorecard)[:3] == ["kpi", "trend", "latest"]
    assert table.columnWidth(COLUMNS.index("kpi")) >= 120


def test_a_widened_scorecard_shows_every_column(scorecard, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: "target" not in shown(scorecard))
    widen(scorecard, qtbot, 1000)
    qtbot.waitUntil(lambda: shown(scorecard) == list(COLUMNS))
    assert fits(scorecard)
    scorecard.resize(320, 300)  # and narrow again: they go again
    qtbot.waitUntil(lambda: "target" not in shown(scorecard) and fits(scorecard))


def test_a_column_hidden_in_the_header_menu_stays_hidden_until_checked(scorecard, qtbot) -> None:  # type: ignore[no-untyped-def]
    widen(scorecard, qtbot, 1000)
    qtbot.waitUntil(lambda: shown(scorecard) == list(COLUMNS))
    menu = scorecard.columns.column_menu()
    entries = {a.data(): a for a in menu.actions() if a.isCheckable()}
    assert len(entries) == len(COLUMNS) and all(a.isChecked() for a in entries.values())
    assert not entries[COLUMNS.index("kpi")].isEnabled()  # the row's name always shows
    entries[COLUMNS.index("process")].trigger()  # unchecked: hidden
    assert "process" not in shown(scorecard)
    widen(scorecard, qtbot, 1200)
    qtbot.wait(50)
    assert "process" not in shown(scorecard) and "target" in shown(scorecard)
    menu = scorecard.columns.column_menu()
    entry = next(a for a in menu.actions() if a.data() == COLUMNS.index("process"))
    assert not entry.isChecked()
    entry.trigger()
    assert shown(scorecard) == list(COLUMNS)


def test_the_header_menu_says_which_columns_have_no_room(scorecard, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: "target" not in shown(scorecard))
    menu = scorecard.columns.column_menu()
    texts = {a.data(): a.text() for a in menu.actions() if a.isCheckable()}
    assert texts[COLUMNS.index("target")] == "Target (no room)"
    assert texts[COLUMNS.index("kpi")] == "KPI"


def test_the_kpi_tooltip_names_process_target_and_assurance(scorecard, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = scorecard.proxy
    index = model.index(0, COLUMNS.index("kpi"))
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Lead time to offer" in tip
    assert "Process:" in tip and "Sell" in tip  # the sample's KPI: process Sell
    assert "Target:" in tip and ">5<" in tip and "Latest:" in tip and ">6<" in tip
    assert "Assurance:" in tip and "Too few values" in tip
    process = model.index(0, COLUMNS.index("process"))
    assert model.data(process, Qt.ItemDataRole.ToolTipRole).startswith("Double-click")


def test_the_kpi_tooltip_says_variation_and_assurance_in_words(scorecard, editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    from procmodeler.edit.measurements import set_series
    from procmodeler.model.elements import Measurement
    from procmodeler.ui.words import state_labels

    worse = [5, 6, 5, 4, 5, 6, 5, 5, 4, 5, 6, 5, 9, 9, 10, 9, 9, 10, 9, 10]
    months = [f"{2024 + (i + 4) // 12}-{(i + 4) % 12 + 1:02d}" for i in range(len(worse))]
    set_series(
        editor, "k_lt", [Measurement(m, float(v)) for m, v in zip(months, worse, strict=True)]
    )
    model = scorecard.proxy
    qtbot.waitUntil(lambda: model.index(0, COLUMNS.index("variation")).data() not in (None, ""))
    tip = model.index(0, COLUMNS.index("kpi")).data(Qt.ItemDataRole.ToolTipRole)
    words = state_labels()
    for column in ("variation", "assurance"):
        state = model.index(0, COLUMNS.index(column)).data()
        assert state in words.values() and f"<td>{state}</td>" in tip
    assert words["none"] not in tip
