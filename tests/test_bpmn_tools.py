"""The test-side BPMN tools (tests/bpmn_tools.py over tests/node) tell the truth about
known files: the MIWG samples whose bpmn-moddle / bpmnlint / bpmn-js results are recorded
in tests/data/bpmn-samples/README.md, and small files made here to break them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.bpmn_tools import SAMPLES_DIR, ToolError, moddle_check, parse_time, render_ids

A_1_0 = SAMPLES_DIR / "reference__A.1.0.bpmn"
BIZAGI = SAMPLES_DIR / "bizagi-2.8.0.8__A.4.0-roundtrip.bpmn"
YAOQIANG = SAMPLES_DIR / "yaoqiang-4.0__B.1.0-export.bpmn"

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"

MINIMAL = """<?xml version="1.0" encoding="{encoding}"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    id="Definitions_1" targetNamespace="http://example.com/procmodeler-test">
  <process id="Process_1" isExecutable="false">
    <task id="Task_1" name="{name}"/>
  </process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1">
        <dc:Bounds x="100" y="100" width="100" height="80"/>
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</definitions>
"""


def diagram_elements(path: Path) -> set[str]:
    """The bpmnElement of every BPMNShape and BPMNEdge in the file."""
    root = ET.parse(path).getroot()
    return {
        shape.attrib["bpmnElement"]
        for tag in ("BPMNShape", "BPMNEdge")
        for shape in root.iter(f"{{{BPMNDI}}}{tag}")
    }


def test_check_reads_a_clean_latin1_reference_model_without_warnings(node_tools: Path) -> None:
    [result] = moddle_check([A_1_0])
    assert result["error"] is None
    assert result["encoding"] == "iso-8859-1"
    assert result["importWarnings"] == []
    assert result["lint"] == {"errors": [], "warnings": []}
    tasks = ET.parse(A_1_0).getroot().findall(f".//{{{BPMN}}}task")
    assert result["types"]["bpmn:Task"] == len(tasks) == 3
    assert result["types"]["bpmndi:BPMNShape"] == 5


def test_check_reports_the_dangling_references_of_the_bizagi_roundtrip(node_tools: Path) -> None:
    [clean, bizagi] = moddle_check([A_1_0, BIZAGI])
    assert clean["importWarnings"] == []
    assert len(bizagi["importWarnings"]) == 2
    assert all("unresolved reference" in w for w in bizagi["importWarnings"])
    assert any("Message_1373649949207" in w for w in bizagi["importWarnings"])
    # recorded in tests/data/bpmn-samples/README.md: 5 lint errors, 3 warnings
    assert (len(bizagi["lint"]["errors"]), len(bizagi["lint"]["warnings"])) == (5, 3)


def test_check_without_lint(node_tools: Path) -> None:
    [result] = moddle_check([A_1_0], lint=False)
    assert result["lint"] is None and result["importWarnings"] == []


@pytest.mark.parametrize(
    ("encoding", "codec", "bom"),
    [("UTF-8", "utf-8", b""), ("ISO-8859-1", "latin-1", b""), ("UTF-16", "utf-16-le", b"\xff\xfe")],
)
def test_check_decodes_by_declaration_and_byte_order_mark(
    node_tools: Path, tmp_path: Path, encoding: str, codec: str, bom: bytes
) -> None:
    path = tmp_path / "task.bpmn"
    path.write_bytes(bom + MINIMAL.format(encoding=encoding, name="Åtgärd ö").encode(codec))
    [result] = moddle_check([path])
    assert result["error"] is None
    assert result["importWarnings"] == []
    assert result["types"]["bpmn:Task"] == 1


def test_check_reports_bytes_invalid_in_the_declared_encoding(
    node_tools: Path, tmp_path: Path
) -> None:
    path = tmp_path / "mislabelled.bpmn"
    path.write_bytes(MINIMAL.format(encoding="UTF-8", name="Åtgärd").encode("latin-1"))
    [result] = moddle_check([path])
    assert any("not valid utf-8" in w for w in result["importWarnings"])


def test_check_reports_a_file_that_is_not_bpmn(node_tools: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.bpmn"
    broken.write_text("<definitions><process id='P'></definitions>", encoding="utf-8")
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?><html/>", encoding="utf-8")
    results = moddle_check([broken, other, tmp_path / "missing.bpmn"])
    assert [r["error"] is not None for r in results] == [True, True, True]
    assert "cannot read" in results[2]["error"]


def test_render_draws_every_element_that_has_a_shape_or_edge(chromium: str) -> None:
    drawn = render_ids(A_1_0)
    expected = diagram_elements(A_1_0)
    assert len(expected) == 9  # 5 shapes, 4 edges
    assert drawn == expected


def test_render_covers_every_diagram_of_a_file(chromium: str) -> None:
    drawn = render_ids(YAOQIANG)
    # The second and third of its three diagrams show the called processes' contents.
    assert diagram_elements(YAOQIANG) <= drawn


def test_render_leaves_out_an_element_without_a_shape(chromium: str, tmp_path: Path) -> None:
    text = MINIMAL.format(encoding="UTF-8", name="Shown").replace(
        '<task id="Task_1" name="Shown"/>',
        '<task id="Task_1" name="Shown"/><task id="Task_2" name="No shape"/>',
    )
    path = tmp_path / "partial.bpmn"
    path.write_text(text, encoding="utf-8")
    assert render_ids(path) == {"Task_1"}


def test_render_raises_when_bpmn_js_cannot_import(chromium: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.bpmn"
    path.write_text("<definitions><process></definitions>", encoding="utf-8")
    with pytest.raises(ToolError, match="could not render"):
        render_ids(path)


def test_parse_time_reports_runs_and_a_median(node_tools: Path) -> None:
    result = parse_time(A_1_0, runs=3)
    assert result["runs"] == 3
    assert result["bytes"] == A_1_0.stat().st_size
    assert result["warnings"] == 0
    assert 0 < result["min_ms"] <= result["median_ms"] <= result["max_ms"]
