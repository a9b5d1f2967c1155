"""measurements.csv in a register: a model's series survive export and import as a CSV
folder and as a workbook; a KPI without an id cannot be given measurements."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.common.errors import UserError
from procmodeler.io import native
from procmodeler.io.register import export_register, import_register

EXAMPLES = Path(__file__).resolve().parents[2] / "procmodeler" / "resources" / "examples"


@pytest.mark.parametrize("name", ["reg", "reg.xlsx"])
def test_series_survive_a_register_round_trip(tmp_path: Path, name: str) -> None:
    arch = native.load(EXAMPLES / "municipality-sv.procm")
    measured = {k.id: k.series for k in arch.kpis.values() if k.series}
    assert len(measured) >= 10
    export_register(arch, tmp_path / name)
    if not name.endswith(".xlsx"):
        assert (tmp_path / name / "measurements.csv").is_file()
    back = import_register(tmp_path / name)
    assert back.warnings == []
    assert {k.id: k.series for k in back.arch.kpis.values() if k.series} == measured
    assert all(k.actual == k.series[-1].value for k in back.arch.kpis.values() if k.series)


def test_measurements_need_the_kpi_id(tmp_path: Path) -> None:
    (tmp_path / "processes.csv").write_text("id,name,kind\nP,P,core\n", encoding="utf-8")
    (tmp_path / "kpis.csv").write_text("process,name,kind\nP,K,other\n", encoding="utf-8")
    (tmp_path / "measurements.csv").write_text("kpi,period,value\nkpi_1,2025,3\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        import_register(tmp_path)
    (line,) = info.value.lines()
    assert "measurements.csv:2: kpi" in line and "kpi_1" in line
