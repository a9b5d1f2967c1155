"""The shared repository: push, pull, log and list of architectures stored in PostgreSQL.

A push is one transaction that locks the architecture's row: two pushes to one
architecture run one after the other, and the second merges the first's changes. Only the
records that changed are written; pulling any version reads the records valid at it.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.io import native
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Origin
from procmodeler.repository import records, schema
from procmodeler.repository.connection import connect, database_error, database_name, redact


@dataclass(frozen=True)
class VersionInfo:
    """One stored version: its number, when and by whom, what it changed."""

    number: int
    created_at: datetime
    author: str
    based_on: int | None
    summary: dict[str, Any]

    @property
    def merged(self) -> bool:
        """True when the push was based on an older version and merged."""
        return self.based_on is not None and self.based_on < self.number - 1


@dataclass(frozen=True)
class ArchitectureInfo:
    """An architecture in the repository and its latest version."""

    name: str
    head: int
    updated_at: datetime | None
    author: str


@dataclass
class PushResult:
    """What a push stored: the new version (or the unchanged head), the model as stored
    (the merge of the server's changes and the pushed ones) and whether it merged."""

    version: int
    model: Architecture
    merged: bool = False
    stored: bool = True
    summary: dict[str, Any] = field(default_factory=dict)


class PushConflict(UserError):
    """A push whose changes conflict with what others pushed since its base: nothing was
    stored. ``conflicts`` are the merge's conflicts."""

    def __init__(self, problems: list[Problem], conflicts: list[Any]) -> None:
        super().__init__(problems)
        self.conflicts = conflicts


#: merge(base, ours, theirs) -> an object with ``model`` and ``conflicts``.
Merger = Callable[[Architecture, Architecture, Architecture], Any]


def default_merge(base: Architecture, ours: Architecture, theirs: Architecture) -> Any:
    from procmodeler.io.merge import merge

    return merge(base, ours, theirs)


class Repository:
    """A connection to a repository database. Use as a context manager or call
    :meth:`close`. Opening brings an older schema forward (when allowed) and refuses a
    newer one."""

    def __init__(self, url: str, *, migrate: bool = True, merger: Merger = default_merge):
        self.url = url
        self.display_url = redact(url)
        self.merger = merger
        self.conn = connect(url)
        try:
            self._check_schema(migrate)
        except BaseException:
            self.conn.close()
            raise

    # ------------------------------------------------------------------ life cycle
    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _problem(self, msgid: str, **args: Any) -> UserError:
        return UserError(Problem(self.display_url, Message(msgid, **args)))

    def _check_schema(self, migrate: bool) -> None:
        with self.conn.cursor() as cur:
            version = schema.schema_version(cur)
        self.conn.rollback()
        if version is None:
            if not migrate:
                return
            raise self._problem(
                N_("is not a procmodeler repository yet: run 'procmodeler repo init' on it")
            )
        if version > schema.LATEST:
            raise self._problem(
                N_(
                    "was set up by a newer procmodeler (repository schema {theirs}; this "
                    "version knows {ours}): please update procmodeler"
                ),
                theirs=version,
                ours=schema.LATEST,
            )
        if version < schema.LATEST and migrate:
            try:
                schema.migrate(self.conn)
            except psycopg.errors.InsufficientPrivilege:
                self.conn.rollback()
                raise self._problem(
                    N_(
                        "has an older repository schema ({theirs}; this version needs {ours}): "
                        "its owner should run 'procmodeler repo init' on it once"
                    ),
                    theirs=version,
                    ours=schema.LATEST,
                ) from None

    def _cursor(self) -> Any:
        cur = self.conn.cursor()
        cur.execute(sql.SQL("set search_path = {}").format(sql.Identifier(schema.SCHEMA)))
        return cur

    # ------------------------------------------------------------------ setting up
    def init(self) -> tuple[list[int], tuple[str, str]]:
        """Create or bring forward the tables, and the reader and editor roles; return the
        migrations run and the role names."""
        try:
            done = schema.migrate(self.conn)
            roles = schema.ensure_roles(self.conn, database_name(self.conn))
        except psycopg.Error as exc:
            self.conn.rollback()
            raise database_error(exc, self.url) from None
        return done, roles

    def can_push(self) -> bool:
        """True when the connected role may store versions."""
        with self._cursor() as cur:
            cur.execute("select has_table_privilege('record', 'insert')")
            allowed = bool(cur.fetchone()[0])
        self.conn.rollback()
        return allowed

    # ------------------------------------------------------------------ reading
    def architectures(self) -> list[ArchitectureInfo]:
        with self._cursor() as cur:
            cur.execute(
                "select a.name, a.head, v.created_at, coalesce(v.author, '') from architecture a"
                " left join version v on v.architecture = a.id and v.number = a.head"
                " order by a.name"
            )
            rows = cur.fetchall()
        self.conn.rollback()
        return [ArchitectureInfo(*row) for row in rows]

    def _architecture(self, cur: Any, name: str, *, lock: bool = False) -> tuple[int, int] | None:
        cur.execute(
            "select id, head from architecture where name = %s" + (" for update" if lock else ""),
            (name,),
        )
        row = cur.fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def _require(self, cur: Any, name: str) -> tuple[int, int]:
        found = self._architecture(cur, name)
        if found is None:
            raise self._problem(N_("has no architecture named '{name}'"), name=name)
        return found

    def log(self, name: str) -> list[VersionInfo]:
        """The versions of architecture *name*, newest first."""
        with self._cursor() as cur:
            arch_id, _ = self._require(cur, name)
            cur.execute(
                "select number, created_at, author, based_on, summary from version"
                " where architecture = %s order by number desc",
                (arch_id,),
            )
            rows = cur.fetchall()
        self.conn.rollback()
        return [VersionInfo(*row) for row in rows]

    def head(self, name: str) -> int | None:
        with self._cursor() as cur:
            found = self._architecture(cur, name)
        self.conn.rollback()
        return found[1] if found else None

    def pull(self, name: str, version: int | None = None) -> Architecture:
        """Version *version* (default: the latest) of architecture *name*, remembering
        where it came from."""
        with self._cursor() as cur:
            arch_id, head = self._require(cur, name)
            number = head if version is None else version
            if not 1 <= number <= head:
                raise self._problem(
                    N_("'{name}' has no version {version} (its versions are 1 to {head})"),
                    name=name,
                    version=number,
                    head=head,
                )
            model = self._read(cur, arch_id, number, head, name)
        self.conn.rollback()
        model.origin = Origin(self.display_url, name, number)
        return model

    def _read(self, cur: Any, arch_id: int, number: int, head: int, name: str) -> Architecture:
        cur.execute(
            "select format_version from version where architecture = %s and number = %s",
            (arch_id, number),
        )
        format_version = int(cur.fetchone()[0])
        rows = "json_agg(json_build_array(section, key, item) order by section, ord)::text"
        if number == head:
            cur.execute(
                f"select {rows} from record where architecture = %s and until is null",
                (arch_id,),
            )
        else:
            cur.execute(
                f"select {rows} from record where architecture = %s"
                " and since <= %s and (until is null or until > %s)",
                (arch_id, number, number),
            )
        text = cur.fetchone()[0]
        doc = records.document_of_rows(json.loads(text) if text else [], format_version)
        return native.from_document(doc, f"{self.display_url} {name} {number}")

    # ------------------------------------------------------------------ pushing
    def push(self, model: Architecture, name: str, base: Architecture | None = None) -> PushResult:
        """Store *model* as the next version of *name* (a new architecture when *model*
        was not pulled from it). When others pushed since the version it was pulled at,
        their changes are merged with *model*'s; a conflict raises :class:`PushConflict`
        and stores nothing. *base*, when given, is that pulled version (saves reading it).
        """
        unresolved = len(getattr(model, "conflicts", None) or ())
        if unresolved:
            raise self._problem(
                N_("cannot take a model with {n} unresolved merge conflicts: resolve them first"),
                n=unresolved,
            )
        origin = model.origin
        based_on = origin.version if origin is not None and origin.name == name else None
        try:
            with self.conn.transaction(), self._cursor() as cur:
                result = self._push(cur, model, name, based_on, base)
        except UserError:
            raise
        except psycopg.errors.UniqueViolation as exc:
            if exc.diag.constraint_name != "architecture_name_key":
                raise database_error(exc, self.url) from None
            raise self._problem(
                N_("already has an architecture named '{name}' (someone created it just now)"),
                name=name,
            ) from None
        except psycopg.Error as exc:
            raise database_error(exc, self.url) from None
        result.model.origin = Origin(self.display_url, name, result.version)
        return result

    def _push(
        self,
        cur: Any,
        model: Architecture,
        name: str,
        based_on: int | None,
        base: Architecture | None,
    ) -> PushResult:
        found = self._architecture(cur, name, lock=True)
        if found is None:
            if based_on is not None:
                raise self._problem(N_("has no architecture named '{name}'"), name=name)
            cur.execute("insert into architecture (name) values (%s) returning id", (name,))
            arch_id, head = int(cur.fetchone()[0]), 0
            return self._store(cur, arch_id, 0, None, None, model, False)
        arch_id, head = found
        if based_on is None:
            raise self._problem(
                N_(
                    "already has an architecture named '{name}': pull it and push your "
                    "changes to the pulled copy, or push under another name"
                ),
                name=name,
            )
        if based_on > head:
            raise self._problem(
                N_(
                    "has only {head} versions of '{name}', but the model is based on version "
                    "{version}: was it pulled from another repository?"
                ),
                head=head,
                name=name,
                version=based_on,
            )
        if base is None or base.origin is None or base.origin.version != based_on:
            base = self._read(cur, arch_id, based_on, head, name)
        if based_on == head:
            return self._store(cur, arch_id, head, based_on, base, model, False)
        theirs = self._read(cur, arch_id, head, head, name)
        if records.changed_rows(base, model) == ({}, {}):  # nothing of the pusher's
            return PushResult(head, theirs, False, stored=False)
        # the stored head is "ours": its ids are shared already and must not be
        # renumbered; an id the pusher added that the head also added is renumbered
        merged = self.merger(base, theirs, model)
        if merged.conflicts:
            raise self._conflict(name, merged.conflicts)
        return self._store(cur, arch_id, head, based_on, theirs, merged.model, True)

    def _conflict(self, name: str, conflicts: list[Any]) -> PushConflict:
        problems = [
            Problem(
                self.display_url,
                Message(
                    N_("'{name}': {element} was changed both here and in the repository"),
                    name=name,
                    element=describe_conflict(conflict),
                ),
            )
            for conflict in conflicts
        ]
        return PushConflict(problems, conflicts)

    def _store(
        self,
        cur: Any,
        arch_id: int,
        head: int,
        based_on: int | None,
        current: Architecture | None,
        model: Architecture,
        merged: bool,
    ) -> PushResult:
        full = current is None or self._format_of(cur, arch_id, head) != native.FORMAT_VERSION
        if full:
            old_rows = self._head_rows(cur, arch_id) if head else {}
            new_rows = records.rows_of(model)
        else:
            assert current is not None
            old_rows, new_rows = records.changed_rows(current, model)
        stored = model.copy()
        if not old_rows and not new_rows:
            return PushResult(head, stored, merged, stored=False)
        number = head + 1
        summary = _summary(old_rows, new_rows)
        cur.execute(
            "insert into version (architecture, number, author, based_on, format_version,"
            " summary) values (%s, %s, %s, %s, %s, %s)",
            (arch_id, number, _author(cur), based_on, native.FORMAT_VERSION, Jsonb(summary)),
        )
        self._write(cur, arch_id, number, model, old_rows, new_rows)
        cur.execute("update architecture set head = %s where id = %s", (number, arch_id))
        return PushResult(number, stored, merged, summary=summary)

    def _format_of(self, cur: Any, arch_id: int, number: int) -> int | None:
        cur.execute(
            "select format_version from version where architecture = %s and number = %s",
            (arch_id, number),
        )
        row = cur.fetchone()
        return int(row[0]) if row else None

    def _head_rows(self, cur: Any, arch_id: int) -> records.Rows:
        cur.execute(
            "select section, key, item from record where architecture = %s and until is null",
            (arch_id,),
        )
        return {(section, key): item for section, key, item in cur.fetchall()}

    def _write(
        self,
        cur: Any,
        arch_id: int,
        number: int,
        model: Architecture,
        old_rows: records.Rows,
        new_rows: records.Rows,
    ) -> None:
        positions, moved = self._positions(cur, arch_id, model, old_rows, new_rows)
        close = list(dict.fromkeys([*old_rows, *moved]))
        if close:
            cur.execute(
                "update record r set until = %s from unnest(%s::text[], %s::text[]) as c(s, k)"
                " where r.architecture = %s and r.until is null and r.section = c.s"
                " and r.key = c.k",
                (number, [s for s, _ in close], [k for _, k in close], arch_id),
            )
        if moved:
            cur.execute(
                "insert into record (architecture, section, key, since, ord, item)"
                " select r.architecture, r.section, r.key, %s, m.o, r.item from record r"
                " join unnest(%s::text[], %s::text[], %s::float8[]) as m(s, k, o)"
                " on r.section = m.s and r.key = m.k"
                " where r.architecture = %s and r.until = %s",
                (
                    number,
                    [s for s, _ in moved],
                    [k for _, k in moved],
                    [positions[m] for m in moved],
                    arch_id,
                    number,
                ),
            )
        if new_rows:
            # one array parameter per column and the items as one JSON text: the server
            # parses them in bulk, far faster than a row at a time
            keys = list(new_rows)
            cur.execute(
                "insert into record (architecture, section, key, since, ord, item)"
                " select %s, t.s, t.k, %s, t.o, t.i from rows from (unnest(%s::text[]),"
                " unnest(%s::text[]), unnest(%s::float8[]), jsonb_array_elements(%s::jsonb))"
                " as t(s, k, o, i)",
                (
                    arch_id,
                    number,
                    [s for s, _ in keys],
                    [k for _, k in keys],
                    [positions.get(k, 1.0) for k in keys],  # a whole section: one row
                    json.dumps(list(new_rows.values()), ensure_ascii=False),
                ),
            )

    def _positions(
        self,
        cur: Any,
        arch_id: int,
        model: Architecture,
        old_rows: records.Rows,
        new_rows: records.Rows,
    ) -> tuple[dict[tuple[str, str], float], list[tuple[str, str]]]:
        """Sort positions for the new rows, and the unchanged rows that must move.

        Usually (changed records, new ones at the end) only the positions of the changed
        records and the largest position of each section are read; a section where new
        records sit between old ones is placed anew as a whole (records.assign_order).
        """
        by_section: dict[str, list[str]] = {}
        for section, key in new_rows:
            by_section.setdefault(section, []).append(key)
        simple: list[tuple[str, str]] = []
        appended: dict[str, list[str]] = {}
        whole: list[str] = []
        for section, keys in by_section.items():
            added = [k for k in keys if (section, k) not in old_rows]
            if added:
                order = records.key_order(model, section) if section in _ORDERED else added
                if set(order[len(order) - len(added) :]) != set(added):
                    whole.append(section)
                    continue
                appended[section] = order[len(order) - len(added) :]
            simple.extend((section, k) for k in keys if (section, k) in old_rows)
        positions: dict[tuple[str, str], float] = {}
        if simple:
            cur.execute(
                "select r.section, r.key, r.ord from record r"
                " join unnest(%s::text[], %s::text[]) as c(s, k) on r.section = c.s"
                " and r.key = c.k where r.architecture = %s and r.until is null",
                ([s for s, _ in simple], [k for _, k in simple], arch_id),
            )
            positions.update({(s, k): o for s, k, o in cur.fetchall()})
        if appended:
            cur.execute(
                "select section, max(ord) from record where architecture = %s"
                " and until is null and section = any(%s) group by section",
                (arch_id, list(appended)),
            )
            top = dict(cur.fetchall())
            for section, keys in appended.items():
                start = top.get(section) or 0.0
                for i, key in enumerate(keys, 1):
                    positions[(section, key)] = start + i
        moved: list[tuple[str, str]] = []
        if whole:
            cur.execute(
                "select section, key, ord from record where architecture = %s"
                " and until is null and section = any(%s)",
                (arch_id, whole),
            )
            old_ord: dict[str, dict[str, float]] = {}
            for section, key, ord_ in cur.fetchall():
                old_ord.setdefault(section, {})[key] = ord_
            for section in whole:
                before = old_ord.get(section, {})
                placed = records.assign_order(records.key_order(model, section), before)
                for key, position in placed.items():
                    positions[(section, key)] = position
                    if (section, key) not in new_rows and before.get(key, position) != position:
                        moved.append((section, key))
        return positions, moved


_ORDERED = frozenset(records.SECTIONS)


def _author(cur: Any) -> str:
    """The database role that pushes, with the operating-system user when they differ."""
    cur.execute("select session_user")
    role = str(cur.fetchone()[0])
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = ""
    return role if not login or login == role else f"{role} ({login})"


def _summary(old_rows: records.Rows, new_rows: records.Rows) -> dict[str, Any]:
    """Counts of added, changed and removed records per section."""
    counts: dict[str, dict[str, int]] = {}
    for key in dict.fromkeys([*old_rows, *new_rows]):
        op = (
            "changed"
            if key in old_rows and key in new_rows
            else ("added" if key in new_rows else "removed")
        )
        section = counts.setdefault(key[0], {})
        section[op] = section.get(op, 0) + 1
    return counts


def describe_conflict(conflict: Any) -> str:
    """A merge conflict as ``kind 'id' (field)``."""
    kind = getattr(conflict, "kind", "")
    ident = getattr(conflict, "id", None) or str(getattr(conflict, "key", ""))
    fld = getattr(conflict, "field", None)
    text = f"{kind} '{ident}'"
    return f"{text} ({fld})" if fld else text


def summary_text(summary: dict[str, Any], tr: Callable[[str], str] | None = None) -> str:
    """A version's summary as one line: ``processes: 1 added, 2 changed; shapes: 3 changed``."""
    translate = tr or (lambda text: text)
    parts = []
    for section in records.SECTIONS + tuple(s for s in summary if s not in records.SECTIONS):
        counts = summary.get(section)
        if not counts:
            continue
        ops = [
            translate(_OPS[op]).format(n=counts[op])
            for op in ("added", "changed", "removed")
            if counts.get(op)
        ]
        parts.append(f"{translate(_SECTION_NAMES.get(section, section))}: {', '.join(ops)}")
    return "; ".join(parts)


_OPS = {"added": N_("{n} added"), "changed": N_("{n} changed"), "removed": N_("{n} removed")}
_SECTION_NAMES = {
    "meta": N_("properties"),
    "units": N_("units"),
    "people": N_("people"),
    "processes": N_("processes"),
    "relations": N_("relations"),
    "participation": N_("participation"),
    "kpis": N_("KPIs"),
    "objectives": N_("objectives"),
    "contributions": N_("contributions"),
    "improvements": N_("improvements"),
    "rules": N_("rule settings"),
    "suppressions": N_("suppressions"),
    "diagrams": N_("diagram options"),
    "shapes": N_("shapes"),
    "waypoints": N_("bend points"),
}
