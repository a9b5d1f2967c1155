"""Rules about processes that are not connected: isolated, unused, without a customer, unplaced."""

from __future__ import annotations

from collections.abc import Iterator

from procmodeler.analysis.graphs import connected_components
from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.rules.registry import Raw, _level, _Msg, _rule
from procmodeler.common.i18n import N_


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
    for pid in idx.isolated:
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
    """Processes of *process_kind* without an outgoing *relation_kind* of their own, of an
    ancestor or of a descendant; not those already reported as isolated (RULES v2)."""
    candidates = [pid for pid, p in idx.processes.items() if p.kind == process_kind]
    if not candidates:
        return
    isolated = set(idx.isolated)
    candidates = [pid for pid in candidates if pid not in isolated]
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
    edges = [(r.source, r.target) for r in idx.flow if r.source != r.target]
    linked = {pid for edge in edges for pid in edge}
    served: set[str] = set()
    wanted = {pid for pid in candidates if pid in linked}
    if wanted:
        for component in connected_components(edges):
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
