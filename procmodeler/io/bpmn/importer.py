"""BPMN 2.0 import: any tool's BPMN 2.0 XML as an architecture, leniently.

:func:`import_bpmn` returns the model and a list of warnings (translatable messages)
for everything it did not map; it fails (``UserError``, one line) only on input that
is not safe, not XML or not BPMN 2.0. The mapping (``docs/bpmn-mapping.md``):

* a participant and the process it references become one top-level process; a
  process no participant references (and no call activity calls) too;
* sub-processes, call activities (with the process they call, when it is in the file)
  and tasks become child processes of the process or sub-process that holds them;
* lanes become units taking part with ``R``; resource roles become owner
  (``potentialOwner``), leader (``humanPerformer``) and participating units
  (``performer``), with the letters of our extension where present;
* sequence and message flows become flow relations, bridged through gateways and
  events so that the flow between activities survives;
* the file's diagram geometry is kept where present (a level whose shapes were drawn
  inside a pool or an expanded sub-process is moved to the diagram's top left);
  processes without geometry are laid out automatically;
* our own extension data (``urn:procmodeler:bpmn:1``) restores everything else, so
  that our own export imports back losslessly.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.io.bpmn.names import (
    BPMN,
    BPMNDI,
    DC,
    DI,
    EXTENSION_VERSION,
    PM,
    b,
    gc_paused,
    parse_points,
    pm,
)
from procmodeler.io.bpmn.safexml import parse_bytes, read_limited
from procmodeler.io.layout import layout_level
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RELATION_KINDS,
    Bounds,
    DiagramOptions,
    Kpi,
    Metadata,
    Person,
    Point,
    Process,
    Relation,
    Unit,
    default_direction,
    is_ncname,
    nfc,
    normalize_letters,
)

Warning_ = Message

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


def import_bpmn(
    source: str | os.PathLike[str] | bytes, name: str = ""
) -> tuple[Architecture, list[Message]]:
    """Read BPMN 2.0 XML (a path or the file's bytes) as an architecture.

    Returns ``(architecture, warnings)``. Raises :class:`UserError` for input that is
    unsafe, not well-formed XML or not BPMN 2.0.
    """
    if isinstance(source, bytes):
        label = name or "<bpmn>"
        data = source
    else:
        label = name or str(source)
        data = read_limited(source)
    root = parse_bytes(data, label)
    if root.tag != b("definitions"):
        raise UserError(
            Problem(
                label,
                Message(
                    N_(
                        "is not a BPMN 2.0 file: its root element is <{tag}>, not <definitions> "
                        "of the BPMN 2.0 model namespace"
                    ),
                    tag=etree.QName(root).localname if isinstance(root.tag, str) else "?",
                ),
            )
        )
    with gc_paused():
        return _Importer(root).run()


# ---------------------------------------------------------------------- helpers
def _clean(text: str | None) -> str:
    return nfc(" ".join((text or "").split()))


_EXTENSION = b("extensionElements")
_DOCUMENTATION = b("documentation")


def _ext(el: etree._Element, local: str) -> etree._Element | None:
    """Our extension element *local* of *el* (extensionElements comes right after the
    documentation, by the schema)."""
    for child in el:
        tag = child.tag
        if tag == _EXTENSION:
            return child.find(f"{{{PM}}}{local}")
        if tag != _DOCUMENTATION:
            return None
    return None


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


def _bounds(shape: etree._Element) -> Bounds | None:
    box = shape.find(_BOUNDS)
    if box is None:
        return None
    try:
        x, y = float(box.get("x", "")), float(box.get("y", ""))
        w, h = float(box.get("width", "")), float(box.get("height", ""))
    except ValueError:
        return None
    if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(w) and math.isfinite(h)):
        return None
    if w <= 0 or h <= 0:
        return None  # a shape must have a size: the process is laid out instead
    return Bounds(x, y, w, h)


def _waypoints(edge: etree._Element) -> tuple[Point, ...]:
    points: list[Point] = []
    for wp in edge.iter(_WAYPOINT):
        x, y = _float(wp.get("x")), _float(wp.get("y"))
        if x is not None and y is not None:
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


class _Importer:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.warnings: list[Message] = []
        self.by_id: dict[str, etree._Element] = {}
        self.info = _find_architecture(root)
        self.ours = self.info is not None
        self._arch_ext: list[etree._Element] | None = None
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
        self.taken: set[str] = set()
        self.used_model_ids: set[str] = set()

    # ------------------------------------------------------------------ warnings
    def warn(self, msgid: str, **args: Any) -> None:
        self.warnings.append(Message(msgid, **args))

    def skip(self, el: etree._Element) -> None:
        kind = _local(el)
        self.unmapped[kind] += 1
        ident = el.get("id")
        if ident:
            self.unmapped_ids.setdefault(kind, []).append(ident)

    def new_id(self, base: str) -> str:
        """A fresh id: ``base`` (``base1`` when it ends in ``_``), else with a number."""
        n = 1
        candidate = f"{base}1" if base.endswith("_") else base
        while candidate in self.taken or candidate in self.used_model_ids:
            n += 1
            candidate = f"{base}{n}" if base.endswith("_") else f"{base}_{n}"
        self.taken.add(candidate)
        return candidate

    def model_id(self, bpmn_id: str | None, prefix: str) -> tuple[str, str | None]:
        """A model id for a BPMN id: the id itself when usable, else a new one (and the
        original to keep)."""
        if bpmn_id and is_ncname(bpmn_id) and bpmn_id not in self.used_model_ids:
            self.used_model_ids.add(bpmn_id)
            return bpmn_id, None
        base = prefix
        if bpmn_id:
            cleaned = "".join(ch if is_ncname("a" + ch) else "_" for ch in bpmn_id)
            base = f"id_{cleaned}"
        new = self.new_id(base)
        self.used_model_ids.add(new)
        return new, bpmn_id or None

    # ------------------------------------------------------------------ main
    def run(self) -> tuple[Architecture, list[Message]]:
        root = self.root
        duplicates: list[str] = []
        for el in root.xpath("//bpmn:*[@id]", namespaces={"bpmn": BPMN}):
            ident = el.get("id")
            if ident:
                if ident in self.by_id:
                    duplicates.append(ident)
                else:
                    self.by_id[ident] = el
        self.taken = set(self.by_id)
        if duplicates:
            self.warnings.append(
                Message(
                    "{n} duplicate id; only the first element with it was used: {ids}",
                    "{n} duplicate ids; only the first element with each was used: {ids}",
                    len(duplicates),
                    ids=", ".join(duplicates[:MAX_IDS_IN_WARNING]),
                )
            )
        info = self.info
        if info is not None:
            version = info.get("version", "1")
            if version.isdigit() and int(version) > EXTENSION_VERSION:
                self.warn(
                    N_(
                        "the file was written by a newer procmodeler (extension version "
                        "{version}); data it does not know was left out"
                    ),
                    version=version,
                )
        self._structure()
        self._extension_namespaces()
        arch = self._build()
        self._summarise()
        return arch, self.warnings

    # ------------------------------------------------------------------ structure
    def _structure(self) -> None:
        root = self.root
        processes = [el for el in root if el.tag == b("process")]
        called: dict[str, list[etree._Element]] = {}
        for call in root.iter(b("callActivity")):
            ref = (call.get("calledElement") or "").split(":")[-1]
            if ref:
                called.setdefault(ref, []).append(call)
        participant_of: dict[str, etree._Element] = {}
        for collab in root.iter(b("collaboration")):
            for part in collab.iterfind(b("participant")):
                ref = (part.get("processRef") or "").split(":")[-1]
                if ref and ref not in participant_of:
                    participant_of[ref] = part
        self.called = called
        for collab in root.iter(b("collaboration")):
            for child in collab:
                if child.tag == b("participant"):
                    self._participant(child)
                elif child.tag == b("messageFlow"):
                    self.flows.append(child)
                elif child.tag in (b("extensionElements"), b("documentation")):
                    continue
                elif _ext(child, "relation") is None:
                    self.skip(child)
        for proc_el in processes:
            pid = proc_el.get("id", "")
            if pid in self.expanded or pid in participant_of:
                continue
            if pid in called and any(self._reachable_call(c) for c in called[pid]):
                continue
            self._top_process(None, proc_el)
        for proc_el in processes:  # called only by call activities that were never reached
            if proc_el.get("id", "") not in self.expanded:
                self._top_process(None, proc_el)
        for el in root:
            if el.tag in (b("process"), b("collaboration"), _DIAGRAM):
                continue
            if el.tag == b("resource"):
                self.resources.append(el)
            elif el.tag in (b("extensionElements"), b("documentation")) or (
                el.tag == b("category") and (self.ours or el.get("id") == "pm_kinds")
            ):
                continue
            elif isinstance(el.tag, str):
                self.skip(el)

    def _reachable_call(self, call: etree._Element) -> bool:
        """True when a call activity lies inside some process that will be imported
        through a participant or as a top-level process (so it will expand the call)."""
        parent = call.getparent()
        while parent is not None and parent.tag != b("process"):
            parent = parent.getparent()
        return parent is not None

    def _participant(self, part: etree._Element) -> None:
        ref = (part.get("processRef") or "").split(":")[-1]
        proc_el = self.by_id.get(ref) if ref else None
        if proc_el is not None and proc_el.tag != b("process"):
            proc_el = None
        if proc_el is not None and self._landscape_frame(proc_el) is not None:
            self.expanded.add(ref)
            self._generated_root(proc_el)
            return
        self._top_process(part, proc_el)

    def _landscape_frame(self, proc_el: etree._Element) -> etree._Element | None:
        """The landscape frame of our own export: marked by our extension, or (when a
        tool dropped the extension data) recognised by its shape: a pool whose process
        holds only one start event, one ad-hoc sub-process, one end event and the two
        flows between them."""
        tags: list[str] = []
        frame = None
        for child in proc_el:
            if not isinstance(child.tag, str) or child.tag in _OWN_PARTS:
                continue
            if child.tag in _ACTIVITIES and _ext(child, "landscape") is not None:
                return child
            tags.append(child.tag)
            if child.tag == b("adHocSubProcess"):
                frame = child
        signature = sorted(
            [b("startEvent"), b("adHocSubProcess"), b("endEvent")] + [b("sequenceFlow")] * 2
        )
        if frame is not None and sorted(tags) == signature:
            self.landscape_frames.add(frame.get("id", ""))
            return frame
        return None

    def _generated_root(self, proc_el: etree._Element) -> None:
        """Our own export's pool: its events and flows are generated; the frame holds
        the landscape."""
        for child in proc_el:
            if child.tag in _ACTIVITIES and (
                _ext(child, "landscape") is not None or child.get("id", "") in self.landscape_frames
            ):
                self.generated.add(child.get("id", ""))
                self._container(child, None)
            elif child.tag in _EVENTS or child.tag == b("sequenceFlow"):
                self.generated.add(child.get("id", ""))
            elif child.tag == b("laneSet"):
                self._lane_set(child, None, None)
            elif child.tag not in _OWN_PARTS and isinstance(child.tag, str):
                self._flow_element(child, None)

    def _top_process(self, part: etree._Element | None, proc_el: etree._Element | None) -> None:
        main = part if part is not None else proc_el
        assert main is not None
        name = _clean(main.get("name"))
        if not name and part is not None and proc_el is not None:
            name = _clean(proc_el.get("name"))
        if not name and len(self.root.findall(b("process"))) == 1:
            name = _clean(self.root.get("name"))
        elements = [e.get("id", "") for e in (part, proc_el) if e is not None and e.get("id")]
        pid = self._add_process(main, None, name, elements)
        if proc_el is not None:
            self.expanded.add(proc_el.get("id", ""))
            self._describe(self.procs[pid], proc_el, from_process=part is not None)
            self._container(proc_el, pid)

    def _add_process(
        self, el: etree._Element, parent: str | None, name: str, elements: list[str]
    ) -> str:
        pid, original = self.model_id(el.get("id"), "process_")
        proc = _Proc(pid, name or el.get("id") or pid, parent, elements)
        if original is not None:
            proc.fields["original_id"] = original
        self.procs[pid] = proc
        for ident in elements:
            self.node_proc[ident] = pid
        self._describe(proc, el)
        return pid

    def _describe(self, proc: _Proc, el: etree._Element, from_process: bool = False) -> None:
        """Read documentation, our extension data, objects and resource roles."""
        docs: list[str] = []
        for child in el:
            tag = child.tag
            if tag == _DOCUMENTATION:
                docs.append(child.text or "")
            elif tag == _EXTENSION:
                data = child.find(f"{{{PM}}}process")
                if data is not None:
                    self._process_data(proc, data)
            elif tag == _IO:
                self._objects(proc, child)
            elif tag in _ROLES:
                self._role(proc, child)
        if "kind" not in proc.fields:
            self._kind_from_category(proc, el)
        if docs and "purpose" not in proc.fields:
            proc.fields["purpose"] = (
                docs[0] if self.ours else "\n".join(t.strip() for t in docs if t.strip())
            )

    def _objects(self, proc: _Proc, io: etree._Element) -> None:
        ins = [d.get("name") for d in io.iterfind(b("dataInput"))]
        outs = [d.get("name") for d in io.iterfind(b("dataOutput"))]
        if any(ins):
            proc.fields["objects_in"] = tuple(n if self.ours else _clean(n) for n in ins if n)
        if any(outs):
            proc.fields["objects_out"] = tuple(n if self.ours else _clean(n) for n in outs if n)

    def _role(self, proc: _Proc, role: etree._Element) -> None:
        ref = role.findtext(b("resourceRef"))
        ref = (ref or "").strip().split(":")[-1]
        if not ref:
            self.warn(
                N_("a {role} of '{name}' names no resource and was left out"),
                role=_local(role),
                name=proc.name,
            )
            return
        raci = _ext(role, "raci")
        letters = None if raci is None else raci.get("letters")
        proc.roles.append((_ROLE_NAMES[role.tag], ref, letters))

    def _kind_from_category(self, proc: _Proc, el: etree._Element) -> None:
        """Without our extension data, the kind of our export's category value."""
        for ref in el.iterfind(b("categoryValueRef")):
            value = (ref.text or "").strip().split(":")[-1]
            if value.startswith("pm_kind_") and value[8:] in PROCESS_KINDS:
                proc.fields["kind"] = value[8:]
                return

    def _process_data(self, proc: _Proc, data: etree._Element) -> None:
        kind = data.get("kind", "core")
        if kind not in PROCESS_KINDS:
            self.warn(
                N_("'{name}' has an unknown kind '{kind}'; core was used"),
                name=proc.name,
                kind=kind,
            )
            kind = "core"
        status = data.get("status", "draft")
        if status not in PROCESS_STATUSES:
            self.warn(
                N_("'{name}' has an unknown status '{status}'; draft was used"),
                name=proc.name,
                status=status,
            )
            status = "draft"
        proc.fields["kind"] = kind
        proc.fields["status"] = status
        for attr, key in (("customer", "customer"), ("need", "need"), ("result", "result")):
            if data.get(attr):
                proc.fields[key] = data.get(attr)
        if data.get("originalId"):
            proc.fields["original_id"] = data.get("originalId")
        if data.get("placed") == "false":
            proc.placed = False
        proc.kpis.extend(data.iterfind(pm("kpi")))

    def _container(self, el: etree._Element, pid: str | None) -> None:
        """Read the flow elements of a process or sub-process whose children belong to
        process *pid* (None: the landscape)."""
        for child in el:
            if not isinstance(child.tag, str) or child.tag in _OWN_PARTS:
                continue
            if child.tag == b("laneSet"):
                self._lane_set(child, pid, None)
                continue
            self._flow_element(child, pid)

    def _flow_element(self, child: etree._Element, pid: str | None) -> None:
        tag = child.tag
        if tag in _ACTIVITIES:
            if tag in _CONTAINERS and _ext(child, "landscape") is not None:
                self.generated.add(child.get("id", ""))
                self._container(child, None)
                return
            ident = child.get("id", "")
            cid = self._add_process(child, pid, _clean(child.get("name")), [ident] if ident else [])
            if tag in _CONTAINERS:
                self._container(child, cid)
            elif tag == b("callActivity"):
                self._call(child, cid)
        elif tag in _EVENTS or tag in _GATEWAYS:
            if tag == b("boundaryEvent"):
                attached = (child.get("attachedToRef") or "").split(":")[-1]
                if attached:
                    self.boundary_of[child.get("id", "")] = attached
            if not (self.ours and self._is_generated_node(child)):
                self.bridged_nodes += 1
        elif tag == b("sequenceFlow"):
            self.flows.append(child)
        elif tag == b("association") and _ext(child, "relation") is not None:
            return
        else:
            self.skip(child)

    def _is_generated_node(self, el: etree._Element) -> bool:
        """A split gateway of our own export: all its outgoing flows carry relations."""
        if el.tag != b("parallelGateway"):
            return False
        outs = [(o.text or "").strip() for o in el.iterfind(b("outgoing"))]
        return bool(outs) and all(
            f in self.by_id and _ext(self.by_id[f], "relation") is not None for f in outs
        )

    def _call(self, call: etree._Element, cid: str) -> None:
        ref = (call.get("calledElement") or "").split(":")[-1]
        if not ref:
            return
        target = self.by_id.get(ref)
        if target is None:
            self.warn(
                N_("call activity '{name}' calls '{ref}', which is not in this file"),
                name=self.procs[cid].name,
                ref=ref,
            )
            return
        if target.tag != b("process"):
            return  # a global task: the call activity is the whole process
        if ref in self.expanded:
            return
        self.expanded.add(ref)
        self.procs[cid].elements.append(ref)
        self.node_proc.setdefault(ref, cid)
        self._describe(self.procs[cid], target)
        self._container(target, cid)

    def _lane_set(self, lane_set: etree._Element, pid: str | None, parent_lane: str | None) -> None:
        for lane in lane_set.iterfind(b("lane")):
            self.lanes.append((lane, pid, parent_lane))
            child = lane.find(b("childLaneSet"))
            if child is not None:
                self._lane_set(child, pid, lane.get("id"))

    def _extension_namespaces(self) -> None:
        found = self.root.xpath(
            "//bpmn:extensionElements/*[namespace-uri() != $pm]",
            namespaces={"bpmn": BPMN},
            pm=PM,
        )
        self.foreign_ns.update(etree.QName(el).namespace or "" for el in found)

    # ------------------------------------------------------------------ building
    def _build(self) -> Architecture:
        units, people, unit_of_resource, person_of_resource = self._units_and_people()
        participation: dict[tuple[str, str], str] = {}
        self._apply_roles(unit_of_resource, person_of_resource, participation)
        processes = self._processes()
        self._apply_lanes(processes, units, participation)
        kpis = self._kpis(processes)
        relations, routes = self._relations(processes)
        arch = Architecture(self._metadata())
        settings = self._settings(processes, units)

        order = self._orders()
        processes = _reorder(processes, order.get("processes"))
        relations = _reorder(relations, order.get("relations"))
        kpis = _reorder(kpis, order.get("kpis"))
        participation = _reorder(
            participation,
            [tuple(t.split("/", 1)) for t in order["participation"]]
            if "participation" in order
            else None,
        )
        for uid, unit in units.items():
            arch.put("units", uid, unit)
        for person_id, person in people.items():
            arch.put("people", person_id, person)
        for pid, proc in processes.items():
            arch.put("processes", pid, proc)
        for rid, rel in relations.items():
            arch.put("relations", rid, rel)
        for kid, kpi in kpis.items():
            arch.put("kpis", kid, kpi)
        for key, letters in participation.items():
            arch.put("participation", key, letters)
        rules, suppressions, diagrams = settings
        for rule, value in rules.items():
            arch.put("rules", rule, value)
        for skey, text in suppressions.items():
            arch.put("suppressions", skey, text)
        for level, options in diagrams.items():
            arch.put("diagrams", level, options)
        self._geometry(arch, routes)
        return arch

    def _metadata(self) -> Metadata:
        info = self.info
        if info is None:
            name = _clean(self.root.get("name"))
            if not name:
                for collab in self.root.iter(b("collaboration")):
                    name = _clean(collab.get("name"))
                    break
            return Metadata(name=name)
        language = info.get("language", "en")
        return Metadata(
            name=info.get("name", ""),
            organisation=info.get("organisation", ""),
            language=language if language in ("en", "sv") else "en",
            version_label=info.get("versionLabel", ""),
            author=info.get("author", ""),
        )

    def _processes(self) -> dict[str, Process]:
        out: dict[str, Process] = {}
        for pid, p in self.procs.items():
            name = _clean(p.name) or pid
            out[pid] = Process(pid, name, parent=p.parent, **p.fields)  # type: ignore[arg-type]
        return out

    def _units_and_people(
        self,
    ) -> tuple[dict[str, Unit], dict[str, Person], dict[str, str], dict[str, str]]:
        uses: dict[str, set[str]] = {}
        for p in self.procs.values():
            for tag, ref, _ in p.roles:
                uses.setdefault(ref, set()).add(tag)
        units: dict[str, Unit] = {}
        people: dict[str, Person] = {}
        unit_of: dict[str, str] = {}
        person_of: dict[str, str] = {}
        pending_units: list[tuple[str, etree._Element]] = []
        pending_people: list[tuple[str, etree._Element]] = []
        for res in self.resources:
            rid = res.get("id", "")
            name = _clean(res.get("name")) or rid
            unit_data, person_data = _ext(res, "unit"), _ext(res, "person")
            as_unit = unit_data is not None or (
                person_data is None and uses.get(rid, set()) == {"performer"}
            )
            mid, original = self.model_id(rid, "unit_" if as_unit else "person_")
            if as_unit:
                units[mid] = Unit(mid, name, original_id=original)
                unit_of[rid] = mid
                if unit_data is not None:
                    pending_units.append((mid, unit_data))
            else:
                people[mid] = Person(mid, name, original_id=original)
                person_of[rid] = mid
                if person_data is not None:
                    pending_people.append((mid, person_data))
        for mid, data in pending_units:
            unit = units[mid]
            parent, head = data.get("parent"), data.get("head")
            units[mid] = replace(
                unit,
                parent=parent if parent in units and parent != mid else None,
                head=head if head in people else None,
                original_id=data.get("originalId") or unit.original_id,
            )
            if (parent and parent not in units) or (head and head not in people):
                self.warn(
                    N_("unit '{name}' refers to a unit or person that is not in the file"),
                    name=unit.name,
                )
        for mid, data in pending_people:
            person = people[mid]
            unit_id = data.get("unit")
            people[mid] = replace(
                person,
                unit=unit_id if unit_id in units else None,
                title=data.get("title", ""),
                original_id=data.get("originalId") or person.original_id,
            )
        # a cycle in unit parents (hand-edited file) is broken at its first unit
        for uid in list(units):
            seen = {uid}
            current = units[uid].parent
            while current is not None:
                if current in seen:
                    units[uid] = replace(units[uid], parent=None)
                    self.warn(
                        N_("the units above '{name}' form a cycle; it was moved to the top"),
                        name=units[uid].name,
                    )
                    break
                seen.add(current)
                current = units[current].parent
        return units, people, unit_of, person_of

    def _apply_roles(
        self,
        unit_of: dict[str, str],
        person_of: dict[str, str],
        participation: dict[tuple[str, str], str],
    ) -> None:
        """Owner, leader (into the process fields) and participation from resource roles."""
        for pid, p in self.procs.items():
            for tag, ref, letters in p.roles:
                if tag in ("potentialOwner", "humanPerformer") and ref in person_of:
                    field_name = "owner" if tag == "potentialOwner" else "leader"
                    if field_name not in p.fields:
                        p.fields[field_name] = person_of[ref]
                    else:
                        self.warn(
                            N_("'{name}' has more than one {role}; only the first was kept"),
                            name=p.name,
                            role=tag,
                        )
                elif tag == "performer" and ref in unit_of:
                    value = "R"
                    if letters is not None:
                        try:
                            value = normalize_letters(letters)
                        except ValueError:
                            self.warn(
                                N_("'{name}' has RACI letters that are not R, A, C or I"),
                                name=p.name,
                            )
                    key = (pid, unit_of[ref])
                    if key in participation:
                        value = normalize_letters(participation[key] + value)
                    participation[key] = value
                elif tag == "performer" and ref in person_of:
                    self.warn(
                        N_("a performer of '{name}' is a person, not a unit; it was left out"),
                        name=p.name,
                    )
                elif ref not in unit_of and ref not in person_of:
                    self.warn(
                        N_("a {role} of '{name}' refers to '{ref}', which is not in the file"),
                        role=tag,
                        name=p.name,
                        ref=ref,
                    )
                else:
                    self.warn(N_("a {role} of '{name}' was left out"), role=tag, name=p.name)

    def _apply_lanes(
        self,
        processes: dict[str, Process],
        units: dict[str, Unit],
        participation: dict[tuple[str, str], str],
    ) -> None:
        if not self.lanes:
            return
        unit_of_lane: dict[str, str] = {}
        by_name: dict[tuple[str | None, str], str] = {}
        for lane, _pid, parent_lane in self.lanes:
            lane_id = lane.get("id", "")
            parent_unit = unit_of_lane.get(parent_lane) if parent_lane else None
            name = _clean(lane.get("name")) or lane_id or "?"
            key = (parent_unit, name)
            if key in by_name:
                unit_of_lane[lane_id] = by_name[key]
                continue
            uid, original = self.model_id(lane_id, "unit_")
            units[uid] = Unit(uid, name, parent_unit, original_id=original)
            by_name[key] = uid
            unit_of_lane[lane_id] = uid
        lane_children: dict[str, set[str]] = {}
        for lane, _pid, parent_lane in self.lanes:
            if parent_lane:
                lane_children.setdefault(parent_lane, set()).add(lane.get("id", ""))
        nodes_of: dict[str, list[str]] = {}
        for lane, _pid, _parent in self.lanes:
            for ref in lane.iterfind(b("flowNodeRef")):
                node = (ref.text or "").strip()
                if node:
                    nodes_of.setdefault(lane.get("id", ""), []).append(node)
        for lane, pid, _parent in self.lanes:
            lane_id = lane.get("id", "")
            uid = unit_of_lane[lane_id]
            if pid is not None:
                participation.setdefault((pid, uid), "R")
            deeper: set[str] = set()
            for child in lane_children.get(lane_id, ()):
                deeper.update(nodes_of.get(child, ()))
            for node in nodes_of.get(lane_id, ()):
                target = self.node_proc.get(node)
                if target is not None and node not in deeper:
                    key = (target, uid)
                    if key not in participation:
                        participation[key] = "R"
                    elif "R" not in participation[key]:
                        participation[key] = normalize_letters(participation[key] + "R")

    def _kpis(self, processes: dict[str, Process]) -> dict[str, Kpi]:
        kpis: dict[str, Kpi] = {}
        for pid, p in self.procs.items():
            for data in p.kpis:
                kid, _ = self.model_id(data.get("id"), "kpi_")
                kind = data.get("kind", "other")
                if kind not in KPI_KINDS:
                    self.warn(
                        N_("KPI '{name}' has an unknown kind '{kind}'; other was used"),
                        name=data.get("name", ""),
                        kind=kind,
                    )
                    kind = "other"
                direction = data.get("direction") or default_direction(kind)
                if direction not in DIRECTIONS:
                    direction = default_direction(kind)
                name = _clean(data.get("name")) or kid
                kpis[kid] = Kpi(
                    kid,
                    pid,
                    name,
                    kind,
                    data.get("measure", ""),
                    direction,
                    _float(data.get("target")),
                    _float(data.get("actual")),
                )
        return kpis

    # ------------------------------------------------------------------ relations
    def _relations(
        self, processes: dict[str, Process]
    ) -> tuple[dict[str, Relation], dict[str, tuple[str, str | None, object]]]:
        """Relations, and for each the way to its waypoints: ("di", edge element id,
        None), ("explicit", None, points) or ("none", None, None)."""
        relations: dict[str, Relation] = {}
        routes: dict[str, tuple[str, str | None, object]] = {}
        for data in self.root.iter(pm("relation")):
            holder = data.getparent()
            holder = holder.getparent() if holder is not None else None
            rid, _ = self.model_id(data.get("id"), "rel_")
            source, target = data.get("source", ""), data.get("target", "")
            kind = data.get("kind", "flow")
            if source not in processes or target not in processes or source == target:
                self.warn(
                    N_("relation '{id}' joins processes that are not in the file; it was left out"),
                    id=rid,
                )
                continue
            if kind not in RELATION_KINDS:
                self.warn(
                    N_("relation '{id}' has an unknown kind '{kind}'; flow was used"),
                    id=rid,
                    kind=kind,
                )
                kind = "flow"
            relations[rid] = Relation(rid, source, target, kind, data.get("object", ""))
            if data.get("waypoints"):
                try:
                    points = parse_points(data.get("waypoints", ""))
                    routes[rid] = (
                        "explicit",
                        holder.get("id") if holder is not None else None,
                        points,
                    )
                except ValueError:
                    routes[rid] = ("none", None, None)
            elif data.get("route") == "auto" or holder is None or holder.tag == b("collaboration"):
                routes[rid] = ("none", None, None)
            else:
                routes[rid] = ("di", holder.get("id"), None)
        self._bridge(processes, relations, routes)
        return relations, routes

    def _bridge(
        self,
        processes: dict[str, Process],
        relations: dict[str, Relation],
        routes: dict[str, tuple[str, str | None, object]],
    ) -> None:
        succ: dict[str, list[tuple[str, str]]] = {}
        for flow in self.flows:
            if _ext(flow, "relation") is not None or flow.get("id", "") in self.generated:
                continue
            src = (flow.get("sourceRef") or "").split(":")[-1]
            tgt = (flow.get("targetRef") or "").split(":")[-1]
            if src and tgt:
                src = self.boundary_of.get(src, src) if src not in self.node_proc else src
                succ.setdefault(src, []).append((flow.get("id", ""), tgt))
        if not succ:
            return
        seen_pairs = {(r.source, r.target) for r in relations.values() if r.kind == "flow"}
        for node, pid in list(self.node_proc.items()):
            if node not in succ:
                continue
            stack = [(fid, tgt, True) for fid, tgt in reversed(succ[node])]
            visited: set[str] = set()
            while stack:
                fid, tgt, direct = stack.pop()
                target_pid = self.node_proc.get(tgt)
                if target_pid is not None:
                    if target_pid == pid or (pid, target_pid) in seen_pairs:
                        continue
                    seen_pairs.add((pid, target_pid))
                    if (
                        direct
                        and fid
                        and fid not in relations
                        and is_ncname(fid)
                        and (fid not in self.used_model_ids)
                    ):
                        rid = fid
                        self.used_model_ids.add(fid)
                        routes[rid] = ("di", fid, None)
                    else:
                        rid = self.new_id("rel_")
                        self.used_model_ids.add(rid)
                        routes[rid] = ("none", None, None)
                    relations[rid] = Relation(rid, pid, target_pid, "flow")
                    continue
                if tgt in visited:
                    continue
                visited.add(tgt)
                for nfid, ntgt in reversed(succ.get(tgt, ())):
                    stack.append((nfid, ntgt, False))

    # ------------------------------------------------------------------ settings
    def _settings(
        self, processes: dict[str, Process], units: dict[str, Unit]
    ) -> tuple[
        dict[str, str], dict[tuple[str, tuple[str, ...]], str], dict[str | None, DiagramOptions]
    ]:
        rules: dict[str, str] = {}
        suppressions: dict[tuple[str, tuple[str, ...]], str] = {}
        diagrams: dict[str | None, DiagramOptions] = {}
        if not self.ours:
            return rules, suppressions, diagrams
        for ext in self._architecture_ext():
            if (
                ext.tag == pm("rule")
                and ext.get("id")
                and ext.get("value") in ("off", "error", "warning", "info")
            ):
                rules[ext.get("id", "")] = ext.get("value", "")
            elif ext.tag == pm("suppression") and ext.get("rule"):
                elements = tuple((ext.get("elements") or "").split())
                suppressions[(ext.get("rule", ""), elements)] = ext.text or ""
            elif ext.tag == pm("diagram"):
                level = ext.get("level") or None
                if level is not None and level not in processes:
                    continue
                order = tuple(u for u in (ext.get("laneOrder") or "").split() if u in units)
                diagrams[level] = DiagramOptions(ext.get("swimlanes") == "true", order)
        return rules, suppressions, diagrams

    def _architecture_ext(self) -> list[etree._Element]:
        if self._arch_ext is None:
            info = self.info
            parent = info.getparent() if info is not None else None
            self._arch_ext = list(parent) if parent is not None else []
        return self._arch_ext

    def _orders(self) -> dict[str, list[str]]:
        orders: dict[str, list[str]] = {}
        for ext in self._architecture_ext():
            if ext.tag == pm("order") and ext.get("collection") != "waypoints":
                orders[ext.get("collection", "")] = (ext.text or "").split()
        return orders

    # ------------------------------------------------------------------ geometry
    def _geometry(
        self, arch: Architecture, routes: dict[str, tuple[str, str | None, object]]
    ) -> None:
        shapes: dict[str, tuple[Bounds, str | None]] = {}
        edges: dict[str, tuple[tuple[Point, ...], str | None]] = {}
        edge_order: list[str] = []
        planes_of: dict[str, str | None] = {}
        for diagram in self.root.iter(_DIAGRAM):
            plane = diagram.find(_PLANE)
            if plane is None:
                continue
            plane_el = (plane.get("bpmnElement") or "").split(":")[-1] or None
            for item in plane:
                ref = (item.get("bpmnElement") or "").split(":")[-1]
                if not ref:
                    continue
                if item.tag == _SHAPE and ref not in shapes:
                    box = _bounds(item)
                    if box is not None:
                        shapes[ref] = (box, plane_el)
                elif item.tag == _EDGE and ref not in edges:
                    edges[ref] = (_waypoints(item), plane_el)
                    edge_order.append(ref)
            if plane_el:
                planes_of.setdefault(plane_el, plane_el)

        # shapes per level, in the order the file draws them
        level_shapes: dict[str | None, dict[str, Bounds]] = {}
        own_plane: dict[str | None, bool] = {None: True}
        shape_rank: dict[str, int] = {ref: i for i, ref in enumerate(shapes)}
        for pid, p in sorted(
            self.procs.items(),
            key=lambda item: min(
                (shape_rank.get(e, len(shape_rank)) for e in item[1].elements),
                default=len(shape_rank),
            ),
        ):
            if not p.placed:
                continue
            for element in p.elements:
                if element in shapes:
                    level_shapes.setdefault(p.parent, {})[pid] = shapes[element][0]
                    break
        for pid, p in self.procs.items():
            own_plane[pid] = self.ours or any(e in planes_of for e in p.elements)

        shift: dict[str | None, tuple[float, float]] = {}
        for level, inner in level_shapes.items():
            if own_plane.get(level, False) or not inner:
                continue
            min_x = min(box.x for box in inner.values())
            min_y = min(box.y for box in inner.values())
            dx, dy = 40.0 - min_x, 40.0 - min_y
            shift[level] = (dx, dy)
            level_shapes[level] = {k: v.moved(dx, dy) for k, v in inner.items()}

        # automatic layout where a level has no geometry at all, else a row below
        flows_by_level: dict[str | None, list[tuple[str, str]]] = {}
        for rel in arch.relations.values():
            s, t = arch.processes[rel.source], arch.processes[rel.target]
            if rel.kind == "flow" and s.parent == t.parent:
                flows_by_level.setdefault(s.parent, []).append((rel.source, rel.target))
        missing_by_level: dict[str | None, list[str]] = {}
        for pid in arch.walk():
            p = self.procs[pid]
            level = p.parent
            if p.placed and pid not in level_shapes.get(level, {}):
                missing_by_level.setdefault(level, []).append(pid)
        for level, missing in missing_by_level.items():
            inner = level_shapes.setdefault(level, {})
            if not inner:
                inner.update(layout_level(arch, missing, flows_by_level.get(level, [])))
                continue
            bottom = max(box.y + box.h for box in inner.values())
            left = min(box.x for box in inner.values())
            for i, pid in enumerate(missing):
                inner[pid] = Bounds(left + i * 200.0, bottom + 60.0, 160.0, 70.0)
        for level in [None, *arch.walk()]:
            for pid, box in level_shapes.get(level, {}).items():
                arch.put("shapes", (level, pid), box)

        # waypoints in the order of the file's edges (relations of one edge in the
        # order the edge's element lists them)
        by_holder: dict[str, list[str]] = {}
        for rid, (how, holder, _points) in routes.items():
            if how in ("di", "explicit") and holder:
                by_holder.setdefault(holder, []).append(rid)
        order_all = [rid for edge in edge_order for rid in by_holder.pop(edge, ())]
        order_all += [rid for rids in by_holder.values() for rid in rids]
        waypoint_orders = self._waypoint_orders()
        result: dict[str | None, list[tuple[str, tuple[Point, ...]]]] = {}
        for rid in order_all:
            found = arch.relations.get(rid)
            if found is None:
                continue
            rel = found
            level = arch.processes[rel.source].parent
            if arch.processes[rel.target].parent != level:
                continue
            how, edge, points = routes[rid]
            if how == "explicit":
                pts = points
            else:
                if edge is None or edge not in edges:
                    continue
                pts = edges[edge][0]
                if level in shift:
                    dx, dy = shift[level]
                    pts = tuple((x + dx, y + dy) for x, y in pts)
            if len(pts) >= 2:  # type: ignore[arg-type]
                result.setdefault(level, []).append((rid, pts))  # type: ignore[arg-type]
        for level, items in result.items():
            wanted = waypoint_orders.get(level)
            if wanted is not None:
                rank2 = {rid: i for i, rid in enumerate(wanted)}
                items.sort(key=lambda item: rank2.get(item[0], len(rank2)))
            for rid, pts in items:
                arch.put("waypoints", (level, rid), pts)
        self._leftover_geometry(arch)

    def _waypoint_orders(self) -> dict[str | None, list[str]]:
        orders: dict[str | None, list[str]] = {}
        for ext in self._architecture_ext():
            if ext.tag == pm("order") and ext.get("collection") == "waypoints":
                orders[ext.get("level") or None] = (ext.text or "").split()
        return orders

    def _leftover_geometry(self, arch: Architecture) -> None:
        for ext in self._architecture_ext():
            level = ext.get("level") or None
            if level is not None and level not in arch.processes:
                continue
            if ext.tag == pm("waypoints") and ext.get("relation") in arch.relations:
                try:
                    points = parse_points(ext.get("points", ""))
                except ValueError:
                    continue
                arch.put("waypoints", (level, ext.get("relation")), points)
            elif ext.tag == pm("shape") and ext.get("process") in arch.processes:
                try:
                    x, y, w, h = (float(v) for v in ext.get("bounds", "").split(","))
                except ValueError:
                    continue
                if not all(math.isfinite(v) for v in (x, y, w, h)) or w <= 0 or h <= 0:
                    continue
                arch.put("shapes", (level, ext.get("process")), Bounds(x, y, w, h))

    # ------------------------------------------------------------------ summary
    def _summarise(self) -> None:
        if self.bridged_nodes:
            self.warnings.append(
                Message(
                    "{n} event or gateway is not a process in procmodeler; the flows "
                    "through it became direct relations",
                    "{n} events and gateways are not processes in procmodeler; the flows "
                    "through them became direct relations",
                    self.bridged_nodes,
                )
            )
        for kind, count in sorted(self.unmapped.items()):
            ids = self.unmapped_ids.get(kind, [])
            shown = ", ".join(ids[:MAX_IDS_IN_WARNING])
            if len(ids) > MAX_IDS_IN_WARNING:
                shown += ", ..."
            self.warnings.append(
                Message(
                    N_("{number} <{element}> not imported: {ids}"),
                    number=count,
                    element=kind,
                    ids=shown or "-",
                )
            )
        if self.foreign_ns:
            self.warnings.append(
                Message(
                    N_("extension data of other tools was not imported (namespaces: {names})"),
                    names=", ".join(sorted(self.foreign_ns)),
                )
            )


def _reorder(items: dict, wanted: list | None) -> dict:  # type: ignore[type-arg]
    """*items* in the order *wanted* names them, the others after in their own order."""
    if not wanted:
        return items
    out = {}
    for key in wanted:
        if key in items and key not in out:
            out[key] = items[key]
    for key, value in items.items():
        if key not in out:
            out[key] = value
    return out
