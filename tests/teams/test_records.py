"""The table of kinds covers the whole model: every collection has its Kind (a new
collection without one fails here: add one ``Kind(...)`` to ``io/records.py``), and
every record's id reads back as its key."""

from __future__ import annotations

from procmodeler.edit import Editor
from procmodeler.edit.measurements import add_measurement
from procmodeler.io.records import BY_NAME, KINDS, from_json, to_json
from procmodeler.model.changes import COLLECTIONS
from tests.teams.scenario import base_model


def test_every_collection_of_the_model_has_one_kind() -> None:
    collections = [kind.collection for kind in KINDS if kind.nesting is None]
    assert sorted(collections) == sorted(c for c in COLLECTIONS if c != "conflicts")


def test_a_nested_kind_lives_in_a_field_of_its_owner_that_the_owner_no_longer_has() -> None:
    nested = [kind for kind in KINDS if kind.nesting is not None]
    assert [kind.name for kind in nested] == ["measurement"]
    for kind in nested:
        assert kind.nesting is not None
        owner = BY_NAME[kind.nesting.owner]
        assert kind.collection == owner.collection and kind in owner.held()
        assert kind.nesting.field not in owner.fields()
        assert kind.refs[0].kinds == (owner.name,) and kind.refs[0].part == 0


def test_ids_and_values_read_back() -> None:
    ed = Editor(base_model())
    add_measurement(ed, "kpi_1", "2025-W07", 4, note="after the holiday", rebase=True)
    add_measurement(ed, "kpi_1", "2025-W08", 5.5)
    arch = ed.arch
    arch.rules["orphan.isolated"] = "off"
    arch.suppressions[("responsibility.no-owner", ("proc_1", "proc_2"))] = "Shared"
    seen = 0
    for kind in KINDS:
        for key, value in kind.items(arch).items():
            assert kind.parse_id(kind.key_id(key)) == key
            assert from_json(kind, None, to_json(value)) == value
            for field in kind.fields():
                raw = to_json(kind.get(value, field))
                assert from_json(kind, field, raw) == kind.get(value, field)
            seen += 1
    assert seen > 17
    assert len(BY_NAME["measurement"].items(arch)) == 2
