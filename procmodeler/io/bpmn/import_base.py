"""The state of one BPMN import (element tables, warnings, id allocation) and the
helpers its passes share."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from procmodeler.common.i18n import Message
from procmodeler.io.bpmn.names import (
    BPMNDI,
    DC,
    DI,
    PM,
    b,
    pm,
)
from procmodeler.model.elements import (
    Bounds,
    Point,
    is_ncname,
    nfc,
    sane_coordinate,
)
from procmodeler.model.ids import IdAllocator, ncname_from
from procmodeler.model.records import record_maker

_TASKS = {
    b(t)
    for t in (
        "task",
        "userTask",
        "serviceTask",
        "sendTask",
        "receiveTask",
        "manualTask",
        "businessRuleTask",
        "scriptTask",
        "callActivity",
    )
}
_CONTAINERS = {b("subProcess"), b("adHocSubProcess"), b("transaction")}
_ACTIVITIES = _TASKS | _CONTAINERS
_EVENTS = {
    b(t)
    for t in (
        "startEvent",
        "endEvent",
        "intermediateCatchEvent",
        "intermediateThrowEvent",
        "boundaryEvent",
        "implicitThrowEvent",
    )
}
_GATEWAYS = {
    b(t)
    for t in (
        "exclusiveGateway",
        "parallelGateway",
        "inclusiveGateway",
        "eventBasedGateway",
        "complexGateway",
    )
}
#: Children of an activity or process that describe it rather than being flow elements.
_OWN_PARTS = {
    b(t)
    for t in (
        "documentation",
        "extensionElements",
        "auditing",
        "monitoring",
        "categoryValueRef",
        "incoming",
        "outgoing",
        "ioSpecification",
        "property",
        "dataInputAssociation",
        "dataOutputAssociation",
        "performer",
        "humanPerformer",
        "potentialOwner",
        "resourceRole",
        "standardLoopCharacteristics",
        "multiInstanceLoopCharacteristics",
        "completionCondition",
        "supportedInterfaceRef",
        "ioBinding",
        "correlationSubscription",
        "supports",
        "calledElement",
    )
}
_IO = b("ioSpecification")
_ROLE_NAMES = {b(t): t for t in ("performer", "humanPerformer", "potentialOwner", "resourceRole")}
_ROLES = {b("performer"), b("humanPerformer"), b("potentialOwner"), b("resourceRole")}
_SHAPE = f"{{{BPMNDI}}}BPMNShape"
_EDGE = f"{{{BPMNDI}}}BPMNEdge"
_PLANE = f"{{{BPMNDI}}}BPMNPlane"
_DIAGRAM = f"{{{BPMNDI}}}BPMNDiagram"
_BOUNDS = f"{{{DC}}}Bounds"
_WAYPOINT = f"{{{DI}}}waypoint"

MAX_IDS_IN_WARNING = 5


# ---------------------------------------------------------------------- helpers
def _clean(text: str | None) -> str:
    return nfc(" ".join((text or "").split()))


_EXTENSION = b("extensionElements")
_DOCUMENTATION = b("documentation")
# the Clark names the passes compare tags with, made once (a large file compares
# hundreds of thousands of tags)
_PROCESS = b("process")
_COLLABORATION = b("collaboration")
_PARTICIPANT = b("participant")
_MESSAGE_FLOW = b("messageFlow")
_SEQUENCE_FLOW = b("sequenceFlow")
_RESOURCE = b("resource")
_RESOURCE_REF = b("resourceRef")
_CATEGORY = b("category")
_CATEGORY_VALUE_REF = b("categoryValueRef")
_LANE_SET = b("laneSet")
_CALL_ACTIVITY = b("callActivity")
_AD_HOC = b("adHocSubProcess")
_BOUNDARY_EVENT = b("boundaryEvent")
_ASSOCIATION = b("association")
_PARALLEL_GATEWAY = b("parallelGateway")
_PM_PROCESS = pm("process")
_PM_KPI = pm("kpi")
_PM_MEASUREMENT = pm("measurement")
_PM_RELATION = pm("relation")
_PM_RACI = pm("raci")
_PM_ORDER = pm("order")
_PM_RULE = pm("rule")
_PM_SUPPRESSION = pm("suppression")
_PM_DIAGRAM = pm("diagram")
_PM_WAYPOINTS = pm("waypoints")
_PM_SHAPE = pm("shape")
_PM_OBJECTIVE = pm("objective")
_PM_CONTRIBUTION = pm("contribution")
_PM_IMPROVEMENT = pm("improvement")
#: What the import reads beside our architecture data (see _architecture_ext).
_ARCHITECTURE_TAGS = (
    _PM_ORDER,
    _PM_RULE,
    _PM_SUPPRESSION,
    _PM_DIAGRAM,
    _PM_WAYPOINTS,
    _PM_SHAPE,
    _PM_OBJECTIVE,
    _PM_CONTRIBUTION,
    _PM_IMPROVEMENT,
)


def _ext(el: etree._Element, local: str) -> etree._Element | None:
    """Our extension element *local* of *el* (extensionElements comes right after the
    documentation, by the schema)."""
    for child in el:
        tag = child.tag
        if tag == _EXTENSION:
            return _child(child, f"{{{PM}}}{local}")
        if tag != _DOCUMENTATION:
            return None
    return None


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child of *el* with the Clark name *tag* (as ``el.find(tag)``, without
    the cost of lxml's path language: a large file asks tens of thousands of times).
    The first child is tried first: it is the one in files that follow the schema, and
    reading one tag costs lxml half as much as looking for one."""
    if len(el) and (first := el[0]).tag == tag:
        return first
    return next(el.iterchildren(tag), None)


def _float(value: str | None) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _find_architecture(root: etree._Element) -> etree._Element | None:
    """Our architecture data: in the extensionElements of a collaboration (or, leniently,
    of any root element)."""
    for top in root:
        ext = _ext(top, "architecture") if isinstance(top.tag, str) else None
        if ext is not None:
            return ext
    return None


_bounds_record = record_maker(Bounds)  # Bounds(...), faster (see model.records)


def _bounds(shape: etree._Element) -> Bounds | None:
    box = _child(shape, _BOUNDS)
    if box is None:
        return None
    try:
        x, y = float(box.get("x", "")), float(box.get("y", ""))
        w, h = float(box.get("width", "")), float(box.get("height", ""))
    except ValueError:
        return None
    if not (
        sane_coordinate(x) and sane_coordinate(y) and sane_coordinate(w) and sane_coordinate(h)
    ):
        return None  # infinite, or beyond any real diagram: the process is laid out instead
    if w <= 0 or h <= 0:
        return None  # a shape must have a size: the process is laid out instead
    return _bounds_record(x, y, w, h)


def _waypoints(edge: etree._Element) -> tuple[Point, ...]:
    points: list[Point] = []
    for wp in edge.iter(_WAYPOINT):
        x, y = _float(wp.get("x")), _float(wp.get("y"))
        if x is not None and y is not None and sane_coordinate(x) and sane_coordinate(y):
            points.append((x, y))
    return tuple(points)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


@dataclass
class _Proc:
    """A process being imported, with what is still to resolve."""

    id: str
    name: str
    parent: str | None
    elements: list[str]  # BPMN ids that stand for it (participant, process, activity)
    fields: dict[str, object] = field(default_factory=dict)
    roles: list[tuple[str, str, str | None]] = field(default_factory=list)  # tag, ref, letters
    placed: bool = True
    kpis: list[etree._Element] = field(default_factory=list)


def _reorder(items: dict, wanted: list | None) -> dict:  # type: ignore[type-arg]
    """*items* in the order *wanted* names them, the others after in their own order."""
    if not wanted:
        return items
    # a key named twice keeps its first place (and the same value)
    out = {key: items[key] for key in wanted if key in items}
    if len(out) < len(items):
        for key, value in items.items():
            if key not in out:
                out[key] = value
    return out


class _ImportState:
    """The state of one import (see the module)."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.warnings: list[Message] = []
        self.by_id: dict[str, etree._Element] = {}
        self.info = _find_architecture(root)
        self.ours = self.info is not None
        self.procs: dict[str, _Proc] = {}
        self.node_proc: dict[str, str] = {}  # BPMN id of an activity/participant -> pid
        self.flows: list[etree._Element] = []  # sequence and message flows
        self.lanes: list[tuple[etree._Element, str | None, str | None]] = []
        self.resources: list[etree._Element] = []
        self.unmapped: Counter[str] = Counter()
        self.unmapped_ids: dict[str, list[str]] = {}
        self.bridged_nodes = 0
        self.generated: set[str] = set()
        self.expanded: set[str] = set()
        self.foreign_ns: set[str] = set()
        self.boundary_of: dict[str, str] = {}
        self.landscape_frames: set[str] = set()
        self.single_process = False  # the file holds one top-level process
        self._arch_ext: list[tuple[str, etree._Element]] | None = None
        self.ids = IdAllocator()  # every BPMN id of the file and every id given
        self.used_model_ids: set[str] = set()

    # ------------------------------------------------------------------ warnings
    def name_of(self, text: str | None) -> str:
        """A name as the model keeps it: exactly as written in our own export (line
        breaks, tabs and all, so a round trip gives the same bytes), else with runs of
        white space made one space and in Unicode NFC, as other tools' names need."""
        return (text or "") if self.ours else _clean(text)

    def warn(self, msgid: str, **args: Any) -> None:
        self.warnings.append(Message(msgid, **args))

    def skip(self, el: etree._Element) -> None:
        kind = _local(el)
        self.unmapped[kind] += 1
        ident = el.get("id")
        if ident:
            self.unmapped_ids.setdefault(kind, []).append(ident)

    def new_id(self, base: str) -> str:
        """A new id (the one id policy, :mod:`procmodeler.model.ids`): ``base<N>`` when
        *base* ends in ``_``, else *base* itself or with ``_2``, ``_3``, ..."""
        return self.ids.numbered(base) if base.endswith("_") else self.ids.free(base)

    def model_id(self, bpmn_id: str | None, prefix: str) -> tuple[str, str | None]:
        """A model id for a BPMN id: the id itself when usable, else a new one (and the
        original to keep)."""
        if bpmn_id and is_ncname(bpmn_id) and bpmn_id not in self.used_model_ids:
            self.used_model_ids.add(bpmn_id)
            return bpmn_id, None
        new = self.new_id(ncname_from(bpmn_id) if bpmn_id else prefix)
        self.used_model_ids.add(new)
        return new, bpmn_id or None

    def _architecture_ext(self, *tags: str) -> list[etree._Element]:
        """The elements beside our architecture data whose tag is one of *tags* (of
        _ARCHITECTURE_TAGS), in the file's order. lxml picks them all in one pass: the
        30,000 relations of a large model are there too, and reading each one's tag cost
        more than the rest of the import's passes over them."""
        if self._arch_ext is None:
            parent = self.info.getparent() if self.info is not None else None
            found = parent.iterchildren(*_ARCHITECTURE_TAGS) if parent is not None else ()
            self._arch_ext = [(el.tag, el) for el in found]
        return [el for tag, el in self._arch_ext if tag in tags]

    def _orders(self) -> dict[str, list[str]]:
        orders: dict[str, list[str]] = {}
        for ext in self._architecture_ext(_PM_ORDER):
            if ext.get("collection") != "waypoints":
                orders[ext.get("collection", "")] = (ext.text or "").split()
        return orders
