"""Unresolved merge conflicts in the native file: the optional top-level ``conflicts``
list, written only when a model has any (``docs/teams.md``)."""

from __future__ import annotations

from typing import Any

from procmodeler.common.errors import Problem
from procmodeler.common.i18n import N_, Message
from procmodeler.io.records import BY_NAME, from_json, to_json
from procmodeler.model.architecture import Architecture

KEY = "conflicts"
_FIELDS = ("kind", "id", "field", "base", "ours", "theirs")


def conflicts_document(arch: Architecture) -> list[dict[str, Any]]:
    """The model's conflicts as the file's ``conflicts`` list."""
    out = []
    for (kind, element_id, field), (base, ours, theirs) in arch.conflicts.items():
        out.append(
            {
                "kind": kind,
                "id": element_id,
                "field": field or None,
                "base": to_json(base),
                "ours": to_json(ours),
                "theirs": to_json(theirs),
            }
        )
    return out


def read_conflicts(
    raw: Any, filename: str, problems: list[Problem]
) -> dict[tuple[str, str, str], tuple[Any, Any, Any]]:
    """The ``conflicts`` list of a file; problems are added to *problems*."""
    result: dict[tuple[str, str, str], tuple[Any, Any, Any]] = {}
    if raw is None:
        return result

    def problem(path: str, msgid: str, **args: Any) -> None:
        problems.append(Problem(filename, Message(msgid, **args), column=path))

    if not isinstance(raw, list):
        problem(KEY, N_("should be a list"))
        return result
    for i, entry in enumerate(raw):
        path = f"{KEY}[{i}]"
        if not isinstance(entry, dict) or not set(entry) <= set(_FIELDS):
            problem(path, N_("should be an object with kind, id, field, base, ours and theirs"))
            continue
        kind = BY_NAME.get(entry.get("kind"))  # type: ignore[arg-type]
        element_id = entry.get("id")
        field = entry.get("field") or ""
        if kind is None or not isinstance(element_id, str):
            problem(path, N_("names no known kind of element and id"))
            continue
        if field and field not in kind.fields():
            problem(
                f"{path}.field",
                N_("'{value}' is not a field of a {kind}"),
                value=field,
                kind=kind.name,
            )
            continue
        try:
            kind.parse_id(element_id)
            values = tuple(from_json(kind, field or None, entry.get(side)) for side in _FIELDS[3:])
        except ValueError:
            problem(path, N_("holds a value that does not fit the {kind}"), kind=kind.name)
            continue
        result[(kind.name, element_id, field)] = values  # type: ignore[assignment]
    return result
