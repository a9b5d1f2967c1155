"""A model as the repository's rows: one row per record of the model (the metadata, a unit,
a process, a participation row, a shape, ...) holding that record's JSON exactly as the
native file writes it, and back.

Reusing the file's encoding keeps one definition of how a record looks (and its format
upgrades) for files and repository alike: a version is turned back into a model by
assembling a file document from its rows and reading it with the file's checking reader.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from procmodeler.io import native
from procmodeler.model.architecture import Architecture
from procmodeler.model.changes import COLLECTIONS, NESTED_COLLECTIONS

#: The sections of the rows, in the order their rows are assembled into a document.
#: They are the model's collections; each row of a section is one record.
SECTIONS: tuple[str, ...] = COLLECTIONS

#: Sections whose keys are element ids (one id namespace per architecture).
ELEMENT_SECTIONS = frozenset(
    {"units", "people", "processes", "relations", "kpis", "objectives", "improvements"}
)

#: Document lists whose items are keyed by their ``id``.
_ID_LISTS = ("units", "people", "processes", "relations", "kpis", "objectives", "improvements")

#: The key of a row of a document section this program does not know (a newer format's):
#: the whole section is one row.
WHOLE = "*"

#: (section, key) -> the record's JSON; in the model's order within each section.
Rows = dict[tuple[str, str], Any]


def level_key(level: str | None) -> str:
    """A diagram level as text: ``-`` for the landscape (as ``procmodeler diff`` says)."""
    return "-" if level is None else level


def rows_of_document(doc: dict[str, Any]) -> Rows:
    """The rows of a native file document (:func:`native.to_document`)."""
    rows: Rows = {("meta", "meta"): doc["meta"]}
    for section in _ID_LISTS:
        for item in doc.get(section, ()):
            rows[(section, item["id"])] = item
    for item in doc.get("participation", ()):
        rows[("participation", f"{item['process']}/{item['unit']}")] = item
    for item in doc.get("contributions", ()):
        rows[("contributions", f"{item['objective']}/{item['process']}")] = item
    for rule, setting in doc.get("rules", {}).items():
        rows[("rules", rule)] = setting
    for item in doc.get("suppressions", ()):
        key = json.dumps([item["rule"], *item["elements"]], ensure_ascii=False)
        rows[("suppressions", key)] = item
    for diagram in doc.get("diagrams", ()):
        level = diagram["level"]
        lk = level_key(level)
        if "swimlanes" in diagram or "lane_order" in diagram:
            rows[("diagrams", lk)] = {
                "level": level,
                "swimlanes": diagram.get("swimlanes", False),
                "lane_order": diagram.get("lane_order", []),
            }
        for shape in diagram.get("shapes", ()):
            rows[("shapes", f"{lk}/{shape['process']}")] = {"level": level, **shape}
        for entry in diagram.get("waypoints", ()):
            rows[("waypoints", f"{lk}/{entry['relation']}")] = {"level": level, **entry}
    for section, value in doc.items():
        if section not in native.TOP_KEYS:
            rows[(section, WHOLE)] = value
    return rows


def rows_of(arch: Architecture) -> Rows:
    """The rows of a whole model."""
    doc = native.to_document(arch)
    doc.pop("repository", None)
    return rows_of_document(doc)


def document_of_rows(rows: Iterable[tuple[str, str, Any]], format_version: int) -> dict[str, Any]:
    """A native file document from ``(section, key, item)`` rows in their order."""
    doc: dict[str, Any] = {
        "format_version": format_version,
        "meta": {},
        "units": [],
        "people": [],
        "processes": [],
        "relations": [],
        "participation": [],
        "kpis": [],
        "objectives": [],
        "contributions": [],
        "improvements": [],
        "rules": {},
        "suppressions": [],
    }
    diagrams: dict[str, dict[str, Any]] = {}
    for section, key, item in rows:
        if key == WHOLE:
            doc[section] = item
        elif section == "meta":
            doc["meta"] = item
        elif section == "rules":
            doc["rules"][key] = item
        elif section in ("diagrams", "shapes", "waypoints"):
            level = item["level"]
            diagram = diagrams.setdefault(level_key(level), {"level": level})
            if section == "diagrams":
                diagram["swimlanes"] = item["swimlanes"]
                diagram["lane_order"] = item["lane_order"]
            else:
                diagram.setdefault(section, []).append(
                    {name: value for name, value in item.items() if name != "level"}
                )
        else:
            doc[section].append(item)
    doc["diagrams"] = list(diagrams.values())
    return doc


def _keys(arch: Architecture, collection: str) -> Iterator[Any]:
    values = getattr(arch, collection)
    if collection in ("shapes", "waypoints"):
        for level, inner in values.items():
            for key in inner:
                yield (level, key)
    else:
        yield from values


def changed_rows(base: Architecture, model: Architecture) -> tuple[Rows, Rows]:
    """The rows that differ between two models: ``(old, new)``, each holding only the
    rows of records that were changed, added (only in new) or removed (only in old).

    Compares the records themselves (cheap) and encodes only the ones that differ, so a
    small edit to a large model costs little.
    """
    old_parts: dict[str, dict[Any, Any]] = {}
    new_parts: dict[str, dict[Any, Any]] = {}
    for collection in COLLECTIONS[1:]:
        before_all = getattr(base, collection, None) or {}
        after_all = getattr(model, collection, None) or {}
        if collection in NESTED_COLLECTIONS:
            for level in before_all.keys() | after_all.keys():
                _differ(
                    before_all.get(level, {}),
                    after_all.get(level, {}),
                    old_parts.setdefault(collection, {}),
                    new_parts.setdefault(collection, {}),
                    level,
                )
        else:
            _differ(
                before_all,
                after_all,
                old_parts.setdefault(collection, {}),
                new_parts.setdefault(collection, {}),
            )
    old = _encode(base.meta, old_parts)
    new = _encode(model.meta, new_parts)
    if base.meta == model.meta:
        old.pop(("meta", "meta"))
        new.pop(("meta", "meta"))
    return old, new


_ABSENT = object()


def _differ(
    before: dict[Any, Any],
    after: dict[Any, Any],
    old: dict[Any, Any],
    new: dict[Any, Any],
    level: Any = _ABSENT,
) -> None:
    """Put the differing values of two dicts into *old* and *new* (per level for nested
    collections). Records are shared between copies, so identity decides most keys."""
    if before is after:
        return
    if level is not _ABSENT:
        old = old.setdefault(level, {})
        new = new.setdefault(level, {})
    get = before.get
    for key, value in after.items():
        previous = get(key)
        if previous is value or previous == value:
            continue
        new[key] = value
        if previous is not None:
            old[key] = previous
    for key in before.keys() - after.keys():
        old[key] = before[key]


def _encode(meta: Any, parts: dict[str, dict[Any, Any]]) -> Rows:
    parts = {name: value for name, value in parts.items() if value}
    sparse = Architecture.from_collections(meta, parts)
    return rows_of(sparse)


def key_order(arch: Architecture, section: str) -> list[str]:
    """The keys of one section's rows in the model's order."""
    if section == "meta":
        return ["meta"]
    if section == "participation":
        return [f"{p}/{u}" for p, u in arch.participation]
    if section == "contributions":
        return [f"{o}/{p}" for o, p in arch.contributions]
    if section == "suppressions":
        return [json.dumps([r, *e], ensure_ascii=False) for r, e in arch.suppressions]
    if section in ("shapes", "waypoints"):
        return [f"{level_key(level)}/{key}" for level, key in _keys(arch, section)]
    if section == "diagrams":
        return [level_key(level) for level in arch.diagrams]
    return list(getattr(arch, section))


def assign_order(keys: list[str], old: dict[str, float]) -> dict[str, float]:
    """Sort positions for *keys* (in the model's order), keeping each key's old position
    where the order allows, so that a change rewrites as few rows as possible.

    A key keeps its old position when it is larger than the previous key's; the others
    get positions spaced evenly between their neighbours. When the space between two
    neighbours is exhausted, the whole section is numbered 1, 2, 3, ... anew.
    """
    result: dict[str, float] = {}
    pending: list[str] = []
    previous = 0.0

    def place(upper: float | None) -> bool:
        nonlocal pending
        n = len(pending)
        if n:
            if upper is None:
                for i, key in enumerate(pending, 1):
                    result[key] = previous + i
            else:
                step = (upper - previous) / (n + 1)
                if step < 1e-9 * max(1.0, abs(upper)):
                    return False
                for i, key in enumerate(pending, 1):
                    result[key] = previous + step * i
            pending = []
        return True

    for key in keys:
        position = old.get(key)
        if position is not None and position > previous:
            if not place(position):
                return {key: float(i) for i, key in enumerate(keys, 1)}
            result[key] = previous = position
        else:
            pending.append(key)
    place(None)
    return result
