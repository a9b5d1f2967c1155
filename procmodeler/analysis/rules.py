"""The rules of ``RULES.md``: one function per rule, registered in :data:`RULES` with
its id, default severity and the texts a reader needs (title, why it matters, what to
do), all translatable.

A rule function takes the run's :class:`~procmodeler.analysis.index.ModelIndex` and
yields :class:`Raw` findings: the ``elements`` that identify the finding, the message
(a lazy :class:`~procmodeler.common.i18n.Message`, rendered in the run's language)
and the ids of further elements the message mentions. Graph-shaped rules use
networkx (connected components, strongly connected components, articulation points);
the rest is plain Python over the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import networkx as nx

from procmodeler.analysis.index import ModelIndex
from procmodeler.common.i18n import N_, Message, Translator, translator

#: How many names a message lists before it says "and N more".
MAX_NAMES = 8


@dataclass(frozen=True, slots=True)
class Raw:
    """A finding before severity, language and suppression are applied."""

    elements: tuple[str, ...]
    message: Message
    related: tuple[str, ...] = ()


RuleFunction = Callable[[ModelIndex], Iterator[Raw]]


@dataclass(frozen=True)
class RuleInfo:
    """A rule: stable id, default severity, group, texts (English msgids) and its check.

    ``title``, ``why`` and ``what`` are English source strings; translate them with
    :meth:`texts` (or a :class:`~procmodeler.common.i18n.Translator`).
    """

    id: str
    severity: str
    group: str
    title: str
    why: str
    what: str
    check: RuleFunction
    #: True when ``elements`` is a set of ids given in sorted order (a suppression
    #: for this rule matches whatever order its ids are written in).
    elements_sorted: bool = False

    def texts(self, tr: Translator) -> tuple[str, str, str]:
        """(title, why it matters, what to do) in *tr*'s language."""
        return tr(self.title), tr(self.why), tr(self.what)


#: Rule groups in RULES.md order, with their headings.
GROUPS: dict[str, str] = {
    "orphan": N_("Orphaned processes"),
    "responsibility": N_("Unclear responsibility"),
    "kpi": N_("Flow and effect"),
    "analysis": N_("Graph analysis"),
}

RULES: dict[str, RuleInfo] = {}


def _rule(
    rule_id: str,
    severity: str,
    title: str,
    why: str,
    what: str,
    elements_sorted: bool = False,
) -> Callable[[RuleFunction], RuleFunction]:
    def register(func: RuleFunction) -> RuleFunction:
        group = rule_id.split(".", 1)[0]
        RULES[rule_id] = RuleInfo(rule_id, severity, group, title, why, what, func, elements_sorted)
        return func

    return register


# ---------------------------------------------------------------------- helpers
def _q(name: str) -> str:
    return f"'{name}'"


class _NameList:
    """A list of names rendered as "'A', 'B', 'C'" or "'A', 'B' and 3 more"."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def text(self, tr: Translator) -> str:
        shown = ", ".join(_q(n) for n in self.names[:MAX_NAMES])
        rest = len(self.names) - MAX_NAMES
        if rest <= 0:
            return shown
        # plural pairs are plain literals (not N_): extractors read Message(a, b, n)
        return Message("{names} and {n} more", "{names} and {n} more", rest, names=shown).text(tr)


class _Msg(Message):
    """A Message whose arguments may be name lists or nested messages (rendered late)."""

    def text(self, tr: Translator | None = None) -> str:
        tr = tr or translator("en")
        args = {
            k: (v.text(tr) if isinstance(v, (_NameList, Message)) else v)
            for k, v in self.args.items()
        }
        template = tr.n(self.msgid, self.plural, self.count) if self.plural else tr(self.msgid)
        return template.format(n=self.count, **args)


def _level(idx: ModelIndex, parent: str | None) -> Message:
    if parent is None:
        return Message(N_("the landscape"))
    return Message(N_("the diagram of '{name}'"), name=idx.process_name(parent))


def _unit_names(idx: ModelIndex, uids: list[str]) -> _NameList:
    return _NameList([idx.unit_name(u) for u in uids])


# ---------------------------------------------------------------------- orphans
@_rule(
    "orphan.isolated",
    "error",
    N_("Isolated process"),
    N_(
        "A process that exchanges nothing with any other process, and whose "
        "sub-processes exchange nothing either, is not part of how value is created: "
        "either its relations are missing from the map or the process is no longer used."
    ),
    N_(
        "Connect it to the processes it receives from, delivers to, supports or steers, "
        "or remove it if it is no longer needed."
    ),
)
def check_isolated(idx: ModelIndex) -> Iterator[Raw]:
    with_relation = idx.self_or_descendant_in(idx.related)
    for pid in idx.processes:
        if pid not in with_relation and idx.siblings_count(pid) > 0:
            yield Raw(
                (pid,),
                _Msg(
                    N_(
                        "'{name}' has no relation to any other process, and none of its "
                        "sub-processes has one. Connect it to the processes it receives "
                        "from, delivers to, supports or steers, or remove it if it is no "
                        "longer needed."
                    ),
                    name=idx.process_name(pid),
                ),
            )


def _kind_unused(idx: ModelIndex, process_kind: str, relation_kind: str) -> Iterator[str]:
    candidates = [pid for pid, p in idx.processes.items() if p.kind == process_kind]
    if not candidates:
        return
    own = idx.sources_of(relation_kind)
    below = idx.self_or_descendant_in(own)
    above = idx.self_or_ancestor_in(own)
    for pid in candidates:
        if pid not in below and pid not in above:
            yield pid


@_rule(
    "orphan.support-unused",
    "warning",
    N_("Support process that supports nothing"),
    N_(
        "A support process exists to create value for other processes. If no support "
        "relation goes out from it, its parent processes or its sub-processes, nobody "
        "can see whom it serves, and its cost cannot be justified."
    ),
    N_(
        "Add a support relation from it to the processes it serves, or reconsider "
        "whether the process is still needed."
    ),
)
def check_support_unused(idx: ModelIndex) -> Iterator[Raw]:
    for pid in _kind_unused(idx, "support", "support"):
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "Support process '{name}' supports no other process: neither it, nor "
                    "a parent process, nor one of its sub-processes has an outgoing "
                    "support relation. Add a support relation to the processes it "
                    "serves, or reconsider whether it is needed."
                ),
                name=idx.process_name(pid),
            ),
        )


@_rule(
    "orphan.steers-nothing",
    "warning",
    N_("Management process that steers nothing"),
    N_(
        "A management process exists to steer and develop other processes. If no "
        "steering relation goes out from it, its parent processes or its sub-processes, "
        "the map does not show what it steers."
    ),
    N_(
        "Add a steering relation from it to the processes it steers, or reconsider "
        "whether the process is still needed."
    ),
)
def check_steers_nothing(idx: ModelIndex) -> Iterator[Raw]:
    for pid in _kind_unused(idx, "management", "steering"):
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "Management process '{name}' steers no other process: neither it, "
                    "nor a parent process, nor one of its sub-processes has an outgoing "
                    "steering relation. Add a steering relation to the processes it "
                    "steers, or reconsider whether it is needed."
                ),
                name=idx.process_name(pid),
            ),
        )


@_rule(
    "orphan.no-customer",
    "warning",
    N_("Core process without a customer"),
    N_(
        "A core process creates value for a customer. One that has no customer of its "
        "own and is not linked by flows to a core process that has one creates value "
        "for nobody that the map can show."
    ),
    N_(
        "Name the customer of the process, or connect it by flow relations to the core "
        "process that serves the customer."
    ),
)
def check_no_customer(idx: ModelIndex) -> Iterator[Raw]:
    procs = idx.processes
    candidates = [
        pid
        for pid, p in procs.items()
        if p.kind == "core" and idx.parent[pid] is None and not p.customer.strip()
    ]
    if not candidates:
        return
    graph = nx.Graph()
    graph.add_edges_from((r.source, r.target) for r in idx.flow if r.source != r.target)
    served: set[str] = set()
    wanted = {pid for pid in candidates if pid in graph}
    if wanted:
        for component in nx.connected_components(graph):
            if not wanted.isdisjoint(component) and any(
                procs[p].kind == "core" and procs[p].customer.strip() for p in component
            ):
                served |= component
    for pid in candidates:
        if pid not in served:
            yield Raw(
                (pid,),
                _Msg(
                    N_(
                        "Core process '{name}' has no customer, and no core process "
                        "with a customer can be reached from it along flow relations. "
                        "Name its customer, or connect it by flow to the core process "
                        "that serves the customer."
                    ),
                    name=procs[pid].name,
                ),
            )


@_rule(
    "orphan.unplaced",
    "warning",
    N_("Process shown on no diagram"),
    N_(
        "A process that is on no diagram is invisible to everyone who reads the map or "
        "the report, although it is part of the model (typically it was imported or "
        "created without a shape)."
    ),
    N_("Place it on the diagram of its level, or remove it if it is not needed."),
)
def check_unplaced(idx: ModelIndex) -> Iterator[Raw]:
    placed = idx.placed
    for pid in idx.processes:
        if pid not in placed:
            yield Raw(
                (pid,),
                _Msg(
                    N_(
                        "'{name}' is not shown on any diagram. Place it on {level} so "
                        "that readers of the map can see it, or remove it if it is not "
                        "needed."
                    ),
                    name=idx.process_name(pid),
                    level=_level(idx, idx.parent[pid]),
                ),
            )


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


# ---------------------------------------------------------------------- flow and effect
FLOW_MEASURE_KINDS = frozenset({"lead_time", "customer_experience"})


@_rule(
    "kpi.core-without-flow-measure",
    "warning",
    N_("Core process without a flow measure"),
    N_(
        "Core processes are steered on flow and effect: how long the customer waits and "
        "how the customer experiences the result. Without such a measure the process "
        "can only be steered on cost."
    ),
    N_("Add a KPI of kind lead time or customer experience to the process."),
)
def check_core_without_flow_measure(idx: ModelIndex) -> Iterator[Raw]:
    kpis_of = idx.kpis_of
    for pid in idx.children.get(None, ()):
        if idx.processes[pid].kind != "core":
            continue
        if any(k.kind in FLOW_MEASURE_KINDS for k in kpis_of.get(pid, ())):
            continue
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "Core process '{name}' has no KPI of kind lead time or customer "
                    "experience. Add one, so that the process can be steered on flow "
                    "and effect."
                ),
                name=idx.process_name(pid),
            ),
        )


@_rule(
    "kpi.no-target",
    "info",
    N_("KPI without a target"),
    N_("Without a target, nobody can tell whether the actual value of a KPI is good enough."),
    N_("Set a target for the KPI."),
)
def check_kpi_no_target(idx: ModelIndex) -> Iterator[Raw]:
    for pid, kpis in idx.kpis_of.items():
        for kpi in kpis:
            if kpi.target is None:
                yield Raw(
                    (pid,),
                    _Msg(
                        N_(
                            "KPI '{kpi}' of '{name}' has no target. Set a target so that "
                            "its actual value can be judged."
                        ),
                        kpi=kpi.name,
                        name=idx.process_name(pid),
                    ),
                    (kpi.id,),
                )


# ---------------------------------------------------------------------- graph analysis
@_rule(
    "analysis.dependency-cycle",
    "info",
    N_("Cycle of flow dependencies"),
    N_(
        "Processes that depend on each other's output in a loop can hold each other up; "
        "loops often hide rework, waiting and unclear hand-offs that lengthen lead times."
    ),
    N_(
        "Check that the loop is intended (for example planned rework) and agree how work "
        "moves through it; otherwise break it."
    ),
    elements_sorted=True,
)
def check_dependency_cycle(idx: ModelIndex) -> Iterator[Raw]:
    flows = [(r.source, r.target) for r in idx.flow if r.source != r.target]
    if not flows:
        return
    graph = nx.DiGraph()
    graph.add_edges_from(flows)
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        ids = tuple(sorted(component))
        yield Raw(
            ids,
            _Msg(
                N_(
                    "{n} processes depend on each other in a loop of flow relations: "
                    "{names}. Check that the loop is intended (for example planned "
                    "rework) and agree how work moves through it; otherwise break it."
                ),
                count=len(ids),
                names=_NameList([idx.process_name(p) for p in ids]),
            ),
        )


@_rule(
    "analysis.single-point-of-failure",
    "info",
    N_("Single point of failure"),
    N_(
        "Some processes are the only link between groups of processes on their level: "
        "if such a process stops, the groups it connects are cut off from each other."
    ),
    N_(
        "Make sure the process has a clear owner and a fallback, or add direct relations "
        "between the groups it connects."
    ),
)
def check_single_point_of_failure(idx: ModelIndex) -> Iterator[Raw]:
    # Relations between siblings only; sibling sets share no processes, so the
    # articulation points of their union are those of each sibling graph.
    parent = idx.parent
    edges = [
        (r.source, r.target)
        for r in idx.relations
        if r.source != r.target and parent[r.source] == parent[r.target]
    ]
    if len(edges) < 2:
        return
    graph = nx.Graph()
    graph.add_edges_from(edges)
    for pid in sorted(nx.articulation_points(graph)):
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "'{name}' is the only link between groups of processes on {level}: "
                    "without it they would be cut off from each other. Make sure it has "
                    "a clear owner and a fallback, or add direct relations between the "
                    "groups."
                ),
                name=idx.process_name(pid),
                level=_level(idx, parent[pid]),
            ),
        )


@_rule(
    "analysis.handoff-hotspot",
    "info",
    N_("Hand-off hotspot"),
    N_(
        "Every flow between processes that different units are accountable for is a "
        "hand-off between units. A process with many of them is where delays and lost "
        "information between units collect."
    ),
    N_(
        "Agree the hand-offs with the other units (what is delivered, when, in what "
        "form), or reconsider where the unit boundaries cut the flow."
    ),
)
def check_handoff_hotspot(idx: ModelIndex) -> Iterator[Raw]:
    one: dict[str, str] = {
        pid: units[0] for pid, units in idx.accountable.items() if len(units) == 1
    }
    if len(one) < 2:
        return
    counts: dict[str, int] = {}
    others: dict[str, dict[str, None]] = {}
    for r in idx.flow:
        a = one.get(r.source)
        b = one.get(r.target)
        if a is None or b is None or a == b:
            continue
        counts[r.source] = counts.get(r.source, 0) + 1
        counts[r.target] = counts.get(r.target, 0) + 1
        others.setdefault(r.source, {})[b] = None
        others.setdefault(r.target, {})[a] = None
    for pid, count in counts.items():
        if count < 3:
            continue
        other_units = sorted(others[pid], key=lambda u: (idx.unit_name(u), u))
        yield Raw(
            (pid,),
            _Msg(
                N_(
                    "'{name}' (accountable: '{unit}') has {n} flow relations with "
                    "processes that other units are accountable for ({units}). Agree "
                    "these hand-offs with those units, or reconsider where the unit "
                    "boundaries cut the flow."
                ),
                name=idx.process_name(pid),
                unit=idx.unit_name(one[pid]),
                count=count,
                units=_unit_names(idx, other_units),
            ),
            (one[pid], *other_units),
        )
