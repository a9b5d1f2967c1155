"""Rules about responsibility: owners, accountable units and participation."""

from __future__ import annotations

from collections.abc import Iterator

from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.rules.registry import Raw, _Msg, _rule, _unit_names
from procmodeler.common.i18n import N_


# ---------------------------------------------------------------------- responsibility
@_rule(
    "responsibility.no-owner",
    "error",
    N_("Process without an owner"),
    N_(
        "Every process needs a process owner who answers for it across unit "
        "boundaries. A process without an owner, whose parent processes have none "
        "either, is nobody's responsibility."
    ),
    N_("Assign a process owner to the process or to one of its parent processes."),
)
def check_no_owner(idx: ModelIndex) -> Iterator[Raw]:
    people = idx.arch.people
    owned = {pid for pid, p in idx.processes.items() if p.owner is not None and p.owner in people}
    covered = idx.self_or_ancestor_in(owned)
    for pid in idx.processes:
        if pid in covered:
            continue
        name = idx.process_name(pid)
        if idx.parent[pid] is None:
            msg = _Msg(
                N_("'{name}' has no process owner. Assign a process owner to '{name}'."),
                name=name,
            )
        else:
            msg = _Msg(
                N_(
                    "'{name}' has no process owner, and neither has any of its parent "
                    "processes. Assign a process owner to '{name}' or to one of its "
                    "parent processes."
                ),
                name=name,
            )
        yield Raw((pid,), msg)


@_rule(
    "responsibility.multiple-accountable",
    "error",
    N_("More than one accountable unit"),
    N_(
        "Accountable (A) means the one unit that answers for the result. When several "
        "units are accountable, none of them is in practice, and decisions fall "
        "between them."
    ),
    N_("Keep A for exactly one participating unit and give the others R, C or I."),
)
def check_multiple_accountable(idx: ModelIndex) -> Iterator[Raw]:
    for pid, units in idx.accountable.items():
        if len(units) > 1:
            yield Raw(
                (pid,),
                _Msg(
                    N_(
                        "{n} units are accountable (A) for '{name}': {units}. Only one "
                        "unit can be accountable; keep A for one of them and give the "
                        "others R, C or I."
                    ),
                    count=len(units),
                    name=idx.process_name(pid),
                    units=_unit_names(idx, units),
                ),
                tuple(units),
            )


@_rule(
    "responsibility.no-accountable",
    "warning",
    N_("No accountable unit"),
    N_(
        "Units take part in the process, but none of them is accountable (A) for its "
        "result, so nobody answers for it across the units."
    ),
    N_("Give exactly one of the participating units the role A."),
)
def check_no_accountable(idx: ModelIndex) -> Iterator[Raw]:
    accountable = idx.accountable
    for pid, rows in idx.participation.items():
        if pid not in accountable:
            units = list(rows)
            yield Raw(
                (pid,),
                _Msg(
                    "No unit is accountable (A) for '{name}', although {units} takes "
                    "part. Give it the role A.",
                    "No unit is accountable (A) for '{name}', although {units} take "
                    "part. Give exactly one of the participating units the role A.",
                    len(units),
                    name=idx.process_name(pid),
                    units=_unit_names(idx, units),
                ),
                tuple(units),
            )


@_rule(
    "responsibility.no-participation",
    "warning",
    N_("Top-level process without participating units"),
    N_(
        "A top-level process runs across the organisation. Without the units that take "
        "part in it and their roles (R, A, C, I), cross-unit responsibility is not "
        "explicit."
    ),
    N_("Record which units take part in the process and with which roles."),
)
def check_no_participation(idx: ModelIndex) -> Iterator[Raw]:
    participation = idx.participation
    for pid in idx.children.get(None, ()):
        if pid not in participation:
            yield Raw(
                (pid,),
                _Msg(
                    N_(
                        "No unit takes part in the top-level process '{name}'. Record "
                        "which units take part in it and with which roles (R, A, C, I)."
                    ),
                    name=idx.process_name(pid),
                ),
            )


@_rule(
    "responsibility.owner-not-involved",
    "warning",
    N_("Owner outside the participating units"),
    N_(
        "The process owner belongs to a unit that neither takes part in the process nor "
        "stands above a unit that does, so the owner has no line to the work."
    ),
    N_(
        "Choose an owner from a participating unit or a unit above one, or record the "
        "owner's unit as taking part."
    ),
)
def check_owner_not_involved(idx: ModelIndex) -> Iterator[Raw]:
    for pid, rows in idx.participation.items():
        person = idx.owner(pid)
        if person is None:
            continue
        unit = idx.unit_of(person)
        if unit is None:
            continue
        if any(idx.unit_is_ancestor_or_self(unit, u) for u in rows):
            continue
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "The owner of '{name}', {owner}, belongs to '{unit}', which neither "
                    "takes part in the process nor stands above a unit that does "
                    "({units}). Choose an owner from a participating unit or a unit above "
                    "one, or record '{unit}' as taking part."
                ),
                name=idx.process_name(pid),
                owner=person.name,
                unit=idx.unit_name(unit),
                units=_unit_names(idx, list(rows)),
            ),
            (person.id, unit),
        )


@_rule(
    "responsibility.owner-below-span",
    "warning",
    N_("Owner does not stand over the whole process"),
    N_(
        "When several units take part, the process owner should belong to the unit "
        "where they all meet (their span) or above it. An owner lower down, or beside "
        "it, cannot settle matters between the units."
    ),
    N_(
        "Choose an owner from the unit where the participating units meet, or from a unit above it."
    ),
)
def check_owner_below_span(idx: ModelIndex) -> Iterator[Raw]:
    for pid, rows in idx.participation.items():
        if len(rows) < 2:
            continue
        person = idx.owner(pid)
        if person is None:
            continue
        unit = idx.unit_of(person)
        if unit is None:
            continue
        units = list(rows)
        span = idx.span(units)
        if span is not None and idx.unit_is_ancestor_or_self(unit, span):
            continue
        if span is None:
            msg = _Msg(
                N_(
                    "The participating units of '{name}' ({units}) belong to separate "
                    "organisation trees, so its owner {owner} ('{unit}') cannot stand "
                    "over the whole process. Bring the units under a common unit, or "
                    "limit the participation to units of one tree."
                ),
                name=idx.process_name(pid),
                units=_unit_names(idx, units),
                owner=person.name,
                unit=idx.unit_name(unit),
            )
            related: tuple[str, ...] = (person.id, unit)
        else:
            msg = _Msg(
                N_(
                    "The owner of '{name}', {owner} ('{unit}'), does not stand over the "
                    "whole process: its participating units ({units}) meet only at "
                    "'{span}'. Choose an owner from '{span}' or a unit above it."
                ),
                name=idx.process_name(pid),
                owner=person.name,
                unit=idx.unit_name(unit),
                units=_unit_names(idx, units),
                span=idx.unit_name(span),
            )
            related = (person.id, unit, span)
        yield Raw((pid,), msg, related)


@_rule(
    "responsibility.owner-without-unit",
    "warning",
    N_("Owner without a unit"),
    N_(
        "The process owner belongs to no unit, so it is unclear where in the "
        "organisation the process is owned and how the owner relates to the units that "
        "take part."
    ),
    N_("Assign the owner to a unit, or choose an owner who belongs to one."),
)
def check_owner_without_unit(idx: ModelIndex) -> Iterator[Raw]:
    for pid in idx.processes:
        person = idx.owner(pid)
        if person is None or idx.unit_of(person) is not None:
            continue
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "The owner of '{name}', {owner}, belongs to no unit. Assign {owner} "
                    "to a unit, or choose an owner who belongs to one."
                ),
                name=idx.process_name(pid),
                owner=person.name,
            ),
            (person.id,),
        )
