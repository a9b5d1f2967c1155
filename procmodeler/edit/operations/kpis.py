"""Operations on KPIs, rule settings and suppressed findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.operations.common import (
    KPI_PREFIX,
    RULE_VALUES,
    _check_choice,
    _clean_name,
    _kpi,
    _new_id,
    _number,
    _objective,
    _process,
    _refuse,
)
from procmodeler.edit.operations.strategy import forget_kpis
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    Kpi,
    default_direction,
    nfc,
)


# ---------------------------------------------------------------------- KPIs
def _kpi_fields(arch: Architecture, fields: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "name":
            clean[key] = _clean_name(value)
        elif key == "measure":
            clean[key] = nfc(str(value).strip())
        elif key == "kind":
            _check_choice(value, KPI_KINDS, "KPI kind")
            clean[key] = value
        elif key == "direction":
            _check_choice(value, DIRECTIONS, "direction")
            clean[key] = value
        elif key in ("target", "actual"):
            clean[key] = None if value is None else _number(value)
        elif key == "objective":
            if value is not None:
                _objective(arch, value)
            clean[key] = value
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    return clean


def add_kpi(
    ed: Editor,
    pid: str,
    name: str,
    kind: str = "other",
    kid: str | None = None,
    **fields: Any,
) -> str:
    """Add a KPI to a process; direction defaults from the kind."""
    arch = ed.arch
    proc = _process(arch, pid)
    clean = _kpi_fields(arch, {"name": name, "kind": kind, **fields})
    clean.setdefault("direction", default_direction(kind))
    new_id = _new_id(arch, KPI_PREFIX, kid)
    with ed.transaction(Message(N_("Add KPI to '{name}'"), name=proc.name)):
        ed.put("kpis", new_id, Kpi(new_id, pid, **clean))
    return new_id


def set_kpi(ed: Editor, kid: str, **fields: Any) -> None:
    """Change a KPI's fields. A new kind brings its own direction (lead time and
    variation: lower is better) while the direction is still the old kind's default,
    that is, until the user has chosen another one."""
    kpi = ed.arch.kpis.get(kid)
    if kpi is None:
        raise _refuse(N_("There is no KPI '{id}'."), id=kid)
    clean = _kpi_fields(ed.arch, fields)
    if (
        "kind" in clean
        and "direction" not in clean
        and kpi.direction == default_direction(kpi.kind)
    ):
        clean["direction"] = default_direction(clean["kind"])
    new = replace(kpi, **clean)
    if new == kpi:
        return
    with ed.transaction(Message(N_("Edit KPI '{name}'"), name=kpi.name)):
        ed.put("kpis", kid, new)


def delete_kpi(ed: Editor, kid: str) -> None:
    kpi = ed.arch.kpis.get(kid)
    if kpi is None:
        return
    with ed.transaction(Message(N_("Delete KPI '{name}'"), name=kpi.name)):
        forget_kpis(ed, {kid})
        ed.put("kpis", kid, None)


def set_kpi_objective(ed: Editor, kid: str, oid: str | None) -> None:
    """Say which strategic objective a KPI measures (None: none)."""
    kpi = _kpi(ed.arch, kid)
    if oid is not None:
        _objective(ed.arch, oid)
    if kpi.objective == oid:
        return
    with ed.transaction(Message(N_("Set objective of KPI '{name}'"), name=kpi.name)):
        ed.put("kpis", kid, replace(kpi, objective=oid))


# ---------------------------------------------------------------------- rule settings
def set_rule(ed: Editor, rule: str, value: str | None) -> None:
    """Switch a rule off or give it another severity (None: back to its default)."""
    if value is not None:
        _check_choice(value, RULE_VALUES, "rule setting")
    with ed.transaction(Message(N_("Change rule '{rule}'"), rule=rule)):
        ed.put("rules", rule, value)


def suppress_finding(ed: Editor, rule: str, elements: Sequence[str], justification: str) -> None:
    """Suppress the finding of *rule* for *elements*, with a written justification."""
    text = nfc(justification.strip())
    if not text:
        raise _refuse(N_("A suppressed finding needs a justification."))
    with ed.transaction(Message(N_("Suppress finding of '{rule}'"), rule=rule)):
        ed.put("suppressions", (rule, tuple(elements)), text)


def unsuppress_finding(ed: Editor, rule: str, elements: Sequence[str]) -> None:
    with ed.transaction(Message(N_("Restore finding of '{rule}'"), rule=rule)):
        ed.put("suppressions", (rule, tuple(elements)), None)
