"""``procmodeler kpis PATH --format text|json`` on registers with measurements
(FLOW-AND-EFFECT.md): monthly, weekly and quarterly series, a rebase and decimal commas
give exactly the specified JSON; bad measurements are refused one line each, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.analysis.test_xmr import naive

PROCESSES = "id,name,kind\nH2,Bygglov,core\nS1,Kartor,support\n"
KPIS = (
    "id,process,name,kind,measure,direction,target,actual\n"
    "kpi_3,H2,Handläggningstid,lead_time,dagar,,28,\n"
    "kpi_4,H2,Besök,other,st,higher,,\n"
    'kpi_5,S1,Kvartal,stability,%,higher,"99,5",\n'
    "kpi_6,S1,Utan mätvärden,other,st,,,\n"
)
MONTHLY = [31, 33, 30, 32, 34, 31, 29, 33, 32, 30, 31, 35, 33, 32, 26, 25, 24.5, 26, 25, 23.5]
WEEKLY = [10, 12, 11, 13, 12, 11, 10, 12]
QUARTERLY = [99.1, 99.4, 98.9, 99.3]


def register(tmp_path: Path, measurements: str, kpis: str = KPIS) -> Path:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "processes.csv").write_text(PROCESSES, encoding="utf-8")
    (folder / "kpis.csv").write_text(kpis, encoding="utf-8")
    (folder / "measurements.csv").write_text(measurements, encoding="utf-8")
    return folder


def good_measurements() -> str:
    lines = ["kpi,period,value,note,rebase"]
    for i, v in enumerate(MONTHLY):
        period = f"{2024 + i // 12}-{i % 12 + 1:02d}"
        text = f'"{v:g}"'.replace(".", ",")
        lines.append(
            f"kpi_3,{period},{text},{'Ny e-tjänst' if i == 14 else ''},{'ja' if i == 14 else ''}"
        )
    for i, v in enumerate(reversed(WEEKLY)):  # any row order: sorted by period
        lines.append(f"kpi_4,2025-W{8 - i:02d},{v:g},,")
    for i, v in enumerate(QUARTERLY):
        lines.append(f'kpi_5,2024-Q{i + 1},"{v:g}",,'.replace(".", ","))
    return "\r\n".join(lines) + "\r\n"


def expected(values: list[float], rebases: list[int], direction: str) -> list[str]:
    return naive(values, rebases, direction)


def test_json_is_exactly_what_flow_and_effect_specifies(run_cli, tmp_path: Path) -> None:
    folder = register(tmp_path, good_measurements())
    result = run_cli("kpis", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert [k["id"] for k in doc["kpis"]] == ["kpi_3", "kpi_4", "kpi_5"]
    k3, k4, k5 = doc["kpis"]
    assert set(k3) == {
        "id", "process", "name", "direction", "target", "points", "segments",
        "variation", "assurance", "special_cause",
    }  # fmt: skip
    assert (k3["process"], k3["name"], k3["direction"], k3["target"], k3["points"]) == (
        "H2", "Handläggningstid", "lower", 28, 20,
    )  # fmt: skip
    before, after = MONTHLY[:14], MONTHLY[14:]
    mr_b = sum(abs(b - a) for a, b in zip(before, before[1:], strict=False)) / 13
    seg1, seg2 = k3["segments"]
    assert seg1["from"] == "2024-01" and seg1["points"] == 14 and seg1["provisional"] is False
    assert seg1["mean"] == pytest.approx(sum(before) / 14)
    assert seg1["upper"] == pytest.approx(sum(before) / 14 + 2.66 * mr_b)
    assert seg2["from"] == "2025-03" and seg2["points"] == 6 and seg2["provisional"] is True
    assert seg2["mean"] == pytest.approx(sum(after) / 6)
    types3 = expected(MONTHLY, [14], "lower")
    periods3 = [f"{2024 + i // 12}-{i % 12 + 1:02d}" for i in range(20)]
    assert k3["special_cause"] == [
        {"period": p, "type": t} for p, t in zip(periods3, types3, strict=True) if t != "common"
    ]
    assert (
        k3["variation"]
        == {
            "common": "common_cause",
            "improvement": "special_cause_improvement",
            "concern": "special_cause_concern",
        }[types3[-1]]
    )
    lower, upper = seg2["lower"], seg2["upper"]
    assert k3["assurance"] == (
        "consistent_pass" if upper < 28 else "consistent_fail" if lower > 28 else "inconsistent"
    )
    assert k4["target"] is None and k4["assurance"] == "none" and k4["points"] == 8
    assert k4["segments"][0]["from"] == "2025-W01" and k4["segments"][0]["provisional"]
    assert k5["target"] == 99.5 and k5["segments"][0]["from"] == "2024-Q1"
    assert k5["segments"][0]["mean"] == pytest.approx(sum(QUARTERLY) / 4)


def test_text_lists_each_kpi(run_cli, tmp_path: Path) -> None:
    folder = register(tmp_path, good_measurements())
    result = run_cli("kpis", str(folder), env={"PROCMODELER_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("kpi_3  Handläggningstid (Bygglov; lower is better; target 28)")
    assert "from 2025-03: 6 values" in result.stdout
    assert "Utan mätvärden" not in result.stdout


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        ("kpi_9,2024-01,1,,", "kpi", "kpi_9"),
        ("kpi_3,2024-01,2,,", "period", "twice"),
        ("kpi_3,2024-Q3,2,,", "period", "kind"),
        ("kpi_3,2024-03,abc,,", "value", "not a number"),
        ("kpi_3,2024-13,1,,", "period", "not a period"),
        ("kpi_3,2024-03,1,,kanske", "rebase", "kanske"),
    ],
)
def test_bad_measurements_one_line_each(run_cli, tmp_path: Path, row, column, fragment) -> None:  # type: ignore[no-untyped-def]
    text = "kpi,period,value,note,rebase\nkpi_3,2024-01,1,,\nkpi_3,2024-02,2,,\n" + row + "\n"
    folder = register(tmp_path, text)
    out = tmp_path / "out.procm"
    result = run_cli("import-register", str(folder), "-o", str(out), env={"PROCMODELER_LANG": "en"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert f"measurements.csv:4: {column}" in lines[0], lines[0]
    assert fragment in lines[0]
    assert not out.exists()
    assert run_cli("kpis", str(folder)).returncode == 2


def test_no_measurements(run_cli, tmp_path: Path) -> None:
    folder = register(tmp_path, "kpi,period,value\n")
    result = run_cli("kpis", str(folder), "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout) == {"kpis": []}
