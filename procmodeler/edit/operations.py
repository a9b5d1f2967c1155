"""Intention-named operations: every edit a user can make, each one undo entry.

Each function checks the rules (raising :class:`EditRefused` with a reason a user can
read), opens one transaction with a readable label ("Move 3 processes") and writes the
change records. The canvas, panels, importers and command line call these; nothing else
writes to a model that has an editor.

Deleting a unit or a person that is still referred to is refused with the list of what
refers to it, unless ``force=True``: then the references are cleared (owner, leader,
head, person's unit, participation rows, sub-units move up to the parent) in the same
undoable step. The app asks the user before it passes ``force=True``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from procmodeler.common.errors import EditRefused
from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.placement import free_spot
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RELATION_KINDS,
    SEVERITIES,
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

#: Id prefixes for new elements (NCName-safe, deterministic numbering).
PROCESS_PREFIX = "proc_"
UNIT_PREFIX = "unit_"
PERSON_PREFIX = "person_"
RELATION_PREFIX = "rel_"
KPI_PREFIX = "kpi_"

DEFAULT_SIZE = (160.0, 70.0)

PROCESS_TEXT_FIELDS = ("name", "purpose", "customer", "need", "result")
RULE_VALUES = ("off", *SEVERITIES)


# ---------------------------------------------------------------------- helpers
T = TypeVar("T")


def _refuse(msgid: str, **args: Any) -> EditRefused:
    return EditRefused(Message(msgid, **args))


def _existing(found: T | None, msgid: str, element_id: str) -> T:
    """*found*, or a refusal saying that *element_id* does not exist."""
    if found is None:
        raise _refuse(msgid, id=element_id)
    return found


def _process(arch: Architecture, pid: str) -> Process:
    return _existing(arch.processes.get(pid), N_("There is no process '{id}'."), pid)


def _unit(arch: Architecture, uid: str) -> Unit:
    return _existing(arch.units.get(uid), N_("There is no unit '{id}'."), uid)


def _person(arch: Architecture, person_id: str) -> Person:
    return _existing(arch.people.get(person_id), N_("There is no person '{id}'."), person_id)


def _relation(arch: Architecture, rid: str) -> Relation:
    return _existing(arch.relations.get(rid), N_("There is no relation '{id}'."), rid)


def _level(arch: Architecture, level: str | None) -> None:
    """A diagram level is the landscape (None) or an existing process."""
    if level is not None and level not in arch.processes:
        raise _refuse(N_("There is no diagram of '{id}'."), id=level)


def _clean_name(name: str) -> str:
    name = nfc(" ".join(name.split()))
    if not name:
        raise _refuse(N_("A name cannot be empty."))
    return name


# One message per vocabulary, so that a translation never has an English word inside.
_NOT_A_VALID = {
    "language": N_("'{value}' is not a valid language; use one of: {allowed}."),
    "process kind": N_("'{value}' is not a valid process kind; use one of: {allowed}."),
    "status": N_("'{value}' is not a valid status; use one of: {allowed}."),
    "relation kind": N_("'{value}' is not a valid relation kind; use one of: {allowed}."),
    "KPI kind": N_("'{value}' is not a valid KPI kind; use one of: {allowed}."),
    "direction": N_("'{value}' is not a valid direction; use one of: {allowed}."),
    "rule setting": N_("'{value}' is not a valid rule setting; use one of: {allowed}."),
}


def _check_choice(value: str, allowed: Sequence[str], what: str) -> None:
    if value not in allowed:
        raise _refuse(_NOT_A_VALID[what], value=value, allowed=", ".join(allowed))


def _finite(*values: float) -> None:
    """Refuse NaN and infinities: a model file cannot hold them."""
    if not all(math.isfinite(v) for v in values):
        raise _refuse(N_("Positions and sizes must be finite numbers."))


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _refuse(N_("'{value}' is not a number."), value=value) from None
    if not math.isfinite(number):
        raise _refuse(N_("'{value}' is not a number."), value=value)
    return number


def _new_id(arch: Architecture, prefix: str, wanted: str | None) -> str:
    if wanted is not None:
        if not is_ncname(wanted):
            raise _refuse(N_("'{id}' is not a valid identifier."), id=wanted)
        if wanted in arch.all_ids():
            raise _refuse(N_("The identifier '{id}' is already in use."), id=wanted)
        return wanted
    return arch.next_id(prefix)


def _names(arch: Architecture, pids: Sequence[str]) -> str:
    return ", ".join(f"'{arch.processes[p].name}'" for p in pids if p in arch.processes)


# ---------------------------------------------------------------------- metadata
def set_metadata(ed: Editor, **fields: str) -> None:
    """Change the architecture's name, organisation, language, version label or author."""
    meta = ed.arch.meta
    for key, value in fields.items():
        if key not in Metadata.__dataclass_fields__:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
        if key == "language":
            _check_choice(value, ("en", "sv"), "language")
    new = replace(meta, **{k: nfc(v.strip()) for k, v in fields.items()})
    with ed.transaction(Message(N_("Edit architecture properties"))):
        ed.put("meta", "meta", new)


# ---------------------------------------------------------------------- processes
def create_process(
    ed: Editor,
    name: str,
    kind: str = "core",
    parent: str | None = None,
    bounds: Bounds | None = None,
    pid: str | None = None,
    place: bool = True,
    **fields: Any,
) -> str:
    """Create a process under *parent* (None: top level) and, with *place*, show it on
    the parent's diagram at *bounds* (or a free position). Returns the new id."""
    arch = ed.arch
    name = _clean_name(name)
    _check_choice(kind, PROCESS_KINDS, "process kind")
    if parent is not None:
        _process(arch, parent)
    new_id = _new_id(arch, PROCESS_PREFIX, pid)
    proc = Process(new_id, name, kind, parent)
    if fields:
        proc = _with_process_fields(arch, proc, fields)
    with ed.transaction(Message(N_("Create process '{name}'"), name=name)):
        ed.put("processes", new_id, proc)
        if place:
            ed.put(
                "shapes", (parent, new_id), bounds or free_spot(arch, parent, kind, DEFAULT_SIZE)
            )
    return new_id


def _with_process_fields(arch: Architecture, proc: Process, fields: Mapping[str, Any]) -> Process:
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key in PROCESS_TEXT_FIELDS:
            clean[key] = _clean_name(value) if key == "name" else nfc(str(value).strip())
        elif key in ("objects_in", "objects_out"):
            clean[key] = tuple(nfc(str(v).strip()) for v in value if str(v).strip())
        elif key == "kind":
            _check_choice(value, PROCESS_KINDS, "process kind")
            clean[key] = value
        elif key == "status":
            _check_choice(value, PROCESS_STATUSES, "status")
            clean[key] = value
        elif key in ("owner", "leader"):
            if value is not None:
                _person(arch, value)
            clean[key] = value
        elif key == "original_id":
            clean[key] = value
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    return replace(proc, **clean)


def set_process_fields(ed: Editor, pid: str, **fields: Any) -> None:
    """Change text fields, objects, kind, status, owner or leader of one process."""
    arch = ed.arch
    proc = _process(arch, pid)
    new = _with_process_fields(arch, proc, fields)
    if new == proc:
        return
    if list(fields) == ["name"]:
        label = Message(N_("Rename '{old}' to '{new}'"), old=proc.name, new=new.name)
    elif list(fields) == ["kind"]:
        label = Message(N_("Change kind of '{name}'"), name=proc.name)
    else:
        label = Message(N_("Edit '{name}'"), name=proc.name)
    with ed.transaction(label):
        ed.put("processes", pid, new)
        landscape = arch.shapes.get(None, {})
        if new.kind != proc.kind and new.parent is None and pid in landscape:
            # a process's band follows its kind: move the shape into the new band
            b = landscape[pid]
            spot = free_spot(arch, None, new.kind, (b.w, b.h), frozenset({pid}))
            _move_shape_with_bends(ed, None, pid, spot)


def _move_shape_with_bends(ed: Editor, level: str | None, pid: str, bounds: Bounds) -> None:
    """Put a shape at *bounds*; bend points of its relations on that level are dropped
    (they were drawn for the old place)."""
    arch = ed.arch
    for rid in list(arch.waypoints.get(level, {})):
        rel = arch.relations.get(rid)
        if rel is not None and pid in (rel.source, rel.target):
            ed.put("waypoints", (level, rid), None)
    ed.put("shapes", (level, pid), bounds)


def rename_process(ed: Editor, pid: str, name: str) -> None:
    set_process_fields(ed, pid, name=name)


def set_process_kind(ed: Editor, pid: str, kind: str) -> None:
    set_process_fields(ed, pid, kind=kind)


def set_owner(ed: Editor, pid: str, person_id: str | None) -> None:
    """Make a person the process owner (None clears it)."""
    _set_process_person(ed, pid, "owner", person_id, N_("Set owner of '{name}'"))


def set_leader(ed: Editor, pid: str, person_id: str | None) -> None:
    """Make a person the process leader (None clears it)."""
    _set_process_person(ed, pid, "leader", person_id, N_("Set leader of '{name}'"))


def _set_process_person(
    ed: Editor, pid: str, field: str, person_id: str | None, label: str
) -> None:
    proc = _process(ed.arch, pid)
    if person_id is not None:
        _person(ed.arch, person_id)
    with ed.transaction(Message(label, name=proc.name)):
        new = (
            replace(proc, owner=person_id) if field == "owner" else replace(proc, leader=person_id)
        )
        ed.put("processes", pid, new)


def delete_processes(ed: Editor, pids: Iterable[str]) -> None:
    """Delete processes with their descendants, shapes, diagrams, relations, KPIs,
    participation rows and suppressions that name them: one undo entry."""
    arch = ed.arch
    roots = [p for p in dict.fromkeys(pids) if p in arch.processes]
    if not roots:
        return
    doomed: list[str] = []
    seen: set[str] = set()
    for root in roots:
        for pid in [root, *arch.descendants(root)]:
            if pid not in seen:
                seen.add(pid)
                doomed.append(pid)
    top = [p for p in roots if not (set(arch.ancestors(p)) & set(roots))]
    label = (
        Message(N_("Delete '{name}'"), name=arch.processes[top[0]].name)
        if len(top) == 1
        else Message(N_("Delete {n} process"), N_("Delete {n} processes"), len(top))
    )
    with ed.transaction(label):
        rids = {r for p in doomed for r in arch.relations_of(p)}
        _remove_relations(ed, [r for r in arch.relations if r in rids])
        for kid in [k for p in doomed for k in arch.kpis_of(p)]:
            ed.put("kpis", kid, None)
        for key in [k for k in arch.participation if k[0] in seen]:
            ed.put("participation", key, None)
        for skey in [k for k in arch.suppressions if seen & set(k[1])]:
            ed.put("suppressions", skey, None)
        for level in list(arch.shapes):
            for pid in [p for p in arch.shapes.get(level, {}) if p in seen]:
                ed.put("shapes", (level, pid), None)
        for level in [lv for lv in arch.waypoints if lv in seen]:
            for rid in list(arch.waypoints.get(level, {})):
                ed.put("waypoints", (level, rid), None)
        for pid in doomed:
            if pid in arch.diagrams:
                ed.put("diagrams", pid, None)
        for pid in reversed(doomed):
            ed.put("processes", pid, None)


def reparent_process(
    ed: Editor, pid: str, new_parent: str | None, bounds: Bounds | None = None
) -> None:
    """Move a process (with its descendants) under another parent, i.e. to another
    level. Its shape moves from the old parent's diagram to the new one's."""
    arch = ed.arch
    proc = _process(arch, pid)
    if new_parent == proc.parent:
        return
    if new_parent is not None:
        parent = _process(arch, new_parent)
        if new_parent == pid or pid in arch.ancestors(new_parent):
            raise _refuse(
                N_("'{name}' cannot be moved under '{parent}', which is part of it."),
                name=proc.name,
                parent=parent.name,
            )
    old_level = proc.parent
    with ed.transaction(Message(N_("Move '{name}' to another level"), name=proc.name)):
        had_shape = arch.shapes.get(old_level, {}).get(pid)
        if had_shape is not None:
            for rid in list(arch.waypoints.get(old_level, {})):
                rel = arch.relations.get(rid)
                if rel is not None and pid in (rel.source, rel.target):
                    ed.put("waypoints", (old_level, rid), None)
            ed.put("shapes", (old_level, pid), None)
        ed.put("processes", pid, replace(proc, parent=new_parent))
        if had_shape is not None or bounds is not None:
            size = (had_shape.w, had_shape.h) if had_shape else DEFAULT_SIZE
            ed.put(
                "shapes",
                (new_parent, pid),
                bounds or free_spot(arch, new_parent, proc.kind, size, frozenset({pid})),
            )


# ---------------------------------------------------------------------- geometry
def move_shapes(ed: Editor, level: str | None, pids: Iterable[str], dx: float, dy: float) -> None:
    """Move shapes on one diagram by (dx, dy), with the bend points of relations whose
    both ends move: one undo entry ("Move 3 processes")."""
    arch = ed.arch
    shapes = arch.shapes.get(level, {})
    moving = [p for p in dict.fromkeys(pids) if p in shapes]
    _finite(dx, dy)
    if not moving or (dx == 0 and dy == 0):
        return
    label = (
        Message(N_("Move '{name}'"), name=arch.processes[moving[0]].name)
        if len(moving) == 1
        else Message(N_("Move {n} process"), N_("Move {n} processes"), len(moving))
    )
    moved = set(moving)
    with ed.transaction(label):
        for pid in moving:
            ed.put("shapes", (level, pid), shapes[pid].moved(dx, dy))
        for rid, points in list(arch.waypoints.get(level, {}).items()):
            rel = arch.relations.get(rid)
            if rel is not None and rel.source in moved and rel.target in moved:
                ed.put("waypoints", (level, rid), tuple((x + dx, y + dy) for x, y in points))


def set_shape_bounds(ed: Editor, level: str | None, bounds: Mapping[str, Bounds]) -> None:
    """Place or resize shapes on one diagram (a process must belong to that level)."""
    arch = ed.arch
    for pid, b in bounds.items():
        proc = _process(arch, pid)
        if proc.parent != level:
            raise _refuse(N_("'{name}' does not belong on this diagram."), name=proc.name)
        _finite(b.x, b.y, b.w, b.h)
        if b.w <= 0 or b.h <= 0:
            raise _refuse(N_("A shape must have a positive width and height."))
    if not bounds:
        return
    first = arch.processes[next(iter(bounds))].name
    label = (
        Message(N_("Resize '{name}'"), name=first)
        if len(bounds) == 1 and next(iter(bounds)) in arch.shapes.get(level, {})
        else Message(N_("Place {n} process"), N_("Place {n} processes"), len(bounds))
    )
    with ed.transaction(label):
        for pid, b in bounds.items():
            ed.put("shapes", (level, pid), b)


def remove_shapes(ed: Editor, level: str | None, pids: Iterable[str]) -> None:
    """Take shapes off a diagram without deleting the processes."""
    arch = ed.arch
    gone = [p for p in pids if p in arch.shapes.get(level, {})]
    if not gone:
        return
    with ed.transaction(Message(N_("Remove {n} shape"), N_("Remove {n} shapes"), len(gone))):
        for rid, _ in list(arch.waypoints.get(level, {}).items()):
            rel = arch.relations.get(rid)
            if rel is not None and (rel.source in gone or rel.target in gone):
                ed.put("waypoints", (level, rid), None)
        for pid in gone:
            ed.put("shapes", (level, pid), None)


def set_waypoints(ed: Editor, level: str | None, rid: str, points: Sequence[Point]) -> None:
    """Set the bend points of a relation's line on one diagram (empty: straight)."""
    _relation(ed.arch, rid)
    _level(ed.arch, level)
    value = tuple((float(x), float(y)) for x, y in points) or None
    _finite(*(c for point in value or () for c in point))
    with ed.transaction(Message(N_("Edit bend points"))):
        ed.put("waypoints", (level, rid), value)


def set_diagram_options(
    ed: Editor, level: str | None, swimlanes: bool, lane_order: Sequence[str] = ()
) -> None:
    """Show or hide swimlanes per participating unit on a diagram."""
    _level(ed.arch, level)
    for uid in lane_order:
        _unit(ed.arch, uid)
    options = DiagramOptions(swimlanes, tuple(lane_order))
    with ed.transaction(Message(N_("Change diagram options"))):
        ed.put("diagrams", level, None if options == DiagramOptions() else options)


# ---------------------------------------------------------------------- relations
def connect(
    ed: Editor,
    source: str,
    target: str,
    kind: str = "flow",
    object: str = "",
    rid: str | None = None,
    waypoints: Mapping[str | None, Sequence[Point]] | None = None,
) -> str:
    """Create a relation from *source* to *target*; returns its id."""
    arch = ed.arch
    src = _process(arch, source)
    tgt = _process(arch, target)
    _check_choice(kind, RELATION_KINDS, "relation kind")
    if source == target:
        raise _refuse(N_("A process cannot be related to itself."))
    for level, points in (waypoints or {}).items():
        _level(arch, level)
        _finite(*(float(c) for point in points for c in point))
    new_id = _new_id(arch, RELATION_PREFIX, rid)
    with ed.transaction(Message(N_("Connect '{a}' to '{b}'"), a=src.name, b=tgt.name)):
        ed.put("relations", new_id, Relation(new_id, source, target, kind, nfc(object.strip())))
        for level, points in (waypoints or {}).items():
            if points:
                ed.put("waypoints", (level, new_id), tuple((float(x), float(y)) for x, y in points))
    return new_id


def _remove_relations(ed: Editor, rids: Sequence[str]) -> None:
    arch = ed.arch
    for level in list(arch.waypoints):
        for rid in [r for r in arch.waypoints.get(level, {}) if r in rids]:
            ed.put("waypoints", (level, rid), None)
    for key in [k for k in arch.suppressions if set(rids) & set(k[1])]:
        ed.put("suppressions", key, None)
    for rid in rids:
        ed.put("relations", rid, None)


def disconnect(ed: Editor, rids: Iterable[str]) -> None:
    """Delete relations (with their bend points)."""
    gone = [r for r in dict.fromkeys(rids) if r in ed.arch.relations]
    if not gone:
        return
    with ed.transaction(Message(N_("Delete {n} relation"), N_("Delete {n} relations"), len(gone))):
        _remove_relations(ed, gone)


def set_relation(ed: Editor, rid: str, **fields: str) -> None:
    """Change a relation's kind, object name, source or target."""
    arch = ed.arch
    rel = _relation(arch, rid)
    clean: dict[str, str] = {}
    for key, value in fields.items():
        if key == "kind":
            _check_choice(value, RELATION_KINDS, "relation kind")
            clean[key] = value
        elif key == "object":
            clean[key] = nfc(value.strip())
        elif key in ("source", "target"):
            _process(arch, value)
            clean[key] = value
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    new = replace(rel, **clean)
    if new.source == new.target:
        raise _refuse(N_("A process cannot be related to itself."))
    if new == rel:
        return
    with ed.transaction(Message(N_("Edit relation"))):
        if (new.source, new.target) != (rel.source, rel.target):
            for level in list(arch.waypoints):
                if rid in arch.waypoints.get(level, {}):
                    ed.put("waypoints", (level, rid), None)
        ed.put("relations", rid, new)


# ---------------------------------------------------------------------- participation
def set_participation(ed: Editor, pid: str, uid: str, letters: str | None) -> None:
    """Set the RACI letters of a unit in a process ("" takes part, letters undecided;
    None removes the unit from the process)."""
    proc = _process(ed.arch, pid)
    unit = _unit(ed.arch, uid)
    value: str | None = None
    if letters is not None:
        try:
            value = normalize_letters(letters)
        except ValueError as exc:
            raise _refuse(
                N_("'{letter}' is not a RACI letter; use R, A, C or I."), letter=str(exc)
            ) from None
    with ed.transaction(
        Message(N_("Set participation of '{unit}' in '{name}'"), unit=unit.name, name=proc.name)
    ):
        ed.put("participation", (pid, uid), value)


# ---------------------------------------------------------------------- units
def add_unit(
    ed: Editor,
    name: str,
    parent: str | None = None,
    head: str | None = None,
    uid: str | None = None,
) -> str:
    arch = ed.arch
    name = _clean_name(name)
    if parent is not None:
        _unit(arch, parent)
    if head is not None:
        _person(arch, head)
    new_id = _new_id(arch, UNIT_PREFIX, uid)
    with ed.transaction(Message(N_("Add unit '{name}'"), name=name)):
        ed.put("units", new_id, Unit(new_id, name, parent, head))
    return new_id


def rename_unit(ed: Editor, uid: str, name: str) -> None:
    unit = _unit(ed.arch, uid)
    name = _clean_name(name)
    with ed.transaction(Message(N_("Rename '{old}' to '{new}'"), old=unit.name, new=name)):
        ed.put("units", uid, replace(unit, name=name))


def move_unit(ed: Editor, uid: str, new_parent: str | None) -> None:
    arch = ed.arch
    unit = _unit(arch, uid)
    if new_parent is not None:
        parent = _unit(arch, new_parent)
        if new_parent == uid or uid in arch.unit_ancestors(new_parent):
            raise _refuse(
                N_("'{name}' cannot be moved under '{parent}', which is part of it."),
                name=unit.name,
                parent=parent.name,
            )
    with ed.transaction(Message(N_("Move unit '{name}'"), name=unit.name)):
        ed.put("units", uid, replace(unit, parent=new_parent))


def set_unit_head(ed: Editor, uid: str, person_id: str | None) -> None:
    unit = _unit(ed.arch, uid)
    if person_id is not None:
        _person(ed.arch, person_id)
    with ed.transaction(Message(N_("Set head of '{name}'"), name=unit.name)):
        ed.put("units", uid, replace(unit, head=person_id))


def describe_references(arch: Architecture, element_id: str) -> list[Message]:
    """What refers to a unit or person, as readable messages."""
    out: list[Message] = []
    for collection, key, fld in arch.references_to(element_id):
        if collection == "processes":
            name = arch.processes[key].name
            msgid = N_("owner of '{name}'") if fld == "owner" else N_("leader of '{name}'")
            out.append(Message(msgid, name=name))
        elif collection == "units" and fld == "head":
            out.append(Message(N_("head of '{name}'"), name=arch.units[key].name))
        elif collection == "units":
            out.append(Message(N_("sub-unit '{name}'"), name=arch.units[key].name))
        elif collection == "people":
            out.append(Message(N_("member '{name}'"), name=arch.people[key].name))
        elif collection == "participation":
            out.append(Message(N_("takes part in '{name}'"), name=arch.processes[key[0]].name))
    return out


def _refuse_referenced(name: str, refs: list[Message]) -> EditRefused:
    return EditRefused(
        Message(
            N_("'{name}' is still referred to ({refs}); clear those references first."),
            name=name,
            refs=refs,
        )
    )


def delete_unit(ed: Editor, uid: str, force: bool = False) -> None:
    """Delete a unit. Refused while referenced, unless *force*: then its sub-units move
    to its parent, its people lose their unit and its participation rows go."""
    arch = ed.arch
    unit = _unit(arch, uid)
    refs = describe_references(arch, uid)
    if refs and not force:
        raise _refuse_referenced(unit.name, refs)
    with ed.transaction(Message(N_("Delete unit '{name}'"), name=unit.name)):
        for child in arch.unit_children(uid):
            ed.put("units", child, replace(arch.units[child], parent=unit.parent))
        for person_id in arch.people_in(uid):
            ed.put("people", person_id, replace(arch.people[person_id], unit=None))
        for key in [k for k in arch.participation if k[1] == uid]:
            ed.put("participation", key, None)
        for level, options in list(arch.diagrams.items()):
            if uid in options.lane_order:
                order = tuple(u for u in options.lane_order if u != uid)
                ed.put("diagrams", level, replace(options, lane_order=order))
        ed.put("units", uid, None)


# ---------------------------------------------------------------------- people
def add_person(
    ed: Editor,
    name: str,
    unit: str | None = None,
    title: str = "",
    person_id: str | None = None,
) -> str:
    arch = ed.arch
    name = _clean_name(name)
    if unit is not None:
        _unit(arch, unit)
    new_id = _new_id(arch, PERSON_PREFIX, person_id)
    with ed.transaction(Message(N_("Add person '{name}'"), name=name)):
        ed.put("people", new_id, Person(new_id, name, unit, nfc(title.strip())))
    return new_id


def set_person_fields(ed: Editor, person_id: str, **fields: Any) -> None:
    """Change a person's name, unit or title."""
    arch = ed.arch
    person = _person(arch, person_id)
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "name":
            clean[key] = _clean_name(value)
        elif key == "title":
            clean[key] = nfc(str(value).strip())
        elif key == "unit":
            if value is not None:
                _unit(arch, value)
            clean[key] = value
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    new = replace(person, **clean)
    if new == person:
        return
    with ed.transaction(Message(N_("Edit '{name}'"), name=person.name)):
        ed.put("people", person_id, new)


def rename_person(ed: Editor, person_id: str, name: str) -> None:
    set_person_fields(ed, person_id, name=name)


def delete_person(ed: Editor, person_id: str, force: bool = False) -> None:
    """Delete a person. Refused while owner, leader or head, unless *force*: then those
    fields are cleared in the same step."""
    arch = ed.arch
    person = _person(arch, person_id)
    refs = describe_references(arch, person_id)
    if refs and not force:
        raise _refuse_referenced(person.name, refs)
    with ed.transaction(Message(N_("Delete person '{name}'"), name=person.name)):
        for collection, key, fld in arch.references_to(person_id):
            current = arch.get(collection, key)
            ed.put(collection, key, replace(current, **{fld: None}))
        ed.put("people", person_id, None)


# ---------------------------------------------------------------------- KPIs
def _kpi_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "name":
            clean[key] = _clean_name(value)
        elif key == "measure":
            clean[key] = nfc(str(value).strip())
        elif key == "kind":
            _check_choice(value, KPI_KINDS, "KPI kind")
            clean[key] = value
        elif key == "direction":
            _check_choice(value, DIRECTIONS, "direction")
            clean[key] = value
        elif key in ("target", "actual"):
            clean[key] = None if value is None else _number(value)
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    return clean


def add_kpi(
    ed: Editor,
    pid: str,
    name: str,
    kind: str = "other",
    kid: str | None = None,
    **fields: Any,
) -> str:
    """Add a KPI to a process; direction defaults from the kind."""
    arch = ed.arch
    proc = _process(arch, pid)
    clean = _kpi_fields({"name": name, "kind": kind, **fields})
    clean.setdefault("direction", default_direction(kind))
    new_id = _new_id(arch, KPI_PREFIX, kid)
    with ed.transaction(Message(N_("Add KPI to '{name}'"), name=proc.name)):
        ed.put("kpis", new_id, Kpi(new_id, pid, **clean))
    return new_id


def set_kpi(ed: Editor, kid: str, **fields: Any) -> None:
    kpi = ed.arch.kpis.get(kid)
    if kpi is None:
        raise _refuse(N_("There is no KPI '{id}'."), id=kid)
    new = replace(kpi, **_kpi_fields(fields))
    if new == kpi:
        return
    with ed.transaction(Message(N_("Edit KPI '{name}'"), name=kpi.name)):
        ed.put("kpis", kid, new)


def delete_kpi(ed: Editor, kid: str) -> None:
    kpi = ed.arch.kpis.get(kid)
    if kpi is None:
        return
    with ed.transaction(Message(N_("Delete KPI '{name}'"), name=kpi.name)):
        ed.put("kpis", kid, None)


# ---------------------------------------------------------------------- rule settings
def set_rule(ed: Editor, rule: str, value: str | None) -> None:
    """Switch a rule off or give it another severity (None: back to its default)."""
    if value is not None:
        _check_choice(value, RULE_VALUES, "rule setting")
    with ed.transaction(Message(N_("Change rule '{rule}'"), rule=rule)):
        ed.put("rules", rule, value)


def suppress_finding(ed: Editor, rule: str, elements: Sequence[str], justification: str) -> None:
    """Suppress the finding of *rule* for *elements*, with a written justification."""
    text = nfc(justification.strip())
    if not text:
        raise _refuse(N_("A suppressed finding needs a justification."))
    with ed.transaction(Message(N_("Suppress finding of '{rule}'"), rule=rule)):
        ed.put("suppressions", (rule, tuple(elements)), text)


def unsuppress_finding(ed: Editor, rule: str, elements: Sequence[str]) -> None:
    with ed.transaction(Message(N_("Restore finding of '{rule}'"), rule=rule)):
        ed.put("suppressions", (rule, tuple(elements)), None)
