"""Operations on the model's metadata and its processes: create, change, reparent, delete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.operations.common import (
    PROCESS_PREFIX,
    PROCESS_TEXT_FIELDS,
    _check_choice,
    _clean_name,
    _date,
    _new_id,
    _person,
    _process,
    _refuse,
)
from procmodeler.edit.operations.doccontrol import metadata_with
from procmodeler.edit.operations.relations import _remove_relations
from procmodeler.edit.operations.strategy import forget_kpis
from procmodeler.edit.placement import free_spot
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DEFAULT_SIZE,
    ESTABLISHMENT_LEVELS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    Bounds,
    ChangeLogEntry,
    Process,
    nfc,
)


# ---------------------------------------------------------------------- metadata
def set_metadata(
    ed: Editor, change_log: Iterable[ChangeLogEntry] | None = None, **fields: str
) -> None:
    """Change the architecture's name, organisation, language, version label or author,
    and its document control (status, adopted_by, adopted_on, reference, distribution,
    the whole *change_log*), in one undoable step."""
    new = metadata_with(ed.arch.meta, fields, change_log)
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
        elif key == "established":
            if value is not None:
                _check_choice(value, ESTABLISHMENT_LEVELS, "establishment level")
            clean[key] = value
        elif key == "next_review":
            clean[key] = _date(value)
        elif key == "original_id":
            clean[key] = value
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    return replace(proc, **clean)


def set_process_fields(ed: Editor, pid: str, **fields: Any) -> None:
    """Change text fields, objects, kind, status, owner, leader, establishment level
    (``established``) or the date of the next review (``next_review``) of one process."""
    arch = ed.arch
    proc = _process(arch, pid)
    new = _with_process_fields(arch, proc, fields)
    if new == proc:
        return
    if list(fields) == ["name"]:
        label = Message(N_("Rename '{old}' to '{new}'"), old=proc.name, new=new.name)
    elif list(fields) == ["kind"]:
        label = Message(N_("Change kind of '{name}'"), name=proc.name)
    elif list(fields) == ["established"]:
        label = Message(N_("Set establishment level of '{name}'"), name=proc.name)
    elif list(fields) == ["next_review"]:
        label = Message(N_("Set next review of '{name}'"), name=proc.name)
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


def set_established(ed: Editor, pid: str, level: str | None) -> None:
    """Set how far a process has come into everyday use (None: not assessed)."""
    set_process_fields(ed, pid, established=level)


def set_next_review(ed: Editor, pid: str, date: Any) -> None:
    """Set the date of a process's next review (``YYYY-MM-DD``; None clears it)."""
    set_process_fields(ed, pid, next_review=date)


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
    participation rows, contributions, improvements and suppressions that name them:
    one undo entry (improvements of other processes forget the KPIs that go)."""
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
        for iid in [i for p in doomed for i in arch.improvements_of(p)]:
            ed.put("improvements", iid, None)
        doomed_kpis = [k for p in doomed for k in arch.kpis_of(p)]
        forget_kpis(ed, set(doomed_kpis))
        for kid in doomed_kpis:
            ed.put("kpis", kid, None)
        for key in [k for k in arch.participation if k[0] in seen]:
            ed.put("participation", key, None)
        for key in [k for k in arch.contributions if k[1] in seen]:
            ed.put("contributions", key, None)
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
