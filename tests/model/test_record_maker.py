"""record_maker: the record it makes is the one the class makes, in every respect."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from procmodeler.model import elements
from procmodeler.model.records import record_maker

FROZEN = [
    cls
    for cls in vars(elements).values()
    if isinstance(cls, type)
    and dataclasses.is_dataclass(cls)
    and cls.__module__ == elements.__name__
]

EXAMPLES = {
    elements.Process: (("p1", "Sell"), {"kind": "support", "objects_in": ("Order",)}),
    elements.Relation: (("r1", "p1", "p2"), {"object": "Goods"}),
    elements.Kpi: (("k1", "p1", "Lead time"), {"target": 3.5}),
    elements.Unit: (("u1", "Unit"), {"parent": "u0"}),
    elements.Person: (("e1", "Anna"), {"unit": "u1", "original_id": "1"}),
}


@pytest.mark.parametrize("cls", FROZEN, ids=lambda c: c.__name__)
def test_every_element_record_can_be_made(cls: type) -> None:
    assert callable(record_maker(cls))


@pytest.mark.parametrize("cls", list(EXAMPLES), ids=lambda c: c.__name__)
def test_the_record_is_the_one_the_class_makes(cls: type) -> None:
    args, kwargs = EXAMPLES[cls]
    made, plain = record_maker(cls)(*args, **kwargs), cls(*args, **kwargs)
    assert type(made) is cls
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert dataclasses.astuple(made) == dataclasses.astuple(plain)
    assert pickle.loads(pickle.dumps(made)) == plain == copy.deepcopy(made)
    assert dataclasses.replace(made, id="x") == dataclasses.replace(plain, id="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):  # the same signature: a field twice, an unknown one
        record_maker(cls)(*args, id="again")
    with pytest.raises(TypeError):
        record_maker(cls)(*args, colour="red")


def test_only_frozen_dataclasses_with_slots() -> None:
    @dataclasses.dataclass(slots=True)
    class Open:
        x: int

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    for cls in (Open, NoSlots, int):
        with pytest.raises(TypeError):
            record_maker(cls)
