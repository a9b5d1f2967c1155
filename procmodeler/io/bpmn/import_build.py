"""The second pass of a BPMN import: the scanned elements built into a model."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from lxml import etree

from procmodeler.common.i18n import N_
from procmodeler.io.bpmn.import_base import (
    _COLLABORATION,
    _PM_CONTRIBUTION,
    _PM_DIAGRAM,
    _PM_IMPROVEMENT,
    _PM_MEASUREMENT,
    _PM_OBJECTIVE,
    _PM_RELATION,
    _PM_RULE,
    _PM_SUPPRESSION,
    _clean,
    _ext,
    _float,
    _reorder,
)
from procmodeler.io.bpmn.import_geometry import _GeometryReader
from procmodeler.io.bpmn.import_strategy import read_strategy
from procmodeler.io.bpmn.names import (
    b,
    parse_points,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    RELATION_KINDS,
    DiagramOptions,
    Kpi,
    Measurement,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
    default_direction,
    is_ncname,
    normalize_letters,
)
from procmodeler.model.records import record_maker
from procmodeler.model.series import SeriesProblem, check_series
from procmodeler.model.validate import find_cycles

# the records as Process(...), Kpi(...) and Relation(...) make them, three times faster
# (a frozen dataclass sets each field through object.__setattr__; see model.records)
_process, _kpi, _relation = record_maker(Process), record_maker(Kpi), record_maker(Relation)


def _holder(data: etree._Element) -> etree._Element | None:
    """The element whose extensionElements hold our extension element *data*."""
    parent = data.getparent()
    return parent.getparent() if parent is not None else None


class _Builder(_GeometryReader):
    """The second pass of a BPMN import: the scanned elements built into a model."""

    # ------------------------------------------------------------------ building
    def _build(self) -> Architecture:
        units, people, unit_of_resource, person_of_resource = self._units_and_people()
        participation: dict[tuple[str, str], str] = {}
        self._apply_roles(unit_of_resource, person_of_resource, participation)
        processes = self._processes()
        self._apply_lanes(processes, units, participation)
        kpis = self._kpis(processes)
        kpi_objectives = {
            kid: objective
            for kid, data in self.kpi_data.items()
            if (objective := data.get("objective"))
        }
        relations, routes = self._relations(processes)
        meta = self._metadata()
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
        # the whole model at once (one put per element, with its change record, took a
        # fifth of importing 10,000 processes)
        arch = Architecture.from_collections(
            meta,
            {
                "units": units,
                "people": people,
                "processes": processes,
                "relations": relations,
                "kpis": kpis,
                "participation": participation,
            },
        )
        if self.ours:
            strategy = self._architecture_ext(_PM_OBJECTIVE, _PM_CONTRIBUTION, _PM_IMPROVEMENT)
            read_strategy(self, arch, strategy, kpi_objectives)
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
            name = self.name_of(self.root.get("name"))
            if not name:
                for collab in self.root.iter(b("collaboration")):
                    name = self.name_of(collab.get("name"))
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
            name = self.name_of(p.name) or pid
            out[pid] = _process(pid, name, parent=p.parent, **p.fields)
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
            name = self.name_of(res.get("name")) or rid
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
        # a cycle in unit parents (hand-edited file) is broken where the walk enters it
        for cycle in find_cycles({uid: unit.parent for uid, unit in units.items()}):
            units[cycle[0]] = replace(units[cycle[0]], parent=None)
            self.warn(
                N_("the units above '{name}' form a cycle; it was moved to the top"),
                name=units[cycle[0]].name,
            )
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
            name = self.name_of(lane.get("name")) or lane_id or "?"
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
        # each KPI's attributes, read at once (a lookup each took twice as long)
        self.kpi_data: dict[str, dict[str, str]] = {}
        for pid, p in self.procs.items():
            for element in p.kpis:
                data = dict(element.items())
                kid, _ = self.model_id(data.get("id"), "kpi_")
                self.kpi_data[kid] = data
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
                name = self.name_of(data.get("name")) or kid
                kpis[kid] = _kpi(
                    kid,
                    pid,
                    name,
                    kind,
                    data.get("measure", ""),
                    direction,
                    _float(data.get("target")),
                    _float(data.get("actual")),
                )
                series = self._series(element, name)
                if series:
                    kpis[kid] = replace(kpis[kid], series=series, actual=series[-1].value)
        return kpis

    def _series(self, data: Any, name: str) -> tuple[Measurement, ...]:
        """The measurements of a ``pm:kpi`` (left out, with a warning, when broken)."""
        if not len(data):  # most have none: counting is cheaper than looking for them
            return ()
        items = []
        for e in data.iterchildren(_PM_MEASUREMENT):
            value = _float(e.get("value"))
            period = e.get("period", "")
            items.append(Measurement(period, value if value is not None else math.nan,
                                     _clean(e.get("note")), e.get("rebase") == "true"))  # fmt: skip
        if not items:
            return ()
        try:
            return tuple(check_series(items))
        except SeriesProblem as problem:
            self.warn(
                N_("the measurements of KPI '{name}' were left out: bad period or value {period}"),
                name=name,
                period=problem.period,
            )
            return ()

    # ------------------------------------------------------------------ relations
    def _relations(
        self, processes: dict[str, Process]
    ) -> tuple[dict[str, Relation], dict[str, tuple[str, str | None, object]]]:
        """Relations, and for each the way to its waypoints: ("di", edge element id,
        None), ("explicit", None, points) or ("none", None, None)."""
        relations: dict[str, Relation] = {}
        routes: dict[str, tuple[str, str | None, object]] = {}
        for data in self.root.iter(_PM_RELATION):
            rid, _ = self.model_id(data.get("id"), "rel_")
            source, target = data.get("source", ""), data.get("target", "")
            kind = data.get("kind", "flow")
            if source == target and source in processes:
                self.warn(
                    N_(
                        "relation '{id}' joins process '{name}' to itself, which a process "
                        "cannot relate to; it was left out"
                    ),
                    id=rid,
                    name=processes[source].name,
                )
                continue
            if source not in processes or target not in processes:
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
            relations[rid] = _relation(rid, source, target, kind, data.get("object", ""))
            waypoints = data.get("waypoints")
            if waypoints:
                holder = _holder(data)
                try:
                    points = parse_points(waypoints)
                    routes[rid] = (
                        "explicit",
                        holder.get("id") if holder is not None else None,
                        points,
                    )
                except ValueError:
                    routes[rid] = ("none", None, None)
            elif data.get("route") == "auto":  # the element that holds it is not needed
                routes[rid] = ("none", None, None)
            else:
                holder = _holder(data)
                if holder is None or holder.tag == _COLLABORATION:
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
        # A mesh of gateways joins every activity to every other: n squared relations
        # from a file of n. Bridged relations are kept up to a bound linear in the flows.
        budget, dropped = 4 * len(self.flows) + 100, 0
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
                    if not direct:
                        budget -= 1
                        if budget < 0:
                            dropped += 1
                            continue
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
        if dropped:
            self.warn(
                N_(
                    "the flows through gateways and events join {pairs} more pairs of processes "
                    "than a file of this size can mean; those were left out"
                ),
                pairs=dropped,
            )

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
        for ext in self._architecture_ext(_PM_RULE, _PM_SUPPRESSION, _PM_DIAGRAM):
            if (
                ext.tag == _PM_RULE
                and ext.get("id")
                and ext.get("value") in ("off", "error", "warning", "info")
            ):
                rules[ext.get("id", "")] = ext.get("value", "")
            elif ext.tag == _PM_SUPPRESSION and ext.get("rule"):
                elements = tuple((ext.get("elements") or "").split())
                suppressions[(ext.get("rule", ""), elements)] = ext.text or ""
            elif ext.tag == _PM_DIAGRAM:
                level = ext.get("level") or None
                if level is not None and level not in processes:
                    continue
                order = tuple(u for u in (ext.get("laneOrder") or "").split() if u in units)
                diagrams[level] = DiagramOptions(ext.get("swimlanes") == "true", order)
        return rules, suppressions, diagrams
