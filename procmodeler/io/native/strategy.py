"""Objectives, contributions and improvements in the native file (format version 3):
written in the model's order, read with every problem named by its JSON path."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from procmodeler.common.i18n import N_
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Improvement, Objective

if TYPE_CHECKING:
    from procmodeler.io.native.checker import _Reader

_OBJECTIVE_FIELDS = ("parent", "owner", "horizon", "description", "original_id")
_IMPROVEMENT_FIELDS = (
    "status",
    "responsible",
    "kpi",
    "started",
    "due",
    "done",
    "description",
    "original_id",
)
_DATES = ("started", "due", "done")


def _put_if(record: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, ""):
        record[key] = value


# ---------------------------------------------------------------------- writing
def objective_records(arch: Architecture) -> list[dict[str, Any]]:
    out = []
    for objective in arch.objectives.values():
        rec: dict[str, Any] = {"id": objective.id, "name": objective.name}
        for key in _OBJECTIVE_FIELDS:
            _put_if(rec, key, getattr(objective, key))
        out.append(rec)
    return out


def contribution_records(arch: Architecture, inline: type) -> list[Any]:
    """One line per contribution (*inline*: the writer's one-line record type)."""
    out = []
    for (oid, pid), note in arch.contributions.items():
        rec = inline(objective=oid, process=pid)
        _put_if(rec, "note", note)
        out.append(rec)
    return out


def improvement_records(arch: Architecture) -> list[dict[str, Any]]:
    out = []
    for improvement in arch.improvements.values():
        rec: dict[str, Any] = {
            "id": improvement.id,
            "process": improvement.process,
            "title": improvement.title,
        }
        for key in _IMPROVEMENT_FIELDS:
            value = getattr(improvement, key)
            if key != "status" or value != "idea":
                _put_if(rec, key, value)
        out.append(rec)
    return out


# ---------------------------------------------------------------------- reading
def date(checker: _Reader, rec: dict[str, Any], key: str, path: str) -> str | None:
    """A date field as written (the validator checks that it is ``YYYY-MM-DD``)."""
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        checker.problem(f"{path}.{key}", N_("should be a date YYYY-MM-DD"))
        return None
    return value


def read_objectives(checker: _Reader, doc: dict[str, Any]) -> dict[str, Objective]:
    objectives: dict[str, Objective] = {}
    for path, item in checker.records(doc, "objectives"):
        rec = checker.obj(item, path, ("id", "name"), _OBJECTIVE_FIELDS)
        if rec is None or (oid := checker.new_id(rec, path)) is None:
            continue
        objectives[oid] = Objective(
            oid,
            checker.text(rec, "name", path),
            checker.ref(rec, "parent", path),
            checker.ref(rec, "owner", path),
            checker.text(rec, "horizon", path),
            checker.text(rec, "description", path),
            checker.ref(rec, "original_id", path) or None,
        )
    return objectives


def read_contributions(checker: _Reader, doc: dict[str, Any]) -> dict[tuple[str, str], str]:
    contributions: dict[tuple[str, str], str] = {}
    for path, item in checker.records(doc, "contributions"):
        rec = checker.obj(item, path, ("objective", "process"), ("note",))
        if rec is None:
            continue
        oid = checker.end(rec, "objective", path)
        pid = checker.end(rec, "process", path)
        note = checker.text(rec, "note", path)
        if oid is None or pid is None:
            continue
        if (oid, pid) in contributions:
            checker.problem(
                path,
                N_("the process '{process}' already contributes to '{objective}'"),
                process=pid,
                objective=oid,
            )
            continue
        contributions[(oid, pid)] = note
        checker.paths.rows[(oid, pid)] = path
    return contributions


def read_improvements(checker: _Reader, doc: dict[str, Any]) -> dict[str, Improvement]:
    improvements: dict[str, Improvement] = {}
    for path, item in checker.records(doc, "improvements"):
        rec = checker.obj(item, path, ("id", "process", "title"), _IMPROVEMENT_FIELDS)
        if rec is None or (iid := checker.new_id(rec, path)) is None:
            continue
        pid = checker.end(rec, "process", path)
        if pid is None:
            continue
        started, due, done = (date(checker, rec, key, path) for key in _DATES)
        improvements[iid] = Improvement(
            iid,
            pid,
            checker.text(rec, "title", path),
            checker.word(rec, "status") if "status" in rec else "idea",
            checker.ref(rec, "responsible", path),
            checker.ref(rec, "kpi", path),
            started,
            due,
            done,
            checker.text(rec, "description", path),
            checker.ref(rec, "original_id", path) or None,
        )
    return improvements
