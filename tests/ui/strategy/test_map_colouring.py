"""The map coloured by establishment level and by objective in a real main window: a
mark on every shape with the colours of notation/strategy.py, a legend that says what
they mean, kept up to date by edits and the level shown, gone when coloured by kind."""

from __future__ import annotations

import pytest

from procmodeler.app.session import Session
from procmodeler.edit import operations as ops
from procmodeler.notation.strategy import (
    ESTABLISHMENT_COLOURS,
    NO_OBJECTIVE,
    OBJECTIVE_PALETTE,
    served_objectives,
)
from procmodeler.ui.strategy.mapcolour import ColourMark


@pytest.fixture
def main_window(app, qtbot):  # type: ignore[no-untyped-def]
    from procmodeler.ui.mainwindow import MainWindow
    from tests.ui.helpers import close_window, sample_editor

    ed, ids = sample_editor()
    ops.add_objective(ed, "Happy customers", oid="o_happy")
    ops.add_objective(ed, "Quick delivery", parent="o_happy", oid="o_quick")
    ops.add_objective(ed, "Sound finances", oid="o_money")
    ops.set_contribution(ed, "o_quick", ids["pick"])  # a sub-process of Deliver
    ops.set_contribution(ed, "o_money", ids["deliver"])
    ops.set_established(ed, ids["sell"], "measured")
    ed.mark_clean()
    win = MainWindow(Session(ed), remember=False)
    win.ids = ids
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    close_window(win)


def colours_on_map(win) -> dict[str, list[str]]:
    out = {}
    for pid, shape in win.canvas.scene.shapes.items():
        marks = [c for c in shape.childItems() if isinstance(c, ColourMark)]
        if marks:
            out[pid] = marks[0].colours
    return out


def test_colour_by_establishment_then_objective_then_kind(main_window, qtbot):
    win, ids = main_window, main_window.ids
    colouring = win.map_colouring
    menu_texts = [a.text() for a in colouring.menu.actions()]
    assert menu_texts == ["Kind of Process", "Establishment Level", "Objective"]
    assert not colours_on_map(win)
    colouring.actions["established"].trigger()
    marks = colours_on_map(win)
    assert marks[ids["sell"]] == [ESTABLISHMENT_COLOURS["measured"]]
    assert marks[ids["deliver"]] == [ESTABLISHMENT_COLOURS[None]]
    assert colouring.legend.isVisible() and "Measured" in colouring.legend.text()
    # an edit recolours
    ops.set_established(win.context.editor, ids["deliver"], "in_use")
    assert colours_on_map(win)[ids["deliver"]] == [ESTABLISHMENT_COLOURS["in_use"]]

    colouring.actions["objective"].trigger()
    arch = win.context.arch
    assert served_objectives(arch, ids["deliver"]) == ["o_happy", "o_money"]
    marks = colours_on_map(win)
    assert marks[ids["deliver"]] == [OBJECTIVE_PALETTE[0], OBJECTIVE_PALETTE[1]]
    assert marks[ids["sell"]] == [NO_OBJECTIVE]
    text = colouring.legend.text()
    assert "Happy customers" in text and "Sound finances" in text and "Quick delivery" not in text
    # the sub-level of Deliver: Pick serves "Happy customers" through "Quick delivery"
    win.context.open_level(ids["deliver"])
    marks = colours_on_map(win)
    assert marks[ids["pick"]] == [OBJECTIVE_PALETTE[0]] and marks[ids["ship"]] == [NO_OBJECTIVE]

    colouring.actions["kind"].trigger()
    assert not colours_on_map(win) and not colouring.legend.isVisible()


def test_the_legend_stays_compact_on_a_small_map_and_folds(main_window, qtbot):
    """On a small map (a 1024×752 window) the legend takes at most 40 % of the map's
    width, a long objective cut with "…" (its whole name in the tooltip); a click folds
    it to its title and another unfolds it."""
    from PySide6.QtCore import Qt

    from procmodeler.ui.strategy.mapcolour import WIDEST

    win = main_window
    long_name = "Carbon-neutral operations across every site and supplier by the year 2030"
    ops.add_objective(win.context.editor, long_name, oid="o_long")
    ops.set_contribution(win.context.editor, "o_long", win.ids["sell"])
    win.resize(1024, 752)
    viewport = win.canvas.view.viewport()
    legend = win.map_colouring.legend
    win.map_colouring.actions["objective"].trigger()
    qtbot.waitUntil(lambda: viewport.width() < 700)
    assert legend.isVisible()
    assert legend.width() <= viewport.width() * WIDEST + 20  # its padding and frame
    assert long_name not in legend.text() and "…" in legend.text()
    assert long_name in legend.toolTip()
    assert "Click the legend to fold or unfold it." in legend.toolTip()
    unfolded = legend.height()
    qtbot.mouseClick(legend, Qt.MouseButton.LeftButton)
    assert legend.folded and legend.height() < unfolded / 2
    assert "Happy customers" not in legend.text() and "Objective" in legend.text()
    legend.place()
    assert legend.geometry().bottom() < viewport.height()  # still in its corner
    qtbot.mouseClick(legend, Qt.MouseButton.LeftButton)
    assert not legend.folded and "Happy customers" in legend.text()
