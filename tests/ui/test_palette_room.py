"""At a small window (1024×752) the palette shows its hint whole, word-wrapped, in
English and in Swedish: the left column's split used to cap the palette at half the
column and cut the hint after "…to another" ("…bredvid en")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("size", [(1024, 752), (1366, 768)])
def test_the_palette_hint_shows_whole_at_a_small_window(qapp, qtbot, language, size) -> None:  # type: ignore[no-untyped-def]
    from procmodeler.app.session import Session
    from procmodeler.ui.app import install_translations, style_application
    from procmodeler.ui.mainwindow import MainWindow
    from tests.ui.helpers import close_window, sample_editor

    style_application(qapp)
    install_translations(qapp, language)
    try:
        ed, _ids = sample_editor()
        win = MainWindow(Session(ed), remember=False)
        win.resize(*size)
        win.show()
        try:
            qtbot.waitExposed(win)
            qtbot.waitUntil(lambda: win.default_sizes_applied)
            QApplication.processEvents()  # the dock layout takes the new sizes
            panel = win.palette_panel
            hint = panel.findChild(QLabel, "paletteHint")
            needed = hint.heightForWidth(hint.width())
            assert hint.height() >= needed, (hint.height(), needed)  # every line
            bottom = hint.mapTo(panel, hint.rect().bottomLeft()).y()
            assert bottom <= panel.height()  # inside the palette, not under the tree
            assert win.tree_dock.height() >= 240  # the model tree keeps its rows
            assert hint.toolTip() == hint.text()  # and a tooltip says it too
        finally:
            close_window(win)
    finally:
        install_translations(qapp, "en")


def test_a_short_palette_hides_its_hint_rather_than_cut_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    # a 1024×640 window leaves the palette no room for the hint's lines: it is hidden
    # (the relation buttons' tooltips tell it), not cut mid-sentence; taller, it is back
    from procmodeler.ui.palette import Palette

    panel = Palette()
    qtbot.addWidget(panel)
    panel.resize(180, 600)
    panel.show()
    qtbot.waitExposed(panel)
    hint = panel.findChild(QLabel, "paletteHint")
    qtbot.waitUntil(hint.isVisible)
    last = list(panel.relation_buttons.values())[-1]
    panel.resize(180, last.geometry().bottom() + 30)  # room for about one line
    qtbot.waitUntil(lambda: not hint.isVisible())
    assert hint.text() in last.toolTip()
    panel.resize(180, 600)
    qtbot.waitUntil(hint.isVisible)
