"""The checking reader: a current-version document to a model, with every problem at its JSON path."""

from __future__ import annotations

import functools
import math
from typing import Any

from procmodeler.common.errors import Problem
from procmodeler.common.i18n import LANGUAGES, N_, Message
from procmodeler.io.conflictfile import KEY, read_conflicts
from procmodeler.io.native.format import FORMAT_VERSION, META_KEYS, RULE_SETTINGS, TOP_KEYS
from procmodeler.io.native.writer import _string
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RACI,
    RELATION_KINDS,
    Bounds,
    DiagramOptions,
    Kpi,
    Metadata,
    Origin,
    Person,
    Process,
    Relation,
    Unit,
    is_ncname,
    normalize_letters,
)

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

        units = self.read_units(doc)
        people = self.read_people(doc)
        processes, proc_paths = self.read_processes(doc)
        relations = self.read_relations(doc, processes)
        participation = self.read_participation(doc, processes, units)
        kpis = self.read_kpis(doc, processes)
        self.check_references(units, people, processes, proc_paths)
        rules = self.read_rules(doc)
        suppressions = self.read_suppressions(doc)
        diagrams, shapes, waypoints = self.read_diagrams(doc, processes, units, relations)
        result = Architecture.from_collections(
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
        if "repository" in doc:
            result.origin = self.read_origin(doc["repository"])
        result.conflicts = read_conflicts(doc.get(KEY), self.filename, self.problems)
        return result

    def read_origin(self, value: Any) -> Origin | None:
        rec = self.obj(value, "repository", ("url", "name", "version"), ())
        if rec is None:
            return None
        url = self.text(rec, "url", "repository", required=True)
        name = self.text(rec, "name", "repository", required=True)
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
                self.text(rec, "name", path, required=True),
                self.ref(rec, "parent", path),
                self.ref(rec, "head", path),
                self.ref(rec, "original_id", path),
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
                self.text(rec, "name", path, required=True),
                self.ref(rec, "unit", path),
                self.text(rec, "title", path),
                self.ref(rec, "original_id", path),
            )
        return people

    def read_processes(self, doc: dict[str, Any]) -> tuple[dict[str, Process], dict[str, str]]:
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
        return processes, proc_paths

    def read_relations(
        self, doc: dict[str, Any], processes: dict[str, Process]
    ) -> dict[str, Relation]:
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
        return relations

    def read_participation(
        self, doc: dict[str, Any], processes: dict[str, Process], units: dict[str, Unit]
    ) -> dict[tuple[str, str], str]:
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
        return participation

    def read_kpis(self, doc: dict[str, Any], processes: dict[str, Process]) -> dict[str, Kpi]:
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
        return kpis

    def check_references(
        self,
        units: dict[str, Unit],
        people: dict[str, Person],
        processes: dict[str, Process],
        proc_paths: dict[str, str],
    ) -> None:
        """References between units, people and processes, and the two hierarchies."""
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

    def read_rules(self, doc: dict[str, Any]) -> dict[str, str]:
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
        return rules

    def read_suppressions(self, doc: dict[str, Any]) -> dict[tuple[str, tuple[str, ...]], str]:
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
        return suppressions

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
            self.read_shapes(rec, path, processes, shapes.setdefault(level, {}))
            self.read_waypoints(rec, path, relations, waypoints.setdefault(level, {}))
        return diagrams, _nonempty(shapes), _nonempty(waypoints)

    def read_shapes(
        self,
        rec: dict[str, Any],
        path: str,
        processes: dict[str, Process],
        level_shapes: dict[str, Bounds],
    ) -> None:
        """The shapes of one diagram record into *level_shapes*."""
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
            if pid in level_shapes:
                self.problem(spath, N_("the process '{id}' is shown twice on this diagram"), id=pid)
                continue
            level_shapes[pid] = Bounds(x, y, w, h)

    def read_waypoints(
        self,
        rec: dict[str, Any],
        path: str,
        relations: dict[str, Relation],
        level_points: dict[str, tuple[tuple[float, float], ...]],
    ) -> None:
        """The bend points of one diagram record into *level_points*."""
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
            if rid in level_points:
                self.problem(wpath, N_("the relation '{id}' has bend points twice"), id=rid)
                continue
            level_points[rid] = tuple(points)


def _nonempty(per_level: dict[Any, dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    """The levels that hold something (a diagram without shapes adds no entry)."""
    return {level: items for level, items in per_level.items() if items}
