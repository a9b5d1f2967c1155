"""The first pass of a BPMN import: the participants, processes, activities, lanes
and flows of the XML."""

from __future__ import annotations

from lxml import etree

from procmodeler.common.i18n import N_
from procmodeler.io.bpmn.import_base import (
    _ACTIVITIES,
    _AD_HOC,
    _ASSOCIATION,
    _BOUNDARY_EVENT,
    _CALL_ACTIVITY,
    _CATEGORY,
    _CATEGORY_VALUE_REF,
    _COLLABORATION,
    _CONTAINERS,
    _DIAGRAM,
    _DOCUMENTATION,
    _EVENTS,
    _EXTENSION,
    _GATEWAYS,
    _IO,
    _LANE_SET,
    _MESSAGE_FLOW,
    _OWN_PARTS,
    _PARALLEL_GATEWAY,
    _PARTICIPANT,
    _PM_KPI,
    _PM_PROCESS,
    _PM_RACI,
    _PROCESS,
    _RESOURCE,
    _RESOURCE_REF,
    _ROLE_NAMES,
    _ROLES,
    _SEQUENCE_FLOW,
    _child,
    _ext,
    _ImportState,
    _local,
    _Proc,
)
from procmodeler.io.bpmn.import_strategy import process_strategy
from procmodeler.io.bpmn.names import (
    BPMN,
    PM,
    b,
)
from procmodeler.model.elements import (
    PROCESS_KINDS,
    PROCESS_STATUSES,
)


class _Scanner(_ImportState):
    """The first pass of one import (see the module)."""

    # ------------------------------------------------------------------ structure
    def _structure(self) -> None:
        root = self.root
        # the top-level elements with their tags, read once (a large file has thousands:
        # a diagram per level)
        top = [(el, el.tag) for el in root]
        processes = [el for el, tag in top if tag == _PROCESS]
        self.single_process = len(processes) == 1
        called: dict[str, list[etree._Element]] = {}
        for call in root.iter(b("callActivity")):
            ref = (call.get("calledElement") or "").split(":")[-1]
            if ref:
                called.setdefault(ref, []).append(call)
        participant_of: dict[str, etree._Element] = {}
        # one walk of the whole tree for them (a walk of a 16.9 MB file's tree takes
        # 20 ms, most of it waiting for memory)
        collaborations = list(root.iter(_COLLABORATION))
        for collab in collaborations:
            for part in collab.iterchildren(_PARTICIPANT):
                ref = (part.get("processRef") or "").split(":")[-1]
                if ref and ref not in participant_of:
                    participant_of[ref] = part
        self.called = called
        for collab in collaborations:
            for child in collab:
                if child.tag == _PARTICIPANT:
                    self._participant(child)
                elif child.tag == _MESSAGE_FLOW:
                    self.flows.append(child)
                elif child.tag in (_EXTENSION, _DOCUMENTATION):
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
        for el, tag in top:
            if tag in (_PROCESS, _COLLABORATION, _DIAGRAM):
                continue
            if tag == _RESOURCE:
                self.resources.append(el)
            elif tag in (_EXTENSION, _DOCUMENTATION) or (
                tag == _CATEGORY and (self.ours or el.get("id") == "pm_kinds")
            ):
                continue
            elif isinstance(tag, str):
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
            if child.tag == _AD_HOC:
                frame = child
        signature = sorted([b("startEvent"), _AD_HOC, b("endEvent")] + [_SEQUENCE_FLOW] * 2)
        if frame is not None and sorted(tags) == signature:
            self.landscape_frames.add(frame.get("id", ""))
            return frame
        return None

    def _generated_root(self, proc_el: etree._Element) -> None:
        """Our own export's pool: its events and flows are generated; the frame holds
        the landscape."""
        for child in proc_el:
            tag = child.tag
            if tag in _ACTIVITIES and (
                _ext(child, "landscape") is not None or child.get("id", "") in self.landscape_frames
            ):
                self.generated.add(child.get("id", ""))
                self._container(child, None)
            elif tag in _EVENTS or tag == _SEQUENCE_FLOW:
                self.generated.add(child.get("id", ""))
            elif tag == _LANE_SET:
                self._lane_set(child, None, None)
            elif tag not in _OWN_PARTS and isinstance(tag, str):
                self._flow_element(child, None, tag)

    def _top_process(self, part: etree._Element | None, proc_el: etree._Element | None) -> None:
        main = part if part is not None else proc_el
        assert main is not None
        name = self.name_of(main.get("name"))
        if not name and part is not None and proc_el is not None:
            name = self.name_of(proc_el.get("name"))
        if not name and self.single_process:
            name = self.name_of(self.root.get("name"))
        elements = [e.get("id", "") for e in (part, proc_el) if e is not None and e.get("id")]
        pid, _ = self._add_process(main, main.get("id"), None, name, elements)
        if proc_el is not None:
            self.expanded.add(proc_el.get("id", ""))
            flow = self._describe(self.procs[pid], proc_el, from_process=part is not None)
            self._container(proc_el, pid, flow)

    def _add_process(
        self,
        el: etree._Element,
        ident: str | None,
        parent: str | None,
        name: str,
        elements: list[str],
    ) -> tuple[str, list[tuple[etree._Element, str]]]:
        """The new process of *el* (its id *ident*) and the children of *el* that are not
        its own parts (see _describe)."""
        pid, original = self.model_id(ident, "process_")
        proc = _Proc(pid, name or ident or pid, parent, elements)
        if original is not None:
            proc.fields["original_id"] = original
        self.procs[pid] = proc
        for element in elements:
            self.node_proc[element] = pid
        return pid, self._describe(proc, el)

    def _describe(
        self, proc: _Proc, el: etree._Element, from_process: bool = False
    ) -> list[tuple[etree._Element, str]]:
        """Read documentation, our extension data, objects and resource roles; returns
        the other children that are not parts of *el* itself (its flow elements and lane
        sets) with their tags, in order, for _container (one pass over the children)."""
        docs: list[str] = []
        flow: list[tuple[etree._Element, str]] = []
        for child in el:
            tag = child.tag
            if tag == _DOCUMENTATION:
                docs.append(child.text or "")
            elif tag == _EXTENSION:
                data = _child(child, _PM_PROCESS)
                if data is not None:
                    self._process_data(proc, data)
            elif tag == _IO:
                self._objects(proc, child)
            elif tag in _ROLES:
                self._role(proc, child, tag)
            elif isinstance(tag, str) and tag not in _OWN_PARTS:
                flow.append((child, tag))
        if "kind" not in proc.fields:
            self._kind_from_category(proc, el)
        if docs and "purpose" not in proc.fields:
            proc.fields["purpose"] = (
                docs[0] if self.ours else "\n".join(t.strip() for t in docs if t.strip())
            )
        return flow

    def _objects(self, proc: _Proc, io: etree._Element) -> None:
        ins = [d.get("name") for d in io.iterchildren(b("dataInput"))]
        outs = [d.get("name") for d in io.iterchildren(b("dataOutput"))]
        if any(ins):
            proc.fields["objects_in"] = tuple(self.name_of(n) for n in ins if n)
        if any(outs):
            proc.fields["objects_out"] = tuple(self.name_of(n) for n in outs if n)

    def _role(self, proc: _Proc, role: etree._Element, role_tag: str) -> None:
        # its resourceRef and our RACI letters (in extensionElements, after any
        # documentation: see _ext) in one pass over its children
        ref = ""
        raci = None
        extension_possible = True
        for child in role:
            tag = child.tag
            if extension_possible and tag != _DOCUMENTATION:
                extension_possible = False
                if tag == _EXTENSION:
                    raci = _child(child, _PM_RACI)
            if tag == _RESOURCE_REF:
                ref = (child.text or "").strip().split(":")[-1]
                break
        if not ref:
            self.warn(
                N_("a {role} of '{name}' names no resource and was left out"),
                role=_local(role),
                name=proc.name,
            )
            return
        letters = None if raci is None else raci.get("letters")
        proc.roles.append((_ROLE_NAMES[role_tag], ref, letters))

    def _kind_from_category(self, proc: _Proc, el: etree._Element) -> None:
        """Without our extension data, the kind of our export's category value."""
        for ref in el.iterchildren(_CATEGORY_VALUE_REF):
            value = (ref.text or "").strip().split(":")[-1]
            if value.startswith("pm_kind_") and value[8:] in PROCESS_KINDS:
                proc.fields["kind"] = value[8:]
                return

    def _process_data(self, proc: _Proc, data: etree._Element) -> None:
        # its attributes read at once (a dozen lookups, each a round trip into lxml, took
        # more than twice as long)
        attrs = dict(data.items())
        fields = proc.fields
        kind = attrs.get("kind", "core")
        if kind not in PROCESS_KINDS:
            self.warn(
                N_("'{name}' has an unknown kind '{kind}'; core was used"),
                name=proc.name,
                kind=kind,
            )
            kind = "core"
        status = attrs.get("status", "draft")
        if status not in PROCESS_STATUSES:
            self.warn(
                N_("'{name}' has an unknown status '{status}'; draft was used"),
                name=proc.name,
                status=status,
            )
            status = "draft"
        fields["kind"] = kind
        fields["status"] = status
        for key in ("customer", "need", "result"):
            value = attrs.get(key)
            if value:
                fields[key] = value
        original = attrs.get("originalId")
        if original:
            fields["original_id"] = original
        fields.update(process_strategy(self, proc.name, attrs))
        if attrs.get("placed") == "false":
            proc.placed = False
        if len(data):  # most have no KPI: looking for none costs more than counting
            proc.kpis.extend(data.iterchildren(_PM_KPI))

    def _container(
        self,
        el: etree._Element,
        pid: str | None,
        flow: list[tuple[etree._Element, str]] | None = None,
    ) -> None:
        """Read the flow elements of a process or sub-process whose children belong to
        process *pid* (None: the landscape); *flow*: those children as _describe found
        them, else they are looked for here."""
        if flow is None:
            flow = [
                (child, tag)
                for child in el
                if isinstance(tag := child.tag, str) and tag not in _OWN_PARTS
            ]
        for child, tag in flow:
            if tag == _LANE_SET:
                self._lane_set(child, pid, None)
                continue
            self._flow_element(child, pid, tag)

    def _flow_element(self, child: etree._Element, pid: str | None, tag: str) -> None:
        """Read one flow element *child* (its Clark name *tag*) of process *pid*."""
        if tag in _ACTIVITIES:
            if tag in _CONTAINERS and _ext(child, "landscape") is not None:
                self.generated.add(child.get("id", ""))
                self._container(child, None)
                return
            ident = child.get("id", "")
            cid, flow = self._add_process(
                child, ident, pid, self.name_of(child.get("name")), [ident] if ident else []
            )
            if tag in _CONTAINERS:
                self._container(child, cid, flow)
            elif tag == _CALL_ACTIVITY:
                self._call(child, cid)
        elif tag in _EVENTS or tag in _GATEWAYS:
            if tag == _BOUNDARY_EVENT:
                attached = (child.get("attachedToRef") or "").split(":")[-1]
                if attached:
                    self.boundary_of[child.get("id", "")] = attached
            if not (self.ours and self._is_generated_node(child)):
                self.bridged_nodes += 1
        elif tag == _SEQUENCE_FLOW:
            self.flows.append(child)
        elif tag == _ASSOCIATION and _ext(child, "relation") is not None:
            return
        else:
            self.skip(child)

    def _is_generated_node(self, el: etree._Element) -> bool:
        """A split gateway of our own export: all its outgoing flows carry relations."""
        if el.tag != _PARALLEL_GATEWAY:
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
        flow = self._describe(self.procs[cid], target)
        self._container(target, cid, flow)

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
