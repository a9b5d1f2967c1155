"""The architecture's properties and document control as one checked metadata record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from procmodeler.common.i18n import N_
from procmodeler.edit.operations.common import _check_choice, _date, _refuse
from procmodeler.model.elements import (
    DOCUMENT_STATUSES,
    LANGUAGES,
    ChangeLogEntry,
    Metadata,
    nfc,
)

#: The text fields of the metadata that ``set_metadata`` takes as keywords (all but the
#: change log).
TEXT_FIELDS: tuple[str, ...] = tuple(f for f in Metadata.__dataclass_fields__ if f != "change_log")


def metadata_with(
    meta: Metadata,
    fields: Mapping[str, str],
    change_log: Iterable[ChangeLogEntry] | None = None,
) -> Metadata:
    """*meta* with *fields* (texts, trimmed; ``adopted_on`` "" clears it) and, when given,
    a new *change_log*; refuses an unknown field, a language or status outside its
    vocabulary, a date that is not ``YYYY-MM-DD`` and a change log entry that says
    nothing."""
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in TEXT_FIELDS:
            raise _refuse(N_("Unknown property '{name}'."), name=key)
        text = nfc(value.strip())
        if key == "language":
            _check_choice(text, LANGUAGES, "language")
        elif key == "status":
            _check_choice(text, DOCUMENT_STATUSES, "status")
        values[key] = _date(text) if key == "adopted_on" else text
    if change_log is not None:
        values["change_log"] = tuple(_entry(entry) for entry in change_log)
    return replace(meta, **values)


def _entry(entry: ChangeLogEntry) -> ChangeLogEntry:
    date = _date(entry.date)
    change = nfc(entry.change.strip())
    if date is None:
        raise _refuse(N_("A change log entry needs a date (YYYY-MM-DD)."))
    if not change:
        raise _refuse(N_("A change log entry must say what changed."))
    return ChangeLogEntry(date, nfc(entry.version.strip()), change, nfc(entry.author.strip()))
