"""Names shared by the BPMN export and import: XML namespaces, our extension's element
names and small number/point helpers, so that both sides read and write the same
vocabulary (see docs/bpmn-mapping.md)."""

from __future__ import annotations

import math
import re

from procmodeler.model.elements import sane_coordinate

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
COLOR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: Our extension namespace; its elements appear only inside ``extensionElements``.
PM = "urn:procmodeler:bpmn:1"

NSMAP = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "color": COLOR, "pm": PM}

#: Version of our extension data; an import refuses nothing but warns about newer ones.
EXTENSION_VERSION = 1


def b(local: str) -> str:
    """Clark name of a BPMN model element."""
    return f"{{{BPMN}}}{local}"


def pm(local: str) -> str:
    """Clark name of one of our extension elements."""
    return f"{{{PM}}}{local}"


def fmt(value: float) -> str:
    """A number as the shortest text that reads back as the same float."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def fmt_points(points: tuple[tuple[float, float], ...] | list[tuple[float, float]]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


def parse_points(text: str) -> tuple[tuple[float, float], ...]:
    """Read ``"x,y x,y"``; raises ValueError on anything else."""
    points = []
    for token in text.split():
        x, y = token.split(",")
        point = (float(x), float(y))
        if not (sane_coordinate(point[0]) and sane_coordinate(point[1])):
            raise ValueError(token)
        points.append(point)
    return tuple(points)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold removed."""
    return _XML_INVALID.sub("", text)
