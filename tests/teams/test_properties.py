"""Properties of diff and merge over random edit sequences (issue 16, item 5): for edits
A and B of one model that touch disjoint elements, merge(base, A, B) equals applying A
then B, and B then A; merge(base, A, base) is A; diff(X, X) is empty; applying the diff
to OLD gives NEW."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procmodeler.common.errors import EditRefused
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.diff import apply_changes, diff
from procmodeler.io.merge import merge
from procmodeler.io.records import KINDS
from procmodeler.model import Architecture, Bounds

SIDES = ("A", "B")


def base_model() -> Architecture:
    ed = Editor()
    op.add_person(ed, "Pat", person_id="P_1")
    op.add_person(ed, "Kim", person_id="P_2")
    for side in SIDES:
        op.add_unit(ed, f"Unit {side}", uid=f"{side}_U1")
        op.add_unit(ed, f"Sub {side}", parent=f"{side}_U1", uid=f"{side}_U2")
        for n in (1, 2):
            x = 0 if side == "A" else 600
            op.create_process(
                ed, f"{side}{n}", "core", pid=f"{side}_P{n}", bounds=Bounds(x + 200 * n, 0, 120, 60)
            )
        op.create_process(ed, f"{side} child", parent=f"{side}_P1", pid=f"{side}_P3",
                          bounds=Bounds(0, 0, 120, 60))  # fmt: skip
        op.connect(ed, f"{side}_P1", f"{side}_P2", rid=f"{side}_R1")
        op.add_kpi(ed, f"{side}_P1", "Lead time", "lead_time", kid=f"{side}_K1", target=4)
        op.set_participation(ed, f"{side}_P1", f"{side}_U1", "R")
    op.connect(ed, "A_P1", "B_P1", "support", rid="X_R1")
    return ed.arch


def own(arch: Architecture, collection: str, side: str) -> list[str]:
    return [key for key in getattr(arch, collection) if key.startswith(side + "_")]


Edit = Callable[[Editor], None]
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8)


@st.composite
def edits(draw: st.DrawFn, side: str) -> list[Edit]:
    """A random edit sequence that touches only *side*'s elements."""
    steps: list[Edit] = []
    for i in range(draw(st.integers(0, 8))):
        pick = draw(st.integers(0, 10_000))
        what = draw(st.sampled_from(
            ["rename", "purpose", "owner", "raci", "kpi", "target", "child", "connect",
             "delete", "move", "unit"]
        ))  # fmt: skip
        name, letters = draw(texts), draw(st.sampled_from(["", "R", "RA", "CI", None]))
        dx, person = draw(st.integers(-50, 50)), draw(st.sampled_from(["P_1", "P_2", None]))
        steps.append(_step(side, i, what, pick, name, letters, float(dx), person))
    return steps


def _step(side: str, i: int, what: str, pick: int, name: str, letters: Any, dx: float,
          person: Any) -> Edit:  # fmt: skip
    def run(ed: Editor) -> None:
        arch = ed.arch
        pids = own(arch, "processes", side)
        if not pids:
            return
        pid = pids[pick % len(pids)]
        other = pids[(pick // 7) % len(pids)]
        units = own(arch, "units", side) + own(arch, "units", "AB"[side == "A"])
        kpis = own(arch, "kpis", side)
        actions: dict[str, Callable[[], Any]] = {
            "rename": lambda: op.rename_process(ed, pid, name),
            "purpose": lambda: op.set_process_fields(ed, pid, purpose=name),
            "owner": lambda: op.set_owner(ed, pid, person),
            "raci": lambda: op.set_participation(ed, pid, units[pick % len(units)], letters),
            "kpi": lambda: op.add_kpi(ed, pid, "KPI", "other", kid=f"{side}_K{100 + i}"),
            "target": lambda: kpis and op.set_kpi(ed, kpis[pick % len(kpis)], target=dx),
            "child": lambda: op.create_process(
                ed, "New", parent=pid, pid=f"{side}_P{100 + i}", bounds=Bounds(dx, 0, 100, 50)
            ),
            "connect": lambda: op.connect(ed, pid, other, rid=f"{side}_R{100 + i}"),
            "delete": lambda: op.delete_processes(ed, [pid]),
            "move": lambda: op.move_shapes(ed, arch.processes[pid].parent, [pid], dx, 10.0),
            "unit": lambda: op.rename_unit(ed, f"{side}_U{1 + pick % 2}", name),
        }
        with contextlib.suppress(EditRefused):
            actions[what]()

    return run


def applied(arch: Architecture, steps: list[Edit]) -> Architecture:
    ed = Editor(arch.copy())
    for step in steps:
        step(ed)
    return ed.arch


def same_content(a: Architecture, b: Architecture, routes: bool = True) -> bool:
    """Equal element by element, whatever the order of the collections; without
    *routes*, relations' routes are not compared (they are derived: routing one line
    depends on every shape and line of its level, so editing one part of a map may
    route a line of the other part differently)."""
    return (
        all(kind.items(a) == kind.items(b) for kind in KINDS if routes or not kind.recomputed)
        and a.conflicts == b.conflicts
    )


def routes_from_a_side(merged: Architecture, a: Architecture, b: Architecture) -> bool:
    """Every route the merge keeps is one side's (routes both changed are dropped)."""
    kind = next(k for k in KINDS if k.recomputed)
    mine, theirs = kind.items(a), kind.items(b)
    return all(v in (mine.get(k), theirs.get(k)) for k, v in kind.items(merged).items())


BASE = base_model()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(edits("A"), edits("B"))
def test_disjoint_edits_merge_like_applying_both(a_steps: list[Edit], b_steps: list[Edit]) -> None:
    a, b = applied(BASE, a_steps), applied(BASE, b_steps)
    result = merge(BASE, a, b)
    assert result.conflicts == [] and result.renumbered == {}
    assert same_content(result.model, applied(a, b_steps), routes=False)
    assert same_content(result.model, applied(b, a_steps), routes=False)
    assert routes_from_a_side(result.model, a, b)
    assert result.model == native.loads(native.dumps(result.model))


@SETTINGS
@given(edits("A"), edits("B"))
def test_merge_with_an_unchanged_side(a_steps: list[Edit], b_steps: list[Edit]) -> None:
    a = applied(BASE, a_steps + b_steps)
    assert merge(BASE, a, BASE).model == a
    assert merge(BASE, BASE, a).model == a
    assert merge(BASE, a, a).model == a


@SETTINGS
@given(edits("A"), edits("B"))
def test_diff_of_a_model_with_itself_is_empty_and_applying_a_diff_gives_new(
    a_steps: list[Edit], b_steps: list[Edit]
) -> None:
    a, b = applied(BASE, a_steps), applied(BASE, b_steps)
    assert diff(a, a) == [] and diff(a, a.copy()) == []
    assert apply_changes(BASE, diff(BASE, a)) == a
    assert same_content(apply_changes(a, diff(a, b)), b)


def test_a_line_both_sides_rerouted_is_routed_anew_not_a_conflict() -> None:
    from procmodeler.notation.router import drawn_routes

    # each side moves its own end of the line X_R1 between the two parts of the map
    a = applied(BASE, [lambda ed: op.move_shapes(ed, None, ["A_P1"], 0.0, 120.0)])
    b = applied(BASE, [lambda ed: op.move_shapes(ed, None, ["B_P1"], 0.0, -80.0)])
    old = BASE.waypoints[None]["X_R1"]
    assert a.waypoints[None]["X_R1"] != old and b.waypoints[None]["X_R1"] != old
    result = merge(BASE, a, b)
    assert result.conflicts == []
    assert "X_R1" not in result.model.waypoints.get(None, {})
    route = drawn_routes(result.model, None)["X_R1"]
    start, end = result.model.shapes[None]["A_P1"], result.model.shapes[None]["B_P1"]
    assert start.y <= route[0][1] <= start.y + start.h  # it leaves the moved A_P1
    assert end.y <= route[-1][1] <= end.y + end.h  # and reaches the moved B_P1
