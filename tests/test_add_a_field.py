"""How to add a field (docs/architecture.md): a field with a vocabulary is taught in one
impact function, one validator entry and one vocabulary entry; everything else reads
those. This test adds a field ``priority`` to processes the way the document says and
checks that the views' impact, the validator and the vocabulary then know it."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from procmodeler import vocabulary
from procmodeler.common.i18n import N_, translator
from procmodeler.edit.impact import Impact
from procmodeler.model import Architecture, Metadata, Process
from procmodeler.model import validate as v
from procmodeler.model.changes import Put

PRIORITIES = ("low", "high")


@dataclass(frozen=True, slots=True)
class Prioritised(Process):
    """A process with the new field."""

    priority: str = "low"


@pytest.fixture
def taught(monkeypatch: pytest.MonkeyPatch) -> None:
    # 1. the validator: one entry
    monkeypatch.setitem(v.WORDS, ("processes", "priority"), PRIORITIES)
    # 2. the vocabulary: one entry (its Swedish goes into vocabulary.po)
    words = {"low": N_("Low"), "high": N_("High")}
    monkeypatch.setitem(vocabulary.VOCABULARIES, "priority", (words, PRIORITIES))


def model(priority: str) -> Architecture:
    return Architecture.from_collections(
        Metadata(), {"processes": {"A": Prioritised("A", "A", priority=priority)}}
    )


@pytest.mark.usefixtures("taught")
def test_the_validator_knows_the_field_from_its_one_entry() -> None:
    assert v.violations(model("high")) == []
    assert v.violations(model("urgent")) == [
        v.Violation(v.VOCABULARY, "processes", "A", "priority", "urgent", allowed=PRIORITIES)
    ]


@pytest.mark.usefixtures("taught")
def test_the_vocabulary_entry_names_exactly_the_field_values() -> None:
    table, keys = vocabulary.VOCABULARIES["priority"]
    assert tuple(table) == keys == PRIORITIES
    assert vocabulary.word(table, "high", translator("en")) == "High"


def test_the_impact_of_a_change_to_the_field_needs_no_new_code() -> None:
    """A field of an existing collection changes its element (Impact.processes); only a
    field that changes a view's structure (like ``kind``, ``parent``) gets its own flag
    in ``Impact._add``, the one impact function."""
    old = Prioritised("A", "A", priority="low")
    new = replace(old, priority="high")
    impact = Impact.of((Put("processes", "A", old, new, 0),), model("high"))
    assert impact.processes == {"A"} and impact.elements
    assert not impact.tree and not impact.kinds
