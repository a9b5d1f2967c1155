"""The model as records of kinds keyed by id: the one table that diff and merge walk.

Every collection of an :class:`~procmodeler.model.architecture.Architecture` is one
:class:`Kind`: its name on the command line (``process``, ``participation``, ...), how
its key is written as an id (``proc_1``, ``PROCESS/UNIT``, ``LEVEL/ID`` with ``-`` for
the landscape), its fields, and which of them refer to other elements (and what happens
to the record when the element it refers to is gone). Diff, merge and renumbering are
written once over this table: a new collection needs one :class:`Kind` entry in
:data:`KINDS` (and nothing else here), see ``docs/teams.md``.

A kind may live inside a field of another kind's records (a KPI's ``series`` of
measurements): its :class:`Nesting` says where. Its items are flattened as
``(owner id, item key)`` keys, the owner's kind no longer has that field, and
:func:`assemble` folds the items back into their owners.
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
    ChangeLogEntry,
    DiagramOptions,
    Improvement,
    Kpi,
    Measurement,
    Metadata,
    Objective,
    Person,
    Process,
    Relation,
    Unit,
)
from procmodeler.model.series import with_series

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
class Nesting:
    """Where a nested kind's items live: in the tuple field ``field`` of the records of
    the kind ``owner``, told apart by their field ``key``. ``fold(owner_record, items)``
    is the owner's record holding *items* (put in order, derived fields set; raises
    ValueError when the items do not go together); ``bare(owner_record)`` the owner's
    record as diffed and merged: without the items and without what derives from them.
    """

    owner: str
    field: str
    key: str
    fold: Callable[[Any, list[Any]], Any]
    bare: Callable[[Any], Any]


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
    # derived geometry the app computes again when a record is missing (a relation's
    # route): when both sides changed it differently, the merge drops it, not a conflict
    recomputed: bool = False
    title: str | None = "name"  # the field that names a record for people
    nesting: Nesting | None = None  # set: the records live inside another kind's records

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
        nesting = self.nesting
        if nesting is not None:
            field, key = nesting.field, nesting.key
            return {
                (owner, getattr(item, key)): item
                for owner, record in src.items()
                for item in getattr(record, field)
            }
        if self.collection in NESTED_COLLECTIONS:
            return {(level, k): v for level, inner in src.items() for k, v in inner.items()}
        held = self.held()
        if held:
            out = {}
            for k, v in src.items():
                for inner in held:
                    v = inner.nesting.bare(v)  # type: ignore[union-attr]
                out[k] = v
            return out
        return dict(src)

    def held(self) -> tuple[Kind, ...]:
        """The kinds whose items live inside this kind's records."""
        return _NESTED_IN.get(self.name, ())

    def current(self, arch: Architecture, key: Any) -> Any:
        """The record at *key* in *arch* as :meth:`items` has it, or None."""
        if self.collection == "meta":
            return arch.meta
        nesting = self.nesting
        if nesting is None:
            value = arch.get(self.collection, key)
            for inner in self.held():
                value = inner.nesting.bare(value) if value is not None else None  # type: ignore[union-attr]
            return value
        owner, item_key = key
        record = getattr(arch, self.collection).get(owner)
        for item in getattr(record, nesting.field) if record is not None else ():
            if getattr(item, nesting.key) == item_key:
                return item
        return None

    def fields(self) -> tuple[str, ...]:
        """The names of a record's fields (a scalar value has the one :attr:`value_field`);
        a field that holds a nested kind's items is not one of them."""
        if not self.record:
            return (self.value_field,)
        held = {inner.nesting.field for inner in self.held() if inner.nesting is not None}
        if held:
            return tuple(f for f in _fields(self.record) if f not in held)
        return _fields(self.record)

    def stored(self, arch: Architecture, key: Any, value: Any) -> tuple[str, Any, Any]:
        """What to put into *arch* (collection, key, value; None removes) so that the
        record at *key* becomes *value* (as :meth:`items` has it; None: gone). A nested
        item goes into its owner's record (LookupError when the owner is gone; ValueError
        when the item does not go with the owner's other items); an owner's record
        without its items keeps the ones it holds now."""
        if self.collection == "meta":
            return "meta", "meta", value
        nesting = self.nesting
        if nesting is not None:
            owner_id, item_key = key
            owner = getattr(arch, self.collection).get(owner_id)
            if owner is None:
                raise LookupError(owner_id)
            kept = [i for i in getattr(owner, nesting.field) if getattr(i, nesting.key) != item_key]
            if value is not None:
                kept.append(value)
            return self.collection, owner_id, nesting.fold(owner, kept)
        if value is not None:
            now = arch.get(self.collection, key)
            for inner in self.held():
                field = inner.nesting.field  # type: ignore[union-attr]
                if now is not None and not getattr(value, field):
                    value = inner.nesting.fold(value, list(getattr(now, field)))  # type: ignore[union-attr]
        return self.collection, key, value

    def whole(self, items: dict[str, dict[Any, Any]], key: Any, value: Any) -> Any:
        """A record of *items* (kind name -> items, one side of a merge) with the nested
        items it holds put back: a whole element as a conflict records it."""
        if value is None:
            return None
        for inner in self.held():
            mine = {k: v for k, v in items[inner.name].items() if k[0] == key}
            value = fold(inner, {key: value}, mine)[key]
        return value

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


def _bare_kpi(kpi: Kpi) -> Kpi:
    """A KPI without its series; its ``actual`` is then the latest value, so it goes too."""
    return dataclasses.replace(kpi, series=(), actual=None) if kpi.series else kpi


def _fold_series(kpi: Kpi, series: list[Measurement]) -> Kpi:
    """A KPI holding *series*, ordered by period (raises SeriesProblem, a ValueError)."""
    return with_series(kpi, series)


_SERIES = Nesting("kpi", "series", "period", _fold_series, _bare_kpi)

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
        "measurement",
        "kpis",
        N_("measurement"),
        Measurement,
        parts=("kpi", "period"),
        refs=(Ref(("kpi",), CASCADE, part=0),),
        title=None,
        nesting=_SERIES,
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
        recomputed=True,
        title=None,
    ),
)

#: Kind name -> Kind.
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}


#: Owner kind name -> the kinds that live inside its records.
_NESTED_IN: dict[str, tuple[Kind, ...]] = {}
for _kind in KINDS:
    if _kind.nesting is not None:
        _owner = _kind.nesting.owner
        _NESTED_IN[_owner] = (*_NESTED_IN.get(_owner, ()), _kind)


def fold(kind: Kind, owners: dict[Any, Any], items: dict[Any, Any]) -> dict[Any, Any]:
    """The owners' records (of :meth:`Kind.items`) with the nested *kind*'s *items* put
    back into them; items of an owner that is not there are left out. Raises
    ValueError when the items of one owner do not go together."""
    nesting = kind.nesting
    assert nesting is not None  # only nested kinds are folded
    grouped: dict[Any, list[Any]] = {}
    for (owner, _), item in items.items():
        grouped.setdefault(owner, []).append(item)
    return {key: nesting.fold(value, grouped.get(key, [])) for key, value in owners.items()}


def assemble(
    items: dict[str, dict[Any, Any]], conflicts: dict[Any, Any] | None = None
) -> Architecture:
    """A model from every kind's flat ``{key: value}`` items (kind name -> items, as
    :meth:`Kind.items` gives them): nested kinds folded into their owners' records,
    nested collections unflattened."""
    by_collection: dict[str, dict[Any, Any]] = {}
    meta = Metadata()
    for kind in KINDS:
        if kind.collection == "meta":
            meta = items[kind.name][None]
        elif kind.nesting is None:
            by_collection[kind.collection] = items[kind.name]
    for kind in KINDS:
        if kind.nesting is not None:
            owner = BY_NAME[kind.nesting.owner]
            by_collection[owner.collection] = fold(
                kind, by_collection[owner.collection], items[kind.name]
            )
    if conflicts is not None:
        by_collection["conflicts"] = conflicts
    return build(meta, by_collection)


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


#: (record type, field) -> the record type of the items of a tuple field of records.
ITEM_RECORDS: dict[tuple[type, str], type] = {(Metadata, "change_log"): ChangeLogEntry}


def _items_of(record: type | None, field: str, raw: Any) -> Any:
    """A field's value from JSON: a tuple of records for a field of :data:`ITEM_RECORDS`."""
    item = ITEM_RECORDS.get((record, field)) if record is not None else None
    if item is None:
        return _tuples(raw)
    if not isinstance(raw, list) or not all(isinstance(one, dict) for one in raw):
        raise ValueError(f"{field} should be a list of objects")
    try:
        return tuple(item(**one) for one in raw)
    except TypeError as exc:
        raise ValueError(str(exc)) from None


def from_json(kind: Kind, field: str | None, raw: Any) -> Any:
    """The inverse of :func:`to_json` for a field of *kind* (``field`` None: a whole
    record). Raises ValueError when *raw* does not fit."""
    if field is not None:
        return _items_of(kind.record, field, raw)
    if kind.record is not None and raw is not None:
        held = {inner.nesting.field: inner for inner in kind.held() if inner.nesting}
        if not isinstance(raw, dict) or not set(raw) <= set(kind.fields()) | set(held):
            raise ValueError(f"not a {kind.name} record")
        values = {}
        for name, item in raw.items():
            if name in held:
                if not isinstance(item, list):
                    raise ValueError(f"{name} should be a list")
                values[name] = tuple(from_json(held[name], None, one) for one in item)
            else:
                values[name] = _items_of(kind.record, name, item)
        try:
            return kind.record(**values)
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
