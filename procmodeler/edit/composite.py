"""Composite edits in the diagram-js style: one user intention carried out by several
operations in one transaction, so that it is one undo entry with a readable label
(delete a mixed selection, change the kind of several processes or relations, move
processes to another level, arrange shapes in lanes, place the hidden processes)."""

from __future__ import annotations

from collections.abc import Iterable

from procmodeler.common.i18n import N_, Message
from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.edit.placement import spots_for


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
