"""Golden model files of every format version: later versions of procmodeler must keep
loading them into the same model. Never edit a golden file; add one per new version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from procmodeler.io import native
from procmodeler.model import (
    Architecture,
    Bounds,
    ChangeLogEntry,
    DiagramOptions,
    Improvement,
    Kpi,
    Measurement,
    Metadata,
    Objective,
    Person,
    Process,
    Relation,
    Unit,
)

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"


def expected_v1() -> Architecture:
    """The model that ``v1-every-field.procm`` holds, built without the file code."""
    arch = Architecture(Metadata("Golden model", "Exempel AB", "sv", "v1 golden", "Åsa Öberg"))
    arch.put("units", "org", Unit("org", "Organisation", None, "boss"))
    arch.put("units", "id_2.1", Unit("id_2.1", "Enhet två", "org", None, "2.1"))
    arch.put("people", "boss", Person("boss", "Karin Lind", "org", "Chef"))
    arch.put("people", "nobody", Person("nobody", "Utan enhet"))
    arch.put(
        "processes",
        "lead",
        Process("lead", "Leda", "management", purpose="Styra", owner="boss", status="approved"),
    )
    arch.put(
        "processes",
        "core",
        Process(
            "core",
            'Leverera "allt", snabbt',
            "core",
            None,
            "Syfte\nmed två rader",
            "Kund",
            "Behov",
            "Resultat",
            ("In 1", "In 2"),
            ("Ut",),
            "boss",
            "nobody",
            "in_review",
            "1.0",
        ),
    )
    arch.put("processes", "sub", Process("sub", "Del", "support", parent="core", status="retired"))
    arch.put("relations", "r1", Relation("r1", "lead", "core", "steering", "Plan"))
    arch.put("relations", "r2", Relation("r2", "sub", "core", "support"))
    arch.put("relations", "r3", Relation("r3", "core", "sub", "flow", "Objekt"))
    arch.put("participation", ("core", "id_2.1"), "RA")
    arch.put("participation", ("core", "org"), "")
    arch.put("participation", ("lead", "org"), "ACI")
    arch.put("kpis", "k1", Kpi("k1", "core", "Ledtid", "lead_time", "dagar", "lower", 28.0, 30.5))
    arch.put(
        "kpis", "k2", Kpi("k2", "core", "Nöjdhet", "customer_experience", "", "higher", None, 0.1)
    )
    arch.put("rules", "orphan.isolated", "off")
    arch.put("rules", "kpi.no-target", "warning")
    arch.put("suppressions", ("responsibility.no-owner", ("sub",)), "Ärvs från 'core'")
    arch.put("diagrams", None, DiagramOptions(True, ("org", "id_2.1")))
    arch.put("diagrams", "core", DiagramOptions(False, ()))
    arch.put("shapes", (None, "lead"), Bounds(40.0, 40.0, 180.0, 80.0))
    arch.put("shapes", (None, "core"), Bounds(40.5, 200.25, 180.0, 80.0))
    arch.put("shapes", ("core", "sub"), Bounds(-10.0, 0.0, 1e-3, 7.125))
    arch.put("waypoints", (None, "r1"), ((130.0, 120.0), (130.5, 200.0)))
    return arch


def expected_v2() -> Architecture:
    """The model that ``v2-every-field.procm`` holds: version 1's, and a KPI's series
    (a note, a rebase mark; ``actual`` is its latest value)."""
    arch = expected_v1()
    arch.put("meta", "meta", replace(arch.meta, version_label="v2 golden"))
    series = (
        Measurement("2024-11", 31.5),
        Measurement("2024-12", 30.0, 'Jul, "halvfart"'),
        Measurement("2025-01", 26.25, "Ny e-tjänst", True),
        Measurement("2025-02", 1e-3),
    )
    arch.put("kpis", "k1", replace(arch.kpis["k1"], series=series, actual=1e-3))
    return arch


def expected_v3() -> Architecture:
    """The model that ``v3-every-field.procm`` holds: version 2's, and strategic steering
    and everyday improvement (an objective tree, contributions, a KPI's objective,
    improvements with every field, a process's establishment level and next review)."""
    arch = expected_v2()
    arch.put("meta", "meta", replace(arch.meta, version_label="v3 golden"))
    core = arch.processes["core"]
    arch.put("processes", "core", replace(core, established="in_use", next_review="2026-09-30"))
    lead = arch.processes["lead"]
    arch.put("processes", "lead", replace(lead, established="improving"))
    arch.put(
        "objectives",
        "g1",
        Objective("g1", "Trygg uppväxt", None, "boss", "2027", "Nämndens mål\n2024–2027", "M1"),
    )
    arch.put("objectives", "g2", Objective("g2", "Tidigt stöd", "g1"))
    arch.put("contributions", ("g2", "core"), 'Utreder "snabbt"')
    arch.put("contributions", ("g1", "lead"), "")
    arch.put("kpis", "k1", replace(arch.kpis["k1"], objective="g2"))
    arch.put(
        "improvements",
        "i1",
        Improvement(
            "i1", "core", "E-tjänst för ansökan", "ongoing", "nobody", "k1",
            "2025-01-15", "2025-06-30", None, "Beskrivning\nmed två rader", "F-1",
        ),
    )  # fmt: skip
    arch.put("improvements", "i2", Improvement("i2", "sub", "Idé utan datum"))
    arch.put(
        "improvements",
        "i3",
        Improvement("i3", "lead", "Klar", "done", done="2025-02-28", started="2024-12-01"),
    )
    return arch


def expected_v4() -> Architecture:
    """The model that ``v4-every-field.procm`` holds: version 3's, and the document
    control of its metadata (status, adoption, reference number, distribution and a
    change log of two entries, one of them without version and author)."""
    arch = expected_v3()
    meta = replace(
        arch.meta,
        version_label="v4 golden",
        status="adopted",
        adopted_by="Kommunstyrelsen",
        adopted_on="2026-03-18",
        reference="KS 2026/0142",
        distribution="Förvaltningsledningen,\nprocessägarna",
        change_log=(
            ChangeLogEntry("2026-01-12", "0.9", 'Remiss "till nämnderna"', "Åsa Öberg"),
            ChangeLogEntry("2026-03-18", "", "Fastställd", ""),
        ),
    )
    arch.put("meta", "meta", meta)
    return arch


#: Every golden file and the model it holds; a new format version adds one.
EXPECTED = {
    "v1-every-field.procm": expected_v1,
    "v2-every-field.procm": expected_v2,
    "v3-every-field.procm": expected_v3,
    "v4-every-field.procm": expected_v4,
}


def test_every_golden_file_has_its_expected_model() -> None:
    assert sorted(p.name for p in GOLDEN.glob("*.procm")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_golden_file_loads_into_the_expected_model(name: str) -> None:
    arch = native.load(GOLDEN / name)
    assert arch.snapshot() == EXPECTED[name]().snapshot()


def test_the_current_format_version_has_a_golden_file_and_writes_it() -> None:
    current = [name for name in EXPECTED if name.startswith(f"v{native.FORMAT_VERSION}-")]
    assert current, f"add a golden file for format version {native.FORMAT_VERSION}"
    for name in current:
        assert native.dumps(EXPECTED[name]()).encode("utf-8") == (GOLDEN / name).read_bytes()
