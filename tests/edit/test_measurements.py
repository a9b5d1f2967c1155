"""Undoable edits of a KPI's series: add, change, delete, rebase, paste from Excel."""

from __future__ import annotations

import datetime as dt

import pytest

from procmodeler.analysis.xmr import analyse_kpi
from procmodeler.common.errors import EditRefused
from procmodeler.edit import measurements as meas
from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.model.architecture import Architecture


@pytest.fixture
def ed() -> Editor:
    editor = Editor(Architecture())
    pid = ops.create_process(editor, "Handle errand", "core")
    ops.add_kpi(editor, pid, "Lead time", "lead_time", kid="kpi_1", target=28)
    return editor


def periods(ed: Editor) -> list[str]:
    return [m.period for m in ed.arch.kpis["kpi_1"].series]


def test_add_change_delete_and_undo(ed: Editor) -> None:
    meas.add_measurement(ed, "kpi_1", "2024-02", "31,5")
    meas.add_measurement(ed, "kpi_1", "2024-01", 30, note="start")
    assert periods(ed) == ["2024-01", "2024-02"]
    assert ed.arch.kpis["kpi_1"].actual == 31.5
    meas.set_measurement(ed, "kpi_1", "2024-02", value=29, note="new form")
    assert ed.arch.kpis["kpi_1"].series[1].value == 29.0
    assert ed.arch.kpis["kpi_1"].actual == 29.0
    meas.delete_measurements(ed, "kpi_1", ["2024-01"])
    assert periods(ed) == ["2024-02"]
    ed.undo()
    ed.undo()
    assert ed.arch.kpis["kpi_1"].series[1].value == 31.5
    ed.undo()
    ed.undo()
    assert ed.arch.kpis["kpi_1"].series == ()


@pytest.mark.parametrize(
    ("period", "value", "fragment"),
    [
        ("2024-13", 1, "is not a period"),
        ("2024-01", "x", "is not a number"),
        ("2024-Q1", 1, "same kind"),
        ("2024-01", 2, "twice"),
    ],
)
def test_refused_adds(ed: Editor, period: str, value: object, fragment: str) -> None:
    meas.add_measurement(ed, "kpi_1", "2024-01", 1)
    depth = len(ed._undo)
    with pytest.raises(EditRefused) as info:
        meas.add_measurement(ed, "kpi_1", period, value)
    assert fragment in str(info.value)
    assert len(ed._undo) == depth


def test_mark_rebase_gives_new_limits(ed: Editor) -> None:
    text = "\n".join(str(v) for v in [30, 32, 29, 31, 33, 30, 22, 21, 23, 22, 20, 21])
    meas.paste_measurements(ed, "kpi_1", text, start="2024-01")
    assert len(analyse_kpi(ed.arch.kpis["kpi_1"]).segments) == 1
    meas.mark_rebase(ed, "kpi_1", "2024-07")
    segments = analyse_kpi(ed.arch.kpis["kpi_1"]).segments
    assert [s.start for s in segments] == [0, 6]
    ed.undo()
    assert len(analyse_kpi(ed.arch.kpis["kpi_1"]).segments) == 1


def test_paste_one_column_continues_the_series(ed: Editor) -> None:
    meas.add_measurement(ed, "kpi_1", "2024-W52", 5)
    assert meas.paste_measurements(ed, "kpi_1", "Värde\r\n6\r\n7,5\r\n\r\n") == 2
    assert periods(ed) == ["2024-W52", "2025-W01", "2025-W02"]
    assert ed.arch.kpis["kpi_1"].actual == 7.5


def test_paste_one_column_into_an_empty_series_ends_this_month(ed: Editor) -> None:
    meas.paste_measurements(ed, "kpi_1", "1\n2\n3", today=dt.date(2025, 2, 14))
    assert periods(ed) == ["2024-12", "2025-01", "2025-02"]


def test_paste_two_columns_replaces_and_adds_in_one_step(ed: Editor) -> None:
    meas.add_measurement(ed, "kpi_1", "2024-Q1", 5, note="kept", rebase=True)
    depth = len(ed._undo)
    meas.paste_measurements(ed, "kpi_1", "Period\tValue\n2024-Q2\t7\n2024-q1\t6\n")
    assert len(ed._undo) == depth + 1
    first = ed.arch.kpis["kpi_1"].series[0]
    assert (first.value, first.note, first.rebase) == (6.0, "kept", True)
    assert periods(ed) == ["2024-Q1", "2024-Q2"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1\nabc\n3", "Row 2"),
        ("2024-01\t1\t2", "more than two columns"),
        ("2024-01\t1\n2024-13\t2", "is not a period"),
        ("2024-01\t1\n2024-W01\t2", "same kind"),
        ("", "no values"),
    ],
)
def test_paste_refused(ed: Editor, text: str, fragment: str) -> None:
    with pytest.raises(EditRefused) as info:
        meas.paste_measurements(ed, "kpi_1", text, start="2024-01")
    assert fragment in str(info.value)
    assert ed.arch.kpis["kpi_1"].series == ()


def test_copy_and_paste_a_process_keeps_its_series(ed: Editor) -> None:
    from procmodeler.edit import clipboard

    meas.paste_measurements(ed, "kpi_1", "2024-01\t30\n2024-02\t29,5", start=None)
    meas.mark_rebase(ed, "kpi_1", "2024-02")
    pid = ed.arch.kpis["kpi_1"].process
    frag = clipboard.loads(clipboard.dumps(clipboard.copy_fragment(ed.arch, None, [pid])))
    (new_pid,) = clipboard.paste_fragment(ed, frag, None)
    (new_kid,) = ed.arch.kpis_of(new_pid)
    assert ed.arch.kpis[new_kid].series == ed.arch.kpis["kpi_1"].series
