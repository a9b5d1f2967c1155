"""Issue 14 in the app, driven with real mouse and key events: a relation drawn around
an obstacle, a move that re-routes only the moved shape's lines (one undo entry), a
core process dropped in the support band (both answers), Arrange and undo, and the
presentation mode stepping through the levels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from procmodeler.model import Bounds
from procmodeler.notation.diagramcheck import is_orthogonal, path_crosses_box
from procmodeler.notation.routing import Shape, side_of
from tests.ui.helpers import assert_in_sync, click, drag

pytestmark = pytest.mark.gui


def _center(b: Bounds) -> tuple[float, float]:
    return (b.x + b.w / 2, b.y + b.h / 2)


def _connect(window, source: str, target: str) -> str:  # type: ignore[no-untyped-def]
    arch = window.context.arch
    b = arch.shapes[None][source]
    click(window.canvas.view, *_center(b))
    item = window.canvas.scene.shapes[source]
    c = item.mapToScene(item.connect_center())
    drag(window.canvas.view, (c.x(), c.y()), _center(arch.shapes[None][target]))
    (rid,) = [r.id for r in arch.relations.values() if (r.source, r.target) == (source, target)]
    return rid


def test_a_relation_is_drawn_around_an_obstacle(window) -> None:
    arch = window.context.arch
    plan, sell, it = window.ids["plan"], window.ids["sell"], window.ids["it"]
    # "Sell" stands right between "Plan business" and "Run IT"
    rid = _connect(window, plan, it)
    route = arch.waypoints[None][rid]
    assert is_orthogonal(route) and len(route) >= 4
    assert not path_crosses_box(route, arch.shapes[None][sell])
    assert side_of(Shape(arch.shapes[None][plan]), route[0]) is not None
    assert side_of(Shape(arch.shapes[None][it]), route[-1]) is not None
    # the scene draws the same line
    assert window.canvas.scene.relations[rid].view.path == route
    assert_in_sync(window)


def test_a_move_re_routes_only_the_moved_shapes_lines_in_one_undo_entry(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    plan, it, deliver = window.ids["plan"], window.ids["it"], window.ids["deliver"]
    other = _connect(window, plan, it)
    flow = window.ids["flow"]
    before = dict(arch.waypoints[None])
    history = len(ed.history())
    d = arch.shapes[None][deliver]
    drag(window.canvas.view, (d.x + 80, d.y + 35), (d.x + 80, d.y + 75))
    assert arch.shapes[None][deliver].y == d.y + 40
    assert len(ed.history()) == history + 1
    assert arch.waypoints[None][other] == before[other]  # not touched
    moved = arch.waypoints[None][flow]
    assert moved != before.get(flow) and is_orthogonal(moved)
    assert window.canvas.scene.relations[flow].view.path == moved
    ed.undo()
    assert arch.shapes[None][deliver] == d and arch.waypoints[None][flow] == before[flow]
    assert_in_sync(window)


def _drop_in_support_band(window, answer, monkeypatch) -> Bounds:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    arch = window.context.arch
    deliver = window.ids["deliver"]
    d = arch.shapes[None][deliver]
    it = arch.shapes[None][window.ids["it"]]
    drag(window.canvas.view, (d.x + 80, d.y + 35), (d.x + 80, it.y + 35))
    assert asked == ["Make 'Deliver' a support process?"]
    return d


def test_a_core_process_dropped_in_the_support_band_changes_kind_when_asked_so(
    window, monkeypatch
) -> None:
    arch = window.context.arch
    ed = window.context.editor
    deliver = window.ids["deliver"]
    history = len(ed.history())
    old = _drop_in_support_band(window, QMessageBox.StandardButton.Yes, monkeypatch)
    assert arch.processes[deliver].kind == "support"
    new = arch.shapes[None][deliver]
    assert new.x == old.x and new.y == arch.shapes[None][window.ids["it"]].y
    assert len(ed.history()) == history + 1
    assert ed.undo_label().text() == "Change kind of 'Deliver'"
    ed.undo()
    assert arch.processes[deliver].kind == "core" and arch.shapes[None][deliver] == old
    assert_in_sync(window)


def test_a_core_process_dropped_in_the_support_band_snaps_back_when_not(
    window, monkeypatch
) -> None:
    arch = window.context.arch
    ed = window.context.editor
    deliver = window.ids["deliver"]
    history = len(ed.history())
    old = _drop_in_support_band(window, QMessageBox.StandardButton.No, monkeypatch)
    assert arch.processes[deliver].kind == "core" and arch.shapes[None][deliver] == old
    assert len(ed.history()) == history
    item = window.canvas.scene.shapes[deliver]
    assert item.mapToScene(item.boundingRect().center()).y() < old.y + old.h
    assert_in_sync(window)


def test_arrange_lays_out_and_undo_restores(window) -> None:
    arch = window.context.arch
    ed = window.context.editor
    before = dict(arch.shapes[None])
    history = len(ed.history())
    window.actions_by_name["arrange"].trigger()
    after = dict(arch.shapes[None])
    assert after != before and len(ed.history()) == history + 1
    assert ed.undo_label().text() == "Arrange"
    # three bands: management above core above support
    ids = window.ids
    assert after[ids["plan"]].y < after[ids["sell"]].y < after[ids["it"]].y
    assert after[ids["sell"]].x < after[ids["deliver"]].x
    assert is_orthogonal(arch.waypoints[None][ids["flow"]])
    assert_in_sync(window)
    ed.undo()
    assert dict(arch.shapes[None]) == before
    assert_in_sync(window)


def test_presentation_mode_shows_the_diagram_alone_and_steps_through_levels(window, qtbot) -> None:
    window.actions_by_name["present"].trigger()
    assert window.presentation.active
    assert not window.menuBar().isVisible() and not window.palette_dock.isVisible()
    view = window.canvas.view
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert window.context.level == window.ids["deliver"]
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert window.context.level is None
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not window.presentation.active
    assert window.menuBar().isVisible() and window.palette_dock.isVisible()


def test_an_image_export_speaks_the_models_language(window, monkeypatch, tmp_path) -> None:
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QFileDialog

    from procmodeler.edit import operations as ops

    ops.set_metadata(window.context.editor, language="sv")  # an English UI, a Swedish model
    svg = tmp_path / "map.svg"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(svg), "SVG drawing (*.svg)")),
    )
    window.actions_by_name["export_image"].trigger()
    ns = "{http://www.w3.org/2000/svg}"
    texts = "".join("".join(t.itertext()) for t in ET.parse(svg).getroot().iter(f"{ns}text"))
    assert "Huvudprocesser" in texts and "Core processes" not in texts
    # the canvas itself still speaks the UI's language
    labels = [getattr(item, "label", "") for item in window.canvas.scene._decor]
    assert "Core processes" in labels


def test_lines_follow_a_dragged_shape_orthogonally_before_the_release(window) -> None:
    from PySide6.QtCore import QEvent, QPoint

    from tests.ui.helpers import _send, view_point

    arch = window.context.arch
    view = window.canvas.view
    flow, deliver = window.ids["flow"], window.ids["deliver"]
    d = arch.shapes[None][deliver]
    left = Qt.MouseButton.LeftButton
    a = view_point(view, d.x + 80, d.y + 35)
    _send(view, QEvent.Type.MouseButtonPress, a, left, left, Qt.KeyboardModifier.NoModifier)
    for step in range(1, 5):
        p = QPoint(a.x() + 10 * step, a.y() + 12 * step)
        _send(
            view,
            QEvent.Type.MouseMove,
            p,
            Qt.MouseButton.NoButton,
            left,
            Qt.KeyboardModifier.NoModifier,
        )
    live = window.canvas.scene.relations[flow].view.path
    assert is_orthogonal(live) and len(live) >= 3  # no diagonal while dragging
    _send(
        view,
        QEvent.Type.MouseButtonRelease,
        p,
        left,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert window.canvas.scene.relations[flow].view.path == arch.waypoints[None][flow]
    assert_in_sync(window)


def test_fit_to_window_fills_the_canvas(window) -> None:
    from procmodeler.ui.canvas.view import FIT_MAX_ZOOM

    view = window.canvas.view
    for level in (None, window.ids["deliver"]):
        window.context.open_level(level)
        window.actions_by_name["fit"].trigger()
        shown = view.mapFromScene(window.canvas.scene.content_rect()).boundingRect()
        port = view.viewport().rect()
        filled = max(shown.width() / port.width(), shown.height() / port.height())
        assert filled >= 0.9 or view.zoom == pytest.approx(FIT_MAX_ZOOM), (level, filled)
        assert port.contains(shown.adjusted(1, 1, -1, -1))  # and all of it is in view


def test_route_lines_routes_hand_drawn_bends_anew_in_one_undo_entry(window) -> None:
    from procmodeler.edit import operations as ops

    arch = window.context.arch
    ed = window.context.editor
    flow = window.ids["flow"]
    ops.set_waypoints(ed, None, flow, [(300, 100), (320, 260)])  # a diagonal by hand
    assert not is_orthogonal(window.canvas.scene.relations[flow].view.path)
    history = len(ed.history())
    window.actions_by_name["route_lines"].trigger()
    assert len(ed.history()) == history + 1 and ed.undo_label().text() == "Route lines"
    assert is_orthogonal(arch.waypoints[None][flow])
    assert window.canvas.scene.relations[flow].view.path == arch.waypoints[None][flow]
    ed.undo()
    assert arch.waypoints[None][flow] == ((300.0, 100.0), (320.0, 260.0))
    assert_in_sync(window)
