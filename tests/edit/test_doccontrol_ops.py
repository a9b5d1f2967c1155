"""Editing the document control (issue 15 item 5): the properties and the change log in
one undoable step, refused when a status, a date or an entry is wrong."""

from __future__ import annotations

import pytest

from procmodeler.common.errors import EditRefused
from procmodeler.common.i18n import translator
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.model import ChangeLogEntry, Metadata


def test_properties_and_change_log_are_one_undoable_edit() -> None:
    ed = Editor()
    op.set_metadata(ed, name="Arkitektur")
    entry = ChangeLogEntry(" 2026-03-18 ", "1.0", "  Fastställd ", "Åsa")
    op.set_metadata(
        ed,
        change_log=[entry],
        status="adopted",
        adopted_by=" Kommunstyrelsen ",
        adopted_on="2026-03-18",
        reference="KS 2026/0142",
        distribution="Alla chefer",
    )
    meta = ed.arch.meta
    assert (meta.status, meta.adopted_by, meta.adopted_on) == (
        "adopted",
        "Kommunstyrelsen",
        "2026-03-18",
    )
    assert meta.change_log == (ChangeLogEntry("2026-03-18", "1.0", "Fastställd", "Åsa"),)
    ed.undo()
    assert ed.arch.meta == Metadata(name="Arkitektur")
    ed.redo()
    assert ed.arch.meta == meta
    op.set_metadata(ed, adopted_on="")
    assert ed.arch.meta.adopted_on is None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": "approved"}, "'approved' är inte en giltig status"),
        ({"adopted_on": "18 mars"}, "'18 mars' är inget datum"),
        ({"change_log": [ChangeLogEntry("", "1.0", "Ny")]}, "behöver ett datum"),
        ({"change_log": [ChangeLogEntry("2026-01-01", "1.0", " ")]}, "måste säga vad som ändrades"),
        (
            {"change_log": [ChangeLogEntry("2026-13-01", "1.0", "x")]},
            "'2026-13-01' är inget datum",
        ),
    ],
)
def test_wrong_values_are_refused_and_nothing_changes(fields: dict, expected: str) -> None:  # type: ignore[type-arg]
    ed = Editor()
    before = ed.arch.meta
    with pytest.raises(EditRefused) as info:
        op.set_metadata(ed, **fields)
    assert expected in info.value.problems[0].message.text(translator("sv"))
    assert ed.arch.meta == before and not ed.can_undo()
