"""Operations on relations between processes and on participation (RACI)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.operations.common import (
    RELATION_PREFIX,
    _check_choice,
    _finite,
    _level,
    _new_id,
    _process,
    _refuse,
    _relation,
    _unit,
)
from procmodeler.model.elements import (
    RELATION_KINDS,
    Point,
    Relation,
    nfc,
    normalize_letters,
)
from procmodeler.notation.router import route_level


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
        for level, shapes in list(arch.shapes.items()):
            if source in shapes and target in shapes and not (waypoints or {}).get(level):
                for rid, route in route_level(arch, level, [new_id]).items():
                    ed.put("waypoints", (level, rid), tuple(route))
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
