"""Our own export imports back losslessly: the model is equal (every collection, in
order), exporting it again gives byte-identical XML, and the import warns about nothing.
Random models (hypothesis) hold to the same."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.io.bpmn import export_bpmn, import_bpmn
from procmodeler.model import Architecture, Bounds
from procmodeler.model.changes import COLLECTIONS
from tests.bpmn.bpmn_models import deep_architecture, generated_architecture, sample_architecture


def assert_round_trip(arch: Architecture) -> None:
    first = export_bpmn(arch)
    back, warnings = import_bpmn(first)
    assert [str(w) for w in warnings] == []
    if back != arch:
        diffs = [
            name
            for name, a, b in zip(COLLECTIONS, arch.snapshot(), back.snapshot(), strict=True)
            if a != b
        ]
        pytest.fail(f"the round trip changed: {diffs}")
    assert export_bpmn(back) == first


@pytest.mark.parametrize(
    "make",
    [
        sample_architecture,
        lambda: deep_architecture(20),
        Architecture,
        lambda: generated_architecture(500),
    ],
    ids=["sample", "deep20", "empty", "generated"],
)
def test_export_import_export_is_lossless(make) -> None:  # type: ignore[no-untyped-def]
    assert_round_trip(make())


def test_strange_text_survives() -> None:
    ed = Editor()
    ops.set_metadata(ed, name="Åäö & <x>", author="  ")
    pid = ops.create_process(ed, 'R&D <Core> "x"', bounds=Bounds(0.5, -10.25, 100, 50))
    ops.set_process_fields(
        ed,
        pid,
        purpose="line 1\nline 2 & <b>\r\n  indented",
        customer="a\tb",
        need="€ — 😀",
        objects_in=["x, y", "z"],
    )
    ops.add_kpi(ed, pid, "Ratio", "variation", target=0.1, actual=1e-7)
    assert_round_trip(ed.arch)


def test_order_of_every_collection_survives() -> None:
    """Processes created top-down but children interleaved, relations and KPIs out of
    tree order, waypoints stored in another order than the relations."""
    ed = Editor()
    a = ops.create_process(ed, "A", bounds=Bounds(0, 0, 100, 50))
    b = ops.create_process(ed, "B", bounds=Bounds(200, 0, 100, 50))
    a1 = ops.create_process(ed, "A1", parent=a, bounds=Bounds(0, 0, 100, 50))
    c = ops.create_process(ed, "C", bounds=Bounds(400, 0, 100, 50))
    a2 = ops.create_process(ed, "A2", parent=a, bounds=Bounds(200, 0, 100, 50))
    ops.add_kpi(ed, c, "k1")
    ops.add_kpi(ed, a, "k2")
    r2 = ops.connect(ed, b, c)
    r1 = ops.connect(ed, a, b)
    ops.connect(ed, a1, a2)
    ops.set_waypoints(ed, None, r1, [(100, 25), (200, 25)])
    ops.set_waypoints(ed, None, r2, [(300, 25), (400, 25)])
    ops.connect(ed, a, c, "support")
    unit = ops.add_unit(ed, "U")
    ops.set_participation(ed, c, unit, "A")
    ops.set_participation(ed, a, unit, "")
    assert_round_trip(ed.arch)


def test_a_split_with_stored_bend_points_and_duplicate_pairs() -> None:
    ed = Editor()
    s = ops.create_process(ed, "S", bounds=Bounds(0, 100, 100, 50))
    t1 = ops.create_process(ed, "T1", bounds=Bounds(300, 0, 100, 50))
    t2 = ops.create_process(ed, "T2", bounds=Bounds(300, 200, 100, 50))
    ops.connect(ed, s, t2, object="two", waypoints={None: [(100, 125), (200, 225), (300, 225)]})
    ops.connect(ed, s, t1, object="one")
    ops.connect(ed, s, t1, object="again", waypoints={None: [(50, 100), (50, 25), (300, 25)]})
    ops.connect(ed, t1, t2, "support")
    assert_round_trip(ed.arch)


# ---------------------------------------------------------------------- random models
names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=12
).filter(lambda s: s.strip())
coords = st.integers(-500, 2000).map(float)


@st.composite
def architectures(draw: st.DrawFn) -> Architecture:
    ed = Editor()
    pids: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        parent = draw(st.sampled_from([None, *pids])) if pids else None
        placed = draw(st.booleans())
        box = Bounds(draw(coords), draw(coords), 160.0, 70.0)
        pids.append(
            ops.create_process(
                ed,
                draw(names),
                draw(st.sampled_from(["management", "core", "support"])),
                parent=parent,
                bounds=box,
                place=placed,
            )
        )
    units = [ops.add_unit(ed, draw(names)) for _ in range(draw(st.integers(0, 3)))]
    people = [
        ops.add_person(ed, draw(names), unit=draw(st.sampled_from([None, *units])))
        for _ in range(draw(st.integers(0, 3)))
    ]
    for pid in pids:
        if people and draw(st.booleans()):
            ops.set_owner(ed, pid, draw(st.sampled_from(people)))
        if units and draw(st.booleans()):
            ops.set_participation(
                ed,
                pid,
                draw(st.sampled_from(units)),
                draw(st.sampled_from(["", "R", "RA", "CI", "RACI"])),
            )
        if draw(st.booleans()):
            ops.add_kpi(
                ed,
                pid,
                draw(names),
                draw(st.sampled_from(["lead_time", "other"])),
                target=draw(st.one_of(st.none(), st.floats(-1e6, 1e6))),
            )
    for _ in range(draw(st.integers(0, 15))):
        if len(pids) < 2:
            break
        src, tgt = draw(st.sampled_from(pids)), draw(st.sampled_from(pids))
        if src == tgt:
            continue
        kind = draw(st.sampled_from(["flow", "flow", "support", "steering"]))
        level = ed.arch.processes[src].parent
        same = level == ed.arch.processes[tgt].parent
        points = (
            {level: [(draw(coords), draw(coords)) for _ in range(draw(st.integers(2, 4)))]}
            if same and draw(st.booleans())
            else None
        )
        ops.connect(
            ed, src, tgt, kind, object=draw(st.sampled_from(["", "Order"])), waypoints=points
        )
    return ed.arch


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_random_models_round_trip(arch: Architecture) -> None:
    assert_round_trip(arch)


@pytest.mark.parametrize("example", ["manufacturing", "municipality-sv"])
def test_bundled_examples_with_their_measurements_round_trip(example: str) -> None:
    from pathlib import Path

    from procmodeler.io import native

    root = Path(__file__).resolve().parents[2] / "procmodeler" / "resources" / "examples"
    arch = native.load(root / f"{example}.procm")
    assert sum(1 for k in arch.kpis.values() if k.series) >= 10
    assert any(m.rebase and m.note for k in arch.kpis.values() for m in k.series)
    assert_round_trip(arch)


def test_broken_measurements_are_left_out_with_a_warning() -> None:
    from procmodeler.model import Kpi, Measurement, Process

    arch = Architecture()
    arch.put("processes", "p", Process("p", "P"))
    arch.put("shapes", (None, "p"), Bounds(0, 0, 160, 70))
    series = (Measurement("2025-01", 1.0), Measurement("2025-02", 2.0))
    arch.put("kpis", "k", Kpi("k", "p", "K", series=series, actual=2.0))
    xml = export_bpmn(arch).replace(b'period="2025-02"', b'period="2025-01"')
    back, warnings = import_bpmn(xml)
    assert back.kpis["k"].series == ()
    assert ["the measurements of KPI 'K' were left out" in str(w) for w in warnings] == [True]


def test_strategy_survives_our_own_round_trip() -> None:
    """Objectives, contributions, a KPI's objective, improvements, establishment levels
    and review dates (issue 13) travel in our extension data, losslessly."""
    from tests.io.test_register_strategy import strategic

    arch = strategic()
    ed = Editor(arch)
    ops.add_objective(ed, "Självständighet & <x>", description="rad 1\nrad 2", oid="G3")
    ops.set_contribution(ed, "G3", "A1", "a & b")
    assert_round_trip(ed.arch)
    assert len(ed.arch.improvements) == 3 and len(ed.arch.contributions) == 3


def test_strategy_that_does_not_fit_is_left_out_with_warnings() -> None:
    from tests.io.test_register_strategy import strategic

    xml = export_bpmn(strategic()).decode("utf-8")
    xml = xml.replace('status="ongoing"', 'status="finished"')
    xml = xml.replace('due="2026-05-31"', 'due="2026-02-30"')
    xml = xml.replace('established="measured"', 'established="perfect"')
    xml = xml.replace('objective="G2"', 'objective="G9"')  # the KPI's and a contribution's
    back, warnings = import_bpmn(xml.encode("utf-8"))
    texts = [str(w) for w in warnings]
    assert len(texts) == 5, texts
    assert list(back.contributions) == [("G1", "B")]
    assert back.improvements["I1"].status == "idea" and back.improvements["I1"].due is None
    assert back.processes["A"].established is None and back.kpis["K1"].objective is None
