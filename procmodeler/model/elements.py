"""The elements of a process architecture (DESIGN.md section 2) as immutable records.

Every element is a frozen dataclass; a change replaces a record with a new one
(``dataclasses.replace``), which keeps undo simple and makes records safe to share.
Vocabularies (process kinds, relation kinds, KPI kinds, ...) are plain string tuples so
that files and the command line use the same words as the code.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

PROCESS_KINDS: tuple[str, ...] = ("management", "core", "support")
RELATION_KINDS: tuple[str, ...] = ("flow", "support", "steering")
KPI_KINDS: tuple[str, ...] = (
    "lead_time",
    "variation",
    "stability",
    "customer_experience",
    "other",
)
DIRECTIONS: tuple[str, ...] = ("lower", "higher")
PROCESS_STATUSES: tuple[str, ...] = ("draft", "in_review", "approved", "retired")
#: The status of the architecture as a document (its document control), in order.
DOCUMENT_STATUSES: tuple[str, ...] = ("draft", "for_decision", "adopted")
#: How far a process has come into everyday use (REGISTER.md version 2), in order.
ESTABLISHMENT_LEVELS: tuple[str, ...] = ("described", "in_use", "measured", "improving")
#: The statuses of an improvement, in the order work moves through them.
IMPROVEMENT_STATUSES: tuple[str, ...] = ("idea", "planned", "ongoing", "done", "dropped")
#: Improvement statuses of work under way (the ones that answer a concern and can be late).
ACTIVE_IMPROVEMENT_STATUSES: tuple[str, ...] = ("planned", "ongoing")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
#: What a rule can be set to in a model: off, or the severity its findings get.
RULE_SETTINGS: tuple[str, ...] = ("off", *SEVERITIES)
RACI = "RACI"
#: The languages a model can be written in (the same as ``common.i18n.LANGUAGES``).
LANGUAGES: tuple[str, ...] = ("en", "sv")

#: The diagram level of the landscape (the top-level processes).
LANDSCAPE: None = None

#: The grid that diagram geometry snaps to, in diagram units.
GRID = 10.0
#: The size of a new process's shape (width, height) when none is given.
DEFAULT_SIZE: tuple[float, float] = (160.0, 70.0)
#: The size of the shapes the automatic layout places (register import): a little
#: larger than :data:`DEFAULT_SIZE`, so that the longer names of an imported register fit.
LAYOUT_SIZE: tuple[float, float] = (180.0, 80.0)
#: The landscape's bands from top to bottom: management steers, core creates value,
#: support enables (the order of :data:`PROCESS_KINDS`).
BAND_ORDER: tuple[str, ...] = PROCESS_KINDS


#: Largest distance from the origin, and largest size, of diagram geometry: a diagram of
#: 10,000 processes spans about 50,000 units; beyond this a coordinate is damage (a
#: renderer's arithmetic overflows near 1e308), and importers refuse or drop it.
COORDINATE_LIMIT = 10_000_000.0


def sane_coordinate(value: float) -> bool:
    """True for a finite coordinate within :data:`COORDINATE_LIMIT` of the origin."""
    return -COORDINATE_LIMIT <= value <= COORDINATE_LIMIT  # False for NaN and infinities


def snap(value: float, grid: float = GRID) -> float:
    """*value* rounded to the nearest grid line."""
    return float(round(value / grid) * grid)


_LOWER_IS_BETTER = frozenset({"lead_time", "variation"})

# XML 1.0 NCName: a Name without colons. The ranges follow the XML 1.0 (5th ed.) spec.
_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
_ASCII_NCNAME_RE = re.compile(r"[A-Z_a-z][\-.0-9A-Z_a-z]*")
_LAZY_PATTERNS = {
    "NCNAME_START_RE": f"[{_NAME_START}]",
    "NCNAME_CHAR_RE": f"[{_NAME_CHAR}]",
    "_NCNAME_RE": f"[{_NAME_START}][{_NAME_CHAR}]*",
}


def __getattr__(name: str) -> re.Pattern[str]:
    """The full-Unicode NCName patterns, compiled on first use: compiling their
    character ranges took a tenth of every start-up (PEP 562 module attribute)."""
    if name not in _LAZY_PATTERNS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    pattern = re.compile(_LAZY_PATTERNS[name])
    globals()[name] = pattern
    return pattern


def is_ncname(value: str) -> bool:
    """True when *value* is a valid XML NCName (usable as a BPMN ``id``)."""
    if value.isascii():
        return bool(_ASCII_NCNAME_RE.fullmatch(value))
    return bool(__getattr__("_NCNAME_RE").fullmatch(value))


#: A line of text that is not an ASCII NCName.
_ASCII_NOT_NCNAME_LINE_RE = re.compile(r"^(?![A-Z_a-z][\-.0-9A-Z_a-z]*$).*$", re.MULTILINE)


def not_ncnames(values: list[str]) -> list[str]:
    """The *values* that are no NCName (:func:`is_ncname`), in order: for thousands of
    register ids, one pass of a pattern over all of them when they are ASCII."""
    joined = "\n".join(values)
    if joined.isascii() and joined.count("\n") == len(values) - 1:
        return _ASCII_NOT_NCNAME_LINE_RE.findall(joined) if values else []
    return [value for value in values if not is_ncname(value)]


_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_date(value: object) -> bool:
    """True for a calendar date written ``YYYY-MM-DD`` (the one form dates are kept in)."""
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def default_direction(kpi_kind: str) -> str:
    """Which direction is better for a KPI kind when none is given."""
    return "lower" if kpi_kind in _LOWER_IS_BETTER else "higher"


@functools.lru_cache(maxsize=1024)
def normalize_letters(letters: str) -> str:
    """RACI letters in canonical order without duplicates: ``"ar"`` -> ``"RA"``.

    Raises ValueError for any character other than R, A, C, I (either case), spaces
    and commas. Remembered per text (a model writes its letters a handful of ways, and
    readers and the validator ask for tens of thousands of rows)."""
    found = set()
    for ch in letters:
        if ch in " ,":
            continue
        up = ch.upper()
        if up not in RACI:
            raise ValueError(ch)
        found.add(up)
    return "".join(letter for letter in RACI if letter in found)


def nfc(text: str) -> str:
    """Unicode NFC form, the one form text is kept in."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class ChangeLogEntry:
    """One line of the document's change log: when (``YYYY-MM-DD``), which version, what
    changed and by whom."""

    date: str = ""
    version: str = ""
    change: str = ""
    author: str = ""


@dataclass(frozen=True, slots=True)
class Metadata:
    """The architecture's own properties, with its document control (status, adoption,
    reference number, distribution and change log; format version 4)."""

    name: str = ""
    organisation: str = ""
    language: str = "en"
    version_label: str = ""
    author: str = ""
    #: :data:`DOCUMENT_STATUSES`
    status: str = "draft"
    #: who adopted it (a board, a committee), "" when not adopted
    adopted_by: str = ""
    #: the date it was adopted (``YYYY-MM-DD``), or None
    adopted_on: str | None = None
    #: the reference number in the organisation's records (diarienummer)
    reference: str = ""
    #: who receives it, free text
    distribution: str = ""
    change_log: tuple[ChangeLogEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a model was pulled from: a shared repository's address (never with a
    password), the architecture's name there and the version the copy is based on.

    Not part of the model's content: diffs, merges and snapshots ignore it."""

    url: str
    name: str
    version: int


@dataclass(frozen=True, slots=True)
class Process:
    """A process at any level of the hierarchy (``parent`` None: top level)."""

    id: str
    name: str
    kind: str = "core"
    parent: str | None = None
    purpose: str = ""
    customer: str = ""
    need: str = ""
    result: str = ""
    objects_in: tuple[str, ...] = ()
    objects_out: tuple[str, ...] = ()
    owner: str | None = None
    leader: str | None = None
    status: str = "draft"
    original_id: str | None = None
    #: how far it has come into everyday use (:data:`ESTABLISHMENT_LEVELS`), None: not
    #: assessed
    established: str | None = None
    #: the date of its next review (``YYYY-MM-DD``), or None
    next_review: str | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """An organisational unit in a tree, with a head (a person)."""

    id: str
    name: str
    parent: str | None = None
    head: str | None = None
    original_id: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """A person, optionally belonging to a unit."""

    id: str
    name: str
    unit: str | None = None
    title: str = ""
    original_id: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed relation between two processes (any levels)."""

    id: str
    source: str
    target: str
    kind: str = "flow"
    object: str = ""


@dataclass(frozen=True, slots=True)
class Measurement:
    """One value of a KPI's series (FLOW-AND-EFFECT.md): its period (canonical text, see
    ``model.periods``), value, an optional note, and whether the process was changed
    from this period on (a rebase: limits are computed anew from here)."""

    period: str
    value: float
    note: str = ""
    rebase: bool = False


@dataclass(frozen=True, slots=True)
class Kpi:
    """A flow-and-effect measure of one process, with its series of measurements in
    period order (when there is one, ``actual`` is the latest value)."""

    id: str
    process: str
    name: str
    kind: str = "other"
    measure: str = ""
    direction: str = "higher"
    target: float | None = None
    actual: float | None = None
    series: tuple[Measurement, ...] = ()
    #: the strategic objective the KPI measures, or None
    objective: str | None = None


@dataclass(frozen=True, slots=True)
class Objective:
    """A strategic objective in a tree (``parent`` None: a top-level objective), with
    the person who owns it, its horizon (free text, e.g. ``2027``) and a description.
    Processes contribute to objectives (the model's ``contributions``)."""

    id: str
    name: str
    parent: str | None = None
    owner: str | None = None
    horizon: str = ""
    description: str = ""
    original_id: str | None = None


@dataclass(frozen=True, slots=True)
class Improvement:
    """An improvement of one process: what is to be done (``title``), how far it has
    come (:data:`IMPROVEMENT_STATUSES`), who is responsible, the KPI it is meant to
    move, and its dates (``YYYY-MM-DD`` or None)."""

    id: str
    process: str
    title: str
    status: str = "idea"
    responsible: str | None = None
    kpi: str | None = None
    started: str | None = None
    due: str | None = None
    done: str | None = None
    description: str = ""
    original_id: str | None = None


@dataclass(frozen=True, slots=True)
class Bounds:
    """A shape's rectangle in diagram coordinates (x to the right, y downwards)."""

    x: float
    y: float
    w: float
    h: float

    def moved(self, dx: float, dy: float) -> Bounds:
        return Bounds(self.x + dx, self.y + dy, self.w, self.h)

    @property
    def center(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)


#: A waypoint of a relation's line.
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class DiagramOptions:
    """Per-diagram settings: swimlanes per participating unit, and their order."""

    swimlanes: bool = False
    lane_order: tuple[str, ...] = ()
