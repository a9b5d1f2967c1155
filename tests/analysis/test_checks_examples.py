"""The bundled examples produce exactly the deliberate weaknesses they were built with
(their READMEs list them), and otherwise only graph-analysis information."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.analysis import run_checks
from procmodeler.io import native
from procmodeler.io.register import import_register

EXAMPLES = Path(__file__).resolve().parents[2] / "procmodeler" / "resources" / "examples"

#: The day the examples' dates are written for (their READMEs): the date rules'
#: findings depend on it.
TODAY = "2026-06-30"

#: example -> its deliberate weaknesses (rule, elements), see the example's README.md
WEAKNESSES = {
    "manufacturing": [
        ("improvement.concern-unanswered", ("C5",)),  # only an idea and a dropped one
        ("improvement.overdue", ("I05",)),  # module reuse, due 2026-04-30
        ("kpi.special-cause-concern", ("C5",)),  # complaint resolution time drifting up
        ("kpi.target-not-capable", ("C1",)),  # on-time delivery 95 % beyond its limits
        ("kpi.target-not-capable", ("C2",)),  # time to market 18 months
        ("orphan.support-unused", ("S6",)),  # Manage facilities and workplace
        ("process.review-overdue", ("C5",)),  # review due 2026-03-31
        ("responsibility.no-owner", ("C5",)),  # Handle customer complaints
        ("responsibility.owner-below-span", ("C3",)),  # Provide service and after-sales
        ("strategy.objective-unmeasured", ("O3.2",)),  # a digital service offering
        ("strategy.objective-unmeasured", ("O5",)),  # carbon-neutral by 2030
        ("strategy.objective-unserved", ("O5",)),
    ],
    "municipality-sv": [
        ("improvement.concern-unanswered", ("H4",)),  # bara en idé och en avbruten
        ("improvement.overdue", ("F03",)),  # veckovis avstämning, klar senast 2026-05-31
        ("kpi.special-cause-concern", ("H4",)),  # handläggningstid för klagomål ökar
        ("kpi.target-not-capable", ("H2",)),  # 95 % beslut inom lagstadgad tid
        ("kpi.target-not-capable", ("H4",)),  # 100 % genomförda inspektioner
        ("orphan.support-unused", ("S5",)),  # Hantera avgifter och fakturering
        ("process.review-overdue", ("H3",)),  # översyn 2026-04-30
        ("responsibility.no-owner", ("H5",)),  # Ge vägledning och rådgivning
        ("responsibility.owner-below-span", ("H2",)),  # Handlägga bygglov
        ("strategy.objective-unmeasured", ("M3.1",)),  # fler ärenden via e-tjänst
        ("strategy.objective-unmeasured", ("M4",)),  # en attraktiv arbetsgivare
        ("strategy.objective-unserved", ("M4",)),
    ],
}


def test_every_bundled_example_is_covered() -> None:
    assert sorted(p.stem for p in EXAMPLES.glob("*.procm")) == sorted(WEAKNESSES)


@pytest.mark.parametrize("name", sorted(WEAKNESSES))
def test_example_has_exactly_its_deliberate_weaknesses(name: str) -> None:
    result = run_checks(native.load(EXAMPLES / f"{name}.procm"), today=TODAY)
    weaknesses = [(f.rule, f.elements) for f in result.findings if f.severity != "info"]
    assert weaknesses == WEAKNESSES[name]
    assert result.suppressed == ()
    assert result.exit_code == 1  # the unowned process is an error
    # the rest is information for management from the graph analysis, nothing else
    info_rules = {f.rule for f in result.findings if f.severity == "info"}
    assert info_rules <= {
        "analysis.single-point-of-failure",
        "analysis.handoff-hotspot",
        "analysis.dependency-cycle",
    }


@pytest.mark.parametrize("name", sorted(WEAKNESSES))
def test_example_register_gives_the_same_findings_as_its_model(name: str) -> None:
    from_model = run_checks(native.load(EXAMPLES / f"{name}.procm"), today=TODAY)
    from_register = run_checks(import_register(EXAMPLES / name).arch, today=TODAY)
    assert from_register.findings == from_model.findings


def test_swedish_example_speaks_swedish_by_default() -> None:
    result = run_checks(native.load(EXAMPLES / "municipality-sv.procm"), today=TODAY)
    assert result.lang == "sv"
    (finding,) = result.by_rule("responsibility.no-owner")
    assert finding.message == (
        "'Ge vägledning och rådgivning' har ingen processägare. "
        "Utse en processägare för 'Ge vägledning och rådgivning'."
    )
