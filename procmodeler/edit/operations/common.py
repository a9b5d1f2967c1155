"""What the editing operations share: id prefixes, sizes and the checks that refuse an edit."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, TypeVar

from procmodeler.common.errors import EditRefused
from procmodeler.common.i18n import N_, Message
from procmodeler.common.numbers import parse_decimal
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    SEVERITIES,
    Improvement,
    Kpi,
    Objective,
    Person,
    Process,
    Relation,
    Unit,
    is_date,
    is_ncname,
    nfc,
)

#: Id prefixes for new elements (NCName-safe, deterministic numbering).
PROCESS_PREFIX = "proc_"
UNIT_PREFIX = "unit_"
PERSON_PREFIX = "person_"
RELATION_PREFIX = "rel_"
KPI_PREFIX = "kpi_"
OBJECTIVE_PREFIX = "obj_"
IMPROVEMENT_PREFIX = "impr_"


PROCESS_TEXT_FIELDS = ("name", "purpose", "customer", "need", "result")
RULE_VALUES = ("off", *SEVERITIES)


# ---------------------------------------------------------------------- helpers
T = TypeVar("T")


def _refuse(msgid: str, **args: Any) -> EditRefused:
    return EditRefused(Message(msgid, **args))


def _existing(found: T | None, msgid: str, element_id: str) -> T:
    """*found*, or a refusal saying that *element_id* does not exist."""
    if found is None:
        raise _refuse(msgid, id=element_id)
    return found


def _process(arch: Architecture, pid: str) -> Process:
    return _existing(arch.processes.get(pid), N_("There is no process '{id}'."), pid)


def _unit(arch: Architecture, uid: str) -> Unit:
    return _existing(arch.units.get(uid), N_("There is no unit '{id}'."), uid)


def _person(arch: Architecture, person_id: str) -> Person:
    return _existing(arch.people.get(person_id), N_("There is no person '{id}'."), person_id)


def _relation(arch: Architecture, rid: str) -> Relation:
    return _existing(arch.relations.get(rid), N_("There is no relation '{id}'."), rid)


def _kpi(arch: Architecture, kid: str) -> Kpi:
    return _existing(arch.kpis.get(kid), N_("There is no KPI '{id}'."), kid)


def _objective(arch: Architecture, oid: str) -> Objective:
    return _existing(arch.objectives.get(oid), N_("There is no objective '{id}'."), oid)


def _improvement(arch: Architecture, iid: str) -> Improvement:
    return _existing(arch.improvements.get(iid), N_("There is no improvement '{id}'."), iid)


def _date(value: Any) -> str | None:
    """A date ``YYYY-MM-DD`` (a ``datetime.date`` or its text; None or "" clears it)."""
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    if not text:
        return None
    if not is_date(text):
        raise _refuse(N_("'{value}' is not a date; write it as YYYY-MM-DD."), value=text)
    return text


def _level(arch: Architecture, level: str | None) -> None:
    """A diagram level is the landscape (None) or an existing process."""
    if level is not None and level not in arch.processes:
        raise _refuse(N_("There is no diagram of '{id}'."), id=level)


def _clean_name(name: str) -> str:
    name = nfc(" ".join(name.split()))
    if not name:
        raise _refuse(N_("A name cannot be empty."))
    return name


# One message per vocabulary, so that a translation never has an English word inside.
_NOT_A_VALID = {
    "language": N_("'{value}' is not a valid language; use one of: {allowed}."),
    "process kind": N_("'{value}' is not a valid process kind; use one of: {allowed}."),
    "status": N_("'{value}' is not a valid status; use one of: {allowed}."),
    "relation kind": N_("'{value}' is not a valid relation kind; use one of: {allowed}."),
    "KPI kind": N_("'{value}' is not a valid KPI kind; use one of: {allowed}."),
    "direction": N_("'{value}' is not a valid direction; use one of: {allowed}."),
    "rule setting": N_("'{value}' is not a valid rule setting; use one of: {allowed}."),
    "establishment level": N_(
        "'{value}' is not a valid establishment level; use one of: {allowed}."
    ),
    "improvement status": N_("'{value}' is not a valid improvement status; use one of: {allowed}."),
}


def _check_choice(value: str, allowed: Sequence[str], what: str) -> None:
    if value not in allowed:
        raise _refuse(_NOT_A_VALID[what], value=value, allowed=", ".join(allowed))


def _finite(*values: float) -> None:
    """Refuse NaN and infinities: a model file cannot hold them."""
    if not all(math.isfinite(v) for v in values):
        raise _refuse(N_("Positions and sizes must be finite numbers."))


def _number(value: Any) -> float:
    try:
        number = parse_decimal(value) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise _refuse(N_("'{value}' is not a number."), value=value) from None
    if not math.isfinite(number):
        raise _refuse(N_("'{value}' is not a number."), value=value)
    return number


def _new_id(arch: Architecture, prefix: str, wanted: str | None) -> str:
    if wanted is not None:
        if not is_ncname(wanted):
            raise _refuse(N_("'{id}' is not a valid identifier."), id=wanted)
        if wanted in arch.all_ids():
            raise _refuse(N_("The identifier '{id}' is already in use."), id=wanted)
        return wanted
    return arch.next_id(prefix)


def _names(arch: Architecture, pids: Sequence[str]) -> str:
    return ", ".join(f"'{arch.processes[p].name}'" for p in pids if p in arch.processes)
