"""Property: any sequence of editing operations can be undone completely and redone
completely. Undoing everything restores the initial model exactly (snapshot and the
saved bytes); redoing everything restores the final one. Along the way the model stays
consistent (it saves and loads back unchanged), a refused operation changes nothing,
and every transaction is announced once."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from procmodeler.common.errors import EditRefused
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.model import (
    DIRECTIONS,
    KPI_KINDS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RELATION_KINDS,
    Architecture,
    Bounds,
)
from procmodeler.model.validate import violations

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
coords = st.integers(-500, 2000).map(float) | st.floats(-500, 2000, allow_nan=False)
sizes = st.integers(-10, 400).map(float)
letters = st.text(st.sampled_from("RACIraci ,X"), max_size=5)
numbers = st.none() | st.floats(-1e6, 1e6, allow_nan=False) | st.sampled_from(["7", "x"])


def initial_model() -> Architecture:
    ed = Editor()
    op.set_metadata(ed, name="Start", language="sv")
    top = op.add_unit(ed, "Top")
    op.add_unit(ed, "Sub", parent=top)
    boss = op.add_person(ed, "Boss", unit=top)
    a = op.create_process(ed, "A", "management")
    b = op.create_process(ed, "B", "core")
    op.create_process(ed, "B1", "core", parent=b)
    op.set_owner(ed, b, boss)
    op.connect(ed, a, b, "steering", "Plan")
    op.set_participation(ed, b, top, "A")
    op.add_kpi(ed, b, "Ledtid", "lead_time", target=5)
    return ed.arch


class EditingMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.ed = Editor(initial_model())
        self.initial = self.ed.arch.snapshot()
        self.initial_text = native.dumps(self.ed.arch)
        self.events: list[Any] = []
        self.ed.subscribe(self.events.append)

    # .................................................................. helpers
    @property
    def arch(self) -> Architecture:
        return self.ed.arch

    def pick(
        self, data: st.DataObject, collection: dict[Any, Any] | list[Any], ghost: bool = True
    ) -> Any:
        """An existing key, or sometimes one that does not exist."""
        keys = sorted(collection, key=repr)
        choices = st.sampled_from(keys) if keys else st.just("ghost")
        if ghost:
            choices = choices | st.just("ghost")
        return data.draw(choices)

    def level(self, data: st.DataObject) -> str | None:
        return data.draw(st.none() | st.sampled_from([*sorted(self.arch.processes), "ghost"]))

    def attempt(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        """Run an operation; a refusal must leave the model and the history as they were."""
        before = self.arch.snapshot()
        history = len(self.ed.history())
        published = len(self.events)
        try:
            fn(self.ed, *args, **kwargs)
        except EditRefused:
            assert self.arch.snapshot() == before
            assert len(self.ed.history()) == history and len(self.events) == published
            return
        changed = self.arch.snapshot() != before
        assert len(self.events) == published + (1 if changed else 0)
        assert len(self.ed.history()) == min(history + (1 if changed else 0), self.ed.undo_limit)

    # .................................................................. processes
    @rule(
        data=st.data(),
        name=names,
        kind=st.sampled_from([*PROCESS_KINDS, "bad"]),
        place=st.booleans(),
    )
    def create_process(self, data: st.DataObject, name: str, kind: str, place: bool) -> None:
        parent = data.draw(st.none() | st.sampled_from([*sorted(self.arch.processes), "ghost"]))
        self.attempt(op.create_process, name, kind, parent=parent, place=place)

    @rule(data=st.data(), name=names)
    def rename_process(self, data: st.DataObject, name: str) -> None:
        self.attempt(op.rename_process, self.pick(data, self.arch.processes), name)

    @rule(data=st.data(), kind=st.sampled_from([*PROCESS_KINDS, "bad"]))
    def set_kind(self, data: st.DataObject, kind: str) -> None:
        self.attempt(op.set_process_kind, self.pick(data, self.arch.processes), kind)

    @rule(
        data=st.data(),
        field=st.sampled_from(["purpose", "customer", "need", "result", "name"]),
        text=names,
        objects=st.lists(names, max_size=3),
        status=st.sampled_from([*PROCESS_STATUSES, "bad"]),
    )
    def set_fields(
        self, data: st.DataObject, field: str, text: str, objects: list[str], status: str
    ) -> None:
        pid = self.pick(data, self.arch.processes)
        self.attempt(
            op.set_process_fields, pid, **{field: text, "objects_in": objects, "status": status}
        )

    @rule(data=st.data())
    def delete_processes(self, data: st.DataObject) -> None:
        pids = data.draw(
            st.lists(st.sampled_from([*sorted(self.arch.processes), "ghost"]), max_size=3)
        )
        self.attempt(op.delete_processes, pids)

    @rule(data=st.data())
    def reparent(self, data: st.DataObject) -> None:
        pid = self.pick(data, self.arch.processes)
        parent = data.draw(st.none() | st.sampled_from([*sorted(self.arch.processes), "ghost"]))
        self.attempt(op.reparent_process, pid, parent)

    @rule(data=st.data(), owner=st.booleans())
    def set_owner_or_leader(self, data: st.DataObject, owner: bool) -> None:
        pid = self.pick(data, self.arch.processes)
        person = data.draw(st.none() | st.sampled_from([*sorted(self.arch.people), "ghost"]))
        self.attempt(op.set_owner if owner else op.set_leader, pid, person)

    # .................................................................. geometry
    @rule(data=st.data(), dx=coords, dy=coords)
    def move_shapes(self, data: st.DataObject, dx: float, dy: float) -> None:
        level = self.level(data)
        pids = data.draw(
            st.lists(st.sampled_from([*sorted(self.arch.processes), "ghost"]), max_size=3)
        )
        self.attempt(op.move_shapes, level, pids, dx, dy)

    @rule(data=st.data(), x=coords, y=coords, w=sizes, h=sizes)
    def set_bounds(self, data: st.DataObject, x: float, y: float, w: float, h: float) -> None:
        pid = self.pick(data, self.arch.processes)
        level = data.draw(
            st.sampled_from(
                [
                    self.arch.processes[pid].parent if pid in self.arch.processes else None,
                    "ghost",
                    None,
                ]
            )
        )
        self.attempt(op.set_shape_bounds, level, {pid: Bounds(x, y, w, h)})

    @rule(data=st.data())
    def remove_shapes(self, data: st.DataObject) -> None:
        self.attempt(op.remove_shapes, self.level(data), [self.pick(data, self.arch.processes)])

    @rule(data=st.data(), points=st.lists(st.tuples(coords, coords), max_size=3))
    def set_waypoints(self, data: st.DataObject, points: list[tuple[float, float]]) -> None:
        self.attempt(
            op.set_waypoints, self.level(data), self.pick(data, self.arch.relations), points
        )

    @rule(data=st.data(), swimlanes=st.booleans())
    def set_diagram_options(self, data: st.DataObject, swimlanes: bool) -> None:
        lanes = data.draw(
            st.lists(st.sampled_from([*sorted(self.arch.units), "ghost"]), max_size=3, unique=True)
        )
        self.attempt(op.set_diagram_options, self.level(data), swimlanes, lanes)

    # .................................................................. relations
    @rule(
        data=st.data(),
        kind=st.sampled_from([*RELATION_KINDS, "bad"]),
        obj=names,
        bend=st.booleans(),
    )
    def connect(self, data: st.DataObject, kind: str, obj: str, bend: bool) -> None:
        source = self.pick(data, self.arch.processes)
        target = self.pick(data, self.arch.processes)
        waypoints = {self.level(data): [(1.0, 2.0)]} if bend else None
        self.attempt(op.connect, source, target, kind, obj, waypoints=waypoints)

    @rule(data=st.data())
    def disconnect(self, data: st.DataObject) -> None:
        self.attempt(op.disconnect, [self.pick(data, self.arch.relations)])

    @rule(data=st.data(), field=st.sampled_from(["kind", "object", "source", "target"]), text=names)
    def set_relation(self, data: st.DataObject, field: str, text: str) -> None:
        rid = self.pick(data, self.arch.relations)
        if field == "kind":
            value = data.draw(st.sampled_from([*RELATION_KINDS, "bad"]))
        elif field == "object":
            value = text
        else:
            value = self.pick(data, self.arch.processes)
        self.attempt(op.set_relation, rid, **{field: value})

    # .................................................................. participation
    @rule(data=st.data(), roles=st.none() | letters)
    def set_participation(self, data: st.DataObject, roles: str | None) -> None:
        self.attempt(
            op.set_participation,
            self.pick(data, self.arch.processes),
            self.pick(data, self.arch.units),
            roles,
        )

    # .................................................................. strategy
    @rule(data=st.data(), name=names, horizon=names)
    def add_objective(self, data: st.DataObject, name: str, horizon: str) -> None:
        parent = data.draw(st.none() | st.sampled_from([*sorted(self.arch.objectives), "ghost"]))
        owner = data.draw(st.none() | st.sampled_from([*sorted(self.arch.people), "ghost"]))
        self.attempt(op.add_objective, name, parent=parent, owner=owner, horizon=horizon)

    @rule(data=st.data(), name=names)
    def rename_objective(self, data: st.DataObject, name: str) -> None:
        self.attempt(op.rename_objective, self.pick(data, self.arch.objectives), name)

    @rule(data=st.data())
    def move_objective(self, data: st.DataObject) -> None:
        parent = data.draw(st.none() | st.sampled_from([*sorted(self.arch.objectives), "ghost"]))
        before = data.draw(st.none() | st.sampled_from([*sorted(self.arch.objectives), "ghost"]))
        self.attempt(op.move_objective, self.pick(data, self.arch.objectives), parent, before)

    @rule(data=st.data())
    def delete_objective(self, data: st.DataObject) -> None:
        self.attempt(op.delete_objective, self.pick(data, self.arch.objectives))

    @rule(data=st.data(), note=st.none() | names)
    def set_contribution(self, data: st.DataObject, note: str | None) -> None:
        oid = self.pick(data, self.arch.objectives)
        self.attempt(op.set_contribution, oid, self.pick(data, self.arch.processes), note)

    @rule(data=st.data())
    def set_kpi_objective(self, data: st.DataObject) -> None:
        oid = data.draw(st.none() | st.sampled_from([*sorted(self.arch.objectives), "ghost"]))
        self.attempt(op.set_kpi_objective, self.pick(data, self.arch.kpis), oid)

    @rule(
        data=st.data(),
        title=names,
        status=st.sampled_from(["idea", "planned", "ongoing", "done", "dropped", "bad"]),
        due=st.sampled_from([None, "2026-06-30", "2026-02-30", "soon"]),
    )
    def add_improvement(self, data: st.DataObject, title: str, status: str, due: Any) -> None:
        kpi = data.draw(st.none() | st.sampled_from([*sorted(self.arch.kpis), "ghost"]))
        pid = self.pick(data, self.arch.processes)
        self.attempt(op.add_improvement, pid, title, status=status, due=due, kpi=kpi)

    @rule(
        data=st.data(),
        status=st.sampled_from(["idea", "planned", "ongoing", "done", "dropped", "bad"]),
        today=st.sampled_from([None, "2026-06-30", "30/6"]),
    )
    def set_improvement_status(self, data: st.DataObject, status: str, today: Any) -> None:
        iid = self.pick(data, self.arch.improvements)
        self.attempt(op.set_improvement_status, iid, status, today=today)

    @rule(data=st.data())
    def delete_improvement(self, data: st.DataObject) -> None:
        self.attempt(op.delete_improvement, self.pick(data, self.arch.improvements))

    @rule(
        data=st.data(),
        level=st.sampled_from([None, "described", "in_use", "measured", "improving", "bad"]),
        review=st.sampled_from([None, "", "2026-09-30", "2026-13-01"]),
    )
    def set_establishment(self, data: st.DataObject, level: Any, review: Any) -> None:
        pid = self.pick(data, self.arch.processes)
        self.attempt(op.set_process_fields, pid, established=level, next_review=review)

    # .................................................................. units and people
    @rule(data=st.data(), name=names)
    def add_unit(self, data: st.DataObject, name: str) -> None:
        parent = data.draw(st.none() | st.sampled_from([*sorted(self.arch.units), "ghost"]))
        head = data.draw(st.none() | st.sampled_from([*sorted(self.arch.people), "ghost"]))
        self.attempt(op.add_unit, name, parent=parent, head=head)

    @rule(data=st.data(), name=names)
    def rename_unit(self, data: st.DataObject, name: str) -> None:
        self.attempt(op.rename_unit, self.pick(data, self.arch.units), name)

    @rule(data=st.data())
    def move_unit(self, data: st.DataObject) -> None:
        parent = data.draw(st.none() | st.sampled_from([*sorted(self.arch.units), "ghost"]))
        self.attempt(op.move_unit, self.pick(data, self.arch.units), parent)

    @rule(data=st.data())
    def set_unit_head(self, data: st.DataObject) -> None:
        head = data.draw(st.none() | st.sampled_from([*sorted(self.arch.people), "ghost"]))
        self.attempt(op.set_unit_head, self.pick(data, self.arch.units), head)

    @rule(data=st.data(), force=st.booleans())
    def delete_unit(self, data: st.DataObject, force: bool) -> None:
        self.attempt(op.delete_unit, self.pick(data, self.arch.units), force=force)

    @rule(data=st.data(), name=names, title=names)
    def add_person(self, data: st.DataObject, name: str, title: str) -> None:
        unit = data.draw(st.none() | st.sampled_from([*sorted(self.arch.units), "ghost"]))
        self.attempt(op.add_person, name, unit=unit, title=title)

    @rule(data=st.data(), name=names, title=names)
    def set_person_fields(self, data: st.DataObject, name: str, title: str) -> None:
        unit = data.draw(st.none() | st.sampled_from([*sorted(self.arch.units), "ghost"]))
        fields = data.draw(st.sampled_from([{"name": name}, {"title": title}, {"unit": unit}]))
        self.attempt(op.set_person_fields, self.pick(data, self.arch.people), **fields)

    @rule(data=st.data(), force=st.booleans())
    def delete_person(self, data: st.DataObject, force: bool) -> None:
        self.attempt(op.delete_person, self.pick(data, self.arch.people), force=force)

    # .................................................................. KPIs
    @rule(data=st.data(), name=names, kind=st.sampled_from([*KPI_KINDS, "bad"]), goal=numbers)
    def add_kpi(self, data: st.DataObject, name: str, kind: str, goal: Any) -> None:
        self.attempt(op.add_kpi, self.pick(data, self.arch.processes), name, kind, target=goal)

    @rule(
        data=st.data(),
        field=st.sampled_from(["name", "measure", "kind", "direction", "target", "actual"]),
        text=names,
        number=numbers,
    )
    def set_kpi(self, data: st.DataObject, field: str, text: str, number: Any) -> None:
        value: Any = text
        if field == "kind":
            value = data.draw(st.sampled_from([*KPI_KINDS, "bad"]))
        elif field == "direction":
            value = data.draw(st.sampled_from([*DIRECTIONS, "bad"]))
        elif field in ("target", "actual"):
            value = number
        self.attempt(op.set_kpi, self.pick(data, self.arch.kpis), **{field: value})

    @rule(data=st.data())
    def delete_kpi(self, data: st.DataObject) -> None:
        self.attempt(op.delete_kpi, self.pick(data, self.arch.kpis))

    # .................................................................. metadata and rules
    @rule(
        field=st.sampled_from(
            ["name", "organisation", "version_label", "author", "language", "colour"]
            + ["status", "adopted_by", "adopted_on", "reference", "distribution"]
        ),
        value=names | st.sampled_from(["en", "sv", "adopted", "for_decision", "2026-03-18"]),
    )
    def set_metadata(self, field: str, value: str) -> None:
        self.attempt(op.set_metadata, **{field: value})

    @rule(
        rule_id=st.sampled_from(["orphan.isolated", "kpi.no-target"]),
        value=st.sampled_from([None, "off", "error", "warning", "info", "loud"]),
    )
    def set_rule(self, rule_id: str, value: str | None) -> None:
        self.attempt(op.set_rule, rule_id, value)

    @rule(data=st.data(), text=names, restore=st.booleans())
    def suppress(self, data: st.DataObject, text: str, restore: bool) -> None:
        elements = [self.pick(data, self.arch.processes)]
        if restore:
            self.attempt(op.unsuppress_finding, "responsibility.no-owner", elements)
        else:
            self.attempt(op.suppress_finding, "responsibility.no-owner", elements, text)

    # .................................................................. undo / redo on the way
    @precondition(lambda self: self.ed.can_undo())
    @rule(redo=st.booleans())
    def undo_step(self, redo: bool) -> None:
        before = self.arch.snapshot()
        self.ed.undo()
        if redo:
            self.ed.redo()
            assert self.arch.snapshot() == before

    # .................................................................. checks
    @invariant()
    def model_is_consistent_and_saveable(self) -> None:
        assert violations(self.arch) == []  # no edit makes a model invalid
        text = native.dumps(self.arch)
        again = native.loads(text)
        assert again.snapshot() == self.arch.snapshot()

    def teardown(self) -> None:
        self.ed.redo_all()
        final = self.arch.snapshot()
        final_text = native.dumps(self.arch)
        self.ed.undo_all()
        assert self.arch.snapshot() == self.initial
        assert native.dumps(self.arch) == self.initial_text
        self.ed.redo_all()
        assert self.arch.snapshot() == final
        assert native.dumps(self.arch) == final_text


EditingMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestEditing = EditingMachine.TestCase
