"""The register's format: its files and columns, limits, kind words and the import result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from procmodeler.common.errors import Problem
from procmodeler.model.architecture import Architecture

#: Files above this size are refused before they are read.
MAX_FILE_SIZE = 200 * 1024 * 1024

#: Rows (records after the header) a file or sheet may hold. Reading stops at the
#: limit, so time and memory stay bounded whatever the file holds. A register of
#: 10,000 processes has at most a few ten thousand rows in its largest file.
MAX_ROWS = 200_000

#: Errors, warnings and notes kept in full (each kind); the rest are only counted.
MAX_KEPT_PROBLEMS = 500

#: Prefixes of generated relation and KPI ids (the same as the editing layer's).
RELATION_PREFIX = "rel_"
KPI_PREFIX = "kpi_"


@dataclass(frozen=True)
class TableSpec:
    """One file of a register: its required and optional columns, in export order."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


_PROCESS_TEXT = ("customer", "need", "result", "purpose")

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "processes",
            ("id", "name", "kind"),
            (
                "parent",
                "owner",
                "leader",
                *_PROCESS_TEXT,
                "objects_in",
                "objects_out",
                "status",
                "next_review",
                "established",
            ),
        ),
        TableSpec("units", ("id", "name"), ("parent", "head")),
        TableSpec("people", ("id", "name"), ("unit", "title")),
        TableSpec("raci", ("process", "unit", "roles"), ()),
        TableSpec("relations", ("source", "target", "kind"), ("object", "id")),
        TableSpec(
            "kpis",
            ("process", "name", "kind"),
            ("measure", "direction", "target", "actual", "id", "objective"),
        ),
        TableSpec("measurements", ("kpi", "period", "value"), ("note", "rebase")),
        TableSpec("objectives", ("id", "name"), ("parent", "owner", "horizon", "description")),
        TableSpec("contributions", ("objective", "process"), ("note",)),
        TableSpec(
            "improvements",
            ("id", "process", "title"),
            ("status", "responsible", "kpi", "started", "due", "done", "description"),
        ),
        TableSpec("architecture", ("property", "value"), ()),
    )
}

#: Export column order of the files whose ``id`` column comes first.
_EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "relations": ("id", "source", "target", "kind", "object"),
    "kpis": (
        "id",
        "process",
        "name",
        "kind",
        "measure",
        "direction",
        "target",
        "actual",
        "objective",
    ),
}

META_PROPERTIES = ("name", "organisation", "language", "version_label", "author")

KIND_ALIASES = {
    "management": "management",
    "core": "core",
    "support": "support",
    "ledning": "management",
    "huvud": "core",
    "stöd": "support",
}

#: Starts of a cell that a spreadsheet could take for a formula (a leading tab or
#: carriage return is dropped by some spreadsheets before they look).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PROTECTED = re.compile(r"'+[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


# ====================================================================== result
@dataclass
class ImportResult:
    """A register turned into a model, with the warnings and notes to show."""

    arch: Architecture
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    #: Warnings and notes beyond the first :data:`MAX_KEPT_PROBLEMS`, only counted
    #: (the lists then end with one problem that says how many).
    warnings_omitted: int = 0
    notes_omitted: int = 0


#: Suffixes of single files that a register export cannot write (a folder is meant
#: to have none of them; a workbook must end in .xlsx).
FILE_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xls", ".xlsm", ".ods", ".json", ".procm"})


#: Files of a register folder that an export replaces.
REGISTER_FILES = frozenset(spec.filename for spec in SPECS.values())
