"""The table of kinds covers the whole model: every collection has its Kind (a new
collection without one fails here: add one ``Kind(...)`` to ``io/records.py``), and
every record's id reads back as its key."""

from __future__ import annotations

from procmodeler.io.records import KINDS, from_json, to_json
from procmodeler.model.changes import COLLECTIONS
from tests.teams.scenario import base_model


def test_every_collection_of_the_model_has_one_kind() -> None:
    collections = [kind.collection for kind in KINDS]
    assert sorted(collections) == sorted(c for c in COLLECTIONS if c != "conflicts")


def test_ids_and_values_read_back() -> None:
    arch = base_model()
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
    assert seen > 15
