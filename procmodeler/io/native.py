"""The native file ``*.procm``: a versioned, diff-friendly JSON document of a whole model.

Writing is deterministic: UTF-8 without escapes, two-space indentation, LF line ends, a
final newline, keys in one fixed order, lists in the model's stored order, no
timestamps, numbers in one canonical form. Small leaf records (a shape, a participation
row, a relation, a waypoint list) are written on one line each so that a change to one
element is a one-line diff. Saving the same model twice, or opening and saving a saved
file, gives the same bytes. ``docs/file-format.md`` is the field reference and
``procmodeler/resources/schemas/procm-1.schema.json`` the JSON Schema.

Reading checks everything a hand-edited or damaged file can get wrong (JSON syntax,
types, unknown fields, invalid or duplicate ids, dangling references, cycles) and
reports each problem with the file and the JSON path (``processes[3].kind``). Older
format versions are upgraded one step at a time by the functions in :data:`UPGRADES`;
newer ones are refused with a message naming both versions.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from procmodeler.common.atomicfile import write_output_file
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import LANGUAGES, N_, Message
from procmodeler.io import conflictfile
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RACI,
    RELATION_KINDS,
    SEVERITIES,
    Bounds,
    DiagramOptions,
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
    is_ncname,
    normalize_letters,
)

#: The format version this program writes (an integer, separate from the app version).
FORMAT_VERSION = 1

#: Files larger than this are refused before they are read.
MAX_FILE_SIZE = 200 * 1024 * 1024

#: The file name suffix of native model files.
SUFFIX = ".procm"

#: Upgrade steps: ``UPGRADES[n]`` turns a version-n document (parsed JSON) into a
#: version n+1 document. Add one function per new format version; never change old ones.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

#: Values of a rule setting in ``rules``.
RULE_SETTINGS: tuple[str, ...] = ("off", *SEVERITIES)

#: The top-level keys, in the order they are written.
TOP_KEYS: tuple[str, ...] = (
    "format_version",
    "meta",
    "units",
    "people",
    "processes",
    "relations",
    "participation",
    "kpis",
    "rules",
    "suppressions",
    "diagrams",
)

META_KEYS: tuple[str, ...] = ("name", "organisation", "language", "version_label", "author")


# ====================================================================== writing
class _Inline(dict):  # type: ignore[type-arg]
    """A JSON object written on one line."""


def _number(value: float | int) -> str:
    """Canonical text of a number as it is written: integral values without a fraction,
    else the shortest representation that reads back as the same float."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    return _flat(_canon(value) if isinstance(value, float) else value)


def _canon(value: float | int | None) -> float | int | None:
    """A number in its canonical JSON form: an int when integral (written without a
    fraction), else the float itself (written in its shortest form)."""
    if value is None or isinstance(value, int) or not math.isfinite(value):
        return value  # None stays null; NaN and infinities are refused by the encoder
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


#: A JSON string with only the characters JSON requires escaped (C implementation).
_string: Callable[[str], str] = json.encoder.encode_basestring


def _flat(value: Any) -> str:
    """One-line JSON with ", " and ": " separators; NaN and infinities are refused."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be stored in a model file")
        return float.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is list or kind is tuple:
        return "[" + ", ".join([_flat(item) for item in value]) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join([f"{_string(k)}: {_flat(v)}" for k, v in value.items()]) + "}"
    raise TypeError(f"{kind.__name__} cannot be stored in a model file")


def _is_flat(value: Any) -> bool:
    """True for a list written on one line: its items are scalars or such lists (a list
    of objects has one object per line)."""
    return all(
        not isinstance(item, dict) and (not isinstance(item, list) or _is_flat(item))
        for item in value
    )


@functools.cache
def _key(key: str, indent: str) -> str:
    return f"{indent}{_string(key)}: "


def _emit(value: Any, indent: str, out: list[str]) -> None:
    if (
        type(value) is dict
        and value
        and all(
            type(v) is not dict and (type(v) is not list or _is_flat(v)) for v in value.values()
        )
    ):
        # a record: each field on its own line, its value on that line
        inner = indent + "  "
        out.append("{\n")
        out.append(",\n".join([_key(k, inner) + _flat(v) for k, v in value.items()]))
        out.append(f"\n{indent}}}")
        return
    if isinstance(value, dict) and not isinstance(value, _Inline):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{\n")
        last = len(value) - 1
        for i, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{_string(key)}: ")
            _emit(item, inner, out)
            out.append(",\n" if i < last else "\n")
        out.append(indent + "}")
    elif isinstance(value, list) and not _is_flat(value):
        inner = indent + "  "
        out.append("[\n")
        last = len(value) - 1
        for i, item in enumerate(value):
            out.append(inner)
            _emit(item, inner, out)
            out.append(",\n" if i < last else "\n")
        out.append(indent + "]")
    else:
        out.append(_flat(value))


def _put_if(record: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", ()):
        record[key] = list(value) if isinstance(value, tuple) else value


def to_document(arch: Architecture) -> dict[str, Any]:
    """The model as a JSON-ready document with keys in file order."""
    meta = arch.meta
    units = []
    for unit in arch.units.values():
        rec: dict[str, Any] = {"id": unit.id, "name": unit.name}
        _put_if(rec, "parent", unit.parent)
        _put_if(rec, "head", unit.head)
        _put_if(rec, "original_id", unit.original_id)
        units.append(rec)
    people = []
    for person in arch.people.values():
        rec = {"id": person.id, "name": person.name}
        _put_if(rec, "unit", person.unit)
        _put_if(rec, "title", person.title)
        _put_if(rec, "original_id", person.original_id)
        people.append(rec)
    processes = []
    for proc in arch.processes.values():
        rec = {"id": proc.id, "name": proc.name, "kind": proc.kind}
        _put_if(rec, "parent", proc.parent)
        _put_if(rec, "owner", proc.owner)
        _put_if(rec, "leader", proc.leader)
        _put_if(rec, "purpose", proc.purpose)
        _put_if(rec, "customer", proc.customer)
        _put_if(rec, "need", proc.need)
        _put_if(rec, "result", proc.result)
        _put_if(rec, "objects_in", proc.objects_in)
        _put_if(rec, "objects_out", proc.objects_out)
        if proc.status != "draft":
            rec["status"] = proc.status
        _put_if(rec, "original_id", proc.original_id)
        processes.append(rec)
    relations = []
    for rel in arch.relations.values():
        rec = _Inline(id=rel.id, source=rel.source, target=rel.target, kind=rel.kind)
        _put_if(rec, "object", rel.object)
        relations.append(rec)
    participation = [
        _Inline(process=pid, unit=uid, roles=letters)
        for (pid, uid), letters in arch.participation.items()
    ]
    kpis = []
    for kpi in arch.kpis.values():
        rec = {"id": kpi.id, "process": kpi.process, "name": kpi.name, "kind": kpi.kind}
        _put_if(rec, "measure", kpi.measure)
        rec["direction"] = kpi.direction
        _put_if(rec, "target", _canon(kpi.target))
        _put_if(rec, "actual", _canon(kpi.actual))
        kpis.append(rec)
    suppressions = [
        {"rule": rule, "elements": list(elements), "justification": text}
        for (rule, elements), text in arch.suppressions.items()
    ]
    levels = arch.diagram_levels()
    known = set(levels)
    extra = set(arch.diagrams) | set(arch.shapes) | set(arch.waypoints)
    levels.extend(sorted(level for level in extra if level not in known and level is not None))
    diagrams = []
    for level in levels:
        diagram: dict[str, Any] = {"level": level}
        options = arch.diagrams.get(level)
        if options is not None:
            diagram["swimlanes"] = options.swimlanes
            diagram["lane_order"] = list(options.lane_order)
        shapes = arch.shapes.get(level)
        if shapes:
            diagram["shapes"] = [
                _Inline(process=pid, x=_canon(b.x), y=_canon(b.y), w=_canon(b.w), h=_canon(b.h))
                for pid, b in shapes.items()
            ]
        waypoints = arch.waypoints.get(level)
        if waypoints:
            diagram["waypoints"] = [
                _Inline(relation=rid, points=[[_canon(x), _canon(y)] for x, y in points])
                for rid, points in waypoints.items()
            ]
        diagrams.append(diagram)
    return {
        "format_version": FORMAT_VERSION,
        "meta": {key: getattr(meta, key) for key in META_KEYS},
        "units": units,
        "people": people,
        "processes": processes,
        "relations": relations,
        "participation": participation,
        "kpis": kpis,
        "rules": dict(arch.rules),
        "suppressions": suppressions,
        "diagrams": diagrams,
    } | ({conflictfile.KEY: conflictfile.conflicts_document(arch)} if arch.conflicts else {})


def dumps(arch: Architecture) -> str:
    """The model as the text of a ``.procm`` file (ends with a newline)."""
    out: list[str] = []
    _emit(to_document(arch), "", out)
    out.append("\n")
    return "".join(out)


def save(arch: Architecture, path: str | os.PathLike[str]) -> None:
    """Write the model to *path* atomically (the old file stays until the new is
    complete). An unwritable place raises :class:`UserError`."""
    data = dumps(arch).encode("utf-8")
    write_output_file(path, data)


# ====================================================================== reading
def load(path: str | os.PathLike[str]) -> Architecture:
    """Read a ``.procm`` file; any problem raises :class:`UserError` naming the file."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise UserError(Problem(name, Message(N_("is a folder, not a file"))))
        if size > MAX_FILE_SIZE:
            raise UserError(
                Problem(
                    name,
                    Message(
                        N_("is too large to be a model file ({size} MB; the limit is {limit} MB)"),
                        size=size // (1024 * 1024),
                        limit=MAX_FILE_SIZE // (1024 * 1024),
                    ),
                )
            )
        data = p.read_bytes()
    except OSError as exc:
        raise UserError(
            Problem(name, Message(N_("cannot be read: {reason}"), reason=exc.strerror or str(exc)))
        ) from None
    return loadb(data, name)


def loadb(data: bytes, filename: str = "<model>") -> Architecture:
    """Read a model from the bytes of a ``.procm`` file."""
    if len(data) > MAX_FILE_SIZE:
        raise UserError(Problem(filename, Message(N_("is too large to be a model file"))))
    head = data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    if head.startswith(b"<"):
        msgid = (
            N_("is a BPMN file, not a procmodeler model; import it with 'procmodeler import-bpmn'")
            if b"bpmn" in data[:4096].lower()
            else N_("is an XML file, not a procmodeler model (.procm)")
        )
        raise UserError(Problem(filename, Message(msgid)))
    if data[:4] == b"PK\x03\x04":
        raise UserError(
            Problem(
                filename,
                Message(
                    N_(
                        "is a zip file (an .xlsx workbook?), not a procmodeler model; "
                        "import a register with 'procmodeler import-register'"
                    )
                ),
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(
            Problem(
                filename,
                Message(N_("is not UTF-8 text, so it is not a procmodeler model file")),
                line=line,
            )
        ) from None
    return loads(text, filename)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def loads(text: str, filename: str = "<model>") -> Architecture:
    """Read a model from the text of a ``.procm`` file."""
    if not text.strip():
        raise UserError(Problem(filename, Message(N_("is empty, not a procmodeler model file"))))
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise UserError(
            Problem(
                filename,
                Message(
                    N_(
                        "is not valid JSON at column {column} ({reason}); the file may be "
                        "truncated or damaged"
                    ),
                    column=exc.colno,
                    reason=exc.msg,
                ),
                line=exc.lineno,
            )
        ) from None
    except ValueError as exc:
        raise UserError(
            Problem(filename, Message(N_("holds '{value}', which is not a number"), value=str(exc)))
        ) from None
    except RecursionError:
        raise UserError(Problem(filename, Message(N_("is nested too deeply")))) from None
    return from_document(doc, filename)


def upgrade(doc: dict[str, Any], filename: str = "<model>") -> dict[str, Any]:
    """Bring a parsed document of any supported version to :data:`FORMAT_VERSION`."""
    version = doc.get("format_version")
    if version is None:
        raise UserError(
            Problem(
                filename,
                Message(N_("has no format_version, so it is not a procmodeler model file")),
            )
        )
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise UserError(
            Problem(
                filename,
                Message(N_("should be a whole number of 1 or more")),
                column="format_version",
            )
        )
    if version > FORMAT_VERSION:
        raise UserError(
            Problem(
                filename,
                Message(
                    N_(
                        "was saved by a newer procmodeler (file format version {file}); this "
                        "version reads format version {ours} and older: please update procmodeler"
                    ),
                    file=version,
                    ours=FORMAT_VERSION,
                ),
            )
        )
    while version < FORMAT_VERSION:
        doc = UPGRADES[version](doc)
        version += 1
        doc["format_version"] = version
    return doc


def from_document(doc: Any, filename: str = "<model>") -> Architecture:
    """Build a model from a parsed document, upgrading and checking it first."""
    if not isinstance(doc, dict):
        raise UserError(
            Problem(filename, Message(N_("is not a procmodeler model file (no JSON object)")))
        )
    doc = upgrade(doc, filename)
    reader = _Reader(filename)
    arch = reader.read({k: v for k, v in doc.items() if k != conflictfile.KEY})
    arch.conflicts = conflictfile.read_conflicts(
        doc.get(conflictfile.KEY), filename, reader.problems
    )
    if reader.problems:
        raise UserError(reader.problems)
    return arch


# ---------------------------------------------------------------------- checking reader
_MISSING = object()


@functools.cache
def _keysets(
    required: tuple[str, ...], optional: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(required), frozenset(required + optional)


_NO_SUCH = {
    "process": N_("there is no process '{id}'"),
    "unit": N_("there is no unit '{id}'"),
    "person": N_("there is no person '{id}'"),
    "relation": N_("there is no relation '{id}'"),
}
_OWN_ANCESTOR = {
    "process": N_("the process '{id}' is its own ancestor ({cycle})"),
    "unit": N_("the unit '{id}' is its own ancestor ({cycle})"),
}


class _Reader:
    """Checks a current-version document and builds the model, collecting problems."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}  # id -> path where it was defined

    # .................................................................. helpers
    def problem(self, path: str, msgid: str, **args: Any) -> None:
        self.problems.append(Problem(self.filename, Message(msgid, **args), column=path))

    def obj(
        self, value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, N_("should be an object"))
            return None
        must, may = _keysets(required, optional)
        if must <= value.keys() <= may:
            return value
        for key in value:
            if key not in required and key not in optional:
                self.problem(path, N_("has an unknown field '{field}'"), field=key)
        missing = [key for key in required if key not in value]
        for key in missing:
            self.problem(path, N_("the field '{field}' is missing"), field=key)
        return None if missing else value

    def seq(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            self.problem(path, N_("should be a list"))
            return []
        return value

    def text(self, rec: dict[str, Any], key: str, path: str, required: bool = False) -> str:
        value = rec.get(key, _MISSING)
        if value is _MISSING:
            return ""
        if not isinstance(value, str):
            self.problem(f"{path}.{key}", N_("should be a text"))
            return ""
        if required and not value.strip():
            self.problem(f"{path}.{key}", N_("should not be empty"))
        return value

    def ref(self, rec: dict[str, Any], key: str, path: str) -> str | None:
        value = rec.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"{path}.{key}", N_("should be an id or null"))
            return None
        return value

    def choice(self, rec: dict[str, Any], key: str, path: str, allowed: tuple[str, ...]) -> str:
        value = rec.get(key)
        if not isinstance(value, str) or value not in allowed:
            self.problem(
                f"{path}.{key}",
                N_("'{value}' is not one of: {allowed}"),
                value=value,
                allowed=", ".join(allowed),
            )
            return allowed[0]
        return value

    def number(self, value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, N_("should be a number"))
            return 0.0
        result = float(value)
        if not math.isfinite(result):
            self.problem(path, N_("should be a finite number"))
            return 0.0
        return result

    def opt_number(self, rec: dict[str, Any], key: str, path: str) -> float | None:
        value = rec.get(key)
        return None if value is None else self.number(value, f"{path}.{key}")

    def strings(self, rec: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = rec.get(key, [])
        items = self.seq(value, f"{path}.{key}")
        out = []
        for i, item in enumerate(items):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problem(f"{path}.{key}[{i}]", N_("should be a text"))
        return tuple(out)

    def new_id(self, rec: dict[str, Any], path: str) -> str | None:
        value = rec.get("id")
        if not isinstance(value, str):
            self.problem(f"{path}.id", N_("should be a text"))
            return None
        if not is_ncname(value):
            self.problem(
                f"{path}.id",
                N_("'{id}' is not a valid id (an XML NCName: a letter or _ first, no spaces)"),
                id=value,
            )
            return None
        if value in self.ids:
            self.problem(
                f"{path}.id",
                N_("the id '{id}' is already used at {where}"),
                id=value,
                where=self.ids[value],
            )
            return None
        self.ids[value] = path
        return value

    def exists(
        self, value: str | None, path: str, collection: dict[str, Any], what: str
    ) -> str | None:
        if value is not None and value not in collection:
            self.problem(path, _NO_SUCH[what], id=value)
            return None
        return value

    def records(self, doc: dict[str, Any], key: str) -> list[tuple[str, Any]]:
        if key not in doc:
            return []
        return [(f"{key}[{i}]", item) for i, item in enumerate(self.seq(doc[key], key))]

    # .................................................................. the document
    def read(self, doc: dict[str, Any]) -> Architecture:
        for key in doc:
            if key not in TOP_KEYS:
                self.problem(
                    key, N_("is not a field of format version {version}"), version=FORMAT_VERSION
                )
        arch = Architecture(self.read_meta(doc.get("meta", {})))

        units: dict[str, Unit] = {}
        for path, item in self.records(doc, "units"):
            rec = self.obj(item, path, ("id", "name"), ("parent", "head", "original_id"))
            if rec is None or (uid := self.new_id(rec, path)) is None:
                continue
            units[uid] = Unit(
                uid,
                self.text(rec, "name", path, required=True),
                self.ref(rec, "parent", path),
                self.ref(rec, "head", path),
                self.ref(rec, "original_id", path),
            )
        people: dict[str, Person] = {}
        for path, item in self.records(doc, "people"):
            rec = self.obj(item, path, ("id", "name"), ("unit", "title", "original_id"))
            if rec is None or (person_id := self.new_id(rec, path)) is None:
                continue
            people[person_id] = Person(
                person_id,
                self.text(rec, "name", path, required=True),
                self.ref(rec, "unit", path),
                self.text(rec, "title", path),
                self.ref(rec, "original_id", path),
            )
        processes: dict[str, Process] = {}
        proc_paths: dict[str, str] = {}
        for path, item in self.records(doc, "processes"):
            rec = self.obj(
                item,
                path,
                ("id", "name", "kind"),
                (
                    "parent", "owner", "leader", "purpose", "customer", "need", "result",
                    "objects_in", "objects_out", "status", "original_id",
                ),
            )  # fmt: skip
            if rec is None or (pid := self.new_id(rec, path)) is None:
                continue
            proc_paths[pid] = path
            processes[pid] = Process(
                id=pid,
                name=self.text(rec, "name", path, required=True),
                kind=self.choice(rec, "kind", path, PROCESS_KINDS),
                parent=self.ref(rec, "parent", path),
                purpose=self.text(rec, "purpose", path),
                customer=self.text(rec, "customer", path),
                need=self.text(rec, "need", path),
                result=self.text(rec, "result", path),
                objects_in=self.strings(rec, "objects_in", path),
                objects_out=self.strings(rec, "objects_out", path),
                owner=self.ref(rec, "owner", path),
                leader=self.ref(rec, "leader", path),
                status=(
                    self.choice(rec, "status", path, PROCESS_STATUSES)
                    if "status" in rec
                    else "draft"
                ),
                original_id=self.ref(rec, "original_id", path),
            )
        relations: dict[str, Relation] = {}
        for path, item in self.records(doc, "relations"):
            rec = self.obj(item, path, ("id", "source", "target", "kind"), ("object",))
            if rec is None or (rid := self.new_id(rec, path)) is None:
                continue
            source = self.exists(
                self.ref(rec, "source", path), f"{path}.source", processes, "process"
            )
            target = self.exists(
                self.ref(rec, "target", path), f"{path}.target", processes, "process"
            )
            kind = self.choice(rec, "kind", path, RELATION_KINDS)
            if source is None or target is None:
                continue
            if source == target:
                self.problem(path, N_("a process cannot be related to itself"))
                continue
            relations[rid] = Relation(rid, source, target, kind, self.text(rec, "object", path))

        participation: dict[tuple[str, str], str] = {}
        for path, item in self.records(doc, "participation"):
            rec = self.obj(item, path, ("process", "unit", "roles"), ())
            if rec is None:
                continue
            pid_ref = self.exists(
                self.ref(rec, "process", path), f"{path}.process", processes, "process"
            )
            uid_ref = self.exists(self.ref(rec, "unit", path), f"{path}.unit", units, "unit")
            roles = self.text(rec, "roles", path)
            try:
                letters = normalize_letters(roles)
            except ValueError as exc:
                self.problem(
                    f"{path}.roles",
                    N_("'{letter}' is not a RACI letter; use {letters}"),
                    letter=str(exc),
                    letters=", ".join(RACI),
                )
                continue
            if pid_ref is None or uid_ref is None:
                continue
            if (pid_ref, uid_ref) in participation:
                self.problem(
                    path,
                    N_("the unit '{unit}' already takes part in '{process}'"),
                    unit=uid_ref,
                    process=pid_ref,
                )
                continue
            participation[(pid_ref, uid_ref)] = letters

        kpis: dict[str, Kpi] = {}
        for path, item in self.records(doc, "kpis"):
            rec = self.obj(
                item,
                path,
                ("id", "process", "name", "kind", "direction"),
                ("measure", "target", "actual"),
            )
            if rec is None or (kid := self.new_id(rec, path)) is None:
                continue
            kpi_process = self.exists(
                self.ref(rec, "process", path), f"{path}.process", processes, "process"
            )
            kpi = Kpi(
                kid,
                kpi_process or "",
                self.text(rec, "name", path, required=True),
                self.choice(rec, "kind", path, KPI_KINDS),
                self.text(rec, "measure", path),
                self.choice(rec, "direction", path, DIRECTIONS),
                self.opt_number(rec, "target", path),
                self.opt_number(rec, "actual", path),
            )
            if kpi_process is not None:
                kpis[kid] = kpi

        # references and hierarchies
        for uid, unit in units.items():
            path = self.ids[uid]
            self.exists(unit.parent, f"{path}.parent", units, "unit")
            self.exists(unit.head, f"{path}.head", people, "person")
        for person_id, person in people.items():
            self.exists(person.unit, f"{self.ids[person_id]}.unit", units, "unit")
        for pid, proc in processes.items():
            path = proc_paths[pid]
            self.exists(proc.parent, f"{path}.parent", processes, "process")
            self.exists(proc.owner, f"{path}.owner", people, "person")
            self.exists(proc.leader, f"{path}.leader", people, "person")
        self.check_cycles(processes, "process")
        self.check_cycles(units, "unit")

        rules: dict[str, str] = {}
        raw_rules = doc.get("rules", {})
        if not isinstance(raw_rules, dict):
            self.problem("rules", N_("should be an object"))
            raw_rules = {}
        for rule, setting in raw_rules.items():
            if setting not in RULE_SETTINGS:
                self.problem(
                    f"rules[{_string(rule)}]",
                    N_("'{value}' is not one of: {allowed}"),
                    value=setting,
                    allowed=", ".join(RULE_SETTINGS),
                )
                continue
            rules[rule] = setting

        suppressions: dict[tuple[str, tuple[str, ...]], str] = {}
        for path, item in self.records(doc, "suppressions"):
            rec = self.obj(item, path, ("rule", "elements", "justification"), ())
            if rec is None:
                continue
            rule_id = self.text(rec, "rule", path, required=True)
            elements = self.strings(rec, "elements", path)
            justification = self.text(rec, "justification", path, required=True)
            skey = (rule_id, elements)
            if skey in suppressions:
                self.problem(path, N_("this finding is already suppressed"))
                continue
            suppressions[skey] = justification

        diagrams, shapes, waypoints = self.read_diagrams(doc, processes, units, relations)
        return Architecture.from_collections(
            arch.meta,
            {
                "units": units,
                "people": people,
                "processes": processes,
                "relations": relations,
                "participation": participation,
                "kpis": kpis,
                "rules": rules,
                "suppressions": suppressions,
                "diagrams": diagrams,
                "shapes": shapes,
                "waypoints": waypoints,
            },
        )

    def read_meta(self, value: Any) -> Metadata:
        rec = self.obj(value, "meta", (), META_KEYS)
        if rec is None:
            return Metadata()
        language = "en"
        if "language" in rec:
            language = self.choice(rec, "language", "meta", LANGUAGES)
        return Metadata(
            name=self.text(rec, "name", "meta"),
            organisation=self.text(rec, "organisation", "meta"),
            language=language,
            version_label=self.text(rec, "version_label", "meta"),
            author=self.text(rec, "author", "meta"),
        )

    def check_cycles(self, records: dict[str, Any], what: str) -> None:
        done: set[str] = set()
        for start in records:
            if start in done:
                continue
            chain: list[str] = []
            on_chain: set[str] = set()
            current: str | None = start
            while current is not None and current in records and current not in done:
                if current in on_chain:
                    cycle = chain[chain.index(current) :]
                    self.problem(
                        f"{self.ids[current]}.parent",
                        _OWN_ANCESTOR[what],
                        id=current,
                        cycle=" → ".join([*cycle, current]),
                    )
                    break
                chain.append(current)
                on_chain.add(current)
                current = records[current].parent
            done.update(chain)

    def read_diagrams(
        self,
        doc: dict[str, Any],
        processes: dict[str, Process],
        units: dict[str, Unit],
        relations: dict[str, Relation],
    ) -> tuple[
        dict[str | None, DiagramOptions],
        dict[str | None, dict[str, Bounds]],
        dict[str | None, dict[str, tuple[tuple[float, float], ...]]],
    ]:
        diagrams: dict[str | None, DiagramOptions] = {}
        shapes: dict[str | None, dict[str, Bounds]] = {}
        waypoints: dict[str | None, dict[str, tuple[tuple[float, float], ...]]] = {}
        seen_levels: set[str | None] = set()
        for path, item in self.records(doc, "diagrams"):
            rec = self.obj(
                item, path, ("level",), ("swimlanes", "lane_order", "shapes", "waypoints")
            )
            if rec is None:
                continue
            level = self.ref(rec, "level", path)
            if level is not None and level not in processes:
                self.problem(f"{path}.level", _NO_SUCH["process"], id=level)
                continue
            if level in seen_levels:
                self.problem(f"{path}.level", N_("this diagram appears twice"))
                continue
            seen_levels.add(level)
            if "swimlanes" in rec or "lane_order" in rec:
                swimlanes = rec.get("swimlanes", False)
                if not isinstance(swimlanes, bool):
                    self.problem(f"{path}.swimlanes", N_("should be true or false"))
                    swimlanes = False
                lanes = self.strings(rec, "lane_order", path)
                for i, uid in enumerate(lanes):
                    self.exists(uid, f"{path}.lane_order[{i}]", units, "unit")
                diagrams[level] = DiagramOptions(swimlanes, lanes)
            for i, shape in enumerate(self.seq(rec.get("shapes", []), f"{path}.shapes")):
                spath = f"{path}.shapes[{i}]"
                srec = self.obj(shape, spath, ("process", "x", "y", "w", "h"), ())
                if srec is None:
                    continue
                pid = self.exists(
                    self.ref(srec, "process", spath), f"{spath}.process", processes, "process"
                )
                x, y, w, h = (self.number(srec[k], f"{spath}.{k}") for k in ("x", "y", "w", "h"))
                if w <= 0 or h <= 0:
                    self.problem(spath, N_("a shape must have a positive width and height"))
                    continue
                if pid is None:
                    continue
                level_shapes = shapes.setdefault(level, {})
                if pid in level_shapes:
                    self.problem(
                        spath, N_("the process '{id}' is shown twice on this diagram"), id=pid
                    )
                    continue
                level_shapes[pid] = Bounds(x, y, w, h)
            entries = self.seq(rec.get("waypoints", []), f"{path}.waypoints")
            for i, entry in enumerate(entries):
                wpath = f"{path}.waypoints[{i}]"
                wrec = self.obj(entry, wpath, ("relation", "points"), ())
                if wrec is None:
                    continue
                rid = self.exists(
                    self.ref(wrec, "relation", wpath),
                    f"{wpath}.relation",
                    relations,
                    "relation",
                )
                points = []
                for j, point in enumerate(self.seq(wrec["points"], f"{wpath}.points")):
                    if not isinstance(point, list) or len(point) != 2:
                        self.problem(f"{wpath}.points[{j}]", N_("should be a pair [x, y]"))
                        continue
                    points.append(
                        (self.number(point[0], f"{wpath}.points[{j}]"),
                         self.number(point[1], f"{wpath}.points[{j}]"))
                    )  # fmt: skip
                if rid is None or not points:
                    continue
                level_points = waypoints.setdefault(level, {})
                if rid in level_points:
                    self.problem(wpath, N_("the relation '{id}' has bend points twice"), id=rid)
                    continue
                level_points[rid] = tuple(points)
        return diagrams, shapes, waypoints
