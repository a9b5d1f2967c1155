"""Fit to window and presentation mode at laptop sizes (UI review): the diagram is fitted
to the room the view really has, once it has it (after the full-screen resize, and again
whenever the size changes while presenting), with an even margin inside the scroll bars;
an empty sub-level shows a quiet hint that is no part of the diagram."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from procmodeler.ui.canvas.view import FIT_MARGIN_PX, MIN_ZOOM

pytestmark = pytest.mark.gui


def margins(view) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    """Left, top, right and bottom room in pixels between the content and the edges of
    the visible viewport (inside the scroll bars)."""
    box: QRect = view.mapFromScene(view.diagram.content_rect()).boundingRect()
    room = view.viewport().rect()
    return (
        box.left() - room.left(),
        box.top() - room.top(),
        room.right() - box.right(),
        room.bottom() - box.bottom(),
    )


def fitted(view) -> bool:  # type: ignore[no-untyped-def]
    """The content is inside the viewport with an even margin, and fills it in width or
    in height (up to that margin)."""
    left, top, right, bottom = margins(view)
    if min(left, top, right, bottom) < FIT_MARGIN_PX - 2:
        return False
    if abs(left - right) > 2 or abs(top - bottom) > 2:
        return False
    return min(left, top) <= FIT_MARGIN_PX + 2 or view.zoom >= 1.5


def test_fit_at_a_sub_level_leaves_an_even_margin_inside_the_scroll_bars(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 752)
    qtbot.waitUntil(lambda: window.width() == 1024)
    window.context.open_level(window.ids["deliver"])
    view = window.canvas.view
    assert fitted(view), margins(view)  # a level opened the first time is fitted
    view.set_zoom(MIN_ZOOM)  # the whole scene fits: no scroll bars...
    qtbot.waitUntil(lambda: not view.horizontalScrollBar().isVisible())
    window.actions_by_name["fit"].trigger()  # ...until fitting brings them back
    qtbot.waitUntil(view.horizontalScrollBar().isVisible)  # Qt shows them a moment later
    assert fitted(view), margins(view)


def test_presentation_is_fitted_to_the_full_screen_and_stays_fitted(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.canvas.view
    screen = window.screen().geometry().size()
    assert window.size() != screen
    window.actions_by_name["present"].trigger()
    qtbot.waitUntil(lambda: window.size() == screen)  # the platform resizes it later
    qtbot.waitUntil(lambda: fitted(view))
    window.resize(screen.width() + 224, screen.height() - 160)  # the size changes again
    qtbot.waitUntil(lambda: window.size() != screen)
    qtbot.waitUntil(lambda: fitted(view))


def test_an_empty_level_shows_a_hint_that_is_no_part_of_the_diagram(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    view = window.canvas.view
    hint = view.hint
    assert not hint.isVisible()  # the process map
    window.context.open_level(window.ids["sell"])  # a process without sub-processes
    assert hint.isVisible()
    assert hint.text() == "Drag a process from the palette to start this level"
    assert view.viewport().geometry().contains(hint.geometry())
    assert abs(hint.geometry().center().x() - view.viewport().geometry().center().x()) <= 2
    assert view.diagram.items() == []  # not in the scene, so not in exports or prints
    assert hint.parentWidget() is view and hint not in view.viewport().children()
    QTest.mouseClick(window.palette_panel.process_buttons["core"], Qt.MouseButton.LeftButton)
    assert view.diagram.shapes and not hint.isVisible()  # gone with the first shape
    view.close_editor()
    window.actions_by_name["undo"].trigger()
    assert not view.diagram.shapes and hint.isVisible()
    window.actions_by_name["present"].trigger()
    assert not hint.isVisible()  # presenting: no palette to drag from
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert hint.isVisible()
    window.context.open_level(window.ids["deliver"])
    assert not hint.isVisible()


def test_the_hint_in_swedish(app, window) -> None:  # type: ignore[no-untyped-def]
    from procmodeler.ui.app import install_translations

    install_translations(app, "sv")
    try:
        window.context.open_level(window.ids["sell"])
        text = window.canvas.view.hint.text()
        assert text == "Dra en process från paletten för att börja på den här nivån"
    finally:
        install_translations(app, "en")
