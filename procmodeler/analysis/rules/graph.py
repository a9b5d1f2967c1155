"""Graph analysis rules: dependency cycles, single points of failure, hand-off hotspots."""

from __future__ import annotations

from collections.abc import Iterator

from procmodeler.analysis.graphs import articulation_points, strongly_connected_components
from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.rules.registry import Raw, _level, _Msg, _NameList, _rule, _unit_names
from procmodeler.common.i18n import N_


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
    for component in strongly_connected_components(flows):
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
        "Some processes are the only link between groups of processes on their level and "
        "are related to at least three of their siblings: if such a hub stops, the groups "
        "it connects are cut off from each other."
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
    neighbours: dict[str, set[str]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    for pid in sorted(articulation_points(edges)):
        if len(neighbours[pid]) < 3:  # a step in the middle of a plain chain (RULES v2)
            continue
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
