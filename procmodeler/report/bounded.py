"""The model as the report shows it: texts longer than a report can lay out in
reasonable time are shortened with a visible note, so that any model's report is
made in time linear in its size (the model itself is never changed)."""

from __future__ import annotations

import dataclasses
from typing import Any

from procmodeler.common.i18n import N_, Message, Translator
from procmodeler.model.architecture import Architecture

#: Longest name shown (a process, unit, person, KPI or the model): a name longer than
#: this does not fit on a diagram, a heading or a table row anyway.
MAX_NAME = 300
#: Longest other text shown (a purpose, a need, an object, a title): about nine pages.
MAX_TEXT = 30_000

_COLLECTIONS = ("processes", "units", "people", "relations", "kpis")


def _shorter(text: str, limit: int, note: str, tr: Translator) -> str:
    cut = text[:limit]
    space = cut.rfind(" ", limit - 80)
    if space > 0:
        cut = cut[:space]
    cut = cut.rstrip()
    return f"{cut} \u2026 " + Message(note, shown=len(cut), total=len(text)).text(tr)


def _bounded_value(field: str, value: Any, tr: Translator) -> Any:
    limit = MAX_NAME if field == "name" else MAX_TEXT
    if isinstance(value, str) and len(value) > limit:
        return _shorter(value, limit, _NOTE_NAME if field == "name" else _NOTE_TEXT, tr)
    if isinstance(value, tuple) and any(isinstance(v, str) and len(v) > limit for v in value):
        return tuple(_bounded_value(field, v, tr) for v in value)
    return value


def _bounded_record(record: Any, tr: Translator) -> Any:
    changes = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        new = _bounded_value(field.name, value, tr)
        if new is not value:
            changes[field.name] = new
    return dataclasses.replace(record, **changes) if changes else record


def _too_long(record: Any) -> bool:
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        limit = MAX_NAME if field.name == "name" else MAX_TEXT
        if isinstance(value, str) and len(value) > limit:
            return True
        if isinstance(value, tuple) and any(isinstance(v, str) and len(v) > limit for v in value):
            return True
    return False


def for_report(arch: Architecture, tr: Translator) -> Architecture:
    """*arch* itself when every text fits the report's limits, else a copy whose
    over-long texts end in "... (the first N of M characters; the full text is in the
    model)". Time linear in the model's size."""
    records = [arch.meta] + [r for c in _COLLECTIONS for r in getattr(arch, c).values()]
    if not any(_too_long(r) for r in records):
        return arch
    copy = arch.copy()
    copy.meta = _bounded_record(arch.meta, tr)
    for collection in _COLLECTIONS:
        target = getattr(copy, collection)
        for key, record in target.items():
            target[key] = _bounded_record(record, tr)
    return copy


_NOTE_NAME = N_("(name shortened: the first {shown} of {total} characters)")
_NOTE_TEXT = N_(
    "(text shortened in the report: the first {shown} of {total} characters; "
    "the full text is in the model)"
)
