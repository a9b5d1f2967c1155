"""Text at a readable size only (issue 20): a diagram seen so small that its names could
not be read paints its shapes and lines without text, and prepares no text for them
(a 1,000-process landscape then paints at once); zoomed in, the text is there; an
export always has every name, however small it is drawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from procmodeler.notation import style as ns
from procmodeler.ui.canvas.items import READABLE_PX, RelationItem, ShapeItem
from procmodeler.ui.export import diagram_picture

pytestmark = pytest.mark.gui


def shapes(window) -> list[ShapeItem]:  # type: ignore[no-untyped-def]
    return list(window.canvas.scene.shapes.values())


def labelled(window) -> list[RelationItem]:  # type: ignore[no-untyped-def]
    return [r for r in window.canvas.scene.relations.values() if r.view.label_lines]


def fresh_items(window) -> None:  # type: ignore[no-untyped-def]
    """Rebuild the scene, so that no item has prepared its text yet."""
    window.canvas.scene.rebuild()
    assert all(item._text is None for item in shapes(window))
    assert all(item._label_lines is None for item in labelled(window))


def paint_view(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.canvas.view.viewport().repaint()
    qtbot.wait(10)


def test_a_diagram_too_small_to_read_paints_no_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert labelled(window)  # the sample's level has named relations
    fresh_items(window)
    zoom = 0.9 * READABLE_PX / ns.DETAIL_FONT_SIZE  # letters just under READABLE_PX high
    window.canvas.view.set_zoom(zoom)
    window.canvas.view.centerOn(window.canvas.scene.content_rect().center())
    paint_view(window, qtbot)
    assert all(item._text is None for item in shapes(window))
    assert all(item._label_lines is None for item in labelled(window))


def test_zoomed_in_the_names_are_painted(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    fresh_items(window)
    zoom = 1.1 * READABLE_PX / ns.DETAIL_FONT_SIZE  # just readable
    window.canvas.view.set_zoom(zoom)
    window.canvas.view.centerOn(window.canvas.scene.content_rect().center())
    paint_view(window, qtbot)
    painted = [item for item in shapes(window) if item._text is not None]
    assert len(painted) == len(shapes(window))  # the sample fits in the view
    names = {st.text() for item in painted for _, st in item._text.lines}
    assert "Deliver" in " ".join(names)
    assert all(item._label_lines for item in labelled(window))


def test_an_export_has_every_name_however_small(window) -> None:  # type: ignore[no-untyped-def]
    fresh_items(window)
    picture = diagram_picture(window.canvas.scene)
    image = QImage(60, 30, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    picture.draw(painter, QRectF(0, 0, 60, 30))  # far too small to read
    painter.end()
    assert all(item._text is not None for item in shapes(window))
    assert all(item._label_lines for item in labelled(window))


def hover(window, pid: str) -> str:  # type: ignore[no-untyped-def]
    """Move the mouse onto the middle of a shape; its tooltip then."""
    from PySide6.QtCore import QEvent, Qt

    from tests.ui.helpers import _send, view_point

    view = window.canvas.view
    item = window.canvas.scene.shapes[pid]
    view.centerOn(item.sceneBoundingRect().center())
    b = item.bounds
    p = view_point(view, b.x + b.w / 2, b.y + b.h / 2)
    none = Qt.MouseButton.NoButton
    _send(view, QEvent.Type.MouseMove, p, none, none)
    return item.toolTip()


def test_names_too_small_to_read_are_told_on_hover(window) -> None:  # type: ignore[no-untyped-def]
    """A laptop-sized fit draws names a few pixels high, or not at all: hovering a shape
    then tells its name (and owner); at a readable zoom a whole name needs no tooltip."""
    from procmodeler.ui.canvas.scene import NAME_TIP_PX

    sell = window.ids["sell"]
    window.canvas.view.set_zoom(0.9 * NAME_TIP_PX / ns.NAME_FONT_SIZE)
    assert hover(window, sell) == "Sell\nAnna Berg"
    window.canvas.view.set_zoom(1.1 * NAME_TIP_PX / ns.NAME_FONT_SIZE)
    assert hover(window, sell) == ""
