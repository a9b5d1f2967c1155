"""BPMN export: schema-valid, deterministic, and the mapping of docs/bpmn-mapping.md
(landscape frame in one pool, collapsed ad-hoc sub-processes with their own planes,
resources and resource roles, categories, extension data only in extensionElements,
the user's geometry)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from lxml import etree

from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.io.bpmn import export_bpmn
from procmodeler.io.bpmn.names import BPMN, BPMNDI, DC, DI, PM
from procmodeler.model import Architecture, Bounds
from tests.bpmn.bpmn_models import deep_architecture, generated_architecture, sample_architecture

XSD = (
    Path(__file__).resolve().parents[2]
    / "procmodeler"
    / "resources"
    / "schemas"
    / "bpmn"
    / "BPMN20.xsd"
)
NS = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "pm": PM}


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def assert_schema_valid(data: bytes) -> None:
    doc = etree.fromstring(data).getroottree()
    if not schema().validate(doc):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in list(schema().error_log)[:10])
        pytest.fail(f"not valid against the OMG BPMN 2.0 schemas:\n{errors}")


def tree(arch: Architecture) -> etree._Element:
    return etree.fromstring(export_bpmn(arch))


MODELS = {
    "sample": sample_architecture,
    "deep20": lambda: deep_architecture(20),
    "empty": Architecture,
    "generated": lambda: generated_architecture(400),
}


@pytest.mark.parametrize("name", list(MODELS))
def test_export_is_valid_against_the_omg_schemas(name: str) -> None:
    assert_schema_valid(export_bpmn(MODELS[name]()))


@pytest.mark.parametrize("name", list(MODELS))
def test_export_is_deterministic(name: str) -> None:
    first = export_bpmn(MODELS[name]())
    second = export_bpmn(MODELS[name]())
    assert first == second
    assert first.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<bpmn:definitions")


def test_export_of_a_copy_is_byte_identical() -> None:
    arch = sample_architecture()
    assert export_bpmn(arch) == export_bpmn(arch.copy())


def test_ids_are_unique_and_every_reference_resolves() -> None:
    root = tree(sample_architecture())
    ids = [e.get("id") for e in root.iter() if e.get("id") and not e.tag.startswith(f"{{{PM}}}")]
    assert len(ids) == len(set(ids))
    known = set(ids)
    refs = [e.text for e in root.iter(f"{{{BPMN}}}incoming", f"{{{BPMN}}}outgoing")]
    refs += [e.text for e in root.iter(f"{{{BPMN}}}resourceRef", f"{{{BPMN}}}categoryValueRef")]
    refs += [
        e.get(a)
        for e in root.iter()
        for a in ("sourceRef", "targetRef", "bpmnElement", "processRef")
        if e.get(a)
    ]
    assert refs and set(refs) <= known


def test_generated_ids_never_clash_with_model_ids() -> None:
    ed = Editor()
    ops.create_process(ed, "A", pid="pm_landscape")
    ops.create_process(ed, "B", pid="pm_start")
    ops.create_process(ed, "C", pid="pm_landscape_di")
    data = export_bpmn(ed.arch)
    assert_schema_valid(data)
    root = etree.fromstring(data)
    ids = [e.get("id") for e in root.iter() if e.get("id") and not e.tag.startswith(f"{{{PM}}}")]
    assert len(ids) == len(set(ids))
    assert root.find(".//bpmn:task[@id='pm_landscape']", NS) is not None


def test_landscape_is_one_pool_with_a_frame_holding_the_top_level_processes() -> None:
    arch = sample_architecture()
    root = tree(arch)
    [collab] = root.findall("bpmn:collaboration", NS)
    [participant] = collab.findall("bpmn:participant", NS)
    assert participant.get("name") == "Acme AB"
    [process] = root.findall("bpmn:process", NS)
    assert process.get("id") == participant.get("processRef")
    assert len(process.findall("bpmn:startEvent", NS)) == 1
    assert len(process.findall("bpmn:endEvent", NS)) == 1
    [frame] = process.findall("bpmn:adHocSubProcess", NS)
    assert frame.find("bpmn:extensionElements/pm:landscape", NS) is not None
    children = [e.get("id") for e in frame if e.get("id") in arch.processes]
    assert children == arch.top_level()


def test_processes_with_children_are_collapsed_subprocesses_with_their_own_plane() -> None:
    arch = sample_architecture()
    root = tree(arch)
    planes = {p.get("bpmnElement"): p for p in root.iter(f"{{{BPMNDI}}}BPMNPlane")}
    for pid in arch.walk():
        [el] = root.xpath("//*[@id=$id]", id=pid)
        has_children = bool(arch.children(pid))
        assert etree.QName(el).localname == ("adHocSubProcess" if has_children else "task")
        shape = root.find(f".//bpmndi:BPMNShape[@bpmnElement='{pid}']", NS)
        if arch.shapes.get(arch.processes[pid].parent, {}).get(pid) is not None:
            assert shape is not None
        if has_children:
            assert shape.get("isExpanded") == "false"
            assert pid in planes
            drawn = {s.get("bpmnElement") for s in planes[pid]}
            assert set(arch.children(pid)) <= drawn
        else:
            assert pid not in planes


def test_the_users_geometry_is_written_exactly() -> None:
    arch = sample_architecture()
    root = tree(arch)
    for level, shapes in arch.shapes.items():
        for pid, box in shapes.items():
            bounds = root.find(f".//bpmndi:BPMNShape[@bpmnElement='{pid}']/dc:Bounds", NS)
            got = tuple(float(bounds.get(k)) for k in ("x", "y", "width", "height"))
            assert got == (box.x, box.y, box.w, box.h), (level, pid)
    edge = root.find(".//bpmndi:BPMNEdge[@bpmnElement='r_steer']", NS)
    points = [(float(w.get("x")), float(w.get("y"))) for w in edge.findall("di:waypoint", NS)]
    assert points == [(310.0, 110.0), (120.0, 180.0)]


def test_unplaced_processes_are_drawn_but_marked() -> None:
    root = tree(sample_architecture())
    hr = root.find(".//bpmn:task[@id='s_hr']", NS)
    assert hr.find("bpmn:extensionElements/pm:process", NS).get("placed") == "false"
    assert root.find(".//bpmndi:BPMNShape[@bpmnElement='s_hr']", NS) is not None


def test_relations_map_to_sequence_flows_associations_and_extension() -> None:
    root = tree(sample_architecture())
    flow = root.find(".//bpmn:sequenceFlow[@id='r_pick']", NS)
    assert (flow.get("sourceRef"), flow.get("targetRef"), flow.get("name")) == (
        "d_pick",
        "d_pack",
        "Items",
    )
    rel = flow.find("bpmn:extensionElements/pm:relation", NS)
    assert rel.attrib["kind"] == "flow" and rel.attrib["object"] == "Items"
    steer = root.find(".//bpmn:association[@id='r_steer']", NS)
    assert (steer.get("sourceRef"), steer.get("targetRef")) == ("m_steer", "c_sell")
    assert steer.get("associationDirection") == "One"
    assert steer.find("bpmn:extensionElements/pm:relation", NS).get("kind") == "steering"
    # Sell hands on to two processes: a parallel gateway splits explicitly
    sell = root.find(".//bpmn:task[@id='c_sell']", NS)
    [out] = [e.text for e in sell.findall("bpmn:outgoing", NS)]
    split = root.find(f".//bpmn:sequenceFlow[@id='{out}']", NS)
    gateway = root.find(f".//bpmn:parallelGateway[@id='{split.get('targetRef')}']", NS)
    targets = {
        root.find(f".//bpmn:sequenceFlow[@id='{o.text}']", NS).get("targetRef")
        for o in gateway.findall("bpmn:outgoing", NS)
    }
    assert targets == {"c_deliver", "c_plan"}
    # two flows Deliver -> Invoice become one sequence flow carrying both relations
    both = root.find(".//bpmn:sequenceFlow[@id='r_delivered']", NS)
    assert [r.get("id") for r in both.iterfind("bpmn:extensionElements/pm:relation", NS)] == [
        "r_delivered",
        "r_note",
    ]
    assert root.find(".//bpmn:sequenceFlow[@id='r_note']", NS) is None
    # a relation across levels is kept in the extension only
    cross = root.find("bpmn:collaboration/bpmn:extensionElements/pm:relation[@id='r_cross']", NS)
    assert (cross.get("source"), cross.get("target")) == ("d_scan", "c_invoice")


def test_people_units_and_responsibility_use_bpmn_resources_and_roles() -> None:
    root = tree(sample_architecture())
    resources = {r.get("id"): r.get("name") for r in root.findall("bpmn:resource", NS)}
    assert resources["u_sales"] == "Sales & Marketing" and resources["p_eva"] == "Eva Ström"
    sell = root.find(".//bpmn:task[@id='c_sell']", NS)
    owner = sell.find("bpmn:potentialOwner", NS)
    assert owner.get("name") == "Process owner"
    assert owner.findtext("bpmn:resourceRef", namespaces=NS) == "p_eva"
    assert sell.find("bpmn:humanPerformer/bpmn:resourceRef", NS).text == "p_olle"
    performers = {
        p.findtext("bpmn:resourceRef", namespaces=NS): p for p in sell.findall("bpmn:performer", NS)
    }
    assert set(performers) == {"u_sales", "u_ops"}
    assert performers["u_sales"].get("name") == "Responsible, Accountable"
    assert performers["u_sales"].find("bpmn:extensionElements/pm:raci", NS).get("letters") == "RA"


def test_kind_purpose_objects_and_kpis() -> None:
    root = tree(sample_architecture())
    values = {v.get("id"): v.get("value") for v in root.iter(f"{{{BPMN}}}categoryValue")}
    sell = root.find(".//bpmn:task[@id='c_sell']", NS)
    assert values[sell.findtext("bpmn:categoryValueRef", namespaces=NS)] == "Core process"
    assert sell.findtext("bpmn:documentation", namespaces=NS).startswith("Turn interest")
    io = sell.find("bpmn:ioSpecification", NS)
    assert [d.get("name") for d in io.findall("bpmn:dataInput", NS)] == ["Lead"]
    assert [d.get("name") for d in io.findall("bpmn:dataOutput", NS)] == ["Order", "Forecast"]
    data = sell.find("bpmn:extensionElements/pm:process", NS)
    assert (data.get("customer"), data.get("need"), data.get("result")) == (
        "Retail customer",
        "Wants a bike",
        "Signed order",
    )
    kpi = data.find("pm:kpi[@id='k_sell_lt']", NS)
    assert (kpi.get("kind"), kpi.get("target"), kpi.get("actual")) == ("lead_time", "3", "4.5")


def test_extension_data_only_inside_extension_elements() -> None:
    root = tree(sample_architecture())
    for el in root.iter(f"{{{PM}}}*"):
        top = el
        while top.getparent() is not None and top.getparent().tag.startswith(f"{{{PM}}}"):
            top = top.getparent()
        assert top.getparent().tag == f"{{{BPMN}}}extensionElements"
    for el in root.iter():
        assert not any(k.startswith(f"{{{PM}}}") for k in el.attrib)


def test_swedish_model_gets_swedish_generated_labels() -> None:
    root = tree(deep_architecture(2))
    assert root.find(".//bpmn:startEvent", NS).get("name") == "Kundens behov"
    assert root.find(".//bpmn:endEvent", NS).get("name") == "Tillfredsställt behov"


def test_every_flow_node_is_named_and_wired_both_ways() -> None:
    root = tree(sample_architecture())
    flows = {f.get("id"): f for f in root.iter(f"{{{BPMN}}}sequenceFlow")}
    for flow_id, flow in flows.items():
        src = root.find(f".//*[@id='{flow.get('sourceRef')}']")
        tgt = root.find(f".//*[@id='{flow.get('targetRef')}']")
        assert flow_id in [e.text for e in src.findall("bpmn:outgoing", NS)]
        assert flow_id in [e.text for e in tgt.findall("bpmn:incoming", NS)]
    for tag in ("task", "startEvent", "endEvent"):
        for el in root.iter(f"{{{BPMN}}}{tag}"):
            assert el.get("name")


def test_hierarchy_20_levels_deep_exports_with_a_plane_per_level() -> None:
    arch = deep_architecture(20)
    data = export_bpmn(arch)
    assert_schema_valid(data)
    root = etree.fromstring(data)
    assert len(root.findall("bpmndi:BPMNDiagram", NS)) == 1 + 19
    deepest = root.find(".//bpmn:task[@id='L19_a']", NS)
    depth = sum(1 for _ in deepest.iterancestors(f"{{{BPMN}}}adHocSubProcess"))
    assert depth == 20  # nineteen ancestors plus the landscape frame


def test_text_with_markup_and_line_breaks_is_escaped() -> None:
    ed = Editor()
    pid = ops.create_process(ed, 'R&D <Core> "x"', bounds=Bounds(0, 0, 100, 50))
    ops.set_process_fields(ed, pid, purpose="line 1\nline 2 & <b>", customer="a\tb")
    data = export_bpmn(ed.arch)
    assert_schema_valid(data)
    root = etree.fromstring(data)
    el = root.find(f".//bpmn:task[@id='{pid}']", NS)
    assert el.get("name") == 'R&D <Core> "x"'
    assert el.findtext("bpmn:documentation", namespaces=NS) == "line 1\nline 2 & <b>"
