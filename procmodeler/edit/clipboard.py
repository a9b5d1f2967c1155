"""Copy and paste of processes without Qt.

:func:`copy_fragment` turns a set of processes of one diagram level into a JSON-able
*fragment*: the processes with all their descendants, their shapes (on the copied level
and on the descendants' own diagrams), the relations among them with bend points, their
KPIs and participation rows, and the diagram options of the copied sub-levels.

:func:`paste_fragment` puts a fragment onto a level of the same or another model as one
undo entry ("Paste 3 processes"), through the operations, with fresh deterministic ids.
References that do not exist in the target model (an owner, a unit) are dropped, so a
fragment copied in one window can be pasted in another. The desktop app carries the
fragment on the system clipboard as JSON under :data:`MIME_TYPE`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from procmodeler.common.errors import UserError
from procmodeler.common.i18n import N_, Message, translator
from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.edit.measurements import set_series
from procmodeler.edit.placement import free_offset
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    KPI_KINDS,
    PROCESS_KINDS,
    RELATION_KINDS,
    Bounds,
    Measurement,
)
from procmodeler.model.ids import IdAllocator

#: The MIME type of a fragment on the system clipboard.
MIME_TYPE = "application/x-procmodeler-fragment+json"
FORMAT = "procmodeler-fragment"
VERSION = 1

Fragment = dict[str, Any]

_PROCESS_FIELDS = ("purpose", "customer", "need", "result", "status")


def _top_only(arch: Architecture, pids: Iterable[str]) -> list[str]:
    """The given processes without those that have an ancestor in the set."""
    wanted = [p for p in dict.fromkeys(pids) if p in arch.processes]
    chosen = set(wanted)
    return [p for p in wanted if not (set(arch.ancestors(p)) & chosen)]


def _bounds(b: Bounds) -> list[float]:
    return [b.x, b.y, b.w, b.h]


def copy_fragment(arch: Architecture, level: str | None, pids: Iterable[str]) -> Fragment:
    """A JSON-able fragment of processes *pids* of diagram *level* with their contents.

    Processes of *pids* whose ancestor is also in *pids* are taken with that ancestor.
    """
    roots = _top_only(arch, pids)
    order: list[str] = []
    for root in roots:
        order.append(root)
        order.extend(arch.descendants(root))
    inside = set(order)
    processes = []
    for pid in order:
        proc = arch.processes[pid]
        record: dict[str, Any] = {
            "id": pid,
            "name": proc.name,
            "kind": proc.kind,
            "parent": proc.parent if pid not in roots else None,
        }
        for key in _PROCESS_FIELDS:
            record[key] = getattr(proc, key)
        record["objects_in"] = list(proc.objects_in)
        record["objects_out"] = list(proc.objects_out)
        record["owner"] = proc.owner
        record["leader"] = proc.leader
        shape_level = level if pid in roots else proc.parent
        b = arch.shapes.get(shape_level, {}).get(pid)
        record["shape"] = _bounds(b) if b is not None else None
        processes.append(record)
    relations = []
    for rid, rel in arch.relations.items():
        if rel.source in inside and rel.target in inside:
            points: dict[str, list[list[float]]] = {}
            for lvl, inner in arch.waypoints.items():
                if rid in inner and (lvl == level or lvl in inside):
                    key = "" if lvl == level or lvl is None else lvl
                    points[key] = [list(p) for p in inner[rid]]
            relations.append(
                {
                    "id": rid,
                    "source": rel.source,
                    "target": rel.target,
                    "kind": rel.kind,
                    "object": rel.object,
                    "waypoints": points,
                }
            )
    kpis = [
        {k: v for k, v in asdict(arch.kpis[kid]).items() if k not in ("process", "series")}
        | {"process": pid, "series": [asdict(m) for m in arch.kpis[kid].series]}
        for pid in order
        for kid in arch.kpis_of(pid)
    ]
    participation = [
        {"process": pid, "unit": uid, "roles": letters}
        for (pid, uid), letters in arch.participation.items()
        if pid in inside
    ]
    diagrams = [
        {"level": pid, "swimlanes": opts.swimlanes, "lane_order": list(opts.lane_order)}
        for pid, opts in arch.diagrams.items()
        if pid in inside
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "roots": roots,
        "processes": processes,
        "relations": relations,
        "kpis": kpis,
        "participation": participation,
        "diagrams": diagrams,
    }


def dumps(fragment: Fragment) -> str:
    return json.dumps(fragment, ensure_ascii=False, sort_keys=True)


def _bad() -> UserError:
    return UserError(Message(N_("The clipboard does not hold processes that can be pasted.")))


def loads(text: str | bytes) -> Fragment:
    """Parse and check a fragment (from the clipboard); UserError when it is not one."""
    try:
        fragment = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise _bad() from None
    validate(fragment)
    return fragment  # type: ignore[no-any-return]


def validate(fragment: Any) -> None:
    """Raise UserError unless *fragment* is a well-formed fragment of this version."""
    try:
        if fragment.get("format") != FORMAT or fragment.get("version") != VERSION:
            raise _bad()
        ids = set()
        for p in fragment["processes"]:
            if not isinstance(p["id"], str) or not isinstance(p["name"], str):
                raise _bad()
            if p["kind"] not in PROCESS_KINDS:
                raise _bad()
            if p["shape"] is not None and len(p["shape"]) != 4:
                raise _bad()
            ids.add(p["id"])
        for p in fragment["processes"]:
            if p["parent"] is not None and p["parent"] not in ids:
                raise _bad()
        if not set(fragment["roots"]) <= ids:
            raise _bad()
        for r in fragment["relations"]:
            if r["source"] not in ids or r["target"] not in ids or r["kind"] not in RELATION_KINDS:
                raise _bad()
        for k in fragment["kpis"]:
            if k["process"] not in ids or k["kind"] not in KPI_KINDS:
                raise _bad()
        for row in fragment["participation"]:
            if row["process"] not in ids:
                raise _bad()
        for d in fragment["diagrams"]:
            if d["level"] not in ids:
                raise _bad()
    except (AttributeError, KeyError, TypeError):
        raise _bad() from None


def paste_fragment(
    ed: Editor,
    fragment: Fragment,
    level: str | None,
    offset: tuple[float, float] = (0.0, 0.0),
) -> list[str]:
    """Paste *fragment* onto diagram *level* (its roots become children of *level*),
    moved by *offset* on that level (a root that had no shape gets a free place there);
    one undo entry. Returns the new root ids."""
    validate(fragment)
    arch = ed.arch
    if level is not None and level not in arch.processes:
        raise UserError(Message(N_("There is no process '{id}'."), id=level))
    records: Sequence[dict[str, Any]] = fragment["processes"]
    if not records:
        return []
    roots = set(fragment["roots"])
    ids = IdAllocator(arch.all_ids())
    new_id = {p["id"]: ids.numbered(ops.PROCESS_PREFIX) for p in records}
    dx, dy = offset
    n = len(roots)
    names = pasted_names(arch, fragment, level)
    label = Message(N_("Paste {n} process"), N_("Paste {n} processes"), n)
    with ed.transaction(label):
        for p in records:
            _paste_process(
                ed,
                {**p, "name": names.get(p["id"], p["name"])},
                new_id,
                p["id"] in roots,
                level,
                offset,
            )
        for r in fragment["relations"]:
            waypoints: dict[str | None, list[tuple[float, float]]] = {}
            for key, points in r.get("waypoints", {}).items():
                if key == "":
                    waypoints[level] = [(x + dx, y + dy) for x, y in points]
                elif key in new_id:
                    waypoints[new_id[key]] = [(x, y) for x, y in points]
            ops.connect(
                ed,
                new_id[r["source"]],
                new_id[r["target"]],
                r["kind"],
                r.get("object", ""),
                rid=ids.numbered(ops.RELATION_PREFIX),
                waypoints=waypoints,
            )
        for k in fragment["kpis"]:
            extra = {
                key: k[key] for key in ("measure", "direction", "target", "actual") if key in k
            }
            kid = ops.add_kpi(
                ed,
                new_id[k["process"]],
                k["name"],
                k["kind"],
                kid=ids.numbered(ops.KPI_PREFIX),
                **extra,
            )
            series = [
                Measurement(
                    str(m.get("period", "")),
                    float(m["value"]) if isinstance(m.get("value"), int | float) else math.nan,
                    str(m.get("note", "")),
                    m.get("rebase") is True,
                )
                for m in k.get("series", ())
                if isinstance(m, dict)
            ]
            if series:
                set_series(ed, kid, series)
        for row in fragment["participation"]:
            if row["unit"] in arch.units:
                ops.set_participation(ed, new_id[row["process"]], row["unit"], row["roles"])
        for d in fragment["diagrams"]:
            order = [u for u in d.get("lane_order", ()) if u in arch.units]
            ops.set_diagram_options(ed, new_id[d["level"]], bool(d.get("swimlanes")), order)
    return [new_id[p["id"]] for p in records if p["id"] in roots]


def _paste_process(
    ed: Editor,
    p: dict[str, Any],
    new_id: dict[str, str],
    is_root: bool,
    level: str | None,
    offset: tuple[float, float],
) -> None:
    """Create one pasted process: a root on *level* moved by *offset*, another under
    its pasted parent."""
    arch = ed.arch
    dx, dy = offset
    pid = new_id[p["id"]]
    parent = level if is_root else new_id[p["parent"]]
    shape = p["shape"]
    bounds = None
    if shape is not None:
        b = Bounds(*(float(v) for v in shape))
        bounds = b.moved(dx, dy) if is_root else b
    fields: dict[str, Any] = {k: p.get(k, "") for k in _PROCESS_FIELDS}
    if fields.get("status") not in ("draft", "in_review", "approved", "retired"):
        fields["status"] = "draft"
    fields["objects_in"] = tuple(p.get("objects_in", ()))
    fields["objects_out"] = tuple(p.get("objects_out", ()))
    for role in ("owner", "leader"):
        if p.get(role) in arch.people:
            fields[role] = p[role]
    ops.create_process(
        ed,
        p["name"],
        p["kind"],
        parent,
        bounds=bounds,
        pid=pid,
        place=is_root or bounds is not None,
        **fields,
    )


def paste_offset(
    arch: Architecture,
    fragment: Fragment,
    level: str | None,
    at: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """Where the fragment's shapes go on *level*: centred on *at* (the mouse, a point of
    the diagram) or where they were copied from, then moved right until they cover no
    shape already there (beside the original when pasted onto its own level)."""
    rects = [
        Bounds(*(float(v) for v in p["shape"]))
        for p in fragment.get("processes", ())
        if p["id"] in fragment.get("roots", ()) and p["shape"] is not None
    ]
    if not rects:
        return (0.0, 0.0)
    start = (0.0, 0.0)
    if at is not None:
        cx = (min(b.x for b in rects) + max(b.x + b.w for b in rects)) / 2
        cy = (min(b.y for b in rects) + max(b.y + b.h for b in rects)) / 2
        start = (at[0] - cx, at[1] - cy)
    return free_offset(arch.shapes.get(level, {}).values(), rects, start)


def pasted_names(arch: Architecture, fragment: Fragment, level: str | None) -> dict[str, str]:
    """The fragment's root names as pasted onto *level*: a name that a process there
    already has gets " (copy)", " (copy 2)", ... in the model's language, so a copy on
    its original's level is told apart; on another level or model it keeps its name."""
    tr = translator(arch.meta.language or "en")
    taken = {arch.processes[c].name for c in arch.children(level)}
    out: dict[str, str] = {}
    for p in fragment.get("processes", ()):
        if p["id"] not in fragment.get("roots", ()):
            continue
        name = p["name"]
        if name in taken:
            n = 1
            name = Message(N_("{name} (copy)"), name=p["name"]).text(tr)
            while name in taken:
                n += 1
                name = Message(N_("{name} (copy {number})"), name=p["name"], number=n).text(tr)
        taken.add(name)
        out[p["id"]] = name
    return out


def fragment_names(fragment: Fragment) -> list[str]:
    """The names of the fragment's top processes (for the plain-text clipboard)."""
    roots = set(fragment.get("roots", ()))
    return [p["name"] for p in fragment.get("processes", ()) if p["id"] in roots]
