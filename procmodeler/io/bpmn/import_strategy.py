"""Strategy in a BPMN import (our own extension data): a process's ``established`` and
``nextReview``, ``pm:objective``, ``pm:contribution`` and ``pm:improvement`` of the
architecture, a KPI's ``objective``. Lenient like the rest of the import: what does not
fit (an unknown word, a date that is not ``YYYY-MM-DD``, a reference to nothing, a cycle
of objectives) is left out with a warning, so the model is always valid."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from lxml import etree

from procmodeler.common.i18n import N_
from procmodeler.io.bpmn.names import pm
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    ESTABLISHMENT_LEVELS,
    IMPROVEMENT_STATUSES,
    Improvement,
    Objective,
    is_date,
)
from procmodeler.model.validate import find_cycles

_LEFT_OUT = N_("'{name}' refers to '{id}' ({field}), which the file does not hold; left out")
_NOT_A_DATE = N_("'{name}' has a {field} '{value}' that is not a date YYYY-MM-DD; left out")


def process_strategy(reader: Any, name: str, data: Mapping[str, str]) -> dict[str, Any]:
    """``established`` and ``next_review`` of a ``pm:process`` (what fits) from its
    attributes *data*."""
    fields: dict[str, Any] = {}
    level = data.get("established")
    if level in ESTABLISHMENT_LEVELS:
        fields["established"] = level
    elif level:
        reader.warn(
            N_("'{name}' has an unknown establishment level '{level}'; left out"),
            name=name,
            level=level,
        )
    review = data.get("nextReview")
    if review and is_date(review):
        fields["next_review"] = review
    elif review:
        reader.warn(_NOT_A_DATE, name=name, field="nextReview", value=review)
    return fields


class _Strategy:
    def __init__(self, reader: Any, arch: Architecture) -> None:
        self.reader = reader
        self.arch = arch
        self.objective_of: dict[str, str] = {}  # id in the file -> model id
        self.kpi_of = {data.get("id"): kid for kid, data in reader.kpi_data.items()}

    def ref(self, name: str, field: str, raw: str | None, known: dict[str, str]) -> str | None:
        if not raw:
            return None
        found = known.get(raw)
        if found is None:
            self.reader.warn(_LEFT_OUT, name=name, id=raw, field=field)
        return found

    def process(self, raw: str | None) -> str | None:
        if raw is None:
            return None
        pid = self.reader.node_proc.get(raw, raw)
        return pid if pid in self.arch.processes else None

    def person(self, name: str, raw: str | None) -> str | None:
        people = {p: p for p in self.arch.people}
        return self.ref(name, "person", raw, people)

    def date(self, name: str, field: str, raw: str | None) -> str | None:
        if raw and not is_date(raw):
            self.reader.warn(_NOT_A_DATE, name=name, field=field, value=raw)
            return None
        return raw or None


def read_strategy(
    reader: Any, arch: Architecture, ext: list[etree._Element], kpi_objectives: dict[str, str]
) -> None:
    """Put the strategy of our extension data *ext* into *arch* (processes, people and
    KPIs are already there)."""
    s = _Strategy(reader, arch)
    raw_objectives = [e for e in ext if e.tag == pm("objective") and e.get("id")]
    for e in raw_objectives:
        s.objective_of[e.get("id", "")], _ = reader.model_id(e.get("id"), "obj_")
    objectives: dict[str, Objective] = {}
    for e in raw_objectives:
        oid = s.objective_of[e.get("id", "")]
        name = reader.name_of(e.get("name")) or oid
        objectives[oid] = Objective(
            oid,
            name,
            s.ref(name, "parent", e.get("parent"), s.objective_of),
            s.person(name, e.get("owner")),
            e.get("horizon", ""),
            e.text or "",
            e.get("originalId"),
        )
    for cycle in find_cycles({oid: o.parent for oid, o in objectives.items()}):
        objectives[cycle[0]] = replace(objectives[cycle[0]], parent=None)
        reader.warn(N_("objectives form a cycle; '{name}' became a top-level objective"),
                    name=objectives[cycle[0]].name)  # fmt: skip
    for oid, objective in objectives.items():
        arch.put("objectives", oid, objective)
    for kid, raw in kpi_objectives.items():
        found = s.ref(arch.kpis[kid].name, "objective", raw, s.objective_of)
        arch.put("kpis", kid, replace(arch.kpis[kid], objective=found))
    for e in ext:
        if e.tag == pm("contribution"):
            _contribution(s, e)
        elif e.tag == pm("improvement") and e.get("id"):
            _improvement(s, e)


def _contribution(s: _Strategy, e: etree._Element) -> None:
    oid = s.objective_of.get(e.get("objective", ""))
    pid = s.process(e.get("process"))
    if oid is None or pid is None:
        raw = e.get("objective") if oid is None else e.get("process")
        s.reader.warn(_LEFT_OUT, name=e.get("objective", ""), id=raw, field="contribution")
        return
    s.arch.put("contributions", (oid, pid), e.text or "")


def _improvement(s: _Strategy, e: etree._Element) -> None:
    title = s.reader.name_of(e.get("title")) or e.get("id", "")
    pid = s.process(e.get("process"))
    if pid is None:
        s.reader.warn(_LEFT_OUT, name=title, id=e.get("process"), field="process")
        return
    status = e.get("status") or "idea"
    if status not in IMPROVEMENT_STATUSES:
        s.reader.warn(
            N_("'{name}' has an unknown status '{status}'; idea was used"),
            name=title,
            status=status,
        )
        status = "idea"
    iid, _ = s.reader.model_id(e.get("id"), "impr_")
    s.arch.put(
        "improvements",
        iid,
        Improvement(
            iid,
            pid,
            title,
            status,
            s.person(title, e.get("responsible")),
            s.ref(title, "kpi", e.get("kpi"), s.kpi_of),
            s.date(title, "started", e.get("started")),
            s.date(title, "due", e.get("due")),
            s.date(title, "done", e.get("done")),
            e.text or "",
            e.get("originalId"),
        ),
    )
