"""Undoable edits of a KPI's series of measurements: add, change and delete values, mark
a rebase, and paste one column (values) or two columns (period, value) copied from a
spreadsheet. Each operation is one transaction (one undo entry)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from procmodeler.common.errors import EditRefused
from procmodeler.common.i18n import N_, Message
from procmodeler.common.numbers import parse_decimal
from procmodeler.edit.editor import Editor
from procmodeler.model.elements import Kpi, Measurement, nfc
from procmodeler.model.periods import month_of, parse_period, shift_period
from procmodeler.model.series import SeriesProblem, granularity_of, with_series

_PROBLEMS = {
    "period": N_("'{period}' is not a period (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn or YYYY)."),
    "twice": N_("The period {period} is there twice."),
    "granularity": N_("The period {period} is not of the same kind as the KPI's other periods."),
    "value": N_("The value of {period} is not a number."),
}


def _refuse(msgid: str, **args: Any) -> EditRefused:
    return EditRefused(Message(msgid, **args))


def _kpi(ed: Editor, kid: str) -> Kpi:
    kpi = ed.arch.kpis.get(kid)
    if kpi is None:
        raise _refuse(N_("There is no KPI '{id}'."), id=kid)
    return kpi


def _value(value: Any) -> float:
    try:
        number = parse_decimal(value) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise _refuse(N_("'{value}' is not a number."), value=value) from None
    if not math.isfinite(number):
        raise _refuse(N_("'{value}' is not a number."), value=value)
    return number


def _commit(ed: Editor, kpi: Kpi, series: Iterable[Measurement], label: Message) -> None:
    """Replace *kpi*'s series in one transaction (refused when the series breaks a rule)."""
    try:
        new = with_series(kpi, list(series))
    except SeriesProblem as problem:
        raise _refuse(_PROBLEMS[problem.what], period=problem.period) from None
    if new == kpi:
        return
    with ed.transaction(label):
        ed.put("kpis", kpi.id, new)


def _find(kpi: Kpi, period: str) -> int:
    parsed = parse_period(period)
    for i, m in enumerate(kpi.series):
        if parse_period(m.period) == parsed:
            return i
    raise _refuse(N_("'{name}' has no value for {period}."), name=kpi.name, period=period)


def add_measurement(
    ed: Editor, kid: str, period: str, value: Any, note: str = "", rebase: bool = False
) -> None:
    """Add the value of *period* to a KPI's series."""
    kpi = _kpi(ed, kid)
    m = Measurement(period.strip(), _value(value), nfc(note.strip()), bool(rebase))
    label = Message(N_("Add a value to '{name}'"), name=kpi.name)
    _commit(ed, kpi, [*kpi.series, m], label)


def set_measurement(ed: Editor, kid: str, period: str, **fields: Any) -> None:
    """Change the ``period``, ``value``, ``note`` or ``rebase`` of one measurement."""
    kpi = _kpi(ed, kid)
    index = _find(kpi, period)
    clean: dict[str, Any] = {}
    for key, raw in fields.items():
        if key == "value":
            clean[key] = _value(raw)
        elif key == "note":
            clean[key] = nfc(str(raw).strip())
        elif key == "rebase":
            clean[key] = bool(raw)
        elif key == "period":
            clean[key] = str(raw).strip()
        else:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
    series = list(kpi.series)
    series[index] = replace(series[index], **clean)
    _commit(ed, kpi, series, Message(N_("Change a value of '{name}'"), name=kpi.name))


def mark_rebase(ed: Editor, kid: str, period: str, rebase: bool = True) -> None:
    """Mark (or unmark) that the process was changed from *period* on."""
    kpi = _kpi(ed, kid)
    index = _find(kpi, period)
    series = list(kpi.series)
    series[index] = replace(series[index], rebase=rebase)
    label = (
        Message(N_("Mark a change of the process in '{name}'"), name=kpi.name)
        if rebase
        else Message(N_("Remove a change mark from '{name}'"), name=kpi.name)
    )
    _commit(ed, kpi, series, label)


def delete_measurements(ed: Editor, kid: str, periods: Iterable[str]) -> None:
    """Delete the values of *periods* from a KPI's series."""
    kpi = _kpi(ed, kid)
    drop = {_find(kpi, p) for p in periods}
    if not drop:
        return
    series = [m for i, m in enumerate(kpi.series) if i not in drop]
    label = Message(N_("Delete values of '{name}'"), name=kpi.name)
    _commit(ed, kpi, series, label)


def parse_pasted(text: str) -> list[tuple[str | None, float]]:
    """Rows of text copied from a spreadsheet: one column (values) or two columns
    (period, value), separated by tabs (or semicolons); a first row that is not data
    (a header) is skipped. Raises EditRefused naming the first bad row."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        sep = "\t" if "\t" in line else (";" if ";" in line else None)
        cells = [c.strip() for c in line.split(sep)] if sep else [line.strip()]
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        rows.append((number, cells))
    out: list[tuple[str | None, float]] = []
    for k, (number, cells) in enumerate(rows):
        if len(cells) > 2:
            raise _refuse(N_("Row {row} has more than two columns."), row=number)
        try:
            value = parse_decimal(cells[-1])
        except ValueError:
            if k == 0 and (len(cells) == 1 or parse_period(cells[0]) is None):
                continue  # a header row
            raise _refuse(
                N_("Row {row}: '{value}' is not a number."), row=number, value=cells[-1]
            ) from None
        period = cells[0] if len(cells) == 2 else None
        if period is not None and parse_period(period) is None:
            raise _refuse(_PROBLEMS["period"], period=period)
        out.append((period, value))
    if not out:
        raise _refuse(N_("There are no values to paste."))
    return out


def paste_measurements(
    ed: Editor,
    kid: str,
    text: str,
    start: str | None = None,
    today: _dt.date | None = None,
) -> int:
    """Paste rows copied from a spreadsheet into a KPI's series (see :func:`parse_pasted`)
    and return how many values were pasted. A value for a period that has one replaces
    it (its note and rebase mark stay). Values without periods take consecutive periods
    from *start*; without *start*, the periods after the series' latest, or, for an
    empty series, the months up to and including the current one."""
    kpi = _kpi(ed, kid)
    rows = parse_pasted(text)
    if any(period is None for period, _ in rows):
        if start is None and kpi.series:
            start = shift_period(kpi.series[-1].period, 1)
        elif start is None:
            start = shift_period(month_of(today or _dt.date.today()), 1 - len(rows))
        elif parse_period(start) is None:
            raise _refuse(_PROBLEMS["period"], period=start)
        rows = [(shift_period(start, i), value) for i, (_, value) in enumerate(rows)]
    by_period = {parse_period(m.period): i for i, m in enumerate(kpi.series)}
    series = list(kpi.series)
    for period, value in rows:
        assert period is not None
        index = by_period.get(parse_period(period))
        if index is None:
            by_period[parse_period(period)] = len(series)
            series.append(Measurement(period, value))
        else:
            series[index] = replace(series[index], value=value)
    label = Message(
        N_("Paste {n} value into '{name}'"),
        N_("Paste {n} values into '{name}'"),
        len(rows),
        name=kpi.name,
    )
    _commit(ed, kpi, series, label)
    return len(rows)


def set_series(ed: Editor, kid: str, series: Sequence[Measurement]) -> None:
    """Replace a KPI's whole series (checked) in one undoable step."""
    kpi = _kpi(ed, kid)
    _commit(ed, kpi, series, Message(N_("Change the values of '{name}'"), name=kpi.name))


def granularity(ed: Editor, kid: str) -> str | None:
    """The granularity of a KPI's series (None when it has no values)."""
    return granularity_of(_kpi(ed, kid).series)
