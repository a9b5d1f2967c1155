"""The model as records of kinds keyed by id: the one table that diff and merge walk.

Every collection of an :class:`~procmodeler.model.architecture.Architecture` is one
:class:`Kind`: its name on the command line (``process``, ``participation``, ...), how
its key is written as an id (``proc_1``, ``PROCESS/UNIT``, ``LEVEL/ID`` with ``-`` for
the landscape), its fields, and which of them refer to other elements (and what happens
to the record when the element it refers to is gone). Diff, merge and renumbering are
written once over this table: a new collection needs one :class:`Kind` entry in
:data:`KINDS` (and nothing else here), see ``docs/teams.md``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from procmodeler.common.i18n import N_
from procmodeler.model.architecture import Architecture
from procmodeler.model.changes import NESTED_COLLECTIONS
from procmodeler.model.elements import (
    Bounds,
    DiagramOptions,
    Improvement,
    Kpi,
    Metadata,
    Objective,
    Person,
    Process,
    Relation,
    Unit,
)

#: The kinds that share the one id namespace of elements (the ids that references use).
NAMESPACE = ("process", "unit", "person", "relation", "kpi", "objective", "improvement")
#: What a key part or a field may refer to when it names "any element" (suppressions).
ANY_ELEMENT = NAMESPACE

#: How an empty level (the landscape) or the architecture's own key is written.
NONE_ID = "-"

#: ``on_delete`` of a reference: the record goes with the element it refers to, or the
#: reference is cleared (set to None, or the id taken out of a list).
CASCADE = "cascade"
CLEAR = "clear"


@dataclass(frozen=True)
class Ref:
    """A reference from a record to elements of other kinds.

    ``part`` is the index of a key part, or None when the reference is the value field
    ``field``. The referring value is one id, None, or a tuple of ids.
    """

    kinds: tuple[str, ...]
    on_delete: str
    field: str | None = None
    part: int | None = None


@dataclass(frozen=True)
class Kind:
    """One collection of the model as records: see the module docstring."""

    name: str  # the kind on the command line and in JSON
    collection: str  # the Architecture attribute
    label: str  # singular, for people (translated with N_)
    record: type | None = None  # the record type; None: the value is one scalar field
    value_field: str = "value"  # the field name of a scalar value
    parts: tuple[str, ...] = ()  # names of a composite key's parts; (): the key is the id
    tuple_parts: frozenset[int] = frozenset()  # key parts that hold a tuple of ids
    refs: tuple[Ref, ...] = ()
    tree: str | None = None  # the field holding the parent, for cycle checks
    layout: bool = False  # geometry: reported and merged, but kept apart
    title: str | None = "name"  # the field that names a record for people

    # ................................................................ keys and ids
    def key_id(self, key: Any) -> str:
        """The id of a key as the command line writes it."""
        if self.collection == "meta":
            return NONE_ID
        if not self.parts:
            return str(key)
        return "/".join(
            ",".join(part) if i in self.tuple_parts else (NONE_ID if part is None else part)
            for i, part in enumerate(self.key_parts(key))
        )

    def key_parts(self, key: Any) -> tuple[Any, ...]:
        """The parts of a composite key (a one-part key is stored bare)."""
        return (key,) if len(self.parts) == 1 else tuple(key)

    def make_key(self, parts: tuple[Any, ...]) -> Any:
        return parts[0] if len(self.parts) == 1 else parts

    def parse_id(self, text: str) -> Any:
        """The key of an id written by :meth:`key_id`."""
        if self.collection == "meta":
            return None
        if not self.parts:
            return text
        pieces = text.split("/", len(self.parts) - 1)
        if len(pieces) != len(self.parts):
            raise ValueError(f"{self.name} id {text!r} should have {len(self.parts)} parts")
        return self.make_key(
            tuple(
                tuple(p for p in piece.split(",") if p)
                if i in self.tuple_parts
                else (None if piece == NONE_ID else piece)
                for i, piece in enumerate(pieces)
            )
        )

    # ................................................................ records
    def items(self, arch: Architecture) -> dict[Any, Any]:
        """The collection as one flat ``{key: value}`` dict, in stored order."""
        if self.collection == "meta":
            return {None: arch.meta}
        src = getattr(arch, self.collection)
        if self.collection in NESTED_COLLECTIONS:
            return {(level, k): v for level, inner in src.items() for k, v in inner.items()}
        return dict(src)

    def fields(self) -> tuple[str, ...]:
        """The names of a record's fields (a scalar value has the one :attr:`value_field`)."""
        return _fields(self.record) if self.record else (self.value_field,)

    def get(self, value: Any, field: str) -> Any:
        return getattr(value, field) if self.record else value

    def with_fields(self, value: Any, changes: dict[str, Any]) -> Any:
        """*value* with some fields replaced."""
        if not changes:
            return value
        if self.record:
            return dataclasses.replace(value, **changes)
        return changes[self.value_field]

    def name_of(self, value: Any) -> str:
        """What people call the record (its name), or "" when it has none."""
        if self.title and self.record and value is not None:
            return str(getattr(value, self.title, "") or "")
        return ""

    # ................................................................ references
    def extractors(self) -> tuple[Callable[[Any, Any], Any], ...]:
        """Per reference, a fast ``(key, value) -> id, tuple of ids or None``."""
        return tuple(_extractor(self, ref) for ref in self.refs)

    def referred(self, key: Any, value: Any, ref: Ref) -> tuple[str, ...]:
        """The ids one reference of a record names (none, one or several)."""
        if ref.part is not None:
            raw = self.key_parts(key)[ref.part]
        else:
            raw = self.get(value, ref.field or "")
        if raw is None:
            return ()
        return tuple(raw) if isinstance(raw, tuple) else (raw,)


def _extractor(kind: Kind, ref: Ref) -> Callable[[Any, Any], Any]:
    if ref.part is not None:
        part = ref.part
        if len(kind.parts) == 1:
            return lambda key, value: key
        return lambda key, value: key[part]
    if kind.record is None:
        return lambda key, value: value
    name = ref.field or ""
    return lambda key, value: getattr(value, name)


@functools.cache
def _fields(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record))


_PROCESS = ("process",)
_UNIT = ("unit",)
_PERSON = ("person",)
_OBJECTIVE = ("objective",)

#: Every collection of the model, in the order diffs are reported and merges are done
#: (an element's kind before the kinds that refer to it).
KINDS: tuple[Kind, ...] = (
    Kind("architecture", "meta", N_("architecture"), Metadata, title=None),
    Kind(
        "unit",
        "units",
        N_("unit"),
        Unit,
        refs=(Ref(_UNIT, CLEAR, "parent"), Ref(_PERSON, CLEAR, "head")),
        tree="parent",
    ),
    Kind("person", "people", N_("person"), Person, refs=(Ref(_UNIT, CLEAR, "unit"),)),
    Kind(
        "process",
        "processes",
        N_("process"),
        Process,
        refs=(
            Ref(_PROCESS, CASCADE, "parent"),
            Ref(_PERSON, CLEAR, "owner"),
            Ref(_PERSON, CLEAR, "leader"),
        ),
        tree="parent",
    ),
    Kind(
        "relation",
        "relations",
        N_("relation"),
        Relation,
        refs=(Ref(_PROCESS, CASCADE, "source"), Ref(_PROCESS, CASCADE, "target")),
        title="object",
    ),
    Kind(
        "participation",
        "participation",
        N_("participation"),
        value_field="roles",
        parts=("process", "unit"),
        refs=(Ref(_PROCESS, CASCADE, part=0), Ref(_UNIT, CASCADE, part=1)),
        title=None,
    ),
    Kind(
        "objective",
        "objectives",
        N_("objective"),
        Objective,
        refs=(Ref(_OBJECTIVE, CASCADE, "parent"), Ref(_PERSON, CLEAR, "owner")),
        tree="parent",
    ),
    Kind(
        "contribution",
        "contributions",
        N_("contribution"),
        value_field="note",
        parts=("objective", "process"),
        refs=(Ref(_OBJECTIVE, CASCADE, part=0), Ref(_PROCESS, CASCADE, part=1)),
        title=None,
    ),
    Kind(
        "kpi",
        "kpis",
        N_("KPI"),
        Kpi,
        refs=(Ref(_PROCESS, CASCADE, "process"), Ref(_OBJECTIVE, CLEAR, "objective")),
    ),
    Kind(
        "improvement",
        "improvements",
        N_("improvement"),
        Improvement,
        refs=(
            Ref(_PROCESS, CASCADE, "process"),
            Ref(_PERSON, CLEAR, "responsible"),
            Ref(("kpi",), CLEAR, "kpi"),
        ),
        title="title",
    ),
    Kind("rule", "rules", N_("rule"), value_field="setting", title=None),
    Kind(
        "suppression",
        "suppressions",
        N_("suppressed finding"),
        value_field="justification",
        parts=("rule", "elements"),
        tuple_parts=frozenset({1}),
        refs=(Ref(ANY_ELEMENT, CASCADE, part=1),),
        title=None,
    ),
    Kind(
        "diagram",
        "diagrams",
        N_("diagram"),
        DiagramOptions,
        parts=("level",),
        refs=(Ref(_PROCESS, CASCADE, part=0), Ref(_UNIT, CLEAR, "lane_order")),
        layout=True,
        title=None,
    ),
    Kind(
        "shape",
        "shapes",
        N_("shape"),
        Bounds,
        parts=("level", "process"),
        refs=(Ref(_PROCESS, CASCADE, part=0), Ref(_PROCESS, CASCADE, part=1)),
        layout=True,
        title=None,
    ),
    Kind(
        "waypoints",
        "waypoints",
        N_("bend points"),
        value_field="points",
        parts=("level", "relation"),
        refs=(Ref(_PROCESS, CASCADE, part=0), Ref(("relation",), CASCADE, part=1)),
        layout=True,
        title=None,
    ),
)

#: Kind name -> Kind.
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}


def build(meta: Metadata, collections: dict[str, dict[Any, Any]]) -> Architecture:
    """A model from flat ``{collection: {key: value}}`` dicts (nested ones unflattened)."""
    out: dict[str, dict[Any, Any]] = {}
    for name, flat in collections.items():
        if name in NESTED_COLLECTIONS:
            nested: dict[Any, dict[Any, Any]] = {}
            for (level, k), v in flat.items():
                nested.setdefault(level, {})[k] = v
            out[name] = nested
        else:
            out[name] = flat
    return Architecture.from_collections(meta, out)


# ---------------------------------------------------------------------- JSON values
def to_json(value: Any) -> Any:
    """A model value as JSON: tuples as lists, records as objects of every field,
    integral floats as whole numbers."""
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else value
    if isinstance(value, tuple):
        return [to_json(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f: to_json(getattr(value, f)) for f in _fields(type(value))}
    return value


def from_json(kind: Kind, field: str | None, raw: Any) -> Any:
    """The inverse of :func:`to_json` for a field of *kind* (``field`` None: a whole
    record). Raises ValueError when *raw* does not fit."""
    if field is None and kind.record is not None and raw is not None:
        if not isinstance(raw, dict) or not set(raw) <= set(kind.fields()):
            raise ValueError(f"not a {kind.name} record")
        try:
            return kind.record(**{k: _tuples(v) for k, v in raw.items()})
        except TypeError as exc:
            raise ValueError(str(exc)) from None
    return _tuples(raw)


def _tuples(raw: Any) -> Any:
    if isinstance(raw, list):
        return tuple(_tuples(item) for item in raw)
    if isinstance(raw, dict):
        raise ValueError("an object where a value was expected")
    return raw


def renamed(kind: Kind, key: Any, value: Any, mapping: dict[str, str]) -> tuple[Any, Any]:
    """A record with every reference (and its own id) renamed by *mapping*."""

    def one(raw: Any) -> Any:
        if isinstance(raw, tuple):
            return tuple(mapping.get(item, item) for item in raw)
        return mapping.get(raw, raw) if raw is not None else None

    changes: dict[str, Any] = {}
    if not kind.parts and kind.collection != "meta":
        key = mapping.get(key, key)
        if kind.record is not None and "id" in kind.fields() and value.id != key:
            changes["id"] = key
    parts = list(kind.key_parts(key)) if kind.parts else []
    for ref in kind.refs:
        if ref.part is not None:
            parts[ref.part] = one(parts[ref.part])
        else:
            field = ref.field or ""
            new = one(kind.get(value, field))
            if new != kind.get(value, field):
                changes[field] = new
    if kind.parts:
        key = kind.make_key(tuple(parts))
    return key, kind.with_fields(value, changes)
