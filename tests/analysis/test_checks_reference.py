"""The fast, indexed rules agree with naive reference implementations written word for
word from RULES.md (using the model's own queries and brute force), on random models."""

from __future__ import annotations

import datetime
import random

import networkx as nx
from checks_helpers import Model
from hypothesis import given, settings
from hypothesis import strategies as st

from procmodeler.analysis import RULES, run_checks
from procmodeler.edit import operations as op
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    IMPROVEMENT_STATUSES,
    KPI_KINDS,
    PROCESS_KINDS,
    RELATION_KINDS,
    Kpi,
)
from tests.analysis.test_xmr import naive

Found = dict[str, list[tuple[str, ...]]]


def random_model(seed: int) -> Model:
    rnd = random.Random(seed)
    m = Model()
    units: list[str] = []
    for i in range(rnd.randint(0, 7)):
        parent = rnd.choice([None, *units]) if units else None
        units.append(m.unit(f"u{i}", parent))
    people: list[str] = []
    for i in range(rnd.randint(0, 5)):
        people.append(m.person(f"h{i}", rnd.choice([None, *units])))
    pids: list[str] = []
    for i in range(rnd.randint(1, 14)):
        parent = rnd.choice([None, None, *pids]) if pids else None
        owner = rnd.choice([None, None, *people]) if people else None
        customer = rnd.choice(["", "", "Customer"])
        m.proc(
            f"p{i}",
            rnd.choice(PROCESS_KINDS),
            parent,
            place=rnd.random() < 0.85,
            customer=customer,
            owner=owner,
        )
        pids.append(f"p{i}")
    for _ in range(rnd.randint(0, 3 * len(pids))):
        a, b = rnd.choice(pids), rnd.choice(pids)
        if a != b:
            m.rel(a, b, rnd.choice(["flow", *RELATION_KINDS]))
    for pid in pids:
        if units and rnd.random() < 0.6:  # often exactly one accountable unit
            m.part(pid, rnd.choice(units), "A")
        for uid in units:
            if rnd.random() < 0.2:
                m.part(pid, uid, rnd.choice(["", "A", "RA", "R", "C", "I", "CI"]))
        for k in range(rnd.choice([0, 0, 1, 2])):
            target = rnd.choice([None, 0.0, 5.0, 20.0])
            kid = m.kpi(pid, f"K{k}", rnd.choice(KPI_KINDS), target=target)
            if rnd.random() < 0.5:
                n = rnd.randint(1, 16)
                values = [rnd.choice([rnd.randint(3, 7), rnd.randint(0, 12)]) for _ in range(n)]
                m.series(kid, *values, rebase=rnd.choice([None, None, rnd.randrange(n)]))
    add_strategy(m, rnd, pids)
    return m


def add_strategy(m: Model, rnd: random.Random, pids: list[str]) -> None:
    """Objectives, contributions, KPI objectives, improvements and review dates."""
    objectives: list[str] = []
    for i in range(rnd.randint(0, 6)):
        parent = rnd.choice([None, None, *objectives]) if objectives else None
        objectives.append(op.add_objective(m.ed, f"o{i}", parent=parent, oid=f"o{i}"))
    for oid in objectives:
        for pid in pids:
            if rnd.random() < 0.12:
                op.set_contribution(m.ed, oid, pid)
    for kid in list(m.arch.kpis):
        if objectives and rnd.random() < 0.3:
            op.set_kpi_objective(m.ed, kid, rnd.choice(objectives))
    for i in range(rnd.randint(0, 6)):
        op.add_improvement(
            m.ed, rnd.choice(pids), f"i{i}", iid=f"i{i}", status=rnd.choice(IMPROVEMENT_STATUSES),
            due=rnd.choice([None, "2026-01-31", "2026-06-29", "2026-06-30", "2026-07-01"]),
        )  # fmt: skip
    for pid in pids:
        if rnd.random() < 0.3:
            op.set_next_review(m.ed, pid, rnd.choice(["2025-12-31", "2026-06-30", "2027-01-01"]))


def kpi_reference(kpi: Kpi) -> tuple[str, str]:
    """(variation of the latest value, assurance), straight from FLOW-AND-EFFECT.md."""
    values = [m.value for m in kpi.series]
    rebases = [i for i, m in enumerate(kpi.series) if m.rebase]
    types = naive(values, rebases, kpi.direction)
    variation = (
        "none"
        if len(values) < 2
        else {
            "common": "common_cause",
            "improvement": "special_cause_improvement",
            "concern": "special_cause_concern",
        }[types[-1]]
    )
    start = max([0, *(r for r in rebases if r < len(values))])
    last = values[start:]
    if kpi.target is None or len(last) < 2:
        return variation, "none"
    ranges = [abs(b - a) for a, b in zip(last, last[1:], strict=False)]
    average = sum(ranges) / len(ranges)
    kept = [r for r in ranges if r < 3.267 * average]
    mr = sum(kept) / len(kept) if kept else 0.0
    mean = sum(last) / len(last)
    upper, lower = mean + 2.66 * mr, mean - 2.66 * mr
    if (kpi.target > upper and kpi.direction == "higher") or (
        kpi.target < lower and kpi.direction == "lower"
    ):
        return variation, "consistent_fail"
    return variation, "other"


def reference(arch: Architecture) -> Found:  # noqa: C901 - one block per rule, on purpose
    procs = arch.processes
    out: Found = {rid: [] for rid in RULES}

    def add(rule: str, *elements: str) -> None:
        out[rule].append(tuple(elements))

    def outgoing(pid: str, kind: str) -> bool:
        return any(
            arch.relations[r].source == pid and arch.relations[r].kind == kind
            for r in arch.relations_of(pid)
        )

    def unit_of_owner(pid: str) -> tuple[bool, str | None]:
        owner = procs[pid].owner
        if owner is None:
            return False, None
        return True, arch.people[owner].unit

    flow_adj: dict[str, set[str]] = {p: set() for p in procs}
    for rel in arch.relations.values():
        if rel.kind == "flow":
            flow_adj[rel.source].add(rel.target)
            flow_adj[rel.target].add(rel.source)

    for pid, proc in procs.items():
        family = [pid, *arch.ancestors(pid), *arch.descendants(pid)]
        rows = arch.participation_of(pid)
        accountable = [u for u, letters in rows.items() if "A" in letters]
        # orphan.isolated
        if (
            not arch.relations_of(pid)
            and not any(arch.relations_of(d) for d in arch.descendants(pid))
            and len(arch.children(proc.parent)) > 1
        ):
            add("orphan.isolated", pid)
        # orphan.support-unused / steers-nothing (not for an isolated process)
        isolated = (pid,) in out["orphan.isolated"]
        if (
            proc.kind == "support"
            and not isolated
            and not any(outgoing(x, "support") for x in family)
        ):
            add("orphan.support-unused", pid)
        if (
            proc.kind == "management"
            and not isolated
            and not any(outgoing(x, "steering") for x in family)
        ):
            add("orphan.steers-nothing", pid)
        # orphan.no-customer (breadth-first search along flows, either direction)
        if proc.parent is None and proc.kind == "core" and not proc.customer:
            seen, todo = {pid}, [pid]
            while todo:
                for nxt in flow_adj[todo.pop()]:
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            if not any(
                other != pid and procs[other].kind == "core" and procs[other].customer
                for other in seen
            ):
                add("orphan.no-customer", pid)
        # orphan.unplaced
        if not arch.levels_showing(pid):
            add("orphan.unplaced", pid)
        # responsibility
        if all(procs[x].owner is None for x in [pid, *arch.ancestors(pid)]):
            add("responsibility.no-owner", pid)
        if len(accountable) > 1:
            add("responsibility.multiple-accountable", pid)
        if rows and not accountable:
            add("responsibility.no-accountable", pid)
        if proc.parent is None and not rows:
            add("responsibility.no-participation", pid)
        has_owner, unit = unit_of_owner(pid)
        if (
            rows
            and unit is not None
            and not any(unit == u or unit in arch.unit_ancestors(u) for u in rows)
        ):
            add("responsibility.owner-not-involved", pid)
        if len(rows) >= 2 and unit is not None:
            common = None
            for u in rows:
                upward = {u, *arch.unit_ancestors(u)}
                common = upward if common is None else common & upward
            span = max(common or (), key=lambda u: len(arch.unit_ancestors(u)), default=None)
            if span is None or not (unit == span or unit in arch.unit_ancestors(span)):
                add("responsibility.owner-below-span", pid)
        if has_owner and unit is None:
            add("responsibility.owner-without-unit", pid)
        # KPIs
        kpis = [arch.kpis[k] for k in arch.kpis_of(pid)]
        if (
            proc.parent is None
            and proc.kind == "core"
            and not any(k.kind in ("lead_time", "customer_experience") for k in kpis)
        ):
            add("kpi.core-without-flow-measure", pid)
        for kpi in kpis:
            if kpi.target is None:
                add("kpi.no-target", pid)
        for kpi in kpis:
            variation, assurance = kpi_reference(kpi)
            if variation == "special_cause_concern":
                add("kpi.special-cause-concern", pid)
        for kpi in kpis:
            if kpi_reference(kpi)[1] == "consistent_fail":
                add("kpi.target-not-capable", pid)

    # analysis.dependency-cycle: mutual reachability, brute force
    graph = nx.DiGraph()
    graph.add_nodes_from(procs)
    graph.add_edges_from((r.source, r.target) for r in arch.relations.values() if r.kind == "flow")
    groups = set()
    for pid in procs:
        group = ({pid} | nx.descendants(graph, pid)) & ({pid} | nx.ancestors(graph, pid))
        if len(group) >= 2:
            groups.add(tuple(sorted(group)))
    out["analysis.dependency-cycle"] = sorted(groups)
    # analysis.single-point-of-failure: remove each process, count components
    parents = {p.parent for p in procs.values()}
    for parent in parents:
        siblings = set(arch.children(parent))
        sib = nx.Graph()
        sib.add_edges_from(
            (r.source, r.target)
            for r in arch.relations.values()
            if r.source in siblings and r.target in siblings
        )
        base = nx.number_connected_components(sib)
        for pid in list(sib.nodes):
            rest = sib.copy()
            rest.remove_node(pid)
            three = len(set(sib.neighbors(pid))) >= 3
            if three and nx.number_connected_components(rest) > base:
                add("analysis.single-point-of-failure", pid)
    # analysis.handoff-hotspot
    one = {}
    for pid in procs:
        acc = [u for u, letters in arch.participation_of(pid).items() if "A" in letters]
        if len(acc) == 1:
            one[pid] = acc[0]
    for pid in procs:
        if pid not in one:
            continue
        count = 0
        for rid in arch.relations_of(pid):
            rel = arch.relations[rid]
            other = rel.target if rel.source == pid else rel.source
            if rel.kind == "flow" and other in one and one[other] != one[pid]:
                count += 1
        if count >= 3:
            add("analysis.handoff-hotspot", pid)
    strategy_reference(arch, out)
    return {rid: sorted(found) for rid, found in out.items()}


def strategy_reference(arch: Architecture, out: Found) -> None:
    """The strategy, improvement and establishment rules, word for word from RULES.md,
    with "today" as the tests' date."""
    today = datetime.date.fromisoformat(Model.today)
    contributors = {pid for _, pid in arch.contributions}
    for oid in arch.objectives:
        family = {oid, *arch.objective_descendants(oid)}
        if not any(o in family for o, _ in arch.contributions):
            out["strategy.objective-unserved"].append((oid,))
        if not any(k.objective in family for k in arch.kpis.values()):
            out["strategy.objective-unmeasured"].append((oid,))
    raising = {e for rule in ("kpi.special-cause-concern", "kpi.target-not-capable")
               for (e,) in out[rule]}  # fmt: skip
    for pid, proc in arch.processes.items():
        family = {pid, *arch.descendants(pid)}
        if proc.parent is None and proc.kind == "core" and not family & contributors:
            out["strategy.core-without-objective"].append((pid,))
        under_way = [
            i
            for i in arch.improvements.values()
            if i.process in family and i.status in ("planned", "ongoing")
        ]
        if pid in raising and not under_way:
            out["improvement.concern-unanswered"].append((pid,))
        review = proc.next_review
        if review is not None and datetime.date.fromisoformat(review) < today:
            out["process.review-overdue"].append((pid,))
    for iid, imp in arch.improvements.items():
        late = imp.due is not None and datetime.date.fromisoformat(imp.due) < today
        if imp.status in ("planned", "ongoing") and late:
            out["improvement.overdue"].append((iid,))


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_rules_agree_with_the_reference(seed: int) -> None:
    m = random_model(seed)
    result = run_checks(m.arch, today=Model.today)
    fast = {rid: sorted(f.elements for f in result.by_rule(rid)) for rid in RULES}
    assert fast == reference(m.arch)


def test_the_random_models_exercise_every_rule() -> None:
    """The generator is rich enough: over a few seeds every rule finds something."""
    seen: set[str] = set()
    for seed in range(60):
        seen |= {rid for rid, found in reference(random_model(seed).arch).items() if found}
    assert seen == set(RULES)
