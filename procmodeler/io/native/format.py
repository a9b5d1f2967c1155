"""The native file's format: its version, size limit, suffix and the keys in file order."""

from __future__ import annotations

from procmodeler.model.elements import (
    SEVERITIES,
)

#: The format version this program writes (an integer, separate from the app version).
FORMAT_VERSION = 4

#: Files larger than this are refused before they are read.
MAX_FILE_SIZE = 200 * 1024 * 1024

#: The file name suffix of native model files.
SUFFIX = ".procm"

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
    "objectives",
    "contributions",
    "improvements",
    "rules",
    "suppressions",
    "diagrams",
    "repository",
    "conflicts",
)

#: The keys of ``meta``: the first five are always written; the document control's
#: (format version 4) only when set.
META_KEYS: tuple[str, ...] = (
    "name",
    "organisation",
    "language",
    "version_label",
    "author",
    "status",
    "adopted_by",
    "adopted_on",
    "reference",
    "distribution",
    "change_log",
)
