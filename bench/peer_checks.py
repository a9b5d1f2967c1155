"""The peer of ``procmodeler check`` in bench_issue20.py: a plain standard-library
script that reads a process register (a folder of CSV files, REGISTER.md) and computes
the rules of RULES.md (version 2) on it, written from those two texts alone (it shares
no code with procmodeler). Prints ``{"findings": [{"rule", "severity", "elements"}]}``
sorted by rule, then elements.

    python bench/peer_checks.py REGISTER_FOLDER [--today YYYY-MM-DD]

Covered: every rule whose input a register can hold, the measurement rules
(``kpi.special-cause-concern``, ``kpi.target-not-capable`` and so
``improvement.concern-unanswered``) with a literal reading of FLOW-AND-EFFECT.md's
process behaviour charts (``xmr`` below). ``orphan.unplaced`` never fires on a register:
its import lays out every process.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
NOT_NC = re.compile(r"[^\w.\-]")
KINDS = {"management": "management", "ledning": "management", "core": "core",
         "huvud": "core", "support": "support", "stöd": "support"}  # fmt: skip
ACTIVE = {"planned", "planerad", "ongoing", "pågående"}


def number(text: str) -> float:
    """A number as a register writes it: ``3,5``, ``1 234,5``, ``−2``."""
    text = text.replace(" ", "").replace("\u00a0", "").replace("\u2212", "-")
    return float(text.replace(",", "."))


def read(folder: Path, name: str) -> list[dict[str, str]]:
    """The rows of NAME.csv (absent: none), cells trimmed and NFC, keys lower-case."""
    path = folder / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        header = [h.strip().lower() for h in next(rows, [])]
        out = []
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            cells = [
                c.strip() if c.isascii() else unicodedata.normalize("NFC", c.strip()) for c in row
            ]
            out.append(dict(zip(header, cells, strict=False)))
        return out


class Ids:
    """REGISTER.md's id rule: an NCName stays, anything else becomes ``id_...``."""

    def __init__(self) -> None:
        self.map: dict[str, str] = {}
        self.used: set[str] = set()

    def declare(self, original: str) -> None:
        new = original
        if not NCNAME.match(original):
            base = "id_" + NOT_NC.sub("_", original)
            new, n = base, 2
            while new in self.used:
                new, n = f"{base}_{n}", n + 1
        self.map[original] = new
        self.used.add(new)

    def __call__(self, original: str) -> str:
        return self.map.get(original, original)


class Register:
    """The register's tables as plain dicts and lists, ids mapped."""

    def __init__(self, folder: Path) -> None:
        tables = {
            name: read(folder, name)
            for name in ("units", "people", "processes", "relations", "raci", "kpis",
                         "objectives", "contributions", "improvements", "measurements")
        }  # fmt: skip
        ids = Ids()
        for name in ("units", "people", "processes", "objectives", "improvements"):
            for row in tables[name]:
                ids.declare(row["id"])
        self.unit_parent = {ids(r["id"]): ids(r.get("parent", "")) for r in tables["units"]}
        self.person_unit = {ids(r["id"]): ids(r.get("unit", "")) for r in tables["people"]}
        self.order, self.kind, self.parent, self.owner = [], {}, {}, {}
        self.customer, self.review = set(), {}
        for r in tables["processes"]:
            pid = ids(r["id"])
            self.order.append(pid)
            self.kind[pid] = KINDS[r["kind"].lower()]
            self.parent[pid] = ids(r.get("parent", ""))
            self.owner[pid] = ids(r.get("owner", ""))
            if r.get("customer"):
                self.customer.add(pid)
            if r.get("next_review"):
                self.review[pid] = r["next_review"]
        self.relations = [
            (ids(r["source"]), ids(r["target"]), r["kind"].lower()) for r in tables["relations"]
        ]
        self.roles: dict[str, dict[str, set[str]]] = defaultdict(dict)
        for r in tables["raci"]:
            letters = {c for c in r.get("roles", "").upper() if c in "RACI"}
            self.roles[ids(r["process"])].setdefault(ids(r["unit"]), set()).update(letters)
        self.kpis = [
            (ids(r["process"]), r["kind"].lower(), r.get("target", ""), ids(r.get("objective", "")))
            for r in tables["kpis"]
        ]
        self.kpi_rows = [
            (r.get("id", ""), ids(r["process"]), r["kind"].lower(), r.get("direction", "").lower(),
             r.get("target", ""))
            for r in tables["kpis"]
        ]  # fmt: skip
        self.series: dict[str, list[tuple[str, float, bool]]] = defaultdict(list)
        for r in tables["measurements"]:
            rebase = r.get("rebase", "").lower() in ("yes", "ja", "true", "1", "x")
            self.series[r["kpi"]].append((r["period"].upper(), number(r["value"]), rebase))
        self.objective_parent = {
            ids(r["id"]): ids(r.get("parent", "")) for r in tables["objectives"]
        }
        self.contributions = [
            (ids(r["objective"]), ids(r["process"])) for r in tables["contributions"]
        ]
        self.improvements = [
            (ids(r["id"]), ids(r["process"]), r.get("status", "").lower(), r.get("due", ""))
            for r in tables["improvements"]
        ]
        self.children: dict[str, list[str]] = defaultdict(list)
        for pid in self.order:
            self.children[self.parent[pid]].append(pid)

    def top_down(self) -> list[str]:
        """Processes with every parent before its children."""
        out, stack = [], list(reversed(self.children[""]))
        while stack:
            pid = stack.pop()
            out.append(pid)
            stack.extend(reversed(self.children[pid]))
        return out


def self_or_below(reg: Register, own: set[str]) -> set[str]:
    """Processes that are in OWN or have a descendant in OWN."""
    below = set(own)
    for pid in reversed(reg.top_down()):  # children first
        if pid in below and reg.parent[pid]:
            below.add(reg.parent[pid])
    return below


def up_or_down(reg: Register, own: set[str]) -> set[str]:
    """Processes that have an element of OWN among themselves, their ancestors or their
    descendants."""
    order = reg.top_down()
    below = self_or_below(reg, own)
    above = set()
    for pid in order:  # parents first: an ancestor has one
        if pid in own or reg.parent[pid] in above:
            above.add(pid)
    return below | above


def orphan_rules(reg: Register, out: list) -> None:
    related = {p for s, t, _ in reg.relations for p in (s, t)}
    with_relation = self_or_below(reg, related)
    isolated = set()
    for pid in reg.order:
        if pid not in with_relation and len(reg.children[reg.parent[pid]]) > 1:
            isolated.add(pid)
            out.append(("orphan.isolated", "error", (pid,)))
    for rule, kind, rel in (("orphan.support-unused", "support", "support"),
                            ("orphan.steers-nothing", "management", "steering")):  # fmt: skip
        served = up_or_down(reg, {s for s, _, k in reg.relations if k == rel})
        for pid in reg.order:
            if reg.kind[pid] == kind and pid not in served and pid not in isolated:
                out.append((rule, "warning", (pid,)))
    # orphan.no-customer: components of the undirected flow graph
    component = {pid: pid for pid in reg.order}

    def find(x: str) -> str:
        while component[x] != x:
            component[x] = component[component[x]]
            x = component[x]
        return x

    for s, t, k in reg.relations:
        if k == "flow":
            component[find(s)] = find(t)
    served_roots = {find(p) for p in reg.customer if reg.kind[p] == "core"}
    for pid in reg.children[""]:
        if reg.kind[pid] == "core" and pid not in reg.customer and find(pid) not in served_roots:
            out.append(("orphan.no-customer", "warning", (pid,)))


def unit_chain(reg: Register, unit: str) -> list[str]:
    """The unit and its ancestors, nearest first."""
    chain = []
    while unit:
        chain.append(unit)
        unit = reg.unit_parent.get(unit, "")
    return chain


def span(reg: Register, units: list[str]) -> str:
    """Lowest common ancestor-or-self of UNITS, or "" when they are in separate trees."""
    common = unit_chain(reg, units[0])
    for unit in units[1:]:
        chain = set(unit_chain(reg, unit))
        common = [u for u in common if u in chain]
    return common[0] if common else ""


def responsibility_rules(reg: Register, out: list) -> None:
    owned = set()
    for pid in reg.top_down():
        if reg.owner[pid] or reg.parent[pid] in owned:
            owned.add(pid)
        else:
            out.append(("responsibility.no-owner", "error", (pid,)))
    for pid in reg.order:
        units = reg.roles.get(pid, {})
        accountable = sum(1 for letters in units.values() if "A" in letters)
        if accountable > 1:
            out.append(("responsibility.multiple-accountable", "error", (pid,)))
        if units and not accountable:
            out.append(("responsibility.no-accountable", "warning", (pid,)))
        if not reg.parent[pid] and not units:
            out.append(("responsibility.no-participation", "warning", (pid,)))
        owner = reg.owner[pid]
        if not owner:
            continue
        home = reg.person_unit.get(owner, "")
        if not home:
            out.append(("responsibility.owner-without-unit", "warning", (pid,)))
            continue
        if units and not any(home in unit_chain(reg, u) for u in units):
            out.append(("responsibility.owner-not-involved", "warning", (pid,)))
        if len(units) >= 2:
            top = span(reg, list(units))
            if not top or home not in unit_chain(reg, top):
                out.append(("responsibility.owner-below-span", "warning", (pid,)))


def xmr(values: list[float], rebases: list[bool], higher: bool, target: float | None):
    """(variation, assurance) of a series in period order, read literally from
    FLOW-AND-EFFECT.md: limits per segment with screening, signals 1-4."""
    n = len(values)
    starts = [i for i in range(n) if i == 0 or rebases[i]]
    kinds = ["common"] * n
    limits = None
    for s, e in zip(starts, [*starts[1:], n], strict=True):
        xs = values[s:e]
        m = len(xs)
        limits = None
        if m < 2:
            continue
        mean = sum(xs) / m
        mrs = [abs(xs[i] - xs[i - 1]) for i in range(1, m)]
        average = sum(mrs) / len(mrs)
        kept = [r for r in mrs if r < 3.267 * average]
        mr = sum(kept) / len(kept) if kept else 0.0
        lo, up = mean - 2.66 * mr, mean + 2.66 * mr
        near_lo, near_up = mean - (2 / 3 * 2.66) * mr, mean + (2 / 3 * 2.66) * mr
        limits = (lo, up)
        side = [(x > mean) - (x < mean) for x in xs]
        out = [x > up or x < lo for x in xs]
        near = [not out[i] and (xs[i] > near_up or xs[i] < near_lo) for i in range(m)]
        special = list(out)
        for a in range(m - 6):  # rules 2 and 3: windows of seven
            w = range(a, a + 7)
            same = side[a] != 0 and all(side[j] == side[a] for j in w)
            up7 = all(xs[j] > xs[j - 1] for j in w[1:])
            down7 = all(xs[j] < xs[j - 1] for j in w[1:])
            if same or up7 or down7:
                for j in w:
                    special[j] = True
        for a in range(m - 2):  # rule 4: windows of three
            w = range(a, a + 3)
            same = side[a] != 0 and all(side[j] == side[a] for j in w)
            if same and sum(near[j] for j in w) >= 2:
                for j in w:
                    special[j] = special[j] or near[j]
        for i in range(m):
            if special[i]:
                better = side[i] == (1 if higher else -1)
                kinds[s + i] = "improvement" if better else "concern"
    variation = "none" if n < 2 else kinds[-1]
    assurance = "none"
    if target is not None and limits is not None:
        lo, up = limits
        if target > up:
            assurance = "fail" if higher else "pass"
        elif target < lo:
            assurance = "pass" if higher else "fail"
    return variation, assurance


def measurement_rules(reg: Register, out: list) -> None:
    raised = set()
    for kid, pid, kind, direction, target in reg.kpi_rows:
        series = sorted(reg.series.get(kid, []))
        if not series:
            continue
        higher = (direction or ("lower" if kind in ("lead_time", "variation") else "")) != "lower"
        goal = number(target) if target else None
        variation, assurance = xmr([v for _, v, _ in series], [r for _, _, r in series], higher,
                                   goal)  # fmt: skip
        if variation == "concern":
            out.append(("kpi.special-cause-concern", "warning", (pid,)))
            raised.add(pid)
        if assurance == "fail":
            out.append(("kpi.target-not-capable", "warning", (pid,)))
            raised.add(pid)
    answered = self_or_above(reg, {p for _, p, status, _ in reg.improvements if status in ACTIVE})
    for pid in reg.order:
        if pid in raised and pid not in answered:
            out.append(("improvement.concern-unanswered", "warning", (pid,)))


def self_or_above(reg: Register, own: set[str]) -> set[str]:
    """Processes in *own* and every ancestor of one (an improvement on a descendant
    answers its ancestors)."""
    found = set()
    for pid in own:
        while pid and pid not in found:
            found.add(pid)
            pid = reg.parent.get(pid, "")
    return found


def kpi_and_strategy_rules(reg: Register, out: list, today: str) -> None:
    flow_measured = {
        p for p, kind, _, _ in reg.kpis if kind in ("lead_time", "customer_experience")
    }
    for pid in reg.children[""]:
        if reg.kind[pid] == "core" and pid not in flow_measured:
            out.append(("kpi.core-without-flow-measure", "warning", (pid,)))
    for pid, _, target, _ in reg.kpis:
        if not target:
            out.append(("kpi.no-target", "info", (pid,)))
    parent = reg.objective_parent
    served = {o for o, _ in reg.contributions}
    measured = {o for _, _, _, o in reg.kpis if o}
    for found, rule in ((served, "strategy.objective-unserved"),
                        (measured, "strategy.objective-unmeasured")):  # fmt: skip
        covered = set()
        for objective in found:  # an objective and all its ancestors are covered
            while objective and objective not in covered:
                covered.add(objective)
                objective = parent.get(objective, "")
        out.extend((rule, "warning", (o,)) for o in parent if o not in covered)
    contributing = self_or_below(reg, {p for _, p in reg.contributions})
    for pid in reg.children[""]:
        if reg.kind[pid] == "core" and pid not in contributing:
            out.append(("strategy.core-without-objective", "info", (pid,)))
    for iid, _, status, due in reg.improvements:
        if status in ACTIVE and due and due < today:
            out.append(("improvement.overdue", "warning", (iid,)))
    for pid in reg.order:
        if pid in reg.review and reg.review[pid] < today:
            out.append(("process.review-overdue", "warning", (pid,)))


def strongly_connected(nodes: list[str], succ: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, it = work[-1]
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(succ.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(group)
    return groups


def articulation_points(adj: dict[str, set[str]]) -> set[str]:
    """Cut vertices of an undirected graph (Hopcroft-Tarjan, without recursion)."""
    depth: dict[str, int] = {}
    low: dict[str, int] = {}
    cut = set()
    for root in adj:
        if root in depth:
            continue
        depth[root] = low[root] = 0
        root_children = 0
        work = [(root, "", iter(adj[root]))]
        while work:
            node, parent, it = work[-1]
            for nxt in it:
                if nxt == parent:
                    continue
                if nxt in depth:
                    low[node] = min(low[node], depth[nxt])
                    continue
                depth[nxt] = low[nxt] = depth[node] + 1
                work.append((nxt, node, iter(adj[nxt])))
                break
            else:
                work.pop()
                if not work:
                    continue
                up = work[-1][0]
                low[up] = min(low[up], low[node])
                if up == root:
                    root_children += 1
                elif low[node] >= depth[up]:
                    cut.add(up)
        if root_children > 1:
            cut.add(root)
    return cut


def analysis_rules(reg: Register, out: list) -> None:
    succ: dict[str, list[str]] = defaultdict(list)
    for s, t, k in reg.relations:
        if k == "flow":
            succ[s].append(t)
    for group in strongly_connected(reg.order, succ):
        if len(group) > 1:
            out.append(("analysis.dependency-cycle", "info", tuple(sorted(group))))
    graphs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, t, _ in reg.relations:
        if s != t and reg.parent[s] == reg.parent[t]:
            graph = graphs[reg.parent[s]]
            graph[s].add(t)
            graph[t].add(s)
    for graph in graphs.values():
        for pid in articulation_points(graph):
            if len(graph[pid]) >= 3:
                out.append(("analysis.single-point-of-failure", "info", (pid,)))
    owner_unit = {}
    for pid, units in reg.roles.items():
        accountable = [u for u, letters in units.items() if "A" in letters]
        if len(accountable) == 1:
            owner_unit[pid] = accountable[0]
    handoffs: dict[str, int] = defaultdict(int)
    for s, t, k in reg.relations:
        if k == "flow" and s in owner_unit and t in owner_unit and owner_unit[s] != owner_unit[t]:
            handoffs[s] += 1
            handoffs[t] += 1
    for pid, n in handoffs.items():
        if n >= 3:
            out.append(("analysis.handoff-hotspot", "info", (pid,)))


def check(folder: Path, today: str) -> list[tuple[str, str, tuple[str, ...]]]:
    reg = Register(folder)
    out: list[tuple[str, str, tuple[str, ...]]] = []
    orphan_rules(reg, out)
    responsibility_rules(reg, out)
    kpi_and_strategy_rules(reg, out, today)
    measurement_rules(reg, out)
    analysis_rules(reg, out)
    out.sort(key=lambda f: (f[0], f[2]))
    return out


def main(argv: list[str]) -> int:
    today = datetime.date.today().isoformat()
    if "--today" in argv:
        at = argv.index("--today")
        today = argv[at + 1]
        del argv[at : at + 2]
    findings = check(Path(argv[0]), today)
    items = [{"rule": r, "severity": s, "elements": list(e)} for r, s, e in findings]
    sys.stdout.write(json.dumps({"findings": items}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
