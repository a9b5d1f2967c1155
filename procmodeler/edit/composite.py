"""Composite edits in the diagram-js style: one user intention carried out by several
operations in one transaction, so that it is one undo entry with a readable label
(delete a mixed selection, change the kind of several processes or relations, move
processes to another level, arrange shapes in lanes, place the hidden processes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from procmodeler.common.i18n import N_, Message
from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.edit.placement import spots_for
from procmodeler.model.architecture import Architecture


@dataclass(frozen=True)
class DeletionScope:
    """What deleting a selection takes with it, beyond the processes chosen."""

    sub_processes: int = 0
    relations: int = 0
    participation: int = 0
    kpis: int = 0

    def __bool__(self) -> bool:
        return any((self.sub_processes, self.relations, self.participation, self.kpis))

    def parts(self) -> list[Message]:
        """The counts that are not zero, for a question ("3 sub-processes", ...)."""
        parts = [
            Message(N_("{n} sub-process"), N_("{n} sub-processes"), self.sub_processes),
            Message(N_("{n} relation"), N_("{n} relations"), self.relations),
            Message(N_("{n} participation row"), N_("{n} participation rows"), self.participation),
            Message(N_("{n} KPI"), N_("{n} KPIs"), self.kpis),
        ]
        return [part for part in parts if part.count]


def deletion_scope(arch: Architecture, pids: Iterable[str], rids: Iterable[str]) -> DeletionScope:
    """Count what :func:`delete_elements` removes along with the chosen processes: their
    sub-processes (at any depth), every relation of one of them that was not chosen
    itself, their participation rows and KPIs."""
    chosen = [p for p in dict.fromkeys(pids) if p in arch.processes]
    gone = set(chosen)
    for pid in chosen:
        gone.update(arch.descendants(pid))
    relations = {r for pid in gone for r in arch.relations_of(pid)} - set(rids)
    return DeletionScope(
        sub_processes=len(gone) - len(chosen),
        relations=len(relations),
        participation=sum(len(arch.participation_of(pid)) for pid in gone),
        kpis=sum(1 for k in arch.kpis.values() if k.process in gone),
    )


def delete_elements(ed: Editor, pids: Iterable[str], rids: Iterable[str]) -> None:
    """Delete processes (with all that belongs to them) and relations, one undo entry."""
    pids, rids = list(pids), list(rids)
    if pids and rids:
        n = len(pids) + len(rids)
        label = Message(N_("Delete {n} element"), N_("Delete {n} elements"), n)
        with ed.transaction(label):
            ops.disconnect(ed, rids)
            ops.delete_processes(ed, pids)
    elif pids:
        ops.delete_processes(ed, pids)
    elif rids:
        ops.disconnect(ed, rids)


def set_process_kinds(ed: Editor, pids: Iterable[str], kind: str) -> list[str]:
    """Change the kind of processes; on the landscape their shapes move into the band of
    the new kind. One undo entry; returns the processes that changed."""
    arch = ed.arch
    todo = [p for p in pids if p in arch.processes and arch.processes[p].kind != kind]
    if todo:
        label = Message(N_("Change kind of '{name}'"), name=arch.processes[todo[0]].name)
        with ed.transaction(label):
            for pid in todo:
                ops.set_process_kind(ed, pid, kind)
    return todo


def set_relation_kinds(ed: Editor, rids: Iterable[str], kind: str) -> list[str]:
    """Change the kind of relations, one undo entry; returns the relations that changed."""
    arch = ed.arch
    todo = [r for r in rids if r in arch.relations and arch.relations[r].kind != kind]
    if todo:
        with ed.transaction(Message(N_("Edit relation"))):
            for rid in todo:
                ops.set_relation(ed, rid, kind=kind)
    return todo


def reparent_processes(ed: Editor, pids: Iterable[str], new_parent: str | None) -> list[str]:
    """Make processes sub-processes of *new_parent* (None: top level), one undo entry; a
    process moved together with one of its ancestors stays under that ancestor. Returns
    the processes moved."""
    arch = ed.arch
    todo = [p for p in pids if p in arch.processes and arch.processes[p].parent != new_parent]
    chosen = set(todo)
    todo = [p for p in todo if not (set(arch.ancestors(p)) & chosen)]
    if todo:
        label = Message(N_("Move '{name}' to another level"), name=arch.processes[todo[0]].name)
        with ed.transaction(label):
            for pid in todo:
                ops.reparent_process(ed, pid, new_parent)
    return todo


def place_unplaced(ed: Editor, level: str | None) -> list[str]:
    """Give the processes of *level* that have no shape there a free spot, one undo
    entry; returns the processes placed."""
    arch = ed.arch
    missing = [p for p in arch.children(level) if p not in arch.shapes.get(level, {})]
    if missing:
        ops.set_shape_bounds(ed, level, spots_for(arch, level, missing, ops.DEFAULT_SIZE))
    return missing


def set_processes_fields(ed: Editor, pids: Iterable[str], **fields: object) -> list[str]:
    """Give several processes the same kind, owner, leader, status or establishment
    level (``established``): one undo entry ("Edit 3 processes"); a new kind moves
    landscape shapes into their band. Returns the processes that changed."""
    todo = [p for p in dict.fromkeys(pids) if p in ed.arch.processes]
    label = Message(N_("Edit {n} process"), N_("Edit {n} processes"), len(todo))
    return _set_each(ed, ed.arch.processes, todo, label, ops.set_process_fields, fields)


def set_relations_fields(ed: Editor, rids: Iterable[str], **fields: object) -> list[str]:
    """Give several relations the same kind or object: one undo entry. Returns the
    relations that changed."""
    todo = [r for r in dict.fromkeys(rids) if r in ed.arch.relations]
    label = Message(N_("Edit {n} relation"), N_("Edit {n} relations"), len(todo))
    return _set_each(ed, ed.arch.relations, todo, label, ops.set_relation, fields)


def _set_each(
    ed: Editor,
    table: Mapping[str, object],
    ids: list[str],
    label: Message,
    operation: Callable[..., None],
    fields: Mapping[str, object],
) -> list[str]:
    before = {i: table[i] for i in ids}
    with ed.transaction(label):
        for ident in ids:
            operation(ed, ident, **fields)
    return [i for i in ids if table[i] != before[i]]


def move_into_band(ed: Editor, pids: Iterable[str], dx: float, dy: float, kind: str) -> list[str]:
    """Move landscape shapes by (dx, dy) into the band of *kind* and make their
    processes of that kind, where they were dropped: one undo entry. Returns the
    processes whose kind changed."""
    arch = ed.arch
    moving = [p for p in pids if p in arch.shapes.get(None, {})]
    if not moving:
        return []
    first = arch.processes[moving[0]].name
    with ed.transaction(Message(N_("Change kind of '{name}'"), name=first)):
        ops.move_shapes(ed, None, moving, dx, dy)
        dropped = {p: arch.shapes[None][p] for p in moving}
        changed = [p for p in moving if arch.processes[p].kind != kind]
        for pid in changed:
            ops.set_process_kind(ed, pid, kind)
        ops.set_shape_bounds(ed, None, dropped)
    return changed
