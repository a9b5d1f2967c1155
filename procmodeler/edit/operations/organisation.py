"""Operations on units and people, with the references that block or follow a delete."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from procmodeler.common.errors import EditRefused
from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.operations.common import (
    PERSON_PREFIX,
    UNIT_PREFIX,
    _clean_name,
    _new_id,
    _person,
    _refuse,
    _unit,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    Person,
    Unit,
    nfc,
)


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
        elif collection == "objectives":
            out.append(Message(N_("owner of objective '{name}'"), name=arch.objectives[key].name))
        elif collection == "improvements":
            title = arch.improvements[key].title
            out.append(Message(N_("responsible for improvement '{title}'"), title=title))
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
