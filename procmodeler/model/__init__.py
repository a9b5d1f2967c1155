"""The domain model: pure Python, standard library only, no imports from the rest of
procmodeler. Elements are immutable records; an :class:`Architecture` keeps them in
ordered collections and changes only through :class:`Put` change records."""

from procmodeler.model.architecture import Architecture
from procmodeler.model.changes import Put
from procmodeler.model.elements import (
    DIRECTIONS,
    KPI_KINDS,
    LANDSCAPE,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RACI,
    RELATION_KINDS,
    SEVERITIES,
    Bounds,
    DiagramOptions,
    Kpi,
    Measurement,
    Metadata,
    Origin,
    Person,
    Point,
    Process,
    Relation,
    Unit,
    default_direction,
    is_ncname,
    normalize_letters,
)

__all__ = [
    "DIRECTIONS",
    "KPI_KINDS",
    "LANDSCAPE",
    "PROCESS_KINDS",
    "PROCESS_STATUSES",
    "RACI",
    "RELATION_KINDS",
    "SEVERITIES",
    "Architecture",
    "Bounds",
    "DiagramOptions",
    "Kpi",
    "Measurement",
    "Metadata",
    "Origin",
    "Person",
    "Point",
    "Process",
    "Put",
    "Relation",
    "Unit",
    "default_direction",
    "is_ncname",
    "normalize_letters",
]
