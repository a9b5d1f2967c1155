"""Reads the diagram interchange of a BPMN file into the shapes and edges that
procmodeler.notation.diagramcheck checks, one entry per BPMNPlane."""

from __future__ import annotations

from lxml import etree

from procmodeler.io.bpmn.names import BPMN, BPMNDI, DC, DI
from procmodeler.model import Bounds
from procmodeler.notation.diagramcheck import Edge, problems

NS = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI}
#: Elements drawn as containers around others: lines may cross them.
CONTAINERS = {"participant", "laneSet", "lane"}


def _bounds(el: etree._Element) -> Bounds:
    return Bounds(*(float(el.get(k, "0")) for k in ("x", "y", "width", "height")))


def planes(data: bytes) -> dict[str, tuple[dict[str, Bounds], list[Edge]]]:
    """Plane id -> (leaf shapes by element id, edges)."""
    root = etree.fromstring(data)
    elements = {el.get("id"): el for el in root.iter(f"{{{BPMN}}}*") if el.get("id")}
    result: dict[str, tuple[dict[str, Bounds], list[Edge]]] = {}
    for plane in root.iter(f"{{{BPMNDI}}}BPMNPlane"):
        shapes: dict[str, Bounds] = {}
        edges: list[Edge] = []
        for shape in plane.findall("bpmndi:BPMNShape", NS):
            ref = shape.get("bpmnElement", "")
            el = elements.get(ref)
            local = etree.QName(el).localname if el is not None else ""
            if local in CONTAINERS or shape.get("isExpanded") == "true":
                continue
            shapes[ref] = _bounds(shape.find("dc:Bounds", NS))
        for edge in plane.findall("bpmndi:BPMNEdge", NS):
            ref = edge.get("bpmnElement", "")
            el = elements[ref]
            points = tuple(
                (float(w.get("x", "0")), float(w.get("y", "0")))
                for w in edge.findall("di:waypoint", NS)
            )
            label = edge.find("bpmndi:BPMNLabel/dc:Bounds", NS)
            edges.append(
                Edge(
                    ref,
                    el.get("sourceRef", ""),
                    el.get("targetRef", ""),
                    points,
                    named=bool((el.get("name") or "").strip()),
                    label=_bounds(label) if label is not None else None,
                )
            )
        result[plane.get("id", "")] = (shapes, edges)
    return result


def di_problems(data: bytes) -> list[str]:
    """Every problem of every plane, prefixed with the plane's id."""
    found: list[str] = []
    for plane, (shapes, edges) in planes(data).items():
        found.extend(f"{plane}: {p}" for p in problems(shapes, edges))
    return found
