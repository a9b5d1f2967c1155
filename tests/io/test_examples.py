"""The bundled examples: each .procm is byte-for-byte what import-register makes of its
register, and each has the size and content the examples promise."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.io import native
from procmodeler.io.register import import_register
from procmodeler.model import (
    ESTABLISHMENT_LEVELS,
    IMPROVEMENT_STATUSES,
    KPI_KINDS,
    RELATION_KINDS,
    Architecture,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"
NAMES = ["municipality-sv", "manufacturing"]


@pytest.mark.parametrize("name", NAMES)
def test_reimporting_the_register_reproduces_the_committed_model(name: str) -> None:
    result = import_register(EXAMPLES / name)
    assert result.warnings == [] and result.notes == []  # a clean register
    committed = (EXAMPLES / f"{name}.procm").read_bytes()
    assert native.dumps(result.arch).encode("utf-8") == committed


@pytest.mark.parametrize("name", NAMES)
def test_example_content(name: str) -> None:
    arch = native.load(EXAMPLES / f"{name}.procm")
    assert 30 <= len(arch.processes) <= 60
    assert max(arch.depth(p) for p in arch.processes) == 2  # three levels
    assert len(arch.units) >= 8
    assert any(arch.unit_descendants(u) for u in arch.units)  # a tree, not a list
    assert all(p.title for p in arch.people.values())
    assert {r.kind for r in arch.relations.values()} == set(RELATION_KINDS)
    assert all(r.object for r in arch.relations.values() if r.kind == "flow")
    assert {k.kind for k in arch.kpis.values()} == set(KPI_KINDS)
    assert all(
        k.target is not None and k.actual is not None and k.measure for k in arch.kpis.values()
    )
    meta = arch.meta
    assert all((meta.name, meta.organisation, meta.version_label, meta.author))
    assert meta.language == ("sv" if name.endswith("-sv") else "en")
    # participation: every top-level process, and many children
    top = arch.top_level()
    assert all(arch.participation_of(p) for p in top)
    children = [p for p in arch.processes if p not in top]
    assert sum(1 for p in children if arch.participation_of(p)) > len(children) // 2
    # KPIs on target, within 10 % and further off
    gaps = [_gap(arch, k) for k in arch.kpis]
    assert (
        any(g <= 0 for g in gaps) and any(0 < g <= 0.1 for g in gaps) and any(g > 0.1 for g in gaps)
    )
    # every process is on its level's diagram
    assert all(pid in arch.shapes[p.parent] for pid, p in arch.processes.items())


def _gap(arch: Architecture, kid: str) -> float:
    """How far the actual is from the target on the wrong side (0 or less: on target)."""
    kpi = arch.kpis[kid]
    assert kpi.target is not None and kpi.actual is not None
    worse = kpi.actual - kpi.target if kpi.direction == "lower" else kpi.target - kpi.actual
    return worse / abs(kpi.target)


@pytest.mark.parametrize("name", NAMES)
def test_readme_names_the_deliberate_weaknesses(name: str) -> None:
    readme = (EXAMPLES / name / "README.md").read_text(encoding="utf-8")
    for rule in (
        "responsibility.no-owner",
        "orphan.support-unused",
        "responsibility.owner-below-span",
    ):
        assert rule in readme
    arch = native.load(EXAMPLES / f"{name}.procm")
    unowned = [p for p, proc in arch.processes.items()
               if proc.owner is None and not any(arch.processes[a].owner for a in arch.ancestors(p))]  # fmt: skip
    assert len(unowned) == 1 and unowned[0] in readme


@pytest.mark.parametrize("name", NAMES)
def test_example_strategy(name: str) -> None:
    """An objective tree with owners, contributions, KPIs that measure objectives, 8 to 15
    improvements in every status, establishment levels and review dates (issue 13)."""
    arch = native.load(EXAMPLES / f"{name}.procm")
    assert len(arch.objectives) >= 8 and any(o.parent for o in arch.objectives.values())
    assert all(o.owner for o in arch.objectives.values())
    assert len(arch.contributions) >= 10
    assert sum(1 for k in arch.kpis.values() if k.objective) >= 8
    assert 8 <= len(arch.improvements) <= 15
    assert {i.status for i in arch.improvements.values()} == set(IMPROVEMENT_STATUSES)
    assert all(i.responsible for i in arch.improvements.values())
    top = arch.top_level()
    assert {arch.processes[p].established for p in top} >= set(ESTABLISHMENT_LEVELS)
    assert sum(1 for p in top if arch.processes[p].next_review) >= 8
