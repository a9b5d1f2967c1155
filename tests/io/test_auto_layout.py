"""The automatic layout of an imported model: bands per kind, core processes in flow
order, one diagram per level, a 10-unit grid, no overlaps."""

from __future__ import annotations

from procmodeler.io.layout import PER_ROW, apply_layout, flow_order, layout
from procmodeler.model import Architecture, Process, Relation
from procmodeler.notation.autolayout import MAX_LAYERS


def model(
    kinds: dict[str, str], flows: list[tuple[str, str]] = (), parent: dict[str, str] | None = None
) -> Architecture:  # type: ignore[assignment]
    arch = Architecture()
    for pid, kind in kinds.items():
        arch.put("processes", pid, Process(pid, pid.upper(), kind, (parent or {}).get(pid)))
    for i, (a, b) in enumerate(flows):
        arch.put("relations", f"r{i}", Relation(f"r{i}", a, b, "flow"))
    return arch


def test_flow_order_is_topological_and_stable() -> None:
    assert flow_order(["a", "b", "c", "d"], [("c", "a"), ("d", "b")]) == ["c", "a", "d", "b"]
    assert flow_order(["a", "b", "c"], []) == ["a", "b", "c"]
    # a cycle is broken at its first process in stored order
    assert flow_order(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")]) == ["a", "b", "c"]
    assert flow_order(["x", "a", "b"], [("b", "a"), ("a", "b"), ("q", "x")]) == ["x", "a", "b"]


def test_bands_and_flow_order_on_the_landscape() -> None:
    arch = model(
        {"s1": "support", "c3": "core", "m1": "management", "c1": "core", "c2": "core"},
        flows=[("c2", "c3"), ("c1", "c2"), ("s1", "c1")],
    )
    shapes = layout(arch)[None]
    assert set(shapes) == {"m1", "c1", "c2", "c3", "s1"}
    assert shapes["m1"].y < shapes["c1"].y == shapes["c2"].y == shapes["c3"].y < shapes["s1"].y
    assert shapes["c1"].x < shapes["c2"].x < shapes["c3"].x
    # support sits below what it supports (s1 -> c1)
    assert shapes["s1"].x == shapes["c1"].x


def test_every_level_gets_its_own_diagram_on_a_grid_without_overlaps() -> None:
    kinds = {f"p{i}": ("management", "core", "support")[i % 3] for i in range(20)}
    kinds.update({f"q{i}": "core" for i in range(8)})
    arch = model(
        kinds,
        flows=[(f"q{i}", f"q{i + 1}") for i in range(7)],
        parent={f"q{i}": "p1" for i in range(8)} | {"p2": "q0"},
    )
    result = layout(arch)
    assert list(result) == [None, "p1", "q0"]
    assert set(result["p1"]) == {f"q{i}" for i in range(8)} and set(result["q0"]) == {"p2"}
    for shapes in result.values():
        boxes = list(shapes.values())
        for b in boxes:
            assert all(v % 10 == 0 for v in (b.x, b.y, b.w, b.h)) and b.x >= 40 and b.y >= 40
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
    # a long flow is layered left to right and wraps after MAX_LAYERS layers
    level = result["p1"]
    assert [level[f"q{i}"].x for i in range(MAX_LAYERS)] == sorted(
        level[f"q{i}"].x for i in range(MAX_LAYERS)
    )
    assert level[f"q{MAX_LAYERS}"].y > level["q0"].y and PER_ROW == 8


def test_apply_layout_places_every_process_once() -> None:
    arch = model({"a": "core", "b": "core"}, parent={"b": "a"})
    apply_layout(arch)
    assert set(arch.shapes) == {None, "a"}
    assert arch.levels_showing("a") == [None] and arch.levels_showing("b") == ["a"]
    assert not arch.waypoints
