"""Operations on strategic objectives, contributions (objective ↔ process) and improvements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.operations.common import (
    IMPROVEMENT_PREFIX,
    OBJECTIVE_PREFIX,
    _check_choice,
    _clean_name,
    _date,
    _improvement,
    _kpi,
    _new_id,
    _objective,
    _person,
    _process,
    _refuse,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import IMPROVEMENT_STATUSES, Improvement, Objective, nfc

_OBJECTIVE_TEXTS = ("horizon", "description")
_IMPROVEMENT_DATES = ("started", "due", "done")


# ---------------------------------------------------------------------- objectives
def _objective_fields(arch: Architecture, fields: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "name":
            clean[key] = _clean_name(value)
        elif key in _OBJECTIVE_TEXTS:
            clean[key] = nfc(str(value).strip())
        elif key == "owner":
            if value is not None:
                _person(arch, value)
            clean[key] = value
        elif key == "original_id":
            clean[key] = value
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    return clean


def add_objective(
    ed: Editor, name: str, parent: str | None = None, oid: str | None = None, **fields: Any
) -> str:
    """Add an objective under *parent* (None: top level), last among its siblings;
    *fields* are ``owner``, ``horizon`` and ``description``. Returns the new id."""
    arch = ed.arch
    if parent is not None:
        _objective(arch, parent)
    clean = _objective_fields(arch, {"name": name, **fields})
    new_id = _new_id(arch, OBJECTIVE_PREFIX, oid)
    with ed.transaction(Message(N_("Add objective '{name}'"), name=clean["name"])):
        ed.put("objectives", new_id, Objective(new_id, parent=parent, **clean))
    return new_id


def set_objective_fields(ed: Editor, oid: str, **fields: Any) -> None:
    """Change the name, owner, horizon or description of an objective."""
    objective = _objective(ed.arch, oid)
    new = replace(objective, **_objective_fields(ed.arch, fields))
    if new == objective:
        return
    if list(fields) == ["name"]:
        label = Message(N_("Rename objective '{old}' to '{new}'"), old=objective.name, new=new.name)
    else:
        label = Message(N_("Edit objective '{name}'"), name=objective.name)
    with ed.transaction(label):
        ed.put("objectives", oid, new)


def rename_objective(ed: Editor, oid: str, name: str) -> None:
    set_objective_fields(ed, oid, name=name)


def move_objective(ed: Editor, oid: str, parent: str | None, before: str | None = None) -> None:
    """Move an objective (with its sub-objectives) under *parent* (None: top level),
    just before the sibling *before* (None: after the last one)."""
    arch = ed.arch
    objective = _objective(arch, oid)
    if parent is not None:
        target = _objective(arch, parent)
        if parent == oid or oid in arch.objective_ancestors(parent):
            raise _refuse(
                N_("'{name}' cannot be moved under '{parent}', which is part of it."),
                name=objective.name,
                parent=target.name,
            )
    if before is not None:
        sibling = _objective(arch, before)
        if sibling.parent != parent or before == oid:
            raise _refuse(N_("'{name}' is not a sibling there."), name=sibling.name)
    order = list(arch.objectives)
    rest = [o for o in order if o != oid]
    siblings = [o for o in arch.objective_children(parent) if o != oid]
    if before is not None:
        index = rest.index(before)
    elif siblings:
        index = rest.index(siblings[-1]) + 1
    else:
        index = len(rest)
    if objective.parent == parent and rest[:index] + [oid] + rest[index:] == order:
        return
    with ed.transaction(Message(N_("Move objective '{name}'"), name=objective.name)):
        ed.put("objectives", oid, None)
        ed.insert("objectives", oid, replace(objective, parent=parent), index)


def delete_objective(ed: Editor, oid: str) -> None:
    """Delete an objective with its sub-objectives and their contributions; KPIs that
    measured one of them measure no objective afterwards. One undo entry."""
    arch = ed.arch
    objective = _objective(arch, oid)
    doomed = [oid, *arch.objective_descendants(oid)]
    gone = set(doomed)
    with ed.transaction(Message(N_("Delete objective '{name}'"), name=objective.name)):
        for key in [k for k in arch.contributions if k[0] in gone]:
            ed.put("contributions", key, None)
        for kid, kpi in list(arch.kpis.items()):
            if kpi.objective in gone:
                ed.put("kpis", kid, replace(kpi, objective=None))
        for each in reversed(doomed):
            ed.put("objectives", each, None)


# ---------------------------------------------------------------------- contributions
def set_contribution(ed: Editor, oid: str, pid: str, note: str | None = "") -> None:
    """Say that process *pid* contributes to objective *oid*, with a note (may be
    empty); None: it does not (the contribution is removed)."""
    arch = ed.arch
    objective = _objective(arch, oid)
    proc = _process(arch, pid)
    key = (oid, pid)
    new = None if note is None else nfc(str(note).strip())
    old = arch.contributions.get(key)
    if old == new:
        return
    if new is None:
        msgid = N_("'{process}' no longer contributes to '{objective}'")
    elif old is None:
        msgid = N_("'{process}' contributes to '{objective}'")
    else:
        msgid = N_("Edit contribution of '{process}' to '{objective}'")
    with ed.transaction(Message(msgid, process=proc.name, objective=objective.name)):
        ed.put("contributions", key, new)


# ---------------------------------------------------------------------- improvements
def _improvement_fields(arch: Architecture, fields: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "title":
            clean[key] = _clean_name(value)
        elif key == "description":
            clean[key] = nfc(str(value).strip())
        elif key == "status":
            _check_choice(value, IMPROVEMENT_STATUSES, "improvement status")
            clean[key] = value
        elif key == "process":
            _process(arch, value)
            clean[key] = value
        elif key == "responsible":
            if value is not None:
                _person(arch, value)
            clean[key] = value
        elif key == "kpi":
            if value is not None:
                _kpi(arch, value)
            clean[key] = value
        elif key in _IMPROVEMENT_DATES:
            clean[key] = _date(value)
        elif key == "original_id":
            clean[key] = value
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    return clean


def add_improvement(ed: Editor, pid: str, title: str, iid: str | None = None, **fields: Any) -> str:
    """Add an improvement to a process; *fields* are ``status`` (default ``idea``),
    ``responsible``, ``kpi``, ``started``, ``due``, ``done``, ``description``."""
    arch = ed.arch
    proc = _process(arch, pid)
    clean = _improvement_fields(arch, {"title": title, **fields})
    new_id = _new_id(arch, IMPROVEMENT_PREFIX, iid)
    with ed.transaction(Message(N_("Add improvement to '{name}'"), name=proc.name)):
        ed.put("improvements", new_id, Improvement(new_id, pid, **clean))
    return new_id


def set_improvement(ed: Editor, iid: str, **fields: Any) -> None:
    """Change any field of an improvement (the keywords of :func:`add_improvement`,
    and ``process`` to move it to another process)."""
    improvement = _improvement(ed.arch, iid)
    new = replace(improvement, **_improvement_fields(ed.arch, fields))
    if new == improvement:
        return
    with ed.transaction(Message(N_("Edit improvement '{title}'"), title=improvement.title)):
        ed.put("improvements", iid, new)


def set_improvement_status(ed: Editor, iid: str, status: str, today: Any = None) -> None:
    """Move an improvement to another status. With *today* (a date), an improvement
    that becomes ``ongoing`` without a start date starts today, and one that becomes
    ``done`` without a done date is done today, in the same undo entry."""
    improvement = _improvement(ed.arch, iid)
    _check_choice(status, IMPROVEMENT_STATUSES, "improvement status")
    new = replace(improvement, status=status)
    day = _date(today)
    if day is not None and status == "ongoing" and new.started is None:
        new = replace(new, started=day)
    if day is not None and status == "done" and new.done is None:
        new = replace(new, done=day)
    if new == improvement:
        return
    with ed.transaction(
        Message(N_("Change status of improvement '{title}'"), title=improvement.title)
    ):
        ed.put("improvements", iid, new)


def delete_improvement(ed: Editor, iid: str) -> None:
    improvement = ed.arch.improvements.get(iid)
    if improvement is None:
        return
    with ed.transaction(Message(N_("Delete improvement '{title}'"), title=improvement.title)):
        ed.put("improvements", iid, None)


def forget_kpis(ed: Editor, kids: set[str]) -> None:
    """Inside an open transaction: improvements meant to move one of the KPIs *kids*
    (which are about to go) no longer name a KPI."""
    if not kids:
        return
    for iid, improvement in list(ed.arch.improvements.items()):
        if improvement.kpi in kids:
            ed.put("improvements", iid, replace(improvement, kpi=None))
