"""BPMN 2.0 export: an architecture as BPMN 2.0 XML with full diagram interchange.

The mapping is written down in ``docs/bpmn-mapping.md``; in short:

* one collaboration with one participant (pool) whose process holds a start event,
  an expanded ad-hoc sub-process (the landscape frame) and an end event; the
  top-level processes are drawn inside the frame at the user's positions;
* a process with children is a collapsed ``adHocSubProcess`` with its own
  BPMNDiagram/BPMNPlane (drill-down in bpmn-js); a process without children is a
  ``task``;
* flow relations between siblings are sequence flows (a parallel gateway where one
  process hands on to several), support and steering relations are directed
  associations; relations across levels live in our extension only;
* people and units are ``resource`` elements; owner, leader and participating units
  are ``potentialOwner``, ``humanPerformer`` and ``performer`` resource roles;
* the kind is a category value (and a colour); purpose is ``documentation``;
  objects in/out are the ``ioSpecification``'s data inputs and outputs;
* everything BPMN cannot hold (customer, need, result, RACI letters, KPIs, status,
  rule settings, ...) is in our namespace inside ``extensionElements`` only.

The output is deterministic: the same model gives byte-identical XML.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from procmodeler import __version__
from procmodeler.common.gcpause import gc_paused
from procmodeler.common.i18n import N_
from procmodeler.io.bpmn.export_plan import (
    EVENT,
    FRAME_LABEL,
    FRAME_PAD,
    POOL_BAND,
    Level_t,
    _Planner,
    _union,
)
from procmodeler.io.bpmn.names import (
    BPMNDI,
    COLOR,
    DC,
    DI,
    EXTENSION_VERSION,
    NSMAP,
    b,
    fmt,
    fmt_points,
    pm,
    xml_text,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds, Point
from procmodeler.vocabulary import PROCESS_KIND, RACI_ROLE

_SHAPE = f"{{{BPMNDI}}}BPMNShape"
_EDGE = f"{{{BPMNDI}}}BPMNEdge"
_BOUNDS = f"{{{DC}}}Bounds"
_WAYPOINT = f"{{{DI}}}waypoint"
_LABEL = f"{{{BPMNDI}}}BPMNLabel"
_FILL = f"{{{COLOR}}}background-color"
_STROKE = f"{{{COLOR}}}border-color"

#: Fill and border colour per process kind (BPMN in Color, shown by bpmn-js and others).
KIND_COLORS: dict[str, tuple[str, str]] = {
    "management": ("#dbe8f7", "#2c5282"),
    "core": ("#e1f3e3", "#276749"),
    "support": ("#fdf0d5", "#975a16"),
}
#: The words of the kind category and the RACI roles (the one vocabulary).
KIND_LABELS = PROCESS_KIND
RACI_LABELS = RACI_ROLE


def export_bpmn(arch: Architecture) -> bytes:
    """The architecture as BPMN 2.0 XML (UTF-8 bytes), deterministic."""
    with gc_paused():
        return _Exporter(arch).build()


class _Exporter(_Planner):
    # ------------------------------------------------------------------ writing
    def build(self) -> bytes:
        self._plan()
        root = self._definitions()
        collab_id = self.fresh("pm_collaboration")
        process_id = self.fresh("pm_process")
        participant_id = self.fresh("pm_participant")
        frame_id = self.fresh("pm_landscape")
        start_id, end_id = self.fresh("pm_start"), self.fresh("pm_end")
        in_id, out_id = self.fresh("pm_flow_in"), self.fresh("pm_flow_out")

        ids = (collab_id, process_id, participant_id, frame_id, start_id, end_id, in_id, out_id)
        collab_ext = self._write_landscape_process(root, ids)
        self._write_diagrams(root, ids)
        self._write_order(collab_ext, root)
        data: bytes = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )
        return data

    def _definitions(self) -> etree._Element:
        """The root element with the kind category and the units and people."""
        arch, tr = self.arch, self.tr
        meta = arch.meta
        root = etree.Element(b("definitions"), nsmap=NSMAP)
        root.set("id", self.fresh("pm_definitions"))
        if meta.name:
            root.set("name", xml_text(meta.name))
        root.set("targetNamespace", "urn:procmodeler:model")
        root.set("exporter", "procmodeler")
        root.set("exporterVersion", __version__)

        category = etree.SubElement(root, b("category"), id=self.fresh("pm_kinds"))
        category.set("name", tr(N_("Process kind")))
        for kind, label in KIND_LABELS.items():
            value_id = self.fresh(f"pm_kind_{kind}")
            self.kind_values[kind] = value_id
            etree.SubElement(category, b("categoryValue"), id=value_id, value=tr(label))

        for uid, unit in arch.units.items():
            res = etree.SubElement(root, b("resource"), id=uid, name=xml_text(unit.name))
            ext = etree.SubElement(etree.SubElement(res, b("extensionElements")), pm("unit"))
            _opt(ext, "parent", unit.parent)
            _opt(ext, "head", unit.head)
            _opt(ext, "originalId", unit.original_id)
        for person_id, person in arch.people.items():
            res = etree.SubElement(root, b("resource"), id=person_id, name=xml_text(person.name))
            ext = etree.SubElement(etree.SubElement(res, b("extensionElements")), pm("person"))
            _opt(ext, "unit", person.unit)
            _opt(ext, "title", person.title)
            _opt(ext, "originalId", person.original_id)
        return root

    def _write_landscape_process(
        self, root: etree._Element, ids: tuple[str, ...]
    ) -> etree._Element:
        """The collaboration and the process that frames the landscape; returns the
        collaboration's extension element."""
        meta, tr = self.arch.meta, self.tr
        collab_id, process_id, participant_id, frame_id, start_id, end_id, in_id, out_id = ids
        collab = etree.SubElement(root, b("collaboration"), id=collab_id)
        collab_ext = etree.SubElement(collab, b("extensionElements"))
        self._write_architecture(collab_ext)
        pool_name = meta.organisation or meta.name or tr(N_("Process architecture"))
        etree.SubElement(collab, b("participant"), id=participant_id, name=xml_text(pool_name)).set(
            "processRef", process_id
        )

        proc = etree.SubElement(root, b("process"), id=process_id, isExecutable="false")
        proc.set("name", xml_text(pool_name))
        start = etree.SubElement(proc, b("startEvent"), id=start_id, name=tr(N_("Customer need")))
        etree.SubElement(start, b("outgoing")).text = in_id
        frame = etree.SubElement(proc, b("adHocSubProcess"), id=frame_id)
        frame.set("name", xml_text(meta.name or tr(N_("Process landscape"))))
        etree.SubElement(etree.SubElement(frame, b("extensionElements")), pm("landscape"))
        etree.SubElement(frame, b("incoming")).text = in_id
        etree.SubElement(frame, b("outgoing")).text = out_id
        self._write_container(frame, None)
        end = etree.SubElement(proc, b("endEvent"), id=end_id, name=tr(N_("Need satisfied")))
        etree.SubElement(end, b("incoming")).text = out_id
        etree.SubElement(proc, b("sequenceFlow"), id=in_id, sourceRef=start_id, targetRef=frame_id)
        etree.SubElement(proc, b("sequenceFlow"), id=out_id, sourceRef=frame_id, targetRef=end_id)
        return collab_ext

    def _write_diagrams(self, root: etree._Element, ids: tuple[str, ...]) -> None:
        """The diagrams: the landscape (collaboration plane), then one per process with
        children."""
        arch, tr = self.arch, self.tr
        meta = arch.meta
        collab_id, process_id, participant_id, frame_id, start_id, end_id, in_id, out_id = ids
        landscape = self.levels[None]
        content = _union(
            [*landscape.bounds.values(), *landscape.gateways.values()],
            [p for f in landscape.flows for p in f.points],
        ) or Bounds(0, 0, 320, 160)
        frame_box = Bounds(
            content.x - FRAME_PAD,
            content.y - FRAME_PAD - FRAME_LABEL,
            content.w + 2 * FRAME_PAD,
            content.h + 2 * FRAME_PAD + FRAME_LABEL,
        )
        mid = frame_box.y + frame_box.h / 2
        start_box = Bounds(frame_box.x - 60 - EVENT, mid - EVENT / 2, EVENT, EVENT)
        end_box = Bounds(frame_box.x + frame_box.w + 60, mid - EVENT / 2, EVENT, EVENT)
        pool_box = Bounds(
            start_box.x - 40 - POOL_BAND,
            frame_box.y - 40,
            (end_box.x + EVENT + 40) - (start_box.x - 40 - POOL_BAND),
            frame_box.h + 80,
        )
        plane = self._diagram(root, collab_id, meta.name or tr(N_("Process landscape")))
        self._shape(plane, participant_id, pool_box, isHorizontal="true")
        self._shape(plane, start_id, start_box)
        self._shape(plane, frame_id, frame_box, isExpanded="true")
        self._shape(plane, end_id, end_box)
        self._edge(plane, in_id, ((start_box.x + EVENT, mid), (frame_box.x, mid)))
        self._edge(plane, out_id, ((frame_box.x + frame_box.w, mid), (end_box.x, mid)))
        self._write_level_di(plane, landscape)
        for key, level in self.levels.items():
            if key is not None:
                plane = self._diagram(root, key, arch.processes[key].name)
                self._write_level_di(plane, level)

    def _write_architecture(self, ext: etree._Element) -> None:
        arch, meta = self.arch, self.arch.meta
        info = etree.SubElement(ext, pm("architecture"), version=str(EXTENSION_VERSION))
        _opt(info, "name", meta.name)
        _opt(info, "organisation", meta.organisation)
        info.set("language", meta.language)
        _opt(info, "versionLabel", meta.version_label)
        _opt(info, "author", meta.author)
        for level_key, options in arch.diagrams.items():
            d = etree.SubElement(ext, pm("diagram"), swimlanes=_bool(options.swimlanes))
            _opt(d, "level", level_key)
            if options.lane_order:
                d.set("laneOrder", " ".join(options.lane_order))
        for rule, value in arch.rules.items():
            etree.SubElement(ext, pm("rule"), id=rule, value=value)
        for (rule, elements), text in arch.suppressions.items():
            s = etree.SubElement(ext, pm("suppression"), rule=rule, elements=" ".join(elements))
            s.text = xml_text(text)
        write_strategy(arch, ext)
        for rid in self.cross:
            self._relation_ext(ext, rid, ("auto", ()))
        for level_key, rid, points in self.leftover_waypoints:
            w = etree.SubElement(ext, pm("waypoints"), relation=rid, points=fmt_points(points))
            _opt(w, "level", level_key)
        for level_key, pid, box in self.leftover_shapes:
            s = etree.SubElement(ext, pm("shape"), process=pid)
            _opt(s, "level", level_key)
            s.set("bounds", f"{fmt(box.x)},{fmt(box.y)},{fmt(box.w)},{fmt(box.h)}")

    def _relation_ext(
        self, parent: etree._Element, rid: str, route: tuple[str, tuple[Point, ...]]
    ) -> None:
        rel = self.arch.relations[rid]
        r = etree.SubElement(parent, pm("relation"), id=rid, source=rel.source, target=rel.target)
        r.set("kind", rel.kind)
        _opt(r, "object", rel.object)
        how, points = route
        if how == "auto":
            r.set("route", "auto")
        elif how == "explicit":
            r.set("waypoints", fmt_points(points))

    def _write_container(self, el: etree._Element, key: str | None) -> None:
        level = self.levels[key]
        for pid in level.children:
            self._write_process(el, level, pid)
        for gw in level.gateways:
            g = etree.SubElement(el, b("parallelGateway"), id=gw, gatewayDirection="Diverging")
            for fid in level.incoming.get(gw, ()):
                etree.SubElement(g, b("incoming")).text = fid
            for fid in level.outgoing.get(gw, ()):
                etree.SubElement(g, b("outgoing")).text = fid
        for flow in level.flows:
            if flow.association:
                continue
            f = etree.SubElement(el, b("sequenceFlow"), id=flow.id)
            if flow.name:
                f.set("name", xml_text(flow.name))
            f.set("sourceRef", flow.source)
            f.set("targetRef", flow.target)
            if flow.relations:
                ext = etree.SubElement(f, b("extensionElements"))
                for rid in flow.relations:
                    self._relation_ext(ext, rid, level.routes[rid])
        for flow in level.flows:
            if flow.association:
                a = etree.SubElement(el, b("association"), id=flow.id)
                ext = etree.SubElement(a, b("extensionElements"))
                self._relation_ext(ext, flow.id, level.routes[flow.id])
                a.set("sourceRef", flow.source)
                a.set("targetRef", flow.target)
                a.set("associationDirection", "One")

    def _write_process(self, container: etree._Element, level: Level_t, pid: str) -> None:
        arch, tr = self.arch, self.tr
        proc = arch.processes[pid]
        has_children = bool(arch.children(pid))
        tag = b("adHocSubProcess") if has_children else b("task")
        el = etree.SubElement(container, tag, id=pid, name=xml_text(proc.name))
        if proc.purpose:
            etree.SubElement(el, b("documentation")).text = xml_text(proc.purpose)
        ext = etree.SubElement(etree.SubElement(el, b("extensionElements")), pm("process"))
        ext.set("kind", proc.kind)
        ext.set("status", proc.status)
        _opt(ext, "customer", proc.customer)
        _opt(ext, "need", proc.need)
        _opt(ext, "result", proc.result)
        _opt(ext, "originalId", proc.original_id)
        _opt(ext, "established", proc.established)
        _opt(ext, "nextReview", proc.next_review)
        if pid in level.unplaced:
            ext.set("placed", "false")
        for kid in arch.kpis_of(pid):
            kpi = arch.kpis[kid]
            k = etree.SubElement(ext, pm("kpi"), id=kid, name=xml_text(kpi.name), kind=kpi.kind)
            _opt(k, "measure", kpi.measure)
            k.set("direction", kpi.direction)
            if kpi.target is not None:
                k.set("target", fmt(kpi.target))
            if kpi.actual is not None:
                k.set("actual", fmt(kpi.actual))
            _opt(k, "objective", kpi.objective)
            for m in kpi.series:
                e = etree.SubElement(k, pm("measurement"), period=m.period, value=fmt(m.value))
                _opt(e, "note", xml_text(m.note))
                if m.rebase:
                    e.set("rebase", "true")
        if proc.kind in self.kind_values:
            etree.SubElement(el, b("categoryValueRef")).text = self.kind_values[proc.kind]
        for fid in level.incoming.get(pid, ()):
            etree.SubElement(el, b("incoming")).text = fid
        for fid in level.outgoing.get(pid, ()):
            etree.SubElement(el, b("outgoing")).text = fid
        if proc.objects_in or proc.objects_out:
            io = etree.SubElement(el, b("ioSpecification"))
            ins = [self.fresh(f"{pid}_in{i + 1}") for i in range(len(proc.objects_in))]
            outs = [self.fresh(f"{pid}_out{i + 1}") for i in range(len(proc.objects_out))]
            for did, name in zip(ins, proc.objects_in, strict=True):
                etree.SubElement(io, b("dataInput"), id=did, name=xml_text(name))
            for did, name in zip(outs, proc.objects_out, strict=True):
                etree.SubElement(io, b("dataOutput"), id=did, name=xml_text(name))
            in_set = etree.SubElement(io, b("inputSet"))
            for did in ins:
                etree.SubElement(in_set, b("dataInputRefs")).text = did
            out_set = etree.SubElement(io, b("outputSet"))
            for did in outs:
                etree.SubElement(out_set, b("dataOutputRefs")).text = did
        if proc.owner is not None:
            role = etree.SubElement(el, b("potentialOwner"), name=tr(N_("Process owner")))
            etree.SubElement(role, b("resourceRef")).text = proc.owner
        if proc.leader is not None:
            role = etree.SubElement(el, b("humanPerformer"), name=tr(N_("Process leader")))
            etree.SubElement(role, b("resourceRef")).text = proc.leader
        for uid, letters in arch.participation_of(pid).items():
            label = ", ".join(tr(RACI_LABELS[x]) for x in letters) or tr(N_("Takes part"))
            role = etree.SubElement(el, b("performer"), name=label)
            raci = etree.SubElement(etree.SubElement(role, b("extensionElements")), pm("raci"))
            raci.set("letters", letters)
            etree.SubElement(role, b("resourceRef")).text = uid
            self.participation_written.append((pid, uid))
        if has_children:
            self._write_container(el, pid)

    # ------------------------------------------------------------------ diagram interchange
    def _diagram(self, root: etree._Element, element_id: str, name: str) -> etree._Element:
        diagram = etree.SubElement(root, f"{{{BPMNDI}}}BPMNDiagram")
        diagram.set("id", self.fresh(f"{element_id}_diagram"))
        diagram.set("name", xml_text(name))
        plane = etree.SubElement(diagram, f"{{{BPMNDI}}}BPMNPlane")
        plane.set("id", self.fresh(f"{element_id}_plane"))
        plane.set("bpmnElement", element_id)
        return plane

    def _shape(
        self, plane: etree._Element, element_id: str, box: Bounds, **attrs: str
    ) -> etree._Element:
        shape = etree.SubElement(plane, _SHAPE, id=self.fresh(f"{element_id}_di"))
        shape.set("bpmnElement", element_id)
        for key, value in attrs.items():
            shape.set(key, value)
        etree.SubElement(
            shape, _BOUNDS, x=fmt(box.x), y=fmt(box.y), width=fmt(box.w), height=fmt(box.h)
        )
        return shape

    def _edge(
        self,
        plane: etree._Element,
        element_id: str,
        points: Iterable[Point],
        label: Bounds | None = None,
    ) -> None:
        edge = etree.SubElement(plane, _EDGE, id=self.fresh(f"{element_id}_di"))
        edge.set("bpmnElement", element_id)
        for x, y in points:
            etree.SubElement(edge, _WAYPOINT, x=fmt(x), y=fmt(y))
        if label is not None:
            box = etree.SubElement(etree.SubElement(edge, _LABEL), _BOUNDS)
            for key, value in (("x", label.x), ("y", label.y), ("width", label.w)):
                box.set(key, fmt(value))
            box.set("height", fmt(label.h))

    def _write_level_di(self, plane: etree._Element, level: Level_t) -> None:
        arch = self.arch
        for pid in [*level.placed_order, *level.unplaced]:
            proc = arch.processes[pid]
            attrs = {"isExpanded": "false"} if arch.children(pid) else {}
            fill, stroke = KIND_COLORS.get(proc.kind, KIND_COLORS["core"])
            attrs[_FILL] = fill
            attrs[_STROKE] = stroke
            self._shape(plane, pid, level.bounds[pid], **attrs)
        for gw, box in level.gateways.items():
            self._shape(plane, gw, box)
        for flow in level.flows:
            self._edge(plane, flow.id, flow.points, level.labels.get(flow.id))

    def _write_order(self, ext: etree._Element, root: etree._Element) -> None:
        """Where the importer's natural order (document order) would differ from the
        model's, say so, so that the round trip keeps the order of every collection."""
        arch = self.arch
        natural = {
            "processes": [e.get("id") for e in root.iter(_PROCESS_TAGS) if _has_pm_process(e)],
            "relations": [e.get("id") for e in root.iter(pm("relation"))],
            "kpis": [e.get("id") for e in root.iter(pm("kpi"))],
            "participation": [f"{p}/{u}" for p, u in self.participation_written],
        }
        actual = {
            "processes": list(arch.processes),
            "relations": list(arch.relations),
            "kpis": list(arch.kpis),
            "participation": [f"{p}/{u}" for p, u in arch.participation],
        }
        for name, ids in actual.items():
            if ids != natural[name]:
                etree.SubElement(ext, pm("order"), collection=name).text = " ".join(ids)
        for key, level in self.levels.items():
            stored = list(arch.waypoints.get(key, {}))
            predicted = [
                rid
                for flow in level.flows
                for rid in flow.relations
                if level.routes[rid][0] != "auto"
            ]
            wanted = [r for r in stored if level.routes.get(r, ("auto", ()))[0] != "auto"]
            if predicted != wanted:
                o = etree.SubElement(ext, pm("order"), collection="waypoints")
                _opt(o, "level", key)
                o.text = " ".join(wanted)


_PROCESS_TAGS = (b("task"), b("adHocSubProcess"))


def _has_pm_process(el: etree._Element) -> bool:
    ext = el.find(b("extensionElements"))
    return ext is not None and ext.find(pm("process")) is not None


def _opt(el: etree._Element, name: str, value: str | None) -> None:
    if value:
        el.set(name, xml_text(value))


def write_strategy(arch: Architecture, ext: etree._Element) -> None:
    """Objectives, contributions and improvements as ``pm:objective``,
    ``pm:contribution`` and ``pm:improvement`` of the architecture's extension data, in
    the model's order (descriptions and notes as the elements' text)."""
    for o in arch.objectives.values():
        e = etree.SubElement(ext, pm("objective"), id=o.id, name=xml_text(o.name))
        for attr, value in (
            ("parent", o.parent),
            ("owner", o.owner),
            ("horizon", o.horizon),
            ("originalId", o.original_id),
        ):
            _opt(e, attr, value)
        if o.description:
            e.text = xml_text(o.description)
    for (oid, pid), note in arch.contributions.items():
        e = etree.SubElement(ext, pm("contribution"), objective=oid, process=pid)
        if note:
            e.text = xml_text(note)
    for i in arch.improvements.values():
        e = etree.SubElement(
            ext, pm("improvement"), id=i.id, process=i.process, title=xml_text(i.title)
        )
        e.set("status", i.status)
        for attr, value in (
            ("responsible", i.responsible),
            ("kpi", i.kpi),
            ("started", i.started),
            ("due", i.due),
            ("done", i.done),
            ("originalId", i.original_id),
        ):
            _opt(e, attr, value)
        if i.description:
            e.text = xml_text(i.description)


def _bool(value: bool) -> str:
    return "true" if value else "false"
