"""The Qt-free notation: label fitting, KPI lights, outlines and views."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.model import Bounds, Kpi
from procmodeler.notation.geometry import landscape_bands, lanes, outline, relation_path
from procmodeler.notation.kpi import traffic_light, worst_light
from procmodeler.notation.labels import ELLIPSIS, approx_measure, fit_lines
from procmodeler.notation.views import diagram_relations, relation_view, shape_view

M = approx_measure(10.0)


def test_words_wrap_whole() -> None:
    assert fit_lines("Handle permit application", 100, 3, M) == ["Handle permit", "application"]


def test_overflow_ends_with_ellipsis_on_a_word_boundary() -> None:
    lines = fit_lines("Handle permit application and supervision", 100, 2, M)
    assert lines == ["Handle permit", "application and" + ELLIPSIS]


def test_long_word_is_cut_only_with_ellipsis() -> None:
    (line,) = fit_lines("Samhällsbyggnadsförvaltningen", 100, 1, M)
    assert line.endswith(ELLIPSIS)
    assert "Samhällsbyggnadsförvaltningen".startswith(line[:-1])


def test_hyphenated_compound_breaks_after_hyphen() -> None:
    assert fit_lines("Kart-och-GIS-verksamhet", 100, 2, M)[0] == "Kart-och-GIS-"


@given(
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "Zs", "Pd"]), max_size=80),
    st.integers(1, 4),
)
def test_fitted_lines_never_exceed_width_and_never_cut_without_ellipsis(
    text: str, max_lines: int
) -> None:
    lines = fit_lines(text, 90, max_lines, M)
    assert len(lines) <= max_lines
    words = text.split()
    for line in lines:
        assert M(line) <= 90 or len(line) == 1
        for word in line.rstrip(ELLIPSIS).split():
            if not line.endswith(ELLIPSIS) and not word.endswith("-"):
                # a word shown without an ellipsis is a whole word (or the end of a compound)
                assert any(word in w for w in words)


@pytest.mark.parametrize(
    ("direction", "target", "actual", "light"),
    [
        ("lower", 10, 9, "green"),
        ("lower", 10, 10, "green"),
        ("lower", 10, 11, "yellow"),
        ("lower", 10, 11.5, "red"),
        ("higher", 80, 85, "green"),
        ("higher", 80, 72, "yellow"),
        ("higher", 80, 71.9, "red"),
        ("higher", 80, None, None),
    ],
)
def test_traffic_light(
    direction: str, target: float, actual: float | None, light: str | None
) -> None:
    assert (
        traffic_light(Kpi("k", "p", "x", direction=direction, target=target, actual=actual))
        == light
    )


def test_worst_light() -> None:
    kpis = [
        Kpi("a", "p", "a", direction="lower", target=10, actual=9),
        Kpi("b", "p", "b", direction="lower", target=10, actual=10.5),
    ]
    assert worst_light(kpis) == "yellow"
    assert worst_light([]) is None


def test_core_is_a_chevron_on_the_landscape_only() -> None:
    b = Bounds(0, 0, 160, 70)
    assert outline("core", b).is_polygon and len(outline("core", b).points) == 6
    assert not outline("core", b, chevron=False).is_polygon
    assert not outline("support", b).is_polygon


def test_relation_path_is_clipped_to_the_shapes() -> None:
    path = relation_path(Bounds(0, 0, 100, 50), Bounds(200, 0, 100, 50))
    assert path == [(100.0, 25.0), (200.0, 25.0)]


def _model() -> Editor:
    ed = Editor()
    mgmt = op.create_process(ed, "Steer", kind="management", bounds=Bounds(100, 0, 160, 60))
    core = op.create_process(ed, "Deliver", bounds=Bounds(100, 120, 160, 70))
    sup = op.create_process(ed, "Support", kind="support", bounds=Bounds(100, 260, 160, 60))
    child = op.create_process(ed, "Take order", parent=core)
    op.connect(ed, mgmt, core, "steering")
    op.connect(ed, sup, child, "support")
    return ed


def test_bands_follow_kinds_and_share_edges() -> None:
    arch = _model().arch
    bands = landscape_bands(arch)
    assert [b.kind for b in bands] == ["management", "core", "support"]
    assert len({(b.bounds.x, b.bounds.w) for b in bands}) == 1
    assert bands[0].bounds.y < bands[1].bounds.y < bands[2].bounds.y


def test_off_level_relations_become_markers() -> None:
    ed = _model()
    arch = ed.arch
    sup = next(p for p, proc in arch.processes.items() if proc.name == "Support")
    view = shape_view(arch, None, sup, M, M)
    assert [m.kind for m in view.markers] == ["support"]
    assert len(diagram_relations(arch, None)) == 1
    rid = diagram_relations(arch, None)[0]
    rv = relation_view(arch, None, rid)
    assert rv is not None and rv.head_style == "diamond"


def test_lanes_only_when_asked_and_per_participating_unit() -> None:
    ed = _model()
    arch = ed.arch
    core = next(p for p, proc in arch.processes.items() if proc.name == "Deliver")
    u1 = op.add_unit(ed, "Sales")
    u2 = op.add_unit(ed, "Production")
    op.set_participation(ed, core, u1, "A")
    op.set_participation(ed, core, u2, "R")
    assert lanes(arch, core) == []
    op.set_diagram_options(ed, core, True, [u2])
    assert [lane.unit for lane in lanes(arch, core)] == [u2, u1]
