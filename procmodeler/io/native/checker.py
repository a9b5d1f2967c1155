"""The checking reader: a current-version document to a model, with every problem at its
JSON path.

The reader checks the document's syntax (types, fields, duplicate ids and rows) and
builds the model; what makes a model valid (references, cycles, vocabularies, ids,
numbers) is :func:`procmodeler.model.validate.violations`, which
:mod:`procmodeler.io.native.wording` puts in the reader's words."""

from __future__ import annotations

import functools
import math
from dataclasses import replace
from typing import Any

from procmodeler.common.errors import Problem
from procmodeler.common.i18n import N_, Message
from procmodeler.io.conflictfile import KEY, read_conflicts
from procmodeler.io.native import wording
from procmodeler.io.native.format import FORMAT_VERSION, TOP_KEYS
from procmodeler.io.native.meta import read_meta
from procmodeler.io.native.series import read_series
from procmodeler.io.native.strategy import (
    date,
    read_contributions,
    read_improvements,
    read_objectives,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import COORDINATE_LIMIT as LIMIT
from procmodeler.model.elements import (
    RACI,
    Bounds,
    DiagramOptions,
    Kpi,
    Origin,
    Person,
    Process,
    Relation,
    Unit,
    normalize_letters,
)
from procmodeler.model.validate import violations

# ---------------------------------------------------------------------- checking reader
_MISSING = object()


@functools.cache
def _keysets(
    required: tuple[str, ...], optional: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(required), frozenset(required + optional)


class _Reader:
    """Checks a current-version document and builds the model, collecting problems."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.paths = wording.Paths()
        self.ids = self.paths.ids  # id -> path where it was defined

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

    def word(self, rec: dict[str, Any], key: str) -> str:
        """A word of a vocabulary as written (the validator checks the vocabulary)."""
        value = rec.get(key)
        return value if isinstance(value, str) else str(value)

    def number(self, value: Any, path: str, limit: float = math.inf) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, N_("should be a number"))
            return 0.0
        try:
            result = float(value)
        except OverflowError:  # an integer of hundreds of digits
            result = math.inf
        if math.isfinite(result) and abs(result) > limit:
            self.problem(path, N_("should be a coordinate between -10,000,000 and 10,000,000"))
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

    def end(self, rec: dict[str, Any], key: str, path: str) -> str | None:
        """A required reference (a relation's end, a row's process or unit)."""
        value = rec.get(key)
        if not isinstance(value, str):
            self.problem(f"{path}.{key}", N_("should be a text"))
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
        arch = Architecture(read_meta(self, doc.get("meta", {})))

        units = self.read_units(doc)
        people = self.read_people(doc)
        processes = self.read_processes(doc)
        relations = self.read_relations(doc)
        participation = self.read_participation(doc)
        kpis = self.read_kpis(doc)
        objectives = read_objectives(self, doc)
        contributions = read_contributions(self, doc)
        improvements = read_improvements(self, doc)
        rules = self.read_rules(doc)
        suppressions = self.read_suppressions(doc)
        diagrams, shapes, waypoints = self.read_diagrams(doc)
        built = Architecture.from_collections(
            arch.meta,
            {
                "units": units,
                "people": people,
                "processes": processes,
                "relations": relations,
                "participation": participation,
                "kpis": kpis,
                "objectives": objectives,
                "contributions": contributions,
                "improvements": improvements,
                "rules": rules,
                "suppressions": suppressions,
                "diagrams": diagrams,
                "shapes": shapes,
                "waypoints": waypoints,
            },
        )
        if "repository" in doc:
            built.origin = self.read_origin(doc["repository"])
        built.conflicts = read_conflicts(doc.get(KEY), self.filename, self.problems)
        said: set[tuple[str, str, str]] = set()
        for violation in violations(built):
            path, msgid, args = wording.problem(violation, self.paths)
            if (path, msgid, repr(args)) not in said:  # a level with options and shapes
                said.add((path, msgid, repr(args)))
                self.problem(path, msgid, **args)
        return built

    def read_origin(self, value: Any) -> Origin | None:
        rec = self.obj(value, "repository", ("url", "name", "version"), ())
        if rec is None:
            return None
        url = self.text(rec, "url", "repository")
        name = self.text(rec, "name", "repository")
        for key, text in (("url", url), ("name", name)):
            if not text.strip():
                self.problem(f"repository.{key}", N_("should not be empty"))
        version = rec["version"]
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.problem("repository.version", N_("should be a whole number of 1 or more"))
            return None
        return Origin(url, name, version)

    def read_units(self, doc: dict[str, Any]) -> dict[str, Unit]:
        units: dict[str, Unit] = {}
        for path, item in self.records(doc, "units"):
            rec = self.obj(item, path, ("id", "name"), ("parent", "head", "original_id"))
            if rec is None or (uid := self.new_id(rec, path)) is None:
                continue
            units[uid] = Unit(
                uid,
                self.text(rec, "name", path),
                self.ref(rec, "parent", path),
                self.ref(rec, "head", path),
                self.ref(rec, "original_id", path) or None,
            )
        return units

    def read_people(self, doc: dict[str, Any]) -> dict[str, Person]:
        people: dict[str, Person] = {}
        for path, item in self.records(doc, "people"):
            rec = self.obj(item, path, ("id", "name"), ("unit", "title", "original_id"))
            if rec is None or (person_id := self.new_id(rec, path)) is None:
                continue
            people[person_id] = Person(
                person_id,
                self.text(rec, "name", path),
                self.ref(rec, "unit", path),
                self.text(rec, "title", path),
                self.ref(rec, "original_id", path) or None,
            )
        return people

    def read_processes(self, doc: dict[str, Any]) -> dict[str, Process]:
        processes: dict[str, Process] = {}
        for path, item in self.records(doc, "processes"):
            rec = self.obj(
                item,
                path,
                ("id", "name", "kind"),
                (
                    "parent", "owner", "leader", "purpose", "customer", "need", "result",
                    "objects_in", "objects_out", "status", "original_id", "established",
                    "next_review",
                ),
            )  # fmt: skip
            if rec is None or (pid := self.new_id(rec, path)) is None:
                continue
            processes[pid] = Process(
                id=pid,
                name=self.text(rec, "name", path),
                kind=self.word(rec, "kind"),
                parent=self.ref(rec, "parent", path),
                purpose=self.text(rec, "purpose", path),
                customer=self.text(rec, "customer", path),
                need=self.text(rec, "need", path),
                result=self.text(rec, "result", path),
                objects_in=self.strings(rec, "objects_in", path),
                objects_out=self.strings(rec, "objects_out", path),
                owner=self.ref(rec, "owner", path),
                leader=self.ref(rec, "leader", path),
                status=(self.word(rec, "status") if "status" in rec else "draft"),
                original_id=self.ref(rec, "original_id", path) or None,
                established=(
                    None if rec.get("established") is None else self.word(rec, "established")
                ),
                next_review=date(self, rec, "next_review", path),
            )
        return processes

    def read_relations(self, doc: dict[str, Any]) -> dict[str, Relation]:
        relations: dict[str, Relation] = {}
        for path, item in self.records(doc, "relations"):
            rec = self.obj(item, path, ("id", "source", "target", "kind"), ("object",))
            if rec is None or (rid := self.new_id(rec, path)) is None:
                continue
            source = self.end(rec, "source", path)
            target = self.end(rec, "target", path)
            kind = self.word(rec, "kind")
            if source is None or target is None:
                continue
            relations[rid] = Relation(rid, source, target, kind, self.text(rec, "object", path))
        return relations

    def read_participation(self, doc: dict[str, Any]) -> dict[tuple[str, str], str]:
        participation: dict[tuple[str, str], str] = {}
        for path, item in self.records(doc, "participation"):
            rec = self.obj(item, path, ("process", "unit", "roles"), ())
            if rec is None:
                continue
            pid_ref = self.end(rec, "process", path)
            uid_ref = self.end(rec, "unit", path)
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
            self.paths.rows[(pid_ref, uid_ref)] = path
        return participation

    def read_kpis(self, doc: dict[str, Any]) -> dict[str, Kpi]:
        kpis: dict[str, Kpi] = {}
        for path, item in self.records(doc, "kpis"):
            rec = self.obj(
                item,
                path,
                ("id", "process", "name", "kind", "direction"),
                ("measure", "target", "actual", "series", "objective"),
            )
            if rec is None or (kid := self.new_id(rec, path)) is None:
                continue
            kpi_process = self.end(rec, "process", path)
            if kpi_process is None:
                continue
            kpi = Kpi(
                kid,
                kpi_process,
                self.text(rec, "name", path),
                self.word(rec, "kind"),
                self.text(rec, "measure", path),
                self.word(rec, "direction"),
                self.opt_number(rec, "target", path),
                self.opt_number(rec, "actual", path),
                objective=self.ref(rec, "objective", path),
            )
            if series := read_series(self, rec, path):  # the latest value is the actual
                kpi = replace(kpi, actual=series[-1].value, series=series)
            kpis[kid] = kpi
        return kpis

    def read_rules(self, doc: dict[str, Any]) -> dict[str, str]:
        rules: dict[str, str] = {}
        raw_rules = doc.get("rules", {})
        if not isinstance(raw_rules, dict):
            self.problem("rules", N_("should be an object"))
            raw_rules = {}
        for rule, setting in raw_rules.items():
            rules[rule] = setting if isinstance(setting, str) else str(setting)
        return rules

    def read_suppressions(self, doc: dict[str, Any]) -> dict[tuple[str, tuple[str, ...]], str]:
        suppressions: dict[tuple[str, tuple[str, ...]], str] = {}
        for path, item in self.records(doc, "suppressions"):
            rec = self.obj(item, path, ("rule", "elements", "justification"), ())
            if rec is None:
                continue
            rule_id = self.text(rec, "rule", path)
            elements = self.strings(rec, "elements", path)
            justification = self.text(rec, "justification", path)
            skey = (rule_id, elements)
            if skey in suppressions:
                self.problem(path, N_("this finding is already suppressed"))
                continue
            suppressions[skey] = justification
            self.paths.rows[skey] = path
        return suppressions

    def read_diagrams(
        self, doc: dict[str, Any]
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
            if level in seen_levels:
                self.problem(f"{path}.level", N_("this diagram appears twice"))
                continue
            seen_levels.add(level)
            self.paths.diagrams[level] = path
            if "swimlanes" in rec or "lane_order" in rec:
                swimlanes = rec.get("swimlanes", False)
                if not isinstance(swimlanes, bool):
                    self.problem(f"{path}.swimlanes", N_("should be true or false"))
                    swimlanes = False
                lanes = self.strings(rec, "lane_order", path)
                for i, uid in enumerate(lanes):
                    self.paths.lanes.setdefault((level, uid), f"{path}.lane_order[{i}]")
                diagrams[level] = DiagramOptions(swimlanes, lanes)
            self.read_shapes(rec, path, level, shapes.setdefault(level, {}))
            self.read_waypoints(rec, path, level, waypoints.setdefault(level, {}))
        return diagrams, _nonempty(shapes), _nonempty(waypoints)

    def read_shapes(
        self,
        rec: dict[str, Any],
        path: str,
        level: str | None,
        level_shapes: dict[str, Bounds],
    ) -> None:
        """The shapes of one diagram record into *level_shapes*."""
        for i, shape in enumerate(self.seq(rec.get("shapes", []), f"{path}.shapes")):
            spath = f"{path}.shapes[{i}]"
            srec = self.obj(shape, spath, ("process", "x", "y", "w", "h"), ())
            if srec is None:
                continue
            pid = self.end(srec, "process", spath)
            x, y, w, h = (self.number(srec[k], f"{spath}.{k}", LIMIT) for k in ("x", "y", "w", "h"))
            if pid is None:
                continue
            if pid in level_shapes:
                self.problem(spath, N_("the process '{id}' is shown twice on this diagram"), id=pid)
                continue
            level_shapes[pid] = Bounds(x, y, w, h)
            self.paths.geometry[("shapes", level, pid)] = spath

    def read_waypoints(
        self,
        rec: dict[str, Any],
        path: str,
        level: str | None,
        level_points: dict[str, tuple[tuple[float, float], ...]],
    ) -> None:
        """The bend points of one diagram record into *level_points*."""
        entries = self.seq(rec.get("waypoints", []), f"{path}.waypoints")
        for i, entry in enumerate(entries):
            wpath = f"{path}.waypoints[{i}]"
            wrec = self.obj(entry, wpath, ("relation", "points"), ())
            if wrec is None:
                continue
            rid = self.end(wrec, "relation", wpath)
            points = []
            for j, point in enumerate(self.seq(wrec["points"], f"{wpath}.points")):
                if not isinstance(point, list) or len(point) != 2:
                    self.problem(f"{wpath}.points[{j}]", N_("should be a pair [x, y]"))
                    continue
                points.append(
                    (self.number(point[0], f"{wpath}.points[{j}]", LIMIT),
                     self.number(point[1], f"{wpath}.points[{j}]", LIMIT))
                )  # fmt: skip
            if rid is None or not points:
                continue
            if rid in level_points:
                self.problem(wpath, N_("the relation '{id}' has bend points twice"), id=rid)
                continue
            level_points[rid] = tuple(points)
            self.paths.geometry[("waypoints", level, rid)] = wpath


def _nonempty(per_level: dict[Any, dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    """The levels that hold something (a diagram without shapes adds no entry)."""
    return {level: items for level, items in per_level.items() if items}
