"""Property: whatever a file holds, each importer (native file, register, BPMN) either
refuses it with a :class:`UserError` or returns a model without violations. Files are
made from random valid models and then damaged: a reference set to another id (of any
kind, its own, or one that does not exist)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from procmodeler.common.errors import UserError
from procmodeler.common.paths import resources_dir
from procmodeler.io import native
from procmodeler.io.bpmn import export_bpmn, import_bpmn
from procmodeler.io.bpmn.names import PM
from procmodeler.io.layout import layout
from procmodeler.io.register import export_register, import_register
from procmodeler.model import (
    Architecture,
    Improvement,
    Kpi,
    Metadata,
    Objective,
    Person,
    Process,
    Relation,
    Unit,
)
from procmodeler.model.validate import violations

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def models(draw: st.DrawFn) -> Architecture:
    """A small valid model: trees of processes and units, people, relations, KPIs."""
    n_units = draw(st.integers(0, 3))
    units: dict[str, Unit] = {}
    for i in range(n_units):
        parent = draw(st.sampled_from([None, *units])) if units else None
        units[f"u{i}"] = Unit(f"u{i}", f"Unit {i}", parent)
    people = {
        f"e{i}": Person(f"e{i}", f"Person {i}", draw(st.sampled_from([None, *units])))
        for i in range(draw(st.integers(0, 3)))
    }
    processes: dict[str, Process] = {}
    for i in range(draw(st.integers(1, 6))):
        parent = draw(st.sampled_from([None, *processes])) if processes else None
        owner = draw(st.sampled_from([None, *people])) if people else None
        kind = draw(st.sampled_from(("management", "core", "support")))
        processes[f"p{i}"] = Process(f"p{i}", f"Process {i}", kind, parent, owner=owner)
    pids = list(processes)
    relations: dict[str, Relation] = {}
    for i in range(draw(st.integers(0, 4))):
        source, target = draw(st.sampled_from(pids)), draw(st.sampled_from(pids))
        if source != target:
            kind = draw(st.sampled_from(("flow", "support", "steering")))
            relations[f"r{i}"] = Relation(f"r{i}", source, target, kind)
    kpis = {
        f"k{i}": Kpi(f"k{i}", draw(st.sampled_from(pids)), f"KPI {i}", target=float(i))
        for i in range(draw(st.integers(0, 2)))
    }
    participation = {
        (draw(st.sampled_from(pids)), uid): draw(st.sampled_from(("R", "A", "RA", "C")))
        for uid in units
    }
    objectives: dict[str, Objective] = {}
    for i in range(draw(st.integers(0, 3))):
        parent = draw(st.sampled_from([None, *objectives])) if objectives else None
        owner = draw(st.sampled_from([None, *people])) if people else None
        objectives[f"o{i}"] = Objective(f"o{i}", f"Objective {i}", parent, owner)
    contributions = {
        (oid, draw(st.sampled_from(pids))): draw(st.sampled_from(("", "note")))
        for oid in objectives
    }
    if objectives:
        kpis = {
            k.id: Kpi(k.id, k.process, k.name, target=k.target, objective=draw(
                st.sampled_from([None, *objectives])))
            for k in kpis.values()
        }  # fmt: skip
    improvements = {
        f"i{i}": Improvement(
            f"i{i}", draw(st.sampled_from(pids)), f"Improvement {i}",
            draw(st.sampled_from(("idea", "planned", "ongoing", "done", "dropped"))),
            draw(st.sampled_from([None, *people])), draw(st.sampled_from([None, *kpis])),
            due=draw(st.sampled_from([None, "2026-06-30"])),
        )
        for i in range(draw(st.integers(0, 3)))
    }  # fmt: skip
    collections: dict[str, Any] = {
        "units": units,
        "people": people,
        "processes": processes,
        "relations": relations,
        "kpis": kpis,
        "participation": participation,
        "objectives": objectives,
        "contributions": contributions,
        "improvements": improvements,
    }
    arch = Architecture.from_collections(Metadata(name="M"), dict(collections))
    arch = Architecture.from_collections(
        Metadata(name="M"), {**collections, "shapes": layout(arch)}
    )
    assert violations(arch) == []
    return arch


def ids_of(arch: Architecture) -> list[str]:
    return sorted(arch.all_ids()) + ["ghost"]


def valid_or_refused(read: Any) -> None:
    try:
        arch = read()
    except UserError:
        return
    if isinstance(arch, tuple):
        arch = arch[0]
    elif not isinstance(arch, Architecture):
        arch = arch.arch
    assert violations(arch) == []


NATIVE_REFS = {
    "units": ("parent", "head"),
    "people": ("unit",),
    "processes": ("parent", "owner", "leader"),
    "relations": ("source", "target"),
    "kpis": ("process", "objective"),
    "participation": ("process", "unit"),
    "objectives": ("parent", "owner"),
    "contributions": ("objective", "process"),
    "improvements": ("process", "responsible", "kpi", "due", "status"),
}


@SETTINGS
@given(arch=models(), data=st.data())
def test_native_reader(arch: Architecture, data: st.DataObject) -> None:
    doc = json.loads(native.dumps(arch))
    for _ in range(data.draw(st.integers(1, 3))):
        collection = data.draw(st.sampled_from(sorted(NATIVE_REFS)))
        if not doc[collection]:
            continue
        record = data.draw(st.sampled_from(doc[collection]))
        field = data.draw(st.sampled_from(NATIVE_REFS[collection]))
        record[field] = data.draw(st.sampled_from(ids_of(arch) + [record.get("id", "x")]))
    valid_or_refused(lambda: native.loads(json.dumps(doc), "m.procm"))


REGISTER_REFS = {
    "units": ("parent", "head"),
    "people": ("unit",),
    "processes": ("parent", "owner", "leader"),
    "relations": ("source", "target"),
    "kpis": ("process", "objective"),
    "raci": ("process", "unit"),
    "objectives": ("parent", "owner"),
    "contributions": ("objective", "process"),
    "improvements": ("process", "responsible", "kpi", "due", "status"),
}


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def write_csv_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@SETTINGS
@given(arch=models(), data=st.data())
def test_register_import(arch: Architecture, data: st.DataObject, tmp_path: Path) -> None:
    folder = tmp_path / f"reg{data.draw(st.integers(0, 10**9))}"
    export_register(arch, folder)
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(sorted(REGISTER_REFS)))
        path = folder / f"{name}.csv"
        if not path.exists():
            continue
        rows = csv_rows(path)
        if len(rows) < 2:
            continue
        row = data.draw(st.sampled_from(rows[1:]))
        column = rows[0].index(data.draw(st.sampled_from(REGISTER_REFS[name])))
        row[column] = data.draw(st.sampled_from(ids_of(arch) + [row[0]]))
        write_csv_rows(path, rows)
    valid_or_refused(lambda: import_register(folder))


#: What a damaged register cell holds: nothing, blanks, no word of any vocabulary, an id
#: that is no NCName, a letter that is no RACI letter, numbers that are not finite, a
#: date that is none, an id that is nobody's, and an id of each kind of element (from
#: the example below; the row's own id is added per cell: a self-reference).
CELL_DAMAGE = (
    "", " ", "x y", "1a", "Q", "inf", "nan", "2026-02-30", "ghost",
    "M1", "CO", "MHO", "O1", "KPI01", "I01",
)  # fmt: skip


def test_register_import_with_any_cell_damaged(tmp_path: Path) -> None:
    """Each cell of the first row of each file of an example register, in turn, holds
    each damage: the register's builder checks only the cycles of the model it built
    (model.validate.cycle_violations) when its reading found no problem, so a bad cell
    that the reading let through would come out here as a model with violations."""
    folder = tmp_path / "reg"
    shutil.copytree(resources_dir() / "examples" / "manufacturing", folder)
    (folder / "measurements.csv").unlink()  # series are not part of validation
    assert violations(import_register(folder, with_layout=False).arch) == []
    tried = 0
    for path in sorted(folder.glob("*.csv")):
        original = path.read_bytes()
        rows = csv_rows(path)
        for column in range(len(rows[0])):
            for value in (*CELL_DAMAGE, rows[1][0], rows[2][0]):
                damaged = [rows[0], [*rows[1][:column], value, *rows[1][column + 1 :]]]
                write_csv_rows(path, damaged + rows[2:])
                valid_or_refused(lambda: import_register(folder, with_layout=False))
                tried += 1
        path.write_bytes(original)
    assert tried > 900


BPMN_REFS = (
    "parent", "head", "unit", "owner", "leader", "source", "target", "process", "objective",
    "responsible", "kpi", "due", "status", "established", "nextReview",
)  # fmt: skip


@SETTINGS
@given(arch=models(), data=st.data())
def test_bpmn_import(arch: Architecture, data: st.DataObject) -> None:
    root = etree.fromstring(export_bpmn(arch))
    by_tag: dict[str, list[Any]] = {}  # our extension elements by tag, so each gets a turn
    for el in root.iter(f"{{{PM}}}*"):
        by_tag.setdefault(el.tag, []).append(el)
    for _ in range(data.draw(st.integers(1, 3))):
        if not by_tag:
            break
        el = data.draw(st.sampled_from(by_tag[data.draw(st.sampled_from(sorted(by_tag)))]))
        names = sorted({"parent", *(n for n in BPMN_REFS if el.get(n) is not None)})
        name = data.draw(st.sampled_from(names))
        el.set(name, data.draw(st.sampled_from([*ids_of(arch), el.get("id", "x")])))
    valid_or_refused(lambda: import_bpmn(etree.tostring(root), "m.bpmn"))


def test_bpmn_import_breaks_a_unit_cycle_where_the_walk_enters_it() -> None:
    units = {"u0": Unit("u0", "Top"), "u1": Unit("u1", "Below", "u0")}
    arch = Architecture.from_collections(
        Metadata(), {"units": units, "processes": {"p0": Process("p0", "P")}}
    )
    root = etree.fromstring(export_bpmn(arch))
    for el in root.iter(f"{{{PM}}}unit"):
        if el.getparent().getparent().get("id") == "u0":
            el.set("parent", "u1")  # u0 -> u1 -> u0
    imported, warnings = import_bpmn(etree.tostring(root), "m.bpmn")
    assert {uid: u.parent for uid, u in imported.units.items()} == {"u0": None, "u1": "u0"}
    assert "the units above 'Top' form a cycle; it was moved to the top" in [
        str(w) for w in warnings
    ]
    assert violations(imported) == []
