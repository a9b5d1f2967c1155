"""Done when (issue 14): in the BPMN export of each bundled example and of registers
laid out by import-register (one with 40 processes on a level, one with long Swedish
names), no line runs through a shape other than its ends, no two shapes overlap, no
label covers a shape or another label, and every named relation has label bounds."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from procmodeler.common.paths import resources_dir
from procmodeler.io import native
from procmodeler.io.bpmn import export_bpmn
from procmodeler.io.register.builder import import_register
from procmodeler.model import Bounds
from procmodeler.notation.diagramcheck import Edge, problems
from tests.diagram.di_reader import di_problems, planes

EXAMPLES = resources_dir() / "examples"


def write_register(folder: Path, processes: list[list[str]], relations: list[list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "processes.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "kind", "parent"])
        w.writerows(processes)
    with (folder / "relations.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "kind", "object"])
        w.writerows(relations)
    return folder


def forty_on_a_level(folder: Path) -> Path:
    """40 sub-processes of one core process in a flow with branches and loops back,
    and a landscape with management and support around five core processes."""
    procs = [["M1", "Lead", "management", ""], ["M2", "Plan", "management", ""]]
    procs += [[f"C{i}", f"Core {i}", "core", ""] for i in range(1, 6)]
    procs += [["S1", "People", "support", ""], ["S2", "IT", "support", ""]]
    procs += [[f"C1.{i}", f"Step {i}", "core", "C1"] for i in range(1, 41)]
    rels = [[f"C{i}", f"C{i + 1}", "flow", f"Result {i}"] for i in range(1, 5)]
    rels += [["M1", f"C{i}", "steering", ""] for i in (1, 3, 5)]
    rels += [["M2", "C2", "steering", ""], ["S1", "C1", "support", ""], ["S2", "C4", "support", ""]]
    rels += [[f"C1.{i}", f"C1.{i + 1}", "flow", f"Object {i}"] for i in range(1, 40)]
    rels += [[f"C1.{i}", f"C1.{i + 7}", "flow", f"Shortcut {i}"] for i in range(1, 33, 8)]
    rels += [[f"C1.{i + 5}", f"C1.{i}", "flow", f"Rework {i}"] for i in range(3, 30, 9)]
    return write_register(folder, procs, rels)


def long_swedish(folder: Path) -> Path:
    """Long Swedish names on processes and objects."""
    names = [
        "Handlägga ansökan om bygglov och startbesked enligt plan- och bygglagen",
        "Granskningsutlåtande och samrådsredogörelse för detaljplaneprogrammet",
        "Tillsyn över verksamheter enligt miljöbalken och livsmedelslagstiftningen",
        "Förvaltningsövergripande kvalitetsledning och internkontrollplanering",
        "Myndighetsutövning inom strandskyddsdispenser och vattenverksamheter",
    ]
    procs = [["L1", "Styra och leda samhällsbyggnadsförvaltningens verksamhet", "ledning", ""]]
    procs += [[f"H{i}", name, "huvud", ""] for i, name in enumerate(names, 1)]
    procs += [["S1", "Personalförsörjning och kompetensutveckling", "stöd", ""]]
    procs += [[f"H1.{i}", f"{names[i - 1]} del {i}", "huvud", "H1"] for i in range(1, 6)]
    objects = [
        "Granskningsutlåtande med samrådsredogörelse",
        "Beslut om bygglov, startbesked och kontrollplan",
        "Tillsynsrapport med föreläggande och sanktionsavgifter",
        "Fastställd internkontrollplan för verksamhetsåret",
    ]
    rels = [[f"H{i}", f"H{i + 1}", "flow", objects[i - 1]] for i in range(1, 5)]
    rels += [[f"H1.{i}", f"H1.{i + 1}", "flow", objects[i - 1]] for i in range(1, 5)]
    rels += [["L1", f"H{i}", "steering", "Verksamhetsplan"] for i in range(1, 6)]
    rels += [["S1", f"H{i}", "support", ""] for i in (1, 3)]
    return write_register(folder, procs, rels)


def bundled() -> list[Path]:
    return sorted(EXAMPLES.glob("*.procm"))


@pytest.mark.parametrize("path", bundled(), ids=lambda p: p.stem)
def test_bundled_example_export_reads_right(path: Path) -> None:
    data = export_bpmn(native.load(path))
    assert di_problems(data) == []


@pytest.mark.parametrize("make", [forty_on_a_level, long_swedish], ids=["forty", "swedish"])
def test_register_laid_out_by_import_reads_right(make: object, tmp_path: Path) -> None:
    folder = make(tmp_path / "register")  # type: ignore[operator]
    arch = import_register(folder).arch
    data = export_bpmn(arch)
    assert di_problems(data) == []
    assert len(planes(data)) >= 2


@pytest.mark.parametrize("folder", sorted(p for p in EXAMPLES.iterdir() if p.is_dir()))
def test_bundled_register_laid_out_by_import_reads_right(folder: Path) -> None:
    assert di_problems(export_bpmn(import_register(folder).arch)) == []


def test_the_checker_finds_what_reads_wrong() -> None:
    shapes = {
        "a": Bounds(0, 0, 100, 50),
        "b": Bounds(300, 0, 100, 50),
        "c": Bounds(150, 0, 100, 50),
    }
    through = Edge("r", "a", "b", ((100, 25), (300, 25)), named=True)
    assert problems(shapes, [through]) == [
        "line r runs through c",
        "line r is named but has no label",
    ]
    around = Edge("r", "a", "b", ((100, 25), (120, 25), (120, 80), (280, 80), (280, 25), (300, 25)))
    assert problems(shapes, [around]) == []
    shapes["d"] = Bounds(90, 40, 40, 30)
    label = Bounds(130, 70, 40, 12)
    lines = [Edge("r", "a", "b", around.points, True, label), Edge("s", "a", "b", (), True, label)]
    found = problems(shapes, lines)
    assert "shapes a and d overlap" in found and "labels of r and s overlap" in found
    assert "line r runs through d" in found
    assert problems(
        {"a": shapes["a"]}, [Edge("r", "a", "b", (), True, Bounds(50, 20, 10, 10))]
    ) == ["label of r covers a"]


SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "bpmn-samples").glob("*.bpmn"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_bpmn_imported_without_diagram_data_is_laid_out_to_read_right(
    sample: Path, tmp_path: Path
) -> None:
    from lxml import etree

    from procmodeler.io.bpmn import import_bpmn
    from procmodeler.io.bpmn.names import BPMNDI

    root = etree.parse(str(sample)).getroot()
    for diagram in root.findall(f"{{{BPMNDI}}}BPMNDiagram"):
        root.remove(diagram)
    bare = tmp_path / "bare.bpmn"
    bare.write_bytes(etree.tostring(root))
    arch, _ = import_bpmn(str(bare))
    assert arch.shapes and di_problems(export_bpmn(arch)) == []


def wide_landscape(folder: Path) -> Path:
    """Twelve core processes (two rows), management and support processes that steer
    and support many of them, and flows that jump back."""
    procs = [[f"M{i}", f"Management {i}", "management", ""] for i in range(1, 5)]
    procs += [[f"C{i}", f"Core process number {i}", "core", ""] for i in range(1, 13)]
    procs += [[f"S{i}", f"Support {i}", "support", ""] for i in range(1, 8)]
    rels = [[f"C{i}", f"C{i + 1}", "flow", f"Handover {i}"] for i in range(1, 12)]
    rels += [["C9", "C3", "flow", "Rework"], ["C12", "C1", "flow", "Next order"]]
    rels += [[f"M{m}", f"C{c}", "steering", ""] for m in range(1, 5) for c in range(m, 13, 4)]
    rels += [[f"S{s}", f"C{c}", "support", ""] for s in range(1, 8) for c in range(s, 13, 5)]
    rels += [["M1", "M2", "flow", "Plan"], ["S1", "S2", "flow", "Staff"]]
    return write_register(folder, procs, rels)


def test_a_wide_landscape_laid_out_by_import_reads_right(tmp_path: Path) -> None:
    arch = import_register(wide_landscape(tmp_path / "register")).arch
    assert di_problems(export_bpmn(arch)) == []
