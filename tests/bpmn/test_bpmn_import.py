"""BPMN import of other tools' files: the MIWG reference models and tool exports in
tests/data/bpmn-samples import with their structure, responsibility and geometry, what
is not mapped is listed as warnings, every declared encoding is honoured, and the
re-export of each is schema-valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.io.bpmn import export_bpmn, import_bpmn
from tests.bpmn.test_bpmn_export import assert_schema_valid

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "bpmn-samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.bpmn"))


def by_name(arch, name):  # type: ignore[no-untyped-def]
    [pid] = [p for p, proc in arch.processes.items() if proc.name == name]
    return pid


def test_there_are_samples() -> None:
    assert len(SAMPLE_FILES) == 12


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_sample_imports_and_reexports_schema_valid(path: Path) -> None:
    arch, warnings = import_bpmn(path)
    assert arch.top_level()
    assert all(w.text() for w in warnings)
    # every process is drawn on its level, every level with children has shapes
    for pid, proc in arch.processes.items():
        assert pid in arch.shapes.get(proc.parent, {}), pid
    assert_schema_valid(export_bpmn(arch))


def test_single_process_with_its_own_plane_keeps_exact_geometry() -> None:
    arch, warnings = import_bpmn(SAMPLES / "reference__A.1.0.bpmn")
    [top] = arch.top_level()
    assert arch.processes[top].name == "A.1.0"  # the process has no name: the file's
    assert [arch.processes[p].name for p in arch.children(top)] == ["Task 1", "Task 2", "Task 3"]
    t1, t2, t3 = arch.children(top)
    assert {(r.source, r.target, r.kind) for r in arch.relations.values()} == {
        (t1, t2, "flow"),
        (t2, t3, "flow"),
    }
    box = arch.shapes[top][t1]
    assert (box.x, box.y, box.w, box.h) == (258.0, 317.0, 83.0, 68.0)  # as in the file's DI
    [(rid, points)] = [
        (r, p) for r, p in arch.waypoints[top].items() if arch.relations[r].source == t1
    ]
    assert points == ((342.0, 351.0), (390.0, 351.0))
    assert any("events and gateways" in w.text() for w in warnings)


def test_pools_lanes_and_subprocesses() -> None:
    arch, _ = import_bpmn(SAMPLES / "reference__A.4.0.bpmn")
    pool = by_name(arch, "Pool")
    assert arch.top_level() == [pool, "WFP-6-2"]  # the second process has no pool
    assert [arch.processes[c].name for c in arch.children(pool)] == ["Task 1", "Task 2"]
    laned = "WFP-6-2"
    subs = [arch.processes[p].name for p in arch.children(laned) if arch.children(p)]
    assert subs == ["Expanded Sub-Process 1", "Expanded Sub-Process 2"]
    assert sorted(u.name for u in arch.units.values()) == ["Lane 1", "Lane 2"]
    # the process has each lane's unit; every activity in a lane takes part with R
    for uid in arch.units:
        assert arch.participation[(laned, uid)] == "R"
    lane1 = next(u for u, unit in arch.units.items() if unit.name == "Lane 1")
    assert arch.participation[(by_name(arch, "Task 3"), lane1)] == "R"
    # children drawn inside the shared plane are moved to the top left of their diagram
    boxes = arch.shapes[laned].values()
    assert min(b.x for b in boxes) == 40.0 and min(b.y for b in boxes) == 40.0


def test_resource_roles_become_owners_and_message_flows_relations() -> None:
    arch, _ = import_bpmn(SAMPLES / "reference__C.1.0.bpmn")
    approve = by_name(arch, "Approve Invoice")
    owner = arch.processes[approve].owner
    assert owner is not None and arch.people[owner].name == "Approver"
    team = by_name(arch, "Team-Assistant")
    engine = by_name(arch, "Process Engine - Invoice Receipt")
    assert arch.top_level() == [team, engine]
    # message flows between the pools' tasks become flow relations across the pools
    across = [
        r
        for r in arch.relations.values()
        if arch.processes[r.source].parent != arch.processes[r.target].parent
    ]
    assert across
    assert all(r.kind == "flow" for r in arch.relations.values())


def test_call_activity_brings_the_process_it_calls() -> None:
    arch, warnings = import_bpmn(SAMPLES / "reference__B.1.0.bpmn")
    collapsed = by_name(arch, "Call Activity Collapsed")
    assert [arch.processes[c].name for c in arch.children(collapsed)] == ["Abstract Task 8"]
    texts = [w.text() for w in warnings]
    for kind in ("dataObject", "textAnnotation", "group", "dataStore"):
        assert any(f"<{kind}>" in t for t in texts), kind


def test_flows_are_bridged_through_gateways() -> None:
    arch, _ = import_bpmn(SAMPLES / "bpmn-io-18.6.1__A.2.0-export.bpmn")
    pairs = {
        (arch.processes[r.source].name, arch.processes[r.target].name)
        for r in arch.relations.values()
    }
    assert len(pairs) == len(arch.relations) >= 3
    [top] = arch.top_level()
    names = {arch.processes[c].name for c in arch.children(top)}
    assert all(a in names and b in names for a, b in pairs)


def test_vendor_extensions_are_reported() -> None:
    _, warnings = import_bpmn(SAMPLES / "signavio-19.9.0__A.4.1-export.bpmn")
    assert any("http://www.signavio.com" in w.text() for w in warnings)


# ---------------------------------------------------------------------- encodings
DOC = (
    '<?xml version="1.0" encoding="{enc}"?>\n'
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'targetNamespace="urn:x"><process id="P" name="{name}"><task id="T" name="Två"/>'
    "</process></definitions>"
)


@pytest.mark.parametrize(
    ("declared", "codec", "bom", "name"),
    [
        ("ISO-8859-1", "latin-1", b"", "Åsa Öberg"),
        ("windows-1252", "cp1252", b"", "Räkna € – ”citat”"),
        ("UTF-16", "utf-16-le", b"\xff\xfe", "Ström € 😀"),
        ("UTF-16", "utf-16-be", b"\xfe\xff", "Ström € 😀"),
        ("UTF-8", "utf-8", b"\xef\xbb\xbf", "Ström € 😀"),
    ],
)
def test_declared_encoding_and_bom_are_honoured(
    declared: str, codec: str, bom: bytes, name: str
) -> None:
    data = bom + DOC.format(enc=declared, name=name).encode(codec)
    arch, _ = import_bpmn(data)
    assert arch.processes["P"].name == name
    assert arch.processes["T"].name == "Två"


def test_iso_8859_1_reference_file() -> None:
    raw = (SAMPLES / "reference__A.4.0.bpmn").read_bytes()
    assert b'encoding="ISO-8859-1"' in raw[:100]
    arch, _ = import_bpmn(raw)
    assert arch.processes


def test_file_without_diagram_is_laid_out() -> None:
    data = (
        b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">'
        b'<process id="P"><startEvent id="s"/><task id="A" name="A"/><task id="B" name="B"/>'
        b'<sequenceFlow id="f0" sourceRef="s" targetRef="A"/>'
        b'<sequenceFlow id="f1" sourceRef="A" targetRef="B"/></process></definitions>'
    )
    arch, _ = import_bpmn(data)
    a, b = arch.shapes["P"]["A"], arch.shapes["P"]["B"]
    assert a.x < b.x and a.y == b.y  # flow order, left to right
    assert list(arch.relations) == ["f1"]
    assert arch.waypoints == {}


def test_extension_data_of_our_own_files_wins_over_lanes_default() -> None:
    data = (
        b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        b'xmlns:pm="urn:procmodeler:bpmn:1" targetNamespace="x">'
        b'<resource id="U" name="Unit"><extensionElements><pm:unit/></extensionElements>'
        b'</resource><process id="P" name="P"><task id="A" name="A">'
        b'<performer><extensionElements><pm:raci letters="CI"/></extensionElements>'
        b"<resourceRef>U</resourceRef></performer></task>"
        b'<task id="B" name="B"><performer><resourceRef>U</resourceRef></performer></task>'
        b"</process></definitions>"
    )
    arch, warnings = import_bpmn(data)
    assert arch.participation[("A", "U")] == "CI"
    assert arch.participation[("B", "U")] == "R"
    assert "U" in arch.units and not arch.people


def test_our_export_without_its_extension_data_still_reads_as_a_map() -> None:
    """A tool that drops foreign extension data keeps the standard BPMN: the landscape,
    hierarchy, kinds, owners, participating units, flows and geometry still come back."""
    from lxml import etree

    from procmodeler.io.bpmn.names import BPMN, PM
    from tests.bpmn.bpmn_models import sample_architecture

    arch = sample_architecture()
    root = etree.fromstring(export_bpmn(arch))
    for el in list(root.iter(f"{{{PM}}}*")):
        parent = el.getparent()
        if parent is not None and parent.tag == f"{{{BPMN}}}extensionElements":
            parent.remove(el)
    back, warnings = import_bpmn(etree.tostring(root))
    assert back.top_level() == arch.top_level()
    assert {p: (q.parent, q.kind, q.owner, q.leader) for p, q in back.processes.items()} == {
        p: (q.parent, q.kind, q.owner, q.leader) for p, q in arch.processes.items()
    }
    assert set(back.participation) == set(arch.participation)
    flows = {
        (r.source, r.target)
        for r in arch.relations.values()
        if r.kind == "flow" and arch.processes[r.source].parent == arch.processes[r.target].parent
    }
    assert {(r.source, r.target) for r in back.relations.values()} == flows
    for pid, box in arch.shapes[None].items():
        assert back.shapes[None][pid] == box
    assert any("<association>" in w.text() for w in warnings)
