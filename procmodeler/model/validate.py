"""One definition of a valid model: :func:`violations` lists every broken invariant.

A model is valid when :func:`violations` returns nothing. The invariants are:

* **ids**: every process, unit, person, relation, KPI, objective and improvement id is
  an XML NCName, is the key it is stored under, and is used once across the seven
  collections;
* **references**: every reference names an element of the right collection (process
  parent, owner, leader; unit parent and head; a person's unit; relation ends; a KPI's
  process and objective; an objective's parent and owner; an improvement's process,
  responsible person and KPI; participation and contribution rows; diagram levels,
  shapes, bend points, lane orders);
* **hierarchies**: no process, unit or objective is its own ancestor (:func:`find_cycles`);
* **relations**: no process is related to itself;
* **vocabularies**: kinds, statuses, directions, RACI letters, rule settings, the
  model's language and its document status are words of their vocabulary;
* **numbers**: geometry and KPI values are finite; shapes have a positive size;
* **dates**: review, improvement, adoption and change log dates are calendar dates
  ``YYYY-MM-DD``;
* **text**: names, improvement titles, suppression justifications and what a change
  log entry says changed are not empty;
  contribution notes are texts.

Readers (native file, register, BPMN) check their own syntax, build a model and then
report these violations in their own words; the editor's operations refuse edits that
would cause one. Standard library only, like the rest of the model.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from procmodeler.model.architecture import ID_COLLECTIONS, Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    DOCUMENT_STATUSES,
    ESTABLISHMENT_LEVELS,
    IMPROVEMENT_STATUSES,
    KPI_KINDS,
    LANGUAGES,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RELATION_KINDS,
    RULE_SETTINGS,
    is_date,
    is_ncname,
    normalize_letters,
)

#: The kinds of violation.
DANGLING = "dangling"  # a reference to an element that is not there
WRONG_KIND = "wrong-kind"  # a reference to an element of another collection
CYCLE = "cycle"  # a parent chain that comes back to where it started
SELF_RELATION = "self-relation"  # a relation from a process to itself
VOCABULARY = "vocabulary"  # a word that is not in its vocabulary
NCNAME = "ncname"  # an id that is no XML NCName
KEY = "key"  # an element stored under another key than its id
DUPLICATE = "duplicate"  # an id used in two collections
NUMBER = "number"  # a number that is not finite (or a size that is not positive)
EMPTY = "empty"  # a required text that is empty
DATE = "date"  # a date that is not a calendar date YYYY-MM-DD

#: The collections of elements with ids, in the order they are checked.
ELEMENTS: tuple[str, ...] = ID_COLLECTIONS

K = TypeVar("K", bound=Hashable)

#: (collection, field) -> the collection the field refers to. Adding a reference field
#: to an element means adding it here (and nowhere else in this module).
REFERENCES: dict[tuple[str, str], str] = {
    ("processes", "parent"): "processes",
    ("processes", "owner"): "people",
    ("processes", "leader"): "people",
    ("units", "parent"): "units",
    ("units", "head"): "people",
    ("people", "unit"): "units",
    ("relations", "source"): "processes",
    ("relations", "target"): "processes",
    ("kpis", "process"): "processes",
    ("kpis", "objective"): "objectives",
    ("objectives", "parent"): "objectives",
    ("objectives", "owner"): "people",
    ("improvements", "process"): "processes",
    ("improvements", "responsible"): "people",
    ("improvements", "kpi"): "kpis",
}
#: (collection, field) -> its vocabulary (the words are in :mod:`procmodeler.vocabulary`).
#: Adding a field with a vocabulary means adding it here.
WORDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("processes", "kind"): PROCESS_KINDS,
    ("processes", "status"): PROCESS_STATUSES,
    ("relations", "kind"): RELATION_KINDS,
    ("kpis", "kind"): KPI_KINDS,
    ("kpis", "direction"): DIRECTIONS,
    ("processes", "established"): ESTABLISHMENT_LEVELS,
    ("improvements", "status"): IMPROVEMENT_STATUSES,
}
#: Fields of :data:`WORDS` that may also be None (not set).
OPTIONAL_WORDS: frozenset[tuple[str, str]] = frozenset({("processes", "established")})
#: (collection, field) of the dates (``YYYY-MM-DD``, None allowed).
DATES: frozenset[tuple[str, str]] = frozenset(
    {
        ("processes", "next_review"),
        ("improvements", "started"),
        ("improvements", "due"),
        ("improvements", "done"),
    }
)
#: (collection, field) of the numbers that must be finite (None allowed).
NUMBERS: frozenset[tuple[str, str]] = frozenset({("kpis", "target"), ("kpis", "actual")})
#: Collections whose elements must have a name.
NAMED: frozenset[str] = frozenset({"processes", "units", "people", "kpis", "objectives"})
#: Collections whose elements must have a title (the field is named in the violation).
TITLED: frozenset[str] = frozenset({"improvements"})


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken invariant: where it is and what is wrong.

    ``collection`` and ``key`` locate the element (shapes and bend points: the key is
    ``(level, id)``; diagram options: the level; the model's metadata: ``"meta"``);
    ``field`` names the field that is wrong and ``value`` holds what it holds. For a
    reference, ``target`` is the collection it should name (and ``found`` the one that
    holds the id, for a reference of the wrong kind); for a cycle, ``cycle`` lists the
    ids in parent order, starting at ``key``; for a word, ``allowed`` its vocabulary.
    """

    kind: str
    collection: str
    key: Any
    field: str
    value: Any = None
    target: str = ""
    found: str = ""
    cycle: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()


def find_cycles(parents: Mapping[K, K | None]) -> list[tuple[K, ...]]:
    """Every cycle of a parent mapping, each once, as the ids in parent order.

    The walk starts from each key in the mapping's order and follows parents; a cycle
    starts at the first of its members that the walk reaches. A parent that is not a
    key ends a chain (it is a dangling reference, not a cycle).
    """
    done: set[K] = set()
    cycles: list[tuple[K, ...]] = []
    for start in parents:
        if start in done:
            continue
        chain: list[K] = []
        on_chain: set[K] = set()
        current: K | None = start
        while current is not None and current in parents and current not in done:
            if current in on_chain:
                cycles.append(tuple(chain[chain.index(current) :]))
                break
            chain.append(current)
            on_chain.add(current)
            current = parents[current]
        done.update(chain)
    return cycles


def violations(arch: Architecture) -> list[Violation]:
    """Every broken invariant of *arch*, in a fixed order (collection, element, field)."""
    return list(_all(arch))


#: The kinds of :func:`cycle_violations`.
CYCLE_KINDS: frozenset[str] = frozenset({CYCLE, SELF_RELATION})


def cycle_violations(arch: Architecture) -> list[Violation]:
    """The violations of :func:`violations` that are cycles: parent cycles of processes,
    units and objectives, and relations from a process to themselves, in the same order.

    These are the invariants that checking each cell and reference of a record against
    the others cannot see; a reader that has checked all of that itself without finding
    a problem (the register's) needs only these."""
    return [found for collection in ELEMENTS for found in _cycles_of(arch, collection)]


def _cycles_of(arch: Architecture, collection: str) -> Iterator[Violation]:
    if collection == "relations":
        for rid, r in arch.relations.items():
            if r.source == r.target:
                yield Violation(SELF_RELATION, "relations", rid, "target", r.target)
    if collection in ("processes", "units", "objectives"):
        yield from _cycles(collection, getattr(arch, collection))


def is_valid(arch: Architecture) -> bool:
    """True when *arch* breaks no invariant."""
    return next(iter(_all(arch)), None) is None


def _all(arch: Architecture) -> Iterator[Violation]:
    yield from _ids(arch)
    for collection in ELEMENTS:
        yield from _fields(arch, collection)
    yield from _participation(arch)
    yield from _contributions(arch)
    yield from _settings(arch)
    yield from _diagrams(arch)
    yield from _geometry(arch)
    yield from _meta(arch)


def _meta(arch: Architecture) -> Iterator[Violation]:
    """The language, the document status and the dates of the document control; a change
    log entry's field is named ``change_log[N].FIELD``."""
    meta = arch.meta
    yield from _word("meta", "meta", "language", meta.language, LANGUAGES)
    yield from _word("meta", "meta", "status", meta.status, DOCUMENT_STATUSES)
    if meta.adopted_on is not None and not is_date(meta.adopted_on):
        yield Violation(DATE, "meta", "meta", "adopted_on", meta.adopted_on)
    for i, entry in enumerate(meta.change_log):
        if not is_date(entry.date):
            yield Violation(DATE, "meta", "meta", f"change_log[{i}].date", entry.date)
        yield from _name("meta", "meta", entry.change, f"change_log[{i}].change")


def _ids(arch: Architecture) -> Iterator[Violation]:
    first: dict[str, str] = {}
    for collection in ELEMENTS:
        for key, element in getattr(arch, collection).items():
            if element.id != key:
                yield Violation(KEY, collection, key, "id", element.id)
            if not isinstance(key, str) or not is_ncname(key):
                yield Violation(NCNAME, collection, key, "id", key)
            elif key in first:
                yield Violation(DUPLICATE, collection, key, "id", key, found=first[key])
            else:
                first[key] = collection


def _ref(
    arch: Architecture, collection: str, key: Any, field: str, value: Any, target: str
) -> Iterator[Violation]:
    """A violation when *value* (not None) names no element of *target*."""
    if value is None or value in getattr(arch, target):
        return
    for other in ELEMENTS:
        if other != target and value in getattr(arch, other):
            yield Violation(WRONG_KIND, collection, key, field, value, target, found=other)
            return
    yield Violation(DANGLING, collection, key, field, value, target=target)


def _word(
    collection: str, key: Any, field: str, value: Any, allowed: tuple[str, ...]
) -> Iterator[Violation]:
    if value not in allowed:
        yield Violation(VOCABULARY, collection, key, field, value, allowed=allowed)


def _name(collection: str, key: Any, value: Any, field: str = "name") -> Iterator[Violation]:
    if not isinstance(value, str) or not value.strip():
        yield Violation(EMPTY, collection, key, field, value)


def _cycles(collection: str, records: Mapping[str, Any]) -> Iterator[Violation]:
    parents = {key: record.parent for key, record in records.items()}
    for cycle in find_cycles(parents):
        yield Violation(CYCLE, collection, cycle[0], "parent", parents[cycle[0]], cycle=cycle)


def _fields(arch: Architecture, collection: str) -> Iterator[Violation]:
    """The name, references, words and numbers of every element of *collection*."""
    refs = [(f, t) for (c, f), t in REFERENCES.items() if c == collection]
    words = [(f, w) for (c, f), w in WORDS.items() if c == collection]
    numbers = sorted(f for c, f in NUMBERS if c == collection)
    dates = sorted(f for c, f in DATES if c == collection)
    # the checks below test the common (valid) case inline and build a generator only
    # for a violation: a 10,000-process model is checked in a fraction of the time
    ref_targets = [(f, t, getattr(arch, t)) for f, t in refs]
    named, titled = collection in NAMED, collection in TITLED
    for key, element in getattr(arch, collection).items():
        if named:
            name = element.name
            if not isinstance(name, str) or not name.strip():
                yield from _name(collection, key, name)
        if titled:
            yield from _name(collection, key, element.title, "title")
        for field, target, existing in ref_targets:
            value = getattr(element, field)
            if value is not None and value not in existing:
                yield from _ref(arch, collection, key, field, value, target)
        for field, allowed in words:
            value = getattr(element, field)
            if value not in allowed and (
                value is not None or (collection, field) not in OPTIONAL_WORDS
            ):
                yield from _word(collection, key, field, value, allowed)
        for field in numbers:
            value = getattr(element, field)
            if value is not None and not _finite(value):
                yield Violation(NUMBER, collection, key, field, value)
        for field in dates:
            value = getattr(element, field)
            if value is not None and not is_date(value):
                yield Violation(DATE, collection, key, field, value)
    yield from _cycles_of(arch, collection)


def _participation(arch: Architecture) -> Iterator[Violation]:
    processes, units = arch.processes, arch.units
    for key, letters in arch.participation.items():
        pid, uid = key
        if pid not in processes:
            yield from _ref(arch, "participation", key, "process", pid, "processes")
        if uid not in units:
            yield from _ref(arch, "participation", key, "unit", uid, "units")
        if not _canonical_letters(letters):
            yield Violation(VOCABULARY, "participation", key, "roles", letters)


def _contributions(arch: Architecture) -> Iterator[Violation]:
    for key, note in arch.contributions.items():
        oid, pid = key
        yield from _ref(arch, "contributions", key, "objective", oid, "objectives")
        yield from _ref(arch, "contributions", key, "process", pid, "processes")
        if not isinstance(note, str):
            yield Violation(VOCABULARY, "contributions", key, "note", note)


def _settings(arch: Architecture) -> Iterator[Violation]:
    for rule, setting in arch.rules.items():
        yield from _word("rules", rule, "setting", setting, RULE_SETTINGS)
    for key, justification in arch.suppressions.items():
        rule, elements = key
        if not isinstance(rule, str) or not rule.strip():
            yield Violation(EMPTY, "suppressions", key, "rule", rule)
        if not isinstance(elements, tuple) or not all(isinstance(e, str) for e in elements):
            yield Violation(VOCABULARY, "suppressions", key, "elements", elements)
        if not isinstance(justification, str) or not justification.strip():
            yield Violation(EMPTY, "suppressions", key, "justification", justification)


def _diagrams(arch: Architecture) -> Iterator[Violation]:
    for level, options in arch.diagrams.items():
        yield from _ref(arch, "diagrams", level, "level", level, "processes")
        for uid in options.lane_order:
            yield from _ref(arch, "diagrams", level, "lane_order", uid, "units")


def _geometry(arch: Architecture) -> Iterator[Violation]:
    processes, isfinite = arch.processes, math.isfinite
    for level, shapes in arch.shapes.items():
        yield from _ref(arch, "shapes", (level, None), "level", level, "processes")
        for pid, b in shapes.items():
            # the valid case (a known process, finite floats, a positive size) inline, as
            # in _fields: the checks below for a violation only
            x, y, w, h = b.x, b.y, b.w, b.h
            if (
                pid in processes
                and type(x) is float
                and type(y) is float
                and type(w) is float
                and type(h) is float
                and isfinite(x)
                and isfinite(y)
                and isfinite(w)
                and isfinite(h)
                and w > 0
                and h > 0
            ):
                continue
            key = (level, pid)
            yield from _ref(arch, "shapes", key, "process", pid, "processes")
            for field in ("x", "y", "w", "h"):
                if not _finite(getattr(b, field)):
                    yield Violation(NUMBER, "shapes", key, field, getattr(b, field))
            if not (b.w > 0 and b.h > 0):
                yield Violation(NUMBER, "shapes", key, "size", (b.w, b.h))
    for level, routes in arch.waypoints.items():
        yield from _ref(arch, "waypoints", (level, None), "level", level, "processes")
        for rid, points in routes.items():
            key = (level, rid)
            yield from _ref(arch, "waypoints", key, "relation", rid, "relations")
            if not all(_finite(x) and _finite(y) for x, y in points):
                yield Violation(NUMBER, "waypoints", key, "points", points)


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _canonical_letters(letters: Any) -> bool:
    if not isinstance(letters, str):
        return False
    try:
        return normalize_letters(letters) == letters
    except ValueError:
        return False
