"""Records of the model's frozen dataclasses made in bulk, for readers that build tens of
thousands at once (:func:`record_maker`).

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__``, a call
through a slot wrapper that costs thousands of machine instructions: a 16-field
:class:`~procmodeler.model.elements.Process` took about 23,000, a third of a register
import's building. The maker is an unfrozen twin class with the same slots instead:
its ``__init__`` stores each field plainly, and its ``__post_init__`` gives the record
the frozen class (``__class__`` assignment between two classes of one layout), so the
record is the same in every way: type, fields, equality, hash, repr, immutability.
Standard library only.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def record_maker(cls: type[R]) -> Callable[..., R]:
    """A callable that takes the arguments of ``cls(...)`` and returns the record
    ``cls(...)`` would, about three times faster (the twin class). *cls* must be a frozen
    dataclass with slots and without ``__post_init__``."""
    twin: Callable[..., R] = _twin(cls)  # type: ignore[arg-type]
    return twin


@functools.cache  # one twin a class, however many readers ask for it
def _twin(cls: type) -> Any:
    params = getattr(cls, "__dataclass_params__", None)
    if (
        params is None
        or not params.frozen
        or "__slots__" not in cls.__dict__
        or hasattr(cls, "__post_init__")
    ):
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")

    def become(record: Any) -> None:  # the twin's __post_init__: no wrapper call per record
        record.__class__ = cls

    twin: Any = dataclasses.make_dataclass(
        f"_{cls.__name__}Twin",
        [
            (
                f.name,
                f.type,
                dataclasses.field(
                    default=f.default,
                    default_factory=f.default_factory,
                    init=f.init,
                    kw_only=f.kw_only,
                ),
            )
            for f in dataclasses.fields(cls)
        ],
        namespace={"__post_init__": become},
        slots=True,
        eq=False,
        repr=False,
        match_args=False,
    )
    twin.__doc__ = f"A {cls.__name__} record, as {cls.__name__}(...) makes it."
    return twin
