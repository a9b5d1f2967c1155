"""Writing a model as a deterministic, diff-friendly native document."""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Callable
from typing import Any

from procmodeler.common.atomicfile import write_output_file
from procmodeler.io import conflictfile
from procmodeler.io.native.format import FORMAT_VERSION
from procmodeler.io.native.meta import meta_record
from procmodeler.io.native.series import series_records
from procmodeler.io.native.strategy import (
    contribution_records,
    improvement_records,
    objective_records,
)
from procmodeler.model.architecture import Architecture


class _Inline(dict):  # type: ignore[type-arg]
    """A JSON object written on one line."""


class _Json(str):
    """A JSON object's text, already on one line: :func:`dumps` writes the long lists
    (relations, participation, shapes, bend points) as such lines, the same text as
    their :class:`_Inline` records give, without a call per value."""


def _number(value: float | int) -> str:
    """Canonical text of a number as it is written: integral values without a fraction,
    else the shortest representation that reads back as the same float."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    return _num(value)


def _canon(value: float | int | None) -> float | int | None:
    """A number in its canonical JSON form: an int when integral (written without a
    fraction), else the float itself (written in its shortest form)."""
    if value is None or isinstance(value, int) or not math.isfinite(value):
        return value  # None stays null; NaN and infinities are refused by the encoder
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


#: A JSON string with only the characters JSON requires escaped (C implementation).
_string: Callable[[str], str] = json.encoder.encode_basestring


def _num(value: Any) -> str:
    """``_flat(_canon(value))``: the canonical text of a number, quicker for floats."""
    if type(value) is float:
        if value.is_integer() and -1e15 < value < 1e15:
            return int.__repr__(int(value))
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be stored in a model file")
        return float.__repr__(value)
    return _flat(_canon(value))


def _flat(value: Any) -> str:
    """One-line JSON with ", " and ": " separators; NaN and infinities are refused."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be stored in a model file")
        return float.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is list or kind is tuple:
        return "[" + ", ".join([_flat(item) for item in value]) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join([f"{_string(k)}: {_flat(v)}" for k, v in value.items()]) + "}"
    raise TypeError(f"{kind.__name__} cannot be stored in a model file")


def _is_flat(value: Any) -> bool:
    """True for a list written on one line: its items are scalars or such lists (a list
    of objects has one object per line)."""
    return all(
        not isinstance(item, (dict, _Json)) and (not isinstance(item, list) or _is_flat(item))
        for item in value
    )


@functools.cache
def _key(key: str, indent: str) -> str:
    return f"{indent}{_string(key)}: "


def _emit(value: Any, indent: str, out: list[str]) -> None:
    if (
        type(value) is dict
        and value
        and all(
            type(v) is not dict and (type(v) is not list or _is_flat(v)) for v in value.values()
        )
    ):
        # a record: each field on its own line, its value on that line
        inner = indent + "  "
        out.append("{\n")
        out.append(",\n".join([_key(k, inner) + _flat(v) for k, v in value.items()]))
        out.append(f"\n{indent}}}")
        return
    if type(value) is list and value and type(value[0]) is _Json:  # one line per item
        inner = indent + "  "
        out.append(f"[\n{inner}" + f",\n{inner}".join(value) + f"\n{indent}]")
        return
    if isinstance(value, dict) and not isinstance(value, _Inline):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{\n")
        last = len(value) - 1
        for i, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{_string(key)}: ")
            _emit(item, inner, out)
            out.append(",\n" if i < last else "\n")
        out.append(indent + "}")
    elif isinstance(value, list) and not _is_flat(value):
        inner = indent + "  "
        out.append("[\n")
        last = len(value) - 1
        for i, item in enumerate(value):
            out.append(inner)
            _emit(item, inner, out)
            out.append(",\n" if i < last else "\n")
        out.append(indent + "]")
    else:
        out.append(_flat(value))


def _put_if(record: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", ()):
        record[key] = list(value) if isinstance(value, tuple) else value


def _process_records(arch: Architecture) -> list[dict[str, Any]]:
    processes = []
    for proc in arch.processes.values():
        rec = {"id": proc.id, "name": proc.name, "kind": proc.kind}
        _put_if(rec, "parent", proc.parent)
        _put_if(rec, "owner", proc.owner)
        _put_if(rec, "leader", proc.leader)
        _put_if(rec, "purpose", proc.purpose)
        _put_if(rec, "customer", proc.customer)
        _put_if(rec, "need", proc.need)
        _put_if(rec, "result", proc.result)
        _put_if(rec, "objects_in", proc.objects_in)
        _put_if(rec, "objects_out", proc.objects_out)
        if proc.status != "draft":
            rec["status"] = proc.status
        _put_if(rec, "original_id", proc.original_id)
        _put_if(rec, "established", proc.established)
        _put_if(rec, "next_review", proc.next_review)
        processes.append(rec)
    return processes


def _relation_records(arch: Architecture, lines: bool) -> list[Any]:
    """One record per relation (as :class:`_Json` lines when *lines*)."""
    relations: list[Any] = []
    s = _string
    for rel in arch.relations.values():
        if lines and type(rel.object) is str:
            text = f'{{"id": {s(rel.id)}, "source": {s(rel.source)}, "target": {s(rel.target)}, '
            text += f'"kind": {s(rel.kind)}'
            relations.append(
                _Json(f'{text}, "object": {s(rel.object)}}}' if rel.object else text + "}")
            )
            continue
        rec = _Inline(id=rel.id, source=rel.source, target=rel.target, kind=rel.kind)
        _put_if(rec, "object", rel.object)
        relations.append(_Json(_flat(rec)) if lines else rec)
    return relations


def to_document(arch: Architecture, lines: bool = False) -> dict[str, Any]:
    """The model as a JSON-ready document with keys in file order (with *lines*, its
    long lists of one-line records hold their text, :class:`_Json`, for :func:`dumps`)."""
    meta = arch.meta
    units = []
    for unit in arch.units.values():
        rec: dict[str, Any] = {"id": unit.id, "name": unit.name}
        _put_if(rec, "parent", unit.parent)
        _put_if(rec, "head", unit.head)
        _put_if(rec, "original_id", unit.original_id)
        units.append(rec)
    people = []
    for person in arch.people.values():
        rec = {"id": person.id, "name": person.name}
        _put_if(rec, "unit", person.unit)
        _put_if(rec, "title", person.title)
        _put_if(rec, "original_id", person.original_id)
        people.append(rec)
    processes = _process_records(arch)
    relations = _relation_records(arch, lines)
    participation: list[Any]
    if lines:
        s = _string
        participation = [
            _Json(f'{{"process": {s(pid)}, "unit": {s(uid)}, "roles": {s(letters)}}}')
            for (pid, uid), letters in arch.participation.items()
        ]
    else:
        participation = [
            _Inline(process=pid, unit=uid, roles=letters)
            for (pid, uid), letters in arch.participation.items()
        ]
    kpis = []
    for kpi in arch.kpis.values():
        rec = {"id": kpi.id, "process": kpi.process, "name": kpi.name, "kind": kpi.kind}
        _put_if(rec, "measure", kpi.measure)
        rec["direction"] = kpi.direction
        _put_if(rec, "target", _canon(kpi.target))
        _put_if(rec, "actual", _canon(kpi.actual))
        _put_if(rec, "objective", kpi.objective)
        if kpi.series:
            rec["series"] = series_records(kpi.series, _Inline, _canon)
        kpis.append(rec)
    suppressions = [
        {"rule": rule, "elements": list(elements), "justification": text}
        for (rule, elements), text in arch.suppressions.items()
    ]
    diagrams = _diagram_records(arch, lines)
    doc: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "meta": meta_record(meta, _Inline),
        "units": units,
        "people": people,
        "processes": processes,
        "relations": relations,
        "participation": participation,
        "kpis": kpis,
        "objectives": objective_records(arch),
        "contributions": contribution_records(arch, _Inline),
        "improvements": improvement_records(arch),
        "rules": dict(arch.rules),
        "suppressions": suppressions,
        "diagrams": diagrams,
    }
    if arch.origin is not None:
        origin = arch.origin
        doc["repository"] = {"url": origin.url, "name": origin.name, "version": origin.version}
    if arch.conflicts:
        doc[conflictfile.KEY] = conflictfile.conflicts_document(arch)
    return doc


def _diagram_records(arch: Architecture, lines: bool = False) -> list[dict[str, Any]]:
    """The diagrams of the model with their options, shapes and bend points (the shapes
    and bend points as :class:`_Json` lines when *lines*)."""
    levels = arch.diagram_levels()
    known = set(levels)
    extra = set(arch.diagrams) | set(arch.shapes) | set(arch.waypoints)
    levels.extend(sorted(level for level in extra if level not in known and level is not None))
    diagrams = []
    for level in levels:
        diagram: dict[str, Any] = {"level": level}
        options = arch.diagrams.get(level)
        if options is not None:
            diagram["swimlanes"] = options.swimlanes
            diagram["lane_order"] = list(options.lane_order)
        shapes = arch.shapes.get(level)
        if shapes and lines:
            diagram["shapes"] = _shape_lines(shapes)
        elif shapes:
            diagram["shapes"] = [
                _Inline(process=pid, x=_canon(b.x), y=_canon(b.y), w=_canon(b.w), h=_canon(b.h))
                for pid, b in shapes.items()
            ]
        waypoints = arch.waypoints.get(level)
        if waypoints and lines:
            diagram["waypoints"] = _waypoint_lines(waypoints)
        elif waypoints:
            diagram["waypoints"] = [
                _Inline(relation=rid, points=[[_canon(x), _canon(y)] for x, y in points])
                for rid, points in waypoints.items()
            ]
        diagrams.append(diagram)
    return diagrams


def _shape_lines(shapes: dict[str, Any]) -> list[Any]:
    n = _num
    return [
        _Json(
            f'{{"process": {_string(pid)}, "x": {n(b.x)}, "y": {n(b.y)}, '
            f'"w": {n(b.w)}, "h": {n(b.h)}}}'
        )
        for pid, b in shapes.items()
    ]


def _waypoint_lines(waypoints: dict[str, Any]) -> list[Any]:
    n = _num
    return [
        _Json(
            f'{{"relation": {_string(rid)}, "points": ['
            + ", ".join([f"[{n(x)}, {n(y)}]" for x, y in points])
            + "]}"
        )
        for rid, points in waypoints.items()
    ]


def dumps(arch: Architecture) -> str:
    """The model as the text of a ``.procm`` file (ends with a newline)."""
    out: list[str] = []
    _emit(to_document(arch, lines=True), "", out)
    out.append("\n")
    return "".join(out)


def save(arch: Architecture, path: str | os.PathLike[str]) -> None:
    """Write the model to *path* atomically (the old file stays until the new is
    complete). An unwritable place raises :class:`UserError`."""
    data = dumps(arch).encode("utf-8")
    write_output_file(path, data)
